/**
 * A local S3-compatible server for tests: s3rver (npm, devDependency), started in this process on
 * a random loopback port with one bucket in a temporary folder. It signs-checks requests with
 * the keys below, speaks path-style URLs only, and keeps objects on disk.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';
import type { StorageSettings } from '../../src/lib/storage/types';

export const S3_TEST_BUCKET = 'hurtrock-test';
/** s3rver accepts these and only these. */
const KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface TestS3Server {
  endpoint: string;
  /** The S3 driver's settings for this server; a prefix keeps one test's objects apart from another's. */
  settings(prefix?: string): Extract<StorageSettings, { driver: 's3' }>;
  /** The same as environment variables, for loadConfig(). */
  env(prefix?: string): Record<string, string>;
  close(): Promise<void>;
}

export async function startS3Server(): Promise<TestS3Server> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'hurtrock-s3rver-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: S3_TEST_BUCKET }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    settings: (prefix = '') => ({
      driver: 's3',
      bucket: S3_TEST_BUCKET,
      region: 'us-east-1',
      endpoint,
      forcePathStyle: true,
      credentials: KEYS,
      prefix,
    }),
    env: (prefix) => ({
      STORAGE_DRIVER: 's3',
      S3_BUCKET: S3_TEST_BUCKET,
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: KEYS.accessKeyId,
      S3_SECRET_ACCESS_KEY: KEYS.secretAccessKey,
      ...(prefix ? { S3_PREFIX: prefix } : {}),
    }),
    async close() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
