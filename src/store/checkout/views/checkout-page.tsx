import type { MessageKey } from '../../../lib/i18n';
import { formatRupiah } from '../../../lib/money';
import { FieldInput, FormAlert, type FormState } from '../../ui/form-fields';
import { CsrfField } from '../../ui/csrf-field';
import { Icon } from '../../ui/icon';
import { Layout } from '../../ui/layout';
import { usePage } from '../../ui/page-context';
import type { Quote, ShippingOption } from '../service';
import { serviceLabel } from '../../../lib/service-label';
import { formatPhone } from '../../../lib/phone';
import type { Address } from '../../accounts/types';

export interface CheckoutPageProps {
  quote: Quote;
  form: FormState;
  /** The account's address book; null for a guest. */
  addresses: Address[] | null;
  /** Random per rendered form (idempotency key). */
  formKey: string;
  /** Set after "this email already has an account": the next submit continues as a guest. */
  asGuest?: boolean;
}

/** The message under a group of radio buttons (linked from the fieldset's aria-describedby). */
function ChoiceError({ id, error }: { id: string; error: string | undefined }) {
  const { t } = usePage();
  if (!error) return null;
  return (
    <div id={id} class="invalid-feedback d-block">
      {t(error as MessageKey)}
    </div>
  );
}

function ShippingChoice({ option, checked }: { option: ShippingOption; checked: boolean }) {
  const { t } = usePage();
  const id = `ship-${option.code}`;
  const days =
    option.minDays === option.maxDays
      ? t('checkout.shipping.day', { min: option.minDays })
      : t('checkout.shipping.days', { min: option.minDays, max: option.maxDays });
  return (
    <div class="checkout-choice form-check">
      <input
        class="form-check-input"
        type="radio"
        name="shipping"
        id={id}
        value={option.code}
        checked={checked}
        required
        data-charge={option.charge}
        data-charge-text={option.charge === 0 ? t('checkout.shipping.free') : formatRupiah(option.charge)}
      />
      <label class="form-check-label" for={id}>
        <span class="checkout-choice-title">{serviceLabel(option.courier, option.name)}</span>
        <span class="checkout-choice-price">
          {option.charge === 0 ? (
            <>
              {option.cost > 0 && <s class="text-body-secondary">{formatRupiah(option.cost)}</s>}
              <span>{t('checkout.shipping.free')}</span>
            </>
          ) : (
            formatRupiah(option.charge)
          )}
        </span>
        <span class="checkout-choice-meta">
          {days} · {t('checkout.shipping.weight', { kg: option.billableKg })}
        </span>
      </label>
    </div>
  );
}

function AddressChoice({ addresses, form }: { addresses: Address[]; form: FormState }) {
  const { t } = usePage();
  const chosen = form.values?.address ?? String(addresses.find((a) => a.isDefault)?.id ?? addresses[0]?.id ?? 'new');
  return (
    <fieldset class="mb-3" aria-describedby={form.errors?.address ? 'address-error' : undefined}>
      <legend class="visually-hidden">{t('checkout.address.saved')}</legend>
      {addresses.map((a) => (
        <div class="checkout-choice form-check" key={a.id}>
          <input
            class="form-check-input"
            type="radio"
            name="address"
            id={`addr-${a.id}`}
            value={String(a.id)}
            checked={chosen === String(a.id)}
          />
          <label class="form-check-label" for={`addr-${a.id}`}>
            <span class="checkout-choice-title">
              {a.recipient} · {formatPhone(a.phone)}
            </span>
            <span class="checkout-choice-meta">
              {a.street}, {a.city}, {a.province} {a.postalCode}
            </span>
          </label>
        </div>
      ))}
      <div class="checkout-choice form-check">
        <input class="form-check-input" type="radio" name="address" id="addr-new" value="new" checked={chosen === 'new'} />
        <label class="form-check-label" for="addr-new">
          <span class="checkout-choice-title">{t('checkout.address.new')}</span>
        </label>
      </div>
    </fieldset>
  );
}

