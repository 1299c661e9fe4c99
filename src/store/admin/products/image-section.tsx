/**
 * The product editor's images: the uploaded ones in their order (main image, arrows, remove,
 * dragging via web/admin-image-order.ts) and the upload form (drop zone and per-file progress via
 * web/admin-product-images.ts). Every action is a plain form first, so it works without script.
 */
import type { MessageKey } from '../../../lib/i18n';
import type { UploadResult } from '../../product/service';
import { type AdminProduct, type AdminProductImage, MAX_PRODUCT_IMAGES } from '../../product/types';
import { CsrfField } from '../../ui/csrf-field';
import { Icon } from '../../ui/icon';
import { IMAGE_WIDTHS, imageUrl } from '../../ui/image-urls';
import { usePage } from '../../ui/page-context';

/** What the last upload added and refused, shown above the images. */
export type UploadNoticeData = UploadResult & { failure?: MessageKey };

function UploadNotice({ upload }: { upload: UploadNoticeData }) {
  const { t } = usePage();
  return (
    <div class="alert alert-danger" role="alert" data-upload-error>
      {upload.failure && <p class="mb-1">{t(upload.failure, { max: MAX_PRODUCT_IMAGES })}</p>}
      {upload.tooMany && <p class="mb-1">{t('adminProducts.image.error.tooMany', { max: MAX_PRODUCT_IMAGES })}</p>}
      {upload.added > 0 && <p class="mb-1">{t('adminProducts.image.added', { count: upload.added })}</p>}
      {upload.refused.length > 0 && (
        <ul class="mb-0">
          {upload.refused.map((r) => (
            <li key={r.filename}>
              <strong>{r.filename}</strong>: {t(r.reason)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ImageList({ product, images }: { product: AdminProduct; images: AdminProductImage[] }) {
  const { t } = usePage();
  const base = `/admin/produk/${product.id}/gambar`;
  return (
    <ol
      class="admin-images"
      data-order-url={`${base}/urutan`}
      data-saved-text={t('adminProducts.image.orderSaved')}
      data-failed-text={t('adminProducts.image.error.order')}
    >
      {images.map((img, i) => (
        <li
          key={img.id}
          id={`gambar-${img.id}`}
          class="admin-image"
          data-image-id={img.id}
          data-image-main={img.isMain ? 'true' : undefined}
        >
          <img src={imageUrl(img.storageKey, IMAGE_WIDTHS[0], 'webp')} alt={t('adminProducts.image.alt', { n: i + 1 })} width={120} />
          <div class="admin-image-body">
            {img.isMain ? (
              <span class="badge text-bg-primary">
                <Icon name="star" /> {t('adminProducts.image.main')}
              </span>
            ) : (
              <form method="post" action={`${base}/${img.id}/utama`}>
                <CsrfField />
                <button type="submit" class="btn btn-sm btn-admin-outline">
                  {t('adminProducts.image.makeMain')}
                </button>
              </form>
            )}
            <div class="admin-image-move">
              <form method="post" action={`${base}/${img.id}/geser`}>
                <CsrfField />
                <input type="hidden" name="direction" value="up" />
                <button type="submit" class="btn btn-sm btn-admin-ghost" disabled={i === 0}>
                  <Icon name="arrow-up" /> <span class="visually-hidden">{t('adminProducts.image.up', { n: i + 1 })}</span>
                </button>
              </form>
              <form method="post" action={`${base}/${img.id}/geser`}>
                <CsrfField />
                <input type="hidden" name="direction" value="down" />
                <button type="submit" class="btn btn-sm btn-admin-ghost" disabled={i === images.length - 1}>
                  <Icon name="arrow-down" /> <span class="visually-hidden">{t('adminProducts.image.down', { n: i + 1 })}</span>
                </button>
              </form>
            </div>
            <details class="admin-confirm">
              <summary class="btn btn-sm btn-outline-danger">{t('adminProducts.image.remove')}</summary>
              <form method="post" action={`${base}/${img.id}/hapus`} class="admin-confirm-body">
                <CsrfField />
                <p class="mb-2">{t('adminProducts.image.removeConfirm')}</p>
                <button type="submit" class="btn btn-sm btn-danger">
                  {t('adminProducts.image.removeYes')}
                </button>
              </form>
            </details>
          </div>
        </li>
      ))}
    </ol>
  );
}

export function ProductImagesSection({
  product,
  images,
  upload,
}: {
  product: AdminProduct;
  images: AdminProductImage[];
  upload: UploadNoticeData | undefined;
}) {
  const { t } = usePage();
  return (
    <section id="gambar" class="admin-section" aria-labelledby="gambar-title">
      <h2 id="gambar-title" class="admin-subtitle">
        {t('adminProducts.images')}
      </h2>
      {upload && <UploadNotice upload={upload} />}
      {images.length === 0 ? (
        <p class="text-body-secondary">{t('adminProducts.image.none')}</p>
      ) : (
        <>
          {images.length > 1 && <p class="small text-body-secondary">{t('adminProducts.image.dragHint')}</p>}
          <ImageList product={product} images={images} />
        </>
      )}
      {images.length < MAX_PRODUCT_IMAGES && (
        <form
          method="post"
          action={`/admin/produk/${product.id}/gambar`}
          enctype="multipart/form-data"
          class="admin-upload"
          data-image-upload
          data-drop-text={t('adminProducts.image.drop')}
          data-done-text={t('adminProducts.image.done')}
          data-failed-text={t('adminProducts.image.failed')}
          data-reload-text={t('adminProducts.image.reload')}
        >
          <CsrfField />
          <label class="form-label" for="f-images">
            {t('adminProducts.image.upload', { max: MAX_PRODUCT_IMAGES - images.length })}
          </label>
          <input
            id="f-images"
            class="form-control"
            type="file"
            name="images"
            accept="image/jpeg,image/png,image/webp,image/gif,image/avif,image/tiff"
            multiple
            required
            aria-describedby="f-images-hint"
          />
          <div id="f-images-hint" class="form-text">
            {t('adminProducts.image.hint')}
          </div>
          <button type="submit" class="btn btn-secondary mt-2">
            <Icon name="upload" /> {t('adminProducts.image.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
