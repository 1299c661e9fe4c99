/**
 * A8 an account's page: who it is, its role, status, last login and two-factor state, the
 * customer's orders, the person's recent actions from the audit log, and the admin's actions on
 * it. Each action is a form behind a <details> that asks for confirmation first (the admin
 * pages' confirm pattern); the actions that would lock the admin out are not offered on their own page.
 */
import { auditActionLabel, isAuditAction } from '../../audit/actions';
import type { ComponentChildren } from 'preact';
import { formatRupiah } from '../../../lib/money';
import { formatPhone } from '../../../lib/phone';
import { formatDateTimeWib } from '../../../lib/time';
import { USER_ROLES } from '../../users/model';
import type { UserDetail, UserPage } from '../../users/types';
import { CsrfField } from '../../ui/csrf-field';
import { FormAlert, type FormState } from '../../ui/form-fields';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { FieldSelect } from '../fields';
import { AdminLayout } from '../layout';
import { RoleBadge, StatusBadge, TwoFactorBadge, USERS_PATH } from './parts';

export interface UserDetailProps extends UserPage {
  /** The admin looking at the page: their own account offers no role change or deactivation. */
  viewerId: number;
  form: FormState;
}

function Facts({ user }: { user: UserDetail }) {
  const { t, locale } = usePage();
  const when = (d: Date | null, none: string) => (d ? formatDateTimeWib(d, locale) : none);
  return (
    <dl class="users-facts" data-user-facts>
      <div>
        <dt>{t('users.col.email')}</dt>
        <dd>{user.email}</dd>
      </div>
      <div>
        <dt>{t('users.field.phone')}</dt>
        <dd>{user.phone ? formatPhone(user.phone) : '—'}</dd>
      </div>
      <div>
        <dt>{t('users.col.role')}</dt>
        <dd>
          <RoleBadge role={user.role} />
        </dd>
      </div>
      <div>
        <dt>{t('users.col.status')}</dt>
        <dd>
          <StatusBadge user={user} />
        </dd>
      </div>
      <div>
        <dt>{t('users.col.twoFactor')}</dt>
        <dd>
          <TwoFactorBadge user={user} />
        </dd>
      </div>
      <div>
        <dt>{t('users.col.lastLogin')}</dt>
        <dd data-user-last-login>{when(user.lastLoginAt, t('users.never'))}</dd>
      </div>
      <div>
        <dt>{t('users.col.created')}</dt>
        <dd>{formatDateTimeWib(user.createdAt, locale)}</dd>
      </div>
      <div>
        <dt>{t('users.field.verified')}</dt>
        <dd>{when(user.emailVerifiedAt, t('users.notVerified'))}</dd>
      </div>
    </dl>
  );
}

/** One confirmed action: the summary is the button, the form inside says what will happen. */
function ConfirmAction(props: {
  id: string;
  action: string;
  summary: string;
  icon: string;
  danger?: boolean;
  confirm: string;
  submit: string;
  open?: boolean;
  children?: ComponentChildren;
}) {
  return (
    <details class="users-action" open={props.open} data-user-action={props.id}>
      <summary class={`btn ${props.danger ? 'btn-outline-danger' : 'btn-outline-rock'}`}>
        <Icon name={props.icon} /> {props.summary}
      </summary>
      <form method="post" action={props.action} class="users-action-form" novalidate>
        <CsrfField />
        {props.children}
        <p>{props.confirm}</p>
        <button type="submit" class={`btn ${props.danger ? 'btn-danger' : 'btn-rock'}`}>
          {props.submit}
        </button>
      </form>
    </details>
  );
}

