import { cellValue } from '@observatoire/charts';
import type { AggregateCell, Comparison, ReleaseComposition, YearlySummary } from '@observatoire/schema';
import type { BreakdownPayload, ReleaseInfo } from '$lib/api/types.js';
import { formatCount, t, type Lang } from '$lib/i18n/index.js';

/** One quotable sentence: what it says, and the figures it rests on (for the page's emphasis and the tests). */
export interface KitSentence {
  key: 'cases' | 'online' | 'minors' | 'platforms' | 'yearOnYear' | 'composition' | 'panel';
  text: string;
}

const valueOf = (cell: AggregateCell | null | undefined) => (cell ? cellValue(cell) : null);

/** The key figures of the latest year, each a sentence a journalist can quote as it stands. */
export function keyFigureSentences(
  lang: Lang,
  summary: YearlySummary,
  platforms: BreakdownPayload,
  comparison: Comparison | null,
): KitSentence[] {
  const year = summary.referenceYear;
  const n = (x: number) => formatCount(x, lang);
  const out: KitSentence[] = [];
  const cases = valueOf(summary.cases);
  const associations = summary.contributingAssociations;
  out.push({
    key: 'cases',
    text:
      cases === null
        ? t(lang, 'kit.casesWithheld', { year, count: associations })
        : t(lang, 'kit.cases', { year, count: associations, cases: n(cases) }),
  });
  const online = valueOf(summary.onlineCases);
  const share = valueOf(summary.onlineShare);
  out.push({
    key: 'online',
    text:
      online === null
        ? t(lang, 'kit.onlineWithheld')
        : t(lang, 'kit.online', { online: n(online), share: share === null ? '—' : formatShare(share, lang) }),
  });
  const minors = valueOf(summary.minors);
  out.push({
    key: 'minors',
    text: minors === null ? t(lang, 'kit.minorsWithheld') : t(lang, 'kit.minors', { minors: n(minors) }),
  });
  const top = platforms.categories
    .filter((c) => !['unknown', 'not_applicable', 'other'].includes(c.code))
    .map((c) => ({ label: c.label[lang], value: valueOf(c.cell) }))
    .filter((c): c is { label: string; value: number } => c.value !== null)
    .sort((a, b) => b.value - a.value)
    .slice(0, 3);
  if (top.length) {
    const list = new Intl.ListFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { type: 'conjunction' }).format(
      top.map((p) => `${p.label} (${n(p.value)})`),
    );
    out.push({ key: 'platforms', text: t(lang, 'kit.platforms', { year, list }) });
  }
  if (comparison) {
    const all = comparison.all.find((f) => f.key === 'cases')!;
    const before = valueOf(all.from);
    const after = valueOf(all.to);
    const change = valueOf(all.change);
    if (before !== null && after !== null && change !== null) {
      const signed = `${change > 0 ? '+' : change < 0 ? '−' : ''}${n(Math.abs(change))}`;
      out.push({
        key: 'yearOnYear',
        text: t(lang, 'kit.yearOnYear', {
          from: comparison.from,
          to: comparison.to,
          before: n(before),
          after: n(after),
          change: signed,
        }),
      });
    } else
      out.push({
        key: 'yearOnYear',
        text: t(lang, 'kit.yearOnYearWithheld', { from: comparison.from, to: comparison.to }),
      });
    out.push({ key: 'composition', text: comparison.composition[lang] });
    out.push({ key: 'panel', text: comparison.panelNote[lang] });
  }
  return out;
}

function formatShare(percent: number, lang: Lang): string {
  return (
    new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { maximumFractionDigits: 1 }).format(percent) +
    (lang === 'fr' ? ' %' : '%')
  );
}

/** What a reader must know before quoting: whose figures these are, who changed, what is withheld. */
export function caveats(lang: Lang, release: ReleaseInfo, composition: ReleaseComposition | null): string[] {
  const rule = release.disclosureRule;
  const out = [t(lang, 'kit.caveat.caseloads')];
  if (composition) {
    const list = composition.years.map((y) => `${y.year}${lang === 'fr' ? ' : ' : ': '}${y.associations}`).join(', ');
    out.push(t(lang, 'kit.caveat.composition', { list }));
  }
  out.push(
    t(lang, 'kit.caveat.withheld', {
      threshold: rule.threshold,
      platformThreshold: rule.platformThreshold,
      associations: rule.minAssociations,
    }),
  );
  out.push(t(lang, 'kit.caveat.multi'));
  if (release.demo) out.push(t(lang, 'demo.banner'));
  return out;
}
