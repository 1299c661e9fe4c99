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
