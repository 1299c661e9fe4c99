/** Pieces the users pages share (A8): the list's address for a query, and the role, status and two-factor badges. */
import type { UserRole } from '../../../db/schema';
import { userStatus } from '../../users/model';
import { DEFAULT_USER_SORT, type UserListQuery } from '../../users/types';
import { usePage } from '../../ui/page-context';

export const USERS_PATH = '/admin/pengguna';

/** The list's address for a query (defaults left out, so the plain list is just /admin/pengguna). */
export function userListUrl(query: UserListQuery, changes: Partial<UserListQuery> = {}): string {
  const next = { ...query, ...changes };
  const params = new URLSearchParams();
  if (next.q) params.set('q', next.q);
  if (next.role !== 'all') params.set('peran', next.role);
  if (next.status !== 'all') params.set('status', next.status);
  if (next.sort !== DEFAULT_USER_SORT) params.set('urut', next.sort);
  if (next.page > 1) params.set('page', String(next.page));
  const search = params.toString();
  return search ? `${USERS_PATH}?${search}` : USERS_PATH;
}

const ROLE_CLASS: Record<UserRole, string> = {
  customer: 'text-bg-light border',
  staff: 'text-bg-info',
  admin: 'text-bg-warning',
};

export function RoleBadge({ role }: { role: UserRole }) {
  const { t } = usePage();
  return (
    <span class={`badge rounded-pill ${ROLE_CLASS[role]}`} data-user-role={role}>
      {t(`users.role.${role}`)}
    </span>
  );
}

const STATUS_CLASS = { active: 'text-bg-success', deactivated: 'text-bg-secondary', invited: 'text-bg-primary' } as const;

export function StatusBadge({ user }: { user: { isActive: boolean; invitedAt: Date | null } }) {
  const { t } = usePage();
  const status = userStatus(user);
  return (
    <span class={`badge rounded-pill ${STATUS_CLASS[status]}`} data-user-status={status}>
      {t(`users.status.${status}`)}
    </span>
  );
}

/** Two-factor sign-in matters for staff and admins only; a customer's cell stays empty. */
export function TwoFactorBadge({ user }: { user: { role: UserRole; twoFactor: boolean } }) {
  const { t } = usePage();
  if (user.role === 'customer') return <span class="text-body-secondary">{t('users.twoFactor.na')}</span>;
  return user.twoFactor ? (
    <span class="badge rounded-pill text-bg-success" data-user-2fa="on">
      {t('users.twoFactor.on')}
    </span>
  ) : (
    <span class="badge rounded-pill text-bg-secondary" data-user-2fa="off">
      {t('users.twoFactor.off')}
    </span>
  );
}
