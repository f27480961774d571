#!/usr/bin/env -S node --max-old-space-size=1024
// The `observatoire` command as npm links it. This file is committed so that `npm install` links the command on a
// fresh clone, before anything is built (npm links no bin whose file is missing); the program is the built
// dist/main.js. Right after `npm install` nothing is built yet: the first run builds the repository, so that
// `npx observatoire …` works as the README says.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(main)) {
  const root = fileURLToPath(new URL('../../..', import.meta.url));
  process.stderr.write(
    'Première utilisation : compilation d’Observatoire (npm run build, une à deux minutes)… / ' +
      'First use: building Observatoire (npm run build, one or two minutes)…\n',
  );
  const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 2, 2] });
  if (built.status !== 0 || !existsSync(main)) {
    process.stderr.write(
      'Erreur : la compilation a échoué ; lancez `npm run build` à la racine du dépôt pour voir pourquoi, puis réessayez.\n' +
        'Error: the build failed; run `npm run build` at the root of the repository to see why, then try again.\n',
    );
    process.exit(1);
  }
}
await import(main.href);
