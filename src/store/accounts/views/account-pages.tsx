import type { ComponentChildren } from 'preact';
import type { MessageKey } from '../../../lib/i18n';
import { CsrfField } from '../../ui/csrf-field';
import { Icon } from '../../ui/icon';
import { Layout } from '../../ui/layout';
import { usePage } from '../../ui/page-context';
import { FieldInput, FormAlert, type FormState } from '../../ui/form-fields';
import { formatPhone } from '../../../lib/phone';
import type { Address } from '../types';

export function AccountShell({ title, notice, children }: { title: string; notice?: MessageKey; children: ComponentChildren }) {
  const { t, path, user } = usePage();
  const tabs = [
    { href: '/akun', label: t('account.title'), icon: 'user' },
    { href: '/akun/alamat', label: t('address.title'), icon: 'location-dot' },
    { href: '/akun/pesanan', label: t('order.list.title'), icon: 'box' },
    { href: '/akun/token-api', label: t('apiTokens.tab'), icon: 'key' },
  ];
  return (
    <Layout title={title}>
      <section class="container account-page">
        <h1 class="auth-title">{title}</h1>
        <nav class="account-tabs nav nav-pills mb-3" aria-label={t('account.menu')}>
          {tabs.map((tab) => (
            <a
              class={`nav-link${tab.href === path ? ' active' : ''}`}
              href={tab.href}
              aria-current={tab.href === path ? 'page' : undefined}
              key={tab.href}
            >
              <Icon name={tab.icon} /> {tab.label}
            </a>
          ))}
        </nav>
        {notice && (
          <div class="alert alert-success" role="status">
            {t(notice)}
          </div>
        )}
        {user && !user.emailVerified && (
          <div class="alert alert-warning d-flex flex-wrap align-items-center gap-2" role="status">
            <span class="me-auto">{t('verify.reminder')}</span>
            <form method="post" action="/akun/verifikasi/kirim-ulang">
              <CsrfField />
              <button class="btn btn-sm btn-outline-rock" type="submit">
                {t('verify.resend')}
              </button>
            </form>
          </div>
        )}
        {children}
      </section>
    </Layout>
  );
}

function Panel({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <div class="account-panel">
      <h2 class="account-panel-title">{title}</h2>
      {children}
    </div>
  );
}

export interface AccountView {
  email: string;
  profile: FormState;
  password: FormState;
  notice?: MessageKey;
}

export function AccountPage({ email, profile, password, notice }: AccountView) {
  const { t } = usePage();
  return (
    <AccountShell title={t('account.title')} notice={notice}>
      <div class="account-grid">
        <Panel title={t('account.profile')}>
          <FormAlert state={profile} />
          <p class="small text-body-secondary">
            {t('accounts.field.email')}: <strong>{email}</strong>
          </p>
          <form method="post" action="/akun/profil" novalidate>
            <CsrfField />
            <FieldInput name="name" label="accounts.field.name" autocomplete="name" state={profile} maxLength={120} />
            <FieldInput
              name="phone"
              label="accounts.field.phone"
              type="tel"
              inputMode="tel"
              autocomplete="tel"
              hint="accounts.hint.phone"
              state={profile}
              required={false}
              maxLength={30}
            />
            <button class="btn btn-rock" type="submit">
              <Icon name="floppy-disk" /> {t('account.save')}
            </button>
          </form>
        </Panel>
        <Panel title={t('account.password')}>
          <FormAlert state={password} />
          <form method="post" action="/akun/password" novalidate>
            <CsrfField />
            <FieldInput
              name="current"
              label="accounts.field.currentPassword"
              type="password"
              autocomplete="current-password"
              state={password}
            />
            <FieldInput
              name="password"
              label="accounts.field.newPassword"
              type="password"
              autocomplete="new-password"
              hint="accounts.hint.password"
              state={password}
            />
            <button class="btn btn-rock" type="submit">
              <Icon name="key" /> {t('account.password.submit')}
            </button>
          </form>
        </Panel>
        <Panel title={t('account.security')}>
          <p class="small">{t('account.logoutEverywhere.lead')}</p>
          <form method="post" action="/akun/keluar-semua">
            <CsrfField />
            <button class="btn btn-outline-rock" type="submit">
              <Icon name="right-from-bracket" /> {t('account.logoutEverywhere')}
            </button>
          </form>
        </Panel>
      </div>
    </AccountShell>
  );
}

