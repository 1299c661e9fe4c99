/**
 * The shop settings form (A9) from flat form fields, as a browser without JavaScript sends them:
 * bank accounts as indexed rows `accounts[0][bank]`, `accounts[0][number]`, `accounts[0][holder]`
 * (a blank row is ignored, `accounts[i][remove]` drops one, the `move` button "2:up" swaps two
 * before anything is checked). Problems are message keys under the field's name; the values come
 * back re-numbered in the new order, so the page shows what was sent.
 */
import { z } from 'zod';
import type { FieldErrors, FormResult, FormValues } from '../ui/form';
import type { BankAccount, ShopSettings } from './types';

export const MAX_BANK_ACCOUNTS = 10;
export const MAX_TRANSFER_HOURS = 168;

export interface ShopSettingsInput {
  bankAccounts: BankAccount[];
  bankTransferEnabled: boolean;
  transferExpiryMinutes: number;
  freeShippingFrom: number | null;
  notificationEmail: string | null;
  requireStaffTwoFactor: boolean;
}

const E = 'settings.shop.error';
const ROW_FIELD = /^accounts\[(\d{1,2})\]\[(bank|number|holder|remove)\]$/;

interface RawRow {
  bank: string;
  number: string;
  holder: string;
}

/** The rows as sent, in index order, without blank or removed ones. */
function rawRows(body: Record<string, unknown>): RawRow[] {
  const byIndex = new Map<number, Record<string, string>>();
  for (const [key, value] of Object.entries(body)) {
    const m = ROW_FIELD.exec(key);
    if (!m || typeof value !== 'string') continue;
    const index = Number(m[1]);
    const row = byIndex.get(index) ?? {};
    row[m[2]!] = value.slice(0, 200);
    byIndex.set(index, row);
  }
  return [...byIndex.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, r]) => ({ bank: (r.bank ?? '').trim(), number: (r.number ?? '').trim(), holder: (r.holder ?? '').trim(), remove: !!r.remove }))
    .filter((r) => !r.remove && (r.bank !== '' || r.number !== '' || r.holder !== ''))
    .map(({ bank, number, holder }) => ({ bank, number, holder }));
}

/** Applies a move button ("2:up", "0:down") to the rows; anything else leaves them as they are. */
export function moveRow<T>(rows: readonly T[], move: unknown): T[] {
  const next = [...rows];
  const m = typeof move === 'string' ? /^(\d{1,2}):(up|down)$/.exec(move) : null;
  if (!m) return next;
  const from = Number(m[1]);
  const to = m[2] === 'up' ? from - 1 : from + 1;
  if (from >= next.length || to < 0 || to >= next.length) return next;
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** "1.500.000", "1500000" or "1 500 000" → 1500000; undefined when it is not whole rupiah. */
function parseRupiah(value: string): number | undefined {
  const compact = value.replace(/[\s.]/g, '');
  if (!/^\d{1,12}$/.test(compact)) return undefined;
  return Number(compact);
}

export function parseShopSettingsForm(body: unknown): FormResult<ShopSettingsInput> {
  const raw = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  const str = (name: string) => (typeof raw[name] === 'string' ? (raw[name] as string).trim() : '');
  const errors: FieldErrors = {};
  const values: FormValues = {};
  for (const name of ['transferExpiryHours', 'freeShippingFrom', 'notificationEmail', 'bankTransferEnabled', 'requireStaffTwoFactor']) {
    if (typeof raw[name] === 'string') values[name] = (raw[name] as string).slice(0, 300);
  }

  const rows = moveRow(rawRows(raw), raw.move);
  const bankAccounts: BankAccount[] = [];
  rows.forEach((row, i) => {
    Object.assign(values, {
      [`accounts[${i}][bank]`]: row.bank,
      [`accounts[${i}][number]`]: row.number,
      [`accounts[${i}][holder]`]: row.holder,
    });
    const number = row.number.replace(/[\s-]/g, '');
    if (row.bank === '' || row.bank.length > 60) errors[`accounts[${i}][bank]`] = `${E}.bank`;
    if (!/^\d{5,20}$/.test(number)) errors[`accounts[${i}][number]`] = `${E}.accountNumber`;
    if (row.holder === '' || row.holder.length > 100) errors[`accounts[${i}][holder]`] = `${E}.holder`;
    bankAccounts.push({ bank: row.bank, number, holder: row.holder });
  });
  if (bankAccounts.length > MAX_BANK_ACCOUNTS) errors.accounts = `${E}.tooManyAccounts`;

  const bankTransferEnabled = str('bankTransferEnabled') !== '';
  if (bankTransferEnabled && bankAccounts.length === 0) errors.accounts = `${E}.noAccounts`;

  const hoursText = str('transferExpiryHours');
  const hours = /^\d{1,3}$/.test(hoursText) ? Number(hoursText) : Number.NaN;
  if (!(hours >= 1 && hours <= MAX_TRANSFER_HOURS)) errors.transferExpiryHours = `${E}.transferExpiryHours`;

  const thresholdText = str('freeShippingFrom');
  const freeShippingFrom = thresholdText === '' ? null : parseRupiah(thresholdText);
  if (freeShippingFrom === undefined) errors.freeShippingFrom = `${E}.freeShippingFrom`;

  const notificationEmail = str('notificationEmail');
  if (notificationEmail !== '' && (notificationEmail.length > 254 || !z.email().safeParse(notificationEmail).success)) {
    errors.notificationEmail = `${E}.notificationEmail`;
  }

  if (Object.keys(errors).length > 0) return { ok: false, values, errors };
  return {
    ok: true,
    data: {
      bankAccounts,
      bankTransferEnabled,
      transferExpiryMinutes: hours * 60,
      freeShippingFrom: freeShippingFrom ?? null,
      notificationEmail: notificationEmail === '' ? null : notificationEmail,
      requireStaffTwoFactor: str('requireStaffTwoFactor') !== '',
    },
  };
}

/** The form's values for the stored settings (hours rounded up: minutes set elsewhere never shorten the deadline). */
export function shopSettingsValues(s: ShopSettings): FormValues {
  const values: FormValues = {
    transferExpiryHours: String(Math.max(1, Math.ceil(s.transferExpiryMinutes / 60))),
    freeShippingFrom: s.freeShippingFrom === null ? '' : String(s.freeShippingFrom),
    notificationEmail: s.notificationEmail ?? '',
  };
  if (s.bankTransferEnabled) values.bankTransferEnabled = '1';
  if (s.requireStaffTwoFactor) values.requireStaffTwoFactor = '1';
  s.bankAccounts.forEach((a, i) => {
    values[`accounts[${i}][bank]`] = a.bank;
    values[`accounts[${i}][number]`] = a.number;
    values[`accounts[${i}][holder]`] = a.holder;
  });
  return values;
}
