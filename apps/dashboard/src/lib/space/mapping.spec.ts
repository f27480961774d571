import { describe, expect, it } from 'vitest';
import { applyChoices, choicesOf, columnKey, initialChoice, isOneHot, REMOVE, valueKey, valueOptions } from './mapping';

const form = (entries: [string, string][]) => {
  const f = new FormData();
  for (const [k, v] of entries) f.append(k, v);
  return f;
};

describe('the mapping screen’s choices become the mapping profile (issue 15)', () => {
  it('a one-hot column, an ignored column, a field and a value are merged into the stored profile', () => {
    const current = {
      version: 1 as const,
      columns: { 'Moyen d’approche': 'recruitmentChannels' as const, Orientation: 'recruitmentChannels' as const },
      wide: [{ column: 'Messagerie', field: 'recruitmentChannels' as const, code: 'family' }],
      values: { gender: { Mme: 'female' } },
      referenceYear: { fixed: 2024 },
    };
    const choices = choicesOf(
      form([
        [columnKey('messagerie'), 'wide:recruitmentChannels:messaging_app'],
        [columnKey('Orientation'), 'ignore'],
        [columnKey('Pays'), 'field:citizenship'],
        [columnKey('Undecided'), ''],
        [columnKey('Doubtful'), 'keep'],
        [valueKey('exploitationTypes', 'TEH-S'), 'sexual'],
        [valueKey('exploitationTypes', 'Vide'), ''],
      ]),
    );
    const p = applyChoices(current, choices);
    expect(p.columns).toEqual({
      'Moyen d’approche': 'recruitmentChannels',
      Orientation: 'ignore',
      Pays: 'citizenship',
    });
    // The header chosen again replaces the earlier one-hot meaning, headers compared as the ETL does.
    expect(p.wide).toEqual([{ column: 'messagerie', field: 'recruitmentChannels', code: 'messaging_app' }]);
    expect(p.values).toEqual({ gender: { Mme: 'female' }, exploitationTypes: { 'TEH-S': 'sexual' } });
    expect(p.referenceYear).toEqual({ fixed: 2024 });
    // The stored profile object is not changed in place.
    expect(current.wide[0].code).toBe('family');
  });

  it('the profile page removes a column or a value', () => {
    const p = applyChoices(
      {
        columns: { Pays: 'citizenship' },
        wide: [{ column: 'Snap', field: 'recruitmentPlatforms', code: 'snapchat' }],
        values: { gender: { Mme: 'female', M: 'male' } },
      },
      choicesOf(
        form([
          [columnKey('Snap'), REMOVE],
          [columnKey('Pays'), REMOVE],
          [valueKey('gender', 'Mme'), REMOVE],
        ]),
      ),
    );
    expect(p).toMatchObject({ columns: {}, wide: [], values: { gender: { M: 'male' } } });
  });

  it('starts from the suggestion, and offers the closest codes first', () => {
    expect(
      initialChoice({
        index: 0,
        header: 'Snap',
        field: null,
        status: 'unmapped',
        suggestedCode: { field: 'recruitmentPlatforms', code: 'snapchat' },
      }),
    ).toBe('wide:recruitmentPlatforms:snapchat');
    expect(initialChoice({ index: 0, header: 'Orientation', field: null, status: 'unmapped', reading: 'data' })).toBe(
      '',
    );
    const codes = [
      { value: 'female', label: 'Femme' },
      { value: 'male', label: 'Homme' },
      { value: 'trans_female', label: 'Femme trans' },
    ];
    const o = valueOptions(codes, ['trans_female', 'female']);
    expect(o.closest.map((x) => x.value)).toEqual(['trans_female', 'female']);
    expect(o.others.map((x) => x.value)).toEqual(['male']);
  });

  it('offers the one-hot choices for ticks, also of a doubtful mapped column', () => {
    const col = { index: 2, header: 'Plateforme', field: 'recruitmentPlatforms', status: 'mapped' as const };
    const ticks = [
      { value: 'oui', count: 2 },
      { value: '1', count: 1 },
      { value: 'non', count: 4 },
    ];
    expect(isOneHot({ ...col, doubtful: true, samples: ticks })).toBe(true);
    expect(isOneHot({ ...col, samples: ticks })).toBe(false);
    expect(isOneHot({ ...col, doubtful: true, samples: [{ value: 'Kikou', count: 2 }] })).toBe(false);
    expect(isOneHot({ index: 3, header: 'Snap', field: null, status: 'unmapped', reading: 'one_hot' })).toBe(true);
  });
});
