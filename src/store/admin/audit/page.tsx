/**
 * A11 the audit log (admin only): filters by person, action and WIB dates in the URL, newest
 * first, each entry with who, when, from where, the subject and only the fields that changed.
 * Read-only by design: there is no form here that could change an entry.
 */
import { formatDateTimeWib } from '../../../lib/time';
import { AUDIT_ACTIONS, auditActionLabel, isAuditAction } from '../../audit/actions';
import { type AuditFilterValues, auditListUrl, type ParsedAuditFilters } from '../../audit/schema';
import type { AuditRow } from '../../audit/types';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { AdminLayout } from '../layout';
import { AdminPager } from '../views/pager';

export interface AuditPageData {
  rows: AuditRow[];
  total: number;
  pageCount: number;
  actors: { id: number; email: string }[];
}

/** Where an entry's subject lives in the back office, when it has a page. */
function subjectHref(row: AuditRow): string | undefined {
  if (!row.subjectId) return undefined;
  switch (row.subjectType) {
    case 'user':
      return `/admin/pengguna/${encodeURIComponent(row.subjectId)}`;
    case 'product':
      return `/admin/produk/${encodeURIComponent(row.subjectId)}`;
    case 'order':
      return `/admin/pesanan/${encodeURIComponent(row.subjectId)}`;
    default:
      return undefined;
  }
}

const MAX_VALUE_CHARS = 160;

function showValue(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === '') return empty;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

