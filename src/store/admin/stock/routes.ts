/**
 * A4 Stock (admin only): alerts, a product's movement history with the hand-adjustment form, and
 * restock orders to suppliers (draft, ordered, received in one or more receipts, cancelled) with
 * their purchase-order PDF. Routes validate and call one service function; the rules live in
 * src/store/stock/.
 */
import { auditActor } from '../../audit/record';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type FunctionComponent, h, type VNode } from 'preact';
import { renderPurchaseOrderPdf } from '../../documents/service';
import {
  adjustSchema,
  alertsQuerySchema,
  idParamSchema,
  MAX_RESTOCK_LINES,
  pageQuerySchema,
  parseReceiptForm,
  parseRestockForm,
  productParamSchema,
  restockListQuerySchema,
} from '../../stock/schema';
import type { RestockService, StockService } from '../../stock/service';
import type { RestockOrderDetail } from '../../stock/types';
import type { StoreProfileService } from '../../store-profile/service';
import type { FormState } from '../../ui/form-fields';
import { formValues, parseForm } from '../../ui/form';
import { setFlash } from '../flash';
import { adminPage } from '../render';
import { AdminNotFoundPage } from '../views/not-found-page';
import { StockAlertsPage } from './alerts-page';
import { StockHistoryPage } from './history-page';
import { purchaseOrderInput, purchaseOrderNumber } from './purchase-order-input';
import { RestockDetailPage, RestockFormPage, RestockListPage } from './restock-pages';

export interface AdminStockDeps {
  stock: StockService;
  restock: RestockService;
  profiles: StoreProfileService;
}

const ADMIN_ONLY = { config: { role: 'admin' as const } };
const notFound = (reply: FastifyReply) => adminPage(reply, h(AdminNotFoundPage, {}), 404);

/** Renders one of this group's pages with its props, in the admin frame. */
function view<P extends object>(reply: FastifyReply, page: FunctionComponent<P>, props: P, status = 200) {
  return adminPage(reply, h(page, props) as unknown as VNode, status);
}

/** How many line rows a restock form shows: what is filled in plus three blank ones, at least five. */
function rowCount(values: Record<string, string>): number {
  let last = -1;
  for (const key of Object.keys(values)) {
    const match = /^(?:productId|quantity|unitCost)_(\d+)$/.exec(key);
    if (match && values[key]) last = Math.max(last, Number(match[1]));
  }
  return Math.min(MAX_RESTOCK_LINES, Math.max(5, last + 4));
}

/** A restock order's lines as form values (for editing a draft). */
function draftValues(order: RestockOrderDetail): Record<string, string> {
  const values: Record<string, string> = { supplierId: String(order.supplierId), notes: order.notes };
  order.lines.forEach((l, i) => {
    values[`productId_${i}`] = String(l.productId);
    values[`quantity_${i}`] = String(l.quantityOrdered);
    values[`unitCost_${i}`] = String(l.unitCost);
  });
  return values;
}

