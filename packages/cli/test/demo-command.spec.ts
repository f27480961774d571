import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Command, CommanderError } from 'commander';
import { afterAll, describe, expect, it } from 'vitest';
import { registerDemo } from '../src/commands/demo.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

/** What `run` writes to the process's stdout or stderr (kept off the terminal meanwhile). */
async function written(stream: NodeJS.WriteStream, run: () => Promise<unknown>): Promise<string> {
  const chunks: string[] = [];
  const write = stream.write.bind(stream);
  stream.write = ((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  }) as typeof stream.write;
  try {
    await run();
  } finally {
    stream.write = write;
  }
  return chunks.join('');
}

function program(out: { stdout: string; stderr: string }): Command {
  const p = new Command('observatoire').exitOverride();
  p.configureOutput({
    writeOut: (s) => (out.stdout += s),
    writeErr: (s) => (out.stderr += s),
  });
  registerDemo(p);
  // Subcommands inherit neither exitOverride nor the output configuration.
  for (const c of p.commands) {
    c.exitOverride().configureOutput({ writeOut: (s) => (out.stdout += s), writeErr: (s) => (out.stderr += s) });
    for (const sub of c.commands) {
      sub.exitOverride().configureOutput({ writeOut: (s) => (out.stdout += s), writeErr: (s) => (out.stderr += s) });
    }
  }
  return p;
}

describe('observatoire demo generate', () => {
  it('writes the demo exports into --out with --seed and --cases, and says what it wrote', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'observatoire-demo-cmd-'));
    dirs.push(dir);
    const out = { stdout: '', stderr: '' };
    const printed = await written(process.stdout, () =>
      program(out).parseAsync(['demo', 'generate', '--out', dir, '--seed', '42', '--cases', '300'], { from: 'user' }),
    );
    const files = await readdir(dir);
    expect(files.length).toBeGreaterThanOrEqual(5);
    expect(files.every((f) => /^fictif-[a-z-]+-\d{4}-\d{4}\.(csv|xlsx)$/.test(f))).toBe(true);
    expect(printed).toContain(dir);
    expect(printed).toContain('300 cas fictifs');
    for (const f of files) expect(printed).toContain(f);
  });

  it('refuses a seed that is not an integer, in French then English, writing nothing', async () => {
    const dir = path.join(os.tmpdir(), `observatoire-demo-never-${process.pid}`);
    const out = { stdout: '', stderr: '' };
    const run = program(out).parseAsync(['demo', 'generate', '--out', dir, '--seed', 'abc'], { from: 'user' });
    await expect(run).rejects.toBeInstanceOf(CommanderError);
    expect(out.stderr).toMatch(/--seed doit être un entier.*--seed must be an integer/s);
    await expect(readdir(dir)).rejects.toThrow();
  });
});

describe('observatoire demo generate, unwritable output', () => {
  it('says where it could not write and what to do, in French then English, without a stack', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'observatoire-demo-ro-'));
    dirs.push(dir);
    // A regular file where the output directory should be: mkdir fails with ENOTDIR/EEXIST even as root.
    const blocked = path.join(dir, 'not-a-dir');
    await writeFile(blocked, 'x');
    const out = { stdout: '', stderr: '' };
    const before = process.exitCode;
    let exitCode: typeof process.exitCode;
    const text = await written(process.stderr, async () => {
      try {
        await program(out).parseAsync(['demo', 'generate', '--out', path.join(blocked, 'demo')], { from: 'user' });
        exitCode = process.exitCode;
      } finally {
        process.exitCode = before;
      }
    });
    expect(exitCode).toBe(1);
    expect(text).toMatch(/^Erreur : impossible d'écrire .*--out\.\nError: cannot write .*--out\.\n$/s);
    expect(text).not.toMatch(/\n\s+at /);
  });
});
