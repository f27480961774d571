import type { LocalisedText } from '../localised-text.js';

/** One code of a code list: a stable code, its labels, its grouping and the synonyms the ETL recognises. */
export interface CodeEntry<C extends string = string, G extends string = string> {
  readonly code: C;
  readonly label: LocalisedText;
  readonly description: LocalisedText;
  readonly group?: G;
  /** Equivalent value in IOM's Human Trafficking Case Data Standard 2.0, where one exists. */
  readonly htcds?: string;
  /** Spellings found in association exports (French, English, abbreviations, HTCDS value names). */
  readonly synonyms: readonly string[];
}

export type CodeDefinitions<C extends string, G extends string = string, E extends object = object> = {
  readonly [K in C]: Omit<CodeEntry<K, G>, 'code'> & E;
};

/** Turns a record keyed by code into an array in the order of the code tuple (the order charts use). */
export function defineCodes<C extends string, G extends string, E extends object = object>(
  codes: readonly C[],
  definitions: CodeDefinitions<C, G, E>,
): readonly (CodeEntry<C, G> & E)[] {
  return codes.map((code) => ({ code, ...definitions[code] }) as CodeEntry<C, G> & E);
}
