import { describe, expect, it } from 'vitest';
import { CODE_LIST_NAMES, SOURCE_FIELDS, labelKey, resolveSourceField, sourceFields } from '../src/index.js';

describe('source fields', () => {
  it('define every field once, with both labels and descriptions', () => {
    expect(sourceFields.map((f) => f.field)).toEqual([...SOURCE_FIELDS]);
    for (const f of sourceFields) {
      for (const text of [f.label.fr, f.label.en, f.description.fr, f.description.en]) expect(text.trim()).not.toBe('');
      if (f.kind === 'code' || f.kind === 'codes') expect(CODE_LIST_NAMES).toContain(f.codeList);
    }
  });

  it('share no header synonym between two fields', () => {
    const owners = new Map<string, Set<string>>();
    for (const f of sourceFields) {
      for (const term of [f.field, f.label.fr, f.label.en, ...(f.htcds ? [f.htcds] : []), ...f.synonyms]) {
        const key = labelKey(term);
        owners.set(key, (owners.get(key) ?? new Set()).add(f.field));
      }
    }
    expect([...owners].filter(([, s]) => s.size > 1).map(([k, s]) => `${k}: ${[...s].join(', ')}`)).toEqual([]);
  });

  // Headers of the shared sample exports (French with accents, English snake case).
  it.each([
    ['N° dossier', 'caseId'],
    ['Identifiant', 'caseId'],
    ['case_id', 'caseId'],
    ['Année de prise en charge', 'referenceYear'],
    ['year', 'referenceYear'],
    ['Date premier contact', 'referenceDate'],
    ['Sexe', 'gender'],
    ['Genre', 'gender'],
    ['gender', 'gender'],
    ["Âge au début de l'exploitation", 'age'],
    ['Âge', 'age'],
    ['age_at_recruitment', 'age'],
    ['Nationalité', 'citizenship'],
    ['citizenship', 'citizenship'],
    ["Type(s) d'exploitation", 'exploitationTypes'],
    ["Forme d'exploitation", 'exploitationTypes'],
    ['exploitation_type', 'exploitationTypes'],
    ['Mode de recrutement', 'recruitmentChannels'],
    ['Canal de recrutement', 'recruitmentChannels'],
    ['recruitment_method', 'recruitmentChannels'],
    ['Plateforme(s) utilisée(s)', 'recruitmentPlatforms'],
    ['Plateforme', 'recruitmentPlatforms'],
    ['recruitment_platforms', 'recruitmentPlatforms'],
    ['Observations', 'freeText'],
    ['notes', 'freeText'],
    ['vic_TypeOfExploitation', 'exploitationTypes'],
    ['prs_Gender', 'gender'],
  ])('%s → %s', (header, field) => {
    expect(resolveSourceField(header)).toBe(field);
  });

  it('does not recognise a direct identifier as a field', () => {
    for (const header of ['Nom', 'Prénom', 'Téléphone', 'E-mail', 'Adresse', 'Date de naissance'])
      expect(resolveSourceField(header), header).toBeNull();
  });
});
