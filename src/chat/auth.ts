/**
 * Who may connect: a verified store-issued token (identity and role come only from it) and, for
 * browsers, the store's own origin. Non-browser clients send no Origin and are judged by token.
 */
import { decodeJwt } from 'jose';
import type { ChatTokenClaims } from '../lib/chat-tokens';
import { verifyChatToken } from '../lib/chat-tokens';

export const isStaff = (claims: ChatTokenClaims) => claims.role === 'staff' || claims.role === 'admin';

export async function claimsFromHandshake(auth: unknown, secret: string): Promise<ChatTokenClaims | null> {
  const token = typeof auth === 'object' && auth !== null ? (auth as { token?: unknown }).token : undefined;
  return verifyChatToken(token, secret);
}

/**
 * When the (already verified) handshake token expires, in ms since the epoch. A connection must
 * not outlive its token, or a customer deactivated in the store would keep chatting for hours.
 */
export function tokenExpiresAt(auth: unknown): number | null {
  try {
    const exp = decodeJwt(String((auth as { token?: unknown }).token)).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}
