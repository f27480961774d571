import { z } from 'zod';
import { localisedTextSchema } from './localised-text.js';

/** One field-level problem of a refused request (which query parameter or body field, and why). */
export const fieldIssueSchema = z.object({
  path: z.string().describe('Field or parameter, dotted ("dimension", "notes.fr")'),
  message: localisedTextSchema,
});
export type FieldIssue = z.infer<typeof fieldIssueSchema>;

/**
 * Every error the API answers (RFC 9457 problem details, `application/problem+json`): a stable code, and the text in
 * French then English, saying what was wrong and what to do.
 */
export const problemSchema = z
  .object({
    type: z.string().describe('urn:observatoire:problem:<code>'),
    title: z.string().describe('French / English'),
    status: z.number().int(),
    detail: z.string().describe('French, a line break, English'),
    code: z.string().describe('Stable machine-readable code (validation_failed, unauthenticated, …)'),
    messages: localisedTextSchema,
    instance: z.string().optional().describe('The request path'),
    requestId: z.string().optional().describe('Also in the X-Request-Id header and the server log'),
    errors: z.array(fieldIssueSchema).optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;
