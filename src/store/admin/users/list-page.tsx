/** A8 the users list: search (name, email, phone), role and status filters, sorting and pages, all in the URL. */
import { formatDateTimeWib, formatDateWib } from '../../../lib/time';
import type { UserList, UserListQuery } from '../../users/types';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { AdminLayout } from '../layout';
import { AdminPager } from '../views/pager';
import { SortHeader } from '../views/sort-header';
import { RoleBadge, StatusBadge, TwoFactorBadge, USERS_PATH, userListUrl } from './parts';

const ROLES = ['all', 'customer', 'staff', 'admin'] as const;
const STATUSES = ['all', 'active', 'deactivated', 'invited'] as const;

export function UserListPage({ query, list }: { query: UserListQuery; list: UserList }) {
  const { t, locale } = usePage();
  const filtered = query.q !== '' || query.role !== 'all' || query.status !== 'all';
  const sortLink = (sort: string) => userListUrl(query, { sort: sort as UserListQuery['sort'], page: 1 });
  return (
    <AdminLayout title={t('users.title')} crumbs={[{ label: t('users.title') }]}>
      <div class="admin-page-head">
        <div>
          <h1 class="admin-title">{t('users.title')}</h1>
          <p class="text-body-secondary mb-0">{t('users.lead')}</p>
        </div>
        <a class="btn btn-rock" href={`${USERS_PATH}/baru`} data-user-new>
          <Icon name="user-plus" /> {t('users.new')}
        </a>
      </div>
      <form method="get" action={USERS_PATH} class="admin-filters users-filters" role="search" data-user-filters>
        {query.sort !== 'created_desc' && <input type="hidden" name="urut" value={query.sort} />}
        <div class="admin-filter-q admin-filter-search">
          <label class="form-label" for="user-q">
            {t('users.search')}
          </label>
          <input
            id="user-q"
            name="q"
            type="search"
            class="form-control"
            value={query.q}
            maxLength={100}
            placeholder={t('users.search.placeholder')}
          />
        </div>
        <div>
          <label class="form-label" for="user-role">
            {t('users.filter.role')}
          </label>
          <select id="user-role" name="peran" class="form-select">
            {ROLES.map((r) => (
              <option key={r} value={r} selected={query.role === r}>
                {r === 'all' ? t('users.filter.allRoles') : t(`users.role.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label class="form-label" for="user-status">
            {t('users.filter.status')}
          </label>
          <select id="user-status" name="status" class="form-select">
            {STATUSES.map((s) => (
              <option key={s} value={s} selected={query.status === s}>
                {s === 'all' ? t('users.filter.allStatuses') : t(`users.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="admin-filter-actions">
          <button type="submit" class="btn btn-outline-rock">
            <Icon name="magnifying-glass" /> {t('users.searchButton')}
          </button>
          {filtered && (
            <a class="btn btn-link" href={USERS_PATH}>
              {t('users.reset')}
            </a>
          )}
        </div>
      </form>
      <p class="text-body-secondary small" role="status">
        {t('users.count', { count: list.total })}
      </p>
      {list.rows.length === 0 ? (
        <p class="admin-empty">{t('users.empty')}</p>
      ) : (
        <div class="table-responsive admin-table-box" tabIndex={0} role="region" aria-label={t('users.title')}>
          <table class="table table-hover align-middle admin-table mb-0" data-user-table>
            <thead>
              <tr>
                <SortHeader label={t('users.col.name')} column="name" sort={query.sort} href={sortLink} />
                <SortHeader label={t('users.col.email')} column="email" sort={query.sort} href={sortLink} />
                <th scope="col">{t('users.col.role')}</th>
                <th scope="col">{t('users.col.status')}</th>
                <th scope="col">{t('users.col.twoFactorShort')}</th>
                <SortHeader label={t('users.col.lastLogin')} column="login" sort={query.sort} href={sortLink} />
                <SortHeader label={t('users.col.created')} column="created" sort={query.sort} href={sortLink} />
              </tr>
            </thead>
            <tbody>
              {list.rows.map((u) => (
                <tr key={u.id} data-user-row={u.id}>
                  <th scope="row" class="fw-normal">
                    <a class="fw-semibold" href={`${USERS_PATH}/${u.id}`}>
                      {u.name}
                    </a>
                  </th>
                  <td>{u.email}</td>
                  <td>
                    <RoleBadge role={u.role} />
                  </td>
                  <td>
                    <StatusBadge user={u} />
                  </td>
                  <td>
                    <TwoFactorBadge user={u} />
                  </td>
                  <td>{u.lastLoginAt ? formatDateTimeWib(u.lastLoginAt, locale) : t('users.never')}</td>
                  <td>{formatDateWib(u.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <AdminPager page={query.page} pages={list.pageCount} href={(page) => userListUrl(query, { page })} label={t('users.pager.label')} />
    </AdminLayout>
  );
}
