// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { PERSONS, SERIES } from '../test-data.js';
import TimeSeriesChart from './TimeSeriesChart.svelte';

describe('TimeSeriesChart', () => {
  it('moves between years with the keyboard and announces the values', async () => {
    render(TimeSeriesChart, { id: 't1', title: 'Canaux', series: SERIES, view: 'lines', lang: 'fr' });
    const slider = screen.getByRole('slider');
    slider.focus();
    await fireEvent.keyDown(slider, { key: 'End' });
    expect(screen.getByRole('status').textContent).toContain('2025');
    expect(screen.getByRole('status').textContent).toContain('1\u202f500');
    await fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    expect(slider.getAttribute('aria-valuenow')).toBe('2024');
    expect(screen.getByRole('status').textContent).toContain('non publié : trop peu de personnes');
    await fireEvent.keyDown(slider, { key: 'Escape' });
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('never hatches a whole year in stacked areas: the withheld value alone is marked, with its reason', () => {
    const { container } = render(TimeSeriesChart, { id: 't2', title: 'T', series: SERIES, view: 'area', lang: 'fr' });
    expect(container.querySelectorAll('rect.withheld')).toHaveLength(0);
    const marks = [...container.querySelectorAll('.withheld-row path.withheld')];
    expect(marks.map((m) => `${m.getAttribute('data-key')} ${m.getAttribute('data-year')}`)).toEqual(['online 2024']);
    expect(marks[0].textContent).toContain('non publié : trop peu de personnes');
    // Both bands drawn, and the slot the withheld one leaves around 2024 hatched.
    expect(container.querySelectorAll('.areas path[data-fill]')).toHaveLength(2);
    expect(container.querySelectorAll('.areas path.gap[data-key="online"]')).toHaveLength(1);
  });

  it('draws "% du total" as lines over the persons of the year, with shares in the tooltip', async () => {
    const { container } = render(TimeSeriesChart, {
      id: 't3',
      title: 'T',
      series: SERIES,
      base: PERSONS,
      view: 'share',
      lang: 'fr',
    });
    expect(container.querySelectorAll('.lines .series')).toHaveLength(2);
    const offline = [...container.querySelectorAll('path.marker[data-key="offline"]')];
    expect(offline.map((m) => Number(m.getAttribute('data-value')))).toEqual([800 / 1900, 0.5, 650 / 2000]);
    const slider = screen.getByRole('slider');
    slider.focus();
    await fireEvent.keyDown(slider, { key: 'ArrowLeft' });
    expect(screen.getByRole('status').textContent).toContain('700 (50,0\u202f%)');
  });
});
