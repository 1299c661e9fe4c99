/**
 * `/admin/akun/keamanan`: every staff member's and admin's own two-factor settings (U6). The page
 * is the signed-in user's own, so there is no id in any URL to forge. Recovery codes are shown in
 * the answer to the POST that made them, once, and never stored in plain text.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h } from 'preact';
import { z } from 'zod';
import type { TwoFactorService } from '../../accounts/types';
import { auditActor } from '../../audit/record';
import { parseForm } from '../../ui/form';
import type { FormState } from '../../ui/form-fields';
import { setFlash } from '../flash';
import { adminPage } from '../render';
import { RecoveryCodesPage, SECURITY_PATH, type SecurityForm, SecurityPage } from './pages';

const codeField = z
  .string({ error: 'twoFactor.error.required' })
  .trim()
  .min(1, 'twoFactor.error.required')
  .max(12, 'twoFactor.error.malformed');
const codeSchema = z.object({ code: codeField });
const disableSchema = z
  .object({ offCode: z.string().trim().max(12, 'twoFactor.error.malformed').optional(), password: z.string().max(1000).optional() })
  .refine((v) => Boolean(v.offCode) || Boolean(v.password), { message: 'twoFactor.error.proof', path: ['offCode'] });

const REFUSAL_KEY = {
  malformed: 'twoFactor.error.malformed',
  wrong: 'twoFactor.error.wrong',
  reused: 'twoFactor.error.reused',
} as const;
const FORM_ERROR = { kind: 'danger', key: 'twoFactor.error.form' } as const;
/** Per IP: a stolen session cannot try codes or passwords on these forms without end. */
const CODE_RATE_LIMIT = { config: { rateLimit: { max: 20, timeWindow: 10 * 60_000 } } };

export function registerSecurityRoutes(admin: FastifyInstance, deps: { twoFactor: TwoFactorService }) {
  const { twoFactor } = deps;
  const userId = (request: FastifyRequest) => request.user!.id;

  async function show(request: FastifyRequest, reply: FastifyReply, forms: Partial<Record<SecurityForm, FormState>> = {}, status = 200) {
    const current = await twoFactor.status(userId(request));
    if (!current) return reply.redirect('/masuk', 303);
    noStore(reply);
    return adminPage(reply, h(SecurityPage, { status: current, forms }), status);
  }
  /** The pending key and the recovery codes are secrets: never kept in a cache or the back/forward store. */
  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');
  const refused = (field: string, key: string): FormState => ({ errors: { [field]: key }, alert: FORM_ERROR });

  admin.get('/akun/keamanan', (request, reply) => show(request, reply));

  admin.post('/akun/keamanan/aktifkan', async (request, reply) => {
    await twoFactor.begin(userId(request));
    return reply.redirect(SECURITY_PATH, 303);
  });

  admin.post('/akun/keamanan/konfirmasi', CODE_RATE_LIMIT, async (request, reply) => {
    const form = parseForm(codeSchema, request.body);
    if (!form.ok) return show(request, reply, { confirm: { errors: form.errors, alert: FORM_ERROR } }, 400);
    const result = await twoFactor.confirm(userId(request), form.data.code, auditActor(request));
    if (!result.ok) {
      if (result.reason === 'not_pending') return reply.redirect(SECURITY_PATH, 303);
      return show(request, reply, { confirm: refused('code', REFUSAL_KEY[result.reason]) }, 400);
    }
    // The guard lets this user through from now on; the codes are in this answer only.
    return adminPage(noStore(reply), h(RecoveryCodesPage, { codes: result.codes, fresh: true }));
  });

  admin.post('/akun/keamanan/kode-pemulihan', CODE_RATE_LIMIT, async (request, reply) => {
    const form = parseForm(codeSchema, request.body);
    if (!form.ok) return show(request, reply, { regenerate: { errors: form.errors, alert: FORM_ERROR } }, 400);
    const result = await twoFactor.regenerateCodes(userId(request), form.data.code, auditActor(request));
    if (!result.ok) {
      if (result.reason === 'not_enabled') return reply.redirect(SECURITY_PATH, 303);
      return show(request, reply, { regenerate: refused('code', REFUSAL_KEY[result.reason]) }, 400);
    }
    return adminPage(noStore(reply), h(RecoveryCodesPage, { codes: result.codes, fresh: false }));
  });

  admin.post('/akun/keamanan/nonaktifkan', CODE_RATE_LIMIT, async (request, reply) => {
    const form = parseForm(disableSchema, request.body);
    if (!form.ok) return show(request, reply, { disable: { errors: form.errors, alert: FORM_ERROR } }, 400);
    const { offCode: code, password } = form.data;
    const result = await twoFactor.disable(userId(request), code ? { code } : { password }, auditActor(request));
    if (!result.ok) {
      if (result.reason === 'not_enabled') return reply.redirect(SECURITY_PATH, 303);
      if (result.reason === 'required')
        return show(request, reply, { disable: { alert: { kind: 'danger', key: 'twoFactor.off.required' } } }, 409);
      const field = code ? 'offCode' : 'password';
      const key = code ? REFUSAL_KEY[result.reason] : 'twoFactor.error.password';
      return show(request, reply, { disable: refused(field, key) }, 400);
    }
    setFlash(request, reply, { kind: 'success', key: 'twoFactor.flash.disabled' });
    return reply.redirect(SECURITY_PATH, 303);
  });
}
