/**
 * A set of (reference year, case key) pairs that only remembers 64 bits of each: the first 16 hex digits of the
 * key (an HMAC-SHA256, so uniformly distributed), mixed with the year. `add` says whether an equal pair may have
 * been seen before: never wrong when it says no, and a false "maybe" has a probability of about n² / 2⁶⁵ (3e-8 for a
 * million rows). The loader uses it to skip the exact duplicate check in PostgreSQL when no case id can repeat.
 * Open addressing over one growing Uint32Array: 16 bytes per row at most (16 MB for a million rows), no objects.
 */
export class KeyPrefixSet {
  private table = new Uint32Array(2 * 1024);
  private mask = 1023;
  private used = 0;

  /** Adds the pair; true when it (probably) was already there. `key` is hex, at least 16 digits. */
  add(year: number, key: string): boolean {
    // `| 1` keeps 0 free as the empty-slot marker (a pair whose low word is 0 just shares a slot with ...|1).
    const hi = (parseInt(key.slice(0, 8), 16) ^ Math.imul(year, 0x9e3779b1)) >>> 0;
    const lo = (parseInt(key.slice(8, 16), 16) | 1) >>> 0;
    return this.insert(hi, lo);
  }

  private insert(hi: number, lo: number): boolean {
    let i = (hi ^ Math.imul(lo, 0x85ebca6b)) & this.mask;
    for (;;) {
      const at = 2 * i;
      const l = this.table[at + 1];
      if (l === 0) {
        this.table[at] = hi;
        this.table[at + 1] = lo;
        if (++this.used * 2 > this.mask + 1) this.grow();
        return false;
      }
      if (l === lo && this.table[at] === hi) return true;
      i = (i + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.mask = this.mask * 2 + 1;
    this.used = 0;
    for (let at = 0; at < old.length; at += 2) if (old[at + 1] !== 0) this.insert(old[at], old[at + 1]);
  }
}
