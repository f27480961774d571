import type { RawRow, TableSource } from './types.js';

/** Wraps a batch generator factory so that it can be iterated once, as batches or as rows. */
export function makeSource(
  meta: Omit<TableSource, 'rows' | 'batches'>,
  start: () => AsyncGenerator<RawRow[]>,
): TableSource {
  let started = false;
  const begin = (): AsyncGenerator<RawRow[]> => {
    if (started) throw new Error('TableSource rows can only be iterated once');
    started = true;
    return start();
  };
  const batches: AsyncIterable<RawRow[]> = { [Symbol.asyncIterator]: begin };
  const rows: AsyncIterable<RawRow> = {
    async *[Symbol.asyncIterator]() {
      for await (const batch of { [Symbol.asyncIterator]: begin }) yield* batch;
    },
  };
  return Object.assign(meta, { rows, batches });
}
