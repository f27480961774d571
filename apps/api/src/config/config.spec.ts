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
    expect(() => loadConfig({ TRUST_PROXY: '2' })).toThrow(/^TRUST_PROXY=2: un nombre de relais .* \/ A hop count/);
  });
});