export function registerAdminStockRoutes(admin: FastifyInstance, deps: AdminStockDeps) {
  const { stock, restock } = deps;

  async function showHistory(request: FastifyRequest, reply: FastifyReply, productId: number, form: FormState, status = 200) {
    const page = pageQuerySchema.parse(request.query ?? {}).page;
    const history = await stock.history(productId, page);
    if (!history) return notFound(reply);
    return view(reply, StockHistoryPage, { history, form }, status);
  }

  async function showForm(reply: FastifyReply, id: number | undefined, form: FormState, status = 200) {
    const supplierId = Number(form.values?.supplierId) || undefined;
    const options = await restock.formOptions(supplierId);
    return view(reply, RestockFormPage, { id, ...options, form, rows: rowCount(form.values ?? {}) }, status);
  }

  async function showOrder(reply: FastifyReply, id: number, receipt: FormState, status = 200) {
    const order = await restock.detail(id);
    if (!order) return notFound(reply);
    return view(reply, RestockDetailPage, { order, receipt }, status);
  }

  admin.get('/stok', ADMIN_ONLY, async (request, reply) => {
    const query = alertsQuerySchema.parse(request.query ?? {});
    const q = query.q || undefined;
    const data = await stock.alerts({ level: query.level, q, sort: query.urut, page: query.page });
    return view(reply, StockAlertsPage, { data, level: query.level, q, sort: query.urut });
  });

  admin.get('/stok/restock', ADMIN_ONLY, async (request, reply) => {
    const query = restockListQuerySchema.parse(request.query ?? {});
    const found = await restock.list({ status: query.status, page: query.page });
    return view(reply, RestockListPage, { ...found, status: query.status });
  });

  admin.get('/stok/restock/baru', ADMIN_ONLY, async (_request, reply) => showForm(reply, undefined, {}));

  admin.post('/stok/restock', ADMIN_ONLY, async (request, reply) => {
    const values = formValues(request.body);
    const parsed = parseRestockForm(request.body);
    if (!parsed.ok)
      return showForm(reply, undefined, { values, errors: parsed.errors, alert: { kind: 'danger', key: 'restock.form.failed' } }, 400);
    const saved = await restock.create(parsed.data, request.user!.id);
    if (!saved.ok) {
      const errors = 'errors' in saved ? saved.errors : {};
      return showForm(reply, undefined, { values, errors, alert: { kind: 'danger', key: 'restock.form.failed' } }, 400);
    }
    setFlash(request, reply, { kind: 'success', key: 'restock.saved', params: { id: saved.id } });
    return reply.redirect(`/admin/stok/restock/${saved.id}`, 303);
  });

  admin.get<{ Params: { id: string } }>('/stok/restock/:id', ADMIN_ONLY, async (request, reply) => {
    const params = idParamSchema.safeParse(request.params);
    if (!params.success) return notFound(reply);
    return showOrder(reply, params.data.id, {});
  });

  admin.get<{ Params: { id: string } }>('/stok/restock/:id/ubah', ADMIN_ONLY, async (request, reply) => {
    const params = idParamSchema.safeParse(request.params);
    const order = params.success ? await restock.detail(params.data.id) : undefined;
    if (!order) return notFound(reply);
    if (order.status !== 'draft') {
      setFlash(request, reply, { kind: 'warning', key: 'restock.notDraft' });
      return reply.redirect(`/admin/stok/restock/${order.id}`, 303);
    }
    return showForm(reply, order.id, { values: draftValues(order) });
  });

  admin.post<{ Params: { id: string } }>('/stok/restock/:id', ADMIN_ONLY, async (request, reply) => {
    const params = idParamSchema.safeParse(request.params);
    if (!params.success) return notFound(reply);
    const id = params.data.id;
    const values = formValues(request.body);
    const parsed = parseRestockForm(request.body);
    if (!parsed.ok)
      return showForm(reply, id, { values, errors: parsed.errors, alert: { kind: 'danger', key: 'restock.form.failed' } }, 400);
    const saved = await restock.updateDraft(id, parsed.data);
    if (saved.ok) {
      setFlash(request, reply, { kind: 'success', key: 'restock.saved', params: { id } });
      return reply.redirect(`/admin/stok/restock/${id}`, 303);
    }
    if ('errors' in saved)
      return showForm(reply, id, { values, errors: saved.errors, alert: { kind: 'danger', key: 'restock.form.failed' } }, 400);
    if (saved.reason === 'missing') return notFound(reply);
    return showOrder(reply, id, { alert: { kind: 'danger', key: 'restock.notDraft' } }, 409);
  });

  for (const [path, to, done] of [
    ['pesan', 'ordered', 'restock.ordered'],
    ['batal', 'cancelled', 'restock.cancelled'],
  ] as const) {
    admin.post<{ Params: { id: string } }>(`/stok/restock/:id/${path}`, ADMIN_ONLY, async (request, reply) => {
      const params = idParamSchema.safeParse(request.params);
      if (!params.success) return notFound(reply);
      const id = params.data.id;
      const moved = await restock.move(id, to);
      if (!moved.ok && moved.reason === 'missing') return notFound(reply);
      if (!moved.ok) return showOrder(reply, id, { alert: { kind: 'danger', key: 'restock.invalidMove' } }, 409);
      setFlash(request, reply, { kind: 'success', key: done, params: { id } });
      return reply.redirect(`/admin/stok/restock/${id}`, 303);
    });
  }

  admin.post<{ Params: { id: string } }>('/stok/restock/:id/terima', ADMIN_ONLY, async (request, reply) => {
    const params = idParamSchema.safeParse(request.params);
    if (!params.success) return notFound(reply);
    const id = params.data.id;
    const values = formValues(request.body);
    const parsed = parseReceiptForm(request.body);
    if (!parsed.ok)
      return showOrder(reply, id, { values, errors: parsed.errors, alert: { kind: 'danger', key: 'restock.receive.failed' } }, 400);
    const received = await restock.receive(id, parsed.data, request.user!.id);
    if (received.ok) {
      if (received.status === 'received') setFlash(request, reply, { kind: 'success', key: 'restock.receive.complete', params: { id } });
      else setFlash(request, reply, { kind: 'success', key: 'restock.receive.done', params: { units: received.units } });
      return reply.redirect(`/admin/stok/restock/${id}`, 303);
    }
    if ('errors' in received) {
      return showOrder(reply, id, { values, errors: received.errors, alert: { kind: 'danger', key: 'restock.receive.failed' } }, 400);
    }
    if (received.reason === 'missing') return notFound(reply);
    // A stale or repeated receipt: the form is shown again, empty, with the quantities as they now stand.
    const key = received.reason === 'stale' ? 'restock.error.stale' : 'restock.invalidMove';
    return showOrder(reply, id, { alert: { kind: 'warning', key } }, 409);
  });

  admin.get<{ Params: { id: string } }>('/stok/restock/:id/po.pdf', ADMIN_ONLY, async (request, reply) => {
    const params = idParamSchema.safeParse(request.params);
    const order = params.success ? await restock.detail(params.data.id) : undefined;
    if (!order) return notFound(reply);
    const pdf = await renderPurchaseOrderPdf(purchaseOrderInput(order, await deps.profiles.get(), request.t, request.locale));
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `inline; filename="${purchaseOrderNumber(order.id)}.pdf"`)
      .header('cache-control', 'private, no-store')
      .send(pdf);
  });

  admin.get<{ Params: { productId: string } }>('/stok/:productId', ADMIN_ONLY, async (request, reply) => {
    const params = productParamSchema.safeParse(request.params);
    if (!params.success) return notFound(reply);
    return showHistory(request, reply, params.data.productId, {});
  });

  admin.post<{ Params: { productId: string } }>('/stok/:productId/penyesuaian', ADMIN_ONLY, async (request, reply) => {
    const params = productParamSchema.safeParse(request.params);
    if (!params.success) return notFound(reply);
    const productId = params.data.productId;
    const form = parseForm(adjustSchema, request.body);
    if (!form.ok) {
      return showHistory(request, reply, productId, { ...form, alert: { kind: 'danger', key: 'stock.adjust.failed' } }, 400);
    }
    const result = await stock.adjust(productId, form.data.delta, 'adjustment', {
      userId: request.user!.id,
      note: form.data.note,
      audit: auditActor(request),
    });
    if (result.ok) {
      setFlash(request, reply, { kind: 'success', key: 'stock.adjust.done', params: { stock: result.stock } });
      return reply.redirect(`/admin/stok/${productId}`, 303);
    }
    if (result.reason === 'not_found') return notFound(reply);
    const errors = { delta: result.reason === 'zero' ? 'stock.error.deltaZero' : 'stock.error.belowZero' };
    const state: FormState = { values: formValues(request.body), errors, alert: { kind: 'danger', key: 'stock.adjust.failed' } };
    return showHistory(request, reply, productId, state, 400);
  });
}
