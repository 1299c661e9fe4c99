/**
 * Restock orders to suppliers: draft → ordered → received, or cancelled from draft or ordered.
 * A draft may be edited; receiving (partial receipts allowed) adds stock through the stock
 * service as `restock` movements in the same transaction that holds the order row `FOR UPDATE`,
 * so two staff submitting the same receipt at once add the units exactly once: the second sees
 * that the received count moved on since its form was shown and is refused as stale.
 */
import type { RunInTransaction, StoreTx } from '../../db/store-db';
import type { FieldErrors } from '../ui/form';
import type { RestockRepository } from './restock-repository';
import type { ReceiptForm, RestockForm } from './schema';
import type { RestockOrderDetail, RestockOrderSummary, RestockProductOption, RestockStatus, RestockSupplier, StockLine } from './types';

export const RESTOCK_PAGE_SIZE = 20;

/** The part of the stock service a receipt needs (the stock area's only writer of stock). */
export interface StockReceiver {
  receive(tx: StoreTx, lines: readonly StockLine[], restockOrderId: number, userId: number | null): Promise<void>;
}

/** Which status moves staff may make by hand (receiving has its own form). */
const MOVES: Record<'ordered' | 'cancelled', readonly RestockStatus[]> = {
  ordered: ['draft'],
  cancelled: ['draft', 'ordered'],
};

export type SaveResult = { ok: true; id: number } | { ok: false; errors: FieldErrors } | { ok: false; reason: 'missing' | 'not_draft' };
export type MoveResult = { ok: true } | { ok: false; reason: 'missing' | 'invalid' };
export type ReceiveResult =
  | { ok: true; status: RestockStatus; units: number }
  | { ok: false; reason: 'missing' | 'not_receivable' | 'stale' }
  | { ok: false; errors: FieldErrors };

