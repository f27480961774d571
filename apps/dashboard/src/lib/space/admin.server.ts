/** Server side of the admin pages (/admin, /en/admin), shared by both languages. */
import type { RequestEvent } from '@sveltejs/kit';
import { API } from './endpoints';
import type { SpaceLocale } from './i18n';
import { currentUploadByYear, toImportView, type ImportView } from './imports';
import { apiGet, currentUser, isObj, listOf, publishAction, requireAdmin } from './server';

export interface AdminAssociation {
  id: string;
  slug: string;
  name: string;
  isDemo: boolean;
  withdrawnAt: string | null;
  createdAt: string | null;
}

export interface AdminAccount {
  id: string;
  email: string;
  role: string;
  association: string | null;
  disabled: boolean;
  lastLoginAt: string | null;
}

export interface AdminRelease {
  id: string;
  publishedAt: string | null;
  notes: string;
}

const s = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function toAssociation(v: unknown): AdminAssociation | null {
  if (!isObj(v) || typeof v.id !== 'string') return null;
  return {
    id: v.id,
    slug: s(v.slug) ?? '',
    name: s(v.name) ?? s(v.slug) ?? '',
    isDemo: v.isDemo === true,
    withdrawnAt: s(v.withdrawnAt),
    createdAt: s(v.createdAt),
  };
}

function toAccount(v: unknown): AdminAccount | null {
  if (!isObj(v) || typeof v.id !== 'string') return null;
  const a = isObj(v.association) ? v.association : null;
  return {
    id: v.id,
    email: s(v.email) ?? '',
    role: s(v.role) ?? 'member',
    association: (a ? (s(a.name) ?? s(a.slug)) : null) ?? s(v.associationSlug) ?? s(v.associationName),
    disabled: v.disabled === true || typeof v.disabledAt === 'string',
    lastLoginAt: s(v.lastLoginAt),
  };
}

function toRelease(v: unknown, locale: SpaceLocale): AdminRelease | null {
  if (!isObj(v)) return null;
  const id = s(v.id) ?? (typeof v.id === 'number' ? String(v.id) : null);
  if (!id) return null;
  const notes = isObj(v.notes) ? (s(v.notes[locale]) ?? s(v.notes.fr) ?? '') : (s(v.notes) ?? '');
  return { id, publishedAt: s(v.publishedAt) ?? s(v.createdAt), notes };
}

export function adminLayoutLoad(locale: SpaceLocale) {
  return async (event: RequestEvent) => ({ locale, user: await currentUser(event) });
}

export function adminHomeLoad(locale: SpaceLocale) {
  return async (event: RequestEvent) => {
    await requireAdmin(event, locale);
    const [assocs, users] = await Promise.all([
      apiGet(event, locale, API.adminAssociations),
      apiGet(event, locale, API.adminUsers),
    ]);
    return {
      associations: listOf(assocs, 'associations')
        .map(toAssociation)
        .filter((a): a is AdminAssociation => a !== null),
      accounts: listOf(users, 'users')
        .map(toAccount)
        .filter((a): a is AdminAccount => a !== null),
    };
  };
}

export interface UploadsByYear {
  years: number[];
  rows: { association: string; cells: { year: number; importId: string | null; createdAt: string | null }[] }[];
}

/** Per association, the upload in force for each reference year: who has sent what. */
function uploadsByYear(imports: ImportView[]): UploadsByYear {
  const byAssoc = new Map<string, ImportView[]>();
  for (const imp of imports) {
    const key = imp.associationName ?? imp.associationSlug ?? '?';
    byAssoc.set(key, [...(byAssoc.get(key) ?? []), imp]);
  }
  const yearSet = new Set<number>();
  const current = new Map<string, Map<number, string>>();
  for (const [assoc, list] of byAssoc) {
    const cur = currentUploadByYear(list);
    current.set(assoc, cur);
    for (const y of cur.keys()) yearSet.add(y);
  }
  const years = [...yearSet].sort((a, b) => a - b);
  const byId = new Map(imports.map((i) => [i.id, i]));
  const rows = [...byAssoc.keys()].sort().map((association) => ({
    association,
    cells: years.map((year) => {
      const id = current.get(association)?.get(year) ?? null;
      return { year, importId: id, createdAt: id ? (byId.get(id)?.createdAt ?? null) : null };
    }),
  }));
  return { years, rows };
}

export function adminImportsLoad(locale: SpaceLocale) {
  return async (event: RequestEvent) => {
    await requireAdmin(event, locale);
    const body = await apiGet(event, locale, `${API.adminImports}?limit=500`);
    const imports = listOf(body, 'imports').map(toImportView);
    return {
      matrix: uploadsByYear(imports),
      failures: imports.filter((i) => i.status === 'failed' || i.status === 'refused'),
    };
  };
}

export function adminReleasesLoad(locale: SpaceLocale) {
  return async (event: RequestEvent) => {
    await requireAdmin(event, locale);
    const body = await apiGet(event, locale, API.releases);
    return {
      releases: listOf(body, 'releases')
        .map((r) => toRelease(r, locale))
        .filter((r): r is AdminRelease => r !== null),
    };
  };
}

export const adminReleasesActions = (locale: SpaceLocale) => ({
  default: async (event: RequestEvent) => {
    await requireAdmin(event, locale);
    return publishAction(event, locale);
  },
});
