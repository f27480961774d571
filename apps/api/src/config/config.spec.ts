import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig: TRUST_PROXY', () => {
  it('trusts loopback by default, nothing with 0, everything with 1, and passes addresses on', () => {
    expect(loadConfig({}).trustProxy).toBe('loopback');
    expect(loadConfig({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.2' }).trustProxy).toBe('10.0.0.0/8, 192.168.1.2');
  });

  it('refuses a hop count, which would be read as an address, saying what to give (French first)', () => {
    expect(() => loadConfig({ TRUST_PROXY: '2' })).toThrow(
      /TRUST_PROXY=2 : un nombre de relais .* \/ TRUST_PROXY=2: a hop count/,
    );
  });
});

describe('loadConfig: numbers', () => {
  it('refuses a fraction where a whole number is expected (1.5 minutes), in French and English', () => {
    expect(() => loadConfig({ SESSION_IDLE_MINUTES: '1.5' })).toThrow(
      /SESSION_IDLE_MINUTES=1\.5 : un nombre entier est attendu \/ SESSION_IDLE_MINUTES=1\.5: a whole number is expected/,
    );
    expect(loadConfig({ SESSION_IDLE_MINUTES: '45' }).sessionIdleMinutes).toBe(45);
  });
});
