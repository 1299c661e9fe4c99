/**
 * The reports page: its two charts (Chart.js bundled by our build, numbers from the page's JSON
 * block, the same as its tables) and progress for the downloads, which stay plain links without
 * JavaScript. Colours follow the admin palette and the light/dark toggle, like the dashboard's.
 */
import { Chart, palette } from './admin-chart-palette';
import {
  REPORT_CATEGORY_CANVAS_ID,
  REPORT_CHART_DATA_ID,
  REPORT_SALES_CANVAS_ID,
  type ReportChartData,
} from '../src/store/admin/reports/chart-data';
import { enhanceDownloads } from './admin-reports-download';

function drawCharts() {
  const source = document.getElementById(REPORT_CHART_DATA_ID);
  if (!source?.textContent) return;
  const data = JSON.parse(source.textContent) as ReportChartData;
  const rupiah = new Intl.NumberFormat(data.locale, { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });
  const compact = new Intl.NumberFormat(data.locale, { style: 'currency', currency: 'IDR', notation: 'compact', maximumFractionDigits: 1 });
  const charts: Chart[] = [];

  const draw = (id: string, labels: string[], amounts: number[], dataset: string, horizontal: boolean, extra?: (i: number) => string) => {
    const canvas = document.getElementById(id);
    if (!(canvas instanceof HTMLCanvasElement)) return;
    const colours = palette();
    const valueAxis = {
      beginAtZero: true,
      // A range without sales still gets a readable rupiah axis.
      suggestedMax: Math.max(0, ...amounts) > 0 ? undefined : 1_000_000,
      ticks: { color: colours.text, callback: (value: string | number) => compact.format(Number(value)) },
      grid: { color: colours.grid },
    };
    const labelAxis = { ticks: { color: colours.text, maxRotation: 0, autoSkipPadding: 8 }, grid: { display: false } };
    charts.push(
      new Chart(canvas, {
        type: 'bar',
        data: { labels, datasets: [{ label: dataset, data: amounts, backgroundColor: colours.bar, borderRadius: 3, maxBarThickness: 28 }] },
        options: {
          indexAxis: horizontal ? 'y' : 'x',
          responsive: true,
          maintainAspectRatio: false,
          animation: false,
          plugins: {
            legend: { display: false },
            tooltip: { callbacks: { label: (item) => `${rupiah.format(Number(item.raw))}${extra ? extra(item.dataIndex) : ''}` } },
          },
          scales: horizontal ? { x: valueAxis, y: labelAxis } : { x: labelAxis, y: valueAxis },
        },
      }),
    );
    canvas.dataset.chartReady = 'true';
  };

  draw(REPORT_SALES_CANVAS_ID, data.sales.labels, data.sales.amounts, data.sales.dataset, false, (i) => ` · ${data.sales.orders[i] ?? 0}×`);
  draw(REPORT_CATEGORY_CANVAS_ID, data.categories.labels, data.categories.amounts, data.categories.dataset, true);

  // The theme toggle flips `data-bs-theme` on <html>: repaint in the new palette.
  new MutationObserver(() => {
    const next = palette();
    for (const chart of charts) {
      const dataset = chart.data.datasets[0];
      if (dataset) dataset.backgroundColor = next.bar;
      for (const scale of Object.values(chart.options.scales ?? {})) {
        if (scale?.ticks) scale.ticks.color = next.text;
        if (scale?.grid && scale.grid.display !== false) scale.grid.color = next.grid;
      }
      chart.update();
    }
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-bs-theme'] });
}

drawCharts();
enhanceDownloads();
