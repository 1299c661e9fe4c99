/**
 * Wires the back office (/admin) into the store: the services only staff use (catalogue and
 * category editing, suppliers, couriers, settings and the store profile, product imports, the
 * dashboard, restock orders, reports and the audit log) and the guarded admin area itself.
 *
 * It lives beside app.ts rather than in an area folder because it reaches many areas through their
 * repositories, which only the composition root may do (.dependency-cruiser.cjs). app.ts calls it
 * once, where the admin area is registered among the other routes.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import type { RunInTransaction, StoreDb } from '../db/store-db';
import type { UploadStores } from '../lib/storage/uploads';
import type { AccountsService } from './accounts/service';
import type { TwoFactorService } from './accounts/types';
import { registerAdminArea } from './admin/plugin';
import { createAuditRepository } from './audit/repository';
import { createAuditService } from './audit/service';
import { createCategoryRepository } from './catalog/category-repository';
import { type CatalogService, createCategoryImageService, createCategoryService } from './catalog/service';
import { createChatStatsClient } from './chat/stats-client';
import { removeImageRenditions, storeImageRenditions } from './media/service';
import type { OrdersService } from './orders/service';
import type { PaymentsAdmin, PaymentsService } from './payments/service';
import { createProductAdminRepository } from './product/admin-repository';
import { createProductAdminService, type ProductService } from './product/service';
import { createProductImportRepository } from './product-import/repository';
import { createProductImportService } from './product-import/service';
import type { PendingImports } from './product-import/types';
import { createReportsRepository } from './reports/repository';
import { createExportRepository } from './reports/export-repository';
import { createReportRepository } from './reports/report-repository';
import { createDashboardService, createReportService, createXlsxExports } from './reports/service';
import { createShippingRepository } from './shipping/repository';
import { createShippingService } from './shipping/service';
import { createShopSettingsRepository } from './shop-settings/repository';
import { createShopSettingsEditor, type ShopSettingsService } from './shop-settings/service';
import { createRestockRepository } from './stock/restock-repository';
import { createRestockService, type StockService } from './stock/service';
import { createStoreProfileRepository } from './store-profile/repository';
import { createStoreProfileEditor, type StoreProfileService } from './store-profile/service';
import { LOGO_SUBDIR } from './store-profile/types';
import { createSupplierRepository } from './suppliers/repository';
import { createSupplierService } from './suppliers/service';
import type { UsersService } from './users/service';

export interface BackOfficeSetupDeps {
  db: StoreDb;
  transaction: RunInTransaction;
  config: Pick<Config, 'chat' | 'chatTokenSecret' | 'store'>;
  uploads: UploadStores;
  /** The storefront's caches, forgotten after a catalogue edit. */
  catalog: CatalogService;
  products: ProductService;
  profiles: StoreProfileService;
  stock: StockService;
  orders: OrdersService;
  settings: ShopSettingsService;
  accounts: AccountsService;
  twoFactor: TwoFactorService;
  payments: { admin: PaymentsAdmin; payments: PaymentsService };
  users: UsersService;
  pendingImports: PendingImports;
  /** Tells this instance's checkout that couriers or the free-shipping threshold changed. */
  checkoutReadsChanged: () => void;
  clock?: () => Date;
  /** More routes inside the admin area, under its guard (tests register probe routes here). */
  extraRoutes?: (admin: FastifyInstance) => void;
}

export async function setupBackOffice(app: FastifyInstance, deps: BackOfficeSetupDeps) {
  const { db, transaction, uploads, profiles, stock, clock } = deps;
  // Catalogue edits: the storefront's cached listings, product pages (a missing product is cached
  // too) and shared public pages are forgotten at once, so a change shows immediately.
  const catalogChanged = () => {
    deps.catalog.invalidate();
    deps.products.invalidate();
    app.forgetPublicPages();
  };
  const categoryRepo = createCategoryRepository(db);
  const removeCategoryImage = (key: string) => removeImageRenditions(uploads.media, key, 'categories');
  const categories = createCategoryService({
    repo: categoryRepo,
    transaction,
    invalidate: catalogChanged,
    removeImageFiles: removeCategoryImage,
  });
  const categoryImages = createCategoryImageService({
    repo: categoryRepo,
    media: { store: (data) => storeImageRenditions(data, uploads.media, { subdir: 'categories' }), remove: removeCategoryImage },
    invalidate: catalogChanged,
  });
  // A change to couriers or the threshold is seen by this instance's checkout at once; the shared
  // public pages are forgotten too, so none shows an old rate.
  const checkoutReadsAndPagesChanged = () => {
    deps.checkoutReadsChanged();
    app.forgetPublicPages();
  };
  const shopSettingsEditor = createShopSettingsEditor({
    repo: createShopSettingsRepository(db),
    transaction,
    changed: checkoutReadsAndPagesChanged,
  });
  const shipping = createShippingService({
    repo: createShippingRepository(db),
    settings: deps.settings,
    saveSettings: (values, actor) => shopSettingsEditor.save(values, actor),
    transaction,
    changed: checkoutReadsAndPagesChanged,
  });
  const productAdmin = createProductAdminService({
    repo: createProductAdminRepository(db),
    stock,
    searchScope: (q) => deps.catalog.searchScope(q),
    media: {
      store: (data) => storeImageRenditions(data, uploads.media),
      remove: (key) => removeImageRenditions(uploads.media, key),
    },
    invalidate: catalogChanged,
  });
  const imports = createProductImportService({ db, repo: createProductImportRepository(db), stock, transaction, catalogChanged });
  const dashboard = createDashboardService({
    repo: createReportsRepository(db),
    chatStats: createChatStatsClient({
      chatUrl: deps.config.chat.url,
      secret: deps.config.chatTokenSecret,
      onError: (error) => app.log.warn({ err: error }, 'chat figures unavailable for the dashboard'),
    }),
    clock,
  });
  // A9: a saved profile is used at once by this instance (its cache and its cached public pages are
  // forgotten); other instances pick it up when their 10 s profile cache expires.
  const storeProfileEditor = createStoreProfileEditor({
    repo: createStoreProfileRepository(db),
    transaction,
    media: {
      store: (data) => storeImageRenditions(data, uploads.media, { subdir: LOGO_SUBDIR }),
      remove: (key) => removeImageRenditions(uploads.media, key, LOGO_SUBDIR),
    },
    changed: () => {
      profiles.invalidate();
      app.forgetPublicPages();
    },
  });
  await registerAdminArea(app, {
    accounts: deps.accounts,
    twoFactor: deps.twoFactor,
    orders: deps.orders,
    settings: deps.settings,
    dashboard,
    stock: { stock, restock: createRestockService({ repo: createRestockRepository(db), stock, transaction }), profiles },
    reports: {
      reports: createReportService({ repo: createReportRepository(db), clock }),
      xlsx: createXlsxExports({ exports: createExportRepository(db), reports: createReportsRepository(db) }),
      profiles,
    },
    categories,
    categoryImages,
    suppliers: createSupplierService({ repo: createSupplierRepository(db) }),
    shipping,
    profiles,
    publicUrl: deps.config.store.publicUrl,
    productAdmin,
    settingsEditors: { shopSettingsEditor, storeProfileEditor },
    imports,
    pendingImports: deps.pendingImports,
    audit: createAuditService({ repo: createAuditRepository(db) }),
    paymentsAdmin: deps.payments.admin,
    payments: deps.payments.payments,
    users: deps.users,
    clock,
    extraRoutes: deps.extraRoutes,
  });
}
