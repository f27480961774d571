import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiProblem } from './problem.js';
import { ZodValidationPipe } from './zod.js';

describe('ZodValidationPipe', () => {
  const pipe = new ZodValidationPipe(z.object({ year: z.coerce.number().int().min(2000), kind: z.enum(['a', 'b']) }));

  it('returns the parsed value', () => {
    expect(pipe.transform({ year: '2024', kind: 'a' })).toEqual({ year: 2024, kind: 'a' });
  });

  it('answers 400 with one French and English message per field', () => {
    try {
      pipe.transform({ year: '1999', kind: 'c' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ApiProblem);
      const p = err as ApiProblem;
      expect(p.getStatus()).toBe(400);
      expect(p.errors?.map((e) => e.path)).toEqual(['year', 'kind']);
      expect(p.errors?.[1].message.fr).toContain('valeurs acceptées : a, b');
      expect(p.errors?.[1].message.en).toMatch(/^kind: /);
    }
  });
});
