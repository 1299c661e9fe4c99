/** A7 views: the couriers page (services grouped by courier, their order) and the free-shipping threshold. */
import { formatRupiah } from '../../../lib/money';
import type { CourierGroup, ShippingServiceListRow } from '../../shipping/types';
import { CsrfField } from '../../ui/csrf-field';
import { describedBy, FieldNotes, FormAlert, type FormState } from '../../ui/form-fields';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { AdminLayout } from '../layout';

export const SHIPPING_PATH = '/admin/pengiriman';

export function StatusBadge({ active }: { active: boolean }) {
  const { t } = usePage();
  return active ? (
    <span class="badge rounded-pill text-bg-success">{t('adminShipping.active')}</span>
  ) : (
    <span class="badge rounded-pill text-bg-secondary">{t('adminShipping.inactive')}</span>
  );
}

export function DaysText({ min, max }: { min: number; max: number }) {
  const { t } = usePage();
  return <>{min === max ? t('adminShipping.daysOne', { days: min }) : t('adminShipping.days', { min, max })}</>;
}

/** One up or down button: a tiny form, so ordering works without JavaScript. */
function MoveButton(props: { action: string; direction: 'up' | 'down'; label: string; disabled: boolean; courier?: string }) {
  return (
    <form method="post" action={props.action} class="d-inline">
      <CsrfField />
      <input type="hidden" name="direction" value={props.direction} />
      {props.courier !== undefined && <input type="hidden" name="courier" value={props.courier} />}
      <button
        type="submit"
        class="btn btn-sm btn-outline-secondary shipping-move"
        aria-label={props.label}
        title={props.label}
        disabled={props.disabled}
      >
        <Icon name={props.direction === 'up' ? 'arrow-up' : 'arrow-down'} />
      </button>
    </form>
  );
}

function ServiceRow({ s, first, last }: { s: ShippingServiceListRow; first: boolean; last: boolean }) {
  const { t } = usePage();
  return (
    <tr data-shipping-row={s.code} class={s.isActive ? undefined : 'shipping-inactive'}>
      <th scope="row" class="fw-normal shipping-service">
        <a class="fw-semibold" href={`${SHIPPING_PATH}/${s.id}`}>
          {s.name}
        </a>
        <div>
          <code class="small shipping-code">{s.code}</code>
        </div>
      </th>
      <td class="text-end" data-shipping-base>
        {formatRupiah(s.basePrice)}
      </td>
      <td class="text-end">{formatRupiah(s.pricePerKg)}</td>
      <td class="text-end">{s.volumeDivisor}</td>
      <td>
        <DaysText min={s.minDays} max={s.maxDays} />
      </td>
      <td>
        <StatusBadge active={s.isActive} />
        <div class="small text-body-secondary">{t('adminShipping.orders', { count: s.orderCount })}</div>
      </td>
      <td class="text-nowrap">
        <MoveButton
          action={`${SHIPPING_PATH}/${s.id}/urutan`}
          direction="up"
          label={t('adminShipping.moveUp', { name: s.name })}
          disabled={first}
        />{' '}
        <MoveButton
          action={`${SHIPPING_PATH}/${s.id}/urutan`}
          direction="down"
          label={t('adminShipping.moveDown', { name: s.name })}
          disabled={last}
        />
      </td>
    </tr>
  );
}

