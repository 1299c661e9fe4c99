import { formatRupiah } from '../../../lib/money';
import { fallbackRendition, imageUrl } from '../../ui/image-urls';
import { CsrfField } from '../../ui/csrf-field';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import type { CartLine } from '../service';

/**
 * One cart line. Both forms work without JavaScript (the "Update" button is then visible);
 * web/cart.ts sends them with fetch and redraws the numbers the server answers with.
 */
export function CartLineItem({ line, error }: { line: CartLine; error?: string }) {
  const { t } = usePage();
  const href = `/produk/${line.slug}`;
  const thumb = line.image ? fallbackRendition(line.image.sizes, 320) : undefined;
  const qtyId = `qty-${line.productId}`;
  const errorId = `qty-error-${line.productId}`;
  return (
    <li class="cart-line" data-cart-line={line.productId}>
      <a class="cart-line-media" href={href} tabIndex={-1} aria-hidden="true">
        {line.image && thumb ? (
          <img
            src={imageUrl(line.image.storageKey, thumb.nominal, 'jpg')}
            width={thumb.size.width}
            height={thumb.size.height}
            alt=""
            loading="lazy"
            decoding="async"
          />
        ) : (
          <span class="cart-line-placeholder" />
        )}
      </a>
      <div class="cart-line-info">
        <p class="cart-line-brand">{line.brand}</p>
        <h2 class="cart-line-name">
          <a href={href}>{line.name}</a>
        </h2>
        <p class="cart-line-price">
          <span class="visually-hidden">{t('cart.unitPrice')}: </span>
          {formatRupiah(line.unitPrice)}
        </p>
        {line.priceChange && (
          <p class="cart-line-flag" data-cart-flag>
            <Icon name="triangle-exclamation" />{' '}
            {t('cart.priceChanged', { from: formatRupiah(line.priceChange.from), to: formatRupiah(line.priceChange.to) })}
          </p>
        )}
      </div>
      <form class="cart-line-qty" method="post" action="/keranjang/ubah" data-cart-form="update" novalidate>
        <CsrfField />
        <input type="hidden" name="product" value={line.productId} />
        <label class="form-label small" for={qtyId}>
          {t('cart.quantity')}
          <span class="visually-hidden"> {line.name}</span>
        </label>
        <div class="input-group input-group-sm">
          <input
            id={qtyId}
            class={`form-control${error ? ' is-invalid' : ''}`}
            type="number"
            name="quantity"
            inputMode="numeric"
            min={1}
            max={line.maxQuantity}
            step={1}
            value={line.quantity}
            required
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={errorId}
            data-cart-quantity
          />
          <button class="btn btn-outline-rock" type="submit" data-cart-update-button>
            {t('cart.update')}
          </button>
        </div>
        <p class="form-text small mb-0">{t('cart.quantity.max', { count: line.maxQuantity })}</p>
        <p id={errorId} class="cart-line-error" data-cart-error role="alert">
          {error}
        </p>
      </form>
      <p class="cart-line-total">
        <span class="visually-hidden">{t('cart.lineTotal')}: </span>
        <span data-cart-line-total>{formatRupiah(line.lineTotal)}</span>
      </p>
      <form class="cart-line-remove" method="post" action="/keranjang/hapus" data-cart-form="remove">
        <CsrfField />
        <input type="hidden" name="product" value={line.productId} />
        <button class="btn btn-icon" type="submit" aria-label={t('cart.remove.label', { name: line.name })} title={t('cart.remove')}>
          <Icon name="trash-can" />
        </button>
      </form>
    </li>
  );
}