function Change({ row }: { row: AuditRow }) {
  const { t } = usePage();
  const keys = [...new Set([...Object.keys(row.before ?? {}), ...Object.keys(row.after ?? {})])];
  if (keys.length === 0) return null;
  const empty = t('adminAudit.empty.value');
  return (
    <dl class="audit-change mb-0">
      {keys.map((key) => (
        <div key={key} class="audit-change-row">
          <dt>{key}</dt>
          <dd>
            {row.before && key in row.before && (
              <span class="audit-before" title={t('adminAudit.before')}>
                {showValue(row.before[key], empty)}
              </span>
            )}
            {row.before && key in row.before && row.after && key in row.after && <Icon name="arrow-right" class="audit-arrow" />}
            {row.after && key in row.after && (
              <span class="audit-after" title={t('adminAudit.after')}>
                {showValue(row.after[key], empty)}
              </span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function Filters({ parsed, actors }: { parsed: ParsedAuditFilters; actors: AuditPageData['actors'] }) {
  const { t } = usePage();
  const { values, errors } = parsed;
  const invalid = (name: keyof AuditFilterValues) => ({
    id: `audit-${name}`,
    'aria-invalid': errors[name] ? ('true' as const) : undefined,
    'aria-describedby': errors[name] ? `audit-${name}-error` : undefined,
  });
  const error = (name: keyof AuditFilterValues) =>
    errors[name] ? (
      <div id={`audit-${name}-error`} class="invalid-feedback d-block">
        {t(errors[name])}
      </div>
    ) : null;
  const filtered = Boolean(values.orang || values.aksi || values.dari || values.sampai);
  return (
    <form
      method="get"
      action="/admin/audit"
      class="admin-filters audit-filters"
      role="search"
      aria-label={t('adminAudit.filter.label')}
      novalidate
    >
      <div>
        <label class="form-label" for="audit-orang">
          {t('adminAudit.filter.person')}
        </label>
        <select name="orang" class={`form-select${errors.orang ? ' is-invalid' : ''}`} {...invalid('orang')}>
          <option value="">{t('adminAudit.filter.anyone')}</option>
          {actors.map((a) => (
            <option key={a.id} value={String(a.id)} selected={values.orang === String(a.id)}>
              {a.email}
            </option>
          ))}
        </select>
        {error('orang')}
      </div>
      <div>
        <label class="form-label" for="audit-aksi">
          {t('adminAudit.filter.action')}
        </label>
        <select name="aksi" class={`form-select${errors.aksi ? ' is-invalid' : ''}`} {...invalid('aksi')}>
          <option value="">{t('adminAudit.filter.anyAction')}</option>
          {AUDIT_ACTIONS.map((a) => (
            <option key={a} value={a} selected={values.aksi === a}>
              {t(auditActionLabel(a))}
            </option>
          ))}
        </select>
        {error('aksi')}
      </div>
      <div>
        <label class="form-label" for="audit-dari">
          {t('adminAudit.filter.from')}
        </label>
        <input type="date" name="dari" value={values.dari} class={`form-control${errors.dari ? ' is-invalid' : ''}`} {...invalid('dari')} />
        {error('dari')}
      </div>
      <div>
        <label class="form-label" for="audit-sampai">
          {t('adminAudit.filter.to')}
        </label>
        <input
          type="date"
          name="sampai"
          value={values.sampai}
          class={`form-control${errors.sampai ? ' is-invalid' : ''}`}
          {...invalid('sampai')}
        />
        {error('sampai')}
      </div>
      <div class="admin-filter-actions">
        <button type="submit" class="btn btn-outline-rock">
          <Icon name="filter" /> {t('adminAudit.filter.submit')}
        </button>
        {filtered && (
          <a class="btn btn-link" href="/admin/audit">
            {t('adminAudit.filter.reset')}
          </a>
        )}
      </div>
    </form>
  );
}

function Actor({ row }: { row: AuditRow }) {
  const { t } = usePage();
  if (row.actorId !== null && row.actorEmail) {
    return (
      <a href={`/admin/pengguna/${row.actorId}`} class="text-break">
        {row.actorEmail}
      </a>
    );
  }
  return <span class="text-body-secondary">{t(row.actorRole === 'system' ? 'adminAudit.system' : 'adminAudit.nobody')}</span>;
}

export function AuditLogPage({ parsed, data }: { parsed: ParsedAuditFilters; data: AuditPageData }) {
  const { t, locale } = usePage();
  // The pager keeps only the filters that applied.
  const kept: AuditFilterValues = { ...parsed.values };
  for (const field of Object.keys(parsed.errors) as (keyof AuditFilterValues)[]) kept[field] = '';
  return (
    <AdminLayout title={t('adminAudit.title')} crumbs={[{ label: t('adminAudit.title') }]}>
      <div class="admin-page-head">
        <div>
          <h1 class="admin-title">{t('adminAudit.title')}</h1>
          <p class="text-body-secondary mb-0">{t('adminAudit.lead')}</p>
        </div>
      </div>
      <Filters parsed={parsed} actors={data.actors} />
      <p class="text-body-secondary small" role="status">
        {t('adminAudit.count', { count: data.total })}
      </p>
      {data.rows.length === 0 ? (
        <p class="admin-empty">{t('adminAudit.empty')}</p>
      ) : (
        <div class="table-responsive admin-table-box">
          <table class="table align-middle admin-table audit-table mb-0" data-audit-table>
            <thead>
              <tr>
                <th scope="col">{t('adminAudit.col.when')}</th>
                <th scope="col">{t('adminAudit.col.who')}</th>
                <th scope="col">{t('adminAudit.col.action')}</th>
                <th scope="col">{t('adminAudit.col.subject')}</th>
                <th scope="col">{t('adminAudit.col.change')}</th>
              </tr>
            </thead>
            <tbody>
              {data.rows.map((row) => {
                const href = subjectHref(row);
                const label = row.subjectLabel ?? row.subjectId ?? '';
                return (
                  <tr key={row.id} data-audit-row={row.action}>
                    <td data-label={t('adminAudit.col.when')}>
                      <time dateTime={row.at.toISOString()}>{formatDateTimeWib(row.at, locale)}</time>
                    </td>
                    <td data-label={t('adminAudit.col.who')}>
                      <Actor row={row} />
                      {row.ip && (
                        <div class="small text-body-secondary" title={t('adminAudit.col.ip')}>
                          {row.ip}
                        </div>
                      )}
                    </td>
                    <td data-label={t('adminAudit.col.action')}>
                      {isAuditAction(row.action) ? t(auditActionLabel(row.action)) : row.action}
                    </td>
                    <td data-label={t('adminAudit.col.subject')} class="text-break">
                      {href ? <a href={href}>{label}</a> : label}
                    </td>
                    <td data-label={t('adminAudit.col.change')}>
                      <Change row={row} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <AdminPager
        page={parsed.filters.page}
        pages={data.pageCount}
        href={(page) => auditListUrl(kept, page)}
        label={t('adminAudit.pager')}
      />
    </AdminLayout>
  );
}
