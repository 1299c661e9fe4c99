/** Indonesian phone numbers: one stored form, one display form. */

/**
 * Indonesian phone numbers as customers type them ("0812-3456-7890", "+62 812 3456 7890",
 * "62812…") to one stored form "+628123456789"; undefined when it is not a plausible number.
 */
export function normalizePhone(input: string): string | undefined {
  const compact = input.replace(/[\s().-]/g, '');
  let national: string;
  if (/^\+62\d+$/.test(compact)) national = compact.slice(3);
  else if (/^62\d+$/.test(compact)) national = compact.slice(2);
  else if (/^0\d+$/.test(compact)) national = compact.slice(1);
  else return undefined;
  // Mobile (8xx) and landline (area code 2x–9x) numbers: 8 to 12 digits after the country code.
  if (!/^[1-9]\d{7,11}$/.test(national)) return undefined;
  return `+62${national}`;
}

/** "+628123456789" → "0812-3456-789" for display, the way Indonesians write it. */
export function formatPhone(stored: string | null | undefined): string {
  if (!stored) return '';
  const national = stored.startsWith('+62') ? `0${stored.slice(3)}` : stored;
  return national.replace(/^(\d{4})(\d{4})(\d+)$/, '$1-$2-$3');
}
