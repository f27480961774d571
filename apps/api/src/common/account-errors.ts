import { AccountError } from '@observatoire/db';
import { ApiProblem } from './problem.js';

const statusOf: Record<AccountError['code'], number> = {
  slug_taken: 409,
  email_taken: 409,
  invalid_email: 400,
  invalid_slug: 400,
  password_policy: 400,
  password_common: 400,
  member_needs_association: 400,
  association_withdrawn: 409,
  not_found: 404,
};

/** The shared account primitives refuse with their own codes; the API answers with its catalogue. */
export async function asProblem<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof AccountError) throw new ApiProblem(statusOf[err.code], err.code);
    throw err;
  }
}
