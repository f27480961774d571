// @vitest-environment jsdom
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { SERIES } from '../test-data.js';
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
    expect(screen.getByRole('status').textContent).toContain('masqué');
    await fireEvent.keyDown(slider, { key: 'Escape' });
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('hatches the columns of withheld years in stacked areas', () => {
    const { container } = render(TimeSeriesChart, { id: 't2', title: 'T', series: SERIES, view: 'area', lang: 'fr' });
    const hatched = container.querySelectorAll('rect.withheld');
    expect([...hatched].map((r) => r.getAttribute('data-year'))).toEqual(['2024']);
    expect(container.querySelectorAll('.areas path')).toHaveLength(2);
  });
});
