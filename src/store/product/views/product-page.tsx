import { formatRupiah } from '../../../lib/money';
import { stockState } from '../../catalog/model';
import { fallbackRendition, imageUrl } from '../../ui/image-urls';
import { SeoHead } from '../../seo/views/head';
import { breadcrumbJsonLd, productJsonLd } from '../../seo/views/json-ld';
import { CsrfField } from '../../ui/csrf-field';
import { Icon } from '../../ui/icon';
import { Breadcrumbs } from '../../ui/breadcrumbs';
import { Layout } from '../../ui/layout';
import { usePage } from '../../ui/page-context';
import { ProductCard } from '../../catalog/views/product-card';
import { formatDimensionsCm, formatWeightKg, metaDescription } from '../format';
import type { ProductPageData } from '../service';
import { Gallery } from './gallery';

const categoryHref = (slug: string) => `/produk?kategori=${encodeURIComponent(slug)}`;

export function ProductPage({ data, publicUrl }: { data: ProductPageData; publicUrl: string }) {
  const { t, locale, profile } = usePage();
  const { product, categories, images, related } = data;
  const path = `/produk/${product.slug}`;
  const url = publicUrl + path;
  const stock = stockState(product.stock, product.lowStockThreshold);
  const description = metaDescription(product.description || product.name);
  const ogImage = images[0] ? fallbackRendition(images[0].sizes, 1280) : undefined;
  const absoluteImages = images.flatMap((image) => {
    const large = fallbackRendition(image.sizes, 1280);
    return large ? [publicUrl + imageUrl(image.storageKey, large.nominal, 'jpg')] : [];
  });
  const ownCategory = categories.at(-1);
  const whatsappText = t('product.ask.text', { name: product.name, sku: product.sku }) + ` ${url}`;
  const whatsappHref = `https://wa.me/${profile.whatsapp}?text=${encodeURIComponent(whatsappText)}`;

  const head = (
    <SeoHead
      canonical={url}
      title={product.name}
      description={description}
      type="product"
      siteName={profile.name}
      locale={locale}
      image={
        ogImage && images[0]
          ? { url: absoluteImages[0]!, width: ogImage.size.width, height: ogImage.size.height, alt: images[0].alt || product.name }
          : undefined
      }
      jsonLd={[
        productJsonLd({
          name: product.name,
          description: product.description,
          sku: product.sku,
          brand: product.brand,
          model: product.model,
          price: product.price,
          inStock: product.stock > 0,
          url,
          images: absoluteImages,
          category: categories.map((c) => c.name).join(' > ') || undefined,
        }),
        breadcrumbJsonLd([
          { name: t('nav.home'), url: `${publicUrl}/` },
          { name: t('nav.products'), url: `${publicUrl}/produk` },
          ...categories.map((c) => ({ name: c.name, url: publicUrl + categoryHref(c.slug) })),
          { name: product.name, url },
        ]),
      ]}
    />
  );

  return (
    <Layout title={product.name} description={description} head={head} scripts={['gallery']}>
      <div class="container product-page">
        <Breadcrumbs
          label={t('product.breadcrumb')}
          class="product-breadcrumb"
          trail={[...categories.map((c) => ({ label: c.name, href: categoryHref(c.slug) })), { label: product.name }]}
        />

        <div class="row g-4 g-lg-5">
          <div class="col-12 col-lg-6">
            <Gallery images={images} name={product.name} />
          </div>
          <div class="col-12 col-lg-6">
            <div class="product-summary">
              <p class="product-brand">
                <a href={`/produk?merek=${encodeURIComponent(product.brand)}`}>{product.brand}</a>
              </p>
              <h1 class="product-title">{product.name}</h1>
              <p class="product-meta">
                {product.model && (
                  <span>
                    {t('product.model')}: {product.model}
                  </span>
                )}
                <span>
                  {t('product.sku')}: <span class="font-monospace">{product.sku}</span>
                </span>
              </p>
              <p class="product-price">{formatRupiah(product.price)}</p>
              <p class={`product-stock stock-${stock.kind}`}>
                <Icon name={stock.kind === 'out' ? 'circle-xmark' : stock.kind === 'low' ? 'triangle-exclamation' : 'circle-check'} />{' '}
                {stock.kind === 'in' && t('product.stock.in')}
                {stock.kind === 'low' && t('product.stock.low', { count: stock.count })}
                {stock.kind === 'out' && t('product.stock.out')}
              </p>

              {/* web/cart.ts sends this with fetch (badge + toast); without JavaScript it posts and lands on the cart. */}
              <form class="product-buy" action="/keranjang/tambah" method="post" data-cart-form="add">
                <CsrfField />
                <input type="hidden" name="product" value={product.id} />
                <div class="product-qty">
                  <label class="form-label" for="quantity">
                    {t('product.quantity')}
                  </label>
                  <input
                    id="quantity"
                    class="form-control"
                    type="number"
                    name="quantity"
                    inputMode="numeric"
                    min={1}
                    max={Math.max(1, product.stock)}
                    step={1}
                    value={1}
                    required
                    disabled={stock.kind === 'out'}
                    aria-describedby="quantity-help"
                  />
                </div>
                <button class="btn btn-rock btn-lg product-add" type="submit" disabled={stock.kind === 'out'}>
                  <Icon name="cart-plus" /> {t('product.addToCart')}
                </button>
                <p id="quantity-help" class="form-text product-qty-help">
                  {stock.kind === 'out' ? t('product.outOfStock.help') : t('product.quantity.max', { count: product.stock })}
                </p>
              </form>
              <a class="btn btn-outline-rock product-ask" href={whatsappHref} rel="noopener" target="_blank">
                <Icon name="whatsapp" style="brands" /> {t('product.ask')}
              </a>
              <ul class="product-perks list-unstyled">
                <li>
                  <Icon name="certificate" /> {t('product.perk.original')}
                </li>
                <li>
                  <Icon name="screwdriver-wrench" /> {t('product.perk.setup')}
                </li>
              </ul>
            </div>
          </div>
        </div>

        <div class="row g-4 g-lg-5 product-details">
          <section class="col-12 col-lg-7" aria-labelledby="description-title">
            <h2 id="description-title" class="section-title">
              {t('product.description')}
            </h2>
            <div class="product-description">
              {product.description.split(/\n{2,}/).map((paragraph, i) => (
                <p key={i}>{paragraph}</p>
              ))}
            </div>
          </section>
          <section class="col-12 col-lg-5" aria-labelledby="specs-title">
            <h2 id="specs-title" class="section-title">
              {t('product.specs')}
            </h2>
            <table class="table spec-table">
              <tbody>
                <tr>
                  <th scope="row">{t('product.brand')}</th>
                  <td>{product.brand}</td>
                </tr>
                {product.model && (
                  <tr>
                    <th scope="row">{t('product.model')}</th>
                    <td>{product.model}</td>
                  </tr>
                )}
                <tr>
                  <th scope="row">{t('product.sku')}</th>
                  <td class="font-monospace">{product.sku}</td>
                </tr>
                {ownCategory && (
                  <tr>
                    <th scope="row">{t('product.category')}</th>
                    <td>
                      <a href={categoryHref(ownCategory.slug)}>{ownCategory.name}</a>
                    </td>
                  </tr>
                )}
                <tr>
                  <th scope="row">{t('product.weight')}</th>
                  <td>{formatWeightKg(product.weightGrams, locale)}</td>
                </tr>
                <tr>
                  <th scope="row">{t('product.dimensions')}</th>
                  <td>{formatDimensionsCm(product.lengthCm, product.widthCm, product.heightCm, locale)}</td>
                </tr>
              </tbody>
            </table>
          </section>
        </div>

        {related.length > 0 && (
          <section class="section pb-0" aria-labelledby="related-title">
            <h2 id="related-title" class="section-title">
              {t('product.related')}
            </h2>
            <ul class="product-grid list-unstyled">
              {related.map((p) => (
                <li key={p.id}>
                  <ProductCard product={p} />
                </li>
              ))}
            </ul>
          </section>
        )}
      </div>
    </Layout>
  );
}
