/**
 * The admin charts' Chart.js set-up and colours, shared by the dashboard and the reports page:
 * bars in the house accent, text and grid from the admin palette, so the light/dark toggle
 * applies to the charts too (read when a chart is drawn).
 */
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export { Chart };

export function palette() {
  const style = getComputedStyle(document.documentElement);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    bar: read('--hr-accent-text', '#b43c0a'),
    text: read('--bs-secondary-color', '#545b64'),
    grid: read('--admin-border', '#d9dce1'),
  };
}
