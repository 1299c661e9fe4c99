/**
 * Two-factor sign-in for staff (U6): enrolment (a pending secret, confirmed with a code), recovery
 * codes, switching off, and checking a second factor at login. Every change that matters writes its
 * audit entry in the same transaction. No HTTP here.
 */
import type { SecretBox } from '../../../lib/secret-box';
import type { StoreExecutor } from '../../../db/store-db';
import { verifyPassword } from '../../../lib/passwords';
import { type AuditActor, recordAudit } from '../../audit/record';
import { hashRecoveryCode, newRecoveryCodes, normalizeRecoveryCode } from './recovery-codes';
import type { TwoFactorRepository, TwoFactorRow } from './repository';
import { checkTotp, newTotpSecret, normalizeTotpCode, totpUri } from './totp';

export interface TwoFactorDeps {
  repo: TwoFactorRepository;
  box: SecretBox;
  /** Whether the shop requires two-factor sign-in for staff and admins (shop settings). */
  requiredForStaff: () => Promise<boolean>;
  clock?: () => Date;
}

export interface TwoFactorStatus {
  enabled: boolean;
  /** The unconfirmed secret (base32) and its otpauth:// URI, while an enrolment is under way. */
  pending?: { secret: string; uri: string };
  unusedCodes: number;
  required: boolean;
}

/** Why a code was refused; each maps to a field message. */
export type CodeRefusal = 'malformed' | 'wrong' | 'reused';
export type SecondFactorCheck = { ok: true; method: 'totp' | 'recovery' } | { ok: false; reason: CodeRefusal };

const subjectOf = (row: Pick<TwoFactorRow, 'id' | 'email'>) => ({ type: 'user', id: row.id, label: row.email });

