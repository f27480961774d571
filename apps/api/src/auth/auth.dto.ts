import { z } from 'zod';

export const loginRequestSchema = z
  .object({
    email: z.string().trim().min(3).max(254),
    password: z.string().min(1).max(1024),
  })
  .strict()
  .meta({ id: 'LoginRequest' });

export const associationRefSchema = z
  .object({ id: z.uuid(), slug: z.string(), name: z.string(), isDemo: z.boolean() })
  .meta({ id: 'AssociationRef' });

export const meSchema = z
  .object({
    via: z.enum(['session', 'token']),
    role: z.enum(['member', 'admin']),
    userId: z.uuid().nullable(),
    email: z.string().nullable(),
    association: associationRefSchema.nullable(),
  })
  .meta({ id: 'Me' });

export type Me = z.infer<typeof meSchema>;
