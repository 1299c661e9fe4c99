/**
 * 404 for an unknown or withdrawn product: same shape as the generic error page (search and
 * contact), with a product-specific message and a WhatsApp link that says what was looked for.
 */
import { ErrorSearchForm } from '../../ui/error-search';
import { Icon } from '../../ui/icon';
import { Layout } from '../../ui/layout';
import { usePage } from '../../ui/page-context';

export function ProductNotFoundPage() {
  const { t, profile } = usePage();
  return (
    <Layout title={t('product.notFound.title')}>
      <section class="error-page container">
        <p class="error-code" aria-hidden="true">
          404
        </p>
        <h1 class="display-title">{t('product.notFound.title')}</h1>
        <p class="lead">{t('product.notFound.lead')}</p>
        <ErrorSearchForm />
        <div class="error-actions">
          <a class="btn btn-outline-rock" href="/produk">
            <Icon name="guitar" /> {t('nav.products')}
          </a>
          <a class="btn btn-outline-rock" href={`https://wa.me/${profile.whatsapp}`} rel="noopener" target="_blank">
            <Icon name="whatsapp" style="brands" /> {t('error.contact')}
          </a>
          <a class="btn btn-outline-rock" href="/toko">
            <Icon name="location-dot" /> {t('nav.store')}
          </a>
        </div>
      </section>
    </Layout>
  );
}
