import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// SWC (not esbuild) so that Nest's constructor injection gets decorator metadata, as immich does.
export default defineConfig({
  plugins: [swc.vite({ module: { type: 'es6' } })],
  test: {
    include: ['src/**/*.spec.ts', 'test/**/*.spec.ts'],
    globalSetup: ['./test/global-setup.ts'],
    hookTimeout: 120_000,
    testTimeout: 60_000,
    // The suite shares two cores with the rest of the team: one file at a time keeps scrypt and PostgreSQL calm.
    fileParallelism: false,
  },
});
