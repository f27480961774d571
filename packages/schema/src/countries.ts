import countries from 'i18n-iso-countries';
import enLocale from 'i18n-iso-countries/langs/en.json' with { type: 'json' };
import frLocale from 'i18n-iso-countries/langs/fr.json' with { type: 'json' };
import enNationalities from 'i18n-nationality/langs/en.json' with { type: 'json' };
import frNationalities from 'i18n-nationality/langs/fr.json' with { type: 'json' };
import type { LocalisedText } from './localised-text.js';
import { labelKey } from './normalise.js';

// Registered explicitly: the browser build of i18n-iso-countries ships no locale.
countries.registerLocale(frLocale);
countries.registerLocale(enLocale);

/**
 * Regions used to publish citizenship (never country by country, so small groups stay hidden): UN geoscheme
 * subregions merged the way UNODC's Global Report groups origins, with France on its own because most French cases
 * are domestic.
 */
export const WORLD_REGIONS = [
  'france',
  'western_southern_europe',
  'central_southeastern_europe',
  'eastern_europe_central_asia',
  'north_africa_middle_east',
  'west_africa',
  'central_east_southern_africa',
  'south_asia',
  'east_asia_pacific',
  'north_america',
  'central_america_caribbean',
  'south_america',
  'unknown',
] as const;
export type WorldRegion = (typeof WORLD_REGIONS)[number];

export const worldRegionLabels: Record<WorldRegion, LocalisedText> = {
  france: { fr: 'France', en: 'France' },
  western_southern_europe: { fr: 'Europe de l’Ouest et du Sud', en: 'Western and Southern Europe' },
  central_southeastern_europe: { fr: 'Europe centrale et du Sud-Est', en: 'Central and South-Eastern Europe' },
  eastern_europe_central_asia: { fr: 'Europe de l’Est et Asie centrale', en: 'Eastern Europe and Central Asia' },
  north_africa_middle_east: { fr: 'Afrique du Nord et Moyen-Orient', en: 'North Africa and the Middle East' },
  west_africa: { fr: 'Afrique de l’Ouest', en: 'West Africa' },
  central_east_southern_africa: {
    fr: 'Afrique centrale, de l’Est et australe',
    en: 'Central, East and Southern Africa',
  },
  south_asia: { fr: 'Asie du Sud', en: 'South Asia' },
  east_asia_pacific: { fr: 'Asie de l’Est et Pacifique', en: 'East Asia and the Pacific' },
  north_america: { fr: 'Amérique du Nord', en: 'North America' },
  central_america_caribbean: { fr: 'Amérique centrale et Caraïbes', en: 'Central America and the Caribbean' },
  south_america: { fr: 'Amérique du Sud', en: 'South America' },
  unknown: { fr: 'Inconnue', en: 'Unknown' },
};

/**
 * The members of each publication region. This grouping is the project's own publication decision, so it is
 * written out here, every ISO 3166-1 code once (test/countries.spec.ts holds it to the country package's code list).
 * Regions are UN geoscheme subregions merged as UNODC's Global Report does, with these choices: France, its
 * overseas departments and collectivities (their people are French citizens) on their own; Northern, Western and
 * Southern Europe together; Central and South-Eastern Europe together; the South Caucasus with Eastern Europe and
 * Central Asia; Western Asia with North Africa; Mexico with Central America; Antarctica unknown.
 */
const REGION_MEMBERS: Record<Exclude<WorldRegion, 'unknown'>, string> = {
  france: 'BL FR GF GP MF MQ NC PF PM RE TF WF YT',
  western_southern_europe:
    'AD AX BE BV CH CY DE DK EE ES FI FO GB GG GI GR IE IM IS IT JE LI LT LU LV MC MT NL NO PT SE SJ SM VA',
  central_southeastern_europe: 'AL AT BA BG CZ HR HU ME MK PL RO RS SI SK XK',
  eastern_europe_central_asia: 'AM AZ BY GE KG KZ MD RU TJ TM UA UZ',
  north_africa_middle_east: 'AE BH DZ EG EH IL IQ JO KW LB LY MA OM PS QA SA SD SY TN TR YE',
  west_africa: 'BF BJ CI CV GH GM GN GW LR ML MR NE NG SH SL SN TG',
  central_east_southern_africa:
    'AO BI BW CD CF CG CM DJ ER ET GA GQ IO KE KM LS MG MU MW MZ NA RW SC SO SS ST SZ TD TZ UG ZA ZM ZW',
  south_asia: 'AF BD BT IN IR LK MV NP PK',
  east_asia_pacific:
    'AS AU BN CC CK CN CX FJ FM GU HK HM ID JP KH KI KP KR LA MH MM MN MO MP MY NF NR NU NZ PG PH PN PW SB SG TH ' +
    'TK TL TO TV TW VN VU WS',
  north_america: 'BM CA GL UM US',
  central_america_caribbean:
    'AG AI AW BB BQ BS BZ CR CU CW DM DO GD GT HN HT JM KN KY LC MS MX NI PA PR SV SX TC TT VC VG VI',
  south_america: 'AR BO BR CL CO EC FK GS GY PE PY SR UY VE',
};

