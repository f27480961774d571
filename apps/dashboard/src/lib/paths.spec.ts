import { describe, expect, it } from 'vitest';
import { FRENCH_PATHS, localePath, reroutePath, unlocalisedPath } from './paths.js';

describe('localised paths', () => {
  it('builds each page’s URL in French and English from its route', () => {
    expect(localePath('fr', '/profiles')).toBe('/profiles');
    expect(localePath('en', '/profiles')).toBe('/en/profiles');
    expect(localePath('en', '/')).toBe('/en');
    expect(localePath('fr', '/space')).toBe('/espace');
    expect(localePath('fr', '/space/login')).toBe('/espace/connexion');
    expect(localePath('en', '/space/login')).toBe('/en/space/login');
    expect(localePath('fr', '/space/upload/file')).toBe('/espace/envoyer/fichier');
    // A page under a listed one follows it.
    expect(localePath('fr', '/space/imports/abc')).toBe('/espace/imports/abc');
    expect(localePath('fr', '/admin/imports')).toBe('/admin/imports');
    expect(localePath('fr', '/admin/releases')).toBe('/admin/publications');
  });

  it('finds the route of a URL in either language, for the language switch', () => {
    expect(unlocalisedPath('/en/profiles')).toBe('/profiles');
    expect(unlocalisedPath('/en')).toBe('/');
    expect(unlocalisedPath('/espace/envoyer')).toBe('/space/upload');
    expect(unlocalisedPath('/en/space/upload')).toBe('/space/upload');
    expect(unlocalisedPath('/%65space/donnees')).toBe('/space/data');
    for (const [route, french] of Object.entries(FRENCH_PATHS)) {
      expect(unlocalisedPath(french)).toBe(route);
      expect(localePath('en', unlocalisedPath(localePath('en', route)))).toBe(`/en${route}`);
    }
  });

  it('reroutes French URLs to their routes, and leaves the rest to SvelteKit', () => {
    expect(reroutePath('/espace')).toBe('/space');
    expect(reroutePath('/espace/connexion')).toBe('/space/login');
    expect(reroutePath('/espace/imports/1234')).toBe('/space/imports/1234');
    expect(reroutePath('/espace/')).toBe('/space/');
    expect(reroutePath('/admin/publications')).toBe('/admin/releases');
    for (const p of ['/', '/profiles', '/admin', '/admin/imports', '/en/space/login', '/en', '/api/v1/releases']) {
      expect(reroutePath(p), p).toBeUndefined();
    }
  });

  it('decodes the listed words as SvelteKit does, and passes the rest on undecoded', () => {
    expect(reroutePath('/%65space')).toBe('/space');
    expect(reroutePath('/%65%73%70%61%63%65/%63onnexion')).toBe('/space/login');
    // `%25` is never decoded by SvelteKit: `/%2565space` is not `/espace`.
    expect(reroutePath('/%2565space')).toBeUndefined();
    // Only the swapped prefix is decoded here; SvelteKit decodes the rest once, as without the hook.
    expect(reroutePath('/espace/imports/%2541')).toBe('/space/imports/%2541');
    expect(reroutePath('/espace/imports/a%2Fb')).toBe('/space/imports/a%2Fb');
    expect(reroutePath('/%E0%A4%A')).toBeUndefined();
  });

  it('gives a URL mixing the languages no page', () => {
    for (const p of ['/space', '/space/login', '/espace/login', '/admin/releases', '/space/imports/x']) {
      expect(reroutePath(p), p).toBe('/.not-a-page');
    }
    // Case is kept as SvelteKit keeps it: not a page either way.
    expect(reroutePath('/ESPACE')).toBeUndefined();
  });
});

describe('release pages', () => {
  it('are /publications/<slug> in French and /en/releases/<slug> in English, as the PDF prints them (releasePagePath in @observatoire/schema, tested with the same paths)', () => {
    expect(localePath('fr', '/releases/2026-07-30')).toBe('/publications/2026-07-30');
    expect(localePath('en', '/releases/2026-07-30')).toBe('/en/releases/2026-07-30');
    expect(reroutePath('/publications/2026-07-30')).toBe('/releases/2026-07-30');
    expect(reroutePath('/publications')).toBe('/releases');
    expect(reroutePath('/releases/2026-07-30')).toBe('/.not-a-page');
  });
});
