/**
 * Accounts rules: registration, login with lock-out, emailed links (verification, reset),
 * profile, password change and the address book. No HTTP here.
 */
import { isLocale, type Locale } from '../../lib/i18n';
import type { FailureCounter, LockPolicy } from '../../lib/rate-limit';
import { lockRemaining, LOGIN_LOCK_POLICY } from '../../lib/rate-limit';
import { hashPassword, verifyPassword } from '../../lib/passwords';
import { sha256, signToken, verifyToken } from '../../lib/tokens';
import type { OutgoingEmail } from '../../lib/mail/transport';
import type { StoreExecutor } from '../../db/store-db';
import type { CurrentUser } from '../plugins/session';
import { recordAudit } from '../audit/record';
import { resetEmail, verificationEmail } from './emails';
import type { TwoFactorService } from './two-factor/service';
import type { AccountsRepository } from './repository';
import { toCurrentUser } from './repository';
import { newPasswordError } from './schema';
import type { NewAddress } from './types';

export const VERIFY_TTL_SECONDS = 48 * 3600;
export const RESET_TTL_SECONDS = 3600;
/** Verification emails one account may trigger in a rolling hour, the registration's included. */
export const VERIFY_SENDS_PER_HOUR = 3;

export interface AccountsDeps {
  repo: AccountsRepository;
  /** Signs emailed links (the session secret; tokens are domain-separated from cookies). */
  secret: string;
  publicUrl: string;
  sendEmail(email: OutgoingEmail): Promise<void>;
  loginFailures: FailureCounter;
  lockPolicy?: LockPolicy;
  /** Second factor for staff, and the transaction that stamps a staff login with its audit entry. */
  twoFactor: TwoFactorService;
}

export type LoginResult =
  | { ok: true; user: CurrentUser }
  | { ok: false; reason: 'invalid' | 'deactivated' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number }
  /** The password was right; the login waits for the account's second factor (nothing started yet). */
  | { ok: false; reason: 'second_factor'; userId: number };

export type SecondStepResult =
  | { ok: true; user: CurrentUser }
  | { ok: false; reason: 'expired' }
  | { ok: false; reason: 'malformed' | 'wrong' | 'reused' }
  | { ok: false; reason: 'locked'; retryAfterSeconds: number };

const isStaff = (role: string) => role === 'staff' || role === 'admin';
const loginKey = (email: string) => `login:${email.toLowerCase()}`;

// A real argon2id hash of a random string: unknown emails cost as much time as wrong passwords.
let dummyHash: Promise<string> | undefined;

