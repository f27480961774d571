#!/usr/bin/env -S node --max-old-space-size=1024
// The `observatoire` command as npm links it. This file is committed so that `npm install` links the command on a
// fresh clone, before anything is built (npm links no bin whose file is missing); the program is the built
// dist/main.js.
import { existsSync } from 'node:fs';

const main = new URL('../dist/main.js', import.meta.url);
if (!existsSync(main)) {
  process.stderr.write(
    'Erreur : la commande n’est pas encore construite ; lancez `npm run build` (ou `npm start`) à la racine du dépôt.\n' +
      'Error: the command is not built yet; run `npm run build` (or `npm start`) at the root of the repository.\n',
  );
  process.exit(1);
}
await import(main.href);
