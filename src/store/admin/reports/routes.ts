/**
 * A10 Reports (admin only): `/admin/laporan` for a WIB range, its Excel exports streamed into the
 * response as they are written, and its PDF. A bad range (malformed date, end before start, more
 * than five years) answers 400 with the form, its field errors and the values typed.
 */
import { PassThrough } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { h, type VNode } from 'preact';
import { renderSalesReportPdf } from '../../documents/service';
import type { OrderColumn, ReportService, SalesColumn, SheetText, StockColumn, XlsxExports } from '../../reports/service';
import { parseRange, type ReportRange } from '../../reports/schema';
import type { StoreProfileService } from '../../store-profile/service';
import { adminPage } from '../render';
import { salesReportInput } from './pdf-input';
import { ReportPage, type ReportPageProps } from './report-page';

export interface AdminReportsDeps {
  reports: ReportService;
  xlsx: XlsxExports;
  profiles: StoreProfileService;
}

const ADMIN_ONLY = { config: { role: 'admin' as const } };
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const page = (reply: FastifyReply, props: ReportPageProps, status = 200) =>
  adminPage(reply, h(ReportPage, props) as unknown as VNode, status);

export function registerAdminReportRoutes(admin: FastifyInstance, deps: AdminReportsDeps) {
  const { reports, xlsx } = deps;

  /** The range of the query, or undefined after answering 400 with the form and its errors. */
  async function rangeOr400(request: FastifyRequest, reply: FastifyReply): Promise<ReportRange | undefined> {
    const parsed = parseRange(request.query, reports.now());
    if (parsed.ok) return parsed.range;
    await page(reply, { now: reports.now(), form: { values: parsed.values, errors: parsed.errors } }, 400);
    return undefined;
  }

  /** Sends a stream that `write` fills; a failure half-way cuts the download (the browser sees it fail) and is logged. */
  function streamXlsx(request: FastifyRequest, reply: FastifyReply, filename: string, write: (out: PassThrough) => Promise<void>) {
    const out = new PassThrough();
    write(out).catch((error: unknown) => {
      request.log.error({ err: error }, 'excel export failed');
      out.destroy(error as Error);
    });
    reply.raw.once('close', () => out.destroy());
    return reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', `attachment; filename="${filename}"`)
      .header('cache-control', 'no-store')
      .send(out);
  }

  admin.get('/laporan', ADMIN_ONLY, async (request, reply) => {
    const range = await rangeOr400(request, reply);
    if (!range) return reply;
    const report = await reports.report(range);
    reply.header('cache-control', 'no-store');
    const values = { dari: range.from, sampai: range.to, per: range.per };
    return page(reply, { now: reports.now(), form: { values, errors: {} }, result: { range, report } });
  });

  admin.get('/laporan/penjualan.xlsx', ADMIN_ONLY, async (request, reply) => {
    const range = await rangeOr400(request, reply);
    if (!range) return reply;
    const text: SheetText<SalesColumn> = {
      sheet: request.t('reports.xlsx.sales'),
      header: (key) => request.t(`reports.xlsx.${key}`),
    };
    return streamXlsx(request, reply, `penjualan_${range.from}_${range.to}.xlsx`, (out) => xlsx.sales(out, range, text));
  });

  admin.get('/laporan/pesanan.xlsx', ADMIN_ONLY, async (request, reply) => {
    const range = await rangeOr400(request, reply);
    if (!range) return reply;
    const t = request.t;
    const text = {
      sheet: t('reports.xlsx.ordersSheet'),
      header: (key: OrderColumn) => t(`reports.xlsx.${key}`),
      status: (status: string) => t(`order.status.${status as 'paid'}`),
    };
    return streamXlsx(request, reply, `pesanan_${range.from}_${range.to}.xlsx`, (out) => xlsx.orders(out, range, text));
  });

  admin.get('/laporan/stok.xlsx', ADMIN_ONLY, async (request, reply) => {
    const t = request.t;
    const today = parseRange({}, reports.now());
    const date = today.ok ? today.range.to : 'stok';
    const text = {
      sheet: t('reports.xlsx.stockSheet'),
      header: (key: StockColumn) => t(`reports.xlsx.${key}`),
      yes: t('reports.xlsx.yes'),
      no: t('reports.xlsx.no'),
    };
    return streamXlsx(request, reply, `stok_${date}.xlsx`, (out) => xlsx.stock(out, text));
  });

  admin.get('/laporan/laporan.pdf', ADMIN_ONLY, async (request, reply) => {
    const range = await rangeOr400(request, reply);
    if (!range) return reply;
    const report = await reports.report(range);
    const pdf = await renderSalesReportPdf(salesReportInput(report, range, await deps.profiles.get(), request.t, request.locale));
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="laporan_${range.from}_${range.to}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });
}
