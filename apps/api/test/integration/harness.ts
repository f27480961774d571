import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, type TestDatabase } from '@observatoire/db/testing';
import { createApp } from '../../src/main.js';
import type { ApiConfig } from '../../src/config/config.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

export interface TestApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  uploadDir: string;
  close(): Promise<void>;
}

/** The real application on its own cloned database (migrated template) and its own upload folder. */
export async function startTestApp(overrides: Partial<ApiConfig> = {}): Promise<TestApp> {
  const db = await createTestDatabase(inject('pgServerUrl'), 'api');
  const uploadDir = await mkdtemp(path.join(os.tmpdir(), 'observatoire-uploads-'));
  process.env.LOG_LEVEL ??= 'warn';
  const app = await createApp({
    databaseUrl: db.url,
    skipMigrations: true,
    uploadDir,
    importWorker: false,
    ...overrides,
  });
  return {
    app,
    db,
    uploadDir,
    close: async () => {
      await app.close();
      await db.drop();
      await rm(uploadDir, { recursive: true, force: true });
    },
  };
}