const regionByAlpha2 = new Map<string, WorldRegion>(
  Object.entries(REGION_MEMBERS).flatMap(([region, codes]) =>
    codes.split(' ').map((code) => [code, region as WorldRegion] as const),
  ),
);

/** Publication region of an ISO 3166-1 alpha-2 code; 'unknown' for anything else (including 'unknown'). */
export function countryRegion(alpha2: string): WorldRegion {
  return regionByAlpha2.get(alpha2.toUpperCase()) ?? 'unknown';
}

/** Every ISO 3166-1 alpha-2 code known to the country package. */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();

export function isCountryCode(code: string): boolean {
  return countries.isValid(code) && code.length === 2 && code === code.toUpperCase();
}

/** Country name in the given locale ("Côte d’Ivoire"), or undefined for an unknown code. */
export function countryName(alpha2: string, locale: 'fr' | 'en'): string | undefined {
  return countries.getName(alpha2, locale);
}

/**
 * Everyday names the country package lacks (it has the ISO forms: « Syrian Arab Republic », « République unie de
 * Tanzanie », « Guyane française »), colloquial or historical ones included; checked by the test suite.
 */
const EXTRA_NAMES: Record<string, string[]> = {
  GB: ['Angleterre', 'Grande-Bretagne', 'Écosse', 'Pays de Galles', 'England', 'Great Britain', 'Scotland', 'Wales'],
  NL: ['Hollande', 'Holland'],
  CD: ['RDC', 'DRC', 'RD Congo', 'DR Congo', 'Congo-Kinshasa', 'Congo Kinshasa', 'Zaïre'],
  CG: ['Congo-Brazzaville', 'Congo Brazzaville'],
  US: ['États-Unis d’Amérique', 'Etats Unis', 'USA', 'Amérique'],
  CZ: ['Tchéquie', 'République tchèque'],
  MK: ['Macédoine', 'Macédoine du Nord', 'Macedonia'],
  MM: ['Birmanie', 'Burma'],
  SZ: ['Swaziland'],
  TR: ['Turquie', 'Türkiye'],
  SY: ['Syria'],
  MD: ['Moldova'],
  TZ: ['Tanzanie'],
  BN: ['Brunei'],
  MO: ['Macau'],
  FM: ['Micronesia'],
  GF: ['Guyane'],
  TL: ['Timor oriental', 'East Timor'],
  SV: ['Salvador'],
  VA: ['Vatican', 'Cité du Vatican', 'Vatican City'],
  MU: ['Île Maurice'],
  SR: ['Surinam'],
};

/**
 * Nationality words that i18n-nationality lacks or gets wrong, claimed before its own: « Gallois » is Welsh, not
 * Wallis-and-Futuna; « Guyanais » is French Guiana (Guyana's people are « Guyaniens »); its French tables say
 * « Liberian » and « Jamaïquain » and have no word for Palestinians. Masculine singular, like the package's.
 */
const NATIONALITY_FIXES: Record<string, string[]> = {
  GB: ['Gallois', 'Welsh', 'Anglais', 'English', 'Écossais', 'Scottish'],
  WF: ['Wallisien', 'Futunien', 'Wallisian', 'Futunan'],
  GF: ['Guyanais', 'Guianan'],
  GY: ['Guyanien'],
  PF: ['Polynésien', 'French Polynesian'],
  NC: ['New Caledonian'],
  RE: ['Réunionese'],
  YT: ['Mahoran'],
  MQ: ['Martinican'],
  GP: ['Guadeloupian'],
  LR: ['Libérien'],
  JM: ['Jamaïcain'],
  PS: ['Palestinien', 'Palestinian'],
  DO: ['Dominicain'],
  DM: ['Dominiquais'],
  CI: ['Ivoirien', 'Ivorian'],
  GW: ['Bissau-Guinéen'],
  YE: ['Yemeni'],
  SA: ['Saudi Arabian'],
  AE: ['Emirati'],
  SK: ['Slovak'],
  TM: ['Turkmen'],
  IS: ['Icelander'],
  SS: ['South Sudanese'],
  KZ: ['Kazakh'],
  HK: ['Hong Konger'],
  MO: ['Macanais', 'Macanese'],
  PR: ['Puerto Rican'],
  PG: ['Papua New Guinean'],
};

