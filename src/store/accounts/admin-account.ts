/**
 * Makes sure the shop has an administrator. The password is never a constant in the code: it is
 * ADMIN_PASSWORD, or generated here once and shown to whoever started the store.
 */
import { randomBytes } from 'node:crypto';
import type { StoreDb } from '../../db/store-db';
import { hashPassword } from '../../lib/passwords';
import { createAccountsRepository } from './repository';

export type AdminAccountResult = { created: false } | { created: true; email: string; generatedPassword: string | undefined };

export function generatePassword(): string {
  // 18 random bytes → 24 URL-safe characters (~144 bits).
  return randomBytes(18).toString('base64url');
}

export async function ensureAdminAccount(db: StoreDb, admin: { email: string; password: string | undefined }): Promise<AdminAccountResult> {
  const accounts = createAccountsRepository(db);
  if (await accounts.hasAdmin()) return { created: false };
  const generatedPassword = admin.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(admin.password ?? generatedPassword!);
  const inserted = await accounts.insertFirstAdmin({ email: admin.email, passwordHash });
  if (!inserted) return { created: false };
  return { created: true, email: admin.email, generatedPassword };
}
