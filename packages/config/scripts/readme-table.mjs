import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { format, resolveConfig } from 'prettier';
import { configurationTable } from '../dist/index.js';

export const README = fileURLToPath(new URL('../../../README.md', import.meta.url));
export const START =
  '<!-- configuration table: generated from packages/config (npm run docs -w @observatoire/config) -->';
export const END = '<!-- end of the configuration table -->';

/** README.md with its configuration table generated again from the schema, formatted as the repository does. */
export async function readmeWithTable() {
  const readme = await readFile(README, 'utf8');
  const from = readme.indexOf(START);
  const to = readme.indexOf(END);
  if (from < 0 || to < from) throw new Error(`README.md has no ${START} … ${END} block`);
  const text = `${readme.slice(0, from + START.length)}\n\n${configurationTable()}\n${readme.slice(to)}`;
  return format(text, { ...((await resolveConfig(README)) ?? {}), filepath: README });
}
