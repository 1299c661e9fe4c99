/**
 * The dashboard's 30-day sales chart. Chart.js is bundled into this module by our build and
 * served by the store; the numbers come from the page's JSON block (the same ones as its table),
 * never from an inline script. Colours follow the admin palette and the light/dark toggle.
 */
import { Chart, palette } from './admin-chart-palette';
import { SALES_CHART_CANVAS_ID, SALES_CHART_DATA_ID, type SalesChartData } from '../src/store/admin/dashboard/chart-data';

function drawSalesChart() {
  const canvas = document.getElementById(SALES_CHART_CANVAS_ID);
  const source = document.getElementById(SALES_CHART_DATA_ID);
  if (!(canvas instanceof HTMLCanvasElement) || !source?.textContent) return;
  const data = JSON.parse(source.textContent) as SalesChartData;
  const rupiah = new Intl.NumberFormat(data.locale, { style: 'currency', currency: 'IDR', maximumFractionDigits: 0 });
  const compact = new Intl.NumberFormat(data.locale, { style: 'currency', currency: 'IDR', notation: 'compact', maximumFractionDigits: 1 });
  const colours = palette();
  const chart = new Chart(canvas, {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: [{ label: data.dataset, data: data.amounts, backgroundColor: colours.bar, borderRadius: 3, maxBarThickness: 28 }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => `${rupiah.format(Number(item.raw))} · ${data.orders[item.dataIndex] ?? 0}×` } },
      },
      scales: {
        x: { ticks: { color: colours.text, maxRotation: 0, autoSkipPadding: 8 }, grid: { display: false } },
        y: {
          beginAtZero: true,
          // A month without sales still gets a readable rupiah axis instead of "Rp 0,1 … Rp 1".
          suggestedMax: Math.max(...data.amounts) > 0 ? undefined : 1_000_000,
          ticks: { color: colours.text, callback: (value) => compact.format(Number(value)) },
          grid: { color: colours.grid },
        },
      },
    },
  });
  canvas.dataset.chartReady = 'true';

  // The theme toggle flips `data-bs-theme` on <html>: repaint in the new palette.
  new MutationObserver(() => {
    const next = palette();
    const dataset = chart.data.datasets[0];
    if (dataset) dataset.backgroundColor = next.bar;
    const { x, y } = chart.options.scales ?? {};
    if (x?.ticks) x.ticks.color = next.text;
    if (y?.ticks) y.ticks.color = next.text;
    if (y?.grid) y.grid.color = next.grid;
    chart.update();
  }).observe(document.documentElement, { attributes: true, attributeFilter: ['data-bs-theme'] });
}

drawSalesChart();
