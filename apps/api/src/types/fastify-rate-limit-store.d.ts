/** The in-memory store of @fastify/rate-limit (store/LocalStore.js), which the package does not type. */
declare module '@fastify/rate-limit/store/LocalStore.js' {
  interface Entry {
    current: number;
    ttl: number;
    iterationStartMs: number;
  }
  export default class LocalStore {
    constructor(continueExceeding?: boolean, exponentialBackoff?: boolean, cache?: number);
    lru: { get(key: string): Entry | undefined };
    incr(key: string, cb: (err: Error | null, res: Entry) => void, timeWindow: number, max: number): void;
    child(params: object): LocalStore;
  }
}
