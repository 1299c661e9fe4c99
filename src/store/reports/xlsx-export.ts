/**
 * Excel exports (A10) written with exceljs' streaming writer straight into the response: rows
 * come from the database one keyset page at a time, each row is committed (serialised and
 * dropped) as soon as it is added, and before the next page we wait for the response to drain, so
 * memory stays flat however many rows there are and a slow client slows the export instead of
 * filling the heap. Cells are typed: numbers, rupiah with a currency format, real dates; the
 * header row is frozen and filtered, the columns sized.
 *
 * Dates: Excel has no time zones, so a moment is written as its WIB wall-clock time (UTC + 7 h),
 * which is what staff read everywhere else in the shop.
 */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ExportRepository } from './export-repository';
import type { ReportsRepository } from './repository';
import { bucketStarts, type ReportRange } from './schema';

/** Rows (products) or orders (with all their items) read per database round trip. */
export const EXPORT_PAGE_ROWS = 1_000;
export const RUPIAH_FORMAT = '"Rp"#,##0';
const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';
const WIB_OFFSET_MS = 7 * 3_600_000;

type Kind = 'text' | 'int' | 'rupiah' | 'date' | 'datetime';
interface Column<K extends string> {
  key: K;
  width: number;
  kind: Kind;
}

export const SALES_COLUMNS = [
  { key: 'date', width: 14, kind: 'date' },
  { key: 'orders', width: 12, kind: 'int' },
  { key: 'amount', width: 18, kind: 'rupiah' },
] as const satisfies readonly Column<string>[];

export const ORDER_COLUMNS = [
  { key: 'number', width: 20, kind: 'text' },
  { key: 'createdAt', width: 18, kind: 'datetime' },
  { key: 'paidAt', width: 18, kind: 'datetime' },
  { key: 'status', width: 16, kind: 'text' },
  { key: 'paymentMethod', width: 16, kind: 'text' },
  { key: 'customerName', width: 26, kind: 'text' },
  { key: 'email', width: 30, kind: 'text' },
  { key: 'city', width: 18, kind: 'text' },
  { key: 'courier', width: 16, kind: 'text' },
  { key: 'shippingCharge', width: 14, kind: 'rupiah' },
  { key: 'orderTotal', width: 16, kind: 'rupiah' },
  { key: 'sku', width: 18, kind: 'text' },
  { key: 'itemName', width: 36, kind: 'text' },
  { key: 'quantity', width: 10, kind: 'int' },
  { key: 'unitPrice', width: 16, kind: 'rupiah' },
  { key: 'lineTotal', width: 16, kind: 'rupiah' },
] as const satisfies readonly Column<string>[];

export const STOCK_COLUMNS = [
  { key: 'sku', width: 18, kind: 'text' },
  { key: 'name', width: 40, kind: 'text' },
  { key: 'brand', width: 16, kind: 'text' },
  { key: 'category', width: 20, kind: 'text' },
  { key: 'active', width: 10, kind: 'text' },
  { key: 'stock', width: 10, kind: 'int' },
  { key: 'price', width: 16, kind: 'rupiah' },
  { key: 'value', width: 18, kind: 'rupiah' },
] as const satisfies readonly Column<string>[];

export type SalesColumn = (typeof SALES_COLUMNS)[number]['key'];
export type OrderColumn = (typeof ORDER_COLUMNS)[number]['key'];
export type StockColumn = (typeof STOCK_COLUMNS)[number]['key'];

/** Translated words the sheets need: the sheet's name, column headers, and values such as statuses. */
export interface SheetText<K extends string> {
  sheet: string;
  header: (key: K) => string;
}

const FORMATS: Record<Kind, string | undefined> = {
  text: undefined,
  int: '#,##0',
  rupiah: RUPIAH_FORMAT,
  date: DATE_FORMAT,
  datetime: DATE_TIME_FORMAT,
};

/** A moment as the WIB wall-clock time Excel shows. */
export const wibCellDate = (moment: Date): Date => new Date(moment.getTime() + WIB_OFFSET_MS);

/** The response may be slow: wait until it has taken what was written before producing more. */
async function drained(out: Writable): Promise<void> {
  if (out.writableNeedDrain && !out.destroyed) await Promise.race([once(out, 'drain'), once(out, 'close')]);
}

/** A streaming workbook with one sheet: typed, sized columns, a bold frozen header row with a filter. */
function openSheet<K extends string>(out: Writable, columns: readonly Column<K>[], text: SheetText<K>) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Hurtrock Music Store';
  const sheet = workbook.addWorksheet(text.sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    header: text.header(c.key),
    key: c.key,
    width: c.width,
    style: FORMATS[c.kind] ? { numFmt: FORMATS[c.kind] } : {},
  }));
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.commit();
  return {
    add(values: Record<K, string | number | Date | null>) {
      sheet.addRow(values).commit();
    },
    async close() {
      // The client went away: nobody would read the rest, and committing would wait on a dead stream forever.
      if (out.destroyed) return;
      sheet.commit();
      await workbook.commit();
    },
  };
}

export function createXlsxExports(deps: { exports: ExportRepository; reports: Pick<ReportsRepository, 'dailySales'>; pageRows?: number }) {
  const pageRows = deps.pageRows ?? EXPORT_PAGE_ROWS;
  return {
    /** Sales per WIB day of the range (zero days included): at most five years of rows, one grouped query. */
    async sales(out: Writable, range: ReportRange, text: SheetText<SalesColumn>): Promise<void> {
      const found = new Map((await deps.reports.dailySales(range.period)).map((d) => [d.date, d]));
      const sheet = openSheet(out, SALES_COLUMNS, text);
      for (const date of bucketStarts({ from: range.from, to: range.to, per: 'hari' })) {
        const day = found.get(date);
        sheet.add({ date: new Date(`${date}T00:00:00Z`), orders: day?.orders ?? 0, amount: day?.amount ?? 0 });
      }
      await sheet.close();
    },

    /** One row per item of every order created in the range, its order's columns repeated. */
    async orders(out: Writable, range: ReportRange, text: SheetText<OrderColumn> & { status: (s: string) => string }) {
      const sheet = openSheet(out, ORDER_COLUMNS, text);
      let afterOrderId = 0;
      for (;;) {
        const { rows, lastOrderId } = await deps.exports.orderItemPage(range.period, afterOrderId, pageRows);
        for (const r of rows) {
          sheet.add({
            ...r,
            createdAt: wibCellDate(r.createdAt),
            paidAt: r.paidAt ? wibCellDate(r.paidAt) : null,
            status: text.status(r.status),
          });
        }
        if (lastOrderId === undefined || out.destroyed) break;
        afterOrderId = lastOrderId;
        await drained(out);
      }
      await sheet.close();
    },

    /** Every product with its stock value (stock × price), by id. */
    async stock(out: Writable, text: SheetText<StockColumn> & { yes: string; no: string }) {
      const sheet = openSheet(out, STOCK_COLUMNS, text);
      let afterId = 0;
      for (;;) {
        const rows = await deps.exports.stockPage(afterId, pageRows);
        for (const r of rows) sheet.add({ ...r, active: r.isActive ? text.yes : text.no, value: Number(r.value) });
        const last = rows.at(-1);
        if (!last || rows.length < pageRows || out.destroyed) break;
        afterId = last.id;
        await drained(out);
      }
      await sheet.close();
    },
  };
}

export type XlsxExports = ReturnType<typeof createXlsxExports>;
