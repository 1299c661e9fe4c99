import { z } from 'zod';
import { GUEST_EMAIL_MAX_LENGTH, GUEST_NAME_MAX_LENGTH } from '../../chat/contract';

/** Pre-chat form of a guest: who staff are talking to, and where to answer later. */
export const guestChatSchema = z.object({
  name: z.string().trim().min(1).max(GUEST_NAME_MAX_LENGTH),
  email: z.email().max(GUEST_EMAIL_MAX_LENGTH),
});
