/**
 * A1 dashboard: the shop's figures, each a link to the page that explains it. The sales chart is
 * drawn by web/admin-dashboard.ts from the JSON block below (no inline script: the CSP forbids
 * it); the table in the disclosure holds the same numbers for screen readers and for reading
 * without JavaScript.
 */
import type { ComponentChildren } from 'preact';
import type { Locale, Translate } from '../../../lib/i18n';
import { formatRupiah } from '../../../lib/money';
import { formatDateTimeWib } from '../../../lib/time';
import { StatusBadge } from '../../orders/views/status';
import type { DashboardOverview } from '../../reports/types';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { AdminLayout } from '../layout';
import { visibleNav } from '../nav';
import { SALES_CHART_CANVAS_ID, SALES_CHART_DATA_ID, type SalesChartData } from './chart-data';

const INTL_LOCALE: Record<Locale, string> = { id: 'id-ID', en: 'en-GB' };

export function salesChartData(overview: DashboardOverview, locale: Locale, t: Translate): SalesChartData {
  const dayLabel = new Intl.DateTimeFormat(INTL_LOCALE[locale], { day: 'numeric', month: 'short', timeZone: 'UTC' });
  return {
    dates: overview.daily.map((d) => d.date),
    labels: overview.daily.map((d) => dayLabel.format(new Date(`${d.date}T00:00:00Z`))),
    amounts: overview.daily.map((d) => d.amount),
    orders: overview.daily.map((d) => d.orders),
    dataset: t('dashboard.chart.dataset'),
    locale: INTL_LOCALE[locale],
  };
}

