import { it } from 'vitest';
import { computeCube } from '../src/cube/build.js';
import { DEFAULT_RULE } from '../src/disclosure/types.js';
import { randomCases } from './random-cases.js';
it('try', async () => {
  const cases = randomCases(Number(process.env.SEED ?? 5), {
    years: [2024],
    perYear: Number(process.env.PER ?? 100),
    associations: ['a', 'b', 'c', 'd', 'e'].slice(0, Number(process.env.NA ?? 1)),
  });
  const t = performance.now();
  const cube = await computeCube(cases, DEFAULT_RULE);
  console.log(
    'seconds',
    ((performance.now() - t) / 1000).toFixed(1),
    'cells',
    cube.cells.length,
    'withheld',
    cube.cells.filter((c) => c.value === null).length,
    'failures',
    cube.failures.length,
  );
  for (const f of cube.failures.slice(0, 10)) console.log(f.label, JSON.stringify(f.interval));
}, 600_000);
