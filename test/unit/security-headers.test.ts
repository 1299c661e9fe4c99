import { describe, expect, it } from 'vitest';
import { embeddingPolicies, securityHeaders } from '../../src/store/plugins/security-headers';

describe('security headers (computed once by helmet)', () => {
  it('holds the CSP and the rest of helmet’s headers, with lower-case names', () => {
    const headers = securityHeaders({ production: false });
    expect(headers['content-security-policy']).toBe(
      "default-src 'self';script-src 'self';style-src 'self';img-src 'self' data: blob:;font-src 'self';connect-src 'self';" +
        "media-src 'self';object-src 'none';base-uri 'self';" +
        "form-action 'self' https://app.midtrans.com https://app.sandbox.midtrans.com https://checkout.stripe.com;" +
        "frame-ancestors 'none'",
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

  it('lets forms lead to a payment provider configured elsewhere (a sandbox or a local server), once each', () => {
    const csp = securityHeaders({ production: false, formActionOrigins: ['http://127.0.0.1:4010', 'https://checkout.stripe.com'] })[
      'content-security-policy'
    ];
    expect(csp).toContain(
      "form-action 'self' https://app.midtrans.com https://app.sandbox.midtrans.com https://checkout.stripe.com http://127.0.0.1:4010;",
    );
  });

  it('adds HSTS and upgrade-insecure-requests in production', () => {
    const headers = securityHeaders({ production: true });
    expect(headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(headers['content-security-policy']).toMatch(/;upgrade-insecure-requests$/);
  });

  it('lets a page embed one provider origin in scripts and frames, the rest of the policy unchanged', () => {
    const policyFor = embeddingPolicies({ production: false });
    const shop = securityHeaders({ production: false })['content-security-policy']!;
    const snap = policyFor('https://app.sandbox.midtrans.com');
    expect(snap).toContain("script-src 'self' https://app.sandbox.midtrans.com;");
    expect(snap).toContain("frame-src 'self' https://app.sandbox.midtrans.com;");
    expect(shop).not.toContain('frame-src');
    expect(snap.replace(" 'self' https://app.sandbox.midtrans.com;style", " 'self';style").replace(/frame-src [^;]+;/, '')).toBe(shop);
    expect(policyFor('https://app.sandbox.midtrans.com')).toBe(snap);
    expect(policyFor('https://app.midtrans.com')).toContain("script-src 'self' https://app.midtrans.com;");
  });
});
