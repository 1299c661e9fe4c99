/**
 * The report's tables as titled rows of formatted cells, built once and shown twice: on the page
 * (beside the charts, for screen readers and reading without JavaScript) and in the PDF.
 */
import type { Locale, Translate } from '../../../lib/i18n';
import { formatRupiah } from '../../../lib/money';
import type { ReportRange } from '../../reports/schema';
import type { SalesReport } from '../../reports/types';
import { bucketLabel, INTL_LOCALE, methodLabel } from './format';

export interface ReportTableModel {
  id: 'sales' | 'categories' | 'statuses' | 'methods' | 'products' | 'customers';
  title: string;
  columns: { label: string; end?: boolean; weight: number }[];
  rows: string[][];
}

export function reportTables(report: SalesReport, range: ReportRange, locale: Locale, t: Translate): ReportTableModel[] {
  const n = new Intl.NumberFormat(INTL_LOCALE[locale]);
  const num = (v: number) => n.format(v);
  const col = (key: Parameters<Translate>[0], weight: number, end = false) => ({ label: t(key), weight, end });
  return [
    {
      id: 'sales',
      title: t(`reports.sales.title.${range.per}`),
      columns: [col('reports.col.period', 3), col('reports.col.orders', 1, true), col('reports.col.amount', 2, true)],
      rows: report.buckets.map((b) => [bucketLabel(b.start, range.per, locale, t), num(b.orders), formatRupiah(b.amount)]),
    },
    {
      id: 'categories',
      title: t('reports.category.title'),
      columns: [col('reports.col.category', 3), col('reports.col.units', 1, true), col('reports.col.amount', 2, true)],
      rows: report.categories.map((c) => [c.name, num(c.units), formatRupiah(c.amount)]),
    },
    {
      id: 'statuses',
      title: t('reports.status.title'),
      columns: [col('reports.col.status', 3), col('reports.col.orders', 1, true), col('reports.col.amount', 2, true)],
      rows: report.statuses.map((s) => [t(`order.status.${s.status}`), num(s.orders), formatRupiah(s.amount)]),
    },
    {
      id: 'methods',
      title: t('reports.method.title'),
      columns: [col('reports.col.method', 3), col('reports.col.orders', 1, true), col('reports.col.amount', 2, true)],
      rows: report.paymentMethods.map((m) => [methodLabel(m.method, t), num(m.orders), formatRupiah(m.amount)]),
    },
    {
      id: 'products',
      title: t('reports.top.products'),
      columns: [col('reports.col.product', 4), col('reports.col.units', 1, true), col('reports.col.amount', 2, true)],
      rows: report.topProducts.map((p) => [`${p.name} (${p.sku})`, num(p.units), formatRupiah(p.amount)]),
    },
    {
      id: 'customers',
      title: t('reports.top.customers'),
      columns: [col('reports.col.customer', 4), col('reports.col.orders', 1, true), col('reports.col.spent', 2, true)],
      rows: report.topCustomers.map((c) => [`${c.name} <${c.email}>`, num(c.orders), formatRupiah(c.spent)]),
    },
  ];
}
