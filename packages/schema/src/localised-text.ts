import { z } from 'zod';

/** Every user-facing text: French first, English second. */
export const localisedTextSchema = z.object({
  fr: z.string().min(1),
  en: z.string().min(1),
});
export type LocalisedText = z.infer<typeof localisedTextSchema>;

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
