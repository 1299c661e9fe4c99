/** What "Add to cart" answers until the cart exists: an honest note and a way to order now. */
import { Icon } from '../../ui/icon';
import { Layout } from '../../ui/layout';
import { usePage } from '../../ui/page-context';

export function CartSoonPage({ product }: { product: { slug: string; name: string } | null }) {
  const { t, profile } = usePage();
  const name = product?.name ?? t('nav.products').toLowerCase();
  const text = product ? `${product.name}` : '';
  return (
    <Layout title={t('cart.soon.title')}>
      <section class="error-page container">
        <p class="error-code cart-soon-icon" aria-hidden="true">
          <Icon name="cart-shopping" />
        </p>
        <h1 class="display-title">{t('cart.soon.title')}</h1>
        <p class="lead">{t('cart.soon.lead', { name })}</p>
        <div class="error-actions">
          <a class="btn btn-rock" href={`https://wa.me/${profile.whatsapp}${text ? `?text=${encodeURIComponent(text)}` : ''}`} rel="noopener" target="_blank">
            <Icon name="whatsapp" style="brands" /> {t('cart.soon.order')}
          </a>
          <a class="btn btn-outline-rock" href={product ? `/produk/${product.slug}` : '/produk'}>
            <Icon name="arrow-left" /> {product ? t('cart.soon.back') : t('nav.products')}
          </a>
        </div>
      </section>
    </Layout>
  );
}
