/**
 * A10 `/admin/laporan`: the range form, the totals, sales per bucket and per category as charts
 * (drawn by web/admin-reports.ts from the JSON block: no inline script under the CSP) with their
 * tables, orders by status and payment method, top products and customers, and the downloads.
 * With a bad range the form alone is shown again with its field errors (400).
 */
import type { Locale, Translate } from '../../../lib/i18n';
import { formatRupiah } from '../../../lib/money';
import { formatDateTimeWib } from '../../../lib/time';
import { type ReportRange, rangeQuery } from '../../reports/schema';
import type { SalesReport } from '../../reports/types';
import { usePage } from '../../ui/page-context';
import { AdminLayout } from '../layout';
import { REPORT_CATEGORY_CANVAS_ID, REPORT_CHART_DATA_ID, REPORT_SALES_CANVAS_ID, type ReportChartData } from './chart-data';
import { INTL_LOCALE, rangeText } from './format';
import { ExportLinks, RangeForm, type RangeFormState, ReportTable } from './parts';
import { type ReportTableModel, reportTables } from './tables';

export interface ReportPageProps {
  now: Date;
  form: RangeFormState;
  /** Absent when the range was refused. */
  result?: { range: ReportRange; report: SalesReport };
}

/** JSON safe inside `<script>`: no `</script>` or `<!--` can be formed. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

export function chartData(tables: ReportTableModel[], report: SalesReport, locale: Locale, t: Translate): ReportChartData {
  const sales = tables.find((x) => x.id === 'sales')!;
  return {
    locale: INTL_LOCALE[locale],
    sales: {
      labels: sales.rows.map((r) => r[0] ?? ''),
      amounts: report.buckets.map((b) => b.amount),
      orders: report.buckets.map((b) => b.orders),
      dataset: t('reports.sales.dataset'),
    },
    categories: {
      labels: report.categories.map((c) => c.name),
      amounts: report.categories.map((c) => c.amount),
      dataset: t('reports.sales.dataset'),
    },
  };
}

function Figures({ report }: { report: SalesReport }) {
  const { t, locale } = usePage();
  const n = new Intl.NumberFormat(INTL_LOCALE[locale]);
  const s = report.summary;
  const figures: [string, Parameters<Translate>[0], number, string][] = [
    ['revenue', 'reports.fig.revenue', s.revenue, formatRupiah(s.revenue)],
    ['orders', 'reports.fig.orders', s.orders, n.format(s.orders)],
    ['average', 'reports.fig.average', s.averageOrder, formatRupiah(s.averageOrder)],
    ['units', 'reports.fig.units', s.units, n.format(s.units)],
    ['customers', 'reports.fig.customers', s.customers, n.format(s.customers)],
    ['shipping', 'reports.fig.shipping', s.shipping, formatRupiah(s.shipping)],
  ];
  return (
    <section aria-labelledby="rep-figures">
      <h2 class="visually-hidden" id="rep-figures">
        {t('reports.figures')}
      </h2>
      <ul class="dash-figures">
        {figures.map(([id, label, raw, text]) => (
          <li key={id} data-figure={id} data-value={raw}>
            <div class="dash-figure">
              <span class="dash-figure-label">{t(label)}</span>
              <span class="dash-figure-value" data-figure-value>
                {text}
              </span>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Panel({ table, canvas, chartLabel, lead }: { table: ReportTableModel; canvas?: string; chartLabel?: string; lead?: string }) {
  return (
    <section class="dash-panel" aria-labelledby={`rep-${table.id}`} data-section={table.id}>
      <h2 class="admin-subtitle" id={`rep-${table.id}`}>
        {table.title}
      </h2>
      {lead && <p class="dash-muted">{lead}</p>}
      {canvas && table.rows.length > 0 && (
        <div class="dash-chart rep-chart">
          <canvas id={canvas} role="img" aria-label={chartLabel} />
        </div>
      )}
      <ReportTable id={table.id} label={table.title} columns={table.columns} rows={table.rows} />
    </section>
  );
}

export function ReportPage({ now, form, result }: ReportPageProps) {
  const { t, locale } = usePage();
  const title = t('reports.title');
  const tables = result ? reportTables(result.report, result.range, locale, t) : [];
  const byId = (id: ReportTableModel['id']) => tables.find((x) => x.id === id)!;
  return (
    <AdminLayout title={title} crumbs={[{ label: title }]} scripts={['adminReports']}>
      <h1 class="admin-title">{title}</h1>
      <p class="lead rep-lead">{t('reports.lead')}</p>
      {!result && (
        <div class="alert alert-danger" role="alert">
          {t('reports.form.failed')}
        </div>
      )}
      <RangeForm state={form} now={now} />
      {result && (
        <>
          <p class="rep-range-text" data-range={`${result.range.from}/${result.range.to}`}>
            <strong>{rangeText(result.range.from, result.range.to, locale, t)}</strong>
          </p>
          <Figures report={result.report} />
          <Panel table={byId('sales')} canvas={REPORT_SALES_CANVAS_ID} chartLabel={t('reports.sales.chart')} />
          <div class="dash-grid">
            <Panel table={byId('categories')} canvas={REPORT_CATEGORY_CANVAS_ID} chartLabel={t('reports.category.chart')} />
            <div>
              <Panel table={byId('statuses')} lead={t('reports.status.lead')} />
              <Panel table={byId('methods')} />
            </div>
          </div>
          <div class="dash-grid">
            <Panel table={byId('products')} />
            <Panel table={byId('customers')} />
          </div>
          <script
            type="application/json"
            id={REPORT_CHART_DATA_ID}
            dangerouslySetInnerHTML={{ __html: scriptJson(chartData(tables, result.report, locale, t)) }}
          />
          <ExportLinks query={rangeQuery(result.range)} />
          <p class="dash-muted small">{t('reports.updated', { time: formatDateTimeWib(result.report.generatedAt, locale) })}</p>
        </>
      )}
    </AdminLayout>
  );
}
