/**
 * Printed documents for staff (issue 13): the thermal shipping label, the address label, the
 * packing slip and the invoice, for one order (`GET /admin/pesanan/:number/<document>.pdf`) or for
 * many at once (`POST /admin/pesanan/cetak`, the list's selection: one PDF, in the list's order).
 * Unknown numbers answer 404 naming them; a label for an order that is not paid is refused (409).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { sendError } from '../../../lib/errors';
import { renderAddressLabelsPdf, renderInvoicesPdf, renderPackingSlipsPdf, renderShippingLabelsPdf } from '../../documents/service';
import type { OrdersService, PrintableOrder } from '../../orders/service';
import { wantsJson } from '../../plugins/errors';
import type { StoreProfileService } from '../../store-profile/service';
import { adminPage } from '../render';
import {
  addressLabelInput,
  invoiceFor,
  isPrintKind,
  mayHaveLabel,
  needsPaid,
  packingSlipInput,
  type PrintContext,
  type PrintKind,
  shippingLabelInput,
} from './print-inputs';
import { PrintProblemPage } from './print-problem-page';

export interface OrderPrintDeps {
  orders: OrdersService;
  profiles: StoreProfileService;
  publicUrl: string;
}

/** The bulk form's ceiling: a day's parcels, with room to spare, in one file that still renders in seconds. */
export const MAX_BULK = 500;

/** Each document: its file name prefix, and how it is drawn for a list of orders. */
const DOCUMENTS: Record<PrintKind, { file: string; render: (orders: PrintableOrder[], c: PrintContext) => Promise<Buffer> }> = {
  label: {
    file: 'label',
    render: (orders, c) =>
      renderShippingLabelsPdf(
        orders.map((o) => shippingLabelInput(o, c)),
        meta(c, c.t('labels.title')),
      ),
  },
  alamat: {
    file: 'label-alamat',
    render: (orders, c) =>
      renderAddressLabelsPdf(
        orders.map((o) => addressLabelInput(o, c)),
        meta(c, c.t('labels.addressTitle')),
      ),
  },
  slip: {
    file: 'slip-paket',
    render: (orders, c) =>
      renderPackingSlipsPdf(
        orders.map((o) => packingSlipInput(o, c)),
        meta(c, c.t('labels.slip.title')),
      ),
  },
  faktur: {
    file: 'faktur',
    render: (orders, c) => renderInvoicesPdf(orders.map((o) => invoiceFor(o, c))),
  },
};

const meta = (c: PrintContext, title: string) => ({ title, author: c.shop.name });

/** The single-order URLs, by the document they print. */
const SINGLE: [string, PrintKind][] = [
  ['label.pdf', 'label'],
  ['label-alamat.pdf', 'alamat'],
  ['slip-paket.pdf', 'slip'],
  ['faktur.pdf', 'faktur'],
];

/** `nomor` repeated (one per order, in list order): trimmed, empty ones dropped. */
function numbersFrom(body: Record<string, unknown>): string[] {
  const raw = body.nomor;
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return list.map((n) => String(n).trim()).filter((n) => n.length > 0);
}

export function registerOrderPrintRoutes(admin: FastifyInstance, deps: OrderPrintDeps) {
  async function problem(
    request: FastifyRequest,
    reply: FastifyReply,
    status: 400 | 404 | 409,
    page: {
      code: string;
      title: string;
      lead: string;
      message: string;
      numbers: { number: string; status?: string }[];
      back: string;
      fields?: Record<string, string>;
    },
  ) {
    if (wantsJson(request)) return sendError(reply, page.code, status, page.message, page.fields);
    reply.header('cache-control', 'no-store');
    return adminPage(reply, h(PrintProblemPage, page), status);
  }

  async function print(request: FastifyRequest, reply: FastifyReply, kind: PrintKind, numbers: string[], back: string) {
    const { t } = request;
    const found = await deps.orders.forPrinting(numbers);
    if (found.missing.length > 0) {
      const list = found.missing.join(', ');
      return problem(request, reply, 404, {
        code: 'not_found',
        title: t('labels.print.unknown.title'),
        lead: t('labels.print.unknown.lead'),
        message: t('labels.print.unknown.message', { numbers: list }),
        numbers: found.missing.map((number) => ({ number })),
        back,
      });
    }
    if (needsPaid(kind)) {
      const unpaid = found.orders.filter((o) => !mayHaveLabel(o.order));
      if (unpaid.length > 0) {
        return problem(request, reply, 409, {
          code: 'order_unpaid',
          title: t('labels.print.unpaid.title'),
          lead: t('labels.print.unpaid.lead'),
          message: t('labels.print.unpaid.message', { numbers: unpaid.map((o) => o.order.number).join(', ') }),
          numbers: unpaid.map((o) => ({ number: o.order.number, status: t(`order.status.${o.order.status}`) })),
          back,
        });
      }
    }
    const context: PrintContext = { shop: await deps.profiles.get(), t, locale: request.locale, publicUrl: deps.publicUrl };
    const document = DOCUMENTS[kind];
    const pdf = await document.render(found.orders, context);
    const only = found.orders.length === 1 ? found.orders[0]!.order.number : `${found.orders.length}-pesanan`;
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${document.file}-${only}.pdf"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  }

  for (const [file, kind] of SINGLE) {
    admin.get<{ Params: { number: string } }>(`/pesanan/:number/${file}`, async (request, reply) =>
      print(request, reply, kind, [request.params.number], `/admin/pesanan/${encodeURIComponent(request.params.number)}`),
    );
  }

  admin.post('/pesanan/cetak', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const { t } = request;
    const invalid = (field: 'jenis' | 'nomor', message: string) =>
      problem(request, reply, 400, {
        code: 'validation_failed',
        title: t('labels.print.invalid.title'),
        lead: message,
        message,
        numbers: [],
        back: '/admin/pesanan',
        fields: { [field]: message },
      });
    if (!isPrintKind(body.jenis)) return invalid('jenis', t('labels.print.invalid.kind'));
    const numbers = numbersFrom(body);
    if (numbers.length === 0) return invalid('nomor', t('labels.print.invalid.none'));
    if (numbers.length > MAX_BULK) return invalid('nomor', t('labels.print.invalid.tooMany', { max: MAX_BULK }));
    return print(request, reply, body.jenis, numbers, '/admin/pesanan');
  });
}
