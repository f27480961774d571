import type { CaseRecord, ImportReport, MappingProfileInput } from '../src/index.js';

/** A complete, valid case record (test data, fictional). */
export function validCaseRecord(overrides: Partial<CaseRecord> = {}): CaseRecord {
  return {
    referenceYear: 2023,
    associationId: '3f2b8c1e-5d4a-4b7e-9c1f-2a6d8e0b4c71',
    caseKey: 'a'.repeat(64),
    gender: 'female',
    ageBand: '9-17',
    isMinor: true,
    citizenship: ['NG'],
    exploitationTypes: ['sexual'],
    recruitmentChannels: ['social_network', 'messaging_app'],
    recruitmentPlatforms: ['facebook', 'whatsapp'],
    onlineExploitation: 'yes',
    exploitationPlatforms: ['vivastreet'],
    onlineControl: 'unknown',
    exploitationCountry: 'FR',
    recruiterRelation: 'stranger',
    ...overrides,
  };
}

/** Invalid variants of the valid record, each wrong in one way a producer could get wrong. */
export const invalidCaseRecords: [string, Record<string, unknown>][] = [
  ['year before 2000', { ...validCaseRecord(), referenceYear: 1999 }],
  ['year as a string', { ...validCaseRecord(), referenceYear: '2023' }],
  ['fractional year', { ...validCaseRecord(), referenceYear: 2023.5 }],
  ['gender label instead of code', { ...validCaseRecord(), gender: 'Femme' }],
  ['unknown age band', { ...validCaseRecord(), ageBand: '18-25' }],
  ['empty multi-valued field', { ...validCaseRecord(), exploitationTypes: [] }],
  ['channel not in the list', { ...validCaseRecord(), recruitmentChannels: ['carrier_pigeon'] }],
  ['platform as free text', { ...validCaseRecord(), recruitmentPlatforms: ['Facebook'] }],
  ['lower-case country code', { ...validCaseRecord(), citizenship: ['ng'] }],
  ['alpha-3 country code', { ...validCaseRecord(), exploitationCountry: 'FRA' }],
  ['raw case id instead of a pseudonym', { ...validCaseRecord(), caseKey: 'D-2019-0001' }],
  ['missing field', Object.fromEntries(Object.entries(validCaseRecord()).filter(([k]) => k !== 'gender'))],
  ['extra field carrying a name', { ...validCaseRecord(), firstName: 'Jeanne' }],
  ['association id not a uuid', { ...validCaseRecord(), associationId: 'aurore-paris' }],
  ['yes/no field with a label', { ...validCaseRecord(), onlineControl: 'Oui' }],
];

export function validImportReport(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    schemaVersion: '1.0.0',
    outcome: 'committed',
    batchId: '6c1d0b52-8f3e-4a9d-b1c2-7e5f4a3d2c10',
    association: 'aurore-paris',
    fileName: 'export.csv',
    format: 'csv',
    encoding: 'windows-1252',
    delimiter: ';',
    contentHash: 'b'.repeat(64),
    dryRun: false,
    headerRow: 3,
    columns: [
      { index: 0, header: 'N° dossier', field: 'caseId', status: 'mapped' },
      { index: 8, header: 'Observations', field: null, status: 'free_text' },
      { index: 9, header: 'Orientation', field: null, status: 'unmapped', suggestion: 'recruitmentChannels' },
    ],
    headerChanges: { appeared: ['Orientation'], vanished: [], renamed: [{ from: 'Sexe', to: 'Genre' }] },
    referenceYears: [2023, 2024],
    counts: {
      rowsRead: 10,
      rowsAccepted: 9,
      rowsRejected: 1,
      rowsSkipped: 2,
      recordsNew: 5,
      recordsReplaced: 3,
      recordsUnchanged: 1,
      recordsRemoved: 0,
    },
    declaredTotal: 10,
    summary: { fr: '9 lignes chargées, 1 rejetée.', en: '9 rows loaded, 1 rejected.' },
    errors: [
      {
        code: 'year_out_of_range',
        severity: 'error',
        message: {
          fr: 'Ligne 7, colonne « Année » : 2099 est dans le futur. Corrigez l’année puis déposez à nouveau le fichier.',
          en: 'Row 7, column “Année”: 2099 is in the future. Fix the year and upload the file again.',
        },
        row: 7,
        column: 'Année',
        rawValue: '2099',
      },
    ],
    warnings: [
      {
        code: 'unknown_value',
        severity: 'warning',
        message: { fr: '« Copine » (3 lignes) est devenu inconnu.', en: '“Copine” (3 rows) became unknown.' },
        column: 'Mode de recrutement',
        rawValue: 'Copine',
        count: 3,
        rows: [4, 9, 12],
      },
    ],
    errorsTruncated: 0,
    durationMs: 412,
    refusal: null,
    ...overrides,
  };
}

export const validMappingProfiles: [string, MappingProfileInput][] = [
  ['empty profile', {}],
  [
    'renamed columns, value synonyms, separators and a year from a date column',
    {
      sheet: 'Victimes 2019-2024',
      headerRow: 4,
      columns: { 'Date premier contact': 'referenceDate', Identifiant: 'caseId', Remarques: 'ignore' },
      values: { recruitmentChannels: { Copine: 'friends_acquaintances', Snap: 'snapchat' } },
      separators: [' + ', ','],
      referenceYear: { dateColumn: 'Date premier contact' },
    },
  ],
  ['fixed reference year', { referenceYear: { fixed: 2024 } }],
  ['year from a column', { referenceYear: { column: 'Année' } }],
  [
    'wide layout with its own yes values',
    {
      wide: [
        { column: 'Facebook', field: 'recruitmentPlatforms', code: 'facebook' },
        { column: 'Réseaux sociaux', field: 'recruitmentChannels', code: 'social_network' },
      ],
      truthy: ['Coché'],
    },
  ],
];

export const invalidMappingProfiles: [string, unknown][] = [
  ['unknown top-level key', { colums: {} }],
  ['column mapped to an unknown field', { columns: { Nom: 'lastName' } }],
  ['year from two sources at once', { referenceYear: { fixed: 2024, column: 'Année' } }],
  ['fixed year before 2000', { referenceYear: { fixed: 1990 } }],
  ['wide layout on a single-valued field', { wide: [{ column: 'Femme', field: 'gender', code: 'female' }] }],
  ['empty separator list', { separators: [] }],
  ['wrong version', { version: 2 }],
  ['not an object', ['columns']],
];
