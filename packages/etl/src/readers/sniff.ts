import { basename, extname } from 'node:path';
import type { EtlError } from '../errors.js';
import { readErrors } from './read-errors.js';
import type { TableFormat } from './types.js';

/** What the first bytes of a file say it is, whatever its name claims. */
export type ContentKind = 'zip' | 'ole2' | 'pdf' | 'binary' | 'text';

const EXTENSIONS: Record<string, TableFormat> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.txt': 'txt',
  '.xlsx': 'xlsx',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
};

export function formatFromFileName(fileName: string): TableFormat {
  const ext = extname(fileName).toLowerCase();
  const format = EXTENSIONS[ext];
  // Formats people often have, refused with how to re-save them: no maintained reader without known flaws reads them.
  if (ext === '.xls') throw readErrors.legacyExcelExtension();
  if (ext === '.ods') throw readErrors.odsExtension();
  if (!format) throw readErrors.unsupportedFormat(basename(fileName));
  return format;
}

function startsWith(head: Uint8Array, signature: readonly number[]): boolean {
  if (head.length < signature.length) return false;
  for (let i = 0; i < signature.length; i++) if (head[i] !== signature[i]) return false;
  return true;
}

// Signatures of binary files people most often upload by mistake, so the message can name them.
const BINARY_SIGNATURES: readonly { name: string; bytes: readonly number[] }[] = [
  { name: 'PNG', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'gzip', bytes: [0x1f, 0x8b] },
  { name: 'RAR', bytes: [0x52, 0x61, 0x72, 0x21] },
  { name: '7z', bytes: [0x37, 0x7a, 0xbc, 0xaf] },
];

/** Names a binary signature among the usual suspects, for the error message. */
export function binaryKindName(head: Uint8Array): string | undefined {
  return BINARY_SIGNATURES.find((s) => startsWith(head, s.bytes))?.name;
}

/**
 * Classifies content from its first bytes. Text is the fallback; `binary` means control bytes a text table
 * never holds (NUL outside UTF-16, or many C0 controls).
 */
export function sniffContent(head: Uint8Array): ContentKind {
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'zip';
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole2';
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  // UTF-16 text legitimately holds NUL bytes: decide from its BOM before looking for control bytes.
  if (startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff])) return 'text';
  if (binaryKindName(head)) return 'binary';
  let controls = 0;
  for (let i = 0; i < head.length; i++) {
    const b = head[i];
    if (b === 0) return 'binary';
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) || b === 0x7f) controls++;
  }
  return controls > 8 && controls * 100 > head.length ? 'binary' : 'text';
}

/** The error for content that does not match the format the file name announces, or undefined when it does. */
export function contentMismatch(format: TableFormat, kind: ContentKind, head: Uint8Array): EtlError | undefined {
  if (kind === 'pdf') return readErrors.contentIsPdf();
  if (kind === 'ole2') return readErrors.contentIsLegacyExcel();
  if (kind === 'binary') return readErrors.contentIsBinary(binaryKindName(head));
  // For a zip named .xlsx, the archive check tells an xlsx from other zips from its central directory.
  if (format === 'xlsx') return kind === 'zip' ? undefined : readErrors.contentIsTextNotXlsx();
  if (kind === 'zip') {
    const flavour = zipFlavour(head);
    if (flavour === 'ods') return readErrors.contentIsOpenDocument();
    return flavour === 'xlsx' ? readErrors.contentIsXlsxRenamed() : readErrors.contentIsZipNotXlsx();
  }
  return undefined;
}

/** Best guess of which zip-based document a zip is, from the part names in its first local headers. */
export function zipFlavour(head: Uint8Array): 'ods' | 'xlsx' | 'other' {
  const text = Buffer.from(head.buffer, head.byteOffset, head.byteLength).toString('latin1');
  // An ODS stores its uncompressed `mimetype` part first.
  if (text.includes('application/vnd.oasis.opendocument')) return 'ods';
  if (text.includes('word/') || text.includes('ppt/')) return 'other';
  return text.includes('xl/') ? 'xlsx' : 'other';
}
