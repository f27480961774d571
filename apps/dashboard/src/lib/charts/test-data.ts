import type { ChartCategory, ChartSeries } from '@observatoire/charts';
import type { ChartData } from './specs.js';

/** Small hand-written inputs for the unit tests (each test states the numbers it expects from them). */
export const SERIES: ChartSeries[] = [
  {
    key: 'online',
    label: 'En ligne',
    points: [
      { year: 2023, cell: { value: 1200 } },
      { year: 2024, cell: { suppressed: true, reason: 'below_threshold' } },
      { year: 2025, cell: { value: 1500 } },
    ],
  },
  {
    key: 'offline',
    label: 'Hors ligne',
    points: [
      { year: 2023, cell: { value: 800 } },
      { year: 2024, cell: { value: 700 } },
      { year: 2025, cell: { value: 650 } },
    ],
  },
];

/** Persons supported each year (the base of the shares): fewer than the channels' sum, as people count in several. */
export const PERSONS = [
  { year: 2023, cell: { value: 1900 } },
  { year: 2024, cell: { value: 1400 } },
  { year: 2025, cell: { value: 2000 } },
];

export const ROWS: ChartCategory[] = [
  { key: 'sexual', label: 'Exploitation sexuelle', cell: { value: 2345 } },
  { key: 'labour', label: 'Travail forcé', cell: { value: 410 } },
  { key: 'organ_removal', label: 'Prélèvement d’organes', cell: { suppressed: true, reason: 'below_threshold' } },
];

export function chartData(overrides: Partial<ChartData> = {}): ChartData {
  return {
    id: 'online-offline',
    kind: 'time',
    lang: 'fr',
    title: 'Recrutement en ligne et hors ligne',
    subtitle: 'Nombre de personnes suivies selon le mode de recrutement, par année',
    notes: ['Hachuré : chiffre non publié.', 'Une personne suivie par deux associations compte deux fois.'],
    filters: { view: 'lines', group: 'all', year: null, panel: 'all' },
    year: null,
    years: [2023, 2024, 2025],
    release: {
      id: 'b1e6f7a0-0000-4000-8000-000000000001',
      slug: '2026-07-30',
      publishedAt: '2026-07-30T08:00:00Z',
      demo: true,
      requested: 'latest',
    },
    disclosure: { threshold: 5, platformThreshold: 10, minAssociations: 2 },
    panel: null,
    series: SERIES,
    base: PERSONS,
    rows: [],
    annotations: [],
    notices: [],
    ...overrides,
  };
}
