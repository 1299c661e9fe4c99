/**
 * The JSON API (X10): every operation goes into one registry (registry.ts), which validates its
 * requests and from which the OpenAPI document is generated once, on first request.
 */
import type { FastifyInstance } from 'fastify';
import type { CartService } from '../cart/service';
import type { CatalogService } from '../catalog/service';
import type { CheckoutService } from '../checkout/service';
import type { OrdersService } from '../orders/service';
import type { ProductService } from '../product/service';
import { registerCartApi } from './cart-api';
import { registerCatalogApi } from './catalog-api';
import { registerCheckoutApi } from './checkout-api';
import { registerApiDocs } from './docs-routes';
import { buildOpenApiDocument, type OpenApiDocument } from './openapi';
import { registerOrdersApi } from './orders-api';
import { registerProductApi } from './product-api';
import { createApiRegistry } from './registry';

export interface JsonApiDeps {
  catalog: CatalogService;
  products: ProductService;
  cart: CartService;
  checkout: CheckoutService;
  orders: OrdersService;
  suggestPerMinute: number;
}

export function registerJsonApi(app: FastifyInstance, deps: JsonApiDeps) {
  const api = createApiRegistry(app);
  registerCatalogApi(api, deps);
  registerProductApi(api, deps);
  registerCartApi(api, deps);
  registerCheckoutApi(api, deps);
  registerOrdersApi(api, deps);
  let document: OpenApiDocument | undefined;
  registerApiDocs(app, { document: () => (document ??= buildOpenApiDocument(api.operations)) });
}
