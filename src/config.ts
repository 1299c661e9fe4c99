/**
 * Every setting of both services comes from the environment (and `.env`), validated once at
 * start-up. A wrong value stops the start with one line that names the variable.
 */
import { isIP } from 'node:net';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { booleanFlag, optionalText } from './config-fields';
import { productionProblems } from './config-production';
import { storageEnvSchema, storageSettings } from './config-storage';
import { loadOrCreateDevSecrets } from './lib/dev-secrets';
import type { StorageSettings } from './lib/storage/types';

// Kept importable from here: callers and tests knew them as part of the configuration module.
export { isDefaultPassword, looksTrivial } from './config-production';

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
    /** All problems found, one line each ("VARIABLE: message"); production checks report them together. */
    readonly lines: readonly string[] = [`${variable}: ${message}`],
  ) {
    super(lines.join('\n'));
    this.name = 'ConfigError';
  }
}

/** Exit code used when the configuration is wrong, so the launcher does not restart in a loop. */
export const CONFIG_ERROR_EXIT_CODE = 78;

const port = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be between 1 and 65535')
  .max(65535, 'must be between 1 and 65535');

const postgresUrl = z
  .string()
  .url('must be a URL such as postgres://user:pass@host:5432/db')
  .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must start with postgres:// or postgresql://');

const redisUrl = z
  .string()
  .url('must be a URL such as redis://127.0.0.1:6379')
  .refine((v) => /^rediss?:\/\//.test(v), 'must start with redis:// or rediss://');

export type TrustProxy = false | string;
const PROXY_KEYWORDS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** An IPv4/IPv6 address, optionally with a /prefix, as proxy-addr accepts them. */
function isAddressOrCidr(value: string): boolean {
  const [address, prefix, ...rest] = value.split('/');
  if (rest.length > 0 || !address || isIP(address) === 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (isIP(address) === 4 ? 32 : 128);
}

const httpBase = z
  .string()
  .url('must be a URL such as https://api.example.com')
  .refine((v) => /^https?:\/\//.test(v), 'must start with http:// or https://')
  .transform((v) => v.replace(/\/+$/, ''));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test'], { message: 'must be development, production or test' }).default('development'),
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  PORT: port.default(5000),
  CHAT_PORT: port.default(8000),
  PUBLIC_URL: z.string().url('must be a URL such as https://hurtrock.example').optional(),
  CHAT_URL: z.string().url('must be a URL such as http://127.0.0.1:8000').optional(),
  // What the store's /readyz asks to know the chat service is up; "off" = do not check it.
  CHAT_HEALTH_URL: z
    .string()
    .refine((v) => v === 'off' || /^https?:\/\/\S+$/.test(v), 'must be a URL such as http://127.0.0.1:8000/healthz, or off')
    .optional(),
  DATA_DIR: z.string().min(1, 'must not be empty').default('./data'),
  UPLOAD_DIR: z.string().min(1, 'must not be empty').optional(),
  // STORAGE_DRIVER and S3_* (config-storage.ts), spread here: the first wrong variable in this order is the one reported.
  ...storageEnvSchema.shape,
  DATABASE_URL: postgresUrl.optional(),
  CHAT_DATABASE_URL: postgresUrl.optional(),
  REDIS_URL: redisUrl.optional(),
  SESSION_SECRET: z.string().optional(),
  CHAT_TOKEN_SECRET: z.string().optional(),
  ADMIN_EMAIL: z.string().email('must be an email address').default('admin@hurtrock.local'),
  ADMIN_PASSWORD: z.string().min(10, 'must be at least 10 characters').optional(),
  SAMPLE_DATA: booleanFlag.optional(),
  // Production mode's escape hatches (X3): serve plain HTTP (no TLS anywhere in front), use payment sandboxes.
  ALLOW_HTTP: booleanFlag.optional(),
  ALLOW_SANDBOX: booleanFlag.optional(),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
      message: 'must be one of fatal, error, warn, info, debug, trace, silent',
    })
    .default('info'),
  // Which proxies may set X-Forwarded-For: "false"; "true" = a reverse proxy on this machine
  // (loopback); or the proxies' addresses/CIDRs (and proxy-addr's loopback, linklocal,
  // uniquelocal), comma-separated. Never "trust anyone": the leftmost X-Forwarded-For is whatever
  // the client wrote, and per-IP limits would believe it. The client is the first address, from
  // the right, that is not a trusted proxy.
  TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .transform((v, ctx): TrustProxy => {
      const value = v.toLowerCase();
      if (['false', '0', 'no', ''].includes(value)) return false;
      if (['true', '1', 'yes'].includes(value)) return 'loopback';
      const parts = value.split(',').map((p) => p.trim());
      if (parts.every((p) => PROXY_KEYWORDS.has(p) || isAddressOrCidr(p))) return parts.join(',');
      ctx.addIssue({ code: 'custom', message: 'must be false, true (a proxy on this machine) or the proxies’ addresses, comma-separated' });
      return z.NEVER;
    }),
  SUGGEST_RATE_LIMIT: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .default(120),
  API_RATE_LIMIT: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').min(1, 'must be at least 1').default(300),
  SMTP_URL: z
    .string()
    .url('must be a URL such as smtps://user:pass@smtp.example.com:465')
    .refine((v) => /^smtps?:\/\//.test(v), 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z
    .string()
    .min(3, 'must be an address such as "Hurtrock <toko@hurtrock.example>"')
    .default('Hurtrock Music Store <no-reply@hurtrock.local>'),
  // Payment providers (P3, P4, P6): set here, a value wins over the one saved in the back office.
  MIDTRANS_SERVER_KEY: optionalText,
  MIDTRANS_CLIENT_KEY: optionalText,
  MIDTRANS_IS_PRODUCTION: booleanFlag.optional(),
  STRIPE_SECRET_KEY: optionalText,
  STRIPE_WEBHOOK_SECRET: optionalText,
  // Other servers for the providers' APIs (staging, tests): the official SDKs are pointed at them.
  STRIPE_API_BASE: httpBase.optional(),
  MIDTRANS_API_BASE: httpBase.optional(),
  MIDTRANS_SNAP_BASE: httpBase.optional(),
  // Seals the payment keys saved in the back office (AES-256-GCM); derived from SESSION_SECRET when unset.
  SETTINGS_ENCRYPTION_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  // The bearer token Prometheus sends to /metrics; without it /metrics is off.
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').max(500, 'is too long').optional(),
  // How long a SIGTERM may take: in-flight requests and sockets get this long, then the process exits.
  SHUTDOWN_TIMEOUT_MS: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(100, 'must be at least 100')
    .max(600_000, 'must be at most 600000')
    .default(10_000),
});

