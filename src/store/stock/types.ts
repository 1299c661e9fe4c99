/** The stock area's vocabulary, shared with the areas that call it (orders, the back office). */

/** Why a product's stock changed; every change writes one movement with its reason. */
export type StockReason = 'order_reserved' | 'order_released' | 'order_refunded' | 'adjustment' | 'restock';

/** One line of an order as stock sees it. */
export interface StockLine {
  productId: number;
  quantity: number;
}

/** What a reservation learned about the product it took units from (priced and named for the order line). */
export interface ReservedProduct {
  id: number;
  slug: string;
  name: string;
  sku: string;
  brand: string;
  price: number;
}

/** A product whose units an order just took, with what is left on the shelf after them. */
export interface TakenProduct extends ReservedProduct {
  stockLeft: number;
}

export interface StockMovement {
  productId: number;
  change: number;
  reason: StockReason;
  orderId?: number | null;
  userId?: number | null;
  note?: string;
}

/** A `restock` movement also names the restock order its goods came from. */
export interface RestockMovement extends StockMovement {
  restockOrderId?: number | null;
}

/** How a product's stock stands against its own thresholds: out (0), critical (≤ min_stock), low (≤ low_stock_threshold). */
export type StockLevel = 'out' | 'critical' | 'low' | 'ok';
export const ALERT_LEVELS = ['out', 'critical', 'low'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

/** Orders of the alerts table: worst first (default), or by a column either way. */
export const ALERT_SORTS = ['level', 'level_desc', 'name', 'name_desc', 'sku', 'sku_desc', 'stock', 'stock_desc'] as const;
export type AlertSort = (typeof ALERT_SORTS)[number];

export interface StockAlertRow {
  id: number;
  name: string;
  sku: string;
  brand: string;
  stock: number;
  minStock: number;
  lowStockThreshold: number;
  isActive: boolean;
  level: Exclude<StockLevel, 'ok'>;
}

export interface StockAlertFilter {
  /** One level, or every product that needs attention. */
  level?: AlertLevel;
  q?: string;
  sort: AlertSort;
  page: number;
}

export interface StockAlertPage {
  rows: StockAlertRow[];
  total: number;
  page: number;
  pageSize: number;
  /** How many products are at each level (for the filter's counts), ignoring the search. */
  counts: Record<AlertLevel, number>;
}

export interface StockProductSummary {
  id: number;
  name: string;
  sku: string;
  brand: string;
  stock: number;
  minStock: number;
  lowStockThreshold: number;
}

export interface MovementRow {
  id: number;
  change: number;
  reason: StockReason;
  createdAt: Date;
  orderNumber: string | null;
  restockOrderId: number | null;
  userName: string | null;
  note: string;
}

export interface MovementHistory {
  product: StockProductSummary;
  level: StockLevel;
  rows: MovementRow[];
  total: number;
  page: number;
  pageSize: number;
  /** The sum of every movement of the product: equals its stock when nothing bypassed the stock area. */
  movementSum: number;
}

// ---- Restock orders to suppliers ----

export const RESTOCK_STATUSES = ['draft', 'ordered', 'received', 'cancelled'] as const;
export type RestockStatus = (typeof RESTOCK_STATUSES)[number];

export interface RestockLineInput {
  productId: number;
  quantityOrdered: number;
  unitCost: number;
}

export interface RestockLine extends RestockLineInput {
  id: number;
  quantityReceived: number;
  productName: string;
  sku: string;
  brand: string;
}

export interface RestockOrderHead {
  id: number;
  supplierId: number;
  status: RestockStatus;
  notes: string;
  createdBy: number | null;
  createdAt: Date;
  updatedAt: Date;
  orderedAt: Date | null;
  receivedAt: Date | null;
}

export interface RestockOrderSummary extends RestockOrderHead {
  supplierName: string;
  creatorName: string | null;
  lineCount: number;
  unitsOrdered: number;
  unitsReceived: number;
  totalCost: number;
}

export interface RestockSupplier {
  id: number;
  name: string;
  contactPerson: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  isActive: boolean;
}

export interface RestockOrderDetail extends RestockOrderHead {
  supplier: RestockSupplier;
  creatorName: string | null;
  lines: RestockLine[];
  totalCost: number;
  /** Units received so far over every line: a receipt form carries it, so a stale or repeated submission is recognised. */
  unitsReceived: number;
}

export interface RestockProductOption {
  id: number;
  name: string;
  sku: string;
  stock: number;
}
