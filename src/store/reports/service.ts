/**
 * The dashboard's figures (A1): one call gathers them all in parallel (the database queries and
 * the chat service's waiting count), so the page costs the slowest query, not their sum. Periods
 * are WIB days (src/lib/time.ts); "now" comes from the injected clock so tests can pin midnight.
 */
import { wibDayStart, wibIsoDate, wibMonthStart } from '../../lib/time';
import type { ReportsRepository } from './repository';
import type { ChatFigures, DailySales, DashboardOverview } from './types';

export const DASHBOARD_DAYS = 30;
export const RECENT_ORDERS = 8;
export const BEST_SELLERS = 5;
export const LOW_STOCK_SHOWN = 8;

export interface DashboardServiceDeps {
  repo: Pick<ReportsRepository, 'totals' | 'sales' | 'dailySales' | 'ordersByStatus' | 'recentOrders' | 'bestSellers' | 'lowStock'>;
  /** The chat service's figures, or null when it is down or slow (it never throws). */
  chatStats: () => Promise<ChatFigures | null>;
  clock?: () => Date;
}

/** The last `days` WIB dates ending today, oldest first, with the sales found (zero elsewhere). */
export function fillDays(now: Date, days: number, found: readonly DailySales[]): DailySales[] {
  const byDate = new Map(found.map((d) => [d.date, d]));
  return Array.from({ length: days }, (_, i) => {
    const date = wibIsoDate(wibDayStart(now, i - days + 1));
    return byDate.get(date) ?? { date, orders: 0, amount: 0 };
  });
}

export function createDashboardService(deps: DashboardServiceDeps) {
  const clock = deps.clock ?? (() => new Date());
  return {
    async overview(): Promise<DashboardOverview> {
      const now = clock();
      const tomorrow = wibDayStart(now, 1);
      const today = { from: wibDayStart(now), to: tomorrow };
      const month = { from: wibMonthStart(now), to: tomorrow };
      const last30 = { from: wibDayStart(now, 1 - DASHBOARD_DAYS), to: tomorrow };
      const [totals, todaySales, monthSales, daily, byStatus, recentOrders, bestSellers, lowStock, chat] = await Promise.all([
        deps.repo.totals(),
        deps.repo.sales(today),
        deps.repo.sales(month),
        deps.repo.dailySales(last30),
        deps.repo.ordersByStatus(),
        deps.repo.recentOrders(RECENT_ORDERS),
        deps.repo.bestSellers(last30, BEST_SELLERS),
        deps.repo.lowStock(LOW_STOCK_SHOWN),
        deps.chatStats().catch(() => null),
      ]);
      return {
        generatedAt: now,
        totals,
        today: todaySales,
        month: monthSales,
        daily: fillDays(now, DASHBOARD_DAYS, daily),
        byStatus,
        recentOrders,
        bestSellers,
        lowStock,
        chat,
      };
    },
  };
}

export type DashboardService = ReturnType<typeof createDashboardService>;

// The reports page (A10): figures for a chosen range, and its Excel exports.
export { createReportService, fillBuckets, type ReportService, TOP_ROWS } from './report-service';
export {
  createXlsxExports,
  type OrderColumn,
  RUPIAH_FORMAT,
  type SalesColumn,
  type SheetText,
  type StockColumn,
  type XlsxExports,
} from './xlsx-export';
