/** A9 rules without a database: holidays, a weekday's hours, and the two forms' parsing (indexed rows, moves). */
import { describe, expect, it } from 'vitest';
import { dayHoursProblem, holidayOn, upcomingHolidays } from '../../src/lib/opening-hours';
import { moveRow, parseShopSettingsForm, shopSettingsValues } from '../../src/store/shop-settings/schema';
import type { ShopSettings } from '../../src/store/shop-settings/types';
import { isWebUrl, parseProfileForm } from '../../src/store/store-profile/schema';
import { storeStatus } from '../../src/store/store-page/service';

const HOLIDAYS = [
  { date: '2026-12-25', label: 'Hari Natal' },
  { date: '2026-01-01', label: 'Tahun Baru' },
  { date: '2027-01-01', label: 'Tahun Baru 2027' },
];
const wib = (local: string) => new Date(`${local}+07:00`);
const weekdays = [1, 2, 3, 4, 5].map((day) => ({ day, open: '09:30', close: '18:00' }));

describe('holidays', () => {
  it('finds the holiday of a WIB date, and none on an ordinary day', () => {
    expect(holidayOn(HOLIDAYS, '2026-12-25')?.label).toBe('Hari Natal');
    expect(holidayOn(HOLIDAYS, '2026-12-24')).toBeUndefined();
  });

  it('lists the coming holidays from today on, soonest first, past ones left out', () => {
    expect(upcomingHolidays(HOLIDAYS, '2026-12-25').map((h) => h.date)).toEqual(['2026-12-25', '2027-01-01']);
    expect(upcomingHolidays(HOLIDAYS, '2026-12-26', 1).map((h) => h.date)).toEqual(['2027-01-01']);
    expect(upcomingHolidays(HOLIDAYS, '2027-01-02')).toEqual([]);
  });

  it('closes the shop all day on a holiday and skips holidays when saying when it opens again', () => {
    // Thursday 24 Dec 2026 at 10:00 WIB is an ordinary open day.
    expect(storeStatus(weekdays, wib('2026-12-24T10:00'), HOLIDAYS)).toEqual({ open: true, closesAt: '18:00' });
    // Friday 25 Dec at 10:00 WIB: a holiday on an open weekday; next opening is Monday (the weekend is closed).
    expect(storeStatus(weekdays, wib('2026-12-25T10:00'), HOLIDAYS)).toEqual({
      open: false,
      holiday: 'Hari Natal',
      nextOpening: { day: 1, time: '09:30', inDays: 3 },
    });
    // Thursday 31 Dec after closing: Friday 1 Jan 2027 is a holiday, so the next opening is Monday 4 Jan.
    expect(storeStatus(weekdays, wib('2026-12-31T19:00'), HOLIDAYS)).toEqual({
      open: false,
      nextOpening: { day: 1, time: '09:30', inDays: 4 },
    });
  });

  it('a weekday closes after it opens', () => {
    expect(dayHoursProblem('09:00', '17:00')).toBeUndefined();
    expect(dayHoursProblem('17:00', '09:00')).toBe('closeBeforeOpen');
    expect(dayHoursProblem('09:00', '09:00')).toBe('closeBeforeOpen');
  });
});

