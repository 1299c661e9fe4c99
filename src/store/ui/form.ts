/**
 * Server-side form handling shared by every form: the typed values a form re-renders with (secrets
 * left out) and a zod parse that answers one message key per field.
 */
import type { z } from 'zod';
import { isMessageKey } from '../../lib/i18n';

export type FormValues = Record<string, string>;
export type FieldErrors = Record<string, string>;

export type FormResult<T> = { ok: true; data: T } | { ok: false; values: FormValues; errors: FieldErrors };

/** Fields never echoed back into a re-rendered form. */
const SECRET_FIELDS = new Set(['password', 'current', '_csrf', 'token']);

/** Form values as strings for re-rendering (secrets left out, long values cut). */
export function formValues(body: unknown): FormValues {
  const values: FormValues = {};
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
      if (typeof value === 'string' && !SECRET_FIELDS.has(key)) values[key] = value.slice(0, 1000);
    }
  }
  return values;
}

export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.infer<S>> {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return { ok: true, data: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    errors[field] ??= isMessageKey(issue.message) ? issue.message : 'accounts.error.invalid';
  }
  return { ok: false, values: formValues(body), errors };
}