function NewAddressFields({ form }: { form: FormState }) {
  return (
    <div class="checkout-new-address" data-checkout-new-address>
      <FieldInput name="recipient" label="checkout.recipient" autocomplete="shipping name" state={form} maxLength={120} required={false} />
      <FieldInput
        name="phone"
        label="checkout.phone"
        type="tel"
        inputMode="tel"
        autocomplete="shipping tel"
        hint="accounts.hint.phone"
        state={form}
        maxLength={30}
        required={false}
      />
      <FieldInput
        name="street"
        label="checkout.street"
        autocomplete="shipping street-address"
        state={form}
        maxLength={300}
        required={false}
      />
      <div class="row g-2">
        <div class="col-12 col-md-6">
          <FieldInput
            name="city"
            label="checkout.city"
            autocomplete="shipping address-level2"
            state={form}
            maxLength={100}
            required={false}
          />
        </div>
        <div class="col-12 col-md-6">
          <FieldInput
            name="province"
            label="checkout.province"
            autocomplete="shipping address-level1"
            state={form}
            maxLength={100}
            required={false}
          />
        </div>
      </div>
      <FieldInput
        name="postalCode"
        label="checkout.postalCode"
        inputMode="numeric"
        autocomplete="shipping postal-code"
        state={form}
        maxLength={5}
        pattern="[0-9]{5}"
        required={false}
      />
    </div>
  );
}

function Summary({ quote }: { quote: Quote }) {
  const { t } = usePage();
  const shipping = quote.selected;
  return (
    <div class="cart-summary checkout-summary">
      <h2 id="checkout-summary-title" class="cart-summary-title">
        {t('checkout.summary')}
      </h2>
      <ul class="checkout-lines list-unstyled">
        {quote.cart.lines.map((l) => (
          <li key={l.productId}>
            <span class="checkout-line-name">
              {l.name} <span class="text-body-secondary">× {l.quantity}</span>
            </span>
            <span>{formatRupiah(l.lineTotal)}</span>
          </li>
        ))}
      </ul>
      <dl class="cart-summary-rows">
        <div>
          <dt>{t('checkout.subtotal')}</dt>
          <dd data-checkout-subtotal={quote.cart.subtotal}>{formatRupiah(quote.cart.subtotal)}</dd>
        </div>
        <div>
          <dt>{t('checkout.shippingCost')}</dt>
          <dd data-checkout-shipping>
            {shipping ? (shipping.charge === 0 ? t('checkout.shipping.free') : formatRupiah(shipping.charge)) : '—'}
          </dd>
        </div>
        <div class="cart-summary-total">
          <dt>{t('checkout.total')}</dt>
          <dd data-checkout-total>{formatRupiah(quote.total)}</dd>
        </div>
      </dl>
      {quote.freeShippingFrom !== null && (
        <p class="form-text">{t('checkout.shipping.freeFrom', { amount: formatRupiah(quote.freeShippingFrom) })}</p>
      )}
    </div>
  );
}

