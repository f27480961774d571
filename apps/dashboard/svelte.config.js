import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build', precompress: true }),
    // Inline small CSS so the first paint (LCP) needs no extra request.
    inlineStyleThreshold: 8192,
    // The Content-Security-Policy of every page. Hashes, not nonces: public pages are kept by shared caches (and
    // our own page cache), so the same bytes, inline scripts included, go to every reader; SvelteKit adds the
    // hash of each inline script it writes. Styles may be inline (Svelte's style attributes); scripts never.
    // frame-ancestors is added per route in hooks.server.ts (only the embeds may be framed).
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
      },
    },
  },
};
