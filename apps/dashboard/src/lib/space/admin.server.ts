/** Server side of the admin pages (/admin, /en/admin), shared by both languages. */
import type { RequestEvent } from '@sveltejs/kit';
import { API } from './endpoints';
import type { SpaceLocale } from './i18n';
import { toImportView } from './imports';
import { apiGet, currentUser, isObj, listOf, publishAction, requireAdmin } from './server';

export interface AdminAssociation {
  id: string;
  slug: string;
  name: string;
  isDemo: boolean;
  withdrawnAt: string | null;
  createdAt: string | null;
  users: number;
  records: number;
  referenceYears: number[];
  lastImportAt: string | null;
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
  slug: string | null;
  title: string | null;
  contributingAssociations: number | null;
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
    users: typeof v.users === 'number' ? v.users : 0,
    records: typeof v.records === 'number' ? v.records : 0,
    referenceYears: Array.isArray(v.referenceYears)
      ? v.referenceYears.filter((y): y is number => typeof y === 'number').sort((x, y) => x - y)
      : [],
    lastImportAt: s(v.lastImportAt),
  };
}

function toAccount(v: unknown, names: Map<string, string>): AdminAccount | null {
  if (!isObj(v) || typeof v.id !== 'string') return null;
  const a = isObj(v.association) ? v.association : null;
  const associationId = s(v.associationId);
  return {
    id: v.id,
    email: s(v.email) ?? '',
    role: s(v.role) ?? 'member',
    association: (a ? (s(a.name) ?? s(a.slug)) : null) ?? (associationId ? (names.get(associationId) ?? null) : null),
    disabled: v.disabled === true || typeof v.disabledAt === 'string',
    lastLoginAt: s(v.lastLoginAt),
  };
}

function toRelease(v: unknown, locale: SpaceLocale): AdminRelease | null {
  if (!isObj(v)) return null;
  const id = s(v.id) ?? (typeof v.id === 'number' ? String(v.id) : null);
  if (!id) return null;
  const notes = isObj(v.notes) ? (s(v.notes[locale]) ?? s(v.notes.fr) ?? '') : (s(v.notes) ?? '');
  const title = isObj(v.title) ? (s(v.title[locale]) ?? s(v.title.fr)) : s(v.title);
  return {
    id,
    slug: s(v.slug),
    title,
    contributingAssociations: typeof v.contributingAssociations === 'number' ? v.contributingAssociations : null,
    publishedAt: s(v.publishedAt) ?? s(v.createdAt),
    notes,
  };
}

export function adminLayoutLoad(locale: SpaceLocale) {
  return async (event: RequestEvent) => ({ locale, user: await currentUser(event, locale) });
}

export function adminHomeLoad(locale: SpaceLocale) {
  return async (event: RequestEvent) => {
    await requireAdmin(event, locale);
    const [assocs, users] = await Promise.all([
      apiGet(event, locale, API.adminAssociations),
      apiGet(event, locale, API.adminUsers),
    ]);
    const associations = listOf(assocs, 'associations')
      .map(toAssociation)
      .filter((a): a is AdminAssociation => a !== null);
    const names = new Map(associations.map((a) => [a.id, a.name]));
    return {
      associations,
      accounts: listOf(users, 'users')
        .map((u) => toAccount(u, names))
        .filter((a): a is AdminAccount => a !== null),
    };
  };
}

export interface UploadsByYear {
  years: number[];
  rows: { association: string; lastImportAt: string | null; years: number[] }[];
}

/** Per association, the reference years it has records for and its last upload: who has sent what. */
function uploadsByYear(associations: AdminAssociation[]): UploadsByYear {
  const active = associations.filter((a) => !a.withdrawnAt);
  const years = [...new Set(active.flatMap((a) => a.referenceYears))].sort((a, b) => a - b);
  return {
    years,
    rows: active.map((a) => ({ association: a.name, lastImportAt: a.lastImportAt, years: a.referenceYears })),
  };
}

export function adminImportsLoad(locale: SpaceLocale) {
  return async (event: RequestEvent) => {
    await requireAdmin(event, locale);
    const [assocs, failed] = await Promise.all([
      apiGet(event, locale, API.adminAssociations),
      apiGet(event, locale, API.adminImportFailures),
    ]);
    const associations = listOf(assocs, 'associations')
      .map(toAssociation)
      .filter((a): a is AdminAssociation => a !== null);
    const names = new Map(associations.map((a) => [a.slug, a.name]));
    const failures = listOf(failed, 'failures')
      .map(toImportView)
      .map((f) => ({ ...f, associationName: f.associationName ?? names.get(f.associationSlug ?? '') ?? null }))
      .sort((a, b) => (b.createdAt ?? '').localeCompare(a.createdAt ?? ''));
    return { matrix: uploadsByYear(associations), failures };
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
