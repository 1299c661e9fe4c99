import { formatRupiah } from '../../../lib/money';
import { CsrfField } from '../../ui/csrf-field';
import { Icon } from '../../ui/icon';
import { Layout } from '../../ui/layout';
import { usePage } from '../../ui/page-context';
import type { CartView } from '../service';
import { CartLineItem } from './cart-line';

export interface CartPageAlert {
  kind: 'success' | 'warning' | 'danger';
  text: string;
  /** A refused change of this line: the message is shown at its quantity field too. */
  productId?: number;
}

function EmptyCart({ hidden }: { hidden: boolean }) {
  const { t } = usePage();
  return (
    <div class="cart-empty" data-cart-empty hidden={hidden}>
      <p class="cart-empty-icon" aria-hidden="true">
        <Icon name="cart-shopping" />
      </p>
      <h2 class="cart-empty-title">{t('cart.empty.title')}</h2>
      <p class="lead">{t('cart.empty.lead')}</p>
      <a class="btn btn-rock" href="/produk">
        <Icon name="guitar" /> {t('cart.empty.browse')}
      </a>
    </div>
  );
}

/** The cart page. Every amount on it was computed by the server (service.ts). */
export interface CartPageProps {
  view: CartView;
  /** Cheapest shipping for these lines (undefined: no courier active), and how to say it. */
  shipping: number | undefined;
  shippingText: string;
  notices: string[];
  alert?: CartPageAlert;
}

export function CartPage({ view, shipping, shippingText, notices, alert }: CartPageProps) {
  const { t } = usePage();
  const empty = view.lines.length === 0;
  const flagged = view.lines.some((l) => l.priceChange);
  return (
    <Layout title={t('cart.title')}>
      <div class="container cart-page">
        <h1 class="display-title cart-title">{t('cart.title')}</h1>
        <div class="cart-messages" data-cart-messages aria-live="polite">
          {alert && (
            <div class={`alert alert-${alert.kind}`} role={alert.kind === 'danger' ? 'alert' : 'status'}>
              {alert.text}
            </div>
          )}
          {notices.map((text, i) => (
            <div class="alert alert-warning" role="status" key={i}>
              <Icon name="circle-info" /> {text}
            </div>
          ))}
        </div>
        {flagged && (
          <form class="alert alert-warning cart-changes" method="post" action="/keranjang/konfirmasi" data-cart-changes>
            <CsrfField />
            <p class="mb-2">
              <Icon name="triangle-exclamation" /> {t('cart.changes.title')}
            </p>
            <button class="btn btn-sm btn-outline-rock" type="submit">
              {t('cart.acknowledge')}
            </button>
          </form>
        )}
        <EmptyCart hidden={!empty} />
        {!empty && (
          <div class="row g-4" data-cart-filled>
            <section class="col-12 col-lg-8" aria-label={t('cart.lines')}>
              <ul class="cart-lines list-unstyled">
                {view.lines.map((line) => (
                  <CartLineItem key={line.productId} line={line} error={alert?.productId === line.productId ? alert.text : undefined} />
                ))}
              </ul>
              <a class="cart-continue" href="/produk">
                <Icon name="arrow-left" /> {t('cart.continue')}
              </a>
            </section>
            <aside class="col-12 col-lg-4 cart-aside" aria-labelledby="cart-summary-title">
              <div class="cart-summary">
                <h2 id="cart-summary-title" class="cart-summary-title">
                  {t('cart.summary')}
                </h2>
                <dl class="cart-summary-rows">
                  <div>
                    <dt data-cart-subtotal-label>{t('cart.subtotal', { count: view.units })}</dt>
                    <dd data-cart-subtotal>{formatRupiah(view.subtotal)}</dd>
                  </div>
                  <div>
                    <dt>{t('cart.shipping.estimate')}</dt>
                    <dd class="cart-shipping-later" data-cart-shipping>
                      {shippingText}
                    </dd>
                  </div>
                </dl>
                {/* Below 992 px this is the bar fixed at the bottom of the screen (web/styles/cart.css). */}
                <div class="cart-summary-pay">
                  <dl class="cart-summary-rows">
                    <div class="cart-summary-total">
                      <dt>{t(shipping === undefined ? 'cart.total' : 'cart.total.estimate')}</dt>
                      <dd data-cart-total>{formatRupiah(view.subtotal + (shipping ?? 0))}</dd>
                    </div>
                  </dl>
                  <a class="btn btn-rock btn-lg cart-summary-checkout" href="/checkout">
                    <Icon name="lock" /> {t('cart.checkout')}
                  </a>
                </div>
              </div>
            </aside>
          </div>
        )}
      </div>
    </Layout>
  );
}
