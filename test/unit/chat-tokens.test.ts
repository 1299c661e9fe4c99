import { SignJWT, UnsecuredJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  CHAT_SERVICE_SUBJECT,
  CHAT_TOKEN_AUDIENCE,
  CHAT_TOKEN_ISSUER,
  type ChatTokenClaims,
  signChatServiceToken,
  signChatToken,
  verifyChatServiceToken,
  verifyChatToken,
} from '../../src/lib/chat-tokens';
import { originAllowed } from '../../src/lib/origin';

const secret = 's'.repeat(40);
const claims: ChatTokenClaims = { sub: 'user-42', role: 'customer', name: 'Dimas' };

/** A token with the right key but hand-picked claims, to test what verify refuses. */
function craft(payload: Record<string, unknown>, opts: { aud?: string; iss?: string; exp?: number } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject('user-42')
    .setIssuer(opts.iss ?? CHAT_TOKEN_ISSUER)
    .setAudience(opts.aud ?? CHAT_TOKEN_AUDIENCE)
    .setIssuedAt(now - 120)
    .setExpirationTime(opts.exp ?? now + 60)
    .sign(new TextEncoder().encode(secret));
}

describe('chat tokens', () => {
  it('round-trips the claims', async () => {
    const token = await signChatToken(claims, secret);
    expect(await verifyChatToken(token, secret)).toEqual(claims);
  });

  it('rejects a token signed with another secret', async () => {
    const token = await signChatToken(claims, 'o'.repeat(40));
    expect(await verifyChatToken(token, secret)).toBeNull();
  });

  it('rejects an expired token', async () => {
    const token = await craft({ role: 'customer', name: 'Dimas' }, { exp: Math.floor(Date.now() / 1000) - 10 });
    expect(await verifyChatToken(token, secret)).toBeNull();
  });

  it('rejects a correctly signed token without an expiry (it would work for ever)', async () => {
    const forever = new SignJWT({ role: 'staff', name: 'Dimas' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('user-42')
      .setIssuer(CHAT_TOKEN_ISSUER)
      .setAudience(CHAT_TOKEN_AUDIENCE)
      .setIssuedAt()
      .sign(new TextEncoder().encode(secret));
    expect(await verifyChatToken(await forever, secret)).toBeNull();
    const service = new SignJWT({ service: 'store' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(CHAT_SERVICE_SUBJECT)
      .setIssuer(CHAT_TOKEN_ISSUER)
      .setAudience(CHAT_TOKEN_AUDIENCE)
      .sign(new TextEncoder().encode(secret));
    expect(await verifyChatServiceToken(await service, secret)).toBe(false);
    expect(await verifyChatServiceToken(await signChatServiceToken(secret), secret)).toBe(true);
  });

  it('rejects a token for another audience or issuer', async () => {
    const base = { role: 'customer', name: 'Dimas' };
    expect(await verifyChatToken(await craft(base, { aud: 'someone-else' }), secret)).toBeNull();
    expect(await verifyChatToken(await craft(base, { iss: 'someone-else' }), secret)).toBeNull();
  });

  it('rejects unknown roles and missing names', async () => {
    expect(await verifyChatToken(await craft({ role: 'root', name: 'x' }), secret)).toBeNull();
    expect(await verifyChatToken(await craft({ role: 'staff' }), secret)).toBeNull();
  });

  it('rejects alg "none"', async () => {
    const token = new UnsecuredJWT({ role: 'admin', name: 'Mallory' })
      .setSubject('user-1')
      .setIssuer(CHAT_TOKEN_ISSUER)
      .setAudience(CHAT_TOKEN_AUDIENCE)
      .setExpirationTime('5m')
      .encode();
    expect(await verifyChatToken(token, secret)).toBeNull();
  });

  it('rejects a token whose payload was edited after signing', async () => {
    const [header, , signature] = (await signChatToken(claims, secret)).split('.');
    const payload = Buffer.from(JSON.stringify({ ...claims, role: 'admin' })).toString('base64url');
    expect(await verifyChatToken(`${header}.${payload}.${signature}`, secret)).toBeNull();
  });

  it.each([undefined, null, 42, {}, '', 'garbage', 'a.b.c', 'x'.repeat(5000)])('rejects %j', async (input) => {
    expect(await verifyChatToken(input, secret)).toBeNull();
  });
});

describe('socket origin check', () => {
  const request = (headers: Record<string, string>) => ({ headers }) as unknown as import('node:http').IncomingMessage;
  const shop = 'https://hurtrock.example';
  it('accepts the shop, the request’s own host and no Origin; refuses another site', () => {
    expect(originAllowed(request({ origin: shop }), shop)).toBe(true);
    expect(originAllowed(request({ origin: 'http://127.0.0.1:5000', host: '127.0.0.1:5000' }), shop)).toBe(true);
    expect(originAllowed(request({}), shop)).toBe(true);
    expect(originAllowed(request({ origin: 'https://evil.example', host: 'chat.internal:8000' }), shop)).toBe(false);
  });
  it('believes X-Forwarded-Host only behind a trusted proxy', () => {
    const spoofed = request({ origin: 'https://evil.example', host: 'chat.internal:8000', 'x-forwarded-host': 'evil.example' });
    expect(originAllowed(spoofed, shop)).toBe(false);
    expect(originAllowed(spoofed, shop, { trustForwardedHost: true })).toBe(true);
  });
});
