import { EtlError, truncateRawValue } from '../errors.js';

/**
 * The readers' message catalogue: one factory per failure, French first, each saying what to do.
 * Codes are stable (tests and import reports rely on them).
 */

/** Excel's column name for a 1-based index (1 → A, 27 → AA): what a spreadsheet user looks for. */
export function columnLetter(index: number): string {
  let name = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Megabytes with one decimal, French decimal comma unless `en`. */
function mb(bytes: number, en = false): string {
  const value = `${Math.round((bytes / (1024 * 1024)) * 10) / 10}`;
  return en ? value : value.replace('.', ',');
}

const SAVE_AS = {
  fr: 'Enregistrez le fichier au format .xlsx ou CSV (UTF-8) depuis votre tableur, puis réessayez.',
  en: 'Save the file as .xlsx or CSV (UTF-8) from your spreadsheet software, then try again.',
};

export const readErrors = {
  unsupportedFormat(fileName: string): EtlError {
    return new EtlError('unsupported_format', {
      fr: `Le fichier « ${truncateRawValue(fileName)} » n'a pas une extension reconnue. Formats acceptés : .csv, .tsv, .txt, .xlsx, .json, .ndjson. ${SAVE_AS.fr}`,
      en: `The file "${truncateRawValue(fileName)}" does not have a supported extension. Accepted formats: .csv, .tsv, .txt, .xlsx, .json, .ndjson. ${SAVE_AS.en}`,
    });
  },
  /**
   * The npm `xlsx` 0.18.5 reader of .xls (and .ods) carries known vulnerabilities and its fixed builds are not on the
   * npm registry: those formats are not read at all, and the text, the file picker and this refusal say so alike.
   */
  legacyExcelExtension(): EtlError {
    return new EtlError('format_xls_not_accepted', {
      fr: 'Les anciens classeurs Excel (.xls) ne sont pas acceptés. Ouvrez le fichier dans Excel, puis Fichier > Enregistrer sous > « Classeur Excel (*.xlsx) » ou « CSV UTF-8 (délimité par des virgules) », et envoyez ce nouveau fichier.',
      en: 'Legacy Excel workbooks (.xls) are not accepted. Open the file in Excel, then File > Save As > "Excel Workbook (*.xlsx)" or "CSV UTF-8 (Comma delimited)", and upload that new file.',
    });
  },
  odsExtension(): EtlError {
    return new EtlError('format_ods_not_accepted', {
      fr: 'Les classeurs OpenDocument (.ods) ne sont pas acceptés. Dans LibreOffice : Fichier > Enregistrer sous > « Excel 2007-365 (.xlsx) » ou « Texte CSV (.csv) », puis envoyez ce nouveau fichier.',
      en: 'OpenDocument spreadsheets (.ods) are not accepted. In LibreOffice: File > Save As > "Excel 2007-365 (.xlsx)" or "Text CSV (.csv)", then upload that new file.',
    });
  },
  emptyFile(): EtlError {
    return new EtlError('empty_file', {
      fr: "Le fichier est vide : il ne contient aucune donnée. Vérifiez que vous avez envoyé le bon fichier et que l'export contient des lignes.",
      en: 'The file is empty: it holds no data. Check that you sent the right file and that the export contains rows.',
    });
  },
  fileTooLarge(size: number, limit: number): EtlError {
    return new EtlError('file_too_large', {
      fr: `Le fichier pèse ${mb(size)} Mo, au-delà de la limite de ${mb(limit)} Mo. Découpez-le (par exemple une année par fichier) ou exportez-le en CSV.`,
      en: `The file is ${mb(size, true)} MB, above the ${mb(limit, true)} MB limit. Split it (for example one year per file) or export it as CSV.`,
    });
  },
  contentIsPdf(): EtlError {
    return new EtlError('content_pdf', {
      fr: `Ce fichier est un PDF, pas un fichier Excel ou CSV : un PDF ne peut pas être importé. ${SAVE_AS.fr}`,
      en: `This file is a PDF, not an Excel or CSV file: a PDF cannot be imported. ${SAVE_AS.en}`,
    });
  },
  contentIsLegacyExcel(): EtlError {
    return new EtlError('content_legacy_xls', {
      fr: `Ce fichier est un ancien classeur Excel (.xls) ou un classeur protégé par mot de passe, qui ne peut pas être lu. Retirez le mot de passe s'il y en a un et enregistrez-le au format .xlsx ou CSV (UTF-8), puis réessayez.`,
      en: 'This file is a legacy Excel workbook (.xls) or a password-protected workbook, which cannot be read. Remove the password if there is one and save it as .xlsx or CSV (UTF-8), then try again.',
    });
  },
  contentIsOpenDocument(): EtlError {
    return new EtlError('content_ods', {
      fr: `Ce fichier est un classeur OpenDocument (LibreOffice .ods), pas un fichier Excel. Dans LibreOffice : Fichier > Enregistrer sous > « Excel 2007-365 (.xlsx) » ou CSV, puis réessayez.`,
      en: 'This file is an OpenDocument spreadsheet (LibreOffice .ods), not an Excel file. In LibreOffice: File > Save As > "Excel 2007-365 (.xlsx)" or CSV, then try again.',
    });
  },
  contentIsZipNotXlsx(): EtlError {
    return new EtlError('content_zip_not_xlsx', {
      fr: `Ce fichier est une archive ZIP (ou un document Word/PowerPoint), pas un classeur Excel. ${SAVE_AS.fr}`,
      en: `This file is a ZIP archive (or a Word/PowerPoint document), not an Excel workbook. ${SAVE_AS.en}`,
    });
  },
  contentIsXlsxRenamed(): EtlError {
    return new EtlError('content_xlsx_renamed', {
      fr: "Ce fichier est un classeur Excel (.xlsx) dont l'extension a été changée. Renommez-le avec l'extension .xlsx, ou enregistrez-le en CSV depuis Excel, puis réessayez.",
      en: 'This file is an Excel workbook (.xlsx) whose extension was changed. Rename it with the .xlsx extension, or save it as CSV from Excel, then try again.',
    });
  },
  contentIsTextNotXlsx(): EtlError {
    return new EtlError('content_text_not_xlsx', {
      fr: "Ce fichier porte l'extension .xlsx mais contient du texte (probablement un CSV renommé). Renommez-le avec l'extension .csv, ou ouvrez-le dans Excel et enregistrez-le au format .xlsx, puis réessayez.",
      en: 'This file has the .xlsx extension but contains text (probably a renamed CSV). Rename it with the .csv extension, or open it in Excel and save it as .xlsx, then try again.',
    });
  },
  contentIsBinary(kind: string | undefined, row?: number): EtlError {
    const what = kind ? ` (${kind})` : '';
    return new EtlError(
      'content_binary',
      {
        fr: `Ce fichier contient des données binaires${what}, pas un tableau de texte${row ? ` (ligne ${row})` : ''}. ${SAVE_AS.fr}`,
        en: `This file contains binary data${what}, not a text table${row ? ` (line ${row})` : ''}. ${SAVE_AS.en}`,
      },
      { row },
    );
  },
  invalidEncoding(encoding: string, row: number): EtlError {
    return new EtlError(
      'invalid_encoding',
      {
        fr: `Ligne ${row} : caractères invalides pour l'encodage ${encoding} détecté (le fichier est peut-être tronqué ou mélange plusieurs encodages). Réenregistrez le fichier en « CSV UTF-8 » depuis votre tableur, puis réessayez.`,
        en: `Line ${row}: invalid characters for the detected ${encoding} encoding (the file may be truncated or mix several encodings). Save the file again as "CSV UTF-8" from your spreadsheet software, then try again.`,
      },
      { row },
    );
  },
  unclosedQuote(row: number): EtlError {
    return new EtlError(
      'csv_unclosed_quote',
      {
        fr: `Ligne ${row} : un guillemet (") ouvert n'est jamais refermé, le fichier est peut-être tronqué. Vérifiez cette ligne (un guillemet doit être doublé "" à l'intérieur d'une valeur) ou réexportez le fichier.`,
        en: `Line ${row}: an opening quote (") is never closed; the file may be truncated. Check that line (a quote inside a value must be doubled "") or export the file again.`,
      },
      { row },
    );
  },
  malformedCsv(row: number, detail: string): EtlError {
    return new EtlError(
      'csv_malformed',
      {
        fr: `Ligne ${row} : le fichier CSV est mal formé (${detail}). Vérifiez les guillemets de cette ligne ou réexportez le fichier depuis votre tableur.`,
        en: `Line ${row}: the CSV file is malformed (${detail}). Check the quotes on that line or export the file again from your spreadsheet software.`,
      },
      { row },
    );
  },
  recordTooLarge(row: number, limit: number): EtlError {
    return new EtlError(
      'record_too_large',
      {
        fr: `Ligne ${row} : la ligne dépasse ${mb(limit)} Mo, ce qui n'est pas une ligne de tableau normale (fichier corrompu, ou mauvais séparateur de lignes). Vérifiez le fichier ou réexportez-le.`,
        en: `Line ${row}: the line is longer than ${mb(limit, true)} MB, which is not a normal table row (corrupt file, or wrong line separator). Check the file or export it again.`,
      },
      { row },
    );
  },
  cellTooLong(row: number, column: number | string, limit: number, value: string): EtlError {
    return new EtlError(
      'cell_too_long',
      {
        fr: `Ligne ${row}, colonne ${column} : la cellule dépasse ${limit} caractères. Raccourcissez-la ou retirez cette colonne.`,
        en: `Line ${row}, column ${column}: the cell is longer than ${limit} characters. Shorten it or remove that column.`,
      },
      { row, column, rawValue: value },
    );
  },
  tooManyCells(row: number, count: number, limit: number): EtlError {
    return new EtlError(
      'too_many_cells',
      {
        fr: `Ligne ${row} : ${count} cellules, au-delà de la limite de ${limit} colonnes. Vérifiez le séparateur de colonnes ou retirez les colonnes inutiles.`,
        en: `Line ${row}: ${count} cells, above the limit of ${limit} columns. Check the column separator or remove unneeded columns.`,
      },
      { row },
    );
  },
  tooManyRows(row: number, limit: number): EtlError {
    return new EtlError(
      'too_many_rows',
      {
        fr: `Le fichier dépasse ${limit} lignes (ligne ${row}). Découpez-le, par exemple une année par fichier.`,
        en: `The file has more than ${limit} rows (line ${row}). Split it, for example one year per file.`,
      },
      { row },
    );
  },
  /**
   * A workbook that cannot be opened: most often cut short (an interrupted copy, download or save). The zip
   * library's own words (English, technical) stay out of the message: they go with the error as its cause, for
   * the logs.
   */
  xlsxCorrupt(detail: string): EtlError {
    return new EtlError(
      'xlsx_corrupt',
      {
        fr: "Ce classeur Excel est endommagé ou incomplet : son contenu ne peut pas être lu (il a sans doute été coupé pendant un enregistrement, une copie ou un téléchargement). Ouvrez-le dans Excel : s'il s'ouvre, enregistrez-le à nouveau au format .xlsx (Fichier > Enregistrer sous) ou en CSV, puis envoyez ce nouveau fichier ; sinon, exportez à nouveau vos dossiers depuis votre logiciel. Rien n'a été enregistré.",
        en: 'This Excel workbook is damaged or incomplete: its content cannot be read (it was probably cut short while being saved, copied or downloaded). Open it in Excel: if it opens, save it again as .xlsx (File > Save As) or as CSV, then upload that new file; otherwise, export your cases again from your software. Nothing was stored.',
      },
      { cause: new Error(truncateRawValue(detail)) },
    );
  },
  xlsxTooManyEntries(count: number, limit: number): EtlError {
    return new EtlError('xlsx_too_many_entries', {
      fr: `Le classeur contient ${count} éléments internes (limite ${limit}), ce qui n'est pas un classeur normal. Enregistrez les données utiles dans un nouveau classeur .xlsx ou en CSV.`,
      en: `The workbook holds ${count} internal parts (limit ${limit}), which is not a normal workbook. Save the useful data in a new .xlsx workbook or as CSV.`,
    });
  },
  xlsxTooLarge(bytes: number, limit: number): EtlError {
    return new EtlError('xlsx_decompressed_too_large', {
      fr: `Une fois décompressé, le classeur occuperait ${mb(bytes)} Mo (limite ${mb(limit)} Mo). Découpez-le ou exportez-le en CSV.`,
      en: `Once decompressed, the workbook would take ${mb(bytes, true)} MB (limit ${mb(limit, true)} MB). Split it or export it as CSV.`,
    });
  },
  xlsxRatio(ratio: number, limit: number): EtlError {
    return new EtlError('xlsx_compression_ratio', {
      fr: `Le classeur se décompresse ${Math.round(ratio)} fois plus gros que sa taille (limite ${limit}) : c'est le signe d'un fichier piégé ou endommagé. Enregistrez les données dans un nouveau classeur ou en CSV.`,
      en: `The workbook inflates ${Math.round(ratio)} times its size (limit ${limit}): the sign of a booby-trapped or damaged file. Save the data in a new workbook or as CSV.`,
    });
  },
  xlsxEncrypted(): EtlError {
    return new EtlError('xlsx_encrypted', {
      fr: 'Le classeur contient des parties chiffrées (protégées par mot de passe) qui ne peuvent pas être lues. Retirez la protection et enregistrez-le à nouveau au format .xlsx ou CSV.',
      en: 'The workbook holds encrypted (password-protected) parts that cannot be read. Remove the protection and save it again as .xlsx or CSV.',
    });
  },
  xlsxInconsistent(detail: string): EtlError {
    return new EtlError('xlsx_inconsistent_archive', {
      fr: `L'archive du classeur est incohérente (${truncateRawValue(detail)}) : fichier endommagé ou piégé. Ouvrez-le dans Excel ou LibreOffice et enregistrez-le à nouveau au format .xlsx ou CSV.`,
      en: `The workbook archive is inconsistent (${truncateRawValue(detail)}): damaged or booby-trapped file. Open it in Excel or LibreOffice and save it again as .xlsx or CSV.`,
    });
  },
  xlsxOutOfMemory(limitMb: number): EtlError {
    return new EtlError('xlsx_out_of_memory', {
      fr: `La lecture du classeur a dépassé la mémoire autorisée (${limitMb} Mo) et a été arrêtée. Découpez-le ou exportez-le en CSV.`,
      en: `Reading the workbook went over the allowed memory (${limitMb} MB) and was stopped. Split it or export it as CSV.`,
    });
  },
  xlsxTimeout(seconds: number): EtlError {
    return new EtlError('xlsx_timeout', {
      fr: `La lecture du classeur a été arrêtée : aucune ligne lue pendant ${seconds} s. Exportez-le en CSV et réessayez.`,
      en: `Reading the workbook was stopped: no row read for ${seconds} s. Export it as CSV and try again.`,
    });
  },
  xlsxSheetNotFound(name: string, available: string[]): EtlError {
    const list = available.map((s) => `« ${s} »`).join(', ');
    const listEn = available.map((s) => `"${s}"`).join(', ');
    return new EtlError('xlsx_sheet_not_found', {
      fr: `La feuille « ${truncateRawValue(name)} » n'existe pas dans ce classeur. Feuilles disponibles : ${list || 'aucune'}.`,
      en: `The sheet "${truncateRawValue(name)}" does not exist in this workbook. Available sheets: ${listEn || 'none'}.`,
    });
  },
  jsonInvalid(row: number, detail: string): EtlError {
    return new EtlError(
      'json_invalid',
      {
        fr: `Ligne ${row} : JSON invalide (${truncateRawValue(detail)}). Vérifiez le fichier (un objet par ligne en NDJSON, un tableau d'objets en JSON).`,
        en: `Line ${row}: invalid JSON (${truncateRawValue(detail)}). Check the file (one object per line for NDJSON, an array of objects for JSON).`,
      },
      { row },
    );
  },
  jsonNotObjects(row: number): EtlError {
    return new EtlError(
      'json_not_records',
      {
        fr: `Ligne ${row} : chaque enregistrement doit être un objet JSON ({ ... }). Le fichier doit contenir un tableau d'objets (JSON) ou un objet par ligne (NDJSON).`,
        en: `Line ${row}: each record must be a JSON object ({ ... }). The file must hold an array of objects (JSON) or one object per line (NDJSON).`,
      },
      { row },
    );
  },
};
