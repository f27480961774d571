/**
 * The built command line (`npm run build` first) run as a user runs it, against a database of its own cloned from
 * the migrated template: what every command test of this package needs, once.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@observatoire/db/testing';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

const MAIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../dist/main.js');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Registers the suite's database `name` (created before its tests, dropped after) and gives `cli` (the command
 * line with these arguments, standard input closed after `input`, exit code and both outputs) and `sql`.
 * `env` is read at each run (a folder the suite makes in its own beforeAll).
 */
export function builtCliOnTestDatabase(name: string, env: () => Record<string, string> = () => ({})) {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(inject('pgServerUrl'), name);
  });
  afterAll(() => db.drop());

  async function cli(args: string[], input?: string): Promise<CliRun> {
    const run = promisify(execFile)(process.execPath, [MAIN, ...args], {
      env: { ...process.env, DATABASE_URL: db.url, ...env() },
    });
    run.child.stdin?.end(input);
    try {
      const { stdout, stderr } = await run;
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  }

  async function sql<R extends pg.QueryResultRow = pg.QueryResultRow>(
    text: string,
    values: unknown[] = [],
  ): Promise<R[]> {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    try {
      return (await c.query<R>(text, values)).rows;
    } finally {
      await c.end();
    }
  }

  return { cli, sql };
}
