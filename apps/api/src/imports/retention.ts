import type { LocalisedText } from '@observatoire/schema';

/**
 * What Observatoire keeps of an upload and for how long, in the words the association reads on the upload page
 * and in each import report (French first). One place, so that the two never disagree with what the code does:
 * the raw file is deleted as soon as its import ends; an unconfirmed preview keeps it at most
 * PREVIEW_MAX_AGE_HOURS; rejected rows keep their coded columns only, REJECTED_ROWS_DAYS; a birth date is turned
 * into an age band and never stored.
 */
export interface RetentionPolicy {
  previewMaxAgeHours: number;
  rejectedRowsDays: number;
}

export function policyText(p: RetentionPolicy): LocalisedText {
  return {
    fr:
      `Ce que l’Observatoire conserve : le fichier envoyé est supprimé dès la fin de son import (enregistré, refusé ou en échec) ; ` +
      `un aperçu non confirmé garde son fichier ${p.previewMaxAgeHours} h au plus, le temps de le confirmer ou de le relancer avec d’autres correspondances, puis le fichier est supprimé. ` +
      `Sont conservés : les dossiers sous forme anonymisée (un pseudonyme, l’année et des catégories), le rapport d’import (sans aucune valeur d’identifiant, de date ni de texte libre) ` +
      `et, pendant ${p.rejectedRowsDays} jours, les lignes rejetées réduites à leurs colonnes codées, pour que vous puissiez les corriger. ` +
      `Les colonnes de texte libre ne sont jamais enregistrées. Une date de naissance complète est convertie en tranche d’âge à la date de référence puis effacée : ne transmettez pas de dates de naissance, exportez plutôt l’âge. ` +
      `Les fichiers contenant des noms, coordonnées, adresses ou numéros de pièce d’identité sont refusés en entier.`,
    en:
      `What Observatoire keeps: the file you send is deleted as soon as its import ends (loaded, refused or failed); ` +
      `an unconfirmed preview keeps its file for at most ${p.previewMaxAgeHours} h, time to confirm it or run it again with other mappings, then the file is deleted. ` +
      `What is kept: the cases in anonymised form (a pseudonym, the year and categories), the import report (without any value of an identifier, a date or free text) ` +
      `and, for ${p.rejectedRowsDays} days, the rejected rows reduced to their coded columns, so that you can fix them. ` +
      `Free-text columns are never stored. A full birth date is turned into an age band at the reference date, then discarded: do not send birth dates, export the age instead. ` +
      `Files holding names, contact details, addresses or identity document numbers are refused whole.`,
  };
}

const dateFr = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
const dateEn = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });

export interface BatchRetention {
  status: string;
  dryRun: boolean;
  fileKept: boolean;
  createdAt: Date;
  rejectedRowsUntil: Date | null;
  committed: boolean;
}

/** What is kept of one upload, and until when (the report's own statement). */
export function batchRetention(b: BatchRetention, p: RetentionPolicy) {
  const fileDeleteBy =
    b.fileKept && b.dryRun ? new Date(b.createdAt.getTime() + p.previewMaxAgeHours * 3_600_000) : null;
  const rows = b.rejectedRowsUntil;
  const file: LocalisedText = fileDeleteBy
    ? {
        fr: `Votre fichier est conservé jusqu’au ${dateFr.format(fileDeleteBy)} (heure de Paris) pour que vous puissiez confirmer cet aperçu ou le relancer ; il sera ensuite supprimé.`,
        en: `Your file is kept until ${dateEn.format(fileDeleteBy)} (Paris time) so that you can confirm this preview or run it again; it will then be deleted.`,
      }
    : b.fileKept
      ? {
          fr: 'Votre fichier est conservé le temps de son import, puis supprimé dès que celui-ci se termine.',
          en: 'Your file is kept while it is imported, then deleted as soon as the import ends.',
        }
      : { fr: 'Le fichier envoyé a été supprimé.', en: 'The file you sent has been deleted.' };
  const kept: LocalisedText = {
    fr:
      `Sont conservés : ${b.committed ? 'les dossiers sous forme anonymisée (pseudonyme, année, catégories), ' : ''}ce rapport (sans valeur d’identifiant, de date ni de texte libre)` +
      (rows ? ` et les lignes rejetées, réduites à leurs colonnes codées, jusqu’au ${dateFr.format(rows)}.` : '.'),
    en:
      `Kept: ${b.committed ? 'the cases in anonymised form (pseudonym, year, categories), ' : ''}this report (without any value of an identifier, a date or free text)` +
      (rows ? ` and the rejected rows, reduced to their coded columns, until ${dateEn.format(rows)}.` : '.'),
  };
  return {
    fileKept: b.fileKept,
    fileDeleteBy: fileDeleteBy?.toISOString() ?? null,
    rejectedRowsUntil: rows?.toISOString() ?? null,
    message: { fr: `${file.fr} ${kept.fr}`, en: `${file.en} ${kept.en}` },
  };
}
