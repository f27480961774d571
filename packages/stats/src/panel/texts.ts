import type { AggregateCell, LocalisedText } from '@observatoire/schema';

type Lang = 'fr' | 'en';
const plural = (lang: Lang, n: number) => new Intl.PluralRules(lang === 'fr' ? 'fr-FR' : 'en-GB').select(n) !== 'one';
const num = (lang: Lang, n: number) => new Intl.NumberFormat(lang === 'fr' ? 'fr-FR' : 'en-GB').format(n);
const signed = (lang: Lang, n: number) => (n > 0 ? '+' : n < 0 ? '−' : '') + num(lang, Math.abs(n));

/** "6 associations" / "1 association" (same word in both languages). */
export function associationsWord(lang: Lang, n: number): string {
  return `${num(lang, n)} association${plural(lang, n) ? 's' : ''}`;
}

/** "dont 2 associations nouvelles ; 1 a cessé de transmettre" (empty when nobody joined or left). */
function changes(lang: Lang, joined: number, left: number): string {
  const parts: string[] = [];
  if (lang === 'fr') {
    if (joined)
      parts.push(
        `dont ${num(lang, joined)} ${plural(lang, joined) ? 'associations nouvelles' : 'association nouvelle'}`,
      );
    if (left) parts.push(`${num(lang, left)} ${plural(lang, left) ? 'ont cessé' : 'a cessé'} de transmettre`);
    return parts.join(' ; ');
  }
  if (joined) parts.push(`including ${num(lang, joined)} new association${plural(lang, joined) ? 's' : ''}`);
  if (left) parts.push(`${num(lang, left)} stopped sending data`);
  return parts.join('; ');
}

export interface CompositionCounts {
  from: number;
  to: number;
  panel: number;
  joined: number;
  left: number;
}

/**
 * The associations behind each side of a comparison, in words: "2024 : 6 associations ; 2025 : 7 associations,
 * dont 2 associations nouvelles ; 1 a cessé de transmettre. Composition modifiée : comparez avec prudence."
 */
export function compositionText(from: number, to: number, a: CompositionCounts): LocalisedText {
  const one = (lang: Lang) => {
    const sep = lang === 'fr' ? ' : ' : ': ';
    const detail = changes(lang, a.joined, a.left);
    const sides = `${from}${sep}${associationsWord(lang, a.from)}${lang === 'fr' ? ' ; ' : '; '}${to}${sep}${associationsWord(lang, a.to)}`;
    if (!a.joined && !a.left) {
      return lang === 'fr' ? `${sides}, les mêmes les deux années.` : `${sides}, the same in both years.`;
    }
    const warn =
      lang === 'fr'
        ? 'La composition a changé : une partie de l’évolution peut venir des associations arrivées ou parties.'
        : 'The composition changed: part of the change may come from the associations that joined or left.';
    return `${sides} (${detail}). ${warn}`;
  };
  return { fr: one('fr'), en: one('en') };
}

const valueOf = (c: AggregateCell): number | null => ('value' in c ? c.value : null);

/**
 * The constant-panel comparison in words: "À associations constantes (5 associations présentes en 2024 et en
 * 2025) : 812 cas en 2024, 845 en 2025 (+33)." or why it is not published.
 */
export function panelText(
  from: number,
  to: number,
  span: boolean,
  a: CompositionCounts,
  cases: { from: AggregateCell; to: AggregateCell; change: AggregateCell },
): LocalisedText {
  const one = (lang: Lang) => {
    const who =
      lang === 'fr'
        ? `${associationsWord(lang, a.panel)} ${plural(lang, a.panel) ? 'présentes' : 'présente'} ${span ? `chaque année de ${from} à ${to}` : `en ${from} et en ${to}`}`
        : `${associationsWord(lang, a.panel)} present ${span ? `every year from ${from} to ${to}` : `in both ${from} and ${to}`}`;
    if (!a.joined && !a.left && a.panel === a.from && a.panel === a.to) {
      return lang === 'fr'
        ? `Mêmes associations des deux côtés (${who}) : la comparaison porte sur un ensemble constant.`
        : `Same associations on both sides (${who}): the comparison is on a constant set.`;
    }
    const f = valueOf(cases.from);
    const t = valueOf(cases.to);
    const d = valueOf(cases.change);
    if (f === null || t === null || d === null) {
      return lang === 'fr'
        ? `À associations constantes (${who}) : chiffres non publiés, car les associations arrivées ou parties sont trop peu nombreuses ou suivent trop peu de personnes pour que leurs effectifs restent confidentiels.`
        : `Same associations (${who}): figures not published, because the associations that joined or left are too few, or support too few people, for their caseloads to stay confidential.`;
    }
    const people =
      lang === 'fr'
        ? `${num(lang, f)} ${plural(lang, f) ? 'personnes suivies' : 'personne suivie'}`
        : `${num(lang, f)} ${plural(lang, f) ? 'people' : 'person'} supported`;
    return lang === 'fr'
      ? `À associations constantes (${who}) : ${people} en ${from}, ${num(lang, t)} en ${to} (${signed(lang, d)}).`
      : `Same associations (${who}): ${people} in ${from}, ${num(lang, t)} in ${to} (${signed(lang, d)}).`;
  };
  return { fr: one('fr'), en: one('en') };
}
