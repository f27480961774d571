import type { ImportOutcome, ImportReport, ImportYearChange, LocalisedText } from '@observatoire/schema';

/**
 * The mapping/normalisation/privacy/load message catalogue: French first, each message says what to do.
 * Codes are stable (reports, tests and the dashboard rely on them).
 */
const FIELD_LABELS: Record<string, LocalisedText> = {
  caseId: { fr: 'identifiant du dossier', en: 'case id' },
  referenceYear: { fr: 'année de référence', en: 'reference year' },
  referenceDate: { fr: 'date (année de référence)', en: 'date (reference year)' },
  gender: { fr: 'genre', en: 'gender' },
  age: { fr: 'âge', en: 'age' },
  ageBand: { fr: "tranche d'âge", en: 'age band' },
  birthDate: { fr: 'date de naissance', en: 'birth date' },
  citizenship: { fr: 'nationalité', en: 'citizenship' },
  exploitationTypes: { fr: "type d'exploitation", en: 'exploitation type' },
  recruitmentChannels: { fr: 'mode de recrutement', en: 'recruitment channel' },
  recruitmentPlatforms: { fr: 'plateforme de recrutement', en: 'recruitment platform' },
  onlineExploitation: { fr: 'exploitation en ligne', en: 'online exploitation' },
  exploitationPlatforms: { fr: "plateforme d'exploitation", en: 'exploitation platform' },
  onlineControl: { fr: 'contrôle en ligne', en: 'online control' },
  exploitationCountry: { fr: "pays d'exploitation", en: 'country of exploitation' },
  recruiterRelation: { fr: 'lien avec le recruteur', en: 'recruiter relation' },
  freeText: { fr: 'texte libre', en: 'free text' },
};

export function fieldLabel(field: string): LocalisedText {
  return FIELD_LABELS[field] ?? { fr: field, en: field };
}

const IDENTIFIER_LABELS: Record<string, LocalisedText> = {
  name: { fr: 'des noms ou prénoms', en: 'names' },
  email: { fr: 'des adresses e-mail', en: 'e-mail addresses' },
  phone: { fr: 'des numéros de téléphone', en: 'phone numbers' },
  postal_address: { fr: 'des adresses postales', en: 'postal addresses' },
  birth_date: { fr: 'des dates de naissance', en: 'dates of birth' },
  identity_document: { fr: "des numéros de pièce d'identité", en: 'identity document numbers' },
  social_security: { fr: 'des numéros de sécurité sociale', en: 'social security numbers' },
  bank_account: { fr: 'des coordonnées bancaires', en: 'bank account numbers' },
};

const maxYear = () => new Date().getUTCFullYear();

const nFr = new Intl.NumberFormat('fr-FR');
const nEn = new Intl.NumberFormat('en-GB');

/** One year's before and after, in plain words: « 2023 : 18 dossiers aujourd'hui, 1 après cet envoi (17 retirés) ». */
export function yearChangeText(c: ImportYearChange): LocalisedText {
  const partialFr = c.partial ? ' ; plus de la moitié disparaîtrait : probablement un export partiel' : '';
  const partialEn = c.partial ? '; more than half would go: probably a partial export' : '';
  return {
    fr: `${c.year} : ${nFr.format(c.before)} ${c.before === 1 ? 'dossier' : 'dossiers'} aujourd'hui, ${nFr.format(c.after)} après cet envoi (${nFr.format(c.removed)} ${c.removed === 1 ? 'retiré' : 'retirés'}, ${nFr.format(c.replaced)} ${c.replaced === 1 ? 'modifié' : 'modifiés'}${partialFr})`,
    en: `${c.year}: ${nEn.format(c.before)} ${c.before === 1 ? 'case' : 'cases'} today, ${nEn.format(c.after)} after this upload (${nEn.format(c.removed)} removed, ${nEn.format(c.replaced)} changed${partialEn})`,
  };
}

