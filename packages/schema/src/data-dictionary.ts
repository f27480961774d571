import { SUPPRESSION_REASONS, suppressionReasonMessages } from './aggregate.schema.js';
import { caseRecordFieldDocs } from './case-record.fields.js';
import type { CodeEntry, CodeListName } from './code-lists/index.js';
import { CODE_LIST_NAMES, codeLists } from './code-lists/index.js';
import { COUNTRY_CODES, WORLD_REGIONS, countryRegion, worldRegionLabels } from './countries.js';
import { DEFAULT_DISCLOSURE_RULE } from './disclosure-rule.schema.js';
import type { LocalisedText } from './localised-text.js';
import { sourceFields } from './source-fields.js';
import { SCHEMA_VERSION } from './version.js';

const LIST_TITLES: Record<CodeListName, LocalisedText> = {
  gender: { fr: 'Genre', en: 'Gender' },
  ageBand: { fr: 'Tranches d’âge (CTDC)', en: 'Age bands (CTDC)' },
  exploitationType: { fr: 'Types d’exploitation', en: 'Types of exploitation' },
  recruitmentChannel: { fr: 'Modes de recrutement', en: 'Recruitment channels' },
  recruitmentPlatform: { fr: 'Plateformes', en: 'Platforms' },
  recruiterRelation: { fr: 'Lien avec le recruteur', en: 'Relation to the recruiter' },
  yesNoUnknown: { fr: 'Oui / non / inconnu', en: 'Yes / no / unknown' },
};

/** A table cell: pipes escaped, line breaks flattened, empty shown as a dash. */
function cell(text: string | undefined): string {
  if (!text) return '–';
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function table(head: string[], rows: string[][]): string[] {
  return [
    `| ${head.join(' | ')} |`,
    `| ${head.map(() => '---').join(' | ')} |`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    '',
  ];
}

function codeListSection(list: CodeListName): string[] {
  const entries = codeLists[list] as readonly (CodeEntry & { channel?: string })[];
  const hasGroup = entries.some((e) => e.group);
  const hasChannel = entries.some((e) => e.channel);
  const head = ['code', 'français', 'English'];
  if (hasGroup) head.push('groupe / group');
  if (hasChannel) head.push('canal impliqué / implied channel');
  head.push('HTCDS', 'description (fr)', 'description (en)', 'synonymes reconnus / recognised synonyms');
  const rows = entries.map((e) => {
    const row = [`\`${e.code}\``, e.label.fr, e.label.en];
    if (hasGroup) row.push(e.group ?? '');
    if (hasChannel) row.push(e.channel ? `\`${e.channel}\`` : '');
    row.push(e.htcds ?? '', e.description.fr, e.description.en, e.synonyms.join(' · '));
    return row;
  });
  return [`### ${LIST_TITLES[list].fr} / ${LIST_TITLES[list].en} (\`${list}\`)`, '', ...table(head, rows)];
}

/**
 * The data dictionary (docs/data-dictionary.md), rendered from the schema itself so that it cannot drift:
 * a test compares the committed file with this output.
 */
export function renderDataDictionary(): string {
  const out: string[] = [
    '# Dictionnaire des données / Data dictionary',
    '',
    `<!-- Generated from packages/schema by \`npm run docs -w @observatoire/schema\`. Do not edit by hand. -->`,
    '',
    `Version du schéma / schema version: **${SCHEMA_VERSION}**.`,
    '',
    'Un enregistrement = une personne (victime) accompagnée par une association membre pour une année de référence. ' +
      'Aucun identifiant direct n’est stocké. Les champs multi-valués vides valent `unknown`.',
    '',
    'One record = one person (victim) supported by a member association for one reference year. No direct identifier ' +
      'is stored. Empty multi-valued fields hold `unknown`.',
    '',
    'Correspondance des valeurs : insensible à la casse, aux accents et à la ponctuation (« Le Bon Coin » = ' +
      '« leboncoin »). / Value matching ignores case, accents and punctuation.',
    '',
    '## Enregistrement de cas / Case record',
    '',
    ...table(
      [
        'champ / field',
        'colonne / column',
        'type',
        'liste / list',
        'français',
        'English',
        'HTCDS',
        'description (fr)',
        'description (en)',
      ],
      caseRecordFieldDocs.map((f) => [
        `\`${f.field}\``,
        `\`${f.column}\``,
        f.type,
        f.codeList ? `\`${f.codeList}\`` : '',
        f.label.fr,
        f.label.en,
        f.htcds ?? '',
        f.description.fr,
        f.description.en,
      ]),
    ),
    '## Colonnes reconnues à l’import / Columns recognised on import',
    '',
    ...table(
      [
        'champ / field',
        'français',
        'English',
        'HTCDS',
        'description (fr)',
        'description (en)',
        'en-têtes reconnus / recognised headers',
      ],
      sourceFields.map((f) => [
        `\`${f.field}\``,
        f.label.fr,
        f.label.en,
        f.htcds ?? '',
        f.description.fr,
        f.description.en,
        f.synonyms.join(' · '),
      ]),
    ),
    '## Listes de codes / Code lists',
    '',
  ];
  for (const list of CODE_LIST_NAMES) out.push(...codeListSection(list));

  out.push(
    '## Régions du monde (nationalité) / World regions (citizenship)',
    '',
    'Pays : ISO 3166-1 alpha-2 (paquet `i18n-iso-countries`) ; régions : sous-régions ONU regroupées comme dans le ' +
      'Global Report de l’ONUDC, la France (avec ses outre-mer) à part. Reconnus : codes alpha-2 et alpha-3, noms ' +
      'français et anglais, nationalités (paquet `i18n-nationality` ; « Nigériane », « Ivoiriennes »). / ' +
      'Countries: ISO 3166-1 alpha-2 (`i18n-iso-countries`); regions: UN subregions grouped as in the UNODC Global ' +
      'Report, France (with its overseas territories) on its own. Recognised: alpha-2 and alpha-3 codes, French and ' +
      'English names, nationality words (`i18n-nationality`).',
    '',
    ...table(
      ['code', 'français', 'English', 'pays / countries'],
      WORLD_REGIONS.map((r) => [
        `\`${r}\``,
        worldRegionLabels[r].fr,
        worldRegionLabels[r].en,
        COUNTRY_CODES.filter((c) => countryRegion(c) === r).join(' '),
      ]),
    ),
    '## Secret statistique / Disclosure control',
    '',
    `Seuil / threshold: ${DEFAULT_DISCLOSURE_RULE.threshold}; plateformes / platforms: ` +
      `${DEFAULT_DISCLOSURE_RULE.platformThreshold}; associations contributrices minimum / minimum contributing ` +
      `associations: ${DEFAULT_DISCLOSURE_RULE.minAssociations}.`,
    '',
    ...table(
      ['raison / reason', 'français', 'English'],
      SUPPRESSION_REASONS.map((r) => [`\`${r}\``, suppressionReasonMessages[r].fr, suppressionReasonMessages[r].en]),
    ),
  );
  return out.join('\n');
}
