import { DEFAULT_RULE, type DisclosureRule } from '../disclosure/types.js';
import { StatsError } from '../errors.js';

/** The rule a release applies: defaults, then whatever the caller overrides (validated: privacy first). */
export function resolveRule(partial?: Partial<DisclosureRule>): DisclosureRule {
  const rule = { ...DEFAULT_RULE, ...(partial ?? {}) };
  const ok =
    Number.isInteger(rule.threshold) &&
    rule.threshold >= 1 &&
    Number.isInteger(rule.platformThreshold) &&
    rule.platformThreshold >= rule.threshold &&
    Number.isInteger(rule.minAssociations) &&
    rule.minAssociations >= 1 &&
    rule.maxAssociationShare > 0 &&
    rule.maxAssociationShare <= 1;
  if (!ok) {
    throw new StatsError('invalid_rule', 400, {
      fr: 'Règle de diffusion invalide : seuils entiers d’au moins 1, seuil des plateformes au moins égal au seuil, au moins 1 association.',
      en: 'Invalid disclosure rule: integer thresholds of at least 1, platform threshold at least the threshold, at least 1 association.',
    });
  }
  return rule;
}