/**
 * Key → country for the keys exactly one country claims at the highest priority that claims them (0 first); a key
 * still shared (Congo, Dominican) is dropped: guessing would be worse than asking.
 */
function uniqueClaims(claims: Iterable<{ name: string; alpha2: string; priority: number }>): Map<string, string> {
  const byKey = new Map<string, { priority: number; codes: Set<string> }>();
  for (const { name, alpha2, priority } of claims) {
    const key = labelKey(name);
    if (!key) continue;
    const seen = byKey.get(key);
    if (!seen || priority < seen.priority) byKey.set(key, { priority, codes: new Set([alpha2]) });
    else if (priority === seen.priority) seen.codes.add(alpha2);
  }
  const index = new Map<string, string>();
  for (const [key, { codes }] of byKey) if (codes.size === 1) index.set(key, [...codes][0]);
  return index;
}

/** Official and alternative names (fr/en) of i18n-iso-countries and the everyday names above. */
function* nameClaims() {
  for (const locale of ['fr', 'en'] as const) {
    const names = countries.getNames(locale, { select: 'all' }) as Record<string, string[]>;
    for (const [alpha2, list] of Object.entries(names)) for (const name of list) yield { name, alpha2, priority: 0 };
  }
  for (const [alpha2, list] of Object.entries(EXTRA_NAMES))
    for (const name of list) yield { name, alpha2, priority: 0 };
}

/**
 * Nationality words (i18n-nationality, fr/en, masculine singular: « Nigérian », « Français », "Nigerian"), after
 * the fixes above. Some entries carry two words (« Trinidadien ou Tobagonien ») or a qualifier (« Français
 * (Guyane) »): a qualified word counts only where no country claims it plainly, so « Français » is France.
 */
function* nationalityClaims() {
  for (const [alpha2, list] of Object.entries(NATIONALITY_FIXES)) {
    for (const name of list) yield { name, alpha2, priority: -1 };
  }
  for (const table of [frNationalities, enNationalities]) {
    for (const [alpha2, entry] of Object.entries(table.nationalities)) {
      const qualified = /\(.*\)/.test(entry);
      for (const word of entry.replace(/\(.*\)/, '').split(/ ou | or /)) {
        yield { name: word, alpha2, priority: qualified ? 1 : 0 };
      }
    }
  }
}

let indexes: { names: Map<string, string>; nationalities: Map<string, string> } | undefined;

function countryIndexes(): { names: Map<string, string>; nationalities: Map<string, string> } {
  if (indexes) return indexes;
  const names = uniqueClaims(nameClaims());
  // Codes come last so that an alpha-2/alpha-3 code always wins over a colliding name.
  for (const alpha2 of Object.keys(countries.getAlpha2Codes())) {
    names.set(alpha2.toLowerCase(), alpha2);
    const alpha3 = countries.alpha2ToAlpha3(alpha2);
    if (alpha3) names.set(alpha3.toLowerCase(), alpha2);
  }
  indexes = { names, nationalities: uniqueClaims(nationalityClaims()) };
  return indexes;
}

/**
 * The masculine singular forms a nationality word may come from: the word itself, then without a plural « s » and
 * without the feminine ending (« Nigérianes » → « Nigériane » → « Nigérian », « Ivoirienne » → « Ivoirien »,
 * « Grecque » → « Grec », « Turque » → « Turc »). Keys are accent-free and lower-case (labelKey).
 */
function masculineSingular(key: string): string[] {
  const forms = [key];
  const singular = key.endsWith('s') ? key.slice(0, -1) : key;
  if (singular !== key) forms.push(singular);
  if (singular.endsWith('enne')) forms.push(singular.slice(0, -2));
  if (singular.endsWith('cque')) forms.push(singular.slice(0, -3));
  else if (singular.endsWith('que')) forms.push(`${singular.slice(0, -3)}c`);
  if (singular.endsWith('e')) forms.push(singular.slice(0, -1));
  return forms;
}

/**
 * Resolves a citizenship or country value to ISO 3166-1 alpha-2: alpha-2 ("NG"), alpha-3 ("NGA"), French or
 * English name ("Nigéria", "Côte d'Ivoire", "Viêt Nam") or demonym ("Nigériane", "French"). Null if unknown
 * or ambiguous.
 */
export function resolveCountry(raw: string): string | null {
  const key = labelKey(raw);
  if (!key) return null;
  const { names, nationalities } = countryIndexes();
  const named = names.get(key);
  if (named) return named;
  for (const form of masculineSingular(key)) {
    const alpha2 = nationalities.get(form);
    if (alpha2) return alpha2;
  }
  return null;
}
