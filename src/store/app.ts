/**
 * Builds the store's Fastify app: plugins first, then each business area's routes.
 * main.ts listens; tests call `app.inject()` on the same app.
 */
import compress from '@fastify/compress';
import cookie from '@fastify/cookie';
import formbody from '@fastify/formbody';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { Config } from '../config';
import type { StoreDbHandle } from '../db/store-db';
import type { JobOutcome } from '../lib/jobs';
import { loggerOptions, requestId } from '../lib/logger';
import { lazyChildLoggerFactory } from '../lib/lazy-child-logger';
import { closeConnectionsAfterAnswer } from '../lib/shutdown';
import type { RedisClient } from '../lib/redis';
import { createUploadStores, type UploadStores } from '../lib/storage/uploads';
import { setupAccounts } from './accounts/setup';
import { registerCartRoutes } from './cart/routes';
import { setupCheckout } from './checkout/setup';
import { registerOrderRoutes } from './orders/routes';
import { registerTransferProofRoutes } from './orders/transfer-proof';
import { createPendingImports } from './product-import/pending';
import { registerCatalogRoutes } from './catalog/routes';
import { registerInvitationRoutes } from './users/invitation-routes';
import { registerChatRoutes } from './chat/routes';
import { createChatTokenService } from './chat/service';
import { setupApi } from './api-setup';
import { setupBackOffice } from './back-office-setup';
import { createShopServices } from './shop-services';
import { registerHealthRoutes, storeReadinessChecks } from './health/routes';
import { registerHomeRoutes } from './home/routes';
import { registerErrorHandling } from './plugins/errors';
import { registerLocale } from './plugins/locale';
import { registerPages } from './plugins/pages';
import { registerProductRoutes } from './product/routes';
import { registerRateLimit } from './plugins/rate-limit';
import { embeddingPolicies, registerSecurityHeaders } from './plugins/security-headers';
import { registerStaticFiles } from './plugins/static-files';
import { registerMediaFiles } from './plugins/media-files';
import { createRenditionUpkeep } from './media/renditions';
import { createImageKinds } from './media/repository';
import { createSeoRepository } from './seo/repository';
import { registerSeoRoutes } from './seo/routes';
import { createSeoService } from './seo/service';
import { registerStorePageRoutes } from './store-page/routes';
import { loadAssetUrls } from './ui/assets';
import { brotliTextOptions, COMPRESS_THRESHOLD, ONE_OFF_BROTLI_QUALITY } from './ui/page-encoding';
import { fallbackErrorHtml } from './ui/render';
import { sendError } from '../lib/errors';
import { cartOwner } from './cart/service';
import { paymentPageOrigins } from './payments/provider-settings';
import { setupPayments } from './payments/setup';
import { createMetricsRepository } from './metrics/repository';
import { createStoreMetrics } from './metrics/registry';
import { registerMetrics } from './metrics/routes';
import { REMEMBER_MS } from './plugins/session';

/** The largest request body the store reads (forms and JSON); uploads have their own limits. */
const FORM_BODY_LIMIT = 1024 * 1024;

export interface StoreAppDeps {
  config: Config;
  database: StoreDbHandle;
  redis?: RedisClient;
  /** The upload stores (main.ts shares its own with start-up); made from the configuration when absent. */
  uploads?: UploadStores;
  /** Set false in tests to keep output quiet. */
  logger?: boolean;
  /** Current time for time-dependent pages ("open now" on /toko); tests fix it. */
  clock?: () => Date;
  /** Wakes the email worker after an email is queued (main.ts); tests drain the outbox themselves. */
  onEmailQueued?: () => void;
  /** More routes inside the admin area, under its guard (tests register probe routes here). */
  adminRoutes?: (admin: FastifyInstance) => void;
}

/**
 * Requests the router cannot even parse (broken percent-encoding such as `/produk/%E0%A4%A`)
 * arrive before any plugin ran: answer with a plain, self-contained 400 instead of Fastify's
 * JSON that repeats the path.
 */
