/**
 * X3 production mode: with NODE_ENV=production the services refuse settings that are fine for
 * trying the shop but unsafe for real customers. Every problem is reported at once, one line
 * each, so an operator fixes the env file in one go instead of restarting once per mistake.
 *
 * Only the environment is checked here. Payment settings saved in the back office live in the
 * database, which this check (run by every process before it opens a database) cannot read; the
 * back office's payments page shows their sandbox/production state.
 */
import type { ConfigProblem } from './config-fields';
import { type StorageProductionEnv, storageProblems } from './config-storage';
import { passwordProblem } from './store/accounts/policy';

export const MIN_SECRET_LENGTH = 32;

/** The production-relevant variables, already validated by the schema in config.ts. */
export interface ProductionEnv extends StorageProductionEnv {
  SESSION_SECRET?: string;
  CHAT_TOKEN_SECRET?: string;
  ADMIN_EMAIL: string;
  ADMIN_PASSWORD?: string;
  PUBLIC_URL?: string;
  ALLOW_HTTP?: boolean;
  ALLOW_SANDBOX?: boolean;
  MIDTRANS_SERVER_KEY?: string;
  MIDTRANS_IS_PRODUCTION?: boolean;
  STRIPE_SECRET_KEY?: string;
}

/**
 * Well-known default passwords: a word from this list followed only by digits or symbols
 * ("admin12345", "Password123!", "1234567890") never protects a production admin account.
 */
const WEAK_PASSWORD_STEMS = new Set([
  '',
  'admin',
  'administrator',
  'password',
  'passw0rd',
  'hurtrock',
  'changeme',
  'secret',
  'qwerty',
  'qwertyuiop',
  'letmein',
  'welcome',
  'toko',
  'rahasia',
]);

export function isDefaultPassword(password: string): boolean {
  return WEAK_PASSWORD_STEMS.has(
    password
      .toLowerCase()
      .replace(/[^a-z]+$/, '')
      .replace(/^[^a-z]+/, ''),
  );
}

/**
 * A secret made of few distinct characters or one short pattern repeated ("aaaa…", "abcabc…",
 * "changeme-changeme-…") has little entropy whatever its length.
 */
export function looksTrivial(secret: string): boolean {
  if (new Set(secret).size < 10) return true;
  for (let period = 1; period <= secret.length / 2; period++) {
    let repeats = true;
    for (let i = period; i < secret.length && repeats; i++) repeats = secret[i] === secret[i - period];
    if (repeats) return true;
  }
  return false;
}

function secretProblems(env: ProductionEnv): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const variable of ['SESSION_SECRET', 'CHAT_TOKEN_SECRET'] as const) {
    const value = env[variable];
    if (!value) problems.push({ variable, message: 'is required when NODE_ENV=production' });
    else if (value.length < MIN_SECRET_LENGTH) {
      problems.push({ variable, message: `must be at least ${MIN_SECRET_LENGTH} characters in production` });
    } else if (looksTrivial(value)) {
      problems.push({ variable, message: 'is too repetitive to be secret; generate one, e.g. `openssl rand -base64 48`' });
    }
  }
  // One leaked secret must not give away the other (sessions and chat tokens are signed apart).
  if (env.SESSION_SECRET && env.SESSION_SECRET === env.CHAT_TOKEN_SECRET) {
    problems.push({ variable: 'CHAT_TOKEN_SECRET', message: 'must differ from SESSION_SECRET' });
  }
  return problems;
}

function adminPasswordProblems(env: ProductionEnv): ConfigProblem[] {
  // Unset is fine: the store then generates a random password for the first admin and prints it once.
  const password = env.ADMIN_PASSWORD;
  if (!password) return [];
  if (isDefaultPassword(password)) {
    return [{ variable: 'ADMIN_PASSWORD', message: 'is a well-known default password; choose another for production' }];
  }
  const problem = passwordProblem(password, env.ADMIN_EMAIL);
  if (problem === 'common' || problem === 'sameAsEmail') {
    return [{ variable: 'ADMIN_PASSWORD', message: 'is a common password (or the admin email); choose another for production' }];
  }
  return [];
}

function transportProblems(env: ProductionEnv): ConfigProblem[] {
  if (env.ALLOW_HTTP) return [];
  if (!env.PUBLIC_URL) {
    return [{ variable: 'PUBLIC_URL', message: 'is required in production (the https:// address customers use); or set ALLOW_HTTP=true' }];
  }
  if (!env.PUBLIC_URL.startsWith('https://')) {
    return [
      {
        variable: 'PUBLIC_URL',
        message: 'must start with https:// in production (passwords and sessions travel over it); or set ALLOW_HTTP=true',
      },
    ];
  }
  return [];
}

function sandboxProblems(env: ProductionEnv): ConfigProblem[] {
  if (env.ALLOW_SANDBOX) return [];
  const problems: ConfigProblem[] = [];
  const hint = 'customers would be sent to a test payment page; set ALLOW_SANDBOX=true if intended';
  // MIDTRANS_IS_PRODUCTION=false also forces keys saved in the back office into the sandbox.
  if (env.MIDTRANS_IS_PRODUCTION === false) {
    problems.push({ variable: 'MIDTRANS_IS_PRODUCTION', message: `is false (Midtrans sandbox): ${hint}` });
  } else if (env.MIDTRANS_SERVER_KEY && (env.MIDTRANS_IS_PRODUCTION !== true || env.MIDTRANS_SERVER_KEY.startsWith('SB-'))) {
    problems.push({
      variable: 'MIDTRANS_SERVER_KEY',
      message: `is used in sandbox mode (a sandbox key, or MIDTRANS_IS_PRODUCTION is not true): ${hint}`,
    });
  }
  if (env.STRIPE_SECRET_KEY && /^(sk|rk)_test_/.test(env.STRIPE_SECRET_KEY)) {
    problems.push({ variable: 'STRIPE_SECRET_KEY', message: `is a test-mode key: ${hint}` });
  }
  return problems;
}

/** Every reason the environment is unsafe for production, in a stable order; empty when it is fine. */
export function productionProblems(env: ProductionEnv): ConfigProblem[] {
  return [
    ...secretProblems(env),
    ...adminPasswordProblems(env),
    ...transportProblems(env),
    ...sandboxProblems(env),
    ...storageProblems(env),
  ];
}
