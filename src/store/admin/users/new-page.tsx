/** A8 add staff or an admin: name, email, role and the language of the invitation email. */
import { CsrfField } from '../../ui/csrf-field';
import { FieldInput, FormAlert, type FormState } from '../../ui/form-fields';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { FieldSelect } from '../fields';
import { AdminLayout } from '../layout';
import { USERS_PATH } from './parts';

export function UserNewPage({ form }: { form: FormState }) {
  const { t, locale } = usePage();
  const title = t('users.new');
  const state: FormState = { ...form, values: { role: 'staff', locale, ...form.values } };
  return (
    <AdminLayout title={title} crumbs={[{ label: t('users.title'), href: USERS_PATH }, { label: title }]}>
      <h1 class="admin-title">{title}</h1>
      <p class="text-body-secondary">{t('users.new.lead')}</p>
      <div class="admin-form-card">
        <FormAlert state={state} />
        <form method="post" action={USERS_PATH} novalidate data-user-invite-form>
          <CsrfField />
          <FieldInput name="name" label="users.field.name" state={state} maxLength={120} autocomplete="off" />
          <FieldInput name="email" label="users.col.email" type="email" state={state} maxLength={254} autocomplete="off" />
          <div class="row g-3">
            <div class="col-sm-6">
              <FieldSelect
                name="role"
                label="users.field.role"
                state={state}
                options={(['staff', 'admin'] as const).map((r) => ({ value: r, label: t(`users.role.${r}`) }))}
              />
            </div>
            <div class="col-sm-6">
              <FieldSelect
                name="locale"
                label="users.field.locale"
                state={state}
                options={[
                  { value: 'id', label: 'Bahasa Indonesia' },
                  { value: 'en', label: 'English' },
                ]}
              />
            </div>
          </div>
          <div class="d-flex flex-wrap gap-2">
            <button type="submit" class="btn btn-rock">
              <Icon name="paper-plane" /> {t('users.invite')}
            </button>
            <a class="btn btn-outline-secondary" href={USERS_PATH}>
              {t('users.cancel')}
            </a>
          </div>
        </form>
      </div>
    </AdminLayout>
  );
}
