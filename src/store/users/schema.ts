/** The users pages' inputs (A8): list filters in the URL, the invitation form, the account actions. Messages are catalog keys. */
import { z } from 'zod';
import { emailField } from '../accounts/schema';
import { DEFAULT_USER_SORT, USER_SORTS } from './types';

/** The list's URL state (`?q=&peran=&status=&urut=&page=`): lenient, a bad value falls back to the default. */
export const userListSchema = z
  .object({
    q: z.string().trim().max(100).catch('').default(''),
    peran: z.enum(['all', 'customer', 'staff', 'admin']).catch('all').default('all'),
    status: z.enum(['all', 'active', 'deactivated', 'invited']).catch('all').default('all'),
    urut: z.enum(USER_SORTS).catch(DEFAULT_USER_SORT).default(DEFAULT_USER_SORT),
    page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
  })
  .transform(({ q, peran, status, urut, page }) => ({ q, role: peran, status, sort: urut, page }));

/** Add staff or admin: a customer account is never created here (customers register themselves). */
export const inviteSchema = z.object({
  name: z.string({ error: 'users.error.name' }).trim().min(1, 'users.error.name').max(120, 'users.error.name'),
  email: emailField,
  role: z.enum(['staff', 'admin'], { error: 'users.error.inviteRole' }),
  locale: z.enum(['id', 'en'], { error: 'users.error.locale' }),
});

export const roleSchema = z.object({ role: z.enum(['customer', 'staff', 'admin'], { error: 'users.error.role' }) });

export const activeSchema = z.object({ active: z.enum(['0', '1']) });

/** The invitee's password: the policy (newPasswordError) needs the email, so the service checks it. */
export const acceptSchema = z.object({
  token: z.string().min(1).max(1000),
  password: z.string({ error: 'accounts.error.required' }).min(1, 'accounts.error.required').max(1000, 'accounts.error.tooLong'),
});
