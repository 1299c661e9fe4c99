/**
 * `GET /api/v1/checkout/quote`: what ordering the cart would cost now, computed by the checkout
 * service exactly as the checkout page does (today's prices, every active courier priced for these
 * parcels, the free-shipping threshold). Read-only: nothing is reserved or placed.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../lib/errors';
import { cartOwner } from '../cart/service';
import type { CheckoutService } from '../checkout/service';
import { PAYMENT_METHODS } from '../orders/state-machine';
import { cartJson, cartLineSchema, cartNoticeSchema } from './cart-api';
import type { ApiRegistry } from './registry';
import { rupiah } from './schemas';

const shippingOptionSchema = z
  .object({
    code: z.string().describe('Pass as `shipping` to choose this service'),
    courier: z.string(),
    name: z.string(),
    min_days: z.int(),
    max_days: z.int(),
    billable_kg: z.int().describe('max(actual, volumetric) weight, whole kilograms'),
    cost: rupiah('What the courier charges'),
    charge: rupiah('What the customer pays: 0 from the free-shipping threshold'),
  })
  .meta({ id: 'ShippingOption' });

const quoteSchema = z
  .object({
    lines: z.array(cartLineSchema),
    notices: z.array(cartNoticeSchema),
    units: z.int().nonnegative(),
    subtotal: rupiah('Sum of the line totals'),
    shipping_options: z.array(shippingOptionSchema),
    selected_shipping: z.string().nullable().describe('The chosen service, or the cheapest when none was chosen'),
    shipping: rupiah("The selected service's charge").nullable(),
    free_shipping_from: rupiah('Subtotal from which shipping is free').nullable(),
    total: rupiah('subtotal + shipping'),
    currency: z.literal('IDR'),
    payment_methods: z.array(z.enum(PAYMENT_METHODS)).describe('How this order could be paid now'),
  })
  .meta({ id: 'Quote' });

const quoteQuery = z.object({
  shipping: z
    .string()
    .trim()
    .min(1, 'shipping must not be empty')
    .max(40, 'shipping must be a shipping option code')
    .optional()
    .describe('A `code` from `shipping_options`; without it the cheapest is selected'),
});

export function registerCheckoutApi(api: ApiRegistry, deps: { checkout: CheckoutService }) {
  api.route({
    method: 'GET',
    path: '/api/v1/checkout/quote',
    operationId: 'getCheckoutQuote',
    tag: 'checkout',
    summary: 'Price the cart for checkout',
    description: 'Lines, subtotal, every shipping option with its cost for this cart, the selected one and the total. No order is placed.',
    access: 'customer',
    query: quoteQuery,
    success: { description: 'The quote', schema: z.object({ data: quoteSchema }) },
    handler: async ({ request, query }: { request: FastifyRequest; query: z.output<typeof quoteQuery> }) => {
      const quote = await deps.checkout.quote(cartOwner(request), query.shipping, { cheapestByDefault: query.shipping === undefined });
      if (query.shipping !== undefined && !quote.selected && quote.options.length > 0) {
        const message = `shipping must be one of ${quote.options.map((o) => o.code).join(', ')}`;
        throw new AppError('validation_failed', 400, message, { shipping: message });
      }
      const cart = cartJson(quote.cart);
      return {
        data: {
          lines: cart.lines,
          notices: cart.notices,
          units: cart.units,
          subtotal: cart.subtotal,
          shipping_options: quote.options.map((o) => ({
            code: o.code,
            courier: o.courier,
            name: o.name,
            min_days: o.minDays,
            max_days: o.maxDays,
            billable_kg: o.billableKg,
            cost: o.cost,
            charge: o.charge,
          })),
          selected_shipping: quote.selected?.code ?? null,
          shipping: quote.selected?.charge ?? null,
          free_shipping_from: quote.freeShippingFrom,
          total: quote.total,
          currency: 'IDR' as const,
          payment_methods: quote.paymentMethods,
        },
      };
    },
  });
}
