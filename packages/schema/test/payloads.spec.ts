import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DISCLOSURE_RULE,
  aggregateCellSchema,
  breakdownSchema,
  disclosureRuleSchema,
  importReportSchema,
  isSuppressed,
  mappingProfileSchema,
  publishedCell,
  releaseSchema,
  seriesSchema,
  suppressedCell,
  yearlySummarySchema,
} from '../src/index.js';
import { invalidMappingProfiles, validImportReport, validMappingProfiles } from './fixtures.js';

describe('aggregateCellSchema', () => {
  it('accepts a value or a withheld cell with its reason in French and English', () => {
    expect(aggregateCellSchema.parse({ value: 12 })).toEqual({ value: 12 });
    const withheld = suppressedCell('below_threshold');
    expect(aggregateCellSchema.parse(withheld)).toEqual(withheld);
    expect(withheld.message.fr).toMatch(/seuil/);
    expect(withheld.message.en).toMatch(/threshold/);
    expect(isSuppressed(withheld)).toBe(true);
    expect(isSuppressed(publishedCell(0))).toBe(false);
  });

  it.each([
    ['a withheld cell that also carries its value', { suppressed: true, reason: 'secondary', value: 3 }],
    ['a withheld cell without a reason', { suppressed: true }],
    ['an unknown reason', { suppressed: true, reason: 'because', message: { fr: 'x', en: 'x' } }],
    ['suppressed: false', { suppressed: false, reason: 'secondary', message: { fr: 'x', en: 'x' } }],
    ['a value as a string', { value: '12' }],
    ['nothing', {}],
  ])('rejects %s', (_why, cell) => {
    expect(aggregateCellSchema.safeParse(cell).success).toBe(false);
  });
});

describe('disclosureRuleSchema', () => {
  it('defaults to threshold 5, platform threshold 10 and 2 associations', () => {
    expect(disclosureRuleSchema.parse({})).toEqual({ threshold: 5, platformThreshold: 10, minAssociations: 2 });
    expect(DEFAULT_DISCLOSURE_RULE).toEqual({ threshold: 5, platformThreshold: 10, minAssociations: 2 });
  });

  it('rejects a threshold of zero', () => {
    expect(disclosureRuleSchema.safeParse({ threshold: 0 }).success).toBe(false);
  });
});

describe('series, breakdown, yearly summary, release', () => {
  const label = { fr: 'Réseaux sociaux', en: 'Social networks' };
  const series = {
    key: 'recruitmentChannel:social_network',
    label,
    dimension: 'recruitmentChannel',
    code: 'social_network',
    group: 'online',
    points: [
      { year: 2022, cell: { value: 11 } },
      { year: 2023, cell: suppressedCell('too_few_associations') },
    ],
  };
  const breakdown = {
    releaseId: null,
    dimension: 'recruitmentChannelGroup',
    label: { fr: 'En ligne / hors ligne', en: 'Online / offline' },
    referenceYear: 2023,
    multiValued: true,
    total: { value: 80 },
    items: [
      { code: 'online', label: { fr: 'En ligne', en: 'Online' }, cell: { value: 41 }, share: { value: 51.25 } },
      { code: 'unknown', label: { fr: 'Inconnu', en: 'Unknown' }, cell: suppressedCell('below_threshold') },
    ],
  };

  it('parse well-formed payloads and fill defaults', () => {
    expect(seriesSchema.parse(series).measure).toBe('cases');
    expect(breakdownSchema.parse(breakdown).filter).toEqual({});
    const summary = yearlySummarySchema.parse({
      schemaVersion: '1.0.0',
      releaseId: '6c1d0b52-8f3e-4a9d-b1c2-7e5f4a3d2c10',
      referenceYear: 2023,
      generatedAt: '2025-07-30T08:00:00Z',
      contributingAssociations: 3,
      cases: { value: 80 },
      onlineCases: { value: 41 },
      onlineShare: { value: 51.25 },
      minors: { value: 12 },
      previousYear: { referenceYear: 2022, cases: { value: 79 }, change: { value: 1 } },
      breakdowns: [breakdown],
      disclosureRule: {},
      methodology: { fr: 'Méthode', en: 'Method' },
    });
    expect(summary.disclosureRule).toEqual(DEFAULT_DISCLOSURE_RULE);
    expect(summary.caveats).toEqual([]);
    const release = releaseSchema.parse({
      id: '6c1d0b52-8f3e-4a9d-b1c2-7e5f4a3d2c10',
      slug: '2025-07-30',
      title: { fr: 'Édition du 30 juillet 2025', en: '30 July 2025 edition' },
      status: 'published',
      schemaVersion: '1.0.0',
      referenceYears: [2019, 2020, 2021, 2022, 2023, 2024],
      contributingAssociations: 3,
      disclosureRule: {},
      createdAt: '2025-07-29T16:00:00Z',
      publishedAt: '2025-07-30T06:00:00+02:00',
    });
    expect(release.files).toEqual([]);
  });

  it('reject a breakdown on an unknown dimension and a series point without a cell', () => {
    expect(breakdownSchema.safeParse({ ...breakdown, dimension: 'name' }).success).toBe(false);
    expect(seriesSchema.safeParse({ ...series, points: [{ year: 2022, value: 11 }] }).success).toBe(false);
  });
});

describe('importReportSchema', () => {
  it('accepts a report with row-level errors, grouped warnings, unmapped columns and header changes', () => {
    expect(importReportSchema.parse(validImportReport())).toEqual(validImportReport());
  });

  it('accepts a refusal with its reason', () => {
    const refused = validImportReport({
      outcome: 'refused',
      batchId: null,
      refusal: {
        code: 'direct_identifier',
        message: {
          fr: 'Le fichier contient des noms (colonne « Nom ») : rien n’a été chargé. Retirez la colonne puis recommencez.',
          en: 'The file holds names (column “Nom”): nothing was loaded. Remove the column and try again.',
        },
        columns: ['Nom'],
      },
    });
    expect(importReportSchema.safeParse(refused).success).toBe(true);
  });

  it('rejects an issue without its French or English message', () => {
    const report = validImportReport();
    const bad = { ...report, errors: [{ ...report.errors[0], message: { fr: 'Année invalide' } }] };
    expect(importReportSchema.safeParse(bad).success).toBe(false);
  });
});

describe('mappingProfileSchema', () => {
  it.each(validMappingProfiles)('accepts %s', (_why, profile) => {
    expect(mappingProfileSchema.safeParse(profile).success).toBe(true);
  });

  it.each(invalidMappingProfiles)('rejects %s', (_why, profile) => {
    expect(mappingProfileSchema.safeParse(profile).success).toBe(false);
  });
});

describe('OpenAPI readiness', () => {
  it.each([
    ['aggregate cell', aggregateCellSchema],
    ['series', seriesSchema],
    ['breakdown', breakdownSchema],
    ['yearly summary', yearlySummarySchema],
    ['release', releaseSchema],
    ['import report', importReportSchema],
    ['mapping profile', mappingProfileSchema],
    ['disclosure rule', disclosureRuleSchema],
  ])('%s converts to JSON Schema for requests and responses', (_name, schema) => {
    for (const io of ['input', 'output'] as const) {
      const json = z.toJSONSchema(schema, { io, unrepresentable: 'throw' });
      expect(JSON.stringify(json)).toContain('"type"');
    }
  });
});
