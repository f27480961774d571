import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/program.js';

const README = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../README.md'), 'utf8');
/** The README's "Command line" section: an operator's one reference for the commands. */
const section = README.slice(
  README.indexOf('## Command line'),
  README.indexOf('\n## ', README.indexOf('## Command line') + 3),
);

function leaves(cmd: Command, prefix: string[] = []): { path: string[]; cmd: Command }[] {
  const sub = cmd.commands as Command[];
  if (sub.length === 0) return [{ path: prefix, cmd }];
  return sub.flatMap((c) => leaves(c, [...prefix, c.name()]));
}

/**
 * The README lists every command and every option of the command line (a new or renamed flag fails this test
 * until the README says it), so that an operator never needs the source to find a flag.
 */
describe('README command line section', () => {
  const commands = leaves(buildProgram());

  it.each(commands.map((c) => [c.path.join(' '), c.cmd] as const))('lists `%s` with all its options', (name, cmd) => {
    expect(section).toContain(name.split(' ').pop());
    for (const opt of cmd.options) {
      const flag = opt.long ?? opt.short;
      if (!flag || flag === '--help') continue;
      expect(section, `${name} ${flag}`).toMatch(new RegExp(`${flag.replace(/[-]/g, '\\-')}(?![\\w-])`));
    }
  });
});
