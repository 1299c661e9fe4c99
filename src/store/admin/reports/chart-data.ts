/**
 * The report's chart data, shared by the page (its `<script type="application/json">` block, the
 * same numbers as the tables beside the charts) and web/admin-reports.ts, which draws them.
 * Plain types only: esbuild bundles this file too.
 */
export const REPORT_CHART_DATA_ID = 'report-chart-data';
export const REPORT_SALES_CANVAS_ID = 'report-sales-chart';
export const REPORT_CATEGORY_CANVAS_ID = 'report-category-chart';

export interface ReportSeries {
  labels: string[];
  /** Whole rupiah per bar. */
  amounts: number[];
  dataset: string;
}

export interface ReportChartData {
  /** BCP 47 locale for the rupiah on the axes. */
  locale: string;
  sales: ReportSeries & { orders: number[] };
  categories: ReportSeries;
}
