import { CsrfField } from './csrf-field';
import { Icon } from './icon';
import { usePage } from './page-context';
import { AuthCard } from './form-fields';
import type { FormValues } from './form';

/**
 * Shown when a form arrives without a valid CSRF token (an expired session, a form left open for
 * a day, or a forged request). The visitor's input rides along in hidden fields, so one click
 * sends it again with a fresh token; passwords are never echoed back.
 */
export function CsrfFailedPage({ action, values }: { action: string; values: FormValues }) {
  const { t } = usePage();
  return (
    <AuthCard title={t('csrf.title')} lead={t('csrf.lead')}>
      <form method="post" action={action}>
        <CsrfField />
        {Object.entries(values).map(([name, value]) => (
          <input type="hidden" name={name} value={value} key={name} />
        ))}
        <div class="d-flex flex-wrap gap-2">
          <button class="btn btn-rock" type="submit">
            <Icon name="rotate-right" /> {t('csrf.resend')}
          </button>
          <a class="btn btn-outline-rock" href="/">
            {t('error.home')}
          </a>
        </div>
      </form>
    </AuthCard>
  );
}
