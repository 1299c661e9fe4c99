import { describe, expect, it } from 'vitest';
import { checkTrackingNumber, normalizeTrackingNumber, TRACKING_RULES } from '../../src/store/orders/tracking-format';

describe('tracking number formats', () => {
  it('accepts each known courier’s shape and its own example', () => {
    expect(checkTrackingNumber('JNE', '1234567890123456')).toEqual({ ok: true, value: '1234567890123456' });
    expect(checkTrackingNumber('JNE', 'cgk1234567890')).toEqual({ ok: true, value: 'CGK1234567890' });
    expect(checkTrackingNumber('J&T', 'JP1234567890').ok).toBe(true);
    expect(checkTrackingNumber('J&T Express', 'jx 1234 567 890')).toEqual({ ok: true, value: 'JX1234567890' });
    expect(checkTrackingNumber('SiCepat', '002345678901').ok).toBe(true);
    expect(checkTrackingNumber('POS Indonesia', 'RR123456789ID').ok).toBe(true);
    expect(checkTrackingNumber('POS Indonesia', 'P2212120012345').ok).toBe(true);
    for (const rule of TRACKING_RULES) expect(rule.pattern.test(rule.example)).toBe(true);
  });

  it('refuses another courier’s shape, naming the expected one', () => {
    expect(checkTrackingNumber('SiCepat', 'JP1234567890')).toEqual({ ok: false, reason: 'format', example: '002345678901' });
    expect(checkTrackingNumber('J&T', '1234567890123456')).toMatchObject({ ok: false, reason: 'format', example: 'JP1234567890' });
    expect(checkTrackingNumber('JNE', 'ABC12')).toMatchObject({ ok: false, reason: 'format' });
    expect(checkTrackingNumber('SiCepat', '00234567890')).toMatchObject({ ok: false, reason: 'format' });
  });

  it('checks only length and characters for couriers it does not know', () => {
    expect(checkTrackingNumber('Kurir Lokal Bandung', 'BDG-2026-0001')).toEqual({ ok: true, value: 'BDG-2026-0001' });
    expect(checkTrackingNumber('Kurir Lokal Bandung', 'AB12')).toEqual({ ok: false, reason: 'format' });
    expect(checkTrackingNumber('Kurir Lokal Bandung', 'AB12<script>')).toEqual({ ok: false, reason: 'format' });
    expect(checkTrackingNumber('Kurir Lokal Bandung', 'X'.repeat(41))).toEqual({ ok: false, reason: 'format' });
  });

  it('says "missing" for an empty or blank number', () => {
    expect(checkTrackingNumber('JNE', '')).toEqual({ ok: false, reason: 'missing' });
    expect(checkTrackingNumber('JNE', '   ')).toEqual({ ok: false, reason: 'missing' });
  });

  it('normalizes spaces away and letters to upper case', () => {
    expect(normalizeTrackingNumber(' jp 12 34 ')).toBe('JP1234');
  });
});
