import { describe, expect, it } from 'vitest';
import { normaliseBody } from '../../src/chat/messages';
import { createTokenBucket } from '../../src/chat/rate-limit';

describe('chat message bodies', () => {
  it('keeps text exactly, HTML included, and trims the ends', () => {
    expect(normaliseBody('  <b>hi</b> & "you"\n')).toBe('<b>hi</b> & "you"');
  });
  it('drops control characters but keeps newlines and tabs', () => {
    expect(normaliseBody('a\u0000b\u0007c\nd\te')).toBe('abc\nd\te');
  });
  it('refuses empty and over-long bodies', () => {
    expect(normaliseBody(' \n ')).toBeNull();
    expect(normaliseBody('x'.repeat(2001))).toBeNull();
    expect(normaliseBody('x'.repeat(2000))).toHaveLength(2000);
  });
});

describe('per-connection token bucket', () => {
  it('allows a burst, then the sustained rate', () => {
    let now = 0;
    const bucket = createTokenBucket(5, 10, () => now);
    const burst = Array.from({ length: 20 }, () => bucket.take()).filter(Boolean).length;
    expect(burst).toBe(10);
    now += 1000; // one second refills five
    expect(Array.from({ length: 10 }, () => bucket.take()).filter(Boolean).length).toBe(5);
    now += 60_000; // never more than the burst, however long the pause
    expect(Array.from({ length: 20 }, () => bucket.take()).filter(Boolean).length).toBe(10);
  });
});
