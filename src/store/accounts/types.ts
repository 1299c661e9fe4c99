/** The accounts area's row types, for the areas and views that show accounts and addresses. */
import type { addresses, users } from '../../db/schema';

export type Address = typeof addresses.$inferSelect;

export type NewAddress = Omit<typeof addresses.$inferInsert, 'id' | 'userId' | 'createdAt'>;

export type UserRow = typeof users.$inferSelect;
/** Two-factor sign-in, as the back office's security page uses it. */
export type { TwoFactorService, TwoFactorStatus } from './two-factor/service';
