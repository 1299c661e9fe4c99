/** What the report PDF needs: the shop as header, the range, the totals and the page's tables, all translated. */
import type { Locale, Translate } from '../../../lib/i18n';
import { formatRupiah } from '../../../lib/money';
import { formatDateTimeWib } from '../../../lib/time';
import type { SalesReportInput } from '../../documents/service';
import type { ReportRange } from '../../reports/schema';
import type { SalesReport } from '../../reports/types';
import type { StoreProfile } from '../../store-profile/types';
import { INTL_LOCALE, rangeText } from './format';
import { reportTables } from './tables';

export function salesReportInput(
  report: SalesReport,
  range: ReportRange,
  shop: StoreProfile,
  t: Translate,
  locale: Locale,
): SalesReportInput {
  const n = new Intl.NumberFormat(INTL_LOCALE[locale]);
  const s = report.summary;
  return {
    shop,
    title: t('reports.pdf.title'),
    rangeText: rangeText(range.from, range.to, locale, t),
    generatedText: t('reports.pdf.generated', { time: formatDateTimeWib(report.generatedAt, locale) }),
    facts: [
      { label: t('reports.fig.revenue'), value: formatRupiah(s.revenue) },
      { label: t('reports.fig.orders'), value: n.format(s.orders) },
      { label: t('reports.fig.average'), value: formatRupiah(s.averageOrder) },
      { label: t('reports.fig.units'), value: n.format(s.units) },
      { label: t('reports.fig.customers'), value: n.format(s.customers) },
      { label: t('reports.fig.shipping'), value: formatRupiah(s.shipping) },
    ],
    tables: reportTables(report, range, locale, t).map((table) => ({
      title: table.title,
      columns: table.columns,
      rows: table.rows,
      empty: t('reports.empty'),
    })),
  };
}
