/**
 * Value kinds shared by the environment schemas (config.ts and config-storage.ts), kept apart so
 * the storage settings can use them without importing config.ts, which imports them.
 */
import { z } from 'zod';

/** One unusable setting: the variable and what is wrong with it, printed as one line. */
export interface ConfigProblem {
  variable: string;
  message: string;
}

export const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/** An optional value where an empty string means "not set" (a blank line in .env). */
export const optionalText = z
  .string()
  .trim()
  .max(500, 'is too long')
  .optional()
  .transform((v) => v || undefined);
