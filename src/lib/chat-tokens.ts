/**
 * Short-lived tokens the store issues and the chat service verifies (JWT, HS256, shared secret).
 * The chat service trusts only what is inside a verified token, never what a browser sends.
 */
import { SignJWT, jwtVerify } from 'jose';
import { z } from 'zod';

export const CHAT_TOKEN_ISSUER = 'hurtrock-store';
export const CHAT_TOKEN_AUDIENCE = 'hurtrock-chat';
export const CHAT_TOKEN_TTL_SECONDS = 15 * 60;

const claimsSchema = z.object({
  sub: z.string().min(1),
  role: z.enum(['customer', 'staff', 'admin', 'guest']),
  name: z.string().min(1).max(120),
});

export type ChatTokenClaims = z.infer<typeof claimsSchema>;

const key = (secret: string) => new TextEncoder().encode(secret);

export async function signChatToken(claims: ChatTokenClaims, secret: string, ttlSeconds = CHAT_TOKEN_TTL_SECONDS): Promise<string> {
  return new SignJWT({ role: claims.role, name: claims.name })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(claims.sub)
    .setIssuer(CHAT_TOKEN_ISSUER)
    .setAudience(CHAT_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key(secret));
}

/** Returns the claims of a valid token, or `null` for a missing, forged, expired or malformed one. */
export async function verifyChatToken(token: unknown, secret: string): Promise<ChatTokenClaims | null> {
  if (typeof token !== 'string' || token.length === 0 || token.length > 4096) return null;
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: ['HS256'],
      issuer: CHAT_TOKEN_ISSUER,
      audience: CHAT_TOKEN_AUDIENCE,
      // A correctly signed token without an expiry would work for ever: refuse it.
      requiredClaims: ['exp'],
    });
    const parsed = claimsSchema.safeParse(payload);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Service tokens: the store asking the chat service for figures (the dashboard's waiting chats),
 * not a person. They carry a `service` claim and no role, so the socket and the image API (which
 * need a role) refuse them, and the service endpoints refuse every person's token.
 */
export const CHAT_SERVICE_TOKEN_TTL_SECONDS = 60;
export const CHAT_SERVICE_SUBJECT = 'service:store';

const serviceClaimsSchema = z.object({ sub: z.literal(CHAT_SERVICE_SUBJECT), service: z.literal('store') });

export async function signChatServiceToken(secret: string, ttlSeconds = CHAT_SERVICE_TOKEN_TTL_SECONDS): Promise<string> {
  return new SignJWT({ service: 'store' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(CHAT_SERVICE_SUBJECT)
    .setIssuer(CHAT_TOKEN_ISSUER)
    .setAudience(CHAT_TOKEN_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${ttlSeconds}s`)
    .sign(key(secret));
}

/** Whether `token` is a valid, unexpired service token signed with `secret`. */
export async function verifyChatServiceToken(token: unknown, secret: string): Promise<boolean> {
  if (typeof token !== 'string' || token.length === 0 || token.length > 4096) return false;
  try {
    const { payload } = await jwtVerify(token, key(secret), {
      algorithms: ['HS256'],
      issuer: CHAT_TOKEN_ISSUER,
      audience: CHAT_TOKEN_AUDIENCE,
      // A correctly signed token without an expiry would work for ever: refuse it.
      requiredClaims: ['exp'],
    });
    return serviceClaimsSchema.safeParse(payload).success;
  } catch {
    return false;
  }
}
