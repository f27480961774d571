import type { z } from 'zod';
import { configSchema, type Config, type ConfigVariable, type VariableDoc } from './schema.js';

export { configSchema, type Config, type ConfigVariable, type VariableDoc };

/** A variable Observatoire cannot use: says which, what was given, what is expected, in French and English. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; fr: string; en: string }[]) {
    super(`Configuration invalide / invalid configuration:\n` + problems.map((p) => `  ${p.fr} / ${p.en}`).join('\n'));
    this.name = 'ConfigError';
  }
}

function french(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.expected === 'number' ? 'un nombre est attendu' : `type attendu : ${issue.expected}`;
    case 'too_small':
      return `au minimum ${String(issue.minimum)}${issue.origin === 'string' ? ' caractères' : ''}`;
    case 'too_big':
      return `au maximum ${String(issue.maximum)}`;
    case 'invalid_value':
      return `valeurs acceptées : ${issue.values.map(String).join(', ')}`;
    default:
      return issue.code === 'custom'
        ? 'un nombre de relais n’est pas accepté ; donnez les adresses ou réseaux des proxys (ex. 10.0.0.0/8)'
        : 'valeur invalide';
  }
}

const english = (issue: z.core.$ZodIssue): string =>
  issue.code === 'invalid_type' && issue.expected === 'int' ? 'a whole number is expected' : issue.message;

/** The configuration of this environment, validated; throws a ConfigError naming every wrong variable. */
export function readConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new ConfigError(
    parsed.error.issues.map((issue) => {
      const variable = String(issue.path[0]) as ConfigVariable;
      const secret = (configSchema.shape[variable]?.meta() as VariableDoc | undefined)?.secret;
      const given = secret ? `${variable} (masqué / hidden)` : `${variable}=${env[variable] ?? ''}`;
      const wholeNumber = issue.code === 'invalid_type' && issue.expected === 'int';
      return {
        variable,
        fr: `${given} : ${wholeNumber ? 'un nombre entier est attendu' : french(issue)}`,
        en: `${given}: ${english(issue)}`,
      };
    }),
  );
}

let cached: { key: string; config: Config } | undefined;

/**
 * The process's configuration, read from its environment once and kept (read again only if a variable it reads
 * changes, as tests do).
 */
export function config(): Config {
  const key = JSON.stringify(Object.keys(configSchema.shape).map((name) => process.env[name]));
  if (cached?.key !== key) cached = { key, config: readConfig(process.env) };
  return cached.config;
}

/** What each variable means and defaults to, in the schema's order (the README's table is generated from it). */
export function configurationDocs(): ({ variable: ConfigVariable } & VariableDoc)[] {
  return (Object.entries(configSchema.shape) as [ConfigVariable, z.ZodType][]).map(([variable, schema]) => {
    const doc = schema.meta() as unknown as VariableDoc;
    return { variable, default: doc.default, meaning: doc.meaning };
  });
}

/** The README's configuration table, as Markdown (formatted by the docs script and the test with prettier). */
export function configurationTable(): string {
  const rows = configurationDocs().map((d) => `| \`${d.variable}\` | ${d.default} | ${d.meaning} |`);
  return ['| variable | default | meaning |', '| --- | --- | --- |', ...rows].join('\n') + '\n';
}
