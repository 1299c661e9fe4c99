/** Building blocks of the reports page: the range form with its quick ranges, the export links and a plain table. */
import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../../lib/i18n';
import { GROUPINGS, QUICK_RANGES, quickRange, type RangeField, rangeQuery } from '../../reports/schema';
import { describedBy, FieldNotes } from '../../ui/form-fields';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';

export type RangeFormState = { values: Record<RangeField, string>; errors: Partial<Record<RangeField, string>> };

function DateField({ name, label, state }: { name: 'dari' | 'sampai'; label: MessageKey; state: RangeFormState }) {
  const { t } = usePage();
  const id = `f-${name}`;
  const error = state.errors[name];
  return (
    <div class="rep-field">
      <label class="form-label" for={id}>
        {t(label)}
      </label>
      <input
        id={id}
        name={name}
        type="date"
        class={`form-control${error ? ' is-invalid' : ''}`}
        value={state.values[name]}
        required
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, error, undefined)}
      />
      <FieldNotes id={id} error={error} hint={undefined} />
    </div>
  );
}

/** A GET form (it changes nothing, so it carries no CSRF token): the range lives in the URL, shareable and bookmarkable. */
export function RangeForm({ state, now }: { state: RangeFormState; now: Date }) {
  const { t } = usePage();
  const perError = state.errors.per;
  const current = rangeQuery({ from: state.values.dari, to: state.values.sampai, per: state.values.per as 'hari' });
  return (
    <section class="rep-range" aria-labelledby="rep-range-title">
      <h2 class="visually-hidden" id="rep-range-title">
        {t('reports.form.legend')}
      </h2>
      <nav class="rep-quick" aria-label={t('reports.quick.label')}>
        {QUICK_RANGES.map((kind) => {
          const query = rangeQuery(quickRange(kind, now));
          return (
            <a
              key={kind}
              class="btn btn-sm btn-outline-secondary"
              href={`/admin/laporan?${query}`}
              aria-current={query === current ? 'true' : undefined}
              data-quick={kind}
            >
              {t(`reports.quick.${kind}`)}
            </a>
          );
        })}
      </nav>
      <form method="get" action="/admin/laporan" class="rep-form" novalidate data-range-form>
        <DateField name="dari" label="reports.form.from" state={state} />
        <DateField name="sampai" label="reports.form.to" state={state} />
        <div class="rep-field">
          <label class="form-label" for="f-per">
            {t('reports.form.per')}
          </label>
          <select
            id="f-per"
            name="per"
            class={`form-select${perError ? ' is-invalid' : ''}`}
            aria-invalid={perError ? 'true' : undefined}
            aria-describedby={describedBy('f-per', perError, undefined)}
          >
            {GROUPINGS.map((g) => (
              <option key={g} value={g} selected={state.values.per === g}>
                {t(`reports.per.${g}`)}
              </option>
            ))}
          </select>
          <FieldNotes id="f-per" error={perError} hint={undefined} />
        </div>
        <div class="rep-field rep-submit">
          <button class="btn btn-admin" type="submit">
            {t('reports.form.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** Plain links (they download without JavaScript); web/admin-reports.ts adds progress to them. */
export function ExportLinks({ query }: { query: string }) {
  const { t } = usePage();
  // One object per line with `icon:`, so the build finds the icon names for the sprite.
  const links: { file: string; label: MessageKey; icon: string }[] = [
    { file: 'penjualan.xlsx', label: 'reports.export.sales', icon: 'file-excel' },
    { file: 'pesanan.xlsx', label: 'reports.export.orders', icon: 'file-excel' },
    { file: 'stok.xlsx', label: 'reports.export.stock', icon: 'file-excel' },
    { file: 'laporan.pdf', label: 'reports.export.pdf', icon: 'file-pdf' },
  ];
  return (
    <section
      class="dash-panel rep-exports"
      aria-labelledby="rep-exports-title"
      data-progress-text={t('reports.export.progress')}
      data-done-text={t('reports.export.done')}
      data-failed-text={t('reports.export.failed')}
    >
      <h2 class="admin-subtitle" id="rep-exports-title">
        {t('reports.export.title')}
      </h2>
      <p class="dash-muted">{t('reports.export.lead')}</p>
      <ul class="rep-export-list">
        {links.map(({ file, label, icon }) => (
          <li key={file}>
            <a class="btn btn-outline-secondary" href={`/admin/laporan/${file}?${query}`} data-export={file}>
              <Icon name={icon} /> {t(label)}
            </a>
          </li>
        ))}
      </ul>
      <div class="rep-progress" data-export-progress hidden>
        <progress aria-label={t('reports.export.status')} />
      </div>
      <p class="rep-status" role="status" aria-live="polite" data-export-status />
    </section>
  );
}

export interface TableColumn {
  label: string;
  end?: boolean;
}

/** A table in its own focusable, named scrolling box (WCAG 2.1.1), the first cell of each row its header. */
export function ReportTable(props: { label: string; columns: TableColumn[]; rows: string[][]; id: string; children?: ComponentChildren }) {
  const { t } = usePage();
  if (props.rows.length === 0) return <p class="dash-muted">{t('reports.empty')}</p>;
  return (
    <div class="dash-table-scroll" role="region" aria-label={props.label} tabIndex={0}>
      <table class="table table-sm dash-table" data-table={props.id}>
        <thead>
          <tr>
            {props.columns.map((c) => (
              <th key={c.label} scope="col" class={c.end ? 'text-end' : undefined}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.rows.map((cells, r) => (
            <tr key={r}>
              {cells.map((cell, i) =>
                i === 0 ? (
                  <th key={props.columns[i]?.label} scope="row" class="dash-wrap">
                    {cell}
                  </th>
                ) : (
                  <td key={props.columns[i]?.label} class={props.columns[i]?.end ? 'text-end' : 'dash-wrap'}>
                    {cell}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
