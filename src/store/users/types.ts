/** The users area's read models (A8): the back office's list, an account's page, its orders and recent actions. */
import type { UserRole } from '../../db/schema';

export const USER_SORTS = ['name', 'name_desc', 'email', 'email_desc', 'login', 'login_desc', 'created', 'created_desc'] as const;
export type UserSort = (typeof USER_SORTS)[number];
export const DEFAULT_USER_SORT: UserSort = 'created_desc';

export type RoleFilter = 'all' | UserRole;
export type StatusFilter = 'all' | 'active' | 'deactivated' | 'invited';

export interface UserListQuery {
  q: string;
  role: RoleFilter;
  status: StatusFilter;
  sort: UserSort;
  page: number;
}

export interface UserListRow {
  id: number;
  name: string;
  email: string;
  phone: string | null;
  role: UserRole;
  isActive: boolean;
  invitedAt: Date | null;
  lastLoginAt: Date | null;
  createdAt: Date;
  twoFactor: boolean;
}

export interface UserList {
  rows: UserListRow[];
  total: number;
  pageCount: number;
}

export interface UserDetail extends UserListRow {
  emailVerifiedAt: Date | null;
  locale: string;
}

export interface UserOrderRow {
  number: string;
  status: string;
  total: number;
  createdAt: Date;
}

export interface UserActionRow {
  id: number;
  at: Date;
  action: string;
  subjectType: string | null;
  subjectId: string | null;
  subjectLabel: string | null;
}

export interface UserPage {
  user: UserDetail;
  orders: UserOrderRow[];
  actions: UserActionRow[];
}
