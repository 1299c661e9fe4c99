/**
 * The checkout form. Only choices come from the browser (address, courier, payment method, the
 * form's idempotency key); prices, shipping and totals never do: they are recomputed on the
 * server, and anything else in the body is ignored.
 */
import { z } from 'zod';
import { addressSchema, emailField } from '../accounts/schema';

import { PAYMENT_METHODS } from '../orders/state-machine';

const choice = z.string({ error: 'checkout.error.required' }).trim().min(1, 'checkout.error.required').max(40, 'checkout.error.invalid');

export const checkoutChoicesSchema = z.object({
  /** Random per rendered form; a resubmission finds the order it already made. */
  key: z.string({ error: 'checkout.error.expiredForm' }).regex(/^[A-Za-z0-9_-]{16,64}$/, 'checkout.error.expiredForm'),
  shipping: choice,
  payment: z.enum(PAYMENT_METHODS, { error: 'checkout.error.payment' }),
  /** What the page showed (lines, prices, shipping); a change since then is shown before placing. */
  quote: z.string().max(128).default(''),
  note: z.string().trim().max(500, 'accounts.error.tooLong').default(''),
  /** "new" or the id of one of the account's saved addresses. */
  address: z.string().trim().max(12).default('new'),
});

/** A new address typed at checkout (guests always, accounts optionally). */
export const checkoutAddressSchema = addressSchema.omit({ isDefault: true });

export const guestSchema = z.object({
  email: emailField,
  /** Set by the form after the "this email has an account" notice: continue as a guest anyway. */
  asGuest: z
    .string()
    .optional()
    .transform((v) => v === '1'),
});