/** One page: contact (guests), address, courier, payment, summary. Every number comes from the server's quote. */
export function CheckoutPage({ quote, form, addresses, formKey, asGuest }: CheckoutPageProps) {
  const { t, user, path } = usePage();
  const selected = quote.selected?.code ?? form.values?.shipping;
  const canOrder = quote.options.length > 0 && quote.paymentMethods.length > 0;
  const paymentError = form.errors?.payment;
  const shippingError = form.errors?.shipping;
  return (
    <Layout title={t('checkout.title')} scripts={['checkout']}>
      <div class="container checkout-page">
        <h1 class="display-title cart-title">{t('checkout.title')}</h1>
        <FormAlert state={form} />
        <form method="post" action="/checkout" novalidate data-checkout-form>
          <CsrfField />
          <input type="hidden" name="key" value={formKey} />
          <input type="hidden" name="quote" value={quote.fingerprint} />
          {asGuest && <input type="hidden" name="asGuest" value="1" />}
          <div class="row g-4">
            <div class="col-12 col-lg-7">
              {!user && (
                <section class="checkout-section" aria-labelledby="checkout-contact">
                  <h2 id="checkout-contact" class="checkout-section-title">
                    <Icon name="envelope" /> {t('checkout.contact')}
                  </h2>
                  <p class="form-text mt-0">
                    {t('checkout.haveAccount')} <a href={`/masuk?next=${encodeURIComponent(path)}`}>{t('checkout.loginLink')}</a>
                  </p>
                  <FieldInput
                    name="email"
                    label="checkout.email"
                    type="email"
                    inputMode="email"
                    autocomplete="email"
                    hint="checkout.contact.lead"
                    state={form}
                    maxLength={254}
                  />
                </section>
              )}
              <section class="checkout-section" aria-labelledby="checkout-address">
                <h2 id="checkout-address" class="checkout-section-title">
                  <Icon name="location-dot" /> {t('checkout.address')}
                </h2>
                {addresses && addresses.length > 0 && <AddressChoice addresses={addresses} form={form} />}
                {form.errors?.address && (
                  <div id="address-error" class="alert alert-danger py-2" role="alert">
                    {t(form.errors.address as MessageKey)}
                  </div>
                )}
                <NewAddressFields form={form} />
              </section>
              <section class="checkout-section" aria-labelledby="checkout-shipping">
                <h2 id="checkout-shipping" class="checkout-section-title">
                  <Icon name="truck-fast" /> {t('checkout.shipping')}
                </h2>
                {quote.options.length === 0 ? (
                  <p class="alert alert-warning">{t('checkout.shipping.none')}</p>
                ) : (
                  <fieldset aria-describedby={shippingError ? 'shipping-error' : undefined}>
                    <legend class="visually-hidden">{t('checkout.shipping')}</legend>
                    {quote.options.map((o) => (
                      <ShippingChoice key={o.code} option={o} checked={o.code === selected} />
                    ))}
                    <ChoiceError id="shipping-error" error={shippingError} />
                  </fieldset>
                )}
              </section>
              <section class="checkout-section" aria-labelledby="checkout-payment">
                <h2 id="checkout-payment" class="checkout-section-title">
                  <Icon name="building-columns" /> {t('checkout.payment')}
                </h2>
                {quote.paymentMethods.length === 0 ? (
                  <p class="alert alert-warning">{t('checkout.payment.none')}</p>
                ) : (
                  <fieldset aria-describedby={paymentError ? 'payment-error' : undefined}>
                    <legend class="visually-hidden">{t('checkout.payment')}</legend>
                    {quote.paymentMethods.map((m, i) => (
                      <div class="checkout-choice form-check" key={m}>
                        <input
                          class="form-check-input"
                          type="radio"
                          name="payment"
                          id={`pay-${m}`}
                          value={m}
                          checked={(form.values?.payment ?? (i === 0 ? m : '')) === m}
                        />
                        <label class="form-check-label" for={`pay-${m}`}>
                          <span class="checkout-choice-title">{t(`checkout.payment.${m}`)}</span>
                          <span class="checkout-choice-meta">{t(`checkout.payment.${m}.hint`)}</span>
                        </label>
                      </div>
                    ))}
                    <ChoiceError id="payment-error" error={paymentError} />
                  </fieldset>
                )}
                <div class="mt-3">
                  <label class="form-label" for="f-note">
                    {t('checkout.note')}
                  </label>
                  <textarea
                    id="f-note"
                    name="note"
                    class={`form-control${form.errors?.note ? ' is-invalid' : ''}`}
                    rows={2}
                    maxLength={500}
                    aria-invalid={form.errors?.note ? 'true' : undefined}
                    aria-describedby={form.errors?.note ? 'f-note-error' : undefined}
                  >
                    {form.values?.note ?? ''}
                  </textarea>
                  {form.errors?.note && (
                    <div id="f-note-error" class="invalid-feedback">
                      {t(form.errors.note as MessageKey)}
                    </div>
                  )}
                </div>
              </section>
            </div>
            <aside class="col-12 col-lg-5" aria-labelledby="checkout-summary-title">
              <Summary quote={quote} />
              <button class="btn btn-rock btn-lg w-100 mt-3" type="submit" disabled={!canOrder} aria-describedby="checkout-place-hint">
                <Icon name="lock" /> {t('checkout.place')}
              </button>
              <p id="checkout-place-hint" class="form-text text-center">
                {t('checkout.place.hint')}
              </p>
              <p class="text-center">
                <a href="/keranjang">
                  <Icon name="arrow-left" /> {t('checkout.backToCart')}
                </a>
              </p>
            </aside>
          </div>
        </form>
      </div>
    </Layout>
  );
}
