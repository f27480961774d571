import { once } from 'node:events';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { COPY_PROFILE_SQL, COPY_STAGING_SQL, mergeChunk } from '../load/staging.js';

/** COPY writes are batched: one write per this many bytes of normalised rows. */
export const COPY_CHUNK_BYTES = 1 << 18;
/** At most this many characters of COPY text wait in memory while a chunk is being merged. */
const MAX_HELD_CHARS = 8 << 20;

/** A COPY FROM STDIN on the import's connection, whose completion (or error) is awaited later. */
function openCopy(db: pg.ClientBase, sql: string) {
  const stream = db.query(copyFrom(sql));
  const done = new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
  });
  // A COPY error must not surface as an unhandled rejection while we are still reading.
  done.catch(() => {});
  return { stream, done };
}

/** Writes one string through a one-shot COPY. */
async function copyText(db: pg.ClientBase, sql: string, text: string): Promise<void> {
  const c = openCopy(db, sql);
  for (let i = 0; i < text.length; i += COPY_CHUNK_BYTES) {
    if (!c.stream.write(text.slice(i, i + COPY_CHUNK_BYTES))) await once(c.stream, 'drain');
  }
  c.stream.end();
  await c.done;
}

/**
 * The staging COPY of one load, in chunks: each takes `chunkRows` rows, then is closed and merged into `case_entry`
 * (the merge's queries queue on the connection) while reading goes on into the buffer; the next COPY opens once
 * that merge is done. So PostgreSQL writes the records while Node parses the next ones.
 */
export class StagingWriter {
  private copy: ReturnType<typeof openCopy> | null;
  private merging: Promise<number> | null = null;
  private mergeDone = false;
  private buffer = '';
  /** COPY text held (in 256 KB pieces) while a chunk is being merged. */
  private held: string[] = [];
  private heldChars = 0;
  private rowsInChunk = 0;
  /** Records merged so far (the inserts' own counts). */
  private stored = 0;

  constructor(
    private readonly db: pg.ClientBase,
    private readonly chunk: {
      rows: number;
      associationId: string;
      batchId: string;
      /** The profile COPY lines added since the last chunk (written before the chunk is merged). */
      takeProfiles: () => string;
    },
  ) {
    this.copy = openCopy(db, COPY_STAGING_SQL);
  }

  /** Adds the staging lines of `rows` rows. */
  async add(lines: string, rows: number): Promise<void> {
    this.buffer += lines;
    this.rowsInChunk += rows;
    if (this.buffer.length >= COPY_CHUNK_BYTES || this.rowsInChunk >= this.chunk.rows) await this.flush(false);
  }

  /** Writes what is left and merges the last chunk; returns the records stored. */
  async finish(): Promise<number> {
    await this.flush(true);
    // Whatever the flush left open is the last chunk.
    if (this.copy) this.closeChunk();
    this.stored += await this.merging!;
    this.merging = null;
    return this.stored;
  }

  /** After a failure: the open COPY is abandoned and a running merge awaited, so the transaction can roll back. */
  async abort(): Promise<void> {
    if (this.copy) {
      this.copy.stream.destroy();
      await this.copy.done.catch(() => {});
    }
    await this.merging?.catch(() => {});
  }

  /** Writes the COPY text, unless a merge is running and there is still room to hold more. */
  private async flush(force: boolean): Promise<void> {
    if (!this.copy) {
      if (!force && !this.mergeDone && this.heldChars < MAX_HELD_CHARS) {
        this.held.push(this.buffer);
        this.heldChars += this.buffer.length;
        this.buffer = '';
        return;
      }
      await this.reopen();
    }
    const stream = this.copy!.stream;
    for (const piece of this.held) if (!stream.write(piece)) await once(stream, 'drain');
    this.held = [];
    this.heldChars = 0;
    if (this.buffer !== '' && !stream.write(this.buffer)) await once(stream, 'drain');
    this.buffer = '';
    if (this.rowsInChunk >= this.chunk.rows) this.closeChunk();
  }

  private closeChunk(): void {
    const current = this.copy!;
    this.copy = null;
    current.stream.end();
    const profiles = this.chunk.takeProfiles();
    const { associationId, batchId } = this.chunk;
    this.mergeDone = false;
    const merging = (async () => {
      await current.done;
      if (profiles) await copyText(this.db, COPY_PROFILE_SQL, profiles);
      return mergeChunk(this.db, associationId, batchId);
    })();
    this.merging = merging;
    merging.then(
      () => (this.mergeDone = true),
      () => (this.mergeDone = true),
    );
    this.rowsInChunk = 0;
  }

  /** Waits for the chunk being merged, then opens the next COPY. */
  private async reopen(): Promise<void> {
    if (this.merging) this.stored += await this.merging;
    this.merging = null;
    this.copy = openCopy(this.db, COPY_STAGING_SQL);
  }
}
