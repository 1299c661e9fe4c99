/**
 * Chat tokens for the store's visitors. The chat service trusts only what is signed here, so
 * the subject is always derived on the server: `user:<id>` from the session's user, or
 * `guest:<id>` derived from the session key (never from anything the browser sends).
 */
import { createHmac } from 'node:crypto';
import { type ChatTokenClaims, CHAT_TOKEN_TTL_SECONDS, signChatToken } from '../../lib/chat-tokens';
import type { CurrentUser } from '../plugins/session';

export interface IssuedChatToken {
  token: string;
  expiresIn: number;
  role: ChatTokenClaims['role'];
}

export function createChatTokenService(deps: { secret: string }) {
  async function issue(claims: ChatTokenClaims): Promise<IssuedChatToken> {
    return { token: await signChatToken(claims, deps.secret), expiresIn: CHAT_TOKEN_TTL_SECONDS, role: claims.role };
  }
  return {
    forUser(user: CurrentUser): Promise<IssuedChatToken> {
      return issue({ sub: `user:${user.id}`, role: user.role, name: user.name.slice(0, 120) || `#${user.id}` });
    },
    /**
     * The guest id is an HMAC of the (already hashed) session key: stable for the session, so
     * a refreshed token resumes the same conversation, yet it reveals nothing about the cookie.
     */
    forGuest(sessionKey: string, guest: { name: string; email: string }): Promise<IssuedChatToken> {
      const id = createHmac('sha256', deps.secret).update(`chat-guest:${sessionKey}`).digest('base64url').slice(0, 24);
      // The token has no email claim; staff see it beside the name so they can follow up.
      const name = `${guest.name} <${guest.email}>`.slice(0, 120);
      return issue({ sub: `guest:${id}`, role: 'guest', name });
    },
  };
}

export type ChatTokenService = ReturnType<typeof createChatTokenService>;