export function AddressesPage({ addresses, form, notice }: { addresses: Address[]; form: FormState; notice?: MessageKey }) {
  const { t } = usePage();
  return (
    <AccountShell title={t('address.title')} notice={notice}>
      <div class="account-grid">
        <Panel title={t('address.list')}>
          {addresses.length === 0 && <p class="text-body-secondary">{t('address.empty')}</p>}
          <ul class="address-list">
            {addresses.map((a) => (
              <li class="address-item" key={a.id}>
                <p class="mb-1">
                  <strong>{a.recipient}</strong> · {formatPhone(a.phone)}
                  {a.isDefault && <span class="badge text-bg-warning ms-2">{t('address.default')}</span>}
                </p>
                <p class="mb-2 small">
                  {a.street}, {a.city}, {a.province} {a.postalCode}
                </p>
                <div class="d-flex gap-2 flex-wrap">
                  <a class="btn btn-sm btn-outline-rock" href={`/akun/alamat/${a.id}/ubah`}>
                    <Icon name="pen" /> {t('address.edit')}
                  </a>
                  {!a.isDefault && (
                    <form method="post" action={`/akun/alamat/${a.id}/utama`}>
                      <CsrfField />
                      <button class="btn btn-sm btn-outline-rock" type="submit">
                        {t('address.makeDefault')}
                      </button>
                    </form>
                  )}
                  <form method="post" action={`/akun/alamat/${a.id}/hapus`}>
                    <CsrfField />
                    <button class="btn btn-sm btn-outline-danger" type="submit">
                      <Icon name="trash" /> {t('address.delete')}
                    </button>
                  </form>
                </div>
              </li>
            ))}
          </ul>
        </Panel>
        <Panel title={t('address.add')}>
          <AddressForm action="/akun/alamat" form={form} submit="address.submit" />
        </Panel>
      </div>
    </AccountShell>
  );
}

function AddressForm({ action, form, submit }: { action: string; form: FormState; submit: MessageKey }) {
  const { t } = usePage();
  return (
    <>
      <FormAlert state={form} />
      <form method="post" action={action} novalidate>
        <CsrfField />
        <FieldInput name="recipient" label="accounts.field.recipient" autocomplete="name" state={form} maxLength={120} />
        <FieldInput
          name="phone"
          label="accounts.field.phone"
          type="tel"
          inputMode="tel"
          autocomplete="tel"
          hint="accounts.hint.phone"
          state={form}
          maxLength={30}
        />
        <FieldInput name="street" label="accounts.field.street" autocomplete="street-address" state={form} maxLength={300} />
        <FieldInput name="city" label="accounts.field.city" autocomplete="address-level2" state={form} maxLength={100} />
        <FieldInput name="province" label="accounts.field.province" autocomplete="address-level1" state={form} maxLength={100} />
        <FieldInput
          name="postalCode"
          label="accounts.field.postalCode"
          inputMode="numeric"
          autocomplete="postal-code"
          state={form}
          maxLength={5}
          pattern="[0-9]{5}"
        />
        <div class="form-check mb-3">
          <input class="form-check-input" type="checkbox" id="f-isDefault" name="isDefault" checked={form.values?.isDefault === 'on'} />
          <label class="form-check-label" for="f-isDefault">
            {t('accounts.field.isDefault')}
          </label>
        </div>
        <button class="btn btn-rock" type="submit">
          <Icon name="floppy-disk" /> {t(submit)}
        </button>
      </form>
    </>
  );
}

export function EditAddressPage({ id, form }: { id: number; form: FormState }) {
  const { t } = usePage();
  return (
    <AccountShell title={t('address.editTitle')}>
      <div class="account-grid">
        <Panel title={t('address.editTitle')}>
          <AddressForm action={`/akun/alamat/${id}`} form={form} submit="account.save" />
          <p class="mt-3 mb-0">
            <a href="/akun/alamat">{t('address.back')}</a>
          </p>
        </Panel>
      </div>
    </AccountShell>
  );
}
