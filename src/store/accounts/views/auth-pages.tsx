import { CsrfField } from '../../ui/csrf-field';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { AuthCard, FieldInput, FormAlert, type FormState } from '../../ui/form-fields';

export function LoginPage({ state, next }: { state: FormState; next: string | undefined }) {
  const { t } = usePage();
  return (
    <AuthCard title={t('login.title')} lead={t('login.lead')}>
      <FormAlert state={state} />
      <form method="post" action="/masuk" novalidate>
        <CsrfField />
        {next && <input type="hidden" name="next" value={next} />}
        <FieldInput name="email" label="accounts.field.email" type="email" autocomplete="username" state={state} maxLength={254} />
        <FieldInput name="password" label="accounts.field.password" type="password" autocomplete="current-password" state={state} />
        <div class="d-flex justify-content-between align-items-center mb-3 flex-wrap gap-2">
          <div class="form-check">
            <input class="form-check-input" type="checkbox" id="f-remember" name="remember" checked={state.values?.remember === 'on'} />
            <label class="form-check-label" for="f-remember">
              {t('accounts.field.remember')}
            </label>
          </div>
          <a href="/lupa-password">{t('login.forgot')}</a>
        </div>
        <button class="btn btn-rock w-100" type="submit">
          <Icon name="right-to-bracket" /> {t('login.submit')}
        </button>
      </form>
      <p class="auth-switch">
        {t('login.noAccount')} <a href={next ? `/daftar?next=${encodeURIComponent(next)}` : '/daftar'}>{t('register.title')}</a>
      </p>
    </AuthCard>
  );
}

export function RegisterPage({ state, next }: { state: FormState; next: string | undefined }) {
  const { t } = usePage();
  return (
    <AuthCard title={t('register.title')} lead={t('register.lead')}>
      <FormAlert state={state} />
      <form method="post" action="/daftar" novalidate>
        <CsrfField />
        {next && <input type="hidden" name="next" value={next} />}
        <FieldInput name="name" label="accounts.field.name" autocomplete="name" state={state} maxLength={120} />
        <FieldInput name="email" label="accounts.field.email" type="email" autocomplete="email" state={state} maxLength={254} />
        <FieldInput
          name="password"
          label="accounts.field.password"
          type="password"
          autocomplete="new-password"
          hint="accounts.hint.password"
          state={state}
        />
        <button class="btn btn-rock w-100" type="submit">
          <Icon name="user-plus" /> {t('register.submit')}
        </button>
      </form>
      <p class="auth-switch">
        {t('register.haveAccount')} <a href="/masuk">{t('login.title')}</a>
      </p>
    </AuthCard>
  );
}

export function ForgotPasswordPage({ state, sent }: { state: FormState; sent: boolean }) {
  const { t } = usePage();
  return (
    <AuthCard title={t('forgot.title')} lead={sent ? undefined : t('forgot.lead')}>
      {sent ? (
        <div class="alert alert-success" role="status">
          {t('forgot.sent')}
        </div>
      ) : (
        <>
          <FormAlert state={state} />
          <form method="post" action="/lupa-password" novalidate>
            <CsrfField />
            <FieldInput name="email" label="accounts.field.email" type="email" autocomplete="email" state={state} maxLength={254} />
            <button class="btn btn-rock w-100" type="submit">
              <Icon name="paper-plane" /> {t('forgot.submit')}
            </button>
          </form>
        </>
      )}
      <p class="auth-switch">
        <a href="/masuk">{t('login.back')}</a>
      </p>
    </AuthCard>
  );
}

export function ResetPasswordPage({ state, token }: { state: FormState; token: string }) {
  const { t } = usePage();
  return (
    <AuthCard title={t('reset.title')} lead={t('reset.lead')}>
      <FormAlert state={state} />
      <form method="post" action="/reset-password" novalidate>
        <CsrfField />
        <input type="hidden" name="token" value={token} />
        <FieldInput
          name="password"
          label="accounts.field.newPassword"
          type="password"
          autocomplete="new-password"
          hint="accounts.hint.password"
          state={state}
        />
        <button class="btn btn-rock w-100" type="submit">
          <Icon name="key" /> {t('reset.submit')}
        </button>
      </form>
    </AuthCard>
  );
}

/** A one-message page: link verified, link invalid or expired. */
export function NoticePage({
  title,
  message,
  kind,
  action,
}: {
  title: string;
  message: string;
  kind: 'success' | 'danger';
  action: { href: string; label: string };
}) {
  return (
    <AuthCard title={title}>
      <div class={`alert alert-${kind}`} role={kind === 'danger' ? 'alert' : 'status'}>
        {message}
      </div>
      <a class="btn btn-rock" href={action.href}>
        {action.label}
      </a>
    </AuthCard>
  );
}
