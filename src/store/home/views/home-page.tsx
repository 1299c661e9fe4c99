import type { MessageKey } from '../../../lib/i18n';
import type { HomeCatalog } from '../../catalog/service';
import { Icon } from '../../ui/icon';
import { Layout } from '../../ui/layout';
import { usePage } from '../../ui/page-context';
import { ProductCard } from '../../catalog/views/product-card';
import type { CategoryImage } from '../../catalog/types';
import { fallbackRendition, imageUrl, srcSet } from '../../ui/image-urls';

/** Tiles are a quarter of the page on desktops, half on phones. */
const TILE_SIZES = '(min-width: 768px) 25vw, 50vw';

/** A category's picture on its tile; decorative, since the tile's name says what it is. */
function CategoryPicture({ image }: { image: CategoryImage }) {
  const fallback = fallbackRendition(image.sizes, 640);
  if (!fallback) return null;
  return (
    <picture class="category-tile-picture">
      <source type="image/webp" srcset={srcSet(image.storageKey, image.sizes, 'webp', 'categories')} sizes={TILE_SIZES} />
      <img
        src={imageUrl(image.storageKey, fallback.nominal, 'jpg', 'categories')}
        srcset={srcSet(image.storageKey, image.sizes, 'jpg', 'categories')}
        sizes={TILE_SIZES}
        width={fallback.size.width}
        height={fallback.size.height}
        alt=""
        loading="lazy"
      />
    </picture>
  );
}

const HIGHLIGHTS: { icon: string; key: 'original' | 'setup' | 'shipping' | 'chat' }[] = [
  { icon: 'certificate', key: 'original' },
  { icon: 'screwdriver-wrench', key: 'setup' },
  { icon: 'truck-fast', key: 'shipping' },
  { icon: 'comments', key: 'chat' },
];

const HERO_ART = { light: '/static/hero-light.svg', dark: '/static/hero-dark.svg' } as const;

/**
 * The hero's art as <img> elements (not a CSS background), so the browser finds the page's largest
 * picture in the HTML and fetches it first (fetchpriority). One per theme; CSS shows the one that
 * matches data-bs-theme. When the server knows the theme (cookie), the other one is lazy, so it is
 * fetched only if the visitor switches; on a first visit the browser decides, so both are fetched
 * (two small SVGs).
 */
function HeroArt() {
  const { theme } = usePage();
  return (
    <div class="hero-art" aria-hidden="true">
      {(['light', 'dark'] as const).map((kind) => {
        const other = theme !== undefined && theme !== kind;
        return (
          <img
            key={kind}
            class={`hero-art-img hero-art-${kind}`}
            src={HERO_ART[kind]}
            alt=""
            width={900}
            height={700}
            decoding="async"
            fetchpriority={other ? undefined : 'high'}
            loading={other ? 'lazy' : undefined}
          />
        );
      })}
    </div>
  );
}

export function HomePage({ featured, bestSellers, categories }: HomeCatalog) {
  const { t } = usePage();
  return (
    <Layout title={t('home.title')}>
      <section class="hero">
        <HeroArt />
        <div class="container hero-content">
          <p class="hero-kicker">{t('home.hero.kicker')}</p>
          <h1 class="hero-title">{t('home.hero.title')}</h1>
          <p class="hero-lead">{t('home.hero.lead')}</p>
          <div class="hero-actions">
            <a class="btn btn-rock btn-lg" href="/produk">
              <Icon name="guitar" /> {t('home.hero.cta')}
            </a>
            <a class="btn btn-outline-light btn-lg" href="/toko">
              <Icon name="location-dot" /> {t('home.hero.cta2')}
            </a>
          </div>
        </div>
      </section>

      <section class="section container" aria-labelledby="categories-title">
        <h2 id="categories-title" class="section-title">
          {t('home.categories.title')}
        </h2>
        <ul class="category-grid list-unstyled">
          {categories.map((c) => (
            <li key={c.id}>
              <a class="category-tile" href={`/produk?kategori=${encodeURIComponent(c.slug)}`}>
                {c.image ? <CategoryPicture image={c.image} /> : <Icon name={c.icon} class="category-tile-icon" />}
                <span class="category-tile-name">{c.name}</span>
                <span class="category-tile-count">{t('home.categories.count', { count: c.productCount })}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section class="section container" aria-labelledby="featured-title">
        <h2 id="featured-title" class="section-title">
          {t('home.featured.title')}
        </h2>
        {featured.length === 0 ? (
          <p>{t('home.featured.empty')}</p>
        ) : (
          <ul class="product-grid list-unstyled">
            {/* Lazy (low priority) even the first row: below the hero on every screen, and the
                hero's picture is the one to fetch first. */}
            {featured.map((p) => (
              <li key={p.id}>
                <ProductCard product={p} />
              </li>
            ))}
          </ul>
        )}
      </section>

      {bestSellers.length > 0 && (
        <section class="section container pt-0" aria-labelledby="best-sellers-title">
          <h2 id="best-sellers-title" class="section-title">
            {t('home.bestSellers.title')}
          </h2>
          <ul class="product-grid list-unstyled">
            {bestSellers.map((p) => (
              <li key={p.id}>
                <ProductCard product={p} />
              </li>
            ))}
          </ul>
          <p class="text-center mt-4">
            <a class="btn btn-outline-rock" href="/produk?urut=terlaris">
              {t('home.bestSellers.more')}
            </a>
          </p>
        </section>
      )}

      <section class="section highlights" aria-labelledby="highlights-title">
        <div class="container">
          <h2 id="highlights-title" class="section-title">
            {t('home.highlights.title')}
          </h2>
          <ul class="highlight-grid list-unstyled">
            {HIGHLIGHTS.map((item) => (
              <li class="highlight" key={item.key}>
                <Icon name={item.icon} class="highlight-icon" />
                <h3 class="highlight-title">{t(`home.highlight.${item.key}.title` as MessageKey)}</h3>
                <p>{t(`home.highlight.${item.key}.text` as MessageKey)}</p>
              </li>
            ))}
          </ul>
        </div>
      </section>
    </Layout>
  );
}
