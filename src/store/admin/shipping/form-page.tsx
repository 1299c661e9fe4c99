/** A7 views: the service form (new and edit), the edit page's rate preview, status and delete. */
import { formatRupiah } from '../../../lib/money';
import type { RatePreview } from '../../shipping/service';
import type { ShippingServiceListRow } from '../../shipping/types';
import { CsrfField } from '../../ui/csrf-field';
import { FieldInput, FormAlert, type FormState } from '../../ui/form-fields';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { FieldCheckbox } from '../fields';
import { AdminLayout } from '../layout';
import { DaysText, SHIPPING_PATH, StatusBadge } from './list-page';

/** The form's values for a saved service (amounts written the Indonesian way, as people type them). */
export function serviceValues(s: ShippingServiceListRow): Record<string, string> {
  return {
    code: s.code,
    courier: s.courier,
    name: s.name,
    basePrice: s.basePrice.toLocaleString('id-ID'),
    pricePerKg: s.pricePerKg.toLocaleString('id-ID'),
    volumeDivisor: String(s.volumeDivisor),
    minDays: String(s.minDays),
    maxDays: String(s.maxDays),
    trackingUrlTemplate: s.trackingUrlTemplate ?? '',
  };
}

/** A new service's starting values: the common divisor, active. */
export const NEW_SERVICE_VALUES = { volumeDivisor: '6000', isActive: 'on' };

function ServiceForm({ service, form }: { service?: ShippingServiceListRow; form: FormState }) {
  const { t } = usePage();
  return (
    <>
      <FormAlert state={form} />
      <form method="post" action={service ? `${SHIPPING_PATH}/${service.id}` : SHIPPING_PATH} novalidate data-shipping-form>
        <CsrfField />
        <div class="row g-3">
          <div class="col-md-6">
            <FieldInput
              name="courier"
              label="adminShipping.field.courier"
              hint="adminShipping.field.courierHint"
              state={form}
              maxLength={40}
              autocomplete="off"
            />
          </div>
          <div class="col-md-6">
            <FieldInput
              name="code"
              label="adminShipping.field.code"
              hint="adminShipping.field.codeHint"
              state={form}
              maxLength={40}
              autocomplete="off"
            />
          </div>
        </div>
        <FieldInput name="name" label="adminShipping.field.name" state={form} maxLength={80} autocomplete="off" />
        <div class="row g-3">
          <div class="col-md-6">
            <FieldInput
              name="basePrice"
              label="adminShipping.field.basePrice"
              hint="adminShipping.field.priceHint"
              inputMode="numeric"
              state={form}
              maxLength={20}
              autocomplete="off"
            />
          </div>
          <div class="col-md-6">
            <FieldInput
              name="pricePerKg"
              label="adminShipping.field.pricePerKg"
              hint="adminShipping.field.priceHint"
              inputMode="numeric"
              state={form}
              maxLength={20}
              autocomplete="off"
            />
          </div>
        </div>
        <FieldInput
          name="volumeDivisor"
          label="adminShipping.field.volumeDivisor"
          hint="adminShipping.field.volumeDivisorHint"
          inputMode="numeric"
          state={form}
          maxLength={7}
          autocomplete="off"
        />
        <div class="row g-3">
          <div class="col-6">
            <FieldInput
              name="minDays"
              label="adminShipping.field.minDays"
              inputMode="numeric"
              state={form}
              maxLength={3}
              autocomplete="off"
            />
          </div>
          <div class="col-6">
            <FieldInput
              name="maxDays"
              label="adminShipping.field.maxDays"
              inputMode="numeric"
              state={form}
              maxLength={3}
              autocomplete="off"
            />
          </div>
        </div>
        <FieldInput
          name="trackingUrlTemplate"
          label="adminShipping.field.template"
          hint="adminShipping.field.templateHint"
          state={form}
          maxLength={500}
          required={false}
          autocomplete="off"
        />
        {!service && <FieldCheckbox name="isActive" label="adminShipping.field.isActive" state={form} />}
        <div class="d-flex flex-wrap gap-2">
          <button type="submit" class="btn btn-rock">
            <Icon name="floppy-disk" /> {t(service ? 'adminShipping.save' : 'adminShipping.create')}
          </button>
          <a class="btn btn-outline-secondary" href={SHIPPING_PATH}>
            {t('adminShipping.cancel')}
          </a>
        </div>
      </form>
    </>
  );
}

export function ShippingNewPage({ form }: { form: FormState }) {
  const { t } = usePage();
  const title = t('adminShipping.new');
  return (
    <AdminLayout title={title} crumbs={[{ label: t('adminShipping.title'), href: SHIPPING_PATH }, { label: title }]}>
      <h1 class="admin-title">{title}</h1>
      <div class="admin-form-card">
        <ServiceForm form={form} />
      </div>
    </AdminLayout>
  );
}

/** The parcel the preview form was sent with (strings as typed), and its result when they were valid. */
export interface PreviewState {
  values: Record<string, string>;
  result?: RatePreview;
  invalid?: boolean;
}

