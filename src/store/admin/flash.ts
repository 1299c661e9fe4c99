/**
 * Flash messages: a one-shot notice set before a redirect ("Status pesanan diubah") and shown on
 * the next admin page, then gone. It travels in a short-lived signed cookie limited to /admin and
 * bound to the visitor's session (docs/decisions.md: why not a column of the sessions table). It
 * holds a message-catalog key and its parameters only, never text, so nothing a user typed is
 * ever echoed from it.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { createContext } from 'preact';
import { z } from 'zod';
import { isMessageKey, type MessageKey } from '../../lib/i18n';

export const FLASH_COOKIE = 'flash';
const FLASH_PATH = '/admin';
const FLASH_SECONDS = 120;

export interface Flash {
  kind: 'success' | 'info' | 'warning' | 'danger';
  key: MessageKey;
  params?: Record<string, string | number>;
}

const stored = z.object({
  kind: z.enum(['success', 'info', 'warning', 'danger']),
  key: z.string().refine(isMessageKey),
  params: z.record(z.string(), z.union([z.string().max(200), z.number()])).optional(),
  /** The start of the session key: a flash is shown only in the session that set it. */
  s: z.string(),
});

const sessionTag = (request: FastifyRequest) => request.session?.key.slice(0, 16) ?? '';

/** Sets the message for the next admin page this visitor opens (call before the redirect). */
export function setFlash(request: FastifyRequest, reply: FastifyReply, flash: Flash) {
  const value = Buffer.from(JSON.stringify({ ...flash, s: sessionTag(request) })).toString('base64url');
  reply.setCookie(FLASH_COOKIE, value, {
    path: FLASH_PATH,
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    signed: true,
    maxAge: FLASH_SECONDS,
  });
}

/** Reads and removes the message, if there is a genuine one for this session. */
export function takeFlash(request: FastifyRequest, reply: FastifyReply): Flash | undefined {
  const raw = request.cookies[FLASH_COOKIE];
  if (raw === undefined) return undefined;
  reply.clearCookie(FLASH_COOKIE, { path: FLASH_PATH });
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || !unsigned.value) return undefined;
  try {
    const parsed = stored.safeParse(JSON.parse(Buffer.from(unsigned.value, 'base64url').toString('utf8')));
    if (!parsed.success || parsed.data.s !== sessionTag(request)) return undefined;
    const { s: _session, ...flash } = parsed.data;
    return flash as Flash;
  } catch {
    return undefined;
  }
}

/** The current page's flash message, for the admin layout. */
export const FlashCtx = createContext<Flash | undefined>(undefined);
