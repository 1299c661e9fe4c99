/**
 * Users (A8): the back office's list and account page, inviting staff and admins (a set-password
 * link valid 72 hours, once), changing a role, switching an account off or on, sending a password
 * reset, resetting two-factor sign-in. Each change writes its audit entry in its own transaction;
 * a refused change writes nothing. No HTTP here: ending sessions after a deactivation is the
 * route's job (it owns the session store).
 */
import type { UserRole } from '../../db/schema';
import type { RunInTransaction, StoreTx } from '../../db/store-db';
import { isLocale, type Locale, type MessageKey } from '../../lib/i18n';
import type { OutgoingEmail } from '../../lib/mail/transport';
import { hashPassword } from '../../lib/passwords';
import { sha256, signToken, verifyToken } from '../../lib/tokens';
import { RESET_TTL_SECONDS } from '../accounts/service';
import { newPasswordError } from '../accounts/schema';
import { type AuditActor, recordAudit } from '../audit/record';
import { invitationEmail, passwordResetEmail } from './emails';
import type { UsersRepository } from './repository';
import { type AccountChangeRefusal, activeChangeRefusal, roleChangeRefusal } from './model';
import type { UserList, UserListQuery, UserPage } from './types';

export const USERS_PER_PAGE = 25;
export const INVITE_TTL_SECONDS = 72 * 3600;
export const INVITE_PURPOSE = 'invite';
/** The account page shows this many of the customer's orders and of the person's own actions. */
export const RECENT_LIMIT = 20;

export interface UsersDeps {
  repo: UsersRepository;
  transaction: RunInTransaction;
  /** Signs emailed links (the session secret, like the accounts area's links). */
  secret: string;
  publicUrl: string;
  /** Queues an email in the given transaction: it leaves only if the change commits. */
  queueEmail(email: OutgoingEmail, tx: StoreTx): Promise<void>;
  /** Wakes the email worker after a commit that queued one. */
  emailsQueued?: () => void;
}

/** The outcome of a change an admin asked for. */
export type ChangeResult = 'changed' | 'unchanged' | 'missing' | AccountChangeRefusal;

export type InviteResult = { ok: true; id: number } | { ok: false; field: 'email'; key: MessageKey };

export type AcceptResult = { ok: true; userId: number } | { ok: false; invalidLink: true } | { ok: false; error: string };

const subjectOf = (user: { id: number; email: string }) => ({ type: 'user', id: user.id, label: user.email });
const localeOf = (value: string): Locale => (isLocale(value) ? value : 'id');

