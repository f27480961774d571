import { describe, expect, it } from 'vitest';
import { closestCodes, wideCodeForHeader } from '../../src/mapping/closest-codes.js';
import { planColumns } from '../../src/mapping/plan.js';

describe('suggestions for what the platform could not map (issue 15)', () => {
  const suggestion = (header: string) => planColumns([header], null).columns[0].suggestion?.header;

  it('a close column title is suggested only when its words are there, give or take a typo', () => {
    expect(suggestion('Nationalitee')).toBe('nationalite');
    expect(suggestion('Type d exploitaton')).toBe('type d exploitation');
    // The replay: a one-hot channel column was offered « victime annoncee en ligne ».
    expect(suggestion('Petite annonce en ligne')).toBeUndefined();
    expect(suggestion('Sites d annonces en ligne')).toBeUndefined();
    expect(suggestion('Contact en ligne')).toBeUndefined();
    expect(suggestion('Rencontres en ligne')).toBeUndefined();
  });

  it('a one-hot column title names a channel, a platform, an exploitation type or a country', () => {
    expect(wideCodeForHeader('Petite annonce en ligne')).toEqual({
      field: 'recruitmentChannels',
      code: 'classified_ads',
    });
    expect(wideCodeForHeader('Messagerie')).toEqual({ field: 'recruitmentChannels', code: 'messaging_app' });
    expect(wideCodeForHeader('Snap')).toEqual({ field: 'recruitmentPlatforms', code: 'snapchat' });
    expect(wideCodeForHeader('Prostitution')).toEqual({ field: 'exploitationTypes', code: 'sexual' });
    expect(wideCodeForHeader('Nigeria')).toEqual({ field: 'citizenship', code: 'NG' });
    expect(wideCodeForHeader('Orientation')).toBeNull();
  });

  it('an unknown value gets the closest codes of its list first, and none when nothing is close', () => {
    expect(closestCodes('gender', 'Fem')[0]).toBe('female');
    expect(closestCodes('citizenship', 'Nigéria')[0]).toBe('NG');
    expect(closestCodes('exploitationTypes', 'Esclavage moderne')[0]).toBe('domestic_servitude');
    expect(closestCodes('exploitationTypes', 'TEH-S')).toEqual([]);
    expect(closestCodes('recruitmentChannels', 'Snapchat story')[0]).toBe('snapchat');
  });
});
