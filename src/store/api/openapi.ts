/**
 * The JSON API's OpenAPI 3.1 description, served at /api/openapi.json and shown at /api/docs.
 * Kept next to the routes it describes; a test checks every documented path answers.
 */
import { MAX_PAGE, MAX_PAGE_SIZE, MAX_PRICE, PAGE_SIZE, SORTS } from '../catalog/schema';
import { MAX_QUERY_LENGTH } from '../../lib/search-terms';

const errorSchema = {
  type: 'object',
  required: ['error'],
  properties: {
    error: {
      type: 'object',
      required: ['code', 'message'],
      properties: {
        code: { type: 'string', examples: ['invalid_query'] },
        message: { type: 'string' },
        fields: { type: 'object', additionalProperties: { type: 'string' }, description: 'Problem per parameter name' },
      },
    },
  },
} as const;

const badRequest = {
  description: 'A parameter is invalid; `fields` names it',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
};

const intParam = (name: string, description: string, minimum: number, maximum: number, fallback?: number) => ({
  name,
  in: 'query',
  required: false,
  description,
  schema: { type: 'integer', minimum, maximum, ...(fallback === undefined ? {} : { default: fallback }) },
});

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Hurtrock Music Store API',
    version: '1.0.0',
    description:
      'Catalog of Hurtrock Music Store, Bandung. Prices are whole Indonesian rupiah (IDR, no decimals). ' +
      'Responses are JSON; errors have the shape `{ error: { code, message, fields } }`.',
  },
  servers: [{ url: '/' }],
  paths: {
    '/api/v1/products': {
      get: {
        summary: 'List and search products',
        description:
          'Active products with the same filters and sorts as the storefront catalog. Search tolerates case, accents and small typos.',
        parameters: [
          {
            name: 'q',
            in: 'query',
            required: false,
            description: 'Search text (name, brand, model, category, description)',
            schema: { type: 'string', maxLength: MAX_QUERY_LENGTH },
          },
          {
            name: 'category',
            in: 'query',
            required: false,
            description: 'Category slug; includes its sub-categories',
            schema: { type: 'string', pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' },
          },
          {
            name: 'brand',
            in: 'query',
            required: false,
            description: 'Brand, repeatable (case-insensitive)',
            schema: { type: 'array', items: { type: 'string' } },
            style: 'form',
            explode: true,
          },
          intParam('min_price', 'Lowest price in rupiah', 0, MAX_PRICE),
          intParam('max_price', 'Highest price in rupiah', 0, MAX_PRICE),
          { name: 'in_stock', in: 'query', required: false, description: 'Only products in stock', schema: { type: 'boolean' } },
          {
            name: 'sort',
            in: 'query',
            required: false,
            description: '`relevance` applies when `q` is given (its default then)',
            schema: { type: 'string', enum: [...SORTS], default: 'recommended' },
          },
          intParam('page', 'Page number', 1, MAX_PAGE, 1),
          intParam('per_page', 'Products per page', 1, MAX_PAGE_SIZE, PAGE_SIZE),
        ],
        responses: {
          '200': {
            description: 'One page of products',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['data', 'meta'],
                  properties: {
                    data: { type: 'array', items: { $ref: '#/components/schemas/ProductSummary' } },
                    meta: {
                      type: 'object',
                      properties: {
                        page: { type: 'integer' },
                        per_page: { type: 'integer' },
                        total: { type: 'integer' },
                        page_count: { type: 'integer' },
                        sort: { type: 'string', enum: [...SORTS] },
                      },
                    },
                  },
                },
              },
            },
          },
          '400': badRequest,
        },
      },
    },
    '/api/v1/products/suggest': {
      get: {
        summary: 'Autocomplete suggestions',
        description:
          'Up to 6 products and 3 categories for what the customer is typing. Fewer than 2 characters give empty lists. ' +
          'Rate limited per client.',
        parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string', maxLength: MAX_QUERY_LENGTH } }],
        responses: {
          '200': {
            description: 'Suggestions',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    query: { type: 'string' },
                    products: { type: 'array', items: { $ref: '#/components/schemas/ProductSummary' } },
                    categories: {
                      type: 'array',
                      items: {
                        type: 'object',
                        properties: { slug: { type: 'string' }, name: { type: 'string' }, url: { type: 'string' } },
                      },
                    },
                  },
                },
              },
            },
          },
          '400': badRequest,
          '429': { description: 'Too many requests' },
        },
      },
    },
    '/api/v1/products/{slug}': {
      get: {
        summary: 'One product',
        description: 'A visible product with its details, category path (root first), images and related products. Stock is live.',
        parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }],
        responses: {
          '200': {
            description: 'The product',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: {
                    data: {
                      allOf: [
                        { $ref: '#/components/schemas/ProductSummary' },
                        {
                          type: 'object',
                          properties: {
                            sku: { type: 'string' },
                            description: { type: 'string' },
                            stock: { type: 'integer' },
                            weight_grams: { type: 'integer' },
                            dimensions_cm: {
                              type: 'object',
                              properties: { length: { type: 'integer' }, width: { type: 'integer' }, height: { type: 'integer' } },
                            },
                            categories: {
                              type: 'array',
                              items: {
                                type: 'object',
                                properties: { slug: { type: 'string' }, name: { type: 'string' }, url: { type: 'string' } },
                              },
                            },
                            images: {
                              type: 'array',
                              items: {
                                type: 'object',
                                properties: {
                                  alt: { type: 'string' },
                                  webp_srcset: { type: 'string' },
                                  jpg_srcset: { type: 'string' },
                                  large_jpg: { type: 'string' },
                                },
                              },
                            },
                            related: { type: 'array', items: { $ref: '#/components/schemas/ProductSummary' } },
                          },
                        },
                      ],
                    },
                  },
                },
              },
            },
          },
          '404': {
            description: 'No visible product has this slug',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
          },
        },
      },
    },
    '/api/v1/categories': {
      get: {
        summary: 'Category tree',
        responses: {
          '200': {
            description: 'Active categories, top level first, with their sub-categories',
            content: {
              'application/json': {
                schema: { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Category' } } } },
              },
            },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Error: errorSchema,
      ProductSummary: {
        type: 'object',
        required: ['slug', 'name', 'brand', 'price', 'currency', 'stock_status', 'url'],
        properties: {
          slug: { type: 'string' },
          name: { type: 'string' },
          brand: { type: 'string' },
          model: { type: 'string' },
          price: { type: 'integer', description: 'Whole rupiah' },
          price_formatted: { type: 'string', examples: ['Rp 1.850.000'] },
          currency: { type: 'string', const: 'IDR' },
          stock_status: { type: 'string', enum: ['in', 'low', 'out'] },
          url: { type: 'string' },
          image: {
            type: ['object', 'null'],
            properties: {
              webp: { type: 'string' },
              jpg: { type: 'string' },
              width: { type: 'integer' },
              height: { type: 'integer' },
              alt: { type: 'string' },
            },
          },
        },
      },
      Category: {
        type: 'object',
        properties: {
          slug: { type: 'string' },
          name: { type: 'string' },
          url: { type: 'string' },
          children: { type: 'array', items: { $ref: '#/components/schemas/Category' } },
        },
      },
    },
  },
};

export type OpenApiDocument = typeof openApiDocument;
