import { describe, expect, it } from 'vitest';
import { chartLinks, embedCode } from './links.js';
import { filterParams, parseFilters, SPECS } from './specs.js';
import { chartData } from './test-data.js';

describe('chart filters in the URL', () => {
  it('reads prefixed filters on a page and bare ones on single-chart routes', () => {
    const params = new URLSearchParams('channels.view=area&channels.group=offline&platforms.year=2024');
    expect(parseFilters(SPECS.channels, params, 'channels')).toEqual({
      view: 'area',
      group: 'offline',
      year: null,
      panel: 'all',
    });
    expect(parseFilters(SPECS.platforms, params, 'platforms')).toEqual({
      view: 'lines',
      group: 'all',
      year: 2024,
      panel: 'all',
    });
    expect(parseFilters(SPECS.channels, new URLSearchParams('view=share'))).toMatchObject({ view: 'share' });
  });

  it('falls back to the defaults on invalid or foreign filters', () => {
    const params = new URLSearchParams('view=pie&group=martian&year=20x4');
    expect(parseFilters(SPECS.channels, params)).toEqual(SPECS.channels.defaults);
    // The platform chart has no group filter: a group in the URL does not leak into it.
    expect(parseFilters(SPECS.platforms, new URLSearchParams('group=online')).group).toBe('all');
  });

  it('round-trips: only non-default filters are written', () => {
    const f = { view: 'area' as const, group: 'online' as const, year: null, panel: 'all' as const };
    expect(filterParams(SPECS.channels, f)).toEqual([['view', 'area']]);
    expect(filterParams(SPECS.channels, f, 'channels')).toEqual([['channels.view', 'area']]);
    const back = parseFilters(SPECS.channels, new URLSearchParams(filterParams(SPECS.channels, f)));
    expect(back).toEqual(f);
  });
});

describe('the “same associations” switch', () => {
  it('is a filter of the two channel charts only, kept in the URL and in every download link', () => {
    const params = new URLSearchParams('channels.panel=same&online-offline.panel=bogus&platforms.panel=same');
    expect(parseFilters(SPECS.channels, params, 'channels').panel).toBe('same');
    expect(parseFilters(SPECS['online-offline'], params, 'online-offline').panel).toBe('all');
    expect(parseFilters(SPECS.platforms, params, 'platforms').panel).toBe('all');
    const f = { ...SPECS['online-offline'].defaults, panel: 'same' as const };
    expect(filterParams(SPECS['online-offline'], f)).toEqual([['panel', 'same']]);
    const data = chartData({ filters: f });
    const links = chartLinks(data, 'https://obs.example', 'fr', '/recruitment-channels');
    expect(links.png).toBe('https://obs.example/charts/online-offline/chart.png?panel=same');
    expect(links.csv).toContain('?panel=same');
    expect(links.permalink).toContain('online-offline.panel=same');
  });
});

describe('chart links', () => {
  const data = chartData({ id: 'channels', filters: { view: 'area', group: 'online', year: null, panel: 'all' } });
  const links = chartLinks(data, 'https://obs.example', 'en', '/recruitment-channels');

  it('builds downloads and embeds for the same view, English under /en', () => {
    expect(links.png).toBe('https://obs.example/en/charts/channels/chart.png?view=area');
    expect(links.fullCsv).toBe('https://obs.example/en/charts/channels/full.csv?view=area');
    expect(links.embedLatest).toBe('https://obs.example/en/embed/channels?view=area');
    expect(links.embedFixed).toBe('https://obs.example/en/embed/channels?view=area&release=2026-07-30');
  });

  it('pins the release in the permanent link and names the chart for the preview', () => {
    expect(links.permalink).toBe(
      'https://obs.example/en/recruitment-channels?chart=channels&channels.view=area&release=2026-07-30#channels',
    );
  });

  it('writes an iframe with a fallback height and the resize script', () => {
    const code = embedCode(links.embedFixed, 'A "quoted" title', 560, 'https://obs.example');
    expect(code).toContain('height="560"');
    expect(code).toContain('title="A &quot;quoted&quot; title"');
    expect(code).toContain('<script async src="https://obs.example/embed.js"></script>');
  });
});