export function createAccountsService(deps: AccountsDeps) {
  const { repo } = deps;
  const policy = deps.lockPolicy ?? LOGIN_LOCK_POLICY;
  const localeOf = (l: string): Locale => (isLocale(l) ? l : 'id');
  const { twoFactor } = deps;

  /**
   * Stamps the last login; a staff login is also audited (A11) in the same transaction. Customers'
   * logins are not audited.
   */
  async function stampLogin(tx: StoreExecutor, user: { id: number; email: string; role: string }, ip: string | null, method: string) {
    await twoFactor.recordLogin(tx, user.id);
    if (!isStaff(user.role)) return;
    await recordAudit(
      tx,
      { id: user.id, email: user.email, role: user.role, ip },
      { action: 'staff.login', subject: { type: 'user', id: user.id, label: user.email }, after: { method } },
    );
  }

  /** A wrong password or code on a staff account: recorded with the address, no actor (nobody is signed in). */
  async function auditFailure(user: { id: number; email: string; role: string }, ip: string | null, step: 'password' | 'code') {
    if (!isStaff(user.role)) return;
    await twoFactor.transaction((tx) =>
      recordAudit(
        tx,
        { id: null, email: null, role: null, ip },
        { action: 'staff.login_failed', subject: { type: 'user', id: user.id, label: user.email }, after: { step } },
      ),
    );
  }

  async function issueLink(user: { id: number; email: string; name: string; locale: string }, purpose: 'verify' | 'reset') {
    const ttl = purpose === 'verify' ? VERIFY_TTL_SECONDS : RESET_TTL_SECONDS;
    const { token, payload } = signToken(deps.secret, { purpose, sub: user.id, ttlSeconds: ttl });
    await repo.insertToken({ userId: user.id, purpose, nonceHash: sha256(payload.nonce), expiresAt: new Date(payload.exp * 1000) });
    const path = purpose === 'verify' ? '/verifikasi-email' : '/reset-password';
    const url = `${deps.publicUrl}${path}?token=${encodeURIComponent(token)}`;
    const make = purpose === 'verify' ? verificationEmail : resetEmail;
    await deps.sendEmail(make(localeOf(user.locale), user, url));
  }

  /** Checks signature, purpose and expiry, then spends the nonce: a link works exactly once. */
  async function consumeLink(token: string, purpose: 'verify' | 'reset', spend: boolean): Promise<number | undefined> {
    const checked = verifyToken(deps.secret, token, purpose);
    if (!checked.ok) return undefined;
    const nonceHash = sha256(checked.payload.nonce);
    const userId = spend ? await repo.consumeToken(nonceHash, purpose) : await repo.findUsableToken(nonceHash, purpose);
    return userId === checked.payload.sub ? userId : undefined;
  }

  return {
    async register(input: { name: string; email: string; password: string }, locale: Locale) {
      const existing = await repo.findUserByEmail(input.email);
      if (existing) return { ok: false as const, errors: { email: 'register.emailTaken' } };
      const user = await repo.insertUser({
        name: input.name,
        email: input.email,
        passwordHash: await hashPassword(input.password),
        locale,
      });
      if (!user) return { ok: false as const, errors: { email: 'register.emailTaken' } };
      await issueLink(user, 'verify');
      return { ok: true as const, user: toCurrentUser(user) };
    },

    async login(email: string, password: string, ip: string | null = null): Promise<LoginResult> {
      const key = loginKey(email);
      const wait = lockRemaining(policy, await deps.loginFailures.failures(key));
      if (wait > 0) return { ok: false, reason: 'locked', retryAfterSeconds: wait };
      const user = await repo.findUserByEmail(email);
      const valid = user
        ? await verifyPassword(user.passwordHash, password)
        : await verifyPassword(await (dummyHash ??= hashPassword('no-such-user-' + Math.random())), password);
      if (!user || !valid) {
        await deps.loginFailures.recordFailure(key);
        if (user) await auditFailure(user, ip, 'password');
        return { ok: false, reason: 'invalid' };
      }
      // Said only to someone who knows the password, so it reveals nothing to a guesser.
      if (!user.isActive) return { ok: false, reason: 'deactivated' };
      // The failure count is kept until the code is right too: otherwise the password alone would
      // reset the lock-out and the six digits could be guessed in endless rounds.
      if (user.totpEnabledAt) return { ok: false, reason: 'second_factor', userId: user.id };
      await deps.loginFailures.reset(key);
      await twoFactor.transaction((tx) => stampLogin(tx, user, ip, 'password'));
      return { ok: true, user: toCurrentUser(user) };
    },

    /**
     * The second step: a six-digit code or a recovery code for the account whose password was right.
     * Wrong codes count against the same per-account lock-out as wrong passwords.
     */
    async completeSecondFactor(userId: number, code: string, ip: string | null = null): Promise<SecondStepResult> {
      const user = await repo.findUserById(userId);
      if (!user?.isActive || !user.totpEnabledAt) return { ok: false, reason: 'expired' };
      const key = loginKey(user.email);
      const wait = lockRemaining(policy, await deps.loginFailures.failures(key));
      if (wait > 0) return { ok: false, reason: 'locked', retryAfterSeconds: wait };
      const check = await twoFactor.transaction(async (tx) => {
        const verdict = await twoFactor.checkSecondFactor(tx, user.id, code);
        if (verdict.ok) await stampLogin(tx, user, ip, verdict.method);
        return verdict;
      });
      if (!check.ok) {
        await deps.loginFailures.recordFailure(key);
        await auditFailure(user, ip, 'code');
        return { ok: false, reason: check.reason };
      }
      await deps.loginFailures.reset(key);
      return { ok: true, user: toCurrentUser(user) };
    },

    /**
     * Sends a new verification link, at most VERIFY_SENDS_PER_HOUR a rolling hour per account (the
     * registration's included): the address may be someone else's, typed by whoever registered,
     * and must not be flooded. Returns how long to wait when the limit is reached.
     */
    async resendVerification(userId: number): Promise<{ ok: true } | { ok: false; retryAfterSeconds: number }> {
      const user = await repo.findUserById(userId);
      if (!user || user.emailVerifiedAt) return { ok: true };
      const now = Date.now();
      const sent = await repo.tokensIssuedSince(userId, 'verify', new Date(now - 3600_000));
      if (sent.length >= VERIFY_SENDS_PER_HOUR) {
        const oldest = sent[sent.length - VERIFY_SENDS_PER_HOUR]!.getTime();
        return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((oldest + 3600_000 - now) / 1000)) };
      }
      await issueLink(user, 'verify');
      return { ok: true };
    },

    /** The verified user's id, or undefined for a bad, used or expired link. */
    async verifyEmail(token: string): Promise<number | undefined> {
      const userId = await consumeLink(token, 'verify', true);
      if (!userId) return undefined;
      await repo.markEmailVerified(userId);
      return userId;
    },

    /** Same outcome whether or not the address has an account: nothing to enumerate. */
    async requestPasswordReset(email: string): Promise<void> {
      const user = await repo.findUserByEmail(email);
      if (user?.isActive) await issueLink(user, 'reset');
    },

    /** Is the reset link still usable? (Shown before the form, spent only when the form is sent.) */
    async resetLinkValid(token: string): Promise<boolean> {
      return (await consumeLink(token, 'reset', false)) !== undefined;
    },

    async resetPassword(
      token: string,
      password: string,
    ): Promise<{ ok: true; userId: number } | { ok: false; invalidLink: true } | { ok: false; error: string }> {
      const pre = await consumeLink(token, 'reset', false);
      if (!pre) return { ok: false, invalidLink: true };
      const user = await repo.findUserById(pre);
      if (!user) return { ok: false, invalidLink: true };
      const error = newPasswordError(password, user.email);
      if (error) return { ok: false, error };
      const userId = await consumeLink(token, 'reset', true);
      if (!userId) return { ok: false, invalidLink: true };
      await repo.updatePasswordHash(userId, await hashPassword(password));
      await repo.voidTokens(userId, 'reset');
      // Whoever could read the mailbox proved the address.
      await repo.markEmailVerified(userId);
      return { ok: true, userId };
    },

    async changePassword(
      userId: number,
      current: string,
      password: string,
    ): Promise<{ ok: true } | { ok: false; errors: Record<string, string> }> {
      const user = await repo.findUserById(userId);
      if (!user || !(await verifyPassword(user.passwordHash, current))) return { ok: false, errors: { current: 'account.wrongCurrent' } };
      const error = newPasswordError(password, user.email);
      if (error) return { ok: false, errors: { password: error } };
      await repo.updatePasswordHash(userId, await hashPassword(password));
      return { ok: true };
    },

    async profile(userId: number) {
      return repo.findUserById(userId);
    },
    updateProfile: (userId: number, values: { name: string; phone?: string }) =>
      repo.updateProfile(userId, { name: values.name, phone: values.phone ?? null }),
    listAddresses: (userId: number) => repo.listAddresses(userId),
    /** Guest checkout offers a login when the email already has an account (P0). */
    hasAccount: async (email: string) => (await repo.findUserByEmail(email)) !== undefined,
    addAddress: (userId: number, values: NewAddress) => repo.addAddress(userId, values),
    deleteAddress: (userId: number, id: number) => repo.deleteAddress(userId, id),
    findAddress: (userId: number, id: number) => repo.findAddress(userId, id),
    updateAddress: (userId: number, id: number, values: NewAddress) => repo.updateAddress(userId, id, values),
    setDefaultAddress: (userId: number, id: number) => repo.setDefaultAddress(userId, id),
    loadUser: async (id: number) => {
      const user = await repo.findUserById(id);
      return user ? toCurrentUser(user) : undefined;
    },
    saveLocale: (id: number, locale: Locale) => repo.setLocale(id, locale),
  };
}

export type AccountsService = ReturnType<typeof createAccountsService>;
