/**
 * The category's picture on its edit page: the current one (with a remove button behind a
 * confirmation) and a plain multipart upload form (CSRF field first), which replaces it.
 */
import type { MessageKey } from '../../../lib/i18n';
import type { AdminCategoryRow } from '../../catalog/types';
import { CsrfField } from '../../ui/csrf-field';
import { Icon } from '../../ui/icon';
import { IMAGE_WIDTHS, imageUrl } from '../../ui/image-urls';
import { usePage } from '../../ui/page-context';

export const CATEGORY_IMAGE_FIELD = 'image';

export function CategoryImageSection({ category, error }: { category: AdminCategoryRow; error?: MessageKey }) {
  const { t } = usePage();
  const base = `/admin/kategori/${category.id}/gambar`;
  return (
    <section class="admin-form-card" aria-labelledby="category-image-title" data-category-image>
      <h2 id="category-image-title" class="admin-subtitle mt-0">
        {t('adminCatalog.category.image.title')}
      </h2>
      <p class="small text-body-secondary">{t('adminCatalog.category.image.lead')}</p>
      {error && (
        <div class="alert alert-danger" role="alert" data-category-image-error>
          {t(error)}
        </div>
      )}
      {category.image ? (
        <div class="category-image-current">
          <img
            src={imageUrl(category.image.storageKey, IMAGE_WIDTHS[0], 'webp', 'categories')}
            alt={t('adminCatalog.category.image.alt', { name: category.name })}
            width={160}
          />
          <details class="admin-confirm">
            <summary class="btn btn-sm btn-outline-danger">{t('adminCatalog.category.image.remove')}</summary>
            <form method="post" action={`${base}/hapus`} class="admin-confirm-body">
              <CsrfField />
              <p class="mb-2">{t('adminCatalog.category.image.removeConfirm')}</p>
              <button type="submit" class="btn btn-sm btn-danger">
                {t('adminCatalog.category.image.removeYes')}
              </button>
            </form>
          </details>
        </div>
      ) : (
        <p class="text-body-secondary">{t('adminCatalog.category.image.none')}</p>
      )}
      <form method="post" action={base} enctype="multipart/form-data" class="mt-3">
        <CsrfField />
        <label class="form-label" for="category-image">
          {t(category.image ? 'adminCatalog.category.image.replace' : 'adminCatalog.category.image.upload')}
        </label>
        <input
          id="category-image"
          class="form-control"
          type="file"
          name={CATEGORY_IMAGE_FIELD}
          accept="image/jpeg,image/png,image/webp,image/gif,image/avif,image/tiff"
          required
          aria-describedby="category-image-hint"
        />
        <div id="category-image-hint" class="form-text">
          {t('adminCatalog.category.image.hint')}
        </div>
        <button type="submit" class="btn btn-secondary mt-2">
          <Icon name="upload" /> {t('adminCatalog.category.image.submit')}
        </button>
      </form>
    </section>
  );
}