describe('shop settings form', () => {
  const base = { transferExpiryHours: '24', bankTransferEnabled: 'on' };

  it('reads indexed bank rows in index order, skipping blank and removed rows, number digits only', () => {
    const parsed = parseShopSettingsForm({
      ...base,
      'accounts[10][bank]': 'BNI',
      'accounts[10][number]': '0987 654-321',
      'accounts[10][holder]': 'Toko',
      'accounts[2][bank]': 'BCA',
      'accounts[2][number]': '1234567890',
      'accounts[2][holder]': 'PT Hurtrock',
      'accounts[3][bank]': 'Mandiri',
      'accounts[3][number]': '13000123',
      'accounts[3][holder]': 'PT Hurtrock',
      'accounts[3][remove]': '1',
      'accounts[4][bank]': ' ',
      'accounts[4][number]': '',
      'accounts[4][holder]': '',
    });
    expect(parsed.ok && parsed.data.bankAccounts).toEqual([
      { bank: 'BCA', number: '1234567890', holder: 'PT Hurtrock' },
      { bank: 'BNI', number: '0987654321', holder: 'Toko' },
    ]);
  });

  it('applies an up/down button before checking, and gives the values back re-numbered', () => {
    expect(moveRow(['a', 'b', 'c'], '2:up')).toEqual(['a', 'c', 'b']);
    expect(moveRow(['a', 'b', 'c'], '0:down')).toEqual(['b', 'a', 'c']);
    expect(moveRow(['a', 'b', 'c'], '0:up')).toEqual(['a', 'b', 'c']);
    expect(moveRow(['a', 'b', 'c'], '2:down')).toEqual(['a', 'b', 'c']);
    expect(moveRow(['a', 'b'], '9:up')).toEqual(['a', 'b']);
    expect(moveRow(['a', 'b'], ['0:down', '1:up'])).toEqual(['a', 'b']);
    const parsed = parseShopSettingsForm({
      ...base,
      move: '1:up',
      'accounts[0][bank]': 'BCA',
      'accounts[0][number]': '1234567890',
      'accounts[0][holder]': 'A',
      'accounts[1][bank]': 'Mandiri',
      'accounts[1][number]': 'x',
      'accounts[1][holder]': 'B',
    });
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    // Mandiri moved to the top: its values and its error are under index 0 now.
    expect(parsed.values['accounts[0][bank]']).toBe('Mandiri');
    expect(parsed.errors['accounts[0][number]']).toBe('settings.shop.error.accountNumber');
    expect(parsed.errors['accounts[1][number]']).toBeUndefined();
  });

  it('checks the deadline (1–168 h), the threshold (whole rupiah or empty) and the notification email', () => {
    const row = { 'accounts[0][bank]': 'BCA', 'accounts[0][number]': '1234567890', 'accounts[0][holder]': 'A' };
    const ok = parseShopSettingsForm({ ...base, ...row, transferExpiryHours: '168', freeShippingFrom: '1.500.000', notificationEmail: '' });
    expect(ok.ok && ok.data).toMatchObject({ transferExpiryMinutes: 168 * 60, freeShippingFrom: 1_500_000, notificationEmail: null });
    for (const [field, value] of [
      ['transferExpiryHours', '0'],
      ['transferExpiryHours', '169'],
      ['transferExpiryHours', '1.5'],
      ['freeShippingFrom', '-5'],
      ['freeShippingFrom', '12,50'],
      ['notificationEmail', 'toko@'],
    ] as const) {
      const parsed = parseShopSettingsForm({ ...base, ...row, [field]: value });
      expect(parsed.ok ? undefined : parsed.errors[field], `${field}=${value}`).toBeDefined();
    }
    // Bank transfer on needs an account; off does not.
    expect(parseShopSettingsForm(base).ok).toBe(false);
    expect(parseShopSettingsForm({ transferExpiryHours: '24' }).ok).toBe(true);
  });

  it('shows stored minutes as whole hours, rounded up', () => {
    const values = shopSettingsValues({
      transferExpiryMinutes: 90,
      freeShippingFrom: null,
      bankAccounts: [],
      notificationEmail: null,
    } as unknown as ShopSettings);
    expect(values).toMatchObject({ transferExpiryHours: '2', freeShippingFrom: '', notificationEmail: '' });
  });
});

describe('store profile form', () => {
  const valid = {
    name: 'Hurtrock',
    street: 'Jl. Braga 12',
    city: 'Bandung',
    province: 'Jawa Barat',
    postalCode: '40111',
    phone: '022-8765-4321',
    whatsapp: '+62 821 1555 8035',
    email: 'halo@hurtrock.example',
    'hours[1][open]': '09:00',
    'hours[1][close]': '17:00',
    'hours[0][closed]': '1',
    'hours[2][closed]': '1',
    'hours[3][closed]': '1',
    'hours[4][closed]': '1',
    'hours[5][closed]': '1',
    'hours[6][closed]': '1',
  };

  it('reads a valid form: WhatsApp as wa.me digits, closed days left out, holidays sorted', () => {
    const parsed = parseProfileForm({
      ...valid,
      'holidays[0][date]': '2026-12-25',
      'holidays[0][label]': 'Natal',
      'holidays[1][date]': '2026-08-17',
      'holidays[1][label]': 'Kemerdekaan',
      'holidays[2][date]': '2026-01-01',
      'holidays[2][label]': 'Dihapus',
      'holidays[2][remove]': '1',
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data).toMatchObject({ whatsapp: '6282115558035', website: null, social: {}, removeLogo: false });
    expect(parsed.data.openingHours).toEqual([{ day: 1, open: '09:00', close: '17:00' }]);
    expect(parsed.data.holidays.map((h) => h.date)).toEqual(['2026-08-17', '2026-12-25']);
  });

  it('puts a day whose closing is before its opening under that day, and refuses duplicate holidays', () => {
    const parsed = parseProfileForm({
      ...valid,
      'hours[2][closed]': '',
      'hours[2][open]': '17:00',
      'hours[2][close]': '09:00',
      'holidays[0][date]': '2026-12-25',
      'holidays[0][label]': 'Natal',
      'holidays[1][date]': '2026-12-25',
      'holidays[1][label]': 'Natal lagi',
    });
    expect(parsed.ok ? {} : parsed.errors).toEqual({
      'hours[2]': 'settings.profile.error.hoursOrder',
      'holidays[1][date]': 'settings.profile.error.holidayDuplicate',
    });
  });

  it('accepts only http(s) web addresses', () => {
    expect(isWebUrl('https://instagram.com/hurtrock')).toBe(true);
    expect(isWebUrl('http://hurtrock.example')).toBe(true);
    for (const bad of ['javascript:alert(1)', 'ftp://x.example', 'instagram.com/x', 'https://', 'data:text/html,hi'])
      expect(isWebUrl(bad), bad).toBe(false);
  });
});
