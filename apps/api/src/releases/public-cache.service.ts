import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface CachedPayload {
  body: Buffer;
  etag: string;
  contentType: string;
  contentDisposition?: string;
}

const MAX_ENTRIES = 2000;
/** How long "latest" is trusted before asking PostgreSQL again (another instance may have published). */
export const LATEST_TTL_MS = 5000;

/** A URL that names a release (not "latest") always returns the same bytes. */
export const namesRelease = (ref?: string): boolean => ref !== undefined && ref !== 'latest';

/** A strong ETag from the bytes themselves. */
export function withEtag(p: Omit<CachedPayload, 'etag'>): CachedPayload {
  return { ...p, etag: `"${createHash('sha256').update(p.body).digest('base64url').slice(0, 27)}"` };
}

/**
 * Releases never change, so a payload computed from one is kept in memory under (release id, normalised query)
 * and served as bytes with its ETag: nothing is recomputed or re-serialised per request.
 */
interface Entry {
  pending: Promise<CachedPayload>;
  /** Set once the build has succeeded: what the synchronous fast path serves. */
  ready?: CachedPayload;
}

interface VolatileEntry {
  at: number;
  value: Promise<unknown>;
  settled: boolean;
  resolved?: unknown;
}

@Injectable()
export class PublicCacheService {
  private readonly entries = new Map<string, Entry>();
  private readonly volatile = new Map<string, VolatileEntry>();

  get(key: string, build: () => Promise<Omit<CachedPayload, 'etag'>>): Promise<CachedPayload> {
    const hit = this.entries.get(key);
    if (hit) return hit.pending;
    const entry: Entry = { pending: build().then(withEtag) };
    entry.pending.then(
      (p) => (entry.ready = p),
      () => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      },
    );
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return entry.pending;
  }

  /** The payload already built under this key, without waiting or building (the public fast path). */
  peek(key: string): CachedPayload | undefined {
    return this.entries.get(key)?.ready;
  }

  /** A value that may change (latest release id, release list), kept for LATEST_TTL_MS. */
  short<T>(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.volatile.get(key);
    if (hit && Date.now() - hit.at < LATEST_TTL_MS) return hit.value as Promise<T>;
    const value = load();
    const entry: VolatileEntry = { at: Date.now(), value, settled: false };
    value.then(
      (v) => {
        entry.settled = true;
        entry.resolved = v;
      },
      () => {
        if (this.volatile.get(key) === entry) this.volatile.delete(key);
      },
    );
    this.volatile.set(key, entry);
    return value;
  }

  /**
   * The value `short` would return now, if it is loaded and still fresh; undefined when `short` would have to
   * load it (the caller then takes the slow path, which loads it).
   */
  peekShort<T>(key: string): T | undefined {
    const hit = this.volatile.get(key);
    if (!hit?.settled || Date.now() - hit.at >= LATEST_TTL_MS) return undefined;
    return hit.resolved as T;
  }

  /** Forgets everything (tests: the next read of each URL is built again, through the controller). */
  clear(): void {
    this.entries.clear();
    this.volatile.clear();
  }

  /** After a publication in this process: "latest" and the list change now, not in five seconds. */
  invalidateVolatile(): void {
    this.volatile.clear();
  }

  static send(req: FastifyRequest, reply: FastifyReply, p: CachedPayload, immutable: boolean): void {
    reply.header('etag', p.etag);
    reply.header('cache-control', cacheControl(immutable));
    if (etagMatches(req.headers['if-none-match'], p.etag)) {
      reply.code(304).send();
      return;
    }
    reply.header('content-type', p.contentType);
    if (p.contentDisposition) reply.header('content-disposition', p.contentDisposition);
    reply.send(p.body);
  }
}

/** Cache-Control of a public read: a URL that names a release never changes; "latest" is re-checked. */
export function cacheControl(immutable: boolean): string {
  return immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=60, stale-while-revalidate=300';
}

/** Whether an If-None-Match header names this ETag (a list, or "*"). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  return !!ifNoneMatch && (ifNoneMatch === etag || ifNoneMatch === '*' || ifNoneMatch.split(/\s*,\s*/).includes(etag));
}
