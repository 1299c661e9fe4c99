/**
 * /admin/pengaturan: the shop settings in cards (bank transfer and its accounts, shipping,
 * notifications, security), then the online payment providers' own forms. Bank account
 * rows work without JavaScript: blank rows add, a checkbox removes, up/down buttons reorder (each
 * submits the form, which is then saved in the new order).
 */
import { CsrfField } from '../../ui/csrf-field';
import { FieldInput, FormAlert, type FormState } from '../../ui/form-fields';
import { Icon } from '../../ui/icon';
import { usePage } from '../../ui/page-context';
import { FieldCheckbox } from '../fields';
import { AdminLayout } from '../layout';
import { RowCheckbox, RowError, RowInput, SettingsTabs, SHOP_SETTINGS_PATH } from './parts';
import { PaymentsSection, type PaymentsSectionProps } from './payments-section';

/** Blank rows shown after the filled ones, so an account can be added without JavaScript. */
const BLANK_ROWS = 1;

function rowCount(values: Record<string, string>): number {
  let count = 0;
  // Rows sent blank are not counted: the blank row to add comes after the last filled one.
  for (const [key, value] of Object.entries(values)) {
    const m = /^accounts\[(\d+)\]\[(bank|number|holder)\]$/.exec(key);
    if (m && value.trim() !== '') count = Math.max(count, Number(m[1]) + 1);
  }
  return count;
}

function AccountRow({ index, filled, state }: { index: number; filled: number; state: FormState }) {
  const { t } = usePage();
  const n = index + 1;
  const isNew = index >= filled;
  const p = `accounts[${index}]`;
  return (
    <fieldset class="settings-row" data-account-row={index}>
      <legend class="settings-row-legend">{isNew ? t('settings.shop.account.new') : t('settings.shop.account.legend', { n })}</legend>
      <div class="row g-2 align-items-start">
        <div class="col-12 col-md-3">
          <RowInput name={`${p}[bank]`} label={t('settings.shop.account.bank')} state={state} maxLength={60} />
        </div>
        <div class="col-12 col-md-4">
          <RowInput name={`${p}[number]`} label={t('settings.shop.account.number')} state={state} maxLength={30} inputMode="numeric" />
        </div>
        <div class="col-12 col-md-5">
          <RowInput name={`${p}[holder]`} label={t('settings.shop.account.holder')} state={state} maxLength={100} />
        </div>
      </div>
      {!isNew && (
        <div class="settings-row-actions">
          <RowCheckbox name={`${p}[remove]`} label={t('settings.shop.account.remove')} state={state} />
          <div class="btn-group btn-group-sm">
            <button
              type="submit"
              name="move"
              value={`${index}:up`}
              class="btn btn-outline-secondary"
              disabled={index === 0}
              aria-label={t('settings.shop.account.up', { n })}
              title={t('settings.shop.account.up', { n })}
            >
              <Icon name="arrow-up" />
            </button>
            <button
              type="submit"
              name="move"
              value={`${index}:down`}
              class="btn btn-outline-secondary"
              disabled={index >= filled - 1}
              aria-label={t('settings.shop.account.down', { n })}
              title={t('settings.shop.account.down', { n })}
            >
              <Icon name="arrow-down" />
            </button>
          </div>
        </div>
      )}
    </fieldset>
  );
}

export function ShopSettingsPage({
  form,
  profileEmail,
  payments,
}: {
  form: FormState;
  profileEmail: string;
  payments?: PaymentsSectionProps;
}) {
  const { t } = usePage();
  const title = t('settings.title');
  const filled = rowCount(form.values ?? {});
  const rows = Array.from({ length: filled + BLANK_ROWS }, (_, i) => i);
  return (
    <AdminLayout title={title} crumbs={[{ label: title }]}>
      <h1 class="admin-title">{title}</h1>
      <p class="text-body-secondary">{t('settings.shop.lead')}</p>
      <SettingsTabs current="shop" />
      <FormAlert state={form} />
      <form method="post" action={SHOP_SETTINGS_PATH} novalidate data-shop-settings-form>
        <CsrfField />
        {/* Enter in a field saves: the first submit button of the form is this hidden one, not a move button. */}
        <button type="submit" class="visually-hidden" tabIndex={-1} aria-hidden="true">
          {t('settings.save')}
        </button>
        <div class="settings-cards">
          <section class="admin-form-card" aria-labelledby="settings-transfer" data-settings-card="transfer">
            <h2 class="admin-subtitle" id="settings-transfer">
              <Icon name="building-columns" /> {t('settings.shop.transfer.title')}
            </h2>
            <FieldCheckbox name="bankTransferEnabled" label="settings.shop.transfer.enabled" state={form} />
            <div class="settings-short">
              <FieldInput
                name="transferExpiryHours"
                label="settings.shop.transferExpiryHours"
                hint="settings.shop.transferExpiryHours.hint"
                state={form}
                inputMode="numeric"
                maxLength={3}
                autocomplete="off"
              />
            </div>
            <h3 class="h6 mt-2" id="settings-accounts">
              {t('settings.shop.accounts.title')}
            </h3>
            <p class="small text-body-secondary">{t('settings.shop.accounts.lead')}</p>
            <RowError name="accounts" state={form} />
            <div class="settings-rows" data-account-rows>
              {rows.map((i) => (
                <AccountRow key={i} index={i} filled={filled} state={form} />
              ))}
            </div>
          </section>

          <section class="admin-form-card" aria-labelledby="settings-shipping" data-settings-card="shipping">
            <h2 class="admin-subtitle" id="settings-shipping">
              <Icon name="truck-fast" /> {t('settings.shop.shipping.title')}
            </h2>
            <div class="settings-short">
              <FieldInput
                name="freeShippingFrom"
                label="settings.shop.freeShippingFrom"
                hint="settings.shop.freeShippingFrom.hint"
                state={form}
                inputMode="numeric"
                maxLength={16}
                required={false}
                autocomplete="off"
              />
            </div>
          </section>

          <section class="admin-form-card" aria-labelledby="settings-notify" data-settings-card="notify">
            <h2 class="admin-subtitle" id="settings-notify">
              <Icon name="envelope" /> {t('settings.shop.notify.title')}
            </h2>
            <FieldInput
              name="notificationEmail"
              label="settings.shop.notificationEmail"
              type="email"
              state={form}
              maxLength={254}
              required={false}
              autocomplete="off"
            />
            <p class="form-text mt-n2">{t('settings.shop.notificationEmail.hint', { email: profileEmail })}</p>
          </section>

          <section class="admin-form-card" aria-labelledby="settings-security" data-settings-card="security">
            <h2 class="admin-subtitle" id="settings-security">
              <Icon name="shield-halved" /> {t('settings.shop.security.title')}
            </h2>
            <FieldCheckbox name="requireStaffTwoFactor" label="settings.shop.requireStaffTwoFactor" state={form} />
          </section>
        </div>
        <div class="settings-actions">
          <button type="submit" class="btn btn-rock" data-settings-save>
            <Icon name="floppy-disk" /> {t('settings.save')}
          </button>
        </div>
      </form>
      {/* Its own forms, one per provider (a form cannot hold another). */}
      {payments && <PaymentsSection {...payments} />}
    </AdminLayout>
  );
}
