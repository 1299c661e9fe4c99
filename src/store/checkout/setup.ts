/**
 * Wires checkout into the store: the service with its cached reads of the couriers and the
 * shop's settings, and its routes. app.ts calls this once, early (the cart and the JSON API quote
 * shipping through the service), and registers the routes later with the other customer routes.
 */
import type { FastifyInstance } from 'fastify';
import type { StoreDb } from '../../db/store-db';
import { refreshingValue } from '../../lib/cache';
import type { CartService } from '../cart/service';
import type { OrdersService } from '../orders/service';
import type { PaymentMethod } from '../orders/state-machine';
import type { ShopSettingsService } from '../shop-settings/service';
import type { StockService } from '../stock/service';
import { createCheckoutRepository } from './repository';
import { type CheckoutRoutesDeps, registerCheckoutRoutes } from './routes';
import { type CheckoutService, createCheckoutService } from './service';

/** How old the couriers and settings checkout reads may get before they are read again. */
const CHECKOUT_READS_MS = 1000;

/** The checkout service as the routes see it, counting each placement refused for stock (X5 metrics). */
function countStockRefusals(checkout: CheckoutService, refused: () => void): CheckoutService {
  return {
    ...checkout,
    async outrun(...args) {
      const outrun = await checkout.outrun(...args);
      if (outrun) refused();
      return outrun;
    },
    async place(...args) {
      const outcome = await checkout.place(...args);
      if (!outcome.ok && outcome.problem === 'stock') refused();
      return outcome;
    },
  };
}

export interface CheckoutSetupDeps {
  db: StoreDb;
  cart: CartService;
  settings: ShopSettingsService;
  orders: OrdersService;
  stock: StockService;
  /** Online gateways ready to take payments now (payments area). */
  onlineMethods: () => Promise<PaymentMethod[]>;
  clock?: () => Date;
  /** Told of each placement refused for stock (metrics, when on). */
  stockRefused?: () => void;
}

export function setupCheckout(app: FastifyInstance, deps: CheckoutSetupDeps) {
  const { settings } = deps;
  // Every checkout POST needs the couriers and the shop's settings. Read for it at most once a
  // second per instance (in the background, so no buyer waits for it) and forgotten at once when
  // this instance saves them: another instance may quote from the old ones for up to a second,
  // which the customer sees on the page and confirms, so no order ever differs from its quote.
  const checkoutRepo = createCheckoutRepository(deps.db);
  const checkoutCouriers = refreshingValue(() => checkoutRepo.activeShippingServices(), CHECKOUT_READS_MS);
  const checkoutSettings = refreshingValue(() => settings.get(), CHECKOUT_READS_MS);
  const checkout = createCheckoutService({
    repo: { activeShippingServices: () => checkoutCouriers.get() },
    cart: deps.cart,
    settings: { get: () => checkoutSettings.get() },
    orders: deps.orders,
    onlineMethods: deps.onlineMethods,
    shelf: (productIds) => deps.stock.onSale(productIds),
    clock: deps.clock,
  });
  return {
    checkout,
    /** Forgets the cached couriers and settings: call after this instance saves either. */
    readsChanged: () => {
      checkoutCouriers.invalidate();
      checkoutSettings.invalidate();
    },
    /** Called where the other customer routes are registered (after the session, role and CSRF hooks). */
    registerRoutes: (routeDeps: Pick<CheckoutRoutesDeps, 'accounts' | 'payOnline'>) =>
      registerCheckoutRoutes(app, {
        checkout: deps.stockRefused ? countStockRefusals(checkout, deps.stockRefused) : checkout,
        orders: deps.orders,
        ...routeDeps,
      }),
  };
}
