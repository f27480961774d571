import {
  caseRecordFieldDocs,
  codeLabel,
  countryName,
  type CodeListName,
  type LocalisedText,
} from '@observatoire/schema';
import type { CsvDialect, CsvValue } from '@observatoire/formats';

/**
 * An association's own records as files (issue 11's convention, packages/stats csv-writer): for a spreadsheet in
 * French (labels, `;`, decimal comma, BOM) or in English, and the codes file for programs (column names and codes,
 * RFC 4180). Multi-valued cells join their values with " | ".
 */
export type RecordsFormat = 'fr' | 'en' | 'codes';

interface RecordColumn {
  column: string;
  label: LocalisedText;
  codeList?: CodeListName;
  country?: boolean;
  yesNo?: boolean;
}

/** The schema's case-record columns (table order) but the association, then where each record came from. */
export const RECORD_COLUMNS: readonly RecordColumn[] = [
  ...caseRecordFieldDocs
    .filter((d) => d.column !== 'association_id')
    .map((d) => ({
      column: d.column,
      label: d.label,
      ...(d.codeList && { codeList: d.codeList }),
      ...((d.column === 'citizenship' || d.column === 'exploitation_country') && { country: true }),
      ...(d.column === 'is_minor' && { yesNo: true }),
    })),
  { column: 'batch_id', label: { fr: 'Envoi', en: 'Upload' } },
  { column: 'source_row', label: { fr: 'Ligne du fichier envoyé', en: 'Row in the uploaded file' } },
];

export const dialectOfRecords = (format: RecordsFormat): CsvDialect => (format === 'codes' ? 'data' : format);

export function recordsHeader(format: RecordsFormat): string[] {
  return RECORD_COLUMNS.map((c) => (format === 'codes' ? c.column : c.label[format]));
}

/** The file's name: French and English name the file in their language; the codes file says it holds codes. */
export function recordsFileName(slug: string, format: RecordsFormat): string {
  if (format === 'fr') return `observatoire-${slug}-dossiers.csv`;
  if (format === 'en') return `observatoire-${slug}-records.csv`;
  return `observatoire-${slug}-records-codes.csv`;
}

function label(c: RecordColumn, code: string, lang: 'fr' | 'en'): string {
  if (c.country) return countryName(code, lang) ?? code;
  return c.codeList ? codeLabel(c.codeList, code, lang) : code;
}

/** One stored record (a `case_record` row) as the cells of the file. */
export function recordRow(r: Record<string, unknown>, format: RecordsFormat): CsvValue[] {
  return RECORD_COLUMNS.map((c) => {
    const v = r[c.column];
    if (format === 'codes') return Array.isArray(v) ? v.join('|') : (v as CsvValue);
    if (c.yesNo) return codeLabel('yesNoUnknown', v === true ? 'yes' : v === false ? 'no' : 'unknown', format);
    if (Array.isArray(v)) return v.map((x) => label(c, String(x), format)).join(' | ');
    if (v === null || v === undefined) return c.country ? codeLabel('yesNoUnknown', 'unknown', format) : null;
    return typeof v === 'string' ? label(c, v, format) : (v as CsvValue);
  });
}
