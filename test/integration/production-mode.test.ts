/**
 * X3 production mode in the running store: served over https it sends HSTS and marks its cookies
 * Secure; with ALLOW_HTTP (plain http://) both are off, or no browser could keep a session.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, type TestStore } from '../helpers/store-app';

const secrets = { SESSION_SECRET: 'Vt3q8ZkP0wLr6YbN2sXe9HcJ4mUa7GdF1oRi5', CHAT_TOKEN_SECRET: 'q7Lm2Xc9Rv4Tb8Nz1Hk6Pw3Ys5Ja0Gf-Ud_Ee' };

describe('production mode in the store', () => {
  let https: TestStore;
  let plain: TestStore;
  beforeAll(async () => {
    [https, plain] = await Promise.all([
      createTestStore('pglite', { sampleData: false, env: { NODE_ENV: 'production', PUBLIC_URL: 'https://hurtrock.example', ...secrets } }),
      createTestStore('pglite', {
        sampleData: false,
        env: { NODE_ENV: 'production', PUBLIC_URL: 'http://192.168.1.10:5000', ALLOW_HTTP: 'true', ...secrets },
      }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([https?.close(), plain?.close()]);
  });

  it('over https: HSTS, upgrade-insecure-requests and Secure cookies', async () => {
    const res = await https.app.inject({ method: 'GET', url: '/?lang=en' });
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    const token = await https.app.inject({ method: 'GET', url: '/keranjang/token', headers: { accept: 'application/json' } });
    const cookies = [res.headers['set-cookie'], token.headers['set-cookie']].flat().filter(Boolean) as string[];
    expect(cookies.map((c) => c.split('=')[0]).sort()).toEqual(['lang', 'sid']);
    for (const cookie of cookies) expect(cookie, cookie).toMatch(/; Secure/);
  });

  it('with ALLOW_HTTP on http://: neither HSTS nor Secure cookies', async () => {
    const res = await plain.app.inject({ method: 'GET', url: '/?lang=en' });
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const token = await plain.app.inject({ method: 'GET', url: '/keranjang/token', headers: { accept: 'application/json' } });
    const cookies = [res.headers['set-cookie'], token.headers['set-cookie']].flat().filter(Boolean) as string[];
    expect(cookies.length).toBe(2);
    for (const cookie of cookies) expect(cookie, cookie).not.toMatch(/Secure/);
  });
});
