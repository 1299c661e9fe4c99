import type { MessageKey } from '../../../lib/i18n';
import { memoByObject } from '../../../lib/object-memo';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { partCache, SharedPart } from '../../ui/shared-part';
import { type CatalogSort, pageParam, pageSortValue, pageUrl, SORTS } from '../schema';
import type { CatalogPage, CategoryNode } from '../service';

export const FILTER_FORM_ID = 'catalog-filters';

interface CategoryOption {
  slug: string;
  label: string;
}

function categoryOptions(nodes: CategoryNode[], depth = 0): CategoryOption[] {
  return nodes.flatMap((n) => [{ slug: n.slug, label: `${'— '.repeat(depth)}${n.name}` }, ...categoryOptions(n.children, depth + 1)]);
}

/**
 * The category <select> is the same on every catalogue page showing the same category: it is kept
 * per tree and chosen category (SharedPart). A tree is the catalogue's cached object until the
 * categories change, so each one is numbered once and its options listed once.
 */
const categorySelects = partCache(256);
let treesSeen = 0;

const optionsOf = memoByObject((tree: CategoryNode[]) => {
  const options = categoryOptions(tree);
  return { id: ++treesSeen, options, slugs: new Set(options.map((o) => o.slug)) };
});

function CategorySelect({ tree, selected }: { tree: CategoryNode[]; selected: string | undefined }) {
  const { t } = usePage();
  const { id, options, slugs } = optionsOf(tree);
  // A slug the tree lacks selects nothing, as no slug does: one kept <select>, not one per typo.
  const chosen = selected && slugs.has(selected) ? selected : '';
  return (
    <SharedPart
      tag="select"
      attributes={{ id: 'filter-category', class: 'form-select', name: pageParam.category }}
      id={`category-select|${id}|${chosen}`}
      cache={categorySelects}
      inner={() => (
        <>
          <option value="">{t('catalog.filter.category.all')}</option>
          {options.map((o) => (
            <option key={o.slug} value={o.slug} selected={o.slug === chosen}>
              {o.label}
            </option>
          ))}
        </>
      )}
    />
  );
}

/** The filter form: a plain GET form (works without JavaScript); web/catalog.ts updates results in place. */
export function Filters({ page }: { page: CatalogPage }) {
  const { t } = usePage();
  const q = page.query;
  return (
    <form id={FILTER_FORM_ID} class="catalog-filters" action="/produk" method="get" data-catalog-form>
      <div class="mb-3">
        <label class="form-label" for="filter-q">
          {t('catalog.filter.search')}
        </label>
        <input id="filter-q" class="form-control" type="search" name={pageParam.q} value={q.q} maxLength={100} />
      </div>
      <div class="mb-3">
        <label class="form-label" for="filter-category">
          {t('catalog.filter.category')}
        </label>
        <CategorySelect tree={page.topCategories} selected={q.categorySlug} />
      </div>
      {page.brands.length > 0 && (
        <fieldset class="mb-3">
          <legend class="form-label">{t('catalog.filter.brand')}</legend>
          <div class="brand-list">
            {page.brands.map((b) => {
              const id = `brand-${b.brand.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
              return (
                <div class="form-check" key={b.brand}>
                  <input
                    class="form-check-input"
                    type="checkbox"
                    id={id}
                    name={pageParam.brand}
                    value={b.brand}
                    checked={q.brands.some((x) => x.toLowerCase() === b.brand.toLowerCase())}
                  />
                  <label class="form-check-label" for={id}>
                    {b.brand} <span class="text-body-secondary">({b.count})</span>
                  </label>
                </div>
              );
            })}
          </div>
        </fieldset>
      )}
      <fieldset class="mb-3">
        <legend class="form-label">{t('catalog.filter.price')}</legend>
        <div class="d-flex gap-2 align-items-center">
          <input
            class="form-control"
            type="number"
            inputMode="numeric"
            min={0}
            step={1000}
            name={pageParam.min}
            value={q.minPrice ?? ''}
            aria-label={t('catalog.filter.price.min')}
            placeholder="Min"
          />
          <span aria-hidden="true">–</span>
          <input
            class="form-control"
            type="number"
            inputMode="numeric"
            min={0}
            step={1000}
            name={pageParam.max}
            value={q.maxPrice ?? ''}
            aria-label={t('catalog.filter.price.max')}
            placeholder="Max"
          />
        </div>
      </fieldset>
      <div class="form-check mb-3">
        <input class="form-check-input" type="checkbox" id="filter-stock" name={pageParam.inStock} value="1" checked={q.inStock} />
        <label class="form-check-label" for="filter-stock">
          {t('catalog.filter.stock')}
        </label>
      </div>
      <div class="d-flex flex-wrap gap-2">
        <button class="btn btn-rock" type="submit">
          <Icon name="filter" /> {t('catalog.filters.apply')}
        </button>
        <a class="btn btn-outline-rock" href="/produk">
          {t('catalog.filters.reset')}
        </a>
      </div>
    </form>
  );
}

/** Sort control; belongs to the filter form through the `form` attribute. */
export function SortSelect({ sort, hasQuery }: { sort: CatalogSort; hasQuery: boolean }) {
  const { t } = usePage();
  const choices = SORTS.filter((s) => s !== 'relevance' || hasQuery);
  return (
    <div class="catalog-sort">
      <label class="form-label mb-0" for="catalog-sort">
        {t('catalog.sort')}
      </label>
      <select id="catalog-sort" class="form-select form-select-sm" name={pageParam.sort} form={FILTER_FORM_ID}>
        {choices.map((s) => (
          <option key={s} value={pageSortValue(s)} selected={s === sort}>
            {t(`catalog.sort.${s}` as MessageKey)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Pagination({ page }: { page: CatalogPage }) {
  const { t } = usePage();
  const current = page.query.page;
  if (page.pageCount <= 1) return null;
  const numbers = [...new Set([1, current - 1, current, current + 1, page.pageCount])]
    .filter((n) => n >= 1 && n <= page.pageCount)
    .sort((a, b) => a - b);
  return (
    <nav class="catalog-pagination" aria-label={t('catalog.pagination')}>
      <ul class="pagination justify-content-center flex-wrap">
        <li class={`page-item${current <= 1 ? ' disabled' : ''}`}>
          {current > 1 ? (
            <a class="page-link" href={pageUrl(page.query, { page: current - 1 })} rel="prev">
              {t('catalog.page.previous')}
            </a>
          ) : (
            <span class="page-link">{t('catalog.page.previous')}</span>
          )}
        </li>
        {numbers.map((n, i) => (
          <>
            {i > 0 && n - numbers[i - 1]! > 1 && (
              <li class="page-item disabled" key={`gap-${n}`}>
                <span class="page-link">…</span>
              </li>
            )}
            <li class={`page-item${n === current ? ' active' : ''}`} key={n}>
              <a class="page-link" href={pageUrl(page.query, { page: n })} aria-current={n === current ? 'page' : undefined}>
                {n}
              </a>
            </li>
          </>
        ))}
        <li class={`page-item${current >= page.pageCount ? ' disabled' : ''}`}>
          {current < page.pageCount ? (
            <a class="page-link" href={pageUrl(page.query, { page: current + 1 })} rel="next">
              {t('catalog.page.next')}
            </a>
          ) : (
            <span class="page-link">{t('catalog.page.next')}</span>
          )}
        </li>
      </ul>
    </nav>
  );
}
