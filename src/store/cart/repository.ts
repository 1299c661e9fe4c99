/**
 * The cart area's only file that talks to the database. A cart belongs to an account or to a
 * guest's session (see db/schema/cart.ts); a product is "active" when it and its category are,
 * the same rule the catalog and the product page use.
 */
import { and, asc, desc, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { StoreDb } from '../../db/store-db';
import { cartItems, carts, categories, productImages, products } from '../../db/schema';
import { ABSOLUTE_MS } from '../plugins/session';
import { combinedQuantity } from './rules';
import { groupedBy } from '../../lib/grouped-by';
import { keyBatches } from '../../lib/key-batches';
import type { CartOwner, CartProduct, CartLineRow } from './types';

/** An hour of margin over the session's absolute lifetime. */
export const GUEST_CART_MAX_AGE_MS = ABSOLUTE_MS + 3600_000;

const ownerIs = (owner: CartOwner) => ('userId' in owner ? eq(carts.userId, owner.userId) : eq(carts.sessionKey, owner.sessionKey));
const activeSql = sql<boolean>`${products.isActive} AND ${categories.isActive}`;

/**
 * The lines of the carts whose `ownerColumn` is one of the `owners` placeholder, with the cart's
 * id and each product's main image. Built once per owner kind and planned once per connection
 * (named prepared statements): every cart page and checkout POST runs it.
 */
function preparedLines(db: StoreDb, ownerColumn: typeof carts.userId | typeof carts.sessionKey, ownerType: string, name: string) {
  const image = db
    .select({ storageKey: productImages.storageKey, alt: productImages.alt, sizes: productImages.sizes })
    .from(productImages)
    .where(eq(productImages.productId, products.id))
    .orderBy(desc(productImages.isMain), asc(productImages.position), asc(productImages.id))
    .limit(1)
    .as('image');
  return db
    .select({
      owner: ownerColumn,
      cartId: carts.id,
      productId: cartItems.productId,
      slug: products.slug,
      name: products.name,
      brand: products.brand,
      price: products.price,
      stock: products.stock,
      isActive: activeSql,
      quantity: cartItems.quantity,
      priceSeen: cartItems.priceSeen,
      stockSeen: cartItems.stockSeen,
      weightGrams: products.weightGrams,
      lengthCm: products.lengthCm,
      widthCm: products.widthCm,
      heightCm: products.heightCm,
      imageKey: image.storageKey,
      imageAlt: image.alt,
      imageSizes: image.sizes,
    })
    .from(carts)
    .innerJoin(cartItems, eq(cartItems.cartId, carts.id))
    .innerJoin(products, eq(products.id, cartItems.productId))
    .innerJoin(categories, eq(categories.id, products.categoryId))
    .leftJoinLateral(image, sql`true`)
    .where(sql`${ownerColumn} = ANY(${sql.placeholder('owners')}::${sql.raw(ownerType)}[])`)
    .orderBy(asc(cartItems.addedAt), asc(cartItems.productId))
    .prepare(name);
}

export function createCartRepository(db: StoreDb) {
  const linesOfUsers = preparedLines(db, carts.userId, 'int', 'cart_lines_of_users');
  const linesOfSessions = preparedLines(db, carts.sessionKey, 'varchar', 'cart_lines_of_sessions');
  // The carts asked for while one read is in flight are read together (lib/key-batches.ts).
  const userLines = keyBatches(async (owners: number[]) => groupedBy(await linesOfUsers.execute({ owners }), (r) => r.owner as number));
  const sessionLines = keyBatches(async (owners: string[]) =>
    groupedBy(await linesOfSessions.execute({ owners }), (r) => r.owner as string),
  );
  // Keys "cartId:productId".
  const droppedLines = keyBatches(async (lines: string[]) => {
    const pairs = lines.map((line) => line.split(':').map(Number) as [number, number]);
    await db.execute(sql`
      DELETE FROM cart_items ci USING unnest(${sql.param(pairs.map((p) => p[0]))}::int[], ${sql.param(pairs.map((p) => p[1]))}::int[])
        AS gone(cart_id, product_id)
      WHERE ci.cart_id = gone.cart_id AND ci.product_id = gone.product_id`);
    return new Map<string, true>();
  });
  async function findCartId(owner: CartOwner): Promise<number | undefined> {
    const [row] = await db.select({ id: carts.id }).from(carts).where(ownerIs(owner)).limit(1);
    return row?.id;
  }

  return {
    findCartId,

    /** The owner's cart, created on first use; a concurrent creation is absorbed by the unique key. */
    async ensureCartId(owner: CartOwner): Promise<number> {
      const existing = await findCartId(owner);
      if (existing) return existing;
      await db
        .insert(carts)
        .values('userId' in owner ? { userId: owner.userId } : { sessionKey: owner.sessionKey })
        .onConflictDoNothing();
      // A guest session lives at most 24 h (plugins/session.ts ABSOLUTE_MS) and was created before
      // its cart, so a guest cart older than that belongs to a dead session: swept here, when guests
      // create carts anyway, rather than by a separate job.
      if ('sessionKey' in owner)
        await db.delete(carts).where(and(isNotNull(carts.sessionKey), lt(carts.createdAt, new Date(Date.now() - GUEST_CART_MAX_AGE_MS))));
      const id = await findCartId(owner);
      if (!id) throw new Error('cart could not be created');
      return id;
    },

    async findProduct(productId: number): Promise<CartProduct | undefined> {
      const [row] = await db
        .select({ id: products.id, name: products.name, price: products.price, stock: products.stock, isActive: activeSql })
        .from(products)
        .innerJoin(categories, eq(categories.id, products.categoryId))
        .where(eq(products.id, productId))
        .limit(1);
      return row;
    },

    /** Adds to the line (summed, capped by stock) and records the price and stock seen now. */
    async addItem(cartId: number, product: CartProduct, quantity: number): Promise<{ quantity: number; wanted: number }> {
      const [before] = await db
        .select({ quantity: cartItems.quantity })
        .from(cartItems)
        .where(and(eq(cartItems.cartId, cartId), eq(cartItems.productId, product.id)));
      const [row] = await db
        .insert(cartItems)
        .values({ cartId, productId: product.id, quantity, priceSeen: product.price, stockSeen: product.stock })
        .onConflictDoUpdate({
          target: [cartItems.cartId, cartItems.productId],
          set: {
            quantity: sql`LEAST(${cartItems.quantity} + excluded.quantity, ${product.stock})`,
            priceSeen: sql`excluded.price_seen`,
            stockSeen: sql`excluded.stock_seen`,
          },
        })
        .returning({ quantity: cartItems.quantity });
      await db.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, cartId));
      return { quantity: row!.quantity, wanted: (before?.quantity ?? 0) + quantity };
    },

    /** Sets a line's quantity; the customer has now seen today's price and stock. False = no such line. */
    async setQuantity(cartId: number, product: CartProduct, quantity: number): Promise<boolean> {
      const rows = await db
        .update(cartItems)
        .set({ quantity, priceSeen: product.price, stockSeen: product.stock })
        .where(and(eq(cartItems.cartId, cartId), eq(cartItems.productId, product.id)))
        .returning({ productId: cartItems.productId });
      return rows.length > 0;
    },

    async removeItems(cartId: number, productIds: number[]): Promise<number> {
      if (productIds.length === 0) return 0;
      const rows = await db
        .delete(cartItems)
        .where(and(eq(cartItems.cartId, cartId), inArray(cartItems.productId, productIds)))
        .returning({ productId: cartItems.productId });
      return rows.length;
    },

    /**
     * Takes the lines the shelf can no longer serve out of their carts (the cart's view, K4). Under
     * a race every buyer who lost finds the product gone at once: their lines leave in one statement.
     */
    async dropUnavailable(cartId: number, productIds: readonly number[]): Promise<void> {
      await droppedLines.many(productIds.map((productId) => `${cartId}:${productId}`));
    },

    /** Lowers quantities that exceed the stock (K4), keeping what the customer saw before. */
    async capQuantities(cartId: number, caps: { productId: number; quantity: number }[]) {
      for (const cap of caps) {
        await db
          .update(cartItems)
          .set({ quantity: cap.quantity })
          .where(and(eq(cartItems.cartId, cartId), eq(cartItems.productId, cap.productId)));
      }
    },

    /** "I have seen the changes": today's prices and stock become the ones seen. */
    async acknowledgeChanges(cartId: number) {
      await db
        .update(cartItems)
        .set({ priceSeen: sql`${products.price}`, stockSeen: sql`${products.stock}` })
        .from(products)
        .where(and(eq(cartItems.cartId, cartId), eq(products.id, cartItems.productId)));
    },

    /**
     * The owner's lines with their cart's id and each product's main image, in one query: the
     * cart page and every checkout POST read it, and under a checkout race the number of round
     * trips per request is what decides how fast the losers hear they lost.
     */
    async lines(owner: CartOwner): Promise<(CartLineRow & { cartId: number })[]> {
      const rows = ('userId' in owner ? await userLines.one(owner.userId) : await sessionLines.one(owner.sessionKey)) ?? [];
      return rows.map(({ owner: _, imageKey, imageAlt, imageSizes, ...r }) => ({
        ...r,
        image: imageKey === null || imageSizes === null ? null : { storageKey: imageKey, alt: imageAlt ?? '', sizes: imageSizes },
      }));
    },

    /** Units in the owner's cart (the navbar badge): one query, no cart is created. */
    async countUnits(owner: CartOwner): Promise<number> {
      const [row] = await db
        .select({ units: sql<string | number | null>`SUM(${cartItems.quantity})` })
        .from(cartItems)
        .innerJoin(carts, eq(carts.id, cartItems.cartId))
        .where(ownerIs(owner));
      return Number(row?.units ?? 0);
    },

    /**
     * Moves the guest cart into the account cart in one transaction: quantities summed and
     * capped by today's stock; the guest cart is deleted. Lines of sold-out products are
     * dropped here (the cart page would remove them anyway).
     */
    async mergeGuestCart(sessionKey: string, userId: number): Promise<void> {
      await db.transaction(async (tx) => {
        const [guest] = await tx.select({ id: carts.id }).from(carts).where(eq(carts.sessionKey, sessionKey)).limit(1);
        if (!guest) return;
        const guestLines = await tx
          .select({
            productId: cartItems.productId,
            quantity: cartItems.quantity,
            priceSeen: cartItems.priceSeen,
            stockSeen: cartItems.stockSeen,
            stock: products.stock,
          })
          .from(cartItems)
          .innerJoin(products, eq(products.id, cartItems.productId))
          .where(eq(cartItems.cartId, guest.id));
        if (guestLines.length > 0) {
          await tx.insert(carts).values({ userId }).onConflictDoNothing();
          const [account] = await tx.select({ id: carts.id }).from(carts).where(eq(carts.userId, userId)).limit(1);
          const accountId = account!.id;
          const existing = await tx
            .select({ productId: cartItems.productId, quantity: cartItems.quantity })
            .from(cartItems)
            .where(eq(cartItems.cartId, accountId));
          const have = new Map(existing.map((e) => [e.productId, e.quantity]));
          for (const line of guestLines) {
            const quantity = combinedQuantity(have.get(line.productId) ?? 0, line.quantity, line.stock);
            if (quantity <= 0) continue;
            await tx
              .insert(cartItems)
              .values({ cartId: accountId, productId: line.productId, quantity, priceSeen: line.priceSeen, stockSeen: line.stockSeen })
              // The account line keeps the price it was added at; only the quantity changes.
              .onConflictDoUpdate({ target: [cartItems.cartId, cartItems.productId], set: { quantity } });
          }
          await tx.update(carts).set({ updatedAt: new Date() }).where(eq(carts.id, accountId));
        }
        await tx.delete(carts).where(eq(carts.id, guest.id));
      });
    },
  };
}

export type CartRepository = ReturnType<typeof createCartRepository>;
