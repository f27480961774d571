import { sveltekit } from '@sveltejs/kit/vite';
import { svelteTesting } from '@testing-library/svelte/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit(), svelteTesting()],
  ssr: {
    // Loaded from node_modules at run time rather than bundled: a native binary (resvg), and packages that
    // require() their data files dynamically (the schema's country lists), which a bundle cannot follow.
    external: ['@resvg/resvg-js', '@observatoire/schema', 'i18n-iso-countries', 'i18n-nationality', 'exceljs', 'jszip'],
  },
  test: {
    include: ['src/**/*.spec.ts'],
    // Pure helpers run in node; component specs opt into jsdom with a `@vitest-environment jsdom` comment.
    environment: 'node',
    setupFiles: ['./src/test-setup.ts'],
  },
});
