import { describe, expect, it } from 'vitest';
import type { AggregateCell, Comparison, SuppressionReason, YearlySummary } from '@observatoire/schema';
import type { BreakdownPayload } from '$lib/api/types.js';
import { keyFigureSentences } from './kit-text.js';

// Literal cells: the schema package's helpers would load its country lists, which this runner cannot import.
const publishedCell = (value: number): AggregateCell => ({ value });
const suppressedCell = (reason: SuppressionReason): AggregateCell => ({
  suppressed: true,
  reason,
  message: { fr: 'Masqué', en: 'Withheld' },
});

function summary(overrides: Partial<YearlySummary> = {}): YearlySummary {
  return {
    schemaVersion: '1.0.0',
    releaseId: null,
    referenceYear: 2025,
    generatedAt: '2026-07-30T08:00:00Z',
    contributingAssociations: 7,
    cases: publishedCell(1234),
    onlineCases: publishedCell(617),
    onlineShare: publishedCell(50),
    minors: publishedCell(99),
    previousYear: null,
    comparison: null,
    breakdowns: [],
    disclosureRule: { threshold: 5, platformThreshold: 10, minAssociations: 2 },
    methodology: { fr: 'm', en: 'm' },
    caveats: [],
    ...overrides,
  };
}

const platforms: BreakdownPayload = {
  releaseId: null,
  dimension: 'recruitmentPlatform',
  year: 2025,
  total: publishedCell(1234),
  categories: [
    { code: 'facebook', label: { fr: 'Facebook', en: 'Facebook' }, cell: publishedCell(40) },
    { code: 'whatsapp', label: { fr: 'WhatsApp', en: 'WhatsApp' }, cell: publishedCell(53) },
    { code: 'tiktok', label: { fr: 'TikTok', en: 'TikTok' }, cell: suppressedCell('below_platform_threshold') },
    { code: 'snapchat', label: { fr: 'Snapchat', en: 'Snapchat' }, cell: publishedCell(12) },
    { code: 'telegram', label: { fr: 'Telegram', en: 'Telegram' }, cell: publishedCell(11) },
    { code: 'unknown', label: { fr: 'Inconnue', en: 'Unknown' }, cell: publishedCell(453) },
  ],
};

const comparison = (withheld: boolean): Comparison => ({
  from: 2024,
  to: 2025,
  panelView: 'panel:2024-2025',
  associations: { from: 6, to: 7, panel: 5, joined: 2, left: 1 },
  all: [
    {
      key: 'cases',
      label: { fr: 'c', en: 'c' },
      from: publishedCell(1300),
      to: withheld ? suppressedCell('secondary') : publishedCell(1234),
      change: withheld ? suppressedCell('derived_from_suppressed') : publishedCell(-66),
    },
  ],
  panel: [],
  composition: { fr: 'composition fr', en: 'composition en' },
  panelNote: { fr: 'panel fr', en: 'panel en' },
});

describe('the press kit’s key figures', () => {
  it('are sentences with numbers as each language writes them, the top published platforms only', () => {
    const fr = keyFigureSentences('fr', summary(), platforms, comparison(false));
    expect(fr.map((s) => s.key)).toEqual([
      'cases',
      'online',
      'minors',
      'platforms',
      'yearOnYear',
      'composition',
      'panel',
    ]);
    expect(fr[0].text).toBe(
      'En 2025, les 7 associations du collectif qui ont transmis leurs données ont suivi 1\u202f234 personnes victimes de traite des êtres humains.',
    );
    expect(fr[1].text).toMatch(/^617 d’entre elles \(50 %\) ont été recrutées en ligne/);
    expect(fr[3].text).toBe(
      'Plateformes de recrutement les plus citées en 2025 : WhatsApp (53), Facebook (40) et Snapchat (12) ; une personne peut en citer plusieurs.',
    );
    expect(fr[4].text).toContain('1\u202f300 personnes en 2024 et 1\u202f234 en 2025 (−66)');
    expect(fr[5].text).toBe('composition fr');
    const en = keyFigureSentences('en', summary(), platforms, comparison(false));
    expect(en[0].text).toBe(
      'In 2025, the 7 associations of the collective that sent data supported 1,234 victims of trafficking in human beings.',
    );
    expect(en[3].text).toContain('WhatsApp (53), Facebook (40) and Snapchat (12)');
  });

  it('never print a withheld figure as a number, and say so', () => {
    const withheld = summary({
      cases: suppressedCell('secondary'),
      onlineCases: suppressedCell('below_threshold'),
      onlineShare: suppressedCell('derived_from_suppressed'),
      minors: suppressedCell('below_threshold'),
      contributingAssociations: 1,
    });
    const fr = keyFigureSentences('fr', withheld, { ...platforms, categories: [] }, comparison(true));
    expect(fr.map((s) => s.text)).toEqual([
      'En 2025, 1 association a transmis ses données ; le nombre de personnes suivies n’est pas publié (chiffre masqué).',
      'Le nombre de personnes recrutées en ligne n’est pas publié cette année (chiffre masqué).',
      'Le nombre de personnes mineures n’est pas publié cette année (chiffre masqué).',
      'L’évolution entre 2024 et 2025 n’est pas publiée : un des deux chiffres est masqué.',
      'composition fr',
      'panel fr',
    ]);
  });
});
