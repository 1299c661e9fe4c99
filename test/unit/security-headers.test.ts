import { describe, expect, it } from 'vitest';
import { securityHeaders } from '../../src/store/plugins/security-headers';

describe('security headers (computed once by helmet)', () => {
  it('holds the CSP and the rest of helmet’s headers, with lower-case names', () => {
    const headers = securityHeaders({ production: false });
    expect(headers['content-security-policy']).toBe(
      "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data: blob:;font-src 'self';connect-src 'self';" +
        "media-src 'self';object-src 'none';base-uri 'self';form-action 'self';frame-ancestors 'none'",
    );
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
      'referrer-policy': 'strict-origin-when-cross-origin',
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-resource-policy': 'same-origin',
    });
    expect(headers['strict-transport-security']).toBeUndefined();
    expect(headers['cross-origin-embedder-policy']).toBeUndefined();
    expect(Object.isFrozen(headers)).toBe(true);
  });

  it('adds HSTS and upgrade-insecure-requests in production', () => {
    const headers = securityHeaders({ production: true });
    expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(headers['content-security-policy']).toMatch(/;upgrade-insecure-requests$/);
  });
});
