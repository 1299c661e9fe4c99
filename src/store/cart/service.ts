/**
 * Cart operations for the routes: who owns the cart is decided by the route (account or guest
 * session); every number the page shows (line totals, subtotal) is computed here from today's
 * prices, never taken from the request.
 */
import type { CartRepository } from './repository';
import { parseProductId, parseQuantity, type QuantityProblem, reviewLine } from './rules';
import type { CartLineRow, CartOwner } from './types';

export type CartNotice =
  | { kind: 'removedInactive' | 'removedSoldOut'; name: string }
  | { kind: 'capped'; name: string; from: number; to: number; stockSeen: number }
  | { kind: 'addCapped'; name: string; quantity: number };

export interface CartLine {
  productId: number;
  slug: string;
  name: string;
  brand: string;
  image: CartLineRow['image'];
  unitPrice: number;
  quantity: number;
  /** The stock: the most the quantity field accepts. */
  maxQuantity: number;
  lineTotal: number;
  priceChange?: { from: number; to: number };
  /** Weight and box size of one unit, for the shipping cost. */
  parcel: { weightGrams: number; lengthCm: number; widthCm: number; heightCm: number };
}

export interface CartView {
  lines: CartLine[];
  units: number;
  subtotal: number;
  /** What changed since the customer last looked (removed or capped lines), shown once. */
  notices: CartNotice[];
}

export type CartProblem = { field: 'product'; problem: 'invalid' | 'notFound' } | { field: 'quantity'; problem: QuantityProblem };
export type CartResult = { ok: true; notices: CartNotice[]; name?: string } | ({ ok: false } & CartProblem);

const EMPTY: CartView = { lines: [], units: 0, subtotal: 0, notices: [] };

/** Whose cart a visitor has: their account's, or their session's as a guest; null with neither (no cart yet). */
export function cartOwner(visitor: { user?: { id: number } | null; session?: { key: string } | null }): CartOwner | null {
  if (visitor.user) return { userId: visitor.user.id };
  if (visitor.session) return { sessionKey: visitor.session.key };
  return null;
}

