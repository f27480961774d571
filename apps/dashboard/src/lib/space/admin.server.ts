/** What the admin pages read from the API, mapped to what they show. */
import type { Schema } from '@observatoire/api-client';
import type { RequestEvent } from '@sveltejs/kit';
import { API } from './endpoints';
import type { Lang } from '$lib/i18n/index.js';
import { apiGet, isObj, listOf } from './server';

/** An association as the API's admin list describes it (its OpenAPI schema); a missing creation date reads as none. */
export type AdminAssociation = Pick<
  Schema<'AdminAssociation'>,
  | 'id'
  | 'slug'
  | 'name'
  | 'isDemo'
  | 'namePublic'
  | 'withdrawnAt'
  | 'users'
  | 'records'
  | 'referenceYears'
  | 'lastImportAt'
> & { createdAt: string | null };

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
    namePublic: v.namePublic === true,
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

export function toAccount(v: unknown, names: Map<string, string>): AdminAccount | null {
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

export function toRelease(v: unknown, locale: Lang): AdminRelease | null {
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

/** Every association, as the admin pages show it. */
export async function adminAssociations(event: RequestEvent, locale: Lang): Promise<AdminAssociation[]> {
  const body = await apiGet(event, locale, API.adminAssociations);
  return listOf(body, 'associations')
    .map(toAssociation)
    .filter((a): a is AdminAssociation => a !== null);
}

export interface UploadsByYear {
  years: number[];
  rows: { association: string; lastImportAt: string | null; years: number[] }[];
}

/** Per association, the reference years it has records for and its last upload: who has sent what. */
export function uploadsByYear(associations: AdminAssociation[]): UploadsByYear {
  const active = associations.filter((a) => !a.withdrawnAt);
  const years = [...new Set(active.flatMap((a) => a.referenceYears))].sort((a, b) => a - b);
  return {
    years,
    rows: active.map((a) => ({ association: a.name, lastImportAt: a.lastImportAt, years: a.referenceYears })),
  };
}
