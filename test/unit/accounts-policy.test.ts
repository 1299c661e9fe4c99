import { describe, expect, it } from 'vitest';
import { askedNextPath, landingPath, passwordProblem, safeNextPath } from '../../src/store/accounts/policy';
import { addressSchema, registerSchema } from '../../src/store/accounts/schema';
import { formatPhone, normalizePhone } from '../../src/lib/phone';
import { parseForm } from '../../src/store/ui/form';

describe('password policy', () => {
  it('needs 10 characters', () => {
    expect(passwordProblem('Gitar-123')).toBe('tooShort');
    expect(passwordProblem('Gitar-1234')).toBeUndefined();
  });
  it('refuses common passwords, also padded with digits or symbols, and all-digit or repeated ones', () => {
    for (const p of ['1234567890', 'password123', 'Password2024!', 'qwertyuiop', '!!metallica!!', 'aaaaaaaaaaaa', '98765432109']) {
      expect(passwordProblem(p), p).toBe('common');
    }
  });
  it('refuses the email or its local part', () => {
    expect(passwordProblem('budi.santoso@example.com', 'Budi.Santoso@example.com')).toBe('sameAsEmail');
    expect(passwordProblem('budisantoso99', 'budisantoso99@example.com')).toBe('sameAsEmail');
  });
  it('accepts a decent passphrase', () => {
    expect(passwordProblem('Distorsi-Gitar-2026', 'budi@example.com')).toBeUndefined();
  });
});

describe('Indonesian phone numbers', () => {
  it.each([
    ['0812-3456-7890', '+6281234567890'],
    ['+62 812 3456 7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['(022) 4201234', '+62224201234'],
  ])('%s → %s', (input, stored) => expect(normalizePhone(input)).toBe(stored));
  it.each(['12345', '+1 555 123 4567', '0812', '08123456789012345', 'abc', '+62 0812 345678'])('refuses %s', (input) => {
    expect(normalizePhone(input)).toBeUndefined();
  });
  it('shows stored numbers the local way', () => {
    expect(formatPhone('+6281234567890')).toBe('0812-3456-7890');
    expect(formatPhone(null)).toBe('');
  });
});

describe('next= after login', () => {
  it.each([
    ['/produk?q=gitar#atas', '/produk?q=gitar#atas'],
    ['/akun/alamat', '/akun/alamat'],
    ['//evil.example', '/akun'],
    ['/\\evil.example', '/akun'],
    ['https://evil.example', '/akun'],
    ['javascript:alert(1)', '/akun'],
    ['/\t/evil.example', '/akun'],
    ['', '/akun'],
    [undefined, '/akun'],
    [['/a', '/b'], '/akun'],
    // Dot segments that normalise into a protocol-relative "//host" (the open redirect found in review).
    ['/.//evil.example/x', '/akun'],
    ['/..//evil.example/x', '/akun'],
    ['/%2e//evil.example/x', '/akun'],
    ['/%2E%2E//evil.example/x', '/akun'],
    ['/a/..//evil.example/x', '/akun'],
    ['/a/b/../..//evil.example', '/akun'],
    ['/./%2e/..//evil.example', '/akun'],
    // Dot segments that stay on this site are fine.
    ['/produk/./gitar', '/produk/gitar'],
    ['/a/../akun', '/akun'],
  ])('%j → %s', (input, expected) => expect(safeNextPath(input)).toBe(expected));

  it('never returns a path a browser would leave the site for, whatever dots and slashes it mixes', () => {
    const parts = ['/', '.', '..', '%2e', '%2E', 'a', '//', 'evil.example', '%2f'];
    const seen: string[] = [];
    // Every sequence of up to five parts, starting with "/".
    const walk = (prefix: string, depth: number) => {
      seen.push(prefix);
      if (depth === 5) return;
      for (const p of parts) walk(prefix + p, depth + 1);
    };
    walk('/', 1);
    for (const input of seen) {
      const out = safeNextPath(input, '/akun');
      expect(out.startsWith('/') && !out.startsWith('//') && new URL(out, 'http://hurtrock.invalid').host).toBe('hurtrock.invalid');
    }
  });
});

describe('form schemas', () => {
  it('normalises the email and reports each field', () => {
    const ok = parseForm(registerSchema, { name: ' Budi ', email: ' Budi@Example.COM ', password: 'Distorsi-Gitar-2026' });
    expect(ok).toEqual({ ok: true, data: { name: 'Budi', email: 'budi@example.com', password: 'Distorsi-Gitar-2026' } });
    const bad = parseForm(registerSchema, { name: '', email: 'not-an-email', password: 'x' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors).toMatchObject({ name: 'accounts.error.required', email: 'accounts.error.email' });
      expect(bad.values).toEqual({ name: '', email: 'not-an-email' });
    }
  });
  it('checks postal codes and phones of addresses', () => {
    const bad = parseForm(addressSchema, {
      recipient: 'A',
      phone: '123',
      street: 'Jl. A',
      city: 'Bandung',
      province: 'Jabar',
      postalCode: '401',
    });
    expect(bad.ok || bad.errors).toMatchObject({ phone: 'accounts.error.phone', postalCode: 'accounts.error.postalCode' });
    const ok = parseForm(addressSchema, {
      recipient: 'A',
      phone: '0812 3456 7890',
      street: 'Jl. A',
      city: 'Bandung',
      province: 'Jabar',
      postalCode: '40111',
      isDefault: 'on',
    });
    expect(ok.ok && ok.data).toMatchObject({ phone: '+6281234567890', isDefault: true });
  });
});

describe('where a login lands', () => {
  it('sends staff and admins to the back office and customers to their account', () => {
    expect(landingPath('admin')).toBe('/admin');
    expect(landingPath('staff')).toBe('/admin');
    expect(landingPath('customer')).toBe('/akun');
  });

  it('keeps only a safe next= and drops the rest', () => {
    expect(askedNextPath('/akun/alamat')).toBe('/akun/alamat');
    expect(askedNextPath('//evil.example')).toBeUndefined();
    expect(askedNextPath('')).toBeUndefined();
    expect(askedNextPath(undefined)).toBeUndefined();
  });
});
