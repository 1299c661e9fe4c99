import type { shopSettings } from '../../db/schema';

export type { BankAccount } from '../../db/schema';

export type ShopSettings = typeof shopSettings.$inferSelect;
