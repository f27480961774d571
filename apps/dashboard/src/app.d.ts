// See https://svelte.dev/docs/kit/types#app.d.ts
declare global {
  namespace App {
    interface Error {
      message: string;
      /** French and English text of the error, shown by +error.svelte. */
      fr?: string;
      en?: string;
      code?: 'api-down' | 'unavailable' | 'not-found' | 'bad-request' | 'internal';
    }
    interface Locals {
      lang: 'fr' | 'en';
      /** JSON-LD blocks a page's server load asks for, written into its head by the hook (never hydrated). */
      jsonLd?: string;
    }
  }
}

export {};