export function createRestockService(deps: { repo: RestockRepository; stock: StockReceiver; transaction: RunInTransaction }) {
  const { repo, transaction } = deps;

  async function checkForm(tx: StoreTx, form: RestockForm, currentSupplierId?: number): Promise<FieldErrors> {
    const errors: FieldErrors = {};
    const supplier = await repo.supplierForRestock(tx, form.supplierId);
    if (!supplier || (!supplier.isActive && supplier.id !== currentSupplierId)) errors.supplierId = 'restock.error.supplier';
    const known = await repo.existingProductIds(
      tx,
      form.lines.map((l) => l.productId),
    );
    form.lines.forEach((line, i) => {
      if (!known.has(line.productId)) errors[`productId_${i}`] = 'restock.error.product';
    });
    return errors;
  }

  return {
    async list(filter: {
      status?: RestockStatus;
      page: number;
    }): Promise<{ rows: RestockOrderSummary[]; total: number; page: number; pageSize: number }> {
      const page = Math.max(1, filter.page);
      const found = await repo.list({ status: filter.status, limit: RESTOCK_PAGE_SIZE, offset: (page - 1) * RESTOCK_PAGE_SIZE });
      return { ...found, page, pageSize: RESTOCK_PAGE_SIZE };
    },

    /** What a restock form offers: suppliers (active, plus the order's own) and products. */
    async formOptions(currentSupplierId?: number): Promise<{ suppliers: RestockSupplier[]; products: RestockProductOption[] }> {
      const [suppliers, products] = await Promise.all([repo.suppliersForRestockForm(currentSupplierId), repo.productOptions()]);
      return { suppliers, products };
    },

    async detail(id: number): Promise<RestockOrderDetail | undefined> {
      return transaction(async (tx) => {
        const order = await repo.findOrder(tx, id);
        if (!order) return undefined;
        const [supplier, lines] = await Promise.all([repo.supplierForRestock(tx, order.supplierId), repo.lines(tx, id)]);
        return {
          ...order,
          supplier: supplier!,
          lines,
          totalCost: lines.reduce((sum, l) => sum + l.quantityOrdered * l.unitCost, 0),
          unitsReceived: lines.reduce((sum, l) => sum + l.quantityReceived, 0),
        };
      });
    },

    async create(form: RestockForm, userId: number | null): Promise<SaveResult> {
      return transaction(async (tx) => {
        const errors = await checkForm(tx, form);
        if (Object.keys(errors).length > 0) return { ok: false, errors };
        const id = await repo.insertOrder(tx, { supplierId: form.supplierId, notes: form.notes, createdBy: userId });
        await repo.replaceLines(tx, id, form.lines);
        return { ok: true, id };
      });
    },

    /** Edits a draft (supplier, notes, lines); an order already sent to the supplier is not edited. */
    async updateDraft(id: number, form: RestockForm): Promise<SaveResult> {
      return transaction(async (tx) => {
        const order = await repo.lockOrder(tx, id);
        if (!order) return { ok: false, reason: 'missing' };
        if (order.status !== 'draft') return { ok: false, reason: 'not_draft' };
        const errors = await checkForm(tx, form, order.supplierId);
        if (Object.keys(errors).length > 0) return { ok: false, errors };
        await repo.updateDraft(tx, id, { supplierId: form.supplierId, notes: form.notes });
        await repo.replaceLines(tx, id, form.lines);
        return { ok: true, id };
      });
    },

    /** draft → ordered, or draft/ordered → cancelled, under the row lock. */
    async move(id: number, to: 'ordered' | 'cancelled'): Promise<MoveResult> {
      return transaction(async (tx) => {
        const order = await repo.lockOrder(tx, id);
        if (!order) return { ok: false, reason: 'missing' };
        if (!MOVES[to].includes(order.status)) return { ok: false, reason: 'invalid' };
        if (to === 'ordered' && (await repo.lines(tx, id)).length === 0) return { ok: false, reason: 'invalid' };
        await repo.setStatus(tx, id, to);
        return { ok: true };
      });
    },

    /**
     * Records goods that arrived: per line at most what is still outstanding, at least one unit in
     * all. Stock rises through the stock service in this transaction; the order is `received` once
     * every line is complete.
     */
    async receive(id: number, receipt: ReceiptForm, userId: number | null): Promise<ReceiveResult> {
      return transaction(async (tx) => {
        const order = await repo.lockOrder(tx, id);
        if (!order) return { ok: false, reason: 'missing' };
        if (order.status !== 'ordered') return { ok: false, reason: order.status === 'received' ? 'stale' : 'not_receivable' };
        const lines = await repo.lines(tx, id);
        const receivedSoFar = lines.reduce((sum, l) => sum + l.quantityReceived, 0);
        if (receivedSoFar !== receipt.seen) return { ok: false, reason: 'stale' };
        const errors: FieldErrors = {};
        const arriving: { lineId: number; productId: number; quantity: number }[] = [];
        for (const [lineId, quantity] of receipt.quantities) {
          const line = lines.find((l) => l.id === lineId);
          if (!line) errors[`received_${lineId}`] = 'restock.error.receivedInteger';
          else if (quantity > line.quantityOrdered - line.quantityReceived) errors[`received_${lineId}`] = 'restock.error.receivedTooMany';
          else if (quantity > 0) arriving.push({ lineId, productId: line.productId, quantity });
        }
        if (Object.keys(errors).length > 0) return { ok: false, errors };
        if (arriving.length === 0) return { ok: false, errors: { _form: 'restock.error.receivedNothing' } };
        for (const a of arriving) await repo.addReceived(tx, a.lineId, a.quantity);
        await deps.stock.receive(
          tx,
          arriving.map((a) => ({ productId: a.productId, quantity: a.quantity })),
          id,
          userId,
        );
        const units = arriving.reduce((sum, a) => sum + a.quantity, 0);
        const complete = lines.every(
          (l) => l.quantityReceived + (arriving.find((a) => a.lineId === l.id)?.quantity ?? 0) >= l.quantityOrdered,
        );
        if (complete) await repo.setStatus(tx, id, 'received');
        else await repo.touch(tx, id);
        return { ok: true, status: complete ? 'received' : 'ordered', units };
      });
    },
  };
}

export type RestockService = ReturnType<typeof createRestockService>;