/** A table's own scrolling box: focusable and named, so keyboard users can scroll it too (WCAG 2.1.1). */
function ScrollBox({ label, children }: { label: string; children: ComponentChildren }) {
  return (
    <div class="dash-table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

/** JSON safe inside `<script>`: no `</script>` or `<!--` can be formed. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

function Figure(props: { href?: string; icon: string; label: string; value: string; note?: string; id: string }) {
  const body = (
    <>
      <span class="dash-figure-label">
        <Icon name={props.icon} /> {props.label}
      </span>
      <span class="dash-figure-value" data-figure-value>
        {props.value}
      </span>
      {props.note && <span class="dash-figure-note">{props.note}</span>}
    </>
  );
  return (
    <li data-figure={props.id}>
      {props.href ? (
        <a class="dash-figure" href={props.href}>
          {body}
        </a>
      ) : (
        <div class="dash-figure">{body}</div>
      )}
    </li>
  );
}

export function DashboardPage({ overview }: { overview: DashboardOverview }) {
  const { t, locale, user } = usePage();
  // Figures link to the back office page that explains them where this user may open it, else to the shop.
  const isAdmin = user?.role === 'admin';
  const usersPage = visibleNav(user?.role).some((item) => item.section === 'users');
  const number = new Intl.NumberFormat(INTL_LOCALE[locale]);
  const chart = salesChartData(overview, locale, t);
  const total30 = overview.daily.reduce((sum, d) => sum + d.amount, 0);
  const chat = overview.chat;
  return (
    <AdminLayout title={t('admin.nav.dashboard')} scripts={['adminDashboard']}>
      <h1 class="admin-title">{t('admin.title')}</h1>
      <p class="lead">{t('admin.lead', { name: user?.name ?? '' })}</p>

      <section aria-labelledby="dash-figures">
        <h2 class="visually-hidden" id="dash-figures">
          {t('dashboard.figures')}
        </h2>
        <ul class="dash-figures">
          <Figure
            id="sales-today"
            href="/admin/pesanan"
            icon="cash-register"
            label={t('dashboard.salesToday')}
            value={formatRupiah(overview.today.amount)}
            note={t('dashboard.salesOrders', { count: overview.today.orders })}
          />
          <Figure
            id="sales-month"
            href="/admin/pesanan"
            icon="calendar"
            label={t('dashboard.salesMonth')}
            value={formatRupiah(overview.month.amount)}
            note={t('dashboard.salesOrders', { count: overview.month.orders })}
          />
          <Figure
            id="orders"
            href="/admin/pesanan"
            icon="box"
            label={t('dashboard.orders')}
            value={number.format(overview.totals.orders)}
          />
          <Figure
            id="products"
            href={isAdmin ? '/admin/produk?aktif=ya' : '/produk'}
            icon="guitar"
            label={t('dashboard.activeProducts')}
            value={number.format(overview.totals.activeProducts)}
          />
          <Figure
            id="customers"
            href={usersPage ? '/admin/pengguna?peran=customer' : undefined}
            icon="users"
            label={t('dashboard.customers')}
            value={number.format(overview.totals.customers)}
          />
          <Figure
            id="chats"
            href="/admin/chat"
            icon="comments"
            label={t('dashboard.waitingChats')}
            value={chat ? number.format(chat.waiting) : t('dashboard.chatOffline')}
            note={chat ? t('dashboard.waitingChats.of', { open: number.format(chat.open) }) : t('dashboard.chatOffline.text')}
          />
        </ul>
      </section>

      <section class="dash-panel" aria-labelledby="dash-chart-title">
        <h2 class="admin-subtitle" id="dash-chart-title">
          {t('dashboard.chart.title')}
        </h2>
        <p class="dash-muted">{t('dashboard.chart.total', { amount: formatRupiah(total30) })}</p>
        <div class="dash-chart">
          <canvas id={SALES_CHART_CANVAS_ID} role="img" aria-label={t('dashboard.chart.label')} />
        </div>
        <script type="application/json" id={SALES_CHART_DATA_ID} dangerouslySetInnerHTML={{ __html: scriptJson(chart) }} />
        <details class="dash-details">
          <summary>{t('dashboard.chart.table')}</summary>
          <ScrollBox label={t('dashboard.chart.table')}>
            <table class="table table-sm dash-table" data-sales-table>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.col.date')}</th>
                  <th scope="col" class="text-end">
                    {t('dashboard.col.orders')}
                  </th>
                  <th scope="col" class="text-end">
                    {t('dashboard.col.amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {overview.daily.map((d, i) => (
                  <tr key={d.date} data-date={d.date} data-amount={d.amount} data-orders={d.orders}>
                    <th scope="row">
                      <time dateTime={d.date}>{chart.labels[i]}</time>
                    </th>
                    <td class="text-end">{number.format(d.orders)}</td>
                    <td class="text-end">{formatRupiah(d.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        </details>
      </section>

      <div class="dash-grid">
        <section class="dash-panel" aria-labelledby="dash-status">
          <h2 class="admin-subtitle" id="dash-status">
            {t('dashboard.byStatus')}
          </h2>
          {overview.byStatus.length === 0 ? (
            <p class="dash-muted">{t('dashboard.byStatus.empty')}</p>
          ) : (
            <ul class="dash-list" data-by-status>
              {overview.byStatus.map((s) => (
                <li key={s.status} data-status={s.status}>
                  <a href={`/admin/pesanan?status=${s.status}`}>
                    <StatusBadge status={s.status} />
                  </a>
                  <span class="dash-count">{number.format(s.count)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>

        <section class="dash-panel" aria-labelledby="dash-chats">
          <h2 class="admin-subtitle" id="dash-chats">
            {t('dashboard.waitingChats')}
          </h2>
          {chat ? (
            <p>
              <a class="dash-big-link" href="/admin/chat" data-waiting-chats={chat.waiting}>
                <span class="dash-figure-value">{number.format(chat.waiting)}</span>{' '}
                {t('dashboard.waitingChats.of', { open: number.format(chat.open) })}
              </a>
            </p>
          ) : (
            <p class="dash-offline" data-chat-offline>
              <Icon name="plug-circle-xmark" /> <strong>{t('dashboard.chatOffline')}</strong> — {t('dashboard.chatOffline.text')}
            </p>
          )}
        </section>
      </div>

      <section class="dash-panel" aria-labelledby="dash-recent">
        <h2 class="admin-subtitle" id="dash-recent">
          {t('dashboard.recent')}
        </h2>
        {overview.recentOrders.length === 0 ? (
          <p class="dash-muted">{t('dashboard.recent.empty')}</p>
        ) : (
          <ScrollBox label={t('dashboard.recent')}>
            <table class="table dash-table" data-recent-orders>
              <thead>
                <tr>
                  <th scope="col">{t('dashboard.col.number')}</th>
                  <th scope="col">{t('dashboard.col.customer')}</th>
                  <th scope="col">{t('dashboard.col.status')}</th>
                  <th scope="col" class="text-end">
                    {t('dashboard.col.total')}
                  </th>
                  <th scope="col">{t('dashboard.col.created')}</th>
                </tr>
              </thead>
              <tbody>
                {overview.recentOrders.map((o) => (
                  <tr key={o.number} data-order={o.number}>
                    <th scope="row">
                      <a href={`/admin/pesanan/${o.number}`}>{o.number}</a>
                    </th>
                    <td class="dash-wrap">{o.customerName}</td>
                    <td>
                      <StatusBadge status={o.status} />
                    </td>
                    <td class="text-end">{formatRupiah(o.total)}</td>
                    <td>{formatDateTimeWib(o.createdAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollBox>
        )}
        <p>
          <a href="/admin/pesanan">{t('dashboard.recent.all')}</a>
        </p>
      </section>

      <div class="dash-grid">
        <section class="dash-panel" aria-labelledby="dash-best">
          <h2 class="admin-subtitle" id="dash-best">
            {t('dashboard.bestSellers')}
          </h2>
          {overview.bestSellers.length === 0 ? (
            <p class="dash-muted">{t('dashboard.bestSellers.empty')}</p>
          ) : (
            <ol class="dash-list" data-best-sellers>
              {overview.bestSellers.map((p) => (
                <li key={p.productId} data-product={p.slug} data-units={p.units}>
                  <a href={isAdmin ? `/admin/produk/${p.productId}` : `/produk/${p.slug}`}>{p.name}</a>
                  <span class="dash-count">{t('dashboard.bestSellers.units', { count: p.units })}</span>
                </li>
              ))}
            </ol>
          )}
        </section>

        <section class="dash-panel" aria-labelledby="dash-low">
          <h2 class="admin-subtitle" id="dash-low">
            {t('dashboard.lowStock')} <span class="badge text-bg-warning">{number.format(overview.lowStock.total)}</span>
          </h2>
          {overview.lowStock.products.length === 0 ? (
            <p class="dash-muted">{t('dashboard.lowStock.empty')}</p>
          ) : (
            <ScrollBox label={t('dashboard.lowStock')}>
              <table class="table table-sm dash-table" data-low-stock>
                <thead>
                  <tr>
                    <th scope="col">{t('dashboard.col.product')}</th>
                    <th scope="col" class="text-end">
                      {t('dashboard.col.stock')}
                    </th>
                    <th scope="col" class="text-end">
                      {t('dashboard.col.threshold')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {overview.lowStock.products.map((p) => (
                    <tr key={p.productId} data-product={p.slug} data-stock={p.stock}>
                      <th scope="row" class="dash-wrap">
                        <a href={isAdmin ? `/admin/stok/${p.productId}` : `/produk/${p.slug}`}>{p.name}</a>
                        <span class="d-block small text-body-secondary">{p.sku}</span>
                      </th>
                      <td class="text-end">{number.format(p.stock)}</td>
                      <td class="text-end">{number.format(p.threshold)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
          {overview.lowStock.total > 0 && (
            <p>
              <a href="/admin/stok">{t('dashboard.lowStock.more', { count: overview.lowStock.total })}</a>
            </p>
          )}
        </section>
      </div>

      <p class="dash-muted small">{t('dashboard.updated', { time: formatDateTimeWib(overview.generatedAt, locale) })}</p>
    </AdminLayout>
  );
}

/** The page as a node for `adminPage` (routes are plain .ts). */
export const dashboardView = (overview: DashboardOverview) => <DashboardPage overview={overview} />;
