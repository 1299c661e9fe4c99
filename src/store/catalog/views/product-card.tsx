import { formatRupiah } from '../../../lib/money';
import { memoByObject } from '../../../lib/object-memo';
import { stockState } from '../model';
import { fallbackRendition, imageUrl, srcSet } from '../../ui/image-urls';
import { CsrfField } from '../../ui/csrf-field';
import { Highlight } from '../../ui/highlight';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { partCache, SharedPart } from '../../ui/shared-part';
import type { ProductCardRow } from '../types';

/** Card widths: 2 per row on phones, 3 on tablets, 4 on desktops. */
const CARD_SIZES = '(min-width: 1200px) 300px, (min-width: 768px) 33vw, 50vw';

/**
 * Rendered cards, kept like the footer (SharedPart): a catalogue page no cache has seen is mostly
 * cards of products other pages showed moments ago, and turning a card into HTML is most of what
 * such a page costs. Room for every card of a large shop in both languages; ~1.5 KB each.
 */
const renderedCards = partCache(8192);

interface CardProps {
  product: ProductCardRow;
  eager?: boolean;
  highlight?: readonly string[];
}

/**
 * A product in a grid. On a page without a session (its add-to-cart form carries no token) and
 * without search words to highlight, the card depends only on what its key names, and is rendered
 * once per key.
 */
export function ProductCard({ product, eager = false, highlight }: CardProps) {
  const { csrfToken } = usePage();
  if (csrfToken || (highlight && highlight.length > 0)) {
    return (
      <article class="product-card h-100">
        <CardInside product={product} eager={eager} highlight={highlight} />
      </article>
    );
  }
  return (
    <SharedPart
      tag="article"
      attributes={{ class: 'product-card h-100' }}
      id={cardKey(product, eager)}
      inner={() => <CardInside product={product} eager={eager} />}
      cache={renderedCards}
    />
  );
}

/**
 * Each row's key, per loading mode: the catalogue keeps card rows for seconds (card-cache.ts) and
 * never changes one, so the same row object comes back on page after page and its key (a JSON
 * string, costly to build and to hash) is made once.
 */
const keysOfRows = {
  lazy: memoByObject((p: ProductCardRow) => newCardKey(p, false)),
  eager: memoByObject((p: ProductCardRow) => newCardKey(p, true)),
};

function cardKey(p: ProductCardRow, eager: boolean): string {
  return eager ? keysOfRows.eager(p) : keysOfRows.lazy(p);
}

/** Everything a card shows, in one string; the stock as the card words it, not the raw count. */
function newCardKey(p: ProductCardRow, eager: boolean): string {
  const stock = stockState(p.stock, p.lowStockThreshold);
  const image = p.image ? [p.image.storageKey, p.image.alt, p.image.sizes] : null;
  const shelf = stock.kind === 'low' ? `low:${stock.count}` : stock.kind;
  // JSON, so a name with the separator in it cannot pass for another card's key.
  return `card|${JSON.stringify([eager, p.id, p.slug, p.price, shelf, p.isFeatured, p.brand, p.name, image])}`;
}

function CardInside({ product, eager = false, highlight }: CardProps) {
  const { t } = usePage();
  const stock = stockState(product.stock, product.lowStockThreshold);
  const href = `/produk/${product.slug}`;
  const image = product.image;
  const fallback = image ? fallbackRendition(image.sizes, 640) : undefined;
  return (
    <>
      <a href={href} class="product-card-media" tabIndex={-1} aria-hidden="true">
        {image && fallback ? (
          <picture>
            <source type="image/webp" srcset={srcSet(image.storageKey, image.sizes, 'webp')} sizes={CARD_SIZES} />
            <img
              src={imageUrl(image.storageKey, fallback.nominal, 'jpg')}
              srcset={srcSet(image.storageKey, image.sizes, 'jpg')}
              sizes={CARD_SIZES}
              width={fallback.size.width}
              height={fallback.size.height}
              alt={image.alt || product.name}
              loading={eager ? 'eager' : 'lazy'}
              decoding="async"
            />
          </picture>
        ) : (
          <div class="product-card-placeholder" />
        )}
        {product.isFeatured && <span class="badge product-card-badge">{t('product.featured')}</span>}
      </a>
      <div class="product-card-body">
        <p class="product-card-brand">{product.brand}</p>
        <h3 class="product-card-title">
          <a href={href}>
            <Highlight text={product.name} terms={highlight} />
          </a>
        </h3>
        <p class="product-card-price">{formatRupiah(product.price)}</p>
        <p class={`product-card-stock stock-${stock.kind}`}>
          {stock.kind === 'in' && t('product.stock.in')}
          {stock.kind === 'low' && t('product.stock.low', { count: stock.count })}
          {stock.kind === 'out' && t('product.stock.out')}
        </p>
        {/* One unit straight from the list (web/cart.ts sends it with fetch); the product page picks a quantity. */}
        {stock.kind !== 'out' && (
          <form class="product-card-add" action="/keranjang/tambah" method="post" data-cart-form="add">
            <CsrfField />
            <input type="hidden" name="product" value={product.id} />
            <input type="hidden" name="quantity" value="1" />
            <button
              class="btn btn-sm btn-outline-rock"
              type="submit"
              aria-label={t('cart.card.add', { name: product.name })}
              title={t('product.addToCart')}
            >
              <Icon name="cart-plus" />
            </button>
          </form>
        )}
      </div>
    </>
  );
}
