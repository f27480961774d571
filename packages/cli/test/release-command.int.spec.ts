import { describe, expect, it } from 'vitest';
import { builtCliOnTestDatabase } from './built-cli.js';

/** `observatoire admin release:publish|list`, run as the collective's admin would (built CLI, real PostgreSQL). */
// Publishing audits every year by integer programming: seconds of CPU, more on a loaded machine.
describe('observatoire admin release commands', { timeout: 300_000 }, () => {
  const { cli: run, sql } = builtCliOnTestDatabase('clirelease');
  const cli = (args: string[]) => run(['admin', ...args]);

  it('refuses to publish without data, in French then English', async () => {
    const r = await cli(['release:publish']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^Erreur : Aucun cas.*\nError: No cases/);
    expect((await cli(['release:list'])).stdout).toMatch(/Aucune publication/);
  });

  it('publishes a release with notes, lists it, and records it in the audit log', async () => {
    for (const slug of ['asso-a', 'asso-b', 'asso-c']) {
      const [a] = await sql(`INSERT INTO association (slug, name) VALUES ($1, $1) RETURNING id`, [slug]);
      const [b] = await sql(
        `INSERT INTO import_batch (association_id, content_hash, status) VALUES ($1, $2, 'committed') RETURNING id`,
        [a.id, `h-${slug}`],
      );
      await sql(
        `INSERT INTO case_record (association_id, reference_year, case_key, gender, exploitation_types,
           recruitment_channels, batch_id, source_row)
         SELECT $1::uuid, 2024, md5($1::text || g::text), CASE WHEN g % 4 = 0 THEN 'male' ELSE 'female' END,
                '{sexual}', CASE WHEN g % 3 = 0 THEN '{family}'::text[] ELSE '{social_network}'::text[] END, $2, g
           FROM generate_series(1, 40) g`,
        [a.id, b.id],
      );
    }
    const r = await cli([
      'release:publish',
      '--slug',
      '2026-07-30',
      '--notes-fr',
      'Édition du 30 juillet',
      '--notes-en',
      '30 July edition',
      '--json',
    ]);
    expect(r.code).toBe(0);
    const release = JSON.parse(r.stdout);
    expect(release).toMatchObject({ slug: '2026-07-30', referenceYears: [2024], contributingAssociations: 3 });
    expect(release.notes).toEqual({ fr: 'Édition du 30 juillet', en: '30 July edition' });
    const [cases] = await sql(
      `SELECT value FROM release_cell WHERE release_id = $1 AND view = 'all' AND dimension = 'cases'`,
      [release.id],
    );
    expect(cases.value).toBe(120);
    expect((await cli(['release:list'])).stdout).toContain('2026-07-30');
    const audit = await sql(`SELECT action, target_id FROM audit_log WHERE action = 'release.publish'`);
    expect(audit).toEqual([{ action: 'release.publish', target_id: release.id }]);

    const again = await cli(['release:publish', '--slug', '2026-07-30']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/existe déjà[\s\S]*already exists/);
    const oneLanguage = await cli(['release:publish', '--notes-fr', 'seulement']);
    expect(oneLanguage.code).toBe(2);
    expect(oneLanguage.stderr).toMatch(/^Erreur : donnez les notes .*\nError: give notes .*\n$/);
  });

  it('--dry-run prints the audit report in French and English and publishes nothing', async () => {
    const before = await sql(`SELECT count(*)::int AS n FROM release`);
    const r = await cli(['release:publish', '--dry-run']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Années figées[^\n]*frozen years[^\n]*2024/);
    expect(r.stdout).toMatch(/Audit réussi[^\n]*Audit passed/);
    expect(r.stdout).toMatch(/Masse publiée[\s\S]*online-offline: \d+\.\d %/);
    const json = JSON.parse((await cli(['release:publish', '--dry-run', '--json'])).stdout);
    expect(json).toMatchObject({ years: [2024], frozenYears: [2024], failures: [] });
    expect(await sql(`SELECT count(*)::int AS n FROM release`)).toEqual(before);
  });

  it('records consent, publishes annotations, and attaches an erratum, in French then English', async () => {
    expect((await cli(['association:consent', 'asso-a', '--name-public', 'maybe'])).code).not.toBe(0);
    const consent = await cli(['association:consent', 'asso-a', '--name-public', 'yes']);
    expect(consent.code).toBe(0);
    expect(consent.stdout).toMatch(/nom publié[\s\S]*name published/);
    expect((await cli(['association:consent', 'nobody', '--name-public', 'no'])).code).toBe(1);

    const bad = await cli(['release:publish', '--annotation', '2024|sans anglais']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toMatch(/année\|texte français\|texte anglais/);
    const outside = await cli(['release:publish', '--annotation', '2019|avant|before']);
    expect(outside.code).toBe(1);
    expect(outside.stderr).toMatch(/^Erreur : .*2019 n’est pas couverte[\s\S]*Error: .*2019 is not covered/);

    const r = await cli(['release:publish', '--slug', 'second', '--annotation', '2024|loi nouvelle|new law', '--json']);
    expect(r.code).toBe(0);
    const release = JSON.parse(r.stdout);
    expect(release.annotations).toEqual([{ year: 2024, text: { fr: 'loi nouvelle', en: 'new law' } }]);
    const [row] = await sql(`SELECT consenting_associations FROM release WHERE slug = 'second'`);
    expect(row.consenting_associations.map((a: { slug: string }) => a.slug)).toEqual(['asso-a']);

    const notice = await cli([
      'release:notice',
      'second',
      '--kind',
      'erratum',
      '--text-fr',
      'Le total est corrigé.',
      '--text-en',
      'The total is corrected.',
    ]);
    expect(notice.code).toBe(0);
    expect((await cli(['release:notices', 'second'])).stdout).toMatch(/second\terratum\t.*Le total est corrigé/);
    expect(
      (await cli(['release:notice', 'second', '--kind', 'oops', '--text-fr', 'a', '--text-en', 'b'])).code,
    ).not.toBe(0);
    expect((await cli(['release:notice', 'nope', '--kind', 'erratum', '--text-fr', 'a', '--text-en', 'b'])).code).toBe(
      1,
    );
    const audit = await sql(
      `SELECT action FROM audit_log WHERE action IN ('release.erratum', 'association.name_public')`,
    );
    expect(audit.map((a) => a.action).sort()).toEqual(['association.name_public', 'release.erratum']);
  });
});
