/** Suppliers (A5): who the shop buys from, and what they supply. */

export interface SupplierRow {
  id: number;
  name: string;
  contactPerson: string | null;
  /** Stored as "+62…" (src/lib/phone.ts). */
  phone: string | null;
  email: string | null;
  address: string | null;
  notes: string | null;
  isActive: boolean;
  createdAt: Date;
}

/** A supplier in the list, with how many products it supplies. */
export interface SupplierListRow extends SupplierRow {
  productCount: number;
}

/** What the supplier form writes. */
export interface SupplierFields {
  name: string;
  contactPerson: string | null;
  phone: string | null;
  email: string | null;
  address: string | null;
  notes: string | null;
}

export interface SuppliedProductRow {
  id: number;
  slug: string;
  name: string;
  sku: string;
  stock: number;
  isActive: boolean;
}

export type SupplierStatusFilter = 'all' | 'active' | 'inactive';

export interface SupplierListQuery {
  q: string;
  status: SupplierStatusFilter;
  page: number;
}

export interface SupplierList {
  rows: SupplierListRow[];
  total: number;
  pageCount: number;
}
