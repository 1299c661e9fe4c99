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
