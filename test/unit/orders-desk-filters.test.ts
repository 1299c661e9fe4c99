import { describe, expect, it } from 'vitest';
import { searchTerms } from '../../src/store/orders/desk-repository';
import { wibDay } from '../../src/lib/time';
import { deskQuery, parseDeskFilters } from '../../src/store/orders/schema';

describe('orders desk filters', () => {
  it('reads status, payment method, WIB dates, search and page', () => {
    const { filters, errors } = parseDeskFilters({
      status: 'paid',
      bayar: 'bank_transfer',
      dari: '2026-12-01',
      sampai: '2026-12-03',
      q: '  Rina  ',
      page: '3',
    });
    expect(errors).toEqual({});
    expect(filters).toEqual({
      status: 'paid',
      paymentMethod: 'bank_transfer',
      // Midnight WIB is 17:00 UTC the day before; "sampai" includes its whole day.
      from: new Date('2026-11-30T17:00:00Z'),
      until: new Date('2026-12-03T17:00:00Z'),
      q: 'Rina',
      page: 3,
    });
  });

  it('has no filter at all for an empty query', () => {
    expect(parseDeskFilters({})).toEqual({
      filters: { page: 1 },
      values: { status: '', bayar: '', dari: '', sampai: '', q: '' },
      errors: {},
    });
    expect(parseDeskFilters(undefined).filters).toEqual({ page: 1 });
  });

  it('names each bad field, drops it from the filter and keeps what was typed', () => {
    const parsed = parseDeskFilters({
      status: 'lost',
      bayar: 'cash',
      dari: '2026-02-30',
      sampai: 'kemarin',
      q: 'x'.repeat(101),
      page: '-2',
    });
    expect(parsed.errors).toEqual({
      status: 'ordersDesk.error.status',
      bayar: 'ordersDesk.error.payment',
      dari: 'ordersDesk.error.date',
      sampai: 'ordersDesk.error.date',
      q: 'ordersDesk.error.query',
    });
    expect(parsed.filters).toEqual({ page: 1 });
    expect(parsed.values.dari).toBe('2026-02-30');
    expect(parsed.values.sampai).toBe('kemarin');
  });

  it('refuses an end before the start and a range over five years', () => {
    expect(parseDeskFilters({ dari: '2026-12-03', sampai: '2026-12-01' }).errors).toEqual({ sampai: 'ordersDesk.error.rangeOrder' });
    expect(parseDeskFilters({ dari: '2020-01-01', sampai: '2026-01-01' }).errors).toEqual({ sampai: 'ordersDesk.error.rangeLong' });
    expect(parseDeskFilters({ dari: '2021-01-01', sampai: '2026-01-01' }).errors).toEqual({});
    const { filters } = parseDeskFilters({ dari: '2026-12-03', sampai: '2026-12-01' });
    expect(filters.from).toBeUndefined();
    expect(filters.until).toBeUndefined();
  });

  it('takes the first of repeated parameters and never throws on odd input', () => {
    expect(parseDeskFilters({ status: ['shipped', 'paid'] }).filters.status).toBe('shipped');
    expect(parseDeskFilters({ status: { $ne: 1 }, page: 'NaN' })).toMatchObject({ filters: { page: 1 }, errors: {} });
  });

  it('knows real calendar days only', () => {
    expect(wibDay('2028-02-29')).toEqual(new Date('2028-02-28T17:00:00Z'));
    expect(wibDay('2026-02-29')).toBeUndefined();
    expect(wibDay('2026-13-01')).toBeUndefined();
    expect(wibDay('26-12-01')).toBeUndefined();
  });

  it('writes a filter set back as a query string without empty values', () => {
    expect(deskQuery({ status: 'paid', q: 'rina', dari: '' }, { page: '2' })).toBe('?status=paid&q=rina&page=2');
    expect(deskQuery({})).toBe('');
  });

  it('searches a phone number by its national digits, whatever way it is typed', () => {
    expect(searchTerms('0812-3456')).toEqual(['0812-3456', '8123456']);
    expect(searchTerms('+62 812 3456')).toEqual(['+62 812 3456', '8123456']);
    expect(searchTerms('Rina')).toEqual(['rina']);
    expect(searchTerms('HR-261203')).toEqual(['hr-261203']);
  });
});
