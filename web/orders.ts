// The pay form's Midtrans popup (web/payment-popup.ts) is part of the order page's script.
import './payment-popup';

/** Order page: the "copy tracking number" button (hidden where the clipboard is unavailable). */
document.querySelectorAll<HTMLButtonElement>('button[data-copy]').forEach((button) => {
  if (!navigator.clipboard) {
    button.hidden = true;
    return;
  }
  const label = button.innerHTML;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(button.dataset.copy ?? '');
      button.textContent = button.dataset.copiedLabel ?? '✓';
      setTimeout(() => (button.innerHTML = label), 2000);
    } catch {
      // Permission refused: the number stays selectable on the page.
    }
  });
});

/**
 * File inputs with a size limit (`data-max-bytes`, the transfer receipt): a file over it is
 * refused at once, with the message beside the field, instead of after uploading megabytes only to
 * be turned away. The server checks again (and answers a too-large upload properly).
 */
document.querySelectorAll<HTMLInputElement>('input[type=file][data-max-bytes]').forEach((input) => {
  const max = Number(input.dataset.maxBytes);
  const feedback = input.parentElement?.querySelector<HTMLElement>('[data-file-error]');
  input.addEventListener('change', () => {
    const tooLarge = [...(input.files ?? [])].some((file) => file.size > max);
    const message = tooLarge ? (input.dataset.tooLarge ?? '') : '';
    input.setCustomValidity(message);
    input.classList.toggle('is-invalid', tooLarge);
    input.setAttribute('aria-invalid', String(tooLarge));
    if (feedback) feedback.textContent = message;
  });
});
