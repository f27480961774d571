import { createHmac } from 'node:crypto';
import { Worker } from 'node:worker_threads';

const WORKER_URL = new URL('../../workers/hmac-worker.mjs', import.meta.url);

/** Computes case keys (hex HMAC-SHA256 of `caseKeyInput`/`contentKeyInput` messages) for batches of rows. */
export interface KeyHasher {
  hash(inputs: string[]): Promise<string[]>;
  close(): Promise<void>;
}

/** In the calling thread: for small files, where starting a worker would cost more than it saves. */
export function inlineKeyHasher(key: Buffer): KeyHasher {
  return {
    async hash(inputs) {
      return inputs.map((m) => createHmac('sha256', key).update(m).digest('hex'));
    },
    async close() {},
  };
}

/**
 * In a worker thread, so that a large import's pseudonyms are computed beside its parsing and normalising (the
 * loader keeps a few batches in flight). Batches are answered in order; a worker that dies fails every pending one.
 */
export function workerKeyHasher(key: Buffer): KeyHasher {
  const worker = new Worker(WORKER_URL, {
    workerData: { key: new Uint8Array(key) },
    // It holds one batch of short strings at a time: a small heap keeps the import's memory where it was.
    resourceLimits: { maxYoungGenerationSizeMb: 2, maxOldGenerationSizeMb: 32 },
  });
  const pending = new Map<number, { resolve: (keys: string[]) => void; reject: (err: Error) => void }>();
  let next = 0;
  let failure: Error | null = null;
  const failAll = (err: Error) => {
    failure ??= err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  worker.on('message', (m: { id: number; keys: string[] }) => {
    const p = pending.get(m.id);
    pending.delete(m.id);
    p?.resolve(m.keys);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`case-key worker exited (${code})`)));
  return {
    hash(inputs) {
      if (failure) return Promise.reject(failure);
      const id = next++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ id, inputs });
      });
    },
    async close() {
      failure ??= new Error('case-key worker closed');
      await worker.terminate();
    },
  };
}
