import type { RawRow, TableSource } from './types.js';

/**
 * Wraps a batch generator factory so that it can be iterated once, as batches or as rows, and closed whether
 * or not iteration started (`onClose` releases what exists before iteration, e.g. an XLSX worker).
 */
export function makeSource(
  meta: Omit<TableSource, 'rows' | 'batches' | 'close'>,
  start: () => AsyncGenerator<RawRow[]>,
  onClose?: () => Promise<void>,
): TableSource {
  let generator: AsyncGenerator<RawRow[]> | undefined;
  let closed = false;
  const begin = (): AsyncGenerator<RawRow[]> => {
    if (generator || closed) throw new Error('TableSource rows can only be iterated once');
    generator = start();
    return generator;
  };
  const batches: AsyncIterable<RawRow[]> = { [Symbol.asyncIterator]: begin };
  const rows: AsyncIterable<RawRow> = {
    async *[Symbol.asyncIterator]() {
      for await (const batch of { [Symbol.asyncIterator]: begin }) yield* batch;
    },
  };
  const close = async (): Promise<void> => {
    if (closed) return;
    closed = true;
    // return() runs the generator's finally blocks (file closed, worker terminated) if it is suspended.
    await generator?.return(undefined).catch(() => undefined);
    await onClose?.();
  };
  return Object.assign(meta, { rows, batches, close });
}
