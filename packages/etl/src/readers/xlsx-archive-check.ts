import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { EtlError } from '../errors.js';
import { readErrors } from './read-errors.js';
import type { ReadLimits } from './types.js';

/** yauzl 3 methods missing from @types/yauzl 2. */
interface LocalFileHeader {
  generalPurposeBitFlag: number;
  compressionMethod: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  fileName: Buffer;
}
type ZipFile3 = yauzl.ZipFile & {
  readLocalFileHeaderPromise(entry: yauzl.Entry): Promise<LocalFileHeader>;
  openReadStreamPromise(entry: yauzl.Entry): Promise<NodeJS.ReadableStream>;
};

/** Below this size an entry's compression ratio says nothing (tiny XML parts compress very well). */
const RATIO_FLOOR_BYTES = 1024 * 1024;
const ZIP64_MARKER = 0xffffffff;

export interface ArchiveSummary {
  entries: number;
  uncompressedBytes: number;
}

function openZip(path: string): Promise<ZipFile3> {
  return new Promise((resolve, reject) => {
    yauzl.open(
      path,
      { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => (err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip as ZipFile3)),
    );
  });
}

/** Drains an entry, counting bytes: yauzl fails the stream as soon as it inflates past the declared size. */
async function inflateAndCount(zip: ZipFile3, entry: yauzl.Entry): Promise<void> {
  const stream = await zip.openReadStreamPromise(entry);
  await pipeline(
    stream,
    new Writable({
      write(_chunk, _enc, done) {
        done();
      },
    }),
  );
}

function compareLocalHeader(entry: yauzl.Entry, local: LocalFileHeader): string | undefined {
  if (local.compressionMethod !== entry.compressionMethod) return `${entry.fileName}: compression method`;
  if ((local.generalPurposeBitFlag & 1) !== (entry.generalPurposeBitFlag & 1)) return `${entry.fileName}: encryption`;
  // Compare names only when plain ASCII: other encodings are flagged differently in each header.
  const localName = local.fileName.toString('latin1');
  if (/^[\x20-\x7e]*$/.test(entry.fileName) && localName !== entry.fileName) return `${entry.fileName}: name`;
  // Bit 3: sizes and CRC are in a data descriptor after the data, zero in the local header.
  if ((local.generalPurposeBitFlag & 8) === 0) {
    if (local.crc32 !== entry.crc32) return `${entry.fileName}: CRC`;
    if (local.compressedSize !== ZIP64_MARKER && local.compressedSize !== entry.compressedSize)
      return `${entry.fileName}: compressed size`;
    if (local.uncompressedSize !== ZIP64_MARKER && local.uncompressedSize !== entry.uncompressedSize)
      return `${entry.fileName}: uncompressed size`;
  }
  return undefined;
}

/**
 * Checks an XLSX archive before anything parses it, from the central directory (entry count, declared sizes,
 * their total and ratio, encryption), then each local header against it, then inflates every entry once
 * without keeping anything, so an entry that inflates past its declared size (a zip bomb that lies) fails
 * here, in bounded memory and time. Also checks that the archive is an xlsx, not another zip-based document.
 */
export async function checkXlsxArchive(path: string, fileBytes: number, limits: ReadLimits): Promise<ArchiveSummary> {
  let zip: ZipFile3;
  try {
    zip = await openZip(path);
  } catch (err) {
    throw readErrors.xlsxCorrupt(err instanceof Error ? err.message : String(err));
  }
  try {
    if (zip.entryCount > limits.maxEntries) throw readErrors.xlsxTooManyEntries(zip.entryCount, limits.maxEntries);
    const entries: yauzl.Entry[] = [];
    let total = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        entries.push(entry);
        zip.readEntry();
      });
      zip.on('end', resolve);
      zip.on('error', reject);
      zip.readEntry();
    }).catch((err: unknown) => {
      throw err instanceof EtlError ? err : readErrors.xlsxCorrupt(err instanceof Error ? err.message : String(err));
    });

    const names = new Set(entries.map((e) => e.fileName));
    if (!names.has('xl/workbook.xml')) {
      if (names.has('mimetype') && names.has('content.xml')) throw readErrors.contentIsOpenDocument();
      throw readErrors.contentIsZipNotXlsx();
    }
    for (const entry of entries) {
      if (entry.isEncrypted()) throw readErrors.xlsxEncrypted();
      total += entry.uncompressedSize;
      if (total > limits.maxDecompressedBytes) throw readErrors.xlsxTooLarge(total, limits.maxDecompressedBytes);
      if (entry.uncompressedSize > RATIO_FLOOR_BYTES) {
        const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1);
        if (ratio > limits.maxCompressionRatio) throw readErrors.xlsxRatio(ratio, limits.maxCompressionRatio);
      }
    }
    if (total > RATIO_FLOOR_BYTES && total / fileBytes > limits.maxCompressionRatio)
      throw readErrors.xlsxRatio(total / fileBytes, limits.maxCompressionRatio);

    for (const entry of entries) {
      let local: LocalFileHeader;
      try {
        local = await zip.readLocalFileHeaderPromise(entry);
      } catch (err) {
        throw readErrors.xlsxInconsistent(err instanceof Error ? err.message : String(err));
      }
      const mismatch = compareLocalHeader(entry, local);
      if (mismatch) throw readErrors.xlsxInconsistent(`local header disagrees: ${mismatch}`);
    }
    for (const entry of entries) {
      if (entry.fileName.endsWith('/')) continue;
      try {
        await inflateAndCount(zip, entry);
      } catch (err) {
        throw readErrors.xlsxInconsistent(`${entry.fileName}: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
    return { entries: entries.length, uncompressedBytes: total };
  } finally {
    zip.close();
  }
}
