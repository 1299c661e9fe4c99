/**
 * /admin/pengaturan/toko: the store profile in cards (identity, address, contact, social links,
 * opening hours per weekday, holidays, logo). One multipart form, so a refused logo comes back
 * with every other field as typed. Holiday rows work without JavaScript: blank rows add, a
 * checkbox removes.
 */
import type { MessageKey } from '../../../lib/i18n';
import { formatPhone } from '../../../lib/phone';
import { MAX_HOLIDAY_ROWS, SOCIAL_NETWORKS } from '../../store-profile/schema';
import { LOGO_SUBDIR, type StoreProfile } from '../../store-profile/types';
import { CsrfField } from '../../ui/csrf-field';
import { FieldInput, FieldNotes, FormAlert, type FormState } from '../../ui/form-fields';
import { Icon } from '../../ui/icon';
import { imageUrl, IMAGE_WIDTHS } from '../../ui/image-urls';
import { usePage } from '../../ui/page-context';
import { AdminLayout } from '../layout';
import { fieldId, RowCheckbox, RowError, RowInput, SettingsTabs, STORE_PROFILE_PATH } from './parts';

/** Monday first, as Indonesians read a week. */
const WEEK = [1, 2, 3, 4, 5, 6, 0];
const BLANK_HOLIDAY_ROWS = 2;

/** The form's values for the stored profile (one period per day: the first opening to the last closing). */
export function profileValues(p: StoreProfile): Record<string, string> {
  const values: Record<string, string> = {
    name: p.name,
    tagline: p.tagline,
    street: p.street,
    city: p.city,
    province: p.province,
    postalCode: p.postalCode,
    phone: p.phone,
    whatsapp: formatPhone(`+${p.whatsapp}`),
    email: p.email,
    website: p.website ?? '',
    mapsUrl: p.mapsUrl ?? '',
  };
  for (const network of SOCIAL_NETWORKS) values[network] = p.social[network] ?? '';
  for (const day of WEEK) {
    const periods = p.openingHours.filter((o) => o.day === day).sort((a, b) => a.open.localeCompare(b.open));
    if (periods.length === 0) values[`hours[${day}][closed]`] = '1';
    else {
      values[`hours[${day}][open]`] = periods[0]!.open;
      values[`hours[${day}][close]`] = periods.at(-1)!.close;
    }
  }
  p.holidays.forEach((h, i) => {
    values[`holidays[${i}][date]`] = h.date;
    values[`holidays[${i}][label]`] = h.label;
  });
  return values;
}

function holidayRowCount(values: Record<string, string>): number {
  let count = 0;
  // Rows sent blank are not counted: the blank rows to add come after the last filled one.
  for (const [key, value] of Object.entries(values)) {
    const m = /^holidays\[(\d+)\]\[(date|label)\]$/.exec(key);
    if (m && value.trim() !== '') count = Math.max(count, Number(m[1]) + 1);
  }
  return Math.min(MAX_HOLIDAY_ROWS, count + BLANK_HOLIDAY_ROWS);
}

function Card({ id, icon, title, children }: { id: string; icon: string; title: MessageKey; children: preact.ComponentChildren }) {
  const { t } = usePage();
  return (
    <section class="admin-form-card" aria-labelledby={`profile-${id}`} data-settings-card={id}>
      <h2 class="admin-subtitle" id={`profile-${id}`}>
        <Icon name={icon} /> {t(title)}
      </h2>
      {children}
    </section>
  );
}

