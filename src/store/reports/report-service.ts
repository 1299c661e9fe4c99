/**
 * A10 report for one WIB range: every figure from its own aggregate query, run in parallel, and
 * the sales buckets filled so that a day, week or month without sales still has its zero row.
 */
import type { ReportRepository } from './report-repository';
import { bucketStarts, type ReportRange } from './schema';
import type { SalesBucket, SalesReport } from './types';

export const TOP_ROWS = 10;

export interface ReportServiceDeps {
  repo: ReportRepository;
  clock?: () => Date;
}

/** Every bucket of the range in order, with the sales found (zero elsewhere). */
export function fillBuckets(range: Pick<ReportRange, 'from' | 'to' | 'per'>, found: readonly SalesBucket[]): SalesBucket[] {
  const byStart = new Map(found.map((b) => [b.start, b]));
  return bucketStarts(range).map((start) => byStart.get(start) ?? { start, orders: 0, amount: 0 });
}

export function createReportService(deps: ReportServiceDeps) {
  const clock = deps.clock ?? (() => new Date());
  const { repo } = deps;
  return {
    now: clock,
    async report(range: ReportRange): Promise<SalesReport> {
      const p = range.period;
      const [summary, buckets, categories, statuses, paymentMethods, topProducts, topCustomers] = await Promise.all([
        repo.summary(p),
        repo.salesBuckets(p, range.per),
        repo.byCategory(p),
        repo.byStatus(p),
        repo.byPaymentMethod(p),
        repo.topProducts(p, TOP_ROWS),
        repo.topCustomers(p, TOP_ROWS),
      ]);
      return {
        generatedAt: clock(),
        summary,
        buckets: fillBuckets(range, buckets),
        categories,
        statuses,
        paymentMethods,
        topProducts,
        topCustomers,
      };
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
