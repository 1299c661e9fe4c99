import { CsrfField } from '../../ui/csrf-field';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { AuthCard, FieldInput, FormAlert, type FormState } from '../../ui/form-fields';

/** The second step of a staff login: the authenticator's code, or one of the recovery codes. */
export function SecondStepPage({ state }: { state: FormState }) {
  const { t } = usePage();
  return (
    <AuthCard title={t('twoFactor.login.title')} lead={t('twoFactor.login.lead')}>
      <FormAlert state={state} />
      <form method="post" action="/masuk/verifikasi" novalidate data-second-step>
        <CsrfField />
        <FieldInput
          name="code"
          label="twoFactor.login.code"
          hint="twoFactor.login.hint"
          autocomplete="one-time-code"
          inputMode="text"
          maxLength={40}
          state={state}
        />
        <button class="btn btn-rock w-100" type="submit">
          <Icon name="shield-halved" /> {t('twoFactor.login.submit')}
        </button>
      </form>
      <p class="auth-switch">
        <a href="/masuk">{t('twoFactor.login.restart')}</a>
      </p>
    </AuthCard>
  );
}