export function createTwoFactorService(deps: TwoFactorDeps) {
  const { repo, box } = deps;
  const now = () => (deps.clock ? deps.clock() : new Date()).getTime();
  const secretOf = (row: TwoFactorRow) => (row.totpSecret ? box.open(row.totpSecret) : undefined);

  /** A TOTP code checked and its step claimed inside `tx` (the claim is what stops a replay). */
  async function acceptTotp(tx: StoreExecutor, row: TwoFactorRow, input: string): Promise<SecondFactorCheck> {
    const secret = secretOf(row);
    if (!secret) return { ok: false, reason: 'wrong' };
    const check = checkTotp(secret, input, now(), row.totpLastStep);
    if (!check.ok) return check;
    if (!(await repo.claimStep(tx, row.id, check.step))) return { ok: false, reason: 'reused' };
    return { ok: true, method: 'totp' };
  }

  async function issueCodes(tx: StoreExecutor, userId: number): Promise<string[]> {
    const codes = newRecoveryCodes();
    await repo.replaceRecoveryCodes(tx, userId, codes.map(hashRecoveryCode));
    return codes;
  }

  return {
    requiredForStaff: () => deps.requiredForStaff(),

    async status(userId: number): Promise<TwoFactorStatus | undefined> {
      const row = await repo.find(userId);
      if (!row) return undefined;
      const enabled = row.totpEnabledAt !== null;
      const secret = !enabled ? secretOf(row) : undefined;
      return {
        enabled,
        pending: secret ? { secret, uri: totpUri(secret, row.email) } : undefined,
        unusedCodes: enabled ? await repo.unusedRecoveryCodes(userId) : 0,
        required: await deps.requiredForStaff(),
      };
    },

    /** Starts (or restarts) an enrolment with a new secret; false when two-factor is already on. */
    async begin(userId: number): Promise<boolean> {
      return repo.savePendingSecret(userId, box.seal(newTotpSecret()));
    },

    /** Confirms the enrolment with a current code: switched on, ten recovery codes returned (shown once). */
    async confirm(
      userId: number,
      code: string,
      actor: AuditActor,
    ): Promise<{ ok: true; codes: string[] } | { ok: false; reason: CodeRefusal | 'not_pending' }> {
      return repo.transaction(async (tx) => {
        const row = await repo.find(userId, tx);
        if (!row || row.totpEnabledAt || !row.totpSecret) return { ok: false, reason: 'not_pending' } as const;
        const check = await acceptTotp(tx, row, code);
        if (!check.ok) return check;
        if (!(await repo.enable(tx, userId))) return { ok: false, reason: 'not_pending' } as const;
        const codes = await issueCodes(tx, userId);
        await recordAudit(tx, actor, {
          action: 'user.two_factor_enabled',
          subject: subjectOf(row),
          before: { twoFactor: false },
          after: { twoFactor: true, recoveryCodes: codes.length },
        });
        return { ok: true, codes } as const;
      });
    },

    /** A new set of ten codes (the old ones stop working), after a current code. */
    async regenerateCodes(
      userId: number,
      code: string,
      actor: AuditActor,
    ): Promise<{ ok: true; codes: string[] } | { ok: false; reason: CodeRefusal | 'not_enabled' }> {
      return repo.transaction(async (tx) => {
        const row = await repo.find(userId, tx);
        if (!row?.totpEnabledAt) return { ok: false, reason: 'not_enabled' } as const;
        const check = await acceptTotp(tx, row, code);
        if (!check.ok) return check;
        const codes = await issueCodes(tx, userId);
        await recordAudit(tx, actor, { action: 'user.recovery_codes', subject: subjectOf(row), after: { recoveryCodes: codes.length } });
        return { ok: true, codes } as const;
      });
    },

    /**
     * Switches two-factor off after a current code or the password. Refused while the shop requires
     * it for staff (an admin who must keep it cannot remove it from their own page).
     */
    async disable(
      userId: number,
      proof: { code?: string; password?: string },
      actor: AuditActor,
    ): Promise<{ ok: true } | { ok: false; reason: 'required' | 'not_enabled' | 'wrong' | 'reused' | 'malformed' }> {
      if (await deps.requiredForStaff()) return { ok: false, reason: 'required' };
      return repo.transaction(async (tx) => {
        const row = await repo.find(userId, tx);
        if (!row?.totpEnabledAt) return { ok: false, reason: 'not_enabled' } as const;
        if (proof.code) {
          const check = await acceptTotp(tx, row, proof.code);
          if (!check.ok) return check;
        } else if (!proof.password || !(await verifyPassword(row.passwordHash, proof.password))) {
          return { ok: false, reason: 'wrong' } as const;
        }
        await repo.disable(tx, userId);
        await recordAudit(tx, actor, {
          action: 'user.two_factor_disabled',
          subject: subjectOf(row),
          before: { twoFactor: true },
          after: { twoFactor: false, confirmedWith: proof.code ? 'code' : 'password' },
        });
        return { ok: true } as const;
      });
    },

    /**
     * The second step of a login, inside the caller's transaction: a six-digit code (step claimed)
     * or a recovery code (spent). Anything else is refused.
     */
    async checkSecondFactor(tx: StoreExecutor, userId: number, input: string): Promise<SecondFactorCheck> {
      const row = await repo.find(userId, tx);
      if (!row?.totpEnabledAt) return { ok: false, reason: 'wrong' };
      if (normalizeTotpCode(input)) return acceptTotp(tx, row, input);
      const recovery = normalizeRecoveryCode(input);
      if (!recovery) return { ok: false, reason: 'malformed' };
      return (await repo.spendRecoveryCode(tx, userId, hashRecoveryCode(recovery)))
        ? { ok: true, method: 'recovery' }
        : { ok: false, reason: 'wrong' };
    },

    /** Last-login stamp and the audit entry of a staff login, in one transaction (used by the accounts service). */
    transaction: repo.transaction,
    recordLogin: repo.recordLogin,
  };
}

export type TwoFactorService = ReturnType<typeof createTwoFactorService>;
