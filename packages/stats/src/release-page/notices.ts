import type { NewReleaseNotice, ReleaseNotice } from '@observatoire/schema';
import { withClient, type Db } from '../db.js';
import { loadRelease, releaseNotFound } from '../release/read.js';

interface NoticeRow {
  id: string;
  release_id: string;
  slug: string;
  kind: 'erratum' | 'retraction';
  text: { fr: string; en: string };
  created_at: Date;
}

function toNotice(r: NoticeRow): ReleaseNotice {
  return {
    id: r.id,
    releaseId: r.release_id,
    releaseSlug: r.slug,
    kind: r.kind,
    text: r.text,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

const SELECT = `SELECT n.id, n.release_id, r.slug, n.kind, n.text, n.created_at
                  FROM release_notice n JOIN release r ON r.id = n.release_id`;

/**
 * Attaches an erratum or a retraction to a published release (uuid, slug or `latest`). The release and its cells
 * are not touched; notices are append-only (a later notice can correct an earlier one).
 */
export async function addReleaseNotice(
  db: Db,
  ref: string,
  notice: NewReleaseNotice,
  createdBy: string | null,
): Promise<ReleaseNotice> {
  const release = await loadRelease(db, ref);
  if (!release) throw releaseNotFound(ref);
  return withClient(db, async (q) => {
    const { rows } = await q.query<{ id: string }>(
      `INSERT INTO release_notice (release_id, kind, text, created_by) VALUES ($1, $2, $3, $4) RETURNING id`,
      [release.id, notice.kind, JSON.stringify({ fr: notice.text.fr.trim(), en: notice.text.en.trim() }), createdBy],
    );
    const { rows: out } = await q.query<NoticeRow>(`${SELECT} WHERE n.id = $1`, [rows[0].id]);
    return toNotice(out[0]);
  });
}

/** The notices of one release, oldest first. */
export async function listReleaseNotices(db: Db, ref: string = 'latest'): Promise<ReleaseNotice[]> {
  const release = await loadRelease(db, ref);
  if (!release) throw releaseNotFound(ref);
  return withClient(db, async (q) => {
    const { rows } = await q.query<NoticeRow>(`${SELECT} WHERE n.release_id = $1 ORDER BY n.created_at, n.id`, [
      release.id,
    ]);
    return rows.map(toNotice);
  });
}

/** Every notice of every release, newest first (the admin page, the feed). */
export async function listAllReleaseNotices(db: Db): Promise<ReleaseNotice[]> {
  return withClient(db, async (q) => {
    const { rows } = await q.query<NoticeRow>(`${SELECT} ORDER BY n.created_at DESC, n.id`);
    return rows.map(toNotice);
  });
}
