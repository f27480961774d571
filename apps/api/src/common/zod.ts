import { type PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { ApiProblem, type FieldIssue } from './problem.js';

function frenchIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `type attendu : ${issue.expected}`;
    case 'too_small':
      return `valeur trop petite ou trop courte (minimum ${String(issue.minimum)})`;
    case 'too_big':
      return `valeur trop grande ou trop longue (maximum ${String(issue.maximum)})`;
    case 'invalid_value':
      return `valeurs acceptées : ${issue.values.map(String).join(', ')}`;
    case 'invalid_format':
      return `format attendu : ${issue.format}`;
    case 'unrecognized_keys':
      return `paramètres inconnus : ${issue.keys.join(', ')}`;
    default:
      return 'valeur invalide';
  }
}

export function zodIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String).join('.') || '(racine/root)';
    return { path, message: { fr: `${path} : ${frenchIssue(issue)}`, en: `${path}: ${issue.message}` } };
  });
}

/**
 * nestjs-zod's peer range stops before Nest 12, so this is the small pipe we need: parse with the schema from
 * @observatoire/schema (or a local request schema) and answer 400 problem+json listing each field.
 */
export class ZodValidationPipe<T extends z.ZodType> implements PipeTransform<unknown, z.output<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.output<T> {
    const result = this.schema.safeParse(value ?? {});
    if (!result.success) throw new ApiProblem(400, 'validation_failed', zodIssues(result.error));
    return result.data;
  }
}

export const zodPipe = <T extends z.ZodType>(schema: T) => new ZodValidationPipe(schema);
