/**
 * Answer shapes shared by several operations, as zod schemas with a component id: the document
 * lists each once under `components.schemas` and refers to it. Money is whole rupiah (integers).
 */
import { z } from 'zod';

/** Whole rupiah: integers, never fractions (DESIGN: money). */
export const rupiah = (description: string) => z.int().nonnegative().describe(description);

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe('Stable, machine-readable: validation_failed, invalid_query, unauthenticated, invalid_token, …'),
      message: z.string().describe('For a person; may change'),
      fields: z.record(z.string(), z.string()).optional().describe('Problem per parameter or body field'),
    }),
  })
  .meta({ id: 'Error', description: 'Every failure of the API has this shape' });

export const imageSchema = z
  .object({
    webp: z.string(),
    jpg: z.string(),
    width: z.int(),
    height: z.int(),
    alt: z.string(),
  })
  .meta({ id: 'Thumbnail', description: 'A 320 px rendition' });

export const productSummarySchema = z
  .object({
    id: z.int().describe('The product id the cart operations take'),
    slug: z.string(),
    name: z.string(),
    brand: z.string(),
    model: z.string(),
    price: rupiah('Whole rupiah'),
    price_formatted: z.string().meta({ examples: ['Rp 1.850.000'] }),
    currency: z.literal('IDR'),
    stock_status: z.enum(['in', 'low', 'out']),
    url: z.string().describe('The product page'),
    image: imageSchema.nullable(),
  })
  .meta({ id: 'ProductSummary' });

export const categoryLinkSchema = z.object({ slug: z.string(), name: z.string(), url: z.string() }).meta({ id: 'CategoryLink' });

export interface CategoryJson {
  slug: string;
  name: string;
  url: string;
  children: CategoryJson[];
}

export const categorySchema: z.ZodType<CategoryJson> = z
  .object({
    slug: z.string(),
    name: z.string(),
    url: z.string(),
    get children() {
      return z.array(categorySchema);
    },
  })
  .meta({ id: 'Category' });
