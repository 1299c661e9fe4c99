/**
 * The caller's cart (`/api/v1/cart…`): the same cart the shop's pages show for the account, with
 * every rule in the cart service (stock caps, inactive products leaving, today's prices). The
 * answer to every change is the whole cart, priced by the server.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../lib/errors';
import { type CartNotice, type CartResult, type CartService, type CartView, cartOwner } from '../cart/service';
import type { CartOwner } from '../cart/types';
import { thumbnail } from './catalog-api';
import type { ApiRegistry } from './registry';
import { imageSchema, rupiah } from './schemas';

export const cartLineSchema = z
  .object({
    product_id: z.int(),
    slug: z.string(),
    name: z.string(),
    brand: z.string(),
    unit_price: rupiah("Today's price of one unit"),
    quantity: z.int().positive(),
    max_quantity: z.int().describe('Units in stock: the most this line can hold'),
    line_total: rupiah('unit_price × quantity'),
    price_changed_from: rupiah('The price when the line was added')
      .nullable()
      .describe('Set when the price changed since the line was added'),
    image: imageSchema.nullable(),
  })
  .meta({ id: 'CartLine' });

export const cartNoticeSchema = z
  .object({
    kind: z.enum(['removedInactive', 'removedSoldOut', 'capped', 'addCapped']),
    name: z.string().describe('The product concerned'),
    quantity: z.int().optional().describe('The quantity the line now holds (capped, addCapped)'),
  })
  .meta({ id: 'CartNotice', description: 'A change the server made to the cart (shown once)' });

const cartSchema = z
  .object({
    lines: z.array(cartLineSchema),
    units: z.int().nonnegative(),
    subtotal: rupiah('Sum of the line totals'),
    currency: z.literal('IDR'),
    notices: z.array(cartNoticeSchema),
  })
  .meta({ id: 'Cart' });

const productId = z.int({ error: 'product_id must be a whole number' }).min(1, 'product_id must be positive').max(999_999_999);
const quantity = z
  .int({ error: 'quantity must be a whole number' })
  .min(1, 'quantity must be at least 1')
  .max(999_999, 'quantity is too large');
const lineParams = z.object({
  product_id: z
    .string()
    .regex(/^[1-9]\d{0,8}$/, 'product_id must be a product id')
    .transform(Number)
    .describe('The product id of the line'),
});

export function cartJson(view: CartView, extra: CartNotice[] = []): z.input<typeof cartSchema> {
  return {
    lines: view.lines.map((l) => ({
      product_id: l.productId,
      slug: l.slug,
      name: l.name,
      brand: l.brand,
      unit_price: l.unitPrice,
      quantity: l.quantity,
      max_quantity: l.maxQuantity,
      line_total: l.lineTotal,
      price_changed_from: l.priceChange?.from ?? null,
      image: thumbnail(l.image, l.name),
    })),
    units: view.units,
    subtotal: view.subtotal,
    currency: 'IDR',
    notices: [...extra, ...view.notices].map((n) => ({
      kind: n.kind,
      name: n.name,
      ...(n.kind === 'capped' ? { quantity: n.to } : n.kind === 'addCapped' ? { quantity: n.quantity } : {}),
    })),
  };
}

/** The cart service's refusal as an API error; the field names are the API's. */
function refusal(result: Extract<CartResult, { ok: false }>, productField: string): AppError {
  if (result.field === 'product') {
    const message = result.problem === 'notFound' ? 'No such product in the catalog or in the cart' : 'Not a product id';
    return new AppError(
      result.problem === 'notFound' ? 'not_found' : 'validation_failed',
      result.problem === 'notFound' ? 404 : 400,
      message,
      {
        [productField]: message,
      },
    );
  }
  const message =
    result.problem === 'soldOut' ? 'The product is sold out' : result.problem === 'tooMany' ? 'More than the stock' : 'Not a quantity';
  return new AppError(
    result.problem === 'invalid' ? 'validation_failed' : 'insufficient_stock',
    result.problem === 'invalid' ? 400 : 409,
    message,
    {
      quantity: message,
    },
  );
}

export function registerCartApi(api: ApiRegistry, deps: { cart: CartService }) {
  const { cart } = deps;
  // Every operation is for a signed-in account, so the cart is always the account's.
  const owner = (request: FastifyRequest) => cartOwner(request) as CartOwner;
  const answer = async (request: FastifyRequest, extra: CartNotice[] = []) => ({ data: cartJson(await cart.view(owner(request)), extra) });
  const success = { description: 'The cart as it is now', schema: z.object({ data: cartSchema }) };

  api.route({
    method: 'GET',
    path: '/api/v1/cart',
    operationId: 'getCart',
    tag: 'cart',
    summary: 'The cart',
    description: "Lines at today's prices; products that became inactive or sold out leave the cart, once, with a notice.",
    access: 'customer',
    success,
    handler: ({ request }) => answer(request),
  });

  api.route({
    method: 'POST',
    path: '/api/v1/cart/items',
    operationId: 'addCartItem',
    tag: 'cart',
    summary: 'Add a product',
    description: 'Adds to the line of that product if there is one; the line never holds more than the stock (a notice says so).',
    access: 'customer',
    body: z.object({ product_id: productId, quantity: quantity.default(1) }),
    success,
    errors: { 404: 'No active product has this id', 409: 'Sold out, or more than the stock (`insufficient_stock`)' },
    handler: async ({ request, body }) => {
      const result = await cart.add(owner(request), body.product_id, body.quantity);
      if (!result.ok) throw refusal(result, 'product_id');
      return answer(request, result.notices);
    },
  });

  api.route({
    method: 'PATCH',
    path: '/api/v1/cart/items/:product_id',
    operationId: 'setCartItemQuantity',
    tag: 'cart',
    summary: "Change a line's quantity",
    access: 'customer',
    params: lineParams,
    body: z.object({ quantity }),
    success,
    errors: { 404: 'The cart has no line for this product', 409: 'More than the stock (`insufficient_stock`)' },
    handler: async ({ request, params, body }) => {
      const result = await cart.setQuantity(owner(request), params.product_id, body.quantity);
      if (!result.ok) throw refusal(result, 'product_id');
      return answer(request, result.notices);
    },
  });

  api.route({
    method: 'DELETE',
    path: '/api/v1/cart/items/:product_id',
    operationId: 'removeCartItem',
    tag: 'cart',
    summary: 'Remove a line',
    access: 'customer',
    params: lineParams,
    success,
    errors: { 404: 'The cart has no line for this product' },
    handler: async ({ request, params }) => {
      const result = await cart.remove(owner(request), params.product_id);
      if (!result.ok) throw refusal(result, 'product_id');
      return answer(request);
    },
  });
}
