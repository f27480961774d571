import { normaliseLabel } from '@observatoire/schema';

/** Kinds of direct identifier the guard recognises. */
export type IdentifierKind =
  | 'name'
  | 'email'
  | 'phone'
  | 'postal_address'
  | 'birth_date'
  | 'identity_document'
  | 'social_security'
  | 'bank_account';

/**
 * Header words that name a direct identifier, compared on normalised tokens (so `Nom`, `NOM DE FAMILLE`,
 * `Prénom(s)`, `E-mail`, `Tél.` all match, but `Nombre` or `Nationalité` do not).
 */
const HEADER_PHRASES: [IdentifierKind, string[]][] = [
  [
    'name',
    [
      'nom',
      'noms',
      'prenom',
      'prenoms',
      'nom de famille',
      'nom complet',
      'nom prenom',
      'nom d usage',
      'nom de naissance',
      'name',
      'names',
      'first name',
      'firstname',
      'last name',
      'lastname',
      'surname',
      'full name',
      'fullname',
      'given name',
      'family name',
      'alias',
      'pseudo',
      'pseudonyme',
      'prs name',
    ],
  ],
  ['email', ['email', 'e mail', 'mail', 'courriel', 'adresse mail', 'adresse email', 'adresse electronique']],
  [
    'phone',
    [
      'telephone',
      'tel',
      'tel portable',
      'portable',
      'mobile',
      'numero de telephone',
      'phone',
      'phone number',
      'cell',
      'gsm',
      'whatsapp number',
    ],
  ],
  [
    'postal_address',
    [
      'adresse',
      'adresse postale',
      'domicile',
      'rue',
      'code postal',
      'cp',
      'address',
      'street',
      'postcode',
      'postal code',
      'zip',
      'zip code',
      'lieu de residence',
      'adresse de residence',
      'hebergement adresse',
    ],
  ],
  [
    'identity_document',
    [
      'passeport',
      'numero de passeport',
      'n passeport',
      'passport',
      'passport number',
      'carte d identite',
      'cni',
      'numero cni',
      'piece d identite',
      'numero de piece d identite',
      'titre de sejour',
      'numero titre de sejour',
      'numero agdref',
      'agdref',
      'numero etranger',
      'id card',
      'identity card',
      'document number',
      'id number',
      'national id',
    ],
  ],
  ['social_security', ['numero de securite sociale', 'securite sociale', 'nir', 'n secu', 'numero secu', 'ssn']],
  ['bank_account', ['iban', 'rib', 'bic', 'compte bancaire', 'bank account']],
];

const headerPhrases = new Map<string, IdentifierKind>();
for (const [kind, phrases] of HEADER_PHRASES) for (const p of phrases) headerPhrases.set(p, kind);

/**
 * Whether a header names a direct identifier. The whole header is tried, then each of its leading tokens
 * (`Nom de la victime`, `Téléphone portable`, `Adresse (ville)`): identifiers lead their column names.
 */
export function identifierHeaderKind(header: string): IdentifierKind | null {
  const n = normaliseLabel(header);
  if (!n) return null;
  const direct = headerPhrases.get(n);
  if (direct) return direct;
  const tokens = n.split(' ');
  for (let len = Math.min(4, tokens.length); len >= 1; len--) {
    const hit = headerPhrases.get(tokens.slice(0, len).join(' '));
    // Single short words are only trusted as a whole header or when followed by a qualifier we know.
    if (
      hit &&
      (len > 1 || ['prenom', 'prenoms', 'telephone', 'email', 'courriel', 'passeport', 'iban'].includes(tokens[0]))
    )
      return hit;
  }
  if (/^(nom|name) (de la victime|du de la victime|of victim|victime|complet)/.test(n)) return 'name';
  if (/^date (de )?naissance|^birth ?date|^date of birth|^ne e le|^nee? le/.test(n)) return 'birth_date';
  return null;
}

const EMAIL = /[^\s@<>()",;]+@[^\s@<>()",;]+\.[a-z]{2,}/i;
const PHONE_FR = /(?:^|[^\d])(?:\+33\s?|0033\s?|0)[1-9](?:[\s.-]?\d{2}){4}(?:[^\d]|$)/;
const PHONE_INTL = /(?:^|[^\w])\+\d{1,3}[\s.-]?\(?\d{1,4}\)?(?:[\s.-]?\d{2,4}){2,5}(?:[^\d]|$)/;
const STREET =
  /\b\d{1,4}\s*(?:bis|ter)?\s*,?\s+(?:rue|avenue|av\.?|boulevard|bd|chemin|impasse|all[ée]e|place|route|quai|cours|r[ée]sidence|street|st\.?|road|rd\.?|lane|ave)\s+\p{L}/iu;
const NIR =
  /(?:^|[^\d])[12]\s?\d{2}\s?(?:0[1-9]|1[0-2]|[2-9]\d)\s?(?:\d{2}|2[AB])\s?\d{3}\s?\d{3}(?:\s?\d{2})?(?:[^\d]|$)/;
const PASSPORT_FR = /(?:^|[^\w])\d{2}[A-Z]{2}\d{5}(?:[^\w]|$)/;
const IBAN = /(?:^|[^\w])[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){3,7}(?:\s?[A-Z0-9]{1,3})?(?:[^\w]|$)/;

/** The identifier a cell's content looks like, or null. Cheap pre-checks first: most cells are short codes. */
export function identifierContentKind(value: string): IdentifierKind | null {
  if (value.length < 6) return null;
  if (value.includes('@') && EMAIL.test(value)) return 'email';
  let digits = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits >= 8) {
    if (PHONE_FR.test(value) || PHONE_INTL.test(value)) return 'phone';
    if (digits >= 13 && NIR.test(value)) return 'social_security';
    if (IBAN.test(value)) return 'bank_account';
  }
  if (digits >= 7 && PASSPORT_FR.test(value)) return 'identity_document';
  if (digits >= 1 && value.includes(' ') && STREET.test(value)) return 'postal_address';
  return null;
}

/** Per column, how many non-empty cells looked like which identifier (and one example row, never the value). */
export class ContentScan {
  private readonly nonEmpty: number[] = [];
  private readonly hits: Map<IdentifierKind, { count: number; firstRow: number }>[] = [];

  observe(column: number, value: string, row: number): void {
    this.nonEmpty[column] = (this.nonEmpty[column] ?? 0) + 1;
    const kind = identifierContentKind(value);
    if (!kind) return;
    const perColumn = (this.hits[column] ??= new Map());
    const h = perColumn.get(kind);
    if (h) h.count++;
    else perColumn.set(kind, { count: 1, firstRow: row });
  }

  /**
   * Columns whose content looks like identifiers: at least one hit and at least 5% of the column's non-empty
   * cells (so a case id that happens to contain eight digits once does not refuse a file, but a column of
   * phone numbers, even a one-row one, does).
   */
  flagged(): { column: number; kind: IdentifierKind; count: number; firstRow: number }[] {
    const out: { column: number; kind: IdentifierKind; count: number; firstRow: number }[] = [];
    this.hits.forEach((perColumn, column) => {
      if (!perColumn) return;
      for (const [kind, h] of perColumn) {
        if (h.count >= 1 && h.count >= 0.05 * (this.nonEmpty[column] ?? 0)) out.push({ column, kind, ...h });
      }
    });
    return out;
  }
}

/** Values that look like free text (narratives): long, with several words. Used for unmapped columns. */
export function looksLikeFreeText(value: string): boolean {
  return value.length >= 40 && value.split(/\s+/).length >= 6;
}
