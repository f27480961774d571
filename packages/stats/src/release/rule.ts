import { DEFAULT_RULE, type DisclosureRule } from '../disclosure/types.js';

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
    rule.maxAssociationShare <= 1 &&
    Number.isInteger(rule.stabilityMargin) &&
    rule.stabilityMargin >= 0;
  if (!ok) throw new RangeError(`invalid disclosure rule ${JSON.stringify(rule)}`);
  return rule;
}
