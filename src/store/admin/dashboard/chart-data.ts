/**
 * The sales chart's data, shared by the page (the `<script type="application/json">` block and the
 * table beside it: the same numbers, so the chart never says what the table does not) and
 * web/admin-dashboard.ts, which reads it back. Plain types only: esbuild bundles this file too.
 */
export const SALES_CHART_DATA_ID = 'dashboard-sales-data';
export const SALES_CHART_CANVAS_ID = 'dashboard-sales-chart';

export interface SalesChartData {
  /** `YYYY-MM-DD`, WIB days, oldest first. */
  dates: string[];
  /** Short labels for the axis ("3 Des"). */
  labels: string[];
  /** Whole rupiah per day. */
  amounts: number[];
  orders: number[];
  dataset: string;
  /** BCP 47 locale for the axis' rupiah. */
  locale: string;
}
