import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';
import { databaseTests } from '@observatoire/db/testing/vitest';

// SWC (not esbuild) so that Nest's constructor injection gets decorator metadata, as immich does.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  // The suite shares two cores with the rest of the team: one file at a time keeps scrypt and PostgreSQL calm.
  test: databaseTests({ fileParallelism: false }),
});
