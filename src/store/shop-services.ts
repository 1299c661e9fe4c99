/**
 * The services the shop's own pages stand on (profile, catalogue, products, cart, settings,
 * stock, orders and staff invitations), each made from its repositories. Payments, checkout,
 * accounts, the API and the back office build theirs in their own setup modules, from these.
 *
 * Beside app.ts rather than in an area folder: only the composition root may reach every area's
 * repositories (.dependency-cruiser.cjs).
 */
import type { Config } from '../config';
import { type StoreDb, transactionRunner } from '../db/store-db';
import { createCartRepository } from './cart/repository';
import { createCartService } from './cart/service';
import { createCatalogRepository } from './catalog/repository';
import { createSearchRepository } from './catalog/search-repository';
import { createCatalogService } from './catalog/service';
import { createOutboxRepository } from './mail/outbox-repository';
import type { StoreMetrics } from './metrics/registry';
import { createDeskRepository } from './orders/desk-repository';
import { createOrdersRepository } from './orders/repository';
import { createOrdersService } from './orders/service';
import { createProductRepository } from './product/repository';
import { createProductService } from './product/service';
import { createShopSettingsRepository } from './shop-settings/repository';
import { createShopSettingsService } from './shop-settings/service';
import { createStockRepository } from './stock/repository';
import { createStockService } from './stock/service';
import { createStoreProfileRepository } from './store-profile/repository';
import { createStoreProfileService } from './store-profile/service';
import { createUsersRepository } from './users/repository';
import { createUsersService } from './users/service';

export interface ShopServiceDeps {
  db: StoreDb;
  config: Config;
  /** Prometheus metrics, when a token turns them on: orders report each status change. */
  metrics?: StoreMetrics;
  /** Wakes the email worker after an email is queued. */
  onEmailQueued?: () => void;
  clock?: () => Date;
}

export function createShopServices({ db, config, metrics, onEmailQueued, clock }: ShopServiceDeps) {
  const transaction = transactionRunner(db);
  const settings = createShopSettingsService({ repo: createShopSettingsRepository(db) });
  const stock = createStockService({ repo: createStockRepository(db), transaction });
  const outbox = createOutboxRepository(db);
  const queueEmail: typeof outbox.enqueue = (email, tx) => outbox.enqueue(email, tx);
  const deskRepo = createDeskRepository(db);
  const publicUrl = config.store.publicUrl;
  return {
    transaction,
    settings,
    stock,
    profiles: createStoreProfileService({ profiles: createStoreProfileRepository(db) }),
    catalog: createCatalogService({ catalog: createCatalogRepository(db), search: createSearchRepository(db) }),
    products: createProductService({ products: createProductRepository(db) }),
    cart: createCartService({ repo: createCartRepository(db) }),
    orders: createOrdersService({
      repo: createOrdersRepository(db),
      deskRepo,
      stock,
      settings,
      transaction,
      queueEmail,
      emailsQueued: onEmailQueued,
      secret: config.sessionSecret,
      publicUrl,
      shopAddress: (tx) => deskRepo.shopAddress(tx),
      clock,
      observe: metrics && { moved: metrics.orderMoved },
    }),
    users: createUsersService({
      repo: createUsersRepository(db),
      transaction,
      secret: config.sessionSecret,
      publicUrl,
      queueEmail,
      emailsQueued: onEmailQueued,
    }),
  };
}
