import { ApiProblem } from '../common/problem.js';
import type { Principal } from '../auth/auth.decorators.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** No association has this id: a member without one sees no batch. */
const NO_ASSOCIATION = '00000000-0000-0000-0000-000000000000';

/**
 * Whose batches the caller may read, for one batch id: every association's for an admin (null), a member's own
 * otherwise. An id that is not a UUID names no batch (404, like another association's batch: its existence is not
 * revealed), before it reaches PostgreSQL.
 */
export function batchScope(id: string, p: Principal): string | null {
  if (!UUID.test(id)) throw new ApiProblem(404, 'not_found');
  return p.role === 'admin' ? null : (p.associationId ?? NO_ASSOCIATION);
}
