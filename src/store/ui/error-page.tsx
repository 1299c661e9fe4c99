import type { MessageKey } from '../../lib/i18n';
import { ErrorSearchForm } from './error-search';
import { Icon } from './icon';
import { Layout } from './layout';
import { usePage } from './page-context';

export interface ErrorPageProps {
  status: 400 | 403 | 404 | 413 | 429 | 500;
  /** Request id shown on server errors so a customer can quote it to the shop. */
  reference?: string;
}

export function ErrorPage({ status, reference }: ErrorPageProps) {
  const { t, profile } = usePage();
  const key = (suffix: 'title' | 'lead') => `error.${status}.${suffix}` as MessageKey;
  return (
    <Layout title={t(key('title'))}>
      <section class="error-page container">
        <p class="error-code" aria-hidden="true">
          {status}
        </p>
        <h1 class="display-title">{t(key('title'))}</h1>
        <p class="lead">{t(key('lead'))}</p>
        {reference && (
          <p class="small text-body-secondary">
            {t('error.reference')}: <code>{reference}</code>
          </p>
        )}
        <ErrorSearchForm />
        <div class="error-actions">
          <a class="btn btn-outline-rock" href="/">
            <Icon name="house" /> {t('error.home')}
          </a>
          <a class="btn btn-outline-rock" href={`https://wa.me/${profile.whatsapp}`} rel="noopener" target="_blank">
            <Icon name="whatsapp" style="brands" /> {t('error.contact')}
          </a>
        </div>
      </section>
    </Layout>
  );
}
