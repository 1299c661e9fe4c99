import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config';

const base = { NODE_ENV: 'test', DATA_DIR: '/tmp/hurtrock-config-test', SESSION_SECRET: 's'.repeat(40), CHAT_TOKEN_SECRET: 'c'.repeat(40) };

describe('mail configuration', () => {
  it('writes to DATA_DIR/outbox without SMTP_URL', () => {
    const config = loadConfig(base);
    expect(config.mail).toEqual({
      smtpUrl: undefined,
      from: 'Hurtrock Music Store <no-reply@hurtrock.local>',
      outboxDir: '/tmp/hurtrock-config-test/outbox',
    });
  });
  it('accepts smtp:// and smtps:// URLs', () => {
    expect(loadConfig({ ...base, SMTP_URL: 'smtps://user:pw@smtp.example.com:465' }).mail.smtpUrl).toBe(
      'smtps://user:pw@smtp.example.com:465',
    );
  });
  it('refuses other URLs without echoing the value (it may hold a password)', () => {
    expect(() => loadConfig({ ...base, SMTP_URL: 'http://user:secretpw@smtp.example.com' })).toThrow(/SMTP_URL: must start with smtp/);
    expect(() => loadConfig({ ...base, SMTP_URL: 'http://user:secretpw@smtp.example.com' })).not.toThrow(/secretpw/);
  });
});