function answerMalformedRequest(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  reply
    .header('x-request-id', request.id)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', "default-src 'none'; frame-ancestors 'none'");
  if (request.url.startsWith('/api/')) {
    return sendError(reply, 'bad_url', status, 'The address is not valid.');
  }
  return reply.code(status).type('text/html; charset=utf-8').send(fallbackErrorHtml(status, request.id));
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Background work the process runs on a timer (main.ts) and tests call directly. */
    maintenance: {
      expireOrders(): Promise<number>;
      /** Asks the providers about open payments whose notification never came; returns how many changed. */
      reconcilePayments(): Promise<number>;
      /** Deletes sessions past their idle or remember-me time. */
      purgeSessions(): Promise<void>;
      /** Deletes upload leftovers past their time (product-import sheets waiting for "apply"); returns how many. */
      pruneUploads(): Promise<number>;
      /** Adds the widths added since to a few images stored before them (media/renditions.ts); returns how many. */
      completeRenditions(): Promise<number>;
      /** After each background job run (the scheduler in main.ts): the job metrics, when on. */
      jobRan?(job: string, outcome: JobOutcome): void;
    };
  }
}

export async function buildStoreApp({
  config,
  database,
  redis,
  uploads: givenUploads,
  logger = true,
  onEmailQueued,
  clock,
  adminRoutes,
}: StoreAppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? loggerOptions('store', config.logLevel) : false,
    genReqId: requestId,
    childLoggerFactory: lazyChildLoggerFactory,
    trustProxy: config.trustProxy,
    bodyLimit: FORM_BODY_LIMIT,
    // Keep-alive connections are closed on shutdown so it never hangs.
    forceCloseConnections: 'idle',
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 200 },
    frameworkErrors: answerMalformedRequest,
  });
  closeConnectionsAfterAnswer(app);
  // Set first thing, so every response (error pages included) carries it.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });

  const headerOptions = { production: config.httpsOnly, formActionOrigins: paymentPageOrigins(config) };
  registerSecurityHeaders(app, headerOptions);
  // Pages that embed a payment provider's popup get their own policy.
  const embeddingPolicy = embeddingPolicies(headerOptions);
  await app.register(compress, { threshold: COMPRESS_THRESHOLD, brotliOptions: brotliTextOptions(ONE_OFF_BROTLI_QUALITY) });
  await app.register(cookie, { secret: config.sessionSecret });
  // Forms are read up to the app's 1 MB: a pasted essay in one field must come back as that form
  // with a "too long" message beside the field (each schema caps its fields), not as an error page
  // that loses everything typed. Beyond 1 MB the "too large" page answers.
  await app.register(formbody, { bodyLimit: FORM_BODY_LIMIT });
  await registerStaticFiles(app);
  // Uploads live in a folder or an S3 bucket (STORAGE_DRIVER): every instance serves every image.
  const uploads = givenUploads ?? createUploadStores(config.uploadDir, config.storage);
  if (!givenUploads) app.addHook('onClose', () => uploads.close());
  await registerMediaFiles(app, { media: uploads.media });
  await registerRateLimit(app, { redis });

  const db = database.db;
  // Prometheus metrics only when a token is configured: otherwise nothing is timed or counted.
  const metricsRepo = createMetricsRepository(db);
  const metrics = config.metricsToken ? createStoreMetrics({ outbox: metricsRepo.outbox, jobs: metricsRepo.jobs }) : undefined;
  if (metrics) registerMetrics(app, { metrics, token: config.metricsToken! });
  const { transaction, settings, stock, profiles, catalog, products, cart, orders, users } = createShopServices({
    db,
    config,
    metrics,
    onEmailQueued,
    clock,
  });
  const paymentsArea = setupPayments(app, { db, config, orders, settings, clock, embeddingPolicy, observe: metrics?.paymentEvent });
  const checkoutArea = setupCheckout(app, {
    db,
    cart,
    settings,
    orders,
    stock,
    onlineMethods: () => paymentsArea.payments.available(),
    clock,
    stockRefused: metrics?.stockRefused,
  });
  const { checkout } = checkoutArea;

  registerLocale(app, { secureCookies: config.httpsOnly });
  // Sessions, the role guard and CSRF: before any route, so every route is covered.
  const accountsArea = setupAccounts(app, {
    db,
    redis,
    config,
    onEmailQueued,
    // At login the guest's cart joins the account's (K1); a verified email brings its guest orders (P0).
    afterLogin: async ({ guestSessionKey, user }) => {
      if (guestSessionKey) await cart.mergeGuestCart(guestSessionKey, user.id);
      if (user.emailVerified) await orders.claimGuestOrders(user.id, user.email);
    },
    afterEmailVerified: async (userId) => {
      const user = await accountsArea.accounts.profile(userId);
      if (user) await orders.claimGuestOrders(userId, user.email);
    },
    requireStaffTwoFactor: async () => (await settings.get()).requireStaffTwoFactor,
    clock,
  });
  // After the sessions: a bearer token on /api/v1/ replaces the cookie's user for that request.
  const apiArea = setupApi(app, { db, transaction, config, loadUser: accountsArea.accounts.loadUser, clock });
  registerPages(app, { assets: loadAssetUrls(), profiles, cartUnits: (request) => cart.count(cartOwner(request)) });
  registerErrorHandling(app);

  registerHealthRoutes(app, storeReadinessChecks({ database, redis, chatHealthUrl: config.chat.healthUrl }));
  registerHomeRoutes(app, { catalog });
  registerCatalogRoutes(app, { catalog });
  const publicUrl = config.store.publicUrl;
  registerProductRoutes(app, { products, publicUrl });
  apiArea.registerJsonApi({ catalog, products, cart, checkout, orders });
  registerCartRoutes(app, { cart, shippingEstimate: (view) => checkout.cheapestShipping(view) });
  checkoutArea.registerRoutes({ accounts: accountsArea.accounts, payOnline: paymentsArea.afterCheckout });
  registerOrderRoutes(app, { orders, settings, cart, profiles, clock, payment: paymentsArea.paymentPart });
  paymentsArea.registerRoutes();
  registerTransferProofRoutes(app, { orders, proofs: uploads.private });
  registerStorePageRoutes(app, { profiles, publicUrl, clock });
  registerSeoRoutes(app, { seo: createSeoService({ seo: createSeoRepository(db), publicUrl }) });
  accountsArea.registerRoutes();
  apiArea.registerTokenRoutes();
  registerInvitationRoutes(app, { users });
  const pendingImports = createPendingImports(uploads.private, clock);
  app.decorate('maintenance', {
    expireOrders: () => orders.expireDue(),
    reconcilePayments: () => paymentsArea.payments.reconcile(),
    purgeSessions: () => app.sessions.store.purgeExpired(REMEMBER_MS),
    pruneUploads: () => pendingImports.prune(),
    completeRenditions: createRenditionUpkeep({ media: uploads.media, kinds: createImageKinds(db) }),
    jobRan: metrics?.jobRan,
  });
  await setupBackOffice(app, {
    db,
    transaction,
    config,
    uploads,
    catalog,
    products,
    profiles,
    stock,
    orders,
    settings,
    accounts: accountsArea.accounts,
    twoFactor: accountsArea.twoFactor,
    payments: { admin: paymentsArea.admin, payments: paymentsArea.payments },
    users,
    pendingImports,
    checkoutReadsChanged: checkoutArea.readsChanged,
    clock,
    extraRoutes: adminRoutes,
  });
  await registerChatRoutes(app, {
    tokens: createChatTokenService({ secret: config.chatTokenSecret }),
    chatUrl: config.chat.url,
    publicUrl: config.store.publicUrl,
    trustForwardedHost: config.trustProxy !== false,
  });

  return app;
}
