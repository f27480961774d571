import { describe, expect, it } from 'vitest';
import { detectHeaderRow, diffHeaders, looksLikeFormula, parseAge, parseDate, parseYear } from '../../src/index.js';
import { normaliseLabel } from '@observatoire/schema';

describe('scalar parsing', () => {
  it.each([
    ['24', 24],
    ['24 ans', 24],
    ['24ans', 24],
    ['17,0', 17],
    ['30 years', 30],
    ['-4', -4],
    ['250', 250],
  ])('age %s → %d', (raw, age) => expect(parseAge(raw, normaliseLabel(raw))).toEqual({ kind: 'age', age }));

  it.each(['', 'NC', 'inconnu', 'Inconnue', 'NSP', 'n/a'])('age %s is unknown, not an error', (raw) =>
    expect(parseAge(raw, normaliseLabel(raw)).kind).toBe('unknown'),
  );

  it('an unreadable age is invalid', () => expect(parseAge('vingt', 'vingt').kind).toBe('invalid'));

  it.each([
    ['2021', 2021],
    ['2021.0', 2021],
    ['15/03/2021', 2021],
    ['2021-03-15', 2021],
    ['2021-03-15T00:00:00.000Z', 2021],
  ])('year %s → %d', (raw, year) => expect(parseYear(raw)).toEqual({ kind: 'year', year }));

  it('years written in words or empty', () => {
    expect(parseYear('vingt').kind).toBe('invalid');
    expect(parseYear('  ').kind).toBe('empty');
  });

  it('Excel serials count from 1899-12-30 (the 1900 leap-year quirk), with or without a time part', () => {
    expect(parseDate('36526')).toEqual({ year: 2000, month: 1, day: 1 });
    expect(parseDate('43831')).toEqual({ year: 2020, month: 1, day: 1 });
    expect(parseDate('44927.5')).toEqual({ year: 2023, month: 1, day: 1 });
    expect(parseDate('36526', false)).toBeNull();
    expect(parseDate('2021-13-01')).toBeNull();
  });

  it.each(['=HYPERLINK("x")', '+cmd', '-2+3', '@SUM(1+1)', '\t=1'])('%s looks like a formula', (v) =>
    expect(looksLikeFormula(v)).toBe(true),
  );
  it.each(['-4', '+33', 'Famille', '24 ans', ''])('%s is not a formula', (v) =>
    expect(looksLikeFormula(v)).toBe(false),
  );
});

describe('header detection and header changes', () => {
  it('passes over title and blank rows', () => {
    const rows = [
      { row: 1, cells: ['Export des dossiers anonymisés - aurore-paris'] },
      { row: 2, cells: [] },
      { row: 3, cells: ['N° dossier', 'Année de prise en charge', 'Sexe', 'Âge'] },
      { row: 4, cells: ['D-1', '2019', 'Femme', '19 ans'] },
    ];
    expect(detectHeaderRow(rows)).toBe(2);
    expect(detectHeaderRow([{ row: 1, cells: ['a', 'b'] }])).toBeNull();
  });

  it('reports appeared, vanished and renamed columns', () => {
    expect(diffHeaders(null, ['Année'])).toBeNull();
    expect(diffHeaders(['Année', 'Sexe', 'Nationalité'], ['Annee', 'Genre', 'Plateforme'])).toEqual({
      appeared: ['Plateforme'],
      vanished: ['Nationalité'],
      renamed: [{ from: 'Sexe', to: 'Genre' }],
    });
  });
});