export type Env = z.infer<typeof envSchema>;

/** The providers' settings from the environment; each set value wins over the back office's. */
export interface PaymentsConfig {
  midtrans: { serverKey?: string; clientKey?: string; production?: boolean; apiBase?: string; snapBase?: string };
  stripe: { secretKey?: string; webhookSecret?: string; apiBase?: string };
  /** The secret the back office's saved keys are sealed with. */
  sealingSecret: string;
}

export interface Config {
  env: Env['NODE_ENV'];
  isProduction: boolean;
  /**
   * HSTS, `Secure` cookies and upgrade-insecure-requests: production served over https. Off with
   * ALLOW_HTTP and an http:// PUBLIC_URL, where Secure cookies would make logging in impossible.
   */
  httpsOnly: boolean;
  host: string;
  store: { port: number; publicUrl: string; databaseUrl: string | undefined };
  /** healthUrl: what the store's /readyz checks (undefined with CHAT_HEALTH_URL=off). */
  chat: { port: number; url: string; databaseUrl: string | undefined; healthUrl: string | undefined };
  dataDir: string;
  /** The folder driver's public folder (private uploads go beside it); unused by the S3 driver. */
  uploadDir: string;
  /** Where uploads are stored (STORAGE_DRIVER and S3_*). */
  storage: StorageSettings;
  /** PGlite folders, used when no database URL is given. */
  pgliteDirs: { store: string; chat: string };
  redisUrl: string | undefined;
  sessionSecret: string;
  chatTokenSecret: string;
  admin: { email: string; password: string | undefined };
  sampleData: boolean;
  logLevel: Env['LOG_LEVEL'];
  /** Fastify's trustProxy: false or the trusted proxies' addresses (never `true`: see TRUST_PROXY). */
  trustProxy: TrustProxy;
  /** SMTP server for outgoing mail; undefined = write .eml files to `outboxDir`. */
  mail: { smtpUrl: string | undefined; from: string; outboxDir: string };
  /** Autocomplete requests allowed per client per minute. */
  suggestRateLimit: number;
  /** Signed-in JSON API requests allowed per minute: per personal access token, or per account for cookie callers. */
  apiRateLimit: number;
  payments: PaymentsConfig;
  /** Bearer token for /metrics; undefined = no /metrics at all. */
  metricsToken: string | undefined;
  /** The bound on a graceful shutdown (SIGTERM → exit). */
  shutdownTimeoutMs: number;
}

