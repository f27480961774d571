import { accountMessages } from '@observatoire/db';
import type { LocalisedText } from '@observatoire/schema';

/**
 * The API's one message catalogue: everything a user reads, French first then English, saying what to do.
 * Codes are stable (clients may switch on them); wording may change.
 */
export const messages = {
  // The account primitives' refusals (invalid or taken e-mail and identifier, weak password…), in their own words:
  // the command line shows the same text. The API words not_found and association_withdrawn its own way below.
  ...accountMessages,
  bad_request: {
    fr: 'La requête est invalide. Vérifiez les paramètres envoyés.',
    en: 'The request is invalid. Check the parameters you sent.',
  },
  validation_failed: {
    fr: 'Certains paramètres sont invalides : corrigez les champs indiqués puis réessayez.',
    en: 'Some parameters are invalid: fix the fields listed and try again.',
  },
  unauthenticated: {
    fr: 'Connexion requise : connectez-vous ou fournissez un jeton d’API valide.',
    en: 'Authentication required: log in or send a valid API token.',
  },
  invalid_credentials: {
    fr: 'Adresse e-mail ou mot de passe incorrect. Vérifiez-les et réessayez.',
    en: 'Wrong e-mail address or password. Check them and try again.',
  },
  login_throttled: {
    fr: 'Trop de tentatives de connexion. Attendez quelques minutes avant de réessayer.',
    en: 'Too many login attempts. Wait a few minutes before trying again.',
  },
  forbidden: {
    fr: 'Vous n’avez pas les droits pour cette action. Demandez-les à l’administrateur du collectif.',
    en: 'You are not allowed to do this. Ask the collective’s administrator.',
  },
  csrf_rejected: {
    fr: 'Requête refusée : elle ne vient pas d’une page de l’Observatoire. Rechargez la page et réessayez.',
    en: 'Request refused: it does not come from an Observatoire page. Reload the page and try again.',
  },
  not_found: {
    fr: 'Ressource introuvable. Vérifiez l’adresse ou l’identifiant.',
    en: 'Not found. Check the address or the identifier.',
  },
  method_not_allowed: {
    fr: 'Méthode HTTP non prise en charge pour cette adresse.',
    en: 'HTTP method not supported for this address.',
  },
  conflict: {
    fr: 'Cette ressource existe déjà ou a été modifiée entre-temps. Rechargez et réessayez.',
    en: 'This resource already exists or changed meanwhile. Reload and try again.',
  },
  replace_not_confirmed: {
    fr: 'Cet envoi retirerait des dossiers déjà enregistrés : confirmez explicitement les années à remplacer (replaceYears), ou envoyez l’export complet de ces années.',
    en: 'This upload would remove cases already stored: confirm the years to replace explicitly (replaceYears), or upload the full export of those years.',
  },
  preview_stale: {
    fr: 'Vos données ont changé depuis cet aperçu (un autre envoi a été enregistré entre-temps) : relancez l’aperçu pour voir les chiffres à jour, puis confirmez.',
    en: 'Your data changed since this preview (another upload was saved meanwhile): run the preview again to see up-to-date numbers, then confirm.',
  },
  preview_expired: {
    fr: "Cet aperçu a expiré : le fichier n'est conservé que 24 heures (par défaut) sans confirmation. Déposez à nouveau le fichier.",
    en: 'This preview has expired: the file is kept only 24 hours (by default) without confirmation. Upload the file again.',
  },
  mapping_decision_needed: {
    fr: "Cet aperçu contient des colonnes qui semblent contenir des données mais n'ont pas été reconnues : choisissez ce qu'elles contiennent, ou ignorez-les, dans les correspondances de l'aperçu, puis confirmez le nouvel aperçu.",
    en: "This preview has columns that seem to hold data but were not recognised: choose what they hold, or ignore them, in the preview's mappings, then confirm the new preview.",
  },
  association_withdrawn: {
    fr: 'Cette association s’est retirée du collectif : aucun dépôt ni jeton ne peut plus lui être rattaché.',
    en: 'This association has withdrawn from the collective: no upload or token can be attached to it.',
  },
  payload_too_large: {
    fr: 'Fichier trop volumineux. Découpez l’export (par exemple par année) ou demandez une limite plus haute.',
    en: 'File too large. Split the export (for example by year) or ask for a higher limit.',
  },
  upload_missing_file: {
    fr: 'Aucun fichier reçu. Joignez le fichier d’export dans le champ « file ».',
    en: 'No file received. Attach the export file in the "file" field.',
  },
  unsupported_media_type: {
    fr: 'Type de contenu non pris en charge. Envoyez le fichier en multipart/form-data.',
    en: 'Unsupported content type. Send the file as multipart/form-data.',
  },
  too_many_requests: {
    fr: 'Trop de requêtes. Attendez une minute avant de réessayer.',
    en: 'Too many requests. Wait a minute before trying again.',
  },
  no_release: {
    fr: 'Aucune publication disponible pour l’instant. Revenez après la prochaine publication.',
    en: 'No release is available yet. Come back after the next release.',
  },
  nothing_to_publish: {
    fr: 'Rien à publier : aucune donnée n’a été chargée. Importez des données puis réessayez.',
    en: 'Nothing to publish: no data has been loaded. Import data and try again.',
  },
  service_unavailable: {
    fr: 'Service momentanément indisponible. Réessayez dans quelques instants.',
    en: 'Service temporarily unavailable. Try again in a moment.',
  },
  database_unavailable: {
    fr: 'Service momentanément indisponible (base de données injoignable) : rien n’a été modifié. Réessayez dans quelques minutes.',
    en: 'Service temporarily unavailable (database unreachable): nothing was changed. Try again in a few minutes.',
  },
  internal: {
    fr: 'Erreur interne : rien n’a été modifié. Réessayez ; si cela persiste, contactez l’administrateur.',
    en: 'Internal error: nothing was changed. Try again; if it persists, contact the administrator.',
  },
} as const satisfies Record<string, LocalisedText>;

export type MessageCode = keyof typeof messages;

/** `login_throttled` with the time left on the lock, rounded up to the minute. */
export function loginThrottledFor(seconds: number): LocalisedText {
  const n = Math.max(1, Math.ceil(seconds / 60));
  const s = n > 1 ? 's' : '';
  return {
    fr: `Trop de tentatives de connexion. Réessayez dans ${n} minute${s}.`,
    en: `Too many login attempts. Try again in ${n} minute${s}.`,
  };
}

const byStatus: Record<number, MessageCode> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
  503: 'service_unavailable',
};

export function codeForStatus(status: number): MessageCode {
  return byStatus[status] ?? (status >= 500 ? 'internal' : 'bad_request');
}
