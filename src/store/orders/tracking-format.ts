/**
 * Is this a plausible tracking number (air waybill) for this courier? Pure, so the ship form and
 * quick ship refuse an obvious typo before the move, with a message naming the expected shape.
 * The patterns are the shapes each courier prints on its receipts today; a courier we do not know
 * (or a new shape) gets the generic rule only: 6–40 letters, digits and dashes.
 */

export interface TrackingRule {
  /** Matched against the order's courier name, case-insensitively. */
  courier: RegExp;
  pattern: RegExp;
  /** Shown in the field's message: what a valid number looks like. */
  example: string;
}

export const TRACKING_RULES: readonly TrackingRule[] = [
  // 16 digits, or a 3-letter origin code and digits (CGK1234567890).
  { courier: /^jne\b/i, pattern: /^(?:\d{10,16}|[A-Z]{3}\d{9,13})$/, example: '1234567890123456' },
  // "JP" / "JD" / "JX"… and ten digits; older receipts are 12 digits.
  { courier: /^j\s*&\s*t\b|^jnt\b/i, pattern: /^(?:J[A-Z]\d{10}|\d{12})$/, example: 'JP1234567890' },
  // 12 digits, usually starting with 00.
  { courier: /^sicepat\b/i, pattern: /^\d{12}$/, example: '002345678901' },
  // UPU S10 (RR123456789ID) or POS's domestic P + 13 digits, or 14–20 digits.
  { courier: /^pos\b/i, pattern: /^(?:[A-Z]{2}\d{9}ID|P\d{13}|\d{14,20})$/, example: 'P2212120012345' },
  { courier: /^anteraja\b/i, pattern: /^1\d{13}$/, example: '10001234567890' },
  { courier: /^tiki\b/i, pattern: /^\d{12}$/, example: '030123456789' },
  { courier: /^ninja\b/i, pattern: /^NLID[A-Z0-9]{8,15}$/, example: 'NLIDAP12345678' },
];

const GENERIC = /^[A-Z0-9-]{6,40}$/;

/** How staff typed it, made comparable: spaces removed, upper case (receipts print upper case). */
export function normalizeTrackingNumber(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

export type TrackingCheck = { ok: true; value: string } | { ok: false; reason: 'missing' | 'format'; example?: string };

export function checkTrackingNumber(courier: string, raw: string): TrackingCheck {
  const value = normalizeTrackingNumber(raw);
  if (!value) return { ok: false, reason: 'missing' };
  if (!GENERIC.test(value)) return { ok: false, reason: 'format' };
  const rule = TRACKING_RULES.find((r) => r.courier.test(courier.trim()));
  if (rule && !rule.pattern.test(value)) return { ok: false, reason: 'format', example: rule.example };
  return { ok: true, value };
}
