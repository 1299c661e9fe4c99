/**
 * Money is whole rupiah. Amounts travel as `number` only after a range check: every amount the
 * shop handles is far below 2^53, and anything else is a bug that must not be rounded away.
 */
const rupiahFormat = new Intl.NumberFormat('id-ID', {
  style: 'currency',
  currency: 'IDR',
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});

export function assertRupiah(amount: number): number {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`Not a whole rupiah amount: ${amount}`);
  return amount;
}

/** `Rp 1.850.000` (with a non-breaking space, so the amount never wraps). */
export function formatRupiah(amount: number): string {
  return rupiahFormat.format(assertRupiah(amount)).replace(/\s/u, '\u00a0');
}
