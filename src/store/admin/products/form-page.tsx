import type { MessageKey } from '../../../lib/i18n';
import type { AdminProduct, AdminProductImage, ChoiceRow } from '../../product/types';
import { CsrfField } from '../../ui/csrf-field';
import { describedBy, FieldNotes } from '../../ui/form-fields';
import type { FieldErrors, FormValues } from '../../ui/form';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { AdminLayout } from '../layout';
import { type UploadNoticeData, ProductImagesSection } from './image-section';
import { StockBadge } from './list-page';

export interface ProductFormProps {
  /** Set on the edit page. */
  product?: AdminProduct;
  images?: AdminProductImage[];
  values?: FormValues;
  errors?: FieldErrors;
  categories: ChoiceRow[];
  suppliers: ChoiceRow[];
  /** What the last image upload refused (shown above the images). */
  upload?: UploadNoticeData;
}

/** The form's values from the stored product (strings, as a browser would send them). */
function valuesOf(p: AdminProduct): FormValues {
  const v: FormValues = {
    name: p.name,
    slug: p.slug,
    sku: p.sku,
    brand: p.brand,
    model: p.model,
    categoryId: String(p.categoryId),
    supplierId: p.supplierId === null ? '' : String(p.supplierId),
    price: String(p.price),
    stock: String(p.stock),
    minStock: String(p.minStock),
    lowStockThreshold: String(p.lowStockThreshold),
    weightGrams: String(p.weightGrams),
    lengthCm: String(p.lengthCm),
    widthCm: String(p.widthCm),
    heightCm: String(p.heightCm),
    description: p.description,
  };
  if (p.isFeatured) v.isFeatured = 'on';
  if (p.isActive) v.isActive = 'on';
  return v;
}

interface FieldProps {
  name: string;
  label: MessageKey;
  values: FormValues;
  errors: FieldErrors;
  hint?: MessageKey;
  required?: boolean;
  numeric?: boolean;
  maxLength?: number;
  suffix?: string;
  wide?: boolean;
}

function Field({ name, label, values, errors, hint, required, numeric, maxLength, suffix, wide }: FieldProps) {
  const { t } = usePage();
  const input = (
    <input
      id={`f-${name}`}
      name={name}
      type="text"
      class={`form-control${errors[name] ? ' is-invalid' : ''}`}
      value={values[name] ?? ''}
      required={required}
      inputMode={numeric ? 'numeric' : undefined}
      maxLength={maxLength}
      aria-invalid={errors[name] ? 'true' : undefined}
      aria-describedby={describedBy(`f-${name}`, errors[name], hint)}
    />
  );
  return (
    <div class={`admin-field${wide ? ' admin-field-wide' : ''}`}>
      <label class="form-label" for={`f-${name}`}>
        {t(label)}
      </label>
      {suffix ? (
        <div class="input-group">
          {input}
          <span class="input-group-text">{suffix}</span>
        </div>
      ) : (
        input
      )}
      <FieldNotes block id={`f-${name}`} error={errors[name]} hint={hint} />
    </div>
  );
}

function Choice({
  name,
  label,
  values,
  errors,
  options,
  empty,
}: {
  name: string;
  label: MessageKey;
  values: FormValues;
  errors: FieldErrors;
  options: ChoiceRow[];
  empty: MessageKey;
}) {
  const { t } = usePage();
  return (
    <div class="admin-field">
      <label class="form-label" for={`f-${name}`}>
        {t(label)}
      </label>
      <select
        id={`f-${name}`}
        name={name}
        class={`form-select${errors[name] ? ' is-invalid' : ''}`}
        aria-invalid={errors[name] ? 'true' : undefined}
        aria-describedby={describedBy(`f-${name}`, errors[name], undefined)}
      >
        <option value="">{t(empty)}</option>
        {options.map((o) => (
          <option key={o.id} value={String(o.id)} selected={values[name] === String(o.id)}>
            {o.isActive ? o.name : `${o.name} (${t('adminProducts.inactive')})`}
          </option>
        ))}
      </select>
      <FieldNotes block id={`f-${name}`} error={errors[name]} hint={undefined} />
    </div>
  );
}

function Toggle({ name, label, values, hint }: { name: string; label: MessageKey; values: FormValues; hint: MessageKey }) {
  const { t } = usePage();
  return (
    <div class="form-check form-switch admin-field">
      <input
        class="form-check-input"
        type="checkbox"
        id={`f-${name}`}
        name={name}
        checked={values[name] === 'on'}
        aria-describedby={`f-${name}-hint`}
      />
      <label class="form-check-label" for={`f-${name}`}>
        {t(label)}
      </label>
      <div id={`f-${name}-hint`} class="form-text">
        {t(hint)}
      </div>
    </div>
  );
}

