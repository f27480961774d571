export declare function excelSerialToDate(serial: number, date1904?: boolean): Date | undefined;
export declare function excelSerialToIsoDate(serial: number, date1904?: boolean): string | undefined;
export declare function numberToText(n: number): string;
export declare function exceljsDateToIsoDate(date: Date): string;
export declare function cellToText(
  value: unknown,
  numFmt: string | undefined,
  date1904: boolean,
): { text: string; formula: boolean };