function PreviewSection({ service, preview }: { service: ShippingServiceListRow; preview: PreviewState }) {
  const { t } = usePage();
  const fields = [
    ['berat', 'adminShipping.preview.weight'],
    ['panjang', 'adminShipping.preview.length'],
    ['lebar', 'adminShipping.preview.width'],
    ['tinggi', 'adminShipping.preview.height'],
  ] as const;
  const r = preview.result;
  return (
    <section class="admin-form-card" id="coba-tarif" aria-labelledby="preview-title" data-shipping-preview>
      <h2 class="admin-subtitle" id="preview-title">
        {t('adminShipping.preview.title')}
      </h2>
      <p class="text-body-secondary">{t('adminShipping.preview.lead')}</p>
      <form method="get" action={`${SHIPPING_PATH}/${service.id}#coba-tarif`} class="shipping-preview-form">
        {fields.map(([name, label]) => (
          <div key={name}>
            <label class="form-label" for={`p-${name}`}>
              {t(label)}
            </label>
            <input
              id={`p-${name}`}
              name={name}
              type="text"
              inputMode="numeric"
              autocomplete="off"
              maxLength={7}
              class={`form-control${preview.invalid ? ' is-invalid' : ''}`}
              value={preview.values[name] ?? ''}
              aria-describedby={preview.invalid ? 'preview-error' : undefined}
            />
          </div>
        ))}
        <div class="shipping-preview-submit">
          <button type="submit" class="btn btn-outline-rock">
            <Icon name="calculator" /> {t('adminShipping.preview.submit')}
          </button>
        </div>
      </form>
      {preview.invalid && (
        <p id="preview-error" class="text-danger mt-2 mb-0" role="alert">
          {t('adminShipping.preview.invalid')}
        </p>
      )}
      {r && (
        <dl class="shipping-preview-result mt-3 mb-0" data-preview-result>
          <div>
            <dt>{t('adminShipping.preview.actual')}</dt>
            <dd>{t('adminShipping.preview.grams', { grams: r.actualGrams.toLocaleString('id-ID') })}</dd>
          </div>
          <div>
            <dt>{t('adminShipping.preview.volumetric')}</dt>
            <dd>{t('adminShipping.preview.grams', { grams: r.volumetricGrams.toLocaleString('id-ID') })}</dd>
          </div>
          <div>
            <dt>{t('adminShipping.preview.billable')}</dt>
            <dd data-preview-kg>{t('adminShipping.preview.kg', { kg: r.billableKg })}</dd>
          </div>
          <div>
            <dt>{t('adminShipping.preview.cost')}</dt>
            <dd class="fw-semibold" data-preview-cost>
              {formatRupiah(r.cost)}
            </dd>
          </div>
        </dl>
      )}
    </section>
  );
}

function StatusZone({ service }: { service: ShippingServiceListRow }) {
  const { t } = usePage();
  const active = service.isActive;
  return (
    <div class="admin-form-card admin-danger-zone" data-shipping-status>
      <p class="mb-2" data-shipping-usage>
        {service.orderCount === 0 ? t('adminShipping.unused') : t('adminShipping.usedBy', { count: service.orderCount })}
      </p>
      <div class="d-flex flex-wrap gap-2 align-items-start">
        <details>
          <summary class={`btn ${active ? 'btn-outline-danger' : 'btn-outline-success'}`}>
            <Icon name={active ? 'ban' : 'rotate-left'} /> {t(active ? 'adminShipping.deactivate' : 'adminShipping.activate')}
          </summary>
          <form method="post" action={`${SHIPPING_PATH}/${service.id}/status`} class="mt-3">
            <CsrfField />
            <input type="hidden" name="active" value={active ? '0' : '1'} />
            <p>{t(active ? 'adminShipping.deactivateConfirm' : 'adminShipping.activateConfirm', { name: service.name })}</p>
            <button type="submit" class={`btn ${active ? 'btn-danger' : 'btn-success'}`}>
              {t(active ? 'adminShipping.deactivateYes' : 'adminShipping.activateYes')}
            </button>
          </form>
        </details>
        {service.orderCount === 0 && (
          <details data-shipping-delete>
            <summary class="btn btn-outline-danger">
              <Icon name="trash" /> {t('adminShipping.delete')}
            </summary>
            <form method="post" action={`${SHIPPING_PATH}/${service.id}/hapus`} class="mt-3">
              <CsrfField />
              <p>{t('adminShipping.deleteConfirm', { name: service.name })}</p>
              <button type="submit" class="btn btn-danger">
                {t('adminShipping.deleteYes')}
              </button>
            </form>
          </details>
        )}
      </div>
    </div>
  );
}

export function ShippingEditPage(props: { service: ShippingServiceListRow; form: FormState; preview: PreviewState }) {
  const { t } = usePage();
  const { service } = props;
  return (
    <AdminLayout title={service.name} crumbs={[{ label: t('adminShipping.title'), href: SHIPPING_PATH }, { label: service.name }]}>
      <div class="admin-page-head">
        <div>
          <h1 class="admin-title mb-0">{service.name}</h1>
          <p class="text-body-secondary mb-0">
            {service.courier} · <code class="shipping-code">{service.code}</code> · <DaysText min={service.minDays} max={service.maxDays} />
          </p>
        </div>
        <StatusBadge active={service.isActive} />
      </div>
      <div class="admin-form-card">
        <h2 class="admin-subtitle">{t('adminShipping.edit')}</h2>
        <ServiceForm service={service} form={props.form} />
      </div>
      <PreviewSection service={service} preview={props.preview} />
      <StatusZone service={service} />
    </AdminLayout>
  );
}
