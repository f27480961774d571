import type { DisclosureRule, LocalisedText } from '@observatoire/schema';

/** Methodology and disclosure note printed with every yearly summary (PDF, XLSX notes sheet, JSON). */
export function METHODOLOGY(rule: DisclosureRule): LocalisedText {
  return {
    fr:
      'Chaque association membre du collectif transmet un extrait anonymisé de ses dossiers : une ligne par personne ' +
      'accompagnée ou identifiée dans l’année de référence. Aucune donnée directement identifiante n’est conservée. ' +
      'Les champs à valeurs multiples (forme d’exploitation, canal et plateforme de recrutement, nationalité) comptent ' +
      'une personne une fois par valeur : leurs lignes peuvent dépasser le total. ' +
      `Contrôle de la divulgation : un effectif inférieur à ${rule.threshold} (${rule.platformThreshold} pour les ` +
      `plateformes), zéro compris, est masqué ; un chiffre n’est publié que si au moins ${rule.minAssociations} ` +
      'associations y contribuent et qu’aucune n’en représente la quasi-totalité ; d’autres chiffres sont masqués ' +
      'pour qu’aucun chiffre masqué ne puisse être recalculé à partir des totaux, des vues filtrées ou des ' +
      'publications précédentes. Les parts et évolutions sont calculées uniquement à partir de chiffres publiés.',
    en:
      'Each member association of the collective sends an anonymised extract of its case files: one row per person ' +
      'supported or identified in the reference year. No directly identifying data is kept. Multi-valued fields ' +
      '(form of exploitation, recruitment channel and platform, citizenship) count a person once per value: their ' +
      'rows can add up to more than the total. ' +
      `Disclosure control: a count below ${rule.threshold} (${rule.platformThreshold} for platforms), zero included, ` +
      `is withheld; a figure is published only when at least ${rule.minAssociations} associations contribute to it ` +
      'and none makes up nearly all of it; further figures are withheld so that no withheld figure can be recomputed ' +
      'from totals, filtered views or earlier releases. Shares and changes are computed from published figures only.',
  };
}

export const CAVEATS: readonly LocalisedText[] = [
  {
    fr: 'Ces chiffres décrivent les personnes suivies par les associations du collectif, pas l’ensemble des victimes de la traite en France.',
    en: 'These figures describe the people supported by the collective’s associations, not all victims of trafficking in France.',
  },
  {
    fr: 'Les associations participantes peuvent varier d’une année à l’autre : comparez les années avec prudence.',
    en: 'Participating associations can vary from year to year: compare years with care.',
  },
  {
    fr: 'Une publication ne change jamais ; une association qui se retire du collectif est exclue des publications suivantes.',
    en: 'A release never changes; an association that leaves the collective is excluded from later releases.',
  },
];
