import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hurtrock-config-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const SECRET = 'Vt3q8ZkP0wLr6YbN2sXe9HcJ4mUa7GdF1oRi5';
const base = { DATA_DIR: dataDir };
const production = {
  ...base,
  NODE_ENV: 'production',
  PUBLIC_URL: 'https://hurtrock.example',
  SESSION_SECRET: SECRET,
  CHAT_TOKEN_SECRET: 'q7Lm2Xc9Rv4Tb8Nz1Hk6Pw3Ys5Ja0Gf-Ud_Ee',
};

function errorOf(env: Record<string, string>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('has working defaults: ports 5000/8000, PGlite folders under DATA_DIR, sample data on', () => {
    const config = loadConfig(base);
    expect(config.store.port).toBe(5000);
    expect(config.chat.port).toBe(8000);
    expect(config.store.databaseUrl).toBeUndefined();
    expect(config.pgliteDirs.store).toBe(path.join(dataDir, 'store-db'));
    expect(config.pgliteDirs.chat).toBe(path.join(dataDir, 'chat-db'));
    expect(config.uploadDir).toBe(path.join(dataDir, 'uploads'));
    expect(config.sampleData).toBe(true);
    expect(config.store.publicUrl).toBe('http://127.0.0.1:5000');
  });

  it('generates development secrets once and keeps them private', () => {
    const first = loadConfig(base);
    const second = loadConfig(base);
    expect(first.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(second.sessionSecret).toBe(first.sessionSecret);
    expect(second.chatTokenSecret).toBe(first.chatTokenSecret);
    const file = path.join(dataDir, 'secrets.json');
    expect(JSON.parse(readFileSync(file, 'utf8')).sessionSecret).toBe(first.sessionSecret);
    expect(statSync(file).mode & 0o077).toBe(0);
  });

  it('names the variable and the problem for a wrong value', () => {
    expect(errorOf({ ...base, PORT: 'abc' }).message).toBe('PORT: must be a number (got "abc")');
    expect(errorOf({ ...base, PORT: '70000' }).variable).toBe('PORT');
    expect(errorOf({ ...base, DATABASE_URL: 'mysql://x' }).message).toMatch(/^DATABASE_URL: must start with postgres/);
    expect(errorOf({ ...base, REDIS_URL: 'not a url' }).variable).toBe('REDIS_URL');
    expect(errorOf({ ...base, LOG_LEVEL: 'loud' }).variable).toBe('LOG_LEVEL');
    expect(errorOf({ ...base, NODE_ENV: 'staging' }).variable).toBe('NODE_ENV');
    expect(errorOf({ ...base, SAMPLE_DATA: 'maybe' }).variable).toBe('SAMPLE_DATA');
    expect(errorOf({ ...base, PORT: '6000', CHAT_PORT: '6000' }).variable).toBe('CHAT_PORT');
  });

  it('never echoes a secret in the error', () => {
    const error = errorOf({ ...base, ADMIN_PASSWORD: 'short' });
    expect(error.variable).toBe('ADMIN_PASSWORD');
    expect(error.message).not.toContain('short"');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ ...base, PORT: '', DATABASE_URL: '' }).store.port).toBe(5000);
  });

  it('accepts PostgreSQL and Redis URLs', () => {
    const config = loadConfig({
      ...base,
      DATABASE_URL: 'postgres://u:p@db:5432/shop',
      CHAT_DATABASE_URL: 'postgresql://u:p@db:5432/chat',
      REDIS_URL: 'redis://127.0.0.1:6379',
    });
    expect(config.store.databaseUrl).toBe('postgres://u:p@db:5432/shop');
    expect(config.chat.databaseUrl).toBe('postgresql://u:p@db:5432/chat');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
  });

  describe('upload storage', () => {
    const s3 = { ...base, STORAGE_DRIVER: 's3', S3_BUCKET: 'shop-uploads' };

    it('stores uploads in the folder by default, in a bucket with STORAGE_DRIVER=s3', () => {
      expect(loadConfig(base).storage).toEqual({ driver: 'folder' });
      expect(loadConfig({ ...base, S3_BUCKET: 'ignored' }).storage).toEqual({ driver: 'folder' });
      // AWS: virtual-hosted URLs, the SDK's own credential chain.
      expect(loadConfig(s3).storage).toEqual({
        driver: 's3',
        bucket: 'shop-uploads',
        region: 'us-east-1',
        endpoint: undefined,
        forcePathStyle: false,
        credentials: undefined,
        prefix: '',
      });
      // A self-hosted server: path-style unless told otherwise.
      const minio = loadConfig({
        ...s3,
        S3_ENDPOINT: 'http://127.0.0.1:9000/',
        S3_REGION: 'ap-southeast-3',
        S3_ACCESS_KEY_ID: 'minio',
        S3_SECRET_ACCESS_KEY: 'minio-secret',
        S3_PREFIX: 'hurtrock/',
      }).storage;
      expect(minio).toEqual({
        driver: 's3',
        bucket: 'shop-uploads',
        region: 'ap-southeast-3',
        endpoint: 'http://127.0.0.1:9000',
        forcePathStyle: true,
        credentials: { accessKeyId: 'minio', secretAccessKey: 'minio-secret' },
        prefix: 'hurtrock/',
      });
      expect(loadConfig({ ...s3, S3_ENDPOINT: 'https://s3.example', S3_FORCE_PATH_STYLE: 'false' }).storage).toMatchObject({
        forcePathStyle: false,
      });
    });

    it('names the S3 setting that is wrong or missing', () => {
      expect(errorOf({ ...base, STORAGE_DRIVER: 'ftp' }).message).toBe('STORAGE_DRIVER: must be folder or s3 (got "ftp")');
      expect(errorOf({ ...base, STORAGE_DRIVER: 's3' }).message).toBe('S3_BUCKET: is required when STORAGE_DRIVER=s3');
      expect(errorOf({ ...s3, S3_BUCKET: 'Bad_Bucket' }).variable).toBe('S3_BUCKET');
      expect(errorOf({ ...s3, S3_ENDPOINT: 'minio:9000' }).variable).toBe('S3_ENDPOINT');
      expect(errorOf({ ...s3, S3_ENDPOINT: 'https://s3.example/shop-uploads' }).variable).toBe('S3_ENDPOINT');
      expect(errorOf({ ...s3, S3_FORCE_PATH_STYLE: 'sometimes' }).variable).toBe('S3_FORCE_PATH_STYLE');
      expect(errorOf({ ...s3, S3_PREFIX: '../x/' }).variable).toBe('S3_PREFIX');
      expect(errorOf({ ...s3, S3_PREFIX: 'no-slash' }).variable).toBe('S3_PREFIX');
      expect(errorOf({ ...s3, S3_ACCESS_KEY_ID: 'key' }).message).toMatch(
        /^S3_SECRET_ACCESS_KEY: is required when the other S3 key is set/,
      );
      const secretOnly = errorOf({ ...s3, S3_SECRET_ACCESS_KEY: 'hidden-value' });
      expect(secretOnly.variable).toBe('S3_ACCESS_KEY_ID');
      expect(errorOf({ ...s3, S3_SECRET_ACCESS_KEY: 'x'.repeat(600) }).message).not.toContain('xxx');
    });

    it('in production, wants keys for a self-hosted S3 server and TLS to it off this machine', () => {
      const prod = { ...production, STORAGE_DRIVER: 's3', S3_BUCKET: 'shop-uploads' };
      // AWS with an instance role: no keys needed.
      expect(loadConfig(prod).storage).toMatchObject({ driver: 's3', credentials: undefined });
      const keys = { S3_ACCESS_KEY_ID: 'minio', S3_SECRET_ACCESS_KEY: 'minio-secret' };
      expect(errorOf({ ...prod, S3_ENDPOINT: 'https://s3.example' }).variable).toBe('S3_ACCESS_KEY_ID');
      expect(errorOf({ ...prod, ...keys, S3_ENDPOINT: 'http://10.0.0.5:9000' }).message).toMatch(/^S3_ENDPOINT: must start with https:/);
      expect(loadConfig({ ...prod, ...keys, S3_ENDPOINT: 'http://127.0.0.1:9000' }).storage).toMatchObject({
        endpoint: 'http://127.0.0.1:9000',
      });
      expect(
        loadConfig({ ...prod, ...keys, S3_ENDPOINT: 'http://10.0.0.5:9000', ALLOW_HTTP: 'true', PUBLIC_URL: '' }).storage,
      ).toMatchObject({
        driver: 's3',
      });
    });
  });

  describe('in production', () => {
    it('refuses a missing or short session secret', () => {
      expect(errorOf({ ...production, SESSION_SECRET: '' }).message).toBe('SESSION_SECRET: is required when NODE_ENV=production');
      expect(errorOf({ ...production, SESSION_SECRET: 'short-secret' }).message).toMatch(/^SESSION_SECRET: must be at least 32/);
      expect(errorOf({ ...production, CHAT_TOKEN_SECRET: '' }).variable).toBe('CHAT_TOKEN_SECRET');
    });

    it('refuses repetitive secrets and one secret used for both', () => {
      for (const trivial of [
        's'.repeat(40),
        'abc'.repeat(14),
        'changeme-changeme-changeme-changeme-',
        '0123456789'.repeat(4).slice(0, 9).repeat(5),
      ]) {
        expect(errorOf({ ...production, SESSION_SECRET: trivial }).message).toMatch(/^SESSION_SECRET: is too repetitive/);
      }
      expect(errorOf({ ...production, CHAT_TOKEN_SECRET: 'x'.repeat(48) }).variable).toBe('CHAT_TOKEN_SECRET');
      expect(errorOf({ ...production, CHAT_TOKEN_SECRET: SECRET }).message).toBe('CHAT_TOKEN_SECRET: must differ from SESSION_SECRET');
      // Development makes up its own secrets and is not checked.
      expect(loadConfig({ ...base, SESSION_SECRET: 'x'.repeat(40), CHAT_TOKEN_SECRET: 'x'.repeat(40) }).sessionSecret).toBe('x'.repeat(40));
    });

    it('trusts X-Forwarded-For only from named proxies, never from anyone', () => {
      expect(loadConfig(base).trustProxy).toBe(false);
      expect(loadConfig({ ...base, TRUST_PROXY: 'true' }).trustProxy).toBe('loopback');
      expect(loadConfig({ ...base, TRUST_PROXY: '1' }).trustProxy).toBe('loopback');
      expect(loadConfig({ ...base, TRUST_PROXY: 'false' }).trustProxy).toBe(false);
      expect(loadConfig({ ...base, TRUST_PROXY: '10.0.0.5, 10.1.0.0/16,::1' }).trustProxy).toBe('10.0.0.5,10.1.0.0/16,::1');
      expect(loadConfig({ ...base, TRUST_PROXY: 'uniquelocal' }).trustProxy).toBe('uniquelocal');
      for (const bad of ['*', 'everyone', '10.0.0.0/33', '300.1.1.1', '2'])
        expect(errorOf({ ...base, TRUST_PROXY: bad }).variable).toBe('TRUST_PROXY');
    });

    it('refuses a default admin password', () => {
      expect(errorOf({ ...production, ADMIN_PASSWORD: 'admin12345' }).variable).toBe('ADMIN_PASSWORD');
      expect(errorOf({ ...production, ADMIN_PASSWORD: 'Password123' }).variable).toBe('ADMIN_PASSWORD');
    });

    it('starts with proper secrets, and loads no sample data unless asked', () => {
      const config = loadConfig({ ...production, ADMIN_PASSWORD: 'a-long-unique-passphrase' });
      expect(config.isProduction).toBe(true);
      expect(config.sessionSecret).toBe(SECRET);
      expect(config.sampleData).toBe(false);
      expect(loadConfig({ ...production, SAMPLE_DATA: 'true' }).sampleData).toBe(true);
    });
  });
});

describe('isDefaultPassword', () => {
  it('spots default words padded with digits or symbols', async () => {
    const { isDefaultPassword } = await import('../../src/config');
    for (const weak of ['admin12345', 'Password123!', '1234567890', 'hurtrock2026', '!!admin!!!!'])
      expect(isDefaultPassword(weak)).toBe(true);
    for (const fine of ['korg-nautilus-88', 'a-long-unique-passphrase', 'admin-of-the-shop-9']) expect(isDefaultPassword(fine)).toBe(false);
  });
});