export function createCartService(deps: { repo: CartRepository }) {
  const { repo } = deps;

  /** The product behind a form's `product` field, or why it cannot go in a cart. */
  async function productFrom(raw: unknown) {
    const id = parseProductId(raw);
    if (id === undefined) return { ok: false as const, field: 'product' as const, problem: 'invalid' as const };
    const product = await repo.findProduct(id);
    if (!product?.isActive) return { ok: false as const, field: 'product' as const, problem: 'notFound' as const };
    return { ok: true as const, product };
  }

  return {
    async view(owner: CartOwner | null): Promise<CartView> {
      const rows = owner ? await repo.lines(owner) : [];
      if (rows.length === 0) return EMPTY;
      const cartId = rows[0]!.cartId;
      const notices: CartNotice[] = [];
      const removed: number[] = [];
      const caps: { productId: number; quantity: number }[] = [];
      const lines: CartLine[] = [];
      for (const row of rows) {
        const review = reviewLine(row, row);
        if (review.action === 'remove') {
          removed.push(row.productId);
          notices.push({ kind: review.reason === 'inactive' ? 'removedInactive' : 'removedSoldOut', name: row.name });
          continue;
        }
        if (review.quantityCapped) {
          caps.push({ productId: row.productId, quantity: review.quantity });
          notices.push({ kind: 'capped', name: row.name, ...review.quantityCapped });
        }
        lines.push({
          productId: row.productId,
          slug: row.slug,
          name: row.name,
          brand: row.brand,
          image: row.image,
          unitPrice: row.price,
          quantity: review.quantity,
          maxQuantity: row.stock,
          lineTotal: row.price * review.quantity,
          priceChange: review.priceChange,
          parcel: { weightGrams: row.weightGrams, lengthCm: row.lengthCm, widthCm: row.widthCm, heightCm: row.heightCm },
        });
      }
      // Applied at once so the notice is shown exactly once and the badge agrees with the page.
      await repo.dropUnavailable(cartId, removed);
      await repo.capQuantities(cartId, caps);
      const units = lines.reduce((sum, l) => sum + l.quantity, 0);
      const subtotal = lines.reduce((sum, l) => sum + l.lineTotal, 0);
      return { lines, units, subtotal, notices };
    },

    async add(owner: CartOwner, rawProduct: unknown, rawQuantity: unknown): Promise<CartResult> {
      const found = await productFrom(rawProduct);
      if (!found.ok) return found;
      const { product } = found;
      const parsed = parseQuantity(rawQuantity, product.stock);
      if (!parsed.ok) return { ok: false, field: 'quantity', problem: parsed.problem };
      const cartId = await repo.ensureCartId(owner);
      const { quantity, wanted } = await repo.addItem(cartId, product, parsed.quantity);
      // Already in the cart and the sum would pass the stock: the line holds all there is.
      if (quantity >= wanted) return { ok: true, notices: [], name: product.name };
      return { ok: true, notices: [{ kind: 'addCapped', name: product.name, quantity }], name: product.name };
    },

    async setQuantity(owner: CartOwner | null, rawProduct: unknown, rawQuantity: unknown): Promise<CartResult> {
      const cartId = owner && (await repo.findCartId(owner));
      const id = parseProductId(rawProduct);
      if (id === undefined) return { ok: false, field: 'product', problem: 'invalid' };
      const product = await repo.findProduct(id);
      if (!product || !cartId) return { ok: false, field: 'product', problem: 'notFound' };
      // An inactive or sold-out product is removed (with a notice) by the next view instead.
      if (!product.isActive || product.stock <= 0) return { ok: true, notices: [] };
      const parsed = parseQuantity(rawQuantity, product.stock);
      if (!parsed.ok) return { ok: false, field: 'quantity', problem: parsed.problem };
      const updated = await repo.setQuantity(cartId, product, parsed.quantity);
      return updated ? { ok: true, notices: [] } : { ok: false, field: 'product', problem: 'notFound' };
    },

    async remove(owner: CartOwner | null, rawProduct: unknown): Promise<CartResult> {
      const id = parseProductId(rawProduct);
      if (id === undefined) return { ok: false, field: 'product', problem: 'invalid' };
      const cartId = owner && (await repo.findCartId(owner));
      const removed = cartId ? await repo.removeItems(cartId, [id]) : 0;
      return removed > 0 ? { ok: true, notices: [] } : { ok: false, field: 'product', problem: 'notFound' };
    },

    async acknowledgeChanges(owner: CartOwner | null): Promise<void> {
      const cartId = owner && (await repo.findCartId(owner));
      if (cartId) await repo.acknowledgeChanges(cartId);
    },

    /** After an order took these lines: they leave the cart (the rest stays). */
    async removeOrdered(owner: CartOwner | null, productIds: number[]) {
      const cartId = owner && (await repo.findCartId(owner));
      if (cartId) await repo.removeItems(cartId, productIds);
    },

    /** Units for the navbar badge. */
    count: (owner: CartOwner | null) => (owner ? repo.countUnits(owner) : Promise.resolve(0)),

    /** Called by the accounts area right after a login, with the guest session's key. */
    mergeGuestCart: (sessionKey: string, userId: number) => repo.mergeGuestCart(sessionKey, userId),

    /** "Buy again": an earlier order's products go back in the cart, capped by today's stock. */
    async addMany(owner: CartOwner, items: { productId: number; quantity: number }[]): Promise<number> {
      let added = 0;
      for (const item of items) {
        const product = await repo.findProduct(item.productId);
        if (!product?.isActive || product.stock <= 0) continue;
        const cartId = await repo.ensureCartId(owner);
        await repo.addItem(cartId, product, Math.min(item.quantity, product.stock));
        added++;
      }
      return added;
    },
  };
}

export type CartService = ReturnType<typeof createCartService>;
