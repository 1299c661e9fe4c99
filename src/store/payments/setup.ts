/**
 * Wires online payments into the store: the provider settings (environment first, then the back
 * office, secrets sealed), the payments service, and its routes. app.ts calls this once.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config';
import type { StoreDb } from '../../db/store-db';
import { createSecretBox } from '../../lib/secret-box';
import type { OrdersService } from '../orders/service';
import type { ShopSettingsService } from '../shop-settings/service';
import { createProviderSettings } from './provider-settings';
import { createPaymentsRepository } from './repository';
import { registerPaymentRoutes } from './routes';
import { createPaymentsService } from './service';

export function setupPayments(
  app: FastifyInstance,
  deps: { db: StoreDb; config: Config; orders: OrdersService; settings: ShopSettingsService; clock?: () => Date },
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
  const routes = registerPaymentRoutes(app, { payments, providers, orders: deps.orders, settings: deps.settings, clock: deps.clock });
  return { payments, providers, ...routes };
}

export type PaymentsArea = ReturnType<typeof setupPayments>;