export const msg = {
  identifierHeader: (column: string, kind: string): LocalisedText => ({
    fr: `La colonne « ${column} » semble contenir ${IDENTIFIER_LABELS[kind]?.fr ?? 'des données identifiantes'} : le fichier est refusé en entier et n'a pas été conservé. Supprimez cette colonne de votre export (les données doivent être anonymisées), puis envoyez-le à nouveau.`,
    en: `Column "${column}" appears to hold ${IDENTIFIER_LABELS[kind]?.en ?? 'identifying data'}: the whole file is refused and was not kept. Remove this column from your export (data must be anonymised), then upload it again.`,
  }),
  identifierContent: (column: string, kind: string, count: number, firstRow: number): LocalisedText => ({
    fr: `La colonne « ${column} » contient ${count} valeur(s) qui ressemblent à ${IDENTIFIER_LABELS[kind]?.fr ?? 'des données identifiantes'} (première à la ligne ${firstRow}) : le fichier est refusé en entier et n'a pas été conservé. Retirez ces informations de votre export, puis envoyez-le à nouveau.`,
    en: `Column "${column}" holds ${count} value(s) that look like ${IDENTIFIER_LABELS[kind]?.en ?? 'identifying data'} (first on row ${firstRow}): the whole file is refused and was not kept. Remove this information from your export, then upload it again.`,
  }),
  freeTextDropped: (column: string): LocalisedText => ({
    fr: `La colonne « ${column} » contient du texte libre : elle a été ignorée et n'est jamais enregistrée.`,
    en: `Column "${column}" holds free text: it was dropped and is never stored.`,
  }),
  birthDateDropped: (column: string): LocalisedText => ({
    fr: `La colonne « ${column} » contient des dates de naissance : chacune a été convertie en tranche d'âge à la date de référence du dossier, puis effacée ; aucune date de naissance n'est enregistrée. N'envoyez pas de dates de naissance : exportez plutôt l'âge ou la tranche d'âge.`,
    en: `Column "${column}" holds birth dates: each was turned into an age band at the case's reference date, then discarded; no birth date is stored. Do not send birth dates: export the age or the age band instead.`,
  }),
  unmappedColumn: (column: string, suggestion?: { header: string; field: string }): LocalisedText => ({
    fr:
      `La colonne « ${column} » n'a pas été reconnue et a été ignorée.` +
      (suggestion
        ? ` Vouliez-vous dire « ${fieldLabel(suggestion.field).fr} » ? Choisissez ce qu'elle contient dans les correspondances de l'aperçu.`
        : " Si elle contient une information utile, choisissez ce qu'elle contient dans les correspondances de l'aperçu."),
    en:
      `Column "${column}" was not recognised and was ignored.` +
      (suggestion
        ? ` Did you mean "${fieldLabel(suggestion.field).en}"? Choose what it holds in the preview's mappings.`
        : " If it holds useful information, choose what it holds in the preview's mappings."),
  }),
  oneHotColumn: (column: string): LocalisedText => ({
    fr: `La colonne « ${column} » ne contient que des cases cochées (X, oui, 1 ou vide) : elle a été ignorée. Indiquez ce qu'une case cochée signifie (par exemple canal = messagerie) dans les correspondances de l'aperçu, ou ignorez-la.`,
    en: `Column "${column}" only holds ticks (X, yes, 1 or empty): it was ignored. Say what a ticked cell means (for example channel = messaging app) in the preview's mappings, or ignore it.`,
  }),
  dataColumn: (column: string, suggestion?: { field: string }): LocalisedText => ({
    fr:
      `La colonne « ${column} » semble contenir des données (quelques valeurs qui se répètent) mais n'a pas été reconnue : elle serait ignorée.` +
      (suggestion ? ` Vouliez-vous dire « ${fieldLabel(suggestion.field).fr} » ?` : '') +
      " Choisissez ce qu'elle contient dans les correspondances de l'aperçu, ou ignorez-la, avant de confirmer.",
    en:
      `Column "${column}" seems to hold data (a few repeated values) but was not recognised: it would be ignored.` +
      (suggestion ? ` Did you mean "${fieldLabel(suggestion.field).en}"?` : '') +
      " Choose what it holds in the preview's mappings, or ignore it, before confirming.",
  }),
  untitledDataColumn: (position: number): LocalisedText => ({
    fr: `La colonne n° ${position} n'a pas de titre mais semble contenir des données : elle a été ignorée. Donnez-lui un titre dans votre fichier, puis envoyez-le à nouveau pour choisir ce qu'elle contient.`,
    en: `Column ${position} has no title but seems to hold data: it was ignored. Give it a title in your file, then upload it again to choose what it holds.`,
  }),
  doubtfulColumn: (column: string, field: string): LocalisedText => ({
    fr: `La plupart des valeurs de la colonne « ${column} » (lue comme « ${fieldLabel(field).fr} ») n'ont pas été reconnues : vérifiez ce qu'elle contient dans les correspondances de l'aperçu.`,
    en: `Most values of column "${column}" (read as "${fieldLabel(field).en}") were not recognised: check what it holds in the preview's mappings.`,
  }),
  duplicateColumn: (column: string, field: string): LocalisedText => ({
    fr: `La colonne « ${column} » désigne aussi « ${fieldLabel(field).fr} », déjà lue dans une autre colonne : elle a été ignorée.`,
    en: `Column "${column}" also names "${fieldLabel(field).en}", already read from another column: it was ignored.`,
  }),
  noHeader: (): LocalisedText => ({
    fr: "Aucune ligne d'en-tête reconnue dans les 30 premières lignes : le fichier doit avoir une ligne de titres de colonnes (par exemple « Année », « Sexe », « Âge », « Nationalité »). Ajoutez-la ou utilisez un profil de correspondance.",
    en: 'No header row recognised in the first 30 rows: the file needs a row of column titles (for example "Year", "Gender", "Age", "Citizenship"). Add one or use a mapping profile.',
  }),
  noYearColumn: (): LocalisedText => ({
    fr: "Aucune colonne ne donne l'année de référence (« Année », « Date premier contact »…). Ajoutez une colonne d'année, ou indiquez dans un profil de correspondance la colonne ou l'année fixe à utiliser.",
    en: 'No column gives the reference year ("Year", "Date of first contact"…). Add a year column, or name the column or a fixed year in a mapping profile.',
  }),
  noData: (): LocalisedText => ({
    fr: "Le fichier ne contient aucune ligne de données sous l'en-tête : rien n'a été importé. Vérifiez que vous avez exporté les dossiers et non un modèle vide.",
    en: 'The file holds no data rows below the header: nothing was imported. Check that you exported the cases and not an empty template.',
  }),
  yearMissing: (column: string): LocalisedText => ({
    fr: `Année manquante dans la colonne « ${column} » : indiquez l'année de prise en charge (entre 2000 et ${maxYear()}).`,
    en: `Missing year in column "${column}": give the year the person was supported (between 2000 and ${maxYear()}).`,
  }),
  yearInvalid: (column: string): LocalisedText => ({
    fr: `Année illisible dans la colonne « ${column} » : écrivez-la en chiffres (par exemple 2023) ou sous forme de date jj/mm/aaaa.`,
    en: `Unreadable year in column "${column}": write it in digits (for example 2023) or as a dd/mm/yyyy date.`,
  }),
  yearOutOfRange: (column: string, year: number): LocalisedText => ({
    fr: `Année ${year} hors de la période acceptée (2000 à ${maxYear()}) dans la colonne « ${column} » : corrigez l'année de prise en charge.`,
    en: `Year ${year} outside the accepted range (2000 to ${maxYear()}) in column "${column}": correct the year the person was supported.`,
  }),
  ageOutOfRange: (column: string, age: number): LocalisedText => ({
    fr: `Âge ${age} impossible dans la colonne « ${column} » (attendu entre 0 et 100) : corrigez l'âge, ou laissez la case vide s'il n'est pas connu.`,
    en: `Impossible age ${age} in column "${column}" (expected between 0 and 100): correct the age, or leave the cell empty when it is not known.`,
  }),
  duplicateCase: (column: string): LocalisedText => ({
    fr: `Le même identifiant de dossier apparaît plusieurs fois pour la même année (colonne « ${column} ») : chaque personne ne doit figurer qu'une fois par année. Supprimez le doublon.`,
    en: `The same case id appears more than once for the same year (column "${column}"): each person must appear once per year. Remove the duplicate.`,
  }),
  unknownValue: (column: string, field: string, count: number): LocalisedText => ({
    fr: `Valeur non reconnue dans la colonne « ${column} » (${fieldLabel(field).fr}), ${count} ligne(s) : enregistrée comme « inconnu ». Corrigez la valeur ou ajoutez-la comme synonyme dans votre profil de correspondance.`,
    en: `Unrecognised value in column "${column}" (${fieldLabel(field).en}), ${count} row(s): stored as "unknown". Correct the value or add it as a synonym in your mapping profile.`,
  }),
  formulaValue: (column: string, count: number): LocalisedText => ({
    fr: `Formule de tableur dans la colonne « ${column} », ${count} ligne(s) : elle n'est ni exécutée ni enregistrée, la valeur est comptée comme « inconnu ». Remplacez la formule par sa valeur.`,
    en: `Spreadsheet formula in column "${column}", ${count} row(s): it is neither run nor stored, the value counts as "unknown". Replace the formula with its value.`,
  }),
  ageUnreadable: (column: string, count: number): LocalisedText => ({
    fr: `Âge illisible dans la colonne « ${column} », ${count} ligne(s) : enregistré comme « inconnu ». Écrivez l'âge en chiffres (par exemple 24 ou « 24 ans »).`,
    en: `Unreadable age in column "${column}", ${count} row(s): stored as "unknown". Write the age in digits (for example 24 or "24 years").`,
  }),
  caseIdMissing: (column: string, count: number): LocalisedText => ({
    fr: `Identifiant de dossier vide dans la colonne « ${column} », ${count} ligne(s) : un pseudonyme a été calculé à partir du contenu de la ligne. Renseignez l'identifiant pour que les envois suivants reconnaissent ces dossiers.`,
    en: `Empty case id in column "${column}", ${count} row(s): a pseudonym was computed from the row's content. Fill in the id so that later uploads recognise these cases.`,
  }),
  noCaseIdColumn: (): LocalisedText => ({
    fr: "Le fichier n'a pas de colonne d'identifiant de dossier : chaque ligne reçoit un pseudonyme calculé à partir de son contenu. Ajoutez l'identifiant de dossier (il n'est jamais enregistré, seul un pseudonyme l'est) pour des comparaisons exactes d'un envoi à l'autre.",
    en: 'The file has no case id column: each row gets a pseudonym computed from its content. Add the case id (it is never stored, only a pseudonym is) for exact comparisons between uploads.',
  }),
  wideValue: (column: string, count: number): LocalisedText => ({
    fr: `Valeur inattendue dans la colonne « ${column} », ${count} ligne(s) : attendu X, Oui, 1 ou vide. La case a été comptée comme non cochée.`,
    en: `Unexpected value in column "${column}", ${count} row(s): expected X, Yes, 1 or empty. The cell counted as not ticked.`,
  }),
  totalMismatch: (declared: number, read: number): LocalisedText => ({
    fr: `La ligne TOTAL du fichier annonce ${declared} dossiers, mais ${read} lignes de données ont été lues : vérifiez qu'aucune ligne ne manque.`,
    en: `The file's TOTAL row declares ${declared} cases, but ${read} data rows were read: check that no row is missing.`,
  }),
  totalSkipped: (row: number): LocalisedText => ({
    fr: `Ligne ${row} : ligne de total ignorée.`,
    en: `Row ${row}: totals row skipped.`,
  }),
  rowsRejected: (count: number): LocalisedText => ({
    fr: `${count} ligne(s) contiennent des erreurs : rien n'a été importé, car un envoi remplace toutes les données des années qu'il contient. Corrigez les lignes indiquées et envoyez le fichier à nouveau (ou importez en ignorant les lignes en erreur).`,
    en: `${count} row(s) have errors: nothing was imported, because an upload replaces all data of the years it contains. Correct the rows listed and upload the file again (or import skipping the rows in error).`,
  }),
  raggedRows: (header: number, count: number, rows: number[], more: boolean): LocalisedText => {
    const list = rows.join(', ') + (count > rows.length ? '…' : '');
    return more
      ? {
          fr: `${count} ligne(s) ont plus de cellules que l'en-tête n'a de colonnes (${header}) : lignes ${list}. Les cellules en trop, sans titre de colonne, ont été ignorées. Vérifiez qu'aucune valeur n'est décalée (un séparateur dans une cellule non entourée de guillemets, par exemple).`,
          en: `${count} row(s) have more cells than the header has columns (${header}): rows ${list}. The extra cells, which have no column title, were ignored. Check that no value is shifted (a delimiter inside an unquoted cell, for example).`,
        }
      : {
          fr: `${count} ligne(s) ont moins de cellules que l'en-tête n'a de colonnes (${header}) : lignes ${list}. Les cellules manquantes ont été lues comme vides (« inconnu »). Vérifiez que ces lignes n'ont pas été coupées ou décalées.`,
          en: `${count} row(s) have fewer cells than the header has columns (${header}): rows ${list}. The missing cells were read as empty ("unknown"). Check that these rows were not cut short or shifted.`,
        };
  },
  fileMissing: (): LocalisedText => ({
    fr: "Le fichier envoyé n'est plus disponible sur le serveur : rien n'a été importé. Envoyez-le à nouveau.",
    en: 'The uploaded file is no longer available on the server: nothing was imported. Upload it again.',
  }),
  importInterrupted: (): LocalisedText => ({
    fr: "L'import a été interrompu (le serveur s'est arrêté pendant l'enregistrement) : rien de ce fichier n'a été enregistré et le fichier a été supprimé. Envoyez-le à nouveau.",
    en: 'The import was interrupted (the server stopped while saving): nothing from this file was stored and the file was deleted. Upload it again.',
  }),
  interruptedSummary: (): LocalisedText => ({
    fr: "Import interrompu : rien n'a été enregistré. Envoyez le fichier à nouveau.",
    en: 'Import interrupted: nothing was stored. Upload the file again.',
  }),
  headerChanged: (): LocalisedText => ({
    fr: 'Les colonnes ont changé depuis votre envoi précédent : vérifiez que les correspondances sont toujours justes.',
    en: 'The columns changed since your previous upload: check that the mapping is still right.',
  }),
  /** The first line of an import report, for its outcome. */
  summary: (outcome: ImportOutcome, c: ImportReport['counts'], yearList: readonly number[]): LocalisedText => {
    const years = yearList.join(', ');
    switch (outcome) {
      case 'committed':
        return {
          fr: `Import terminé : ${c.rowsAccepted} dossiers chargés (${c.recordsNew} nouveaux, ${c.recordsReplaced} modifiés, ${c.recordsUnchanged} inchangés, ${c.recordsRemoved} retirés) pour ${years}; ${c.rowsRejected} ligne(s) rejetée(s).`,
          en: `Import complete: ${c.rowsAccepted} cases loaded (${c.recordsNew} new, ${c.recordsReplaced} changed, ${c.recordsUnchanged} unchanged, ${c.recordsRemoved} removed) for ${years}; ${c.rowsRejected} row(s) rejected.`,
        };
      case 'dry_run':
        return {
          fr: `Essai à blanc : ${c.rowsAccepted} dossiers seraient chargés (${c.recordsNew} nouveaux, ${c.recordsReplaced} modifiés, ${c.recordsUnchanged} inchangés, ${c.recordsRemoved} retirés) pour ${years || '—'}; ${c.rowsRejected} ligne(s) rejetée(s). Rien n'a été enregistré.`,
          en: `Dry run: ${c.rowsAccepted} cases would be loaded (${c.recordsNew} new, ${c.recordsReplaced} changed, ${c.recordsUnchanged} unchanged, ${c.recordsRemoved} removed) for ${years || '—'}; ${c.rowsRejected} row(s) rejected. Nothing was stored.`,
        };
      case 'duplicate':
        return {
          fr: 'Ce fichier a déjà été importé pour cette association : rien n’a changé.',
          en: 'This file was already imported for this association: nothing changed.',
        };
      case 'refused':
        return {
          fr: "Fichier refusé : il contient des données identifiantes. Rien n'a été importé et le fichier n'a pas été conservé.",
          en: 'File refused: it contains identifying data. Nothing was imported and the file was not kept.',
        };
      case 'rejected':
        return msg.rowsRejected(c.rowsRejected);
      default:
        return {
          fr: "L'import a échoué : rien n'a été importé. Lisez le message ci-dessous, corrigez le fichier et réessayez.",
          en: 'The import failed: nothing was imported. Read the message below, fix the file and try again.',
        };
    }
  },
  duplicateOf: (importedOn: Date, batchId: string): LocalisedText => {
    const day = importedOn.toISOString().slice(0, 10);
    return {
      fr: `Ce fichier a déjà été importé pour cette association le ${day} (import ${batchId}) : rien n'a changé.`,
      en: `This file was already imported for this association on ${day} (import ${batchId}): nothing changed.`,
    };
  },
  /** A load that would remove stored cases of years the association did not name for replacement. */
  replaceNotConfirmed: (changes: readonly ImportYearChange[]): LocalisedText => {
    const years = changes.map((c) => c.year).join(', ');
    const lines = changes.map(yearChangeText);
    return {
      fr: `Cet envoi retirerait des dossiers déjà enregistrés — ${lines.map((l) => l.fr).join(' ; ')}. Rien n'a été modifié. Si ce fichier doit bien remplacer ${changes.length === 1 ? "l'année" : 'les années'} ${years}, confirmez explicitement ce remplacement ; sinon, envoyez l'export complet de ${changes.length === 1 ? 'cette année' : 'ces années'}.`,
      en: `This upload would remove cases already stored — ${lines.map((l) => l.en).join('; ')}. Nothing was changed. If this file is meant to replace ${changes.length === 1 ? 'year' : 'years'} ${years}, confirm that replacement explicitly; otherwise, upload the full export of ${changes.length === 1 ? 'that year' : 'those years'}.`,
    };
  },
  internalError: (): LocalisedText => ({
    fr: "Erreur interne pendant l'import : rien n'a été enregistré. Réessayez ; si le problème persiste, contactez l'équipe de l'Observatoire.",
    en: 'Internal error during the import: nothing was stored. Try again; if the problem persists, contact the Observatoire team.',
  }),
  invalidProfile: (problems: readonly string[]): LocalisedText => {
    const list = problems.slice(0, 10).join('; ');
    return {
      fr: `Le profil de correspondance est invalide (${list}). Corrigez-le (voir docs/mapping-profiles.md) et réessayez.`,
      en: `The mapping profile is invalid (${list}). Fix it (see docs/mapping-profiles.md) and try again.`,
    };
  },
  associationNotFound: (association: string): LocalisedText => ({
    fr: `L'association « ${association} » n'existe pas. Créez-la d'abord : npx observatoire admin association:create --slug ${association} --name "…" (ou relancez l'import avec --create-association).`,
    en: `Association "${association}" does not exist. Create it first: npx observatoire admin association:create --slug ${association} --name "…" (or run the import again with --create-association).`,
  }),
};

/** The refusal of a load that would remove stored cases of years not named for replacement (API, CLI). */
export const replaceNotConfirmedText = msg.replaceNotConfirmed;
