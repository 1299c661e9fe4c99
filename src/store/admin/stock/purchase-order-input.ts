/** What the purchase-order PDF needs from a restock order: translated labels, the shop as sender, computed line totals. */
import type { Locale, Translate } from '../../../lib/i18n';
import type { PurchaseOrderInput, PurchaseOrderLabel } from '../../documents/service';
import type { RestockOrderDetail } from '../../stock/types';
import type { StoreProfile } from '../../store-profile/types';

const LABELS: readonly PurchaseOrderLabel[] = [
  'title',
  'number',
  'date',
  'status',
  'supplier',
  'shipTo',
  'item',
  'sku',
  'qty',
  'unitCost',
  'lineTotal',
  'total',
  'notes',
  'createdBy',
];

/** "PO-000012": the restock order's number as suppliers see it. */
export const purchaseOrderNumber = (id: number) => `PO-${String(id).padStart(6, '0')}`;

export function purchaseOrderInput(order: RestockOrderDetail, shop: StoreProfile, t: Translate, locale: Locale): PurchaseOrderInput {
  return {
    locale,
    shop,
    order: {
      number: purchaseOrderNumber(order.id),
      createdAt: order.orderedAt ?? order.createdAt,
      statusLabel: t(`restock.status.${order.status}`),
      createdBy: order.creatorName,
      notes: order.notes,
      supplier: order.supplier,
      lines: order.lines.map((l) => ({
        name: l.productName,
        sku: l.sku,
        brand: l.brand,
        quantity: l.quantityOrdered,
        unitCost: l.unitCost,
        lineTotal: l.quantityOrdered * l.unitCost,
      })),
      total: order.totalCost,
    },
    labels: Object.fromEntries(LABELS.map((key) => [key, t(`restock.pdf.${key}`)])) as Record<PurchaseOrderLabel, string>,
  };
}
