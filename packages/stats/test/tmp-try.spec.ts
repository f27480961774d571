import { it } from 'vitest';
import { computeCube, publishedMass } from '../src/cube/build.js';
import { DEFAULT_RULE } from '../src/disclosure/types.js';
import { randomCases } from './random-cases.js';
it('try', async () => {
  const years = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025];
  const per = Number(process.env.PER ?? 300);
  const cases = randomCases(7, { years: years.slice(0, Number(process.env.NY ?? 10)), perYear: per, associations: ['a', 'b', 'c', 'd', 'e', 'f'] });
  const t = performance.now();
  const cube = await computeCube(cases, DEFAULT_RULE, undefined, (p) => console.log(JSON.stringify(p)));
  console.log('seconds', ((performance.now() - t) / 1000).toFixed(1), 'cells', cube.cells.length, 'withheld', cube.cells.filter((c) => c.value === null).length, 'failures', cube.failures.length);
  console.log(JSON.stringify(cube.failures.slice(0, 8)));
  console.log(publishedMass(cases, cube.cells, DEFAULT_RULE, cube.platformsKept));
  console.log(cube.platformsKept);
}, 600_000);
