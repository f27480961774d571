import {
  codeLists,
  COUNTRY_CODES,
  countryName,
  sourceFields,
  type CodeEntry,
  type CodeListName,
} from '@observatoire/schema';
import { t, type Lang } from '$lib/i18n/space.js';
import type { MappingOptions, Option } from './mapping';

const entries = (list: CodeListName, locale: Lang): Option[] =>
  (codeLists[list] as readonly CodeEntry[]).map((c) => ({ value: c.code, label: c.label[locale] }));

const countries = (locale: Lang): Option[] =>
  COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, locale) ?? code })).sort((a, b) =>
    a.label.localeCompare(b.label, locale),
  );

/** One-hot columns may fill these fields (the profile's WIDE_FIELDS but citizenship, offered when suggested). */
const WIDE: { field: string; list: CodeListName }[] = [
  { field: 'recruitmentChannels', list: 'recruitmentChannel' },
  { field: 'recruitmentPlatforms', list: 'recruitmentPlatform' },
  { field: 'exploitationTypes', list: 'exploitationType' },
  { field: 'exploitationPlatforms', list: 'recruitmentPlatform' },
];

/**
 * The selects of the mapping screen and the labels of "what was understood", in the page's language: fields with
 * the schema's labels, the codes a one-hot column can mean, and each field's codes (recruitment channels also
 * accept a platform, as the profile does; nationalities and countries by name).
 */
export function mappingOptions(locale: Lang): MappingOptions {
  const fieldLabels: Record<string, string> = {};
  for (const def of sourceFields) fieldLabels[def.field] = def.label[locale];
  const codes: Record<string, Option[]> = {};
  for (const def of sourceFields) {
    if (def.codeList) codes[def.field] = entries(def.codeList, locale);
    if (def.kind === 'country' || def.kind === 'countries') codes[def.field] = countries(locale);
  }
  codes.recruitmentChannels = [...entries('recruitmentChannel', locale), ...entries('recruitmentPlatform', locale)];
  codes.ageBand = entries('ageBand', locale);
  const wide = WIDE.map(({ field, list }) => ({
    label: fieldLabels[field],
    options: entries(list, locale)
      .filter((o) => o.value !== 'unknown')
      .map((o) => ({
        value: `wide:${field}:${o.value}`,
        label: t(locale, 'mapping.means', { field: fieldLabels[field], code: o.label }),
      })),
  }));
  const fields = sourceFields.map((def) => ({ value: `field:${def.field}`, label: def.label[locale] }));
  return { fields, wide, codes, fieldLabels };
}
