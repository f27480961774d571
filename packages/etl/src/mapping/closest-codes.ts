import { distance } from 'fastest-levenshtein';
import {
  codeLists,
  COUNTRY_CODES,
  countryName,
  matchTermsOf,
  normaliseLabel,
  resolveCode,
  resolveCountry,
  resolveRecruitment,
  type CodeEntry,
  type CodeListName,
} from '@observatoire/schema';
import type { CanonicalField } from './fields.js';

/** The code lists whose codes a field's values may take (recruitment channels also accept a platform). */
const LISTS: Partial<Record<CanonicalField, readonly CodeListName[]>> = {
  gender: ['gender'],
  ageBand: ['ageBand'],
  exploitationTypes: ['exploitationType'],
  recruitmentChannels: ['recruitmentChannel', 'recruitmentPlatform'],
  recruitmentPlatforms: ['recruitmentPlatform'],
  exploitationPlatforms: ['recruitmentPlatform'],
  onlineExploitation: ['yesNoUnknown'],
  onlineControl: ['yesNoUnknown'],
  recruiterRelation: ['recruiterRelation'],
};
const COUNTRY_FIELDS = new Set<CanonicalField>(['citizenship', 'exploitationCountry']);

type Terms = { code: string; terms: string[] }[];
const termsCache = new Map<string, Terms>();

function termsOf(field: CanonicalField): Terms {
  let terms = termsCache.get(field);
  if (terms) return terms;
  if (COUNTRY_FIELDS.has(field)) {
    terms = COUNTRY_CODES.map((code) => ({
      code,
      terms: [countryName(code, 'fr'), countryName(code, 'en')].filter((t): t is string => !!t).map(normaliseLabel),
    }));
  } else {
    const seen = new Set<string>();
    terms = [];
    for (const list of LISTS[field] ?? []) {
      for (const entry of codeLists[list] as readonly CodeEntry[]) {
        if (entry.code === 'unknown' || seen.has(entry.code)) continue;
        seen.add(entry.code);
        terms.push({ code: entry.code, terms: matchTermsOf(entry).map(normaliseLabel).filter(Boolean) });
      }
    }
  }
  termsCache.set(field, terms);
  return terms;
}

/**
 * How far a raw value is from a term, from 0 (same) to 1: the edit distance over the longer length, lowered when
 * one holds the other's words ("Annonce sur internet" and "Annonce internet"), so that sharing a meaningful word
 * counts more than sharing letters ("contact en ligne" is not "controle en ligne").
 */
function remoteness(value: string, term: string): number {
  if (value === term) return 0;
  const d = distance(value, term) / Math.max(value.length, term.length);
  const words = (s: string) => s.split(' ').filter((w) => w.length >= 4);
  const vw = words(value);
  const tw = new Set(words(term));
  const shared = vw.filter((w) => tw.has(w) || [...tw].some((t) => t.length >= 6 && distance(w, t) <= 1)).length;
  if (shared === 0) return d;
  const cover = shared / Math.max(vw.length, tw.size);
  return Math.min(d, 0.45 - 0.3 * cover);
}

/** The codes of a field's lists closest to a raw value, closest first (at most `n`, none too far). */
export function closestCodes(field: CanonicalField, raw: string, n = 3, maxRemoteness = 0.5): string[] {
  const value = normaliseLabel(raw);
  if (!value) return [];
  const scored: { code: string; score: number }[] = [];
  for (const { code, terms } of termsOf(field)) {
    let best = 1;
    for (const t of terms) best = Math.min(best, remoteness(value, t));
    if (best <= maxRemoteness) scored.push({ code, score: best });
  }
  return scored
    .sort((a, b) => a.score - b.score || a.code.localeCompare(b.code))
    .slice(0, n)
    .map((s) => s.code);
}

const WIDE_CANDIDATES = ['recruitmentPlatforms', 'recruitmentChannels', 'exploitationTypes'] as const;

/**
 * What a one-hot column's title names: "Facebook" → recruitmentPlatforms = facebook, "Messagerie" →
 * recruitmentChannels = messaging_app, "Prostitution" → exploitationTypes = sexual, "Nigeria" → citizenship = NG;
 * then, failing an exact synonym, the closest code of a channel, platform or exploitation list. Null when nothing
 * is close.
 */
export function wideCodeForHeader(header: string): { field: CanonicalField; code: string } | null {
  const r = resolveRecruitment(header);
  if (r?.platforms[0] && r.platforms[0] !== 'other') return { field: 'recruitmentPlatforms', code: r.platforms[0] };
  if (r?.channels[0]) return { field: 'recruitmentChannels', code: r.channels[0] };
  const exploitation = resolveCode('exploitationType', header);
  if (exploitation && exploitation !== 'unknown') return { field: 'exploitationTypes', code: exploitation };
  const country = normaliseLabel(header).length > 3 ? resolveCountry(header) : null;
  if (country) return { field: 'citizenship', code: country };
  let best: { field: CanonicalField; code: string; score: number } | null = null;
  const value = normaliseLabel(header);
  for (const field of WIDE_CANDIDATES) {
    for (const { code, terms } of termsOf(field)) {
      if (code === 'other' || code === 'other_online' || code === 'other_offline') continue;
      for (const t of terms) {
        const score = remoteness(value, t);
        if (score <= 0.34 && (!best || score < best.score)) best = { field, code, score };
      }
    }
  }
  return best && { field: best.field, code: best.code };
}
