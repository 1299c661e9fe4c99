/**
 * Who may change whose role or switch an account off (A8). Pure, so the rules are unit tested on
 * their own; the service calls them inside the transaction, after locking the active admins, so
 * the numbers they see cannot change before the write.
 */
import type { UserRole } from '../../db/schema';

export const USER_ROLES = ['customer', 'staff', 'admin'] as const satisfies readonly UserRole[];

export const isUserRole = (value: unknown): value is UserRole =>
  typeof value === 'string' && (USER_ROLES as readonly string[]).includes(value);

/** Why a change is refused: it would lock the acting admin out, or leave the shop without an admin. */
export type AccountChangeRefusal = 'self' | 'lastAdmin';

export interface RuleTarget {
  id: number;
  role: UserRole;
  isActive: boolean;
}

export interface RuleContext {
  /** The admin making the change. */
  actorId: number;
  target: RuleTarget;
  /** How many admins are active right now, the target included when it is one. */
  activeAdmins: number;
}

/** Taking away an active admin's rights, by a new role or by deactivation. */
const removesActiveAdmin = (target: RuleTarget) => target.role === 'admin' && target.isActive;

export function roleChangeRefusal(ctx: RuleContext, role: UserRole): AccountChangeRefusal | undefined {
  if (role === ctx.target.role) return undefined;
  // An admin's own role can only go down (admins are the only ones here): never by their own hand.
  if (ctx.actorId === ctx.target.id) return 'self';
  if (removesActiveAdmin(ctx.target) && role !== 'admin' && ctx.activeAdmins <= 1) return 'lastAdmin';
  return undefined;
}

export function activeChangeRefusal(ctx: RuleContext, active: boolean): AccountChangeRefusal | undefined {
  if (active || !ctx.target.isActive) return undefined;
  if (ctx.actorId === ctx.target.id) return 'self';
  if (removesActiveAdmin(ctx.target) && ctx.activeAdmins <= 1) return 'lastAdmin';
  return undefined;
}

/** The list's status of an account: an invitation not yet accepted is neither active nor off. */
export type UserStatus = 'active' | 'deactivated' | 'invited';

export function userStatus(user: { isActive: boolean; invitedAt: Date | null }): UserStatus {
  if (!user.isActive) return 'deactivated';
  return user.invitedAt ? 'invited' : 'active';
}
