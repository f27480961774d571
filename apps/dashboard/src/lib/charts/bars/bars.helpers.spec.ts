import { describe, expect, it } from 'vitest';
import { ROWS } from '../test-data.js';
import { barGeometry, barTable, describeBars } from './bars.helpers.js';

describe('bar helpers', () => {
  it('tables the categories with localised numbers and withheld cells', () => {
    expect(barTable(ROWS, 'fr').rows).toEqual([
      ['Exploitation sexuelle', '2\u202f345'],
      ['Travail forcé', '410'],
      ['Prélèvement d’organes', 'non publié : trop peu de personnes'],
    ]);
  });

  it('describes the bars and names the highest', () => {
    const text = describeBars('Types', ROWS, 'en');
    expect(text).toBe(
      'Types. 3 categories. Exploitation sexuelle: 2,345 ; Travail forcé: 410 ; Prélèvement d’organes: not published: too few people. Highest: Exploitation sexuelle.',
    );
  });

  it('uses taller rows on phones', () => {
    expect(barGeometry(ROWS, 360, 'fr').bars[1].y - barGeometry(ROWS, 360, 'fr').bars[0].y).toBe(30);
    expect(barGeometry(ROWS, 800, 'fr').bars[1].y - barGeometry(ROWS, 800, 'fr').bars[0].y).toBe(28);
  });
});
