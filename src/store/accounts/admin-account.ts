/**
 * Makes sure the shop has an administrator. The password is never a constant in the code: it is
 * ADMIN_PASSWORD, or generated here once and shown to whoever started the store.
 */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { users } from '../../db/schema';
import type { StoreDb } from '../../db/store-db';
import { hashPassword } from '../../lib/passwords';

export type AdminAccountResult = { created: false } | { created: true; email: string; generatedPassword: string | undefined };

export function generatePassword(): string {
  // 18 random bytes → 24 URL-safe characters (~144 bits).
  return randomBytes(18).toString('base64url');
}

export async function ensureAdminAccount(db: StoreDb, admin: { email: string; password: string | undefined }): Promise<AdminAccountResult> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.role, 'admin')).limit(1);
  if (existing) return { created: false };
  const generatedPassword = admin.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(admin.password ?? generatedPassword!);
  const inserted = await db
    .insert(users)
    .values({
      email: admin.email,
      name: 'Administrator',
      passwordHash,
      role: 'admin',
      emailVerifiedAt: new Date(),
    })
    // Two instances starting together: the unique email index lets only one insert win.
    .onConflictDoNothing()
    .returning({ id: users.id });
  if (inserted.length === 0) return { created: false };
  return { created: true, email: admin.email, generatedPassword };
}
