import { COLUMNS, REQUIRED_FOR_NEW } from '../../product-import/schema';
import type { ImportIssue, ImportPlan } from '../../product-import/types';
import { CsrfField } from '../../ui/csrf-field';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { AdminLayout } from '../layout';

/** Rows of changes listed on the page (the counts cover all of them). */
const SHOWN_ROWS = 300;

export interface ImportPageProps {
  /** A problem with the upload itself (no file, unreadable, too large). */
  upload?: ImportIssue;
  plan?: ImportPlan;
  /** Set when the previewed sheet can be applied. */
  token?: string;
}

export function ImportPage({ upload, plan, token }: ImportPageProps) {
  const { t } = usePage();
  const changed = plan ? plan.rows.filter((r) => r.action !== 'unchanged') : [];
  return (
    <AdminLayout title={t('import.title')} crumbs={[{ label: t('import.title') }]}>
      <h1 class="admin-title">{t('import.title')}</h1>
      <p class="text-body-secondary">{t('import.lead')}</p>
      <p>
        <a class="btn btn-outline-rock" href="/admin/produk/ekspor.xlsx" download>
          <Icon name="file-excel" /> {t('import.export')}
        </a>
      </p>

      {plan && (
        <section class="admin-panel" aria-labelledby="import-preview-title" data-import-preview>
          <h2 id="import-preview-title" class="admin-subtitle">
            {t('import.preview.title')}
          </h2>
          <p data-import-summary>
            {t('import.preview.summary', { create: plan.counts.create, update: plan.counts.update, unchanged: plan.counts.unchanged })}
          </p>
          {plan.issues.length > 0 && (
            <>
              <div class="alert alert-danger" role="alert">
                {t('import.preview.errors', { count: plan.issues.length })}
              </div>
              <div class="table-responsive">
                <table class="table table-sm admin-table" data-import-issues>
                  <thead>
                    <tr>
                      <th scope="col">{t('import.preview.row')}</th>
                      <th scope="col">{t('import.preview.column')}</th>
                      <th scope="col">{t('import.preview.message')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {plan.issues.map((issue, i) => (
                      <tr key={i}>
                        <td>{issue.row}</td>
                        <td>
                          <span class="font-monospace">{issue.column ?? '—'}</span>
                        </td>
                        <td>{t(issue.message, issue.params)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          {plan.issues.length === 0 && changed.length > 0 && (
            <div class="table-responsive">
              <table class="table table-sm admin-table" data-import-rows>
                <thead>
                  <tr>
                    <th scope="col">{t('import.preview.row')}</th>
                    <th scope="col">SKU</th>
                    <th scope="col">{t('import.preview.action')}</th>
                    <th scope="col">{t('import.preview.changes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {changed.slice(0, SHOWN_ROWS).map((r) => (
                    <tr key={r.row}>
                      <td>{r.row}</td>
                      <td>
                        <span class="font-monospace">{r.sku}</span>
                      </td>
                      <td>{t(r.action === 'create' ? 'import.action.create' : 'import.action.update')}</td>
                      <td>
                        {r.changes.map((c) => (
                          <div key={c.column}>
                            <span class="font-monospace">{c.column}</span>: {c.from} → {c.to}
                          </div>
                        ))}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {token && (
            <form
              method="post"
              action="/admin/produk/impor/terapkan"
              data-busy-text={t('import.applying', { count: plan.counts.create + plan.counts.update })}
            >
              <CsrfField />
              <input type="hidden" name="token" value={token} />
              <button class="btn btn-rock" type="submit" data-import-apply>
                <Icon name="check" /> {t('import.apply', { count: plan.counts.create + plan.counts.update })}
              </button>
            </form>
          )}
        </section>
      )}

      <section class="admin-panel" aria-labelledby="import-upload-title">
        <h2 id="import-upload-title" class="admin-subtitle">
          {plan ? t('import.again') : t('import.submit')}
        </h2>
        {upload && (
          <div class="alert alert-danger" role="alert" data-import-error>
            {t(upload.message, upload.params)}
          </div>
        )}
        {/* The CSRF field comes before the file: the server reads it first. */}
        <form method="post" action="/admin/produk/impor" enctype="multipart/form-data" data-busy-text={t('import.checking')}>
          <CsrfField />
          <label class="form-label" for="import-file">
            {t('import.file')}
          </label>
          <input class="form-control mb-3" id="import-file" name="file" type="file" accept=".xlsx,.csv,text/csv" required />
          <button class="btn btn-rock" type="submit">
            <Icon name="upload" /> {t('import.submit')}
          </button>
        </form>
        <details class="mt-3">
          <summary>{t('import.columns')}</summary>
          <ul class="list-unstyled d-flex flex-wrap gap-2 small mt-2">
            {COLUMNS.map((c) => (
              <li key={c} class="font-monospace">
                {c}
                {REQUIRED_FOR_NEW.includes(c) ? '*' : ''}
              </li>
            ))}
          </ul>
        </details>
      </section>
    </AdminLayout>
  );
}
