/** A3 views: the category tree, and the create/edit form with its delete confirmation. */
import type { MessageKey } from '../../../lib/i18n';
import { DEFAULT_QUERY, pageUrl } from '../../catalog/schema';
import { type AdminCategoryNode, flattenTree } from '../../catalog/service';
import type { AdminCategoryRow } from '../../catalog/types';
import { CsrfField } from '../../ui/csrf-field';
import { FieldInput, FormAlert, type FormState } from '../../ui/form-fields';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { AdminLayout } from '../layout';
import { CategoryImageSection } from './image-section';
import { FieldCheckbox, FieldNumber, FieldSelect, FieldTextarea } from '../fields';

export const CATEGORIES_PATH = '/admin/kategori';

export function CategoryListPage({ roots }: { roots: AdminCategoryNode[] }) {
  const { t } = usePage();
  const rows = flattenTree(roots);
  return (
    <AdminLayout title={t('adminCatalog.category.title')} crumbs={[{ label: t('adminCatalog.category.title') }]}>
      <div class="admin-page-head">
        <div>
          <h1 class="admin-title">{t('adminCatalog.category.title')}</h1>
          <p class="text-body-secondary mb-0">{t('adminCatalog.category.lead')}</p>
        </div>
        <a class="btn btn-rock" href={`${CATEGORIES_PATH}/baru`} data-category-new>
          <Icon name="plus" /> {t('adminCatalog.category.new')}
        </a>
      </div>
      {rows.length === 0 ? (
        <p class="admin-empty">{t('adminCatalog.category.empty')}</p>
      ) : (
        <div class="table-responsive admin-table-box">
          <table class="table table-hover align-middle admin-table mb-0" data-category-table>
            <thead>
              <tr>
                <th scope="col">{t('adminCatalog.category.col.name')}</th>
                <th scope="col">{t('adminCatalog.category.col.slug')}</th>
                <th scope="col" class="text-end">
                  {t('adminCatalog.category.col.products')}
                </th>
                <th scope="col" class="text-end">
                  {t('adminCatalog.category.col.position')}
                </th>
                <th scope="col">{t('adminCatalog.category.col.status')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('adminCatalog.category.col.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((c) => (
                <tr key={c.id} data-category-row={c.slug}>
                  <th scope="row" class="fw-normal">
                    <span class="category-name" style={`--depth:${c.depth}`}>
                      {c.depth > 0 && <span class="category-branch" aria-hidden="true" />}
                      <Icon name={c.icon} />{' '}
                      <a href={`${CATEGORIES_PATH}/${c.id}`} class="fw-semibold">
                        {c.name}
                      </a>
                    </span>
                  </th>
                  <td>
                    <code>{c.slug}</code>
                  </td>
                  <td class="text-end" data-product-count>
                    {c.productCount}
                  </td>
                  <td class="text-end">{c.position}</td>
                  <td>
                    <StatusBadge active={c.isActive} />
                  </td>
                  <td class="text-nowrap">
                    <a class="btn btn-sm btn-outline-secondary" href={`${CATEGORIES_PATH}/${c.id}`}>
                      <Icon name="pen" /> <span class="visually-hidden">{t('adminCatalog.category.editNamed', { name: c.name })}</span>
                    </a>{' '}
                    {c.isActive && (
                      <a class="btn btn-sm btn-outline-secondary" href={pageUrl({ ...DEFAULT_QUERY, categorySlug: c.slug })}>
                        <Icon name="store" /> <span class="visually-hidden">{`${t('adminCatalog.category.view')}: ${c.name}`}</span>
                      </a>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </AdminLayout>
  );
}

function StatusBadge({ active }: { active: boolean }) {
  const { t } = usePage();
  return active ? (
    <span class="badge rounded-pill text-bg-success">{t('adminCatalog.category.active')}</span>
  ) : (
    <span class="badge rounded-pill text-bg-secondary">{t('adminCatalog.category.inactive')}</span>
  );
}

/** The form's values for an existing category. */
export function categoryValues(c: AdminCategoryRow): Record<string, string> {
  return {
    name: c.name,
    slug: c.slug,
    parentId: c.parentId === null ? '' : String(c.parentId),
    description: c.description,
    icon: c.icon,
    position: String(c.position),
    isActive: c.isActive ? 'on' : '',
  };
}

export interface CategoryFormProps {
  /** Undefined for a new category. */
  category?: AdminCategoryRow;
  /** Where it may go: every category, minus itself and its descendants when editing. */
  parents: AdminCategoryNode[];
  form: FormState;
  /** Shown on the edit page: products and sub-categories directly in it. */
  usage?: { products: number; children: number };
  /** Whether the picture section is shown (its routes exist). */
  withImage?: boolean;
  /** Why the last picture upload was refused. */
  imageError?: MessageKey;
}

export function CategoryFormPage({ category, parents, form: given, usage, withImage, imageError }: CategoryFormProps) {
  const { t } = usePage();
  // A refused parent (itself or a descendant) is not among the options: show the current one
  // rather than letting the select fall back to "no parent" unnoticed.
  const chosen = given.values?.parentId ?? '';
  const offered = chosen === '' || parents.some((p) => String(p.id) === chosen);
  const form: FormState = offered
    ? given
    : { ...given, values: { ...given.values, parentId: category?.parentId == null ? '' : String(category.parentId) } };
  const title = category ? t('adminCatalog.category.editNamed', { name: category.name }) : t('adminCatalog.category.new');
  const options = [
    { value: '', label: t('adminCatalog.category.field.noParent') },
    ...parents.map((p) => ({ value: String(p.id), label: `${'\u2014 '.repeat(p.depth)}${p.name}` })),
  ];
  const inUse = usage !== undefined && (usage.products > 0 || usage.children > 0);
  return (
    <AdminLayout
      title={title}
      crumbs={[{ label: t('adminCatalog.category.title'), href: CATEGORIES_PATH }, { label: category ? category.name : title }]}
    >
      <h1 class="admin-title">{title}</h1>
      <div class="admin-form-card">
        <FormAlert state={form} />
        <form method="post" action={category ? `${CATEGORIES_PATH}/${category.id}` : CATEGORIES_PATH} novalidate data-category-form>
          <CsrfField />
          <FieldInput name="name" label="adminCatalog.category.field.name" state={form} maxLength={100} />
          <FieldInput
            name="slug"
            label="adminCatalog.category.field.slug"
            hint="adminCatalog.category.field.slugHint"
            state={form}
            maxLength={120}
            required={false}
          />
          <FieldSelect name="parentId" label="adminCatalog.category.field.parent" state={form} options={options} />
          <FieldTextarea name="description" label="adminCatalog.category.field.description" state={form} maxLength={2000} />
          <div class="row g-3">
            <div class="col-sm-6">
              <FieldInput
                name="icon"
                label="adminCatalog.category.field.icon"
                hint="adminCatalog.category.field.iconHint"
                state={form}
                maxLength={40}
                required={false}
              />
            </div>
            <div class="col-sm-6">
              <FieldNumber
                name="position"
                label="adminCatalog.category.field.position"
                hint="adminCatalog.category.field.positionHint"
                state={form}
                min={0}
                max={9999}
              />
            </div>
          </div>
          <FieldCheckbox name="isActive" label="adminCatalog.category.field.active" state={form} />
          <div class="d-flex flex-wrap gap-2">
            <button type="submit" class="btn btn-rock">
              <Icon name="floppy-disk" /> {t(category ? 'adminCatalog.category.save' : 'adminCatalog.category.create')}
            </button>
            <a class="btn btn-outline-secondary" href={CATEGORIES_PATH}>
              {t('adminCatalog.category.cancel')}
            </a>
          </div>
        </form>
      </div>
      {category && withImage && <CategoryImageSection category={category} error={imageError} />}
      {category && usage && (
        <div class="admin-form-card admin-danger-zone" data-category-delete>
          {inUse ? (
            <p class="mb-0">{t('adminCatalog.category.deleteBlocked', { products: usage.products, children: usage.children })}</p>
          ) : (
            <details>
              <summary class="btn btn-outline-danger">
                <Icon name="trash" /> {t('adminCatalog.category.delete')}
              </summary>
              <form method="post" action={`${CATEGORIES_PATH}/${category.id}/hapus`} class="mt-3">
                <CsrfField />
                <p>{t('adminCatalog.category.deleteConfirm', { name: category.name })}</p>
                <button type="submit" class="btn btn-danger">
                  {t('adminCatalog.category.deleteYes')}
                </button>
              </form>
            </details>
          )}
        </div>
      )}
    </AdminLayout>
  );
}