/** Reads `.env` from the working directory, without overriding variables already set. */
export function loadDotEnv(cwd = process.cwd()): void {
  const file = path.join(cwd, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Validates the environment and builds the typed configuration, or throws a ConfigError. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? 'environment');
    const got = raw[variable];
    const shown = got === undefined || /SECRET|PASSWORD|_URL/.test(variable) ? '' : ` (got "${got}")`;
    throw new ConfigError(variable, `${issue.message}${shown}`);
  }
  const env = parsed.data;
  const isProduction = env.NODE_ENV === 'production';

  if (isProduction) {
    const problems = productionProblems(env);
    if (problems.length > 0) {
      const first = problems[0]!;
      throw new ConfigError(
        first.variable,
        first.message,
        problems.map((p) => `${p.variable}: ${p.message}`),
      );
    }
  }

  const dataDir = path.resolve(env.DATA_DIR);
  const needsDevSecrets = !env.SESSION_SECRET || !env.CHAT_TOKEN_SECRET;
  const devSecrets = needsDevSecrets ? loadOrCreateDevSecrets(dataDir) : undefined;

  if (env.PORT === env.CHAT_PORT) throw new ConfigError('CHAT_PORT', `must differ from PORT (both ${env.PORT})`);
  const storage = storageSettings(env);
  if ('variable' in storage) throw new ConfigError(storage.variable, storage.message);

  const displayHost = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST;
  const chatUrl = (env.CHAT_URL ?? `http://127.0.0.1:${env.CHAT_PORT}`).replace(/\/+$/, '');
  const publicUrl = (env.PUBLIC_URL ?? `http://${displayHost}:${env.PORT}`).replace(/\/+$/, '');
  return {
    env: env.NODE_ENV,
    isProduction,
    httpsOnly: isProduction && publicUrl.startsWith('https://'),
    host: env.HOST,
    store: {
      port: env.PORT,
      publicUrl,
      databaseUrl: env.DATABASE_URL,
    },
    chat: {
      port: env.CHAT_PORT,
      url: chatUrl,
      databaseUrl: env.CHAT_DATABASE_URL,
      healthUrl: env.CHAT_HEALTH_URL === 'off' ? undefined : (env.CHAT_HEALTH_URL ?? `${chatUrl}/healthz`),
    },
    dataDir,
    uploadDir: path.resolve(env.UPLOAD_DIR ?? path.join(dataDir, 'uploads')),
    storage,
    pgliteDirs: { store: path.join(dataDir, 'store-db'), chat: path.join(dataDir, 'chat-db') },
    redisUrl: env.REDIS_URL,
    sessionSecret: env.SESSION_SECRET ?? devSecrets!.sessionSecret,
    chatTokenSecret: env.CHAT_TOKEN_SECRET ?? devSecrets!.chatTokenSecret,
    admin: { email: env.ADMIN_EMAIL.trim().toLowerCase(), password: env.ADMIN_PASSWORD },
    sampleData: env.SAMPLE_DATA ?? !isProduction,
    logLevel: env.LOG_LEVEL,
    trustProxy: env.TRUST_PROXY,
    mail: { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, outboxDir: path.join(dataDir, 'outbox') },
    suggestRateLimit: env.SUGGEST_RATE_LIMIT,
    apiRateLimit: env.API_RATE_LIMIT,
    payments: {
      midtrans: {
        serverKey: env.MIDTRANS_SERVER_KEY,
        clientKey: env.MIDTRANS_CLIENT_KEY,
        production: env.MIDTRANS_IS_PRODUCTION,
        apiBase: env.MIDTRANS_API_BASE,
        snapBase: env.MIDTRANS_SNAP_BASE,
      },
      stripe: { secretKey: env.STRIPE_SECRET_KEY, webhookSecret: env.STRIPE_WEBHOOK_SECRET, apiBase: env.STRIPE_API_BASE },
      sealingSecret: env.SETTINGS_ENCRYPTION_KEY ?? env.SESSION_SECRET ?? devSecrets!.sessionSecret,
    },
    metricsToken: env.METRICS_TOKEN,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_MS,
  };
}

/**
 * Loads `.env` and the configuration for a process entry point; on a bad value prints one line
 * naming the variable and exits with CONFIG_ERROR_EXIT_CODE (no stack trace).
 */
export function loadConfigOrExit(): Config {
  try {
    loadDotEnv();
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const line of error.lines) process.stderr.write(`Configuration error: ${line}\n`);
      process.exit(CONFIG_ERROR_EXIT_CODE);
    }
    throw error;
  }
}
