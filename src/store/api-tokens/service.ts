/**
 * Personal access tokens (X10): a customer creates one on the account page (the secret is shown
 * once), sees its name, scope and use, and revokes it; the API's auth hook finds the token behind a
 * presented secret. Creation and revocation are audited in their own transaction.
 */
import type { RunInTransaction } from '../../db/store-db';
import { type AuditActor, recordAudit } from '../audit/record';
import type { ApiTokenRepository } from './repository';
import type { NewToken } from './schema';
import { HINT_LENGTH, hashTokenSecret, newTokenSecret } from './secret';
import type { TokenIdentity, TokenSummary } from './types';

/** Live tokens one account may hold: enough for a few scripts, few enough to keep track of. */
export const MAX_LIVE_TOKENS = 10;
/** How many rows (live and revoked) the account page lists. */
const LIST_LIMIT = 50;
/** `last_used_at` is precise to this much. */
const TOUCH_EVERY_MS = 60_000;

export type CreateResult = { ok: true; token: TokenSummary; secret: string } | { ok: false; reason: 'limit' };

export function createApiTokenService(deps: { repo: ApiTokenRepository; transaction: RunInTransaction; clock?: () => Date }) {
  const { repo } = deps;
  const now = deps.clock ?? (() => new Date());

  return {
    list: (userId: number) => repo.listForUser(userId, LIST_LIMIT),

    /** The secret is in the result only: nothing can show it again. */
    async create(userId: number, input: NewToken, actor: AuditActor): Promise<CreateResult> {
      const secret = newTokenSecret();
      return deps.transaction(async (tx): Promise<CreateResult> => {
        await repo.lockOwner(tx, userId);
        if ((await repo.countLive(tx, userId)) >= MAX_LIVE_TOKENS) return { ok: false, reason: 'limit' };
        const token = await repo.insert(tx, {
          userId,
          name: input.name,
          scope: input.scope,
          secretHash: hashTokenSecret(secret),
          hint: secret.slice(0, HINT_LENGTH),
        });
        await recordAudit(tx, actor, {
          action: 'user.api_token_created',
          subject: { type: 'api_token', id: token.id, label: token.name },
          after: { name: token.name, scope: token.scope },
        });
        return { ok: true, token, secret };
      });
    },

    /** False when the token is not the user's, does not exist or was already revoked (the route answers 404). */
    async revoke(userId: number, id: number, actor: AuditActor): Promise<boolean> {
      return deps.transaction(async (tx) => {
        const token = await repo.revoke(tx, userId, id, now());
        if (!token) return false;
        await recordAudit(tx, actor, {
          action: 'user.api_token_revoked',
          subject: { type: 'api_token', id: token.id, label: token.name },
          before: { name: token.name, scope: token.scope },
        });
        return true;
      });
    },

    /** The live token behind a presented secret, its use stamped; undefined for an unknown or revoked one. */
    async authenticate(secret: string): Promise<TokenIdentity | undefined> {
      const identity = await repo.findLiveByHash(hashTokenSecret(secret));
      if (!identity) return undefined;
      const t = now();
      await repo.touch(identity.tokenId, t, new Date(t.getTime() - TOUCH_EVERY_MS));
      return identity;
    },
  };
}

export type ApiTokenService = ReturnType<typeof createApiTokenService>;
