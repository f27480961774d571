import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createApiToken, createAssociation, createUser } from '@observatoire/db';

export const PASSWORD = 'correct horse battery staple';

export interface World {
  assocA: { id: string; slug: string };
  assocB: { id: string; slug: string };
  memberA: { email: string; cookie: string };
  memberB: { email: string; cookie: string };
  admin: { email: string; cookie: string };
  tokenA: string;
}

export function sessionCookie(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const c = list.find((s) => s.includes('observatoire_session='));
  if (!c) throw new Error('no session cookie');
  return c.split(';')[0];
}

export async function login(app: NestFastifyApplication, email: string, password = PASSWORD): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  return sessionCookie(res.headers['set-cookie']);
}

/** Two associations with a member each, an admin, and a token for A: the cast of the authorization matrix. */
export async function buildWorld(app: NestFastifyApplication): Promise<World> {
  const ds = app.get(DataSource);
  const system = { type: 'system' as const };
  const a = await createAssociation(ds, { slug: 'asso-a', name: 'Association A' }, system);
  const b = await createAssociation(ds, { slug: 'asso-b', name: 'Association B' }, system);
  await createUser(ds, { email: 'a@example.org', password: PASSWORD, role: 'member', association: a.slug }, system);
  await createUser(ds, { email: 'b@example.org', password: PASSWORD, role: 'member', association: b.slug }, system);
  await createUser(ds, { email: 'admin@example.org', password: PASSWORD, role: 'admin' }, system);
  const { token } = await createApiToken(ds, { association: a.slug, label: 'test' }, system);
  return {
    assocA: { id: a.id, slug: a.slug },
    assocB: { id: b.id, slug: b.slug },
    memberA: { email: 'a@example.org', cookie: await login(app, 'a@example.org') },
    memberB: { email: 'b@example.org', cookie: await login(app, 'b@example.org') },
    admin: { email: 'admin@example.org', cookie: await login(app, 'admin@example.org') },
    tokenA: token,
  };
}
