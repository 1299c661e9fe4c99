/**
 * Where uploads live (docs/storage.md): a folder (UPLOAD_DIR, shared by mounting it) or an
 * S3-compatible bucket. Its variables are validated with the rest of the environment (config.ts
 * spreads this schema into its own); their production rules are here too (storageProblems), and
 * config-production.ts reports them with the rest.
 */
import { z } from 'zod';
import { booleanFlag, type ConfigProblem, optionalText } from './config-fields';
import type { StorageSettings } from './lib/storage/types';

export const storageEnvSchema = z.object({
  STORAGE_DRIVER: z.enum(['folder', 's3'], { message: 'must be folder or s3' }).default('folder'),
  S3_BUCKET: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be a bucket name: 3 to 63 lower-case letters, digits, "." and "-"')
    .optional(),
  S3_REGION: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]{2,40}$/, 'must be a region such as us-east-1 or ap-southeast-3')
    .optional(),
  S3_ENDPOINT: z
    .string()
    .url('must be a URL such as https://s3.example.com or http://127.0.0.1:9000')
    .refine((v) => /^https?:\/\/[^/]+\/?$/.test(v), 'must be http(s)://host[:port] without a path (the bucket is S3_BUCKET)')
    .transform((v) => v.replace(/\/+$/, ''))
    .optional(),
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  S3_FORCE_PATH_STYLE: booleanFlag.optional(),
  S3_PREFIX: z
    .string()
    .regex(/^([A-Za-z0-9_-][A-Za-z0-9._-]{0,63}\/){1,4}$/, 'must be folder names each followed by "/", such as hurtrock/')
    .optional(),
});

export type StorageEnv = z.infer<typeof storageEnvSchema>;

/**
 * S3's settings, checked together: a bucket, and either both keys or neither (the SDK's own chain).
 * A problem is returned rather than thrown so this module needs nothing from config.ts, which
 * turns it into its ConfigError.
 */
export function storageSettings(env: StorageEnv): StorageSettings | ConfigProblem {
  if (env.STORAGE_DRIVER === 'folder') return { driver: 'folder' };
  if (!env.S3_BUCKET) return { variable: 'S3_BUCKET', message: 'is required when STORAGE_DRIVER=s3' };
  const keys = { S3_ACCESS_KEY_ID: env.S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: env.S3_SECRET_ACCESS_KEY };
  const missing = Object.entries(keys).find(([, v]) => !v)?.[0];
  if (missing && (keys.S3_ACCESS_KEY_ID || keys.S3_SECRET_ACCESS_KEY)) {
    return {
      variable: missing,
      message: 'is required when the other S3 key is set (set both, or neither to use the AWS credential chain)',
    };
  }
  return {
    driver: 's3',
    bucket: env.S3_BUCKET,
    // Servers other than AWS ignore the region, but the SDK signs with one.
    region: env.S3_REGION ?? 'us-east-1',
    endpoint: env.S3_ENDPOINT,
    // Most self-hosted servers (MinIO, s3rver) answer only path-style URLs; AWS prefers virtual hosts.
    forcePathStyle: env.S3_FORCE_PATH_STYLE ?? env.S3_ENDPOINT !== undefined,
    credentials:
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
        ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
        : undefined,
    prefix: env.S3_PREFIX ?? '',
  };
}

/** Loopback: an S3 server on this machine (a sidecar) may speak plain HTTP. */
function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || /^127\./.test(host);
}

/** The storage variables production rules look at (a part of config-production.ts's ProductionEnv). */
export interface StorageProductionEnv {
  ALLOW_HTTP?: boolean;
  STORAGE_DRIVER?: 'folder' | 's3';
  S3_ENDPOINT?: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
}

/** Why these storage settings are unsafe in production (config-production.ts lists them with the rest). */
export function storageProblems(env: StorageProductionEnv): ConfigProblem[] {
  if (env.STORAGE_DRIVER !== 's3' || !env.S3_ENDPOINT) return [];
  const problems: ConfigProblem[] = [];
  // AWS can hand an instance role to the SDK; another S3 server has nothing but keys.
  if (!env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY) {
    problems.push({ variable: 'S3_ACCESS_KEY_ID', message: 'and S3_SECRET_ACCESS_KEY are required in production with S3_ENDPOINT' });
  }
  // Receipts show bank accounts: they must not cross a network in clear.
  if (!env.ALLOW_HTTP && env.S3_ENDPOINT.startsWith('http://') && !isLoopbackUrl(env.S3_ENDPOINT)) {
    problems.push({
      variable: 'S3_ENDPOINT',
      message: 'must start with https:// in production (receipts travel over it), unless on loopback; or set ALLOW_HTTP=true',
    });
  }
  return problems;
}
