/**
 * Wires online payments into the store: the provider settings (environment first, then the back
 * office, secrets sealed), the payments service, its pages, and its routes. app.ts calls this once,
 * early (checkout needs the service), and registers the routes later with the other customer routes.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config';
import { type StoreDb, transactionRunner } from '../../db/store-db';
import { createSecretBox } from '../../lib/secret-box';
import type { OrdersService } from '../orders/service';
import type { ShopSettingsService } from '../shop-settings/service';
import { createPaymentsAdmin } from './admin';
import { createProviderSettings } from './provider-settings';
import { createPaymentsRepository } from './repository';
import { createPaymentPages, registerPaymentRoutes } from './routes';
import { createPaymentsService } from './service';

export function setupPayments(
  app: FastifyInstance,
  deps: {
    db: StoreDb;
    config: Config;
    orders: OrdersService;
    settings: ShopSettingsService;
    clock?: () => Date;
    /** The CSP of a page embedding Midtrans' popup (script and frame from its origin), app-wide headers otherwise. */
    embeddingPolicy?: (origin: string) => string;
    /** Told each provider notification's outcome (metrics). */
    observe?: (provider: string, outcome: string) => void;
  },
) {
  const repo = createPaymentsRepository(deps.db);
  const providers = createProviderSettings({
    repo,
    env: deps.config.payments,
    box: createSecretBox(deps.config.payments.sealingSecret, 'payment-keys'),
  });
  const payments = createPaymentsService({
    repo,
    orders: deps.orders,
    providers,
    clock: deps.clock,
    warn: (details, message) => app.log.warn(details, message),
  });
  const routeDeps = {
    payments,
    providers,
    orders: deps.orders,
    settings: deps.settings,
    clock: deps.clock,
    embeddingPolicy: deps.embeddingPolicy,
    observe: deps.observe,
  };
  const pages = createPaymentPages(routeDeps);
  const admin = createPaymentsAdmin({ providers, transaction: transactionRunner(deps.db) });
  return {
    payments,
    providers,
    admin,
    paymentPart: pages.paymentPart,
    afterCheckout: pages.afterCheckout,
    /** Called where the other customer routes are registered (after the session, role and CSRF hooks). */
    registerRoutes: () => registerPaymentRoutes(app, routeDeps, pages),
  };
}

export type PaymentsArea = ReturnType<typeof setupPayments>;
