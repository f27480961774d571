/** Implemented by the imports module, so that health does not depend on the queue's internals. */
export interface QueueHealth {
  queueHealth(): Promise<'ok' | 'down' | 'disabled'>;
}

export const IMPORT_QUEUE_HEALTH = Symbol('IMPORT_QUEUE_HEALTH');