function HoursTable({ form }: { form: FormState }) {
  const { t } = usePage();
  const dayName = (day: number) => t(`day.${day}` as MessageKey);
  return (
    <div class="table-responsive settings-hours-box">
      <table class="table align-middle settings-hours mb-0" data-hours-table>
        <thead>
          <tr>
            <th scope="col">{t('settings.profile.day')}</th>
            <th scope="col">{t('settings.profile.open')}</th>
            <th scope="col">{t('settings.profile.close')}</th>
            <th scope="col">{t('settings.profile.closed')}</th>
          </tr>
        </thead>
        <tbody>
          {WEEK.map((day) => {
            const p = `hours[${day}]`;
            return (
              <tr key={day} data-hours-day={day}>
                <th scope="row">
                  {dayName(day)}
                  <RowError name={p} state={form} />
                </th>
                <td>
                  <RowInput
                    name={`${p}[open]`}
                    type="time"
                    label={t('settings.profile.openOn', { day: dayName(day) })}
                    hideLabel
                    state={form}
                    errorOf={p}
                  />
                </td>
                <td>
                  <RowInput
                    name={`${p}[close]`}
                    type="time"
                    label={t('settings.profile.closeOn', { day: dayName(day) })}
                    hideLabel
                    state={form}
                    errorOf={p}
                  />
                </td>
                <td>
                  <RowCheckbox name={`${p}[closed]`} label={t('settings.profile.closedOn', { day: dayName(day) })} hideLabel state={form} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function HolidayRows({ form }: { form: FormState }) {
  const { t } = usePage();
  const count = holidayRowCount(form.values ?? {});
  return (
    <div class="settings-rows" data-holiday-rows>
      {Array.from({ length: count }, (_, i) => {
        const p = `holidays[${i}]`;
        const n = i + 1;
        const filled = (form.values?.[`${p}[date]`] ?? '') !== '' || (form.values?.[`${p}[label]`] ?? '') !== '';
        return (
          <div class="row g-2 align-items-start settings-holiday" key={i} data-holiday-row={i}>
            <div class="col-12 col-sm-4">
              <RowInput name={`${p}[date]`} type="date" label={t('settings.profile.holiday.dateN', { n })} hideLabel={i > 0} state={form} />
            </div>
            <div class="col-12 col-sm-6">
              <RowInput
                name={`${p}[label]`}
                label={t('settings.profile.holiday.labelN', { n })}
                hideLabel={i > 0}
                state={form}
                maxLength={80}
              />
            </div>
            <div class="col-12 col-sm-2 settings-holiday-remove">
              {filled && <RowCheckbox name={`${p}[remove]`} label={t('settings.profile.holiday.removeN', { n })} state={form} />}
            </div>
          </div>
        );
      })}
    </div>
  );
}

function LogoCard({ logoKey, form }: { logoKey: string | null; form: FormState }) {
  const { t } = usePage();
  const error = form.errors?.logo;
  const id = fieldId('logo');
  return (
    <Card id="logo" icon="image" title="settings.profile.logo.title">
      {logoKey ? (
        <figure class="settings-logo" data-current-logo>
          <img src={imageUrl(logoKey, IMAGE_WIDTHS[0], 'webp', LOGO_SUBDIR)} alt={t('settings.profile.logo.current')} width={160} />
          <figcaption class="small text-body-secondary">{t('settings.profile.logo.current')}</figcaption>
        </figure>
      ) : (
        <p class="text-body-secondary">{t('settings.profile.logo.none')}</p>
      )}
      <div class="mb-3">
        <label class="form-label" for={id}>
          {t('settings.profile.logo')}
        </label>
        <input
          id={id}
          name="logo"
          type="file"
          accept="image/jpeg,image/png,image/webp,image/gif,image/avif"
          class={`form-control${error ? ' is-invalid' : ''}`}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ''}`}
        />
        <FieldNotes id={id} error={error} hint="settings.profile.logo.hint" />
      </div>
      {logoKey && <RowCheckbox name="removeLogo" label={t('settings.profile.logo.remove')} state={form} />}
    </Card>
  );
}

export function StoreProfilePage({ form, logoKey }: { form: FormState; logoKey: string | null }) {
  const { t } = usePage();
  const title = t('settings.tabs.profile');
  return (
    <AdminLayout title={title} crumbs={[{ label: t('settings.title'), href: '/admin/pengaturan' }, { label: title }]}>
      <h1 class="admin-title">{title}</h1>
      <p class="text-body-secondary">{t('settings.profile.lead')}</p>
      <SettingsTabs current="profile" />
      <FormAlert state={form} />
      <form method="post" action={STORE_PROFILE_PATH} enctype="multipart/form-data" novalidate data-store-profile-form>
        <CsrfField />
        <div class="settings-cards">
          <Card id="identity" icon="store" title="settings.profile.identity.title">
            <FieldInput name="name" label="settings.profile.name" state={form} maxLength={120} autocomplete="organization" />
            <FieldInput name="tagline" label="settings.profile.tagline" state={form} maxLength={200} required={false} autocomplete="off" />
          </Card>
          <Card id="address" icon="location-dot" title="settings.profile.address.title">
            <FieldInput name="street" label="settings.profile.street" state={form} maxLength={300} autocomplete="street-address" />
            <div class="row g-3">
              <div class="col-md-5">
                <FieldInput name="city" label="settings.profile.city" state={form} maxLength={100} autocomplete="address-level2" />
              </div>
              <div class="col-md-4">
                <FieldInput name="province" label="settings.profile.province" state={form} maxLength={100} autocomplete="address-level1" />
              </div>
              <div class="col-md-3">
                <FieldInput
                  name="postalCode"
                  label="settings.profile.postalCode"
                  state={form}
                  maxLength={5}
                  inputMode="numeric"
                  autocomplete="postal-code"
                />
              </div>
            </div>
          </Card>
          <Card id="contact" icon="headset" title="settings.profile.contact.title">
            <div class="row g-3">
              <div class="col-md-6">
                <FieldInput
                  name="phone"
                  label="settings.profile.phone"
                  hint="settings.profile.phoneHint"
                  type="tel"
                  inputMode="tel"
                  state={form}
                  maxLength={20}
                  autocomplete="tel"
                />
              </div>
              <div class="col-md-6">
                <FieldInput
                  name="whatsapp"
                  label="settings.profile.whatsapp"
                  hint="settings.profile.phoneHint"
                  type="tel"
                  inputMode="tel"
                  state={form}
                  maxLength={20}
                  autocomplete="off"
                />
              </div>
            </div>
            <FieldInput name="email" label="settings.profile.email" type="email" state={form} maxLength={254} autocomplete="email" />
            <FieldInput
              name="website"
              label="settings.profile.website"
              hint="settings.profile.urlHint"
              state={form}
              maxLength={200}
              required={false}
              autocomplete="url"
            />
          </Card>
          <Card id="social" icon="share-nodes" title="settings.profile.social.title">
            <FieldInput
              name="mapsUrl"
              label="settings.profile.mapsUrl"
              hint="settings.profile.urlHint"
              state={form}
              maxLength={1000}
              required={false}
              autocomplete="off"
            />
            <div class="row g-3">
              {SOCIAL_NETWORKS.map((network) => (
                <div class="col-md-6" key={network}>
                  <FieldInput
                    name={network}
                    label={`settings.profile.${network}`}
                    state={form}
                    maxLength={200}
                    required={false}
                    autocomplete="off"
                  />
                </div>
              ))}
            </div>
          </Card>
          <Card id="hours" icon="clock" title="settings.profile.hours.title">
            <HoursTable form={form} />
          </Card>
          <Card id="holidays" icon="calendar-xmark" title="settings.profile.holidays.title">
            <p class="small text-body-secondary">{t('settings.profile.holidays.lead')}</p>
            <HolidayRows form={form} />
          </Card>
          <LogoCard logoKey={logoKey} form={form} />
        </div>
        <div class="settings-actions">
          <button type="submit" class="btn btn-rock" data-settings-save>
            <Icon name="floppy-disk" /> {t('settings.save')}
          </button>
        </div>
      </form>
    </AdminLayout>
  );
}
