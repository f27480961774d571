import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const rootPackage = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};
/** The major version the project declares (`engines.node` is `>=24.x`). */
const wantedMajor = Number(/^>=(\d+)/.exec(rootPackage.engines.node)?.[1]);
const major = (version: string) => Number(version.replace(/^v/, '').split('.')[0]);

/**
 * The machines ship an older Node; the root's pinned `node` dev dependency brings the one the project runs on, and
 * npm puts it first on the PATH of every script, turbo task and `npx` command. These tests fail when a run falls
 * back to the system's Node.
 */
describe('Node runtime', () => {
  it('runs the tests on the Node version the project declares', () => {
    // Printed on purpose: CI's log says which Node the tests ran on.
    console.log(`Tests run on Node ${process.version} (${process.execPath})`);
    expect(wantedMajor).toBeGreaterThanOrEqual(24);
    expect(major(rootPackage.devDependencies.node)).toBe(wantedMajor);
    expect(major(process.version)).toBe(wantedMajor);
  });

  it('runs `npx observatoire` on it from a shell whose PATH knows only the system Node', async () => {
    // A user's shell: no node_modules/.bin on the PATH (npm and turbo add it for the scripts they run).
    const PATH = (process.env.PATH ?? '')
      .split(path.delimiter)
      .filter((dir) => !dir.includes('node_modules'))
      .join(path.delimiter);
    const { stdout } = await promisify(execFile)('npm', ['exec', '--no', '--', 'observatoire', '--version'], {
      cwd: ROOT,
      env: { ...process.env, PATH },
    });
    const node = /\(Node (v[\d.]+)\)/.exec(stdout)?.[1];
    expect(node, stdout).toBeDefined();
    expect(major(node!)).toBe(wantedMajor);
  });
});
