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

  it('draws a withheld category as a small hatched placeholder and the word, never as a bar of any length', () => {
    const { container } = render(BarChart, { id: 'c2', title: 'T', rows: ROWS, lang: 'fr' });
    const withheld = container.querySelector('[data-key="organ_removal"]')!;
    expect(withheld.getAttribute('data-withheld')).toBe('true');
    const rects = withheld.querySelectorAll('rect');
    expect(rects).toHaveLength(1);
    expect(rects[0].getAttribute('class')).toBe('placeholder');
    expect(rects[0].getAttribute('fill')).toBe('url(#c2-hatch)');
    // As wide as it is tall, whatever the scale: a mark, not a length.
    expect(rects[0].getAttribute('width')).toBe(rects[0].getAttribute('height'));
    const axis = Number(container.querySelector('.bars > line')!.getAttribute('x1'));
    expect(Number(rects[0].getAttribute('x'))).toBeGreaterThan(axis);
    expect(withheld.textContent).toContain('non publié : trop peu de personnes');
    expect(container.querySelector('[data-key="sexual"]')?.textContent).toContain('2\u202f345');
  });

  it('lists categories that are not compared apart, below the bars, their count written and off the scale', () => {
    const rows = [...ROWS, { key: 'unknown', label: 'Inconnue', cell: { value: 9000 } }];
    const aside = { keys: ['unknown', 'not_applicable'], label: 'Hors échelle' };
    const { container } = render(BarChart, { id: 'c3', title: 'T', rows, lang: 'fr', aside });
    const unknown = container.querySelector('.aside [data-key="unknown"]')!;
    expect(unknown.getAttribute('data-apart')).toBe('true');
    expect(unknown.querySelector('rect')).toBeNull();
    expect(unknown.textContent).toContain('9\u202f000');
    expect(container.querySelector('.aside')!.textContent).toContain('Hors échelle');
    // The largest compared category still spans the scale.
    const sexual = container.querySelector('[data-key="sexual"] rect')!;
    expect(Number(sexual.getAttribute('width'))).toBeGreaterThan(200);
  });
});
