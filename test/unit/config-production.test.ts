/**
 * X3 production mode: one test per rule, and all problems reported together, one line each.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hurtrock-prod-config-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const safe = {
  DATA_DIR: dataDir,
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://hurtrock.example',
  SESSION_SECRET: 'Vt3q8ZkP0wLr6YbN2sXe9HcJ4mUa7GdF1oRi5',
  CHAT_TOKEN_SECRET: 'q7Lm2Xc9Rv4Tb8Nz1Hk6Pw3Ys5Ja0Gf-Ud_Ee',
};

/** The lines production mode prints for this environment (empty when it starts). */
function refusals(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    if (error instanceof ConfigError) return [...error.lines];
    throw error;
  }
}

describe('production mode (NODE_ENV=production)', () => {
  it('starts with safe settings, HSTS and Secure cookies on', () => {
    const config = loadConfig(safe);
    expect(config.isProduction).toBe(true);
    expect(config.httpsOnly).toBe(true);
    expect(loadConfig({ ...safe, NODE_ENV: 'development' }).httpsOnly).toBe(false);
  });

  it('refuses missing secrets', () => {
    expect(refusals({ ...safe, SESSION_SECRET: '', CHAT_TOKEN_SECRET: '' })).toEqual([
      'SESSION_SECRET: is required when NODE_ENV=production',
      'CHAT_TOKEN_SECRET: is required when NODE_ENV=production',
    ]);
  });

  it('refuses short secrets', () => {
    expect(refusals({ ...safe, CHAT_TOKEN_SECRET: 'Xy7-short-Secret' })).toEqual([
      'CHAT_TOKEN_SECRET: must be at least 32 characters in production',
    ]);
  });

  it('refuses a default admin password', () => {
    expect(refusals({ ...safe, ADMIN_PASSWORD: 'hurtrock2026' })).toEqual([
      'ADMIN_PASSWORD: is a well-known default password; choose another for production',
    ]);
  });

  it('refuses a common admin password, or the admin email as password', () => {
    expect(refusals({ ...safe, ADMIN_PASSWORD: 'iloveyou123' })[0]).toMatch(/^ADMIN_PASSWORD: is a common password/);
    expect(refusals({ ...safe, ADMIN_EMAIL: 'owner@hurtrock.example', ADMIN_PASSWORD: 'owner@hurtrock.example' })[0]).toMatch(
      /^ADMIN_PASSWORD: is a common password/,
    );
    expect(refusals({ ...safe, ADMIN_PASSWORD: 'korg-nautilus-88-bandung' })).toEqual([]);
  });

  it('refuses an http:// PUBLIC_URL (or none) unless ALLOW_HTTP=true, which also turns HSTS and Secure cookies off', () => {
    expect(refusals({ ...safe, PUBLIC_URL: 'http://hurtrock.example' })[0]).toMatch(/^PUBLIC_URL: must start with https:\/\//);
    expect(refusals({ ...safe, PUBLIC_URL: '' })[0]).toMatch(/^PUBLIC_URL: is required in production/);
    const plain = loadConfig({ ...safe, PUBLIC_URL: 'http://192.168.1.10:5000', ALLOW_HTTP: 'true' });
    expect(plain.httpsOnly).toBe(false);
  });

  it('refuses Midtrans in sandbox mode unless ALLOW_SANDBOX=true', () => {
    expect(refusals({ ...safe, MIDTRANS_SERVER_KEY: 'Mid-server-abc' })[0]).toMatch(/^MIDTRANS_SERVER_KEY: is used in sandbox mode/);
    expect(refusals({ ...safe, MIDTRANS_SERVER_KEY: 'SB-Mid-server-abc', MIDTRANS_IS_PRODUCTION: 'true' })[0]).toMatch(
      /^MIDTRANS_SERVER_KEY: /,
    );
    expect(refusals({ ...safe, MIDTRANS_IS_PRODUCTION: 'false' })[0]).toMatch(/^MIDTRANS_IS_PRODUCTION: is false/);
    expect(refusals({ ...safe, MIDTRANS_SERVER_KEY: 'Mid-server-abc', MIDTRANS_IS_PRODUCTION: 'true' })).toEqual([]);
    expect(refusals({ ...safe, MIDTRANS_SERVER_KEY: 'SB-Mid-server-abc', ALLOW_SANDBOX: 'true' })).toEqual([]);
  });

  it('refuses a Stripe test-mode key unless ALLOW_SANDBOX=true', () => {
    expect(refusals({ ...safe, STRIPE_SECRET_KEY: 'sk_test_123' })[0]).toMatch(/^STRIPE_SECRET_KEY: is a test-mode key/);
    expect(refusals({ ...safe, STRIPE_SECRET_KEY: 'sk_live_123' })).toEqual([]);
    expect(refusals({ ...safe, STRIPE_SECRET_KEY: 'sk_test_123', ALLOW_SANDBOX: 'true' })).toEqual([]);
  });

  it('reports every problem at once, one line each', () => {
    const lines = refusals({ DATA_DIR: dataDir, NODE_ENV: 'production', ADMIN_PASSWORD: 'admin12345', STRIPE_SECRET_KEY: 'sk_test_1' });
    expect(lines.map((l) => l.split(':')[0])).toEqual([
      'SESSION_SECRET',
      'CHAT_TOKEN_SECRET',
      'ADMIN_PASSWORD',
      'PUBLIC_URL',
      'STRIPE_SECRET_KEY',
    ]);
    expect(lines.every((l) => !l.includes('\n'))).toBe(true);
  });
});
