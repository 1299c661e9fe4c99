import { Breadcrumbs } from '../../ui/breadcrumbs';
import { Icon } from '../../ui/icon';
import { Layout } from '../../ui/layout';
import { usePage } from '../../ui/page-context';
import { ProductCard } from './product-card';
import { pageUrl } from '../schema';
import { normalizeQuery, searchTerms } from '../../../lib/search-terms';
import type { CatalogPage } from '../service';
import { Filters, Pagination, SortSelect } from './filters';

export function CatalogPageView({ page }: { page: CatalogPage }) {
  const { t } = usePage();
  const q = page.query;
  const terms = q.q ? searchTerms(normalizeQuery(q.q)) : undefined;
  const title = q.q ? t('catalog.search.title', { q: q.q }) : (page.category?.name ?? t('catalog.title'));
  const subcategories = page.category?.children ?? [];
  return (
    <Layout title={title} description={t('catalog.description')}>
      <div class="container catalog" id="catalog" data-catalog>
        <Breadcrumbs
          label={t('catalog.breadcrumb')}
          class="catalog-breadcrumb"
          trail={page.breadcrumbs.map((c) => ({ label: c.name, href: pageUrl(q, { categorySlug: c.slug, page: 1 }) }))}
        />

        <header class="catalog-header">
          <h1 class="catalog-title">{title}</h1>
          <p class="catalog-count" role="status" aria-live="polite" data-catalog-count>
            {t('catalog.count', { count: page.total })}
          </p>
        </header>

        {page.didYouMean && (
          <p class="catalog-did-you-mean" data-did-you-mean>
            {t('catalog.didYouMean')}{' '}
            <a href={pageUrl(q, { q: page.didYouMean, page: 1 })} class="fw-semibold">
              {page.didYouMean}
            </a>
          </p>
        )}

        {page.unknownCategory && (
          <div class="alert alert-warning" role="alert">
            {t('catalog.unknownCategory')}
          </div>
        )}

        {subcategories.length > 0 && (
          <nav class="subcategory-chips" aria-label={t('catalog.subcategories')}>
            {subcategories.map((c) => (
              <a class="chip" href={pageUrl(q, { categorySlug: c.slug, page: 1 })} key={c.id}>
                <Icon name={c.icon} /> {c.name}
              </a>
            ))}
          </nav>
        )}

        <div class="catalog-layout">
          {/* On phones the filters start folded so results come first: decided by CSS before the
              first paint (a checkbox and its label, no script), so nothing moves after load. */}
          <div class="catalog-sidebar" data-catalog-sidebar>
            <input type="checkbox" id="catalog-filters-switch" class="catalog-filters-switch" data-catalog-filters-switch />
            <label class="catalog-sidebar-toggle" for="catalog-filters-switch">
              <Icon name="sliders" /> {t('catalog.filters')}
            </label>
            <Filters page={page} />
          </div>

          <section class="catalog-results" aria-labelledby="catalog-results-title">
            <div class="catalog-toolbar">
              <h2 id="catalog-results-title" class="visually-hidden">
                {title}
              </h2>
              <SortSelect sort={q.sort} hasQuery={q.q.length > 0} />
            </div>
            {page.products.length > 0 ? (
              <ul class="product-grid list-unstyled">
                {page.products.map((p, i) => (
                  <li key={p.id}>
                    <ProductCard product={p} eager={i < 3} highlight={terms} />
                  </li>
                ))}
              </ul>
            ) : (
              <div class="catalog-empty">
                <Icon name="guitar" class="catalog-empty-icon" />
                <h2>{t('catalog.empty.title')}</h2>
                <p>{t('catalog.empty.lead')}</p>
                <a class="btn btn-outline-rock" href="/produk">
                  {t('catalog.filters.reset')}
                </a>
                {page.suggestions.length > 0 && (
                  <>
                    <h3 class="section-title mt-4">{t('catalog.empty.suggestions')}</h3>
                    <ul class="product-grid list-unstyled">
                      {page.suggestions.map((p) => (
                        <li key={p.id}>
                          <ProductCard product={p} />
                        </li>
                      ))}
                    </ul>
                  </>
                )}
              </div>
            )}
            <Pagination page={page} />
          </section>
        </div>
      </div>
    </Layout>
  );
}
