/** The invitee's page (A8): who the invitation is for, and the password they choose; or why the link no longer works. */
import { CsrfField } from '../../ui/csrf-field';
import { AuthCard, FieldInput, FormAlert, type FormState } from '../../ui/form-fields';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';

export function InvitationPage({ state, token, invitee }: { state: FormState; token: string; invitee: { name: string; email: string } }) {
  const { t } = usePage();
  return (
    <AuthCard title={t('users.accept.title')} lead={t('users.accept.lead')}>
      <dl class="mb-3" data-invitee>
        <dt>{t('users.field.name')}</dt>
        <dd>{invitee.name}</dd>
        <dt>{t('users.col.email')}</dt>
        <dd>{invitee.email}</dd>
      </dl>
      <FormAlert state={state} />
      <form method="post" action="/undangan" novalidate>
        <CsrfField />
        <input type="hidden" name="token" value={token} />
        {/* Lets password managers save the new password under the right account. */}
        <input type="hidden" name="username" value={invitee.email} autocomplete="username" />
        <FieldInput
          name="password"
          label="accounts.field.newPassword"
          type="password"
          autocomplete="new-password"
          hint="accounts.hint.password"
          state={state}
        />
        <button class="btn btn-rock w-100" type="submit">
          <Icon name="key" /> {t('users.accept.submit')}
        </button>
      </form>
    </AuthCard>
  );
}

export function InvitationInvalidPage() {
  const { t } = usePage();
  return (
    <AuthCard title={t('users.accept.title')}>
      <div class="alert alert-danger" role="alert" data-invitation-invalid>
        {t('users.accept.invalid')}
      </div>
      <a class="btn btn-rock" href="/masuk">
        {t('users.accept.toLogin')}
      </a>
    </AuthCard>
  );
}
