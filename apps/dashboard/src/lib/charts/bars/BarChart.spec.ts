// @vitest-environment jsdom
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { ROWS } from '../test-data.js';
import BarChart from './BarChart.svelte';

describe('BarChart', () => {
  it('renders an accessible SVG image with a generated description', () => {
    render(BarChart, { id: 'c1', title: 'Types d’exploitation', rows: ROWS, lang: 'fr' });
    const img = screen.getByRole('img', { name: /Types d’exploitation/ });
    expect(img.tagName.toLowerCase()).toBe('svg');
    expect(document.getElementById('c1-desc')?.textContent).toContain('Exploitation sexuelle : 2\u202f345');
  });

  it('draws a withheld category hatched and labelled, never as a zero-length bar', () => {
    const { container } = render(BarChart, { id: 'c2', title: 'T', rows: ROWS, lang: 'fr' });
    const withheld = container.querySelector('[data-key="organ_removal"]')!;
    expect(withheld.getAttribute('data-withheld')).toBe('true');
    const rect = withheld.querySelector('rect')!;
    expect(rect.getAttribute('fill')).toBe('url(#c2-hatch)');
    expect(Number(rect.getAttribute('width'))).toBeGreaterThan(100);
    expect(withheld.textContent).toContain('masqué');
    expect(container.querySelector('[data-key="sexual"]')?.textContent).toContain('2\u202f345');
  });
});