function CourierSection({ group, index, count }: { group: CourierGroup; index: number; count: number }) {
  const { t } = usePage();
  const headingId = `courier-${index}`;
  return (
    <section class="shipping-courier" aria-labelledby={headingId} data-courier={group.courier}>
      <div class="shipping-courier-head">
        <h2 class="admin-subtitle mb-0" id={headingId}>
          {group.courier}{' '}
          <span class="text-body-secondary fw-normal small">{t('adminShipping.courierCount', { count: group.services.length })}</span>
        </h2>
        <div class="text-nowrap">
          <MoveButton
            action={`${SHIPPING_PATH}/kurir/urutan`}
            courier={group.courier}
            direction="up"
            label={t('adminShipping.courierUp', { name: group.courier })}
            disabled={index === 0}
          />{' '}
          <MoveButton
            action={`${SHIPPING_PATH}/kurir/urutan`}
            courier={group.courier}
            direction="down"
            label={t('adminShipping.courierDown', { name: group.courier })}
            disabled={index === count - 1}
          />
        </div>
      </div>
      <div class="table-responsive admin-table-box">
        <table class="table align-middle admin-table mb-0">
          <thead>
            <tr>
              <th scope="col">{t('adminShipping.col.service')}</th>
              <th scope="col" class="text-end">
                {t('adminShipping.col.base')}
              </th>
              <th scope="col" class="text-end">
                {t('adminShipping.col.perKg')}
              </th>
              <th scope="col" class="text-end">
                {t('adminShipping.col.divisor')}
              </th>
              <th scope="col">{t('adminShipping.col.days')}</th>
              <th scope="col">{t('adminShipping.col.status')}</th>
              <th scope="col">{t('adminShipping.col.order')}</th>
            </tr>
          </thead>
          <tbody>
            {group.services.map((s, i) => (
              <ServiceRow key={s.id} s={s} first={i === 0} last={i === group.services.length - 1} />
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ThresholdForm({ current, form }: { current: number | null; form: FormState }) {
  const { t } = usePage();
  const id = 'f-freeShippingFrom';
  const error = form.errors?.freeShippingFrom;
  const value = form.values?.freeShippingFrom ?? (current === null ? '' : current.toLocaleString('id-ID'));
  return (
    <section class="admin-form-card shipping-threshold" aria-labelledby="threshold-title" data-shipping-threshold>
      <h2 class="admin-subtitle" id="threshold-title">
        {t('adminShipping.threshold.title')}
      </h2>
      <FormAlert state={form} />
      <p class="mb-2" data-threshold-current>
        {current === null ? t('adminShipping.threshold.none') : t('adminShipping.threshold.current', { amount: formatRupiah(current) })}
      </p>
      <form method="post" action={`${SHIPPING_PATH}/gratis-ongkir`} novalidate class="shipping-threshold-form">
        <CsrfField />
        <div class="shipping-threshold-field">
          <label class="form-label" for={id}>
            {t('adminShipping.threshold.label')}
          </label>
          <input
            id={id}
            name="freeShippingFrom"
            type="text"
            inputMode="numeric"
            autocomplete="off"
            maxLength={24}
            class={`form-control${error ? ' is-invalid' : ''}`}
            value={value}
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={describedBy(id, error, 'adminShipping.threshold.hint')}
          />
          <FieldNotes id={id} error={error} hint="adminShipping.threshold.hint" />
        </div>
        <button type="submit" class="btn btn-outline-rock">
          <Icon name="floppy-disk" /> {t('adminShipping.threshold.save')}
        </button>
      </form>
    </section>
  );
}

export function ShippingListPage(props: { groups: CourierGroup[]; freeShippingFrom: number | null; thresholdForm: FormState }) {
  const { t } = usePage();
  const { groups } = props;
  const anyActive = groups.some((g) => g.services.some((s) => s.isActive));
  return (
    <AdminLayout title={t('adminShipping.title')} crumbs={[{ label: t('adminShipping.title') }]}>
      <div class="admin-page-head">
        <div>
          <h1 class="admin-title">{t('adminShipping.title')}</h1>
          <p class="text-body-secondary mb-0">{t('adminShipping.lead')}</p>
        </div>
        <a class="btn btn-rock" href={`${SHIPPING_PATH}/baru`}>
          <Icon name="plus" /> {t('adminShipping.new')}
        </a>
      </div>
      <ThresholdForm current={props.freeShippingFrom} form={props.thresholdForm} />
      {groups.length === 0 ? (
        <p class="admin-empty">{t('adminShipping.empty')}</p>
      ) : (
        <>
          {!anyActive && (
            <div class="alert alert-warning" role="status">
              {t('adminShipping.noneActive')}
            </div>
          )}
          {groups.map((group, i) => (
            <CourierSection key={group.courier} group={group} index={i} count={groups.length} />
          ))}
        </>
      )}
    </AdminLayout>
  );
}