export function createUsersService(deps: UsersDeps) {
  const { repo, transaction } = deps;

  /** A fresh link of the given purpose, its nonce stored hashed (single use), and its email queued. */
  async function issueLink(tx: StoreTx, userId: number, purpose: 'invite' | 'reset') {
    const ttlSeconds = purpose === 'invite' ? INVITE_TTL_SECONDS : RESET_TTL_SECONDS;
    const { token, payload } = signToken(deps.secret, { purpose, sub: userId, ttlSeconds });
    await repo.insertToken(tx, { userId, purpose, nonceHash: sha256(payload.nonce), expiresAt: new Date(payload.exp * 1000) });
    const path = purpose === 'invite' ? '/undangan' : '/reset-password';
    return `${deps.publicUrl}${path}?token=${encodeURIComponent(token)}`;
  }

  /** The invited user a link names, when the link is genuine, unexpired and unused and the invitation still open. */
  async function invitedBy(token: string) {
    const checked = verifyToken(deps.secret, token, INVITE_PURPOSE);
    if (!checked.ok) return undefined;
    const userId = await repo.usableToken(sha256(checked.payload.nonce), INVITE_PURPOSE, false);
    if (userId !== checked.payload.sub) return undefined;
    const user = await repo.find(userId);
    return user?.invitedAt && user.isActive ? { user, nonceHash: sha256(checked.payload.nonce) } : undefined;
  }

  /** Runs a change on a locked account with the active admins locked too, so the rules see settled numbers. */
  async function lockedChange(
    actor: AuditActor,
    id: number,
    decide: (tx: StoreTx, target: NonNullable<Awaited<ReturnType<UsersRepository['lock']>>>, activeAdmins: number) => Promise<ChangeResult>,
  ): Promise<ChangeResult> {
    if (actor.id === null) throw new Error('an account change needs a signed-in actor');
    return transaction(async (tx) => {
      const activeAdmins = await repo.lockActiveAdmins(tx);
      const target = await repo.lock(tx, id);
      if (!target) return 'missing';
      return decide(tx, target, activeAdmins);
    });
  }

  return {
    async list(query: UserListQuery): Promise<UserList> {
      const { rows, total } = await repo.list(query, USERS_PER_PAGE, (query.page - 1) * USERS_PER_PAGE);
      return { rows, total, pageCount: Math.max(1, Math.ceil(total / USERS_PER_PAGE)) };
    },

    async page(id: number): Promise<UserPage | undefined> {
      const user = await repo.find(id);
      if (!user) return undefined;
      const [orders, actions] = await Promise.all([repo.ordersOf(id, RECENT_LIMIT), repo.actionsOf(id, RECENT_LIMIT)]);
      return { user, orders, actions };
    },

    async invite(
      input: { name: string; email: string; role: 'staff' | 'admin'; locale: Locale },
      actor: AuditActor,
    ): Promise<InviteResult> {
      const result = await transaction(async (tx): Promise<InviteResult> => {
        const id = await repo.insertInvited(tx, input);
        if (id === undefined) return { ok: false, field: 'email', key: 'users.error.emailTaken' };
        const url = await issueLink(tx, id, 'invite');
        await deps.queueEmail(invitationEmail(input.locale, input, url, input.role), tx);
        await recordAudit(tx, actor, {
          action: 'user.invited',
          subject: subjectOf({ id, email: input.email }),
          after: { name: input.name, email: input.email, role: input.role },
        });
        return { ok: true, id };
      });
      if (result.ok) deps.emailsQueued?.();
      return result;
    },

    /** A new link for an invitation still open; the earlier links stop working. */
    async resendInvitation(id: number, actor: AuditActor): Promise<'sent' | 'missing' | 'notInvited'> {
      const result = await transaction(async (tx) => {
        const user = await repo.lock(tx, id);
        if (!user) return 'missing' as const;
        if (!user.invitedAt || !user.isActive || user.role === 'customer') return 'notInvited' as const;
        await repo.voidTokens(tx, id, INVITE_PURPOSE);
        const url = await issueLink(tx, id, 'invite');
        await deps.queueEmail(invitationEmail(localeOf(user.locale), user, url, user.role), tx);
        await recordAudit(tx, actor, { action: 'user.invited', subject: subjectOf(user), after: { resent: true } });
        return 'sent' as const;
      });
      if (result === 'sent') deps.emailsQueued?.();
      return result;
    },

    /** Who an invitation link is for (shown above the form), or undefined for a bad, used or expired link. */
    async invitation(token: string): Promise<{ name: string; email: string } | undefined> {
      const found = await invitedBy(token);
      return found ? { name: found.user.name, email: found.user.email } : undefined;
    },

    /** The invitee sets a password: the link is spent, the invitation closed, the address proven. */
    async acceptInvitation(token: string, password: string): Promise<AcceptResult> {
      const found = await invitedBy(token);
      if (!found) return { ok: false, invalidLink: true };
      const error = newPasswordError(password, found.user.email);
      if (error) return { ok: false, error };
      const passwordHash = await hashPassword(password);
      return transaction(async (tx): Promise<AcceptResult> => {
        const user = await repo.lock(tx, found.user.id);
        if (!user?.invitedAt || !user.isActive) return { ok: false, invalidLink: true };
        // Spent in the same statement that checks it: of two submissions, one wins.
        if ((await repo.usableToken(found.nonceHash, INVITE_PURPOSE, true, tx)) !== user.id) return { ok: false, invalidLink: true };
        await repo.acceptInvitation(tx, user.id, passwordHash);
        await repo.voidTokens(tx, user.id, INVITE_PURPOSE);
        return { ok: true, userId: user.id };
      });
    },

    changeRole(id: number, role: UserRole, actor: AuditActor): Promise<ChangeResult> {
      return lockedChange(actor, id, async (tx, target, activeAdmins) => {
        if (target.role === role) return 'unchanged';
        const refusal = roleChangeRefusal({ actorId: actor.id!, target, activeAdmins }, role);
        if (refusal) return refusal;
        await repo.setRole(tx, id, role);
        await recordAudit(tx, actor, { action: 'user.role', subject: subjectOf(target), before: { role: target.role }, after: { role } });
        return 'changed';
      });
    },

    /** Deactivation ends nothing by itself: the caller ends the account's sessions after this returns 'changed'. */
    setActive(id: number, active: boolean, actor: AuditActor): Promise<ChangeResult> {
      return lockedChange(actor, id, async (tx, target, activeAdmins) => {
        if (target.isActive === active) return 'unchanged';
        const refusal = activeChangeRefusal({ actorId: actor.id!, target, activeAdmins }, active);
        if (refusal) return refusal;
        await repo.setActive(tx, id, active);
        await recordAudit(tx, actor, {
          action: 'user.active',
          subject: subjectOf(target),
          before: { active: target.isActive },
          after: { active },
        });
        return 'changed';
      });
    },

    /** The same reset email people ask for on /lupa-password, sent by an admin. */
    async sendPasswordReset(id: number, actor: AuditActor): Promise<'sent' | 'missing' | 'inactive' | 'invited'> {
      const result = await transaction(async (tx) => {
        const user = await repo.lock(tx, id);
        if (!user) return 'missing' as const;
        if (!user.isActive) return 'inactive' as const;
        // An open invitation is answered with a new invitation, not a reset.
        if (user.invitedAt) return 'invited' as const;
        const url = await issueLink(tx, id, 'reset');
        await deps.queueEmail(passwordResetEmail(localeOf(user.locale), user, url), tx);
        await recordAudit(tx, actor, { action: 'user.password_reset_sent', subject: subjectOf(user) });
        return 'sent' as const;
      });
      if (result === 'sent') deps.emailsQueued?.();
      return result;
    },

    /** Two-factor off for someone who lost their phone and codes; they enrol again at their next sign-in. */
    resetTwoFactor(id: number, actor: AuditActor): Promise<'changed' | 'unchanged' | 'missing'> {
      return transaction(async (tx) => {
        const user = await repo.lock(tx, id);
        if (!user) return 'missing' as const;
        if (!user.totpEnabledAt && !user.totpSecret) return 'unchanged' as const;
        await repo.clearTwoFactor(tx, id);
        await recordAudit(tx, actor, {
          action: 'user.two_factor_disabled',
          subject: subjectOf(user),
          before: { twoFactor: user.totpEnabledAt !== null },
          after: { twoFactor: false },
        });
        return 'changed' as const;
      });
    },
  };
}

export type UsersService = ReturnType<typeof createUsersService>;