function Actions({ user, viewerId, form }: { user: UserDetail; viewerId: number; form: FormState }) {
  const { t } = usePage();
  const self = user.id === viewerId;
  const base = `${USERS_PATH}/${user.id}`;
  const invited = user.invitedAt !== null && user.isActive;
  const roleForm: FormState = { ...form, values: { role: form.values?.role ?? user.role } };
  return (
    <section class="admin-form-card" aria-labelledby="user-actions-title" data-user-actions>
      <h2 class="admin-subtitle" id="user-actions-title">
        {t('users.actions')}
      </h2>
      {self && <p class="text-body-secondary">{t('users.selfNote')}</p>}
      <div class="users-actions">
        {!self && (
          <ConfirmAction
            id="role"
            action={`${base}/peran`}
            summary={t('users.action.role')}
            icon="user-tag"
            confirm={t('users.action.roleConfirm', { name: user.name })}
            submit={t('users.action.roleYes')}
            open={Boolean(form.errors?.role)}
          >
            <FieldSelect
              name="role"
              label="users.field.role"
              state={roleForm}
              options={USER_ROLES.map((r) => ({ value: r, label: t(`users.role.${r}`) }))}
            />
          </ConfirmAction>
        )}
        {!self &&
          (user.isActive ? (
            <ConfirmAction
              id="deactivate"
              action={`${base}/status`}
              summary={t('users.action.deactivate')}
              icon="ban"
              danger
              confirm={t('users.action.deactivateConfirm', { name: user.name })}
              submit={t('users.action.deactivateYes')}
            >
              <input type="hidden" name="active" value="0" />
            </ConfirmAction>
          ) : (
            <ConfirmAction
              id="activate"
              action={`${base}/status`}
              summary={t('users.action.activate')}
              icon="rotate-left"
              confirm={t('users.action.activateConfirm', { name: user.name })}
              submit={t('users.action.activateYes')}
            >
              <input type="hidden" name="active" value="1" />
            </ConfirmAction>
          ))}
        {invited && (
          <ConfirmAction
            id="resend"
            action={`${base}/undangan`}
            summary={t('users.action.resend')}
            icon="envelope"
            confirm={t('users.action.resendConfirm', { email: user.email })}
            submit={t('users.action.resendYes')}
          />
        )}
        {user.isActive && !invited && (
          <ConfirmAction
            id="reset"
            action={`${base}/reset-password`}
            summary={t('users.action.reset')}
            icon="key"
            confirm={t('users.action.resetConfirm', { email: user.email })}
            submit={t('users.action.resetYes')}
          />
        )}
        {user.twoFactor && (
          <ConfirmAction
            id="two-factor"
            action={`${base}/dua-langkah`}
            summary={t('users.action.twoFactor')}
            icon="shield-halved"
            danger
            confirm={t('users.action.twoFactorConfirm', { name: user.name })}
            submit={t('users.action.twoFactorYes')}
          />
        )}
      </div>
    </section>
  );
}

function Orders({ orders }: Pick<UserPage, 'orders'>) {
  const { t, locale } = usePage();
  return (
    <section class="admin-form-card users-wide" aria-labelledby="user-orders-title" data-user-orders>
      <h2 class="admin-subtitle" id="user-orders-title">
        {t('users.orders')}
      </h2>
      {orders.length === 0 ? (
        <p class="mb-0 text-body-secondary">{t('users.orders.none')}</p>
      ) : (
        <div class="table-responsive admin-table-box" tabIndex={0} role="region" aria-label={t('users.orders')}>
          <table class="table align-middle admin-table mb-0">
            <thead>
              <tr>
                <th scope="col">{t('users.orders.number')}</th>
                <th scope="col">{t('users.orders.date')}</th>
                <th scope="col">{t('users.orders.status')}</th>
                <th scope="col" class="text-end">
                  {t('users.orders.total')}
                </th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.number}>
                  <th scope="row" class="fw-normal">
                    <a href={`/admin/pesanan/${o.number}`}>{o.number}</a>
                  </th>
                  <td>{formatDateTimeWib(o.createdAt, locale)}</td>
                  <td>{t(`order.status.${o.status as 'paid'}`)}</td>
                  <td class="text-end">{formatRupiah(o.total)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function RecentActions({ actions }: Pick<UserPage, 'actions'>) {
  const { t, locale } = usePage();
  return (
    <section class="admin-form-card users-wide" aria-labelledby="user-audit-title" data-user-audit>
      <h2 class="admin-subtitle" id="user-audit-title">
        {t('users.audit')}
      </h2>
      {actions.length === 0 ? (
        <p class="mb-0 text-body-secondary">{t('users.audit.none')}</p>
      ) : (
        <div class="table-responsive admin-table-box" tabIndex={0} role="region" aria-label={t('users.audit')}>
          <table class="table align-middle admin-table mb-0">
            <thead>
              <tr>
                <th scope="col">{t('users.audit.when')}</th>
                <th scope="col">{t('users.audit.action')}</th>
                <th scope="col">{t('users.audit.subject')}</th>
              </tr>
            </thead>
            <tbody>
              {actions.map((a) => (
                <tr key={a.id} data-user-audit-row={a.action}>
                  <td>{formatDateTimeWib(a.at, locale)}</td>
                  <td>{isAuditAction(a.action) ? t(auditActionLabel(a.action)) : a.action}</td>
                  <td>{a.subjectLabel ?? (a.subjectType ? `${a.subjectType} ${a.subjectId ?? ''}` : '—')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function UserDetailPage({ user, orders, actions, viewerId, form }: UserDetailProps) {
  const { t } = usePage();
  return (
    <AdminLayout title={user.name} crumbs={[{ label: t('users.title'), href: USERS_PATH }, { label: user.name }]}>
      <div class="admin-page-head">
        <h1 class="admin-title mb-0">{user.name}</h1>
        <div class="d-flex flex-wrap gap-2">
          <RoleBadge role={user.role} />
          <StatusBadge user={user} />
        </div>
      </div>
      <FormAlert state={form} />
      <div class="admin-form-card">
        <Facts user={user} />
      </div>
      <Actions user={user} viewerId={viewerId} form={form} />
      {user.role === 'customer' || orders.length > 0 ? <Orders orders={orders} /> : null}
      <RecentActions actions={actions} />
    </AdminLayout>
  );
}
