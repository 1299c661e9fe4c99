import { z } from 'zod';

/** Pre-chat form of a guest: who staff are talking to, and where to answer later. */
export const guestChatSchema = z.object({
  name: z.string().trim().min(1).max(60),
  email: z.email().max(120),
});
