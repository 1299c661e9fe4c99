/** The account page's "new token" form; each message is a catalog key shown under its field. */
import { z } from 'zod';
import { API_TOKEN_SCOPES } from './secret';

export const newTokenSchema = z.object({
  name: z.string({ error: 'apiTokens.error.name' }).trim().min(1, 'apiTokens.error.name').max(60, 'apiTokens.error.name'),
  scope: z.enum(API_TOKEN_SCOPES, { error: 'apiTokens.error.scope' }),
});

export type NewToken = z.infer<typeof newTokenSchema>;
