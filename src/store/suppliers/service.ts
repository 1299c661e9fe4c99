/**
 * Suppliers (A5): who the shop buys from. Create, edit, deactivate and reactivate (a supplier is
 * never deleted: products and restock orders keep pointing at it), the list with its search and
 * filter, and the products each one supplies. Phone numbers are stored in one form (+62…).
 */
import type { MessageKey } from '../../lib/i18n';
import { normalizePhone } from '../../lib/phone';
import type { SupplierRepository } from './repository';
import type { SuppliedProductRow, SupplierFields, SupplierList, SupplierListQuery, SupplierRow } from './types';

export const SUPPLIERS_PER_PAGE = 20;

/** A refused input, naming its form field and the message to show there. */
export class SupplierRuleError extends Error {
  constructor(
    readonly field: 'phone',
    readonly key: MessageKey,
  ) {
    super(key);
    this.name = 'SupplierRuleError';
  }
}

/** The form's values, trimmed; empty optional fields are empty strings. */
export interface SupplierInput {
  name: string;
  contactPerson: string;
  phone: string;
  email: string;
  address: string;
  notes: string;
}

const orNull = (text: string) => (text === '' ? null : text);

/** The row to write: empty fields as null, the phone in its stored form. Throws SupplierRuleError. */
export function supplierFields(input: SupplierInput): SupplierFields {
  let phone: string | null = null;
  if (input.phone !== '') {
    phone = normalizePhone(input.phone) ?? null;
    if (phone === null) throw new SupplierRuleError('phone', 'adminCatalog.supplier.error.phone');
  }
  return {
    name: input.name,
    contactPerson: orNull(input.contactPerson),
    phone,
    email: orNull(input.email.toLowerCase()),
    address: orNull(input.address),
    notes: orNull(input.notes),
  };
}

export function createSupplierService(deps: { repo: SupplierRepository }) {
  const { repo } = deps;
  return {
    async list(query: SupplierListQuery): Promise<SupplierList> {
      const { rows, total } = await repo.list(query.q, query.status, SUPPLIERS_PER_PAGE, (query.page - 1) * SUPPLIERS_PER_PAGE);
      return { rows, total, pageCount: Math.max(1, Math.ceil(total / SUPPLIERS_PER_PAGE)) };
    },

    /** The supplier and the products it supplies; undefined when there is no such supplier. */
    async detail(id: number): Promise<{ supplier: SupplierRow; products: SuppliedProductRow[] } | undefined> {
      const supplier = await repo.find(id);
      if (!supplier) return undefined;
      return { supplier, products: await repo.productsOf(id) };
    },

    create: (input: SupplierInput): Promise<number> => repo.insert(supplierFields(input)),

    /** False when the supplier no longer exists. */
    update: (id: number, input: SupplierInput): Promise<boolean> => repo.update(id, supplierFields(input)),

    /** Deactivates (no longer offered for new products and restock orders) or reactivates; false when missing. */
    setActive: (id: number, isActive: boolean): Promise<boolean> => repo.setActive(id, isActive),
  };
}

export type SupplierService = ReturnType<typeof createSupplierService>;
