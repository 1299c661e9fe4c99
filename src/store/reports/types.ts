/** The reports area's figures (read-only): what the dashboard shows, as the repository returns it. */
import type { OrderStatus } from '../orders/state-machine';

export interface ShopTotals {
  activeProducts: number;
  orders: number;
  customers: number;
}

/** Paid orders in a period: how many and their total (whole rupiah). */
export interface SalesFigure {
  orders: number;
  amount: number;
}

/** One WIB calendar day of sales (`date` is `YYYY-MM-DD`). */
export interface DailySales {
  date: string;
  orders: number;
  amount: number;
}

export interface StatusCount {
  status: OrderStatus;
  count: number;
}

export interface RecentOrder {
  number: string;
  customerName: string;
  status: OrderStatus;
  total: number;
  createdAt: Date;
}

export interface BestSeller {
  productId: number;
  slug: string;
  name: string;
  units: number;
  amount: number;
}

export interface LowStockProduct {
  productId: number;
  slug: string;
  name: string;
  sku: string;
  stock: number;
  threshold: number;
}

export interface ChatFigures {
  waiting: number;
  open: number;
}

/** Everything the dashboard shows; `chat` is null when the chat service did not answer in time. */
export interface DashboardOverview {
  generatedAt: Date;
  totals: ShopTotals;
  today: SalesFigure;
  month: SalesFigure;
  /** The last 30 WIB days, oldest first, today last; days without sales are zero. */
  daily: DailySales[];
  byStatus: StatusCount[];
  recentOrders: RecentOrder[];
  bestSellers: BestSeller[];
  lowStock: { products: LowStockProduct[]; total: number };
  chat: ChatFigures | null;
}

/** One bucket of a report's sales: a WIB day, an ISO week (from its Monday) or a month (from its 1st). */
export interface SalesBucket {
  /** The bucket's first day, `YYYY-MM-DD`. */
  start: string;
  orders: number;
  amount: number;
}

/** Paid orders of a report's range, summed by the database. */
export interface ReportSummary {
  orders: number;
  /** Whole rupiah: totals paid (goods and shipping). */
  revenue: number;
  subtotal: number;
  shipping: number;
  units: number;
  customers: number;
  /** Revenue ÷ orders, rounded to the rupiah (0 without orders). */
  averageOrder: number;
}

export interface CategorySales {
  categoryId: number;
  name: string;
  units: number;
  amount: number;
}

/** Orders created in the range by status (every status, paid or not). */
export interface StatusFigure {
  status: OrderStatus;
  orders: number;
  amount: number;
}

/** Paid orders of the range by how they were paid. */
export interface PaymentMethodFigure {
  method: string;
  orders: number;
  amount: number;
}

export interface TopProduct {
  productId: number;
  name: string;
  sku: string;
  units: number;
  amount: number;
}

/** Customers by what they spent, one per email address (guests included). */
export interface TopCustomer {
  email: string;
  name: string;
  orders: number;
  spent: number;
}

/** Everything `/admin/laporan` and its PDF show for one range. */
export interface SalesReport {
  generatedAt: Date;
  summary: ReportSummary;
  /** Every bucket of the range, oldest first; buckets without sales are zero. */
  buckets: SalesBucket[];
  categories: CategorySales[];
  statuses: StatusFigure[];
  paymentMethods: PaymentMethodFigure[];
  topProducts: TopProduct[];
  topCustomers: TopCustomer[];
}

/** One row of the orders export: an order's columns repeated on each of its items. */
export interface OrderItemExportRow {
  orderId: number;
  itemId: number;
  number: string;
  createdAt: Date;
  paidAt: Date | null;
  status: OrderStatus;
  paymentMethod: string;
  customerName: string;
  email: string;
  city: string;
  courier: string;
  shippingCharge: number;
  orderTotal: number;
  sku: string;
  itemName: string;
  quantity: number;
  unitPrice: number;
  lineTotal: number;
}

export interface StockExportRow {
  id: number;
  sku: string;
  name: string;
  brand: string;
  category: string;
  isActive: boolean;
  stock: number;
  price: number;
  /** stock × price, whole rupiah (computed by the database). */
  value: number;
}
