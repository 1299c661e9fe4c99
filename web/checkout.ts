/**
 * Checkout page: picking a courier updates the summary at once. Every amount shown comes from
 * the server (each courier option carries its server-computed charge); the order is priced
 * again on the server when placed. Also guards against a double submit.
 */
const rupiah = new Intl.NumberFormat('id-ID', { style: 'currency', currency: 'IDR', minimumFractionDigits: 0, maximumFractionDigits: 0 });

function enhanceCheckout(form: HTMLFormElement): void {
  const subtotalEl = document.querySelector<HTMLElement>('[data-checkout-subtotal]');
  const shippingEl = document.querySelector<HTMLElement>('[data-checkout-shipping]');
  const totalEl = document.querySelector<HTMLElement>('[data-checkout-total]');
  const subtotal = Number(subtotalEl?.dataset.checkoutSubtotal ?? NaN);

  form.addEventListener('change', (event) => {
    const input = event.target as HTMLInputElement;
    if (input.name !== 'shipping' || !input.checked || !Number.isSafeInteger(subtotal)) return;
    const charge = Number(input.dataset.charge);
    if (!Number.isSafeInteger(charge)) return;
    if (shippingEl) shippingEl.textContent = input.dataset.chargeText ?? rupiah.format(charge);
    if (totalEl) totalEl.textContent = rupiah.format(subtotal + charge).replace(/\s/u, '\u00a0');
  });

  // Show the new-address fields only when "new address" is chosen (all shown without JavaScript).
  const fields = form.querySelector<HTMLElement>('[data-checkout-new-address]');
  const choices = [...form.querySelectorAll<HTMLInputElement>('input[name="address"]')];
  const sync = () => {
    if (fields && choices.length > 0) fields.hidden = !choices.some((c) => c.checked && c.value === 'new');
  };
  choices.forEach((c) => c.addEventListener('change', sync));
  sync();

  // The idempotency key already makes a second submit harmless; this spares the second request.
  form.addEventListener('submit', () => {
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    if (button) setTimeout(() => (button.disabled = true), 0);
  });
}

document.querySelectorAll<HTMLFormElement>('form[data-checkout-form]').forEach(enhanceCheckout);
