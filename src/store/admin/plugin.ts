/**
 * The back office: everything under /admin is registered here, inside one encapsulated plugin
 * whose single guard (plugins/auth.ts `guardArea`) lets only staff and admins through. A route
 * added in this subtree is guarded without saying so; an admin-only page adds
 * `config: { role: 'admin' }`. Unknown paths answer outsiders exactly like real pages (login or
 * 403), and staff with the admin-styled 404. docs/adding-a-page.md lists the steps for a new page.
 */
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { AccountsService } from '../accounts/service';
import type { AuditService } from '../audit/service';
import type { TwoFactorService } from '../accounts/types';
import type { CategoryImageService, CategoryService } from '../catalog/service';
import type { OrdersService } from '../orders/service';
import type { DashboardService } from '../reports/service';
import type { ProductAdminService } from '../product/service';
import { guardArea } from '../plugins/auth';
import { wantsJson } from '../plugins/errors';
import type { ShopSettingsService } from '../shop-settings/service';
import type { ShippingAdminService } from '../shipping/service';
import type { StoreProfileService } from '../store-profile/service';
import type { SupplierService } from '../suppliers/service';
import { sendError } from '../../lib/errors';
import { registerAdminAuditRoutes } from './audit/routes';
import { registerAdminCategoryRoutes } from './categories/routes';
import type { ProductImportService } from '../product-import/service';
import type { PendingImports } from '../product-import/types';
import { registerAdminChatRoutes } from './chat/routes';
import { registerProductImportRoutes } from './product-import/routes';
import { registerDashboardRoutes } from './dashboard/routes';
import { registerAdminOrderRoutes } from './orders/routes';
import { registerOrderPrintRoutes } from './orders/print-routes';
import { type AdminStockDeps, registerAdminStockRoutes } from './stock/routes';
import { registerAdminProductRoutes } from './products/routes';
import { adminPage } from './render';
import { type AdminReportsDeps, registerAdminReportRoutes } from './reports/routes';
import { registerAdminSupplierRoutes } from './suppliers/routes';
import { registerAdminShippingRoutes } from './shipping/routes';
import { requireTwoFactorEnrolment } from './security/guard';
import { registerSecurityRoutes } from './security/routes';
import { type AdminSettingsDeps, registerAdminSettingsRoutes } from './settings/routes';
import { AdminNotFoundPage } from './views/not-found-page';
import { registerAdminUserRoutes } from './users/routes';
import type { UsersService } from '../users/service';
import type { PaymentsAdmin } from '../payments/service';
import type { PaymentsService } from '../payments/service';

export interface AdminAreaDeps {
  accounts: AccountsService;
  /** Each staff member's own two-factor settings, and the shop's "required for staff" rule. */
  twoFactor: TwoFactorService;
  orders: OrdersService;
  settings: ShopSettingsService;
  dashboard: DashboardService;
  /** Stock alerts, history and restock orders (A4); without it the stock pages are not registered (tests of other pages). */
  stock?: AdminStockDeps;
  /** Reports and their exports (A10); without it the report pages are not registered (tests of other pages). */
  reports?: AdminReportsDeps;
  categories: CategoryService;
  /** A category's picture (A3); without it the upload routes are not registered (tests of other pages). */
  categoryImages?: CategoryImageService;
  suppliers: SupplierService;
  /** Couriers, rates and the free-shipping threshold (A7). */
  shipping: ShippingAdminService;
  /** The sender on labels; publicUrl makes the label's QR code an absolute link to the order. */
  profiles: StoreProfileService;
  publicUrl: string;
  productAdmin: ProductAdminService;
  /** Editing the shop settings and the store profile (A9); without it the settings pages are not registered. */
  settingsEditors?: Pick<AdminSettingsDeps, 'shopSettingsEditor' | 'storeProfileEditor'>;
  imports: ProductImportService;
  pendingImports: PendingImports;
  /** Online payments (P6, P7): provider settings on the settings page, attempts and refunds on an order. */
  paymentsAdmin?: PaymentsAdmin;
  payments?: PaymentsService;
  /** The audit log's reader (A11). */
  audit: AuditService;
  /** Staff, customers and invitations (A8). */
  users: UsersService;
  clock?: () => Date;
  /** Registers more routes inside the area, after its own (tests: probe routes under the guard). */
  extraRoutes?: (admin: FastifyInstance) => void;
}

export const ADMIN_PREFIX = '/admin';

export async function registerAdminArea(app: FastifyInstance, deps: AdminAreaDeps) {
  await app.register(
    async (admin) => {
      guardArea(admin, 'staff');
      requireTwoFactorEnrolment(admin, deps.twoFactor.requiredForStaff);
      // Runs after the guard: only staff and admins ever see it.
      admin.setNotFoundHandler(async (request, reply) => {
        if (wantsJson(request)) return sendError(reply, 'not_found', 404, 'Not found');
        return adminPage(reply, h(AdminNotFoundPage, {}), 404);
      });
      registerDashboardRoutes(admin, deps);
      registerSecurityRoutes(admin, deps);
      registerAdminOrderRoutes(admin, deps);
      registerOrderPrintRoutes(admin, deps);
      registerAdminChatRoutes(admin, deps);
      if (deps.stock) registerAdminStockRoutes(admin, deps.stock);
      registerAdminCategoryRoutes(admin, deps);
      registerAdminSupplierRoutes(admin, deps);
      registerAdminShippingRoutes(admin, deps);
      if (deps.settingsEditors) registerAdminSettingsRoutes(admin, { ...deps, ...deps.settingsEditors });
      registerAdminProductRoutes(admin, deps);
      registerProductImportRoutes(admin, { imports: deps.imports, pending: deps.pendingImports });
      if (deps.reports) registerAdminReportRoutes(admin, deps.reports);
      registerAdminAuditRoutes(admin, deps);
      registerAdminUserRoutes(admin, deps);
      deps.extraRoutes?.(admin);
    },
    { prefix: ADMIN_PREFIX },
  );
}