export function ProductFormPage(props: ProductFormProps) {
  const { t } = usePage();
  const { product, images = [] } = props;
  const values = props.values ?? (product ? valuesOf(product) : {});
  const errors = props.errors ?? {};
  const title = product ? product.name : t('adminProducts.new');
  const action = product ? `/admin/produk/${product.id}` : '/admin/produk/baru';
  const f = { values, errors };
  return (
    <AdminLayout
      title={title}
      crumbs={[{ label: t('adminProducts.title'), href: '/admin/produk' }, { label: title }]}
      scripts={product ? ['adminProductImages'] : []}
    >
      <div class="admin-page-head">
        <h1 class="admin-title">{title}</h1>
        {product?.isActive && (
          <a class="btn btn-admin-ghost" href={`/produk/${product.slug}`}>
            <Icon name="store" /> {t('adminProducts.viewInStore')}
          </a>
        )}
      </div>
      {Object.keys(errors).length > 0 && (
        <div class="alert alert-danger" role="alert">
          {t('adminProducts.error.form')}
        </div>
      )}
      <form method="post" action={action} class="admin-product-form" novalidate>
        <CsrfField />
        <fieldset class="admin-fieldset">
          <legend>{t('adminProducts.section.basic')}</legend>
          <Field name="name" label="adminProducts.field.name" required maxLength={200} wide {...f} />
          <Field name="slug" label="adminProducts.field.slug" hint="adminProducts.hint.slug" maxLength={220} {...f} />
          <Field name="sku" label="adminProducts.field.sku" required maxLength={60} {...f} />
          <Field name="brand" label="adminProducts.field.brand" required maxLength={80} {...f} />
          <Field name="model" label="adminProducts.field.model" maxLength={120} {...f} />
          <Choice name="categoryId" label="adminProducts.field.category" options={props.categories} empty="adminProducts.choose" {...f} />
          <Choice
            name="supplierId"
            label="adminProducts.field.supplier"
            options={props.suppliers}
            empty="adminProducts.noSupplier"
            {...f}
          />
        </fieldset>
        <fieldset class="admin-fieldset">
          <legend>{t('adminProducts.section.priceStock')}</legend>
          <Field name="price" label="adminProducts.field.price" hint="adminProducts.hint.price" required numeric suffix="Rp" {...f} />
          {product ? (
            <div class="admin-field">
              <input type="hidden" name="stockWas" value={values.stockWas ?? String(product.stock)} />
              <Field name="stock" label="adminProducts.field.stock" hint="adminProducts.hint.stockEdit" required numeric {...f} />
              <p class="small mb-0">
                {t('adminProducts.stockNow')} <StockBadge stock={product.stock} threshold={product.lowStockThreshold} />
              </p>
            </div>
          ) : (
            <Field name="stock" label="adminProducts.field.initialStock" required numeric {...f} />
          )}
          <Field name="minStock" label="adminProducts.field.minStock" hint="adminProducts.hint.minStock" required numeric {...f} />
          <Field name="lowStockThreshold" label="adminProducts.field.lowStock" hint="adminProducts.hint.lowStock" required numeric {...f} />
        </fieldset>
        <fieldset class="admin-fieldset">
          <legend>{t('adminProducts.section.shipping')}</legend>
          <Field name="weightGrams" label="adminProducts.field.weight" required numeric suffix="g" {...f} />
          <Field name="lengthCm" label="adminProducts.field.length" required numeric suffix="cm" {...f} />
          <Field name="widthCm" label="adminProducts.field.width" required numeric suffix="cm" {...f} />
          <Field name="heightCm" label="adminProducts.field.height" required numeric suffix="cm" {...f} />
        </fieldset>
        <fieldset class="admin-fieldset">
          <legend>{t('adminProducts.section.description')}</legend>
          <div class="admin-field admin-field-wide">
            <label class="form-label" for="f-description">
              {t('adminProducts.field.description')}
            </label>
            <textarea
              id="f-description"
              name="description"
              rows={6}
              maxLength={10000}
              class={`form-control${errors.description ? ' is-invalid' : ''}`}
              aria-describedby={describedBy('f-description', errors.description, undefined)}
            >
              {values.description ?? ''}
            </textarea>
            <FieldNotes block id="f-description" error={errors.description} hint={undefined} />
          </div>
          <Toggle name="isActive" label="adminProducts.field.active" hint="adminProducts.hint.active" values={values} />
          <Toggle name="isFeatured" label="adminProducts.field.featured" hint="adminProducts.hint.featured" values={values} />
        </fieldset>
        <div class="admin-form-actions">
          <button type="submit" class="btn btn-admin" data-product-save>
            <Icon name="floppy-disk" /> {t(product ? 'adminProducts.save' : 'adminProducts.create')}
          </button>
          <a class="btn btn-link" href="/admin/produk">
            {t('adminProducts.cancel')}
          </a>
        </div>
      </form>

      {product && <ProductImagesSection product={product} images={images} upload={props.upload} />}

      {product && (
        <section class="admin-section admin-danger" aria-labelledby="hapus-title">
          <h2 id="hapus-title" class="admin-subtitle">
            {t('adminProducts.delete.title')}
          </h2>
          <details class="admin-confirm">
            <summary class="btn btn-outline-danger">{t('adminProducts.delete.open')}</summary>
            <form method="post" action={`/admin/produk/${product.id}/hapus`} class="admin-confirm-body">
              <CsrfField />
              <p>{t('adminProducts.delete.confirm', { name: product.name })}</p>
              <button type="submit" class="btn btn-danger" data-product-delete>
                {t('adminProducts.delete.yes')}
              </button>
            </form>
          </details>
        </section>
      )}
    </AdminLayout>
  );
}
