/**
 * What the couriers page accepts (A7): the service form, the free-shipping threshold and the
 * rate preview's parcel. Strict: one message key per field, shown under it.
 */
import { z } from 'zod';
import type { MessageKey } from '../../lib/i18n';

/** Far above any courier's price, far below 2^53: a typo, not a rate. */
export const MAX_RATE = 100_000_000;
export const MAX_THRESHOLD = 1_000_000_000_000;
export const MAX_DAYS = 60;
export const MAX_DIVISOR = 100_000;
/**
 * Lowercase letters, digits, dashes, and underscores: the seeded codes are written `jne_reg`,
 * and orders in flight name their service by code, so those must stay valid as they are.
 */
export const CODE_PATTERN = /^[a-z0-9](?:[a-z0-9_-]{0,38}[a-z0-9])?$/;

const str = (value: unknown) => (typeof value === 'string' ? value : '');
const clean = (value: unknown) =>
  str(value)
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();

function text(max: number, key: MessageKey) {
  return z.preprocess(clean, z.string().min(1, key).max(max, key));
}

/**
 * Whole rupiah as people type it, the way the other admin forms read amounts: "15.000",
 * "15000", "15 000" and "Rp 15.000" are all fifteen thousand; decimals are refused.
 */
export function parseRupiahInput(value: string): number | undefined {
  const text = value.trim().replace(/^rp\.?\s*/i, '');
  // Dots and spaces only as thousands separators: "15.5" is a typo, not 155.
  if (!/^(?:\d{1,15}|\d{1,3}(?:[.\s\u00a0]\d{3}){1,4})$/.test(text)) return undefined;
  const n = Number(text.replace(/[.\s\u00a0]/g, ''));
  return Number.isSafeInteger(n) ? n : undefined;
}

function rupiah(max: number, key: MessageKey) {
  return z.preprocess((v) => parseRupiahInput(str(v)) ?? Number.NaN, z.number(key).int(key).min(0, key).max(max, key));
}

function whole(min: number, max: number, key: MessageKey) {
  return z.preprocess(
    (v) => {
      const n = parseRupiahInput(str(v));
      return n !== undefined && !/^\s*rp/i.test(str(v)) ? n : Number.NaN;
    },
    z.number(key).int(key).min(min, key).max(max, key),
  );
}

/** True for an https address with `{awb}` where the tracking number goes. */
export function isTrackingTemplate(template: string): boolean {
  if (!template.includes('{awb}')) return false;
  try {
    const url = new URL(template.replaceAll('{awb}', 'AWB'));
    return url.protocol === 'https:' && url.hostname.includes('.');
  } catch {
    return false;
  }
}

export const shippingServiceFormSchema = z
  .object({
    code: z.preprocess((v) => clean(v).toLowerCase(), z.string().regex(CODE_PATTERN, 'adminShipping.error.code')),
    courier: text(40, 'adminShipping.error.courier'),
    name: text(80, 'adminShipping.error.name'),
    basePrice: rupiah(MAX_RATE, 'adminShipping.error.price'),
    pricePerKg: rupiah(MAX_RATE, 'adminShipping.error.price'),
    volumeDivisor: whole(1, MAX_DIVISOR, 'adminShipping.error.divisor'),
    minDays: whole(0, MAX_DAYS, 'adminShipping.error.days'),
    maxDays: whole(0, MAX_DAYS, 'adminShipping.error.days'),
    trackingUrlTemplate: z.preprocess(
      clean,
      z
        .string()
        .max(500, 'adminShipping.error.template')
        .refine((t) => t === '' || isTrackingTemplate(t), 'adminShipping.error.template'),
    ),
    isActive: z.preprocess((v) => v === 'on' || v === '1' || v === 'true', z.boolean()),
  })
  .refine((form) => form.maxDays >= form.minDays, {
    path: ['maxDays'],
    message: 'adminShipping.error.dayOrder',
    // Checked even when other fields are wrong (so every message shows at once), once both day fields are valid.
    when: (payload) => !payload.issues.some((issue) => issue.path?.[0] === 'minDays' || issue.path?.[0] === 'maxDays'),
  });
export type ShippingServiceForm = z.infer<typeof shippingServiceFormSchema>;

/** The free-shipping threshold: empty means none. */
export const thresholdFormSchema = z.object({
  freeShippingFrom: z.preprocess(
    (v) => {
      const s = str(v).trim();
      return s === '' ? null : (parseRupiahInput(s) ?? Number.NaN);
    },
    z.union([z.null(), z.number('adminShipping.error.threshold').int().min(0).max(MAX_THRESHOLD)], 'adminShipping.error.threshold'),
  ),
});

export const moveSchema = z.object({ direction: z.enum(['up', 'down']) });
export const courierMoveSchema = z.object({ courier: z.string().trim().min(1).max(40), direction: z.enum(['up', 'down']) });
export const statusSchema = z.object({ active: z.enum(['0', '1']) });

/**
 * The rate preview's parcel (a GET form on the edit page): lenient, a missing or bad value
 * means "no preview" rather than an error page.
 */
export const previewSchema = z.object({
  berat: z.coerce.number().int().min(1).max(1_000_000),
  panjang: z.coerce.number().int().min(1).max(10_000),
  lebar: z.coerce.number().int().min(1).max(10_000),
  tinggi: z.coerce.number().int().min(1).max(10_000),
});
