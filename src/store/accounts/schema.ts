/**
 * zod schemas of the accounts forms. Messages are message-catalog keys, so the form shows each
 * field's problem in the visitor's language.
 */
import { z } from 'zod';
import { hasInvalidCharacters, MAX_PASSWORD_LENGTH, passwordProblem } from './policy';
import { normalizePhone } from '../../lib/phone';

const text = (max: number) =>
  z
    .string({ error: 'accounts.error.required' })
    .trim()
    .min(1, 'accounts.error.required')
    .max(max, 'accounts.error.tooLong')
    .refine((v) => !hasInvalidCharacters(v), 'accounts.error.invalidCharacters');

export const emailField = z
  .string({ error: 'accounts.error.required' })
  .trim()
  .toLowerCase()
  .min(1, 'accounts.error.required')
  .max(254, 'accounts.error.tooLong')
  .pipe(z.email('accounts.error.email'));

const phone = z
  .string({ error: 'accounts.error.required' })
  .trim()
  .min(1, 'accounts.error.required')
  .max(30, 'accounts.error.phone')
  .transform((v, ctx) => {
    const normalized = normalizePhone(v);
    if (!normalized) {
      ctx.addIssue({ code: 'custom', message: 'accounts.error.phone' });
      return z.NEVER;
    }
    return normalized;
  });

const optionalPhone = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined))
  .pipe(phone.optional());

/** A password being chosen: the policy check needs the email, so it runs in the form schemas. */
const newPassword = z.string({ error: 'accounts.error.required' }).min(1, 'accounts.error.required');
const anyPassword = z
  .string({ error: 'accounts.error.required' })
  .min(1, 'accounts.error.required')
  .max(MAX_PASSWORD_LENGTH, 'accounts.error.tooLong');
const checkbox = z
  .string()
  .optional()
  .transform((v) => v === 'on' || v === 'true' || v === '1');

function policyIssue(password: string, email: string | undefined, ctx: z.RefinementCtx, path: string) {
  const problem = passwordProblem(password, email);
  if (problem) ctx.addIssue({ code: 'custom', path: [path], message: `accounts.error.password.${problem}` });
}

export const registerSchema = z
  .object({ name: text(120), email: emailField, password: newPassword })
  .superRefine((v, ctx) => policyIssue(v.password, v.email, ctx, 'password'));

export const loginSchema = z.object({
  email: z
    .string({ error: 'accounts.error.required' })
    .trim()
    .toLowerCase()
    .min(1, 'accounts.error.required')
    .max(254, 'accounts.error.tooLong'),
  password: anyPassword,
  remember: checkbox,
});

export const forgotSchema = z.object({ email: emailField });

export const resetSchema = z.object({ token: z.string().max(1000).default(''), password: newPassword });

export const profileSchema = z.object({ name: text(120), phone: optionalPhone });

export const changePasswordSchema = z.object({ current: anyPassword, password: newPassword });

export const addressSchema = z.object({
  recipient: text(120),
  phone,
  street: text(300),
  city: text(100),
  province: text(100),
  postalCode: z
    .string({ error: 'accounts.error.required' })
    .trim()
    .regex(/^\d{5}$/, 'accounts.error.postalCode'),
  isDefault: checkbox,
});

/** Checks a new password against the policy for an already known email (reset, change). */
export function newPasswordError(password: string, email: string): string | undefined {
  const problem = passwordProblem(password, email);
  return problem ? `accounts.error.password.${problem}` : undefined;
}
