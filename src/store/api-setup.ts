/**
 * Wires the customer JSON API (X10) into the store: personal access tokens, the bearer check and
 * per-token rate limit on `/api/v1/`, the API's operations with their OpenAPI document and docs
 * page, and the account page's token section.
 *
 * It lives beside app.ts rather than in an area folder because it joins two areas (api and
 * api-tokens) through their repositories and routes, which only the composition root may reach
 * (.dependency-cruiser.cjs). app.ts calls it once, right after the sessions, and registers the
 * routes later at their place among the others (Fastify hooks and plugins are order sensitive).
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import type { RunInTransaction, StoreDb } from '../db/store-db';
import type { AccountsService } from './accounts/service';
import { type JsonApiDeps, registerJsonApi } from './api/routes';
import { createApiTokenRepository } from './api-tokens/repository';
import { registerApiTokenRoutes } from './api-tokens/routes';
import { readBearer, scopeAllows } from './api-tokens/secret';
import { createApiTokenService } from './api-tokens/service';
import { registerApiAuth } from './plugins/api-auth';

export interface ApiSetupDeps {
  db: StoreDb;
  transaction: RunInTransaction;
  config: Pick<Config, 'apiRateLimit' | 'suggestRateLimit'>;
  /** Who a token's owner is now (a deactivated account's tokens stop working with it). */
  loadUser: AccountsService['loadUser'];
  clock?: () => Date;
}

/** Call after the sessions (setupAccounts): a bearer token on /api/v1/ replaces the cookie's user for that request. */
export function setupApi(app: FastifyInstance, deps: ApiSetupDeps) {
  const tokens = createApiTokenService({ repo: createApiTokenRepository(deps.db), transaction: deps.transaction, clock: deps.clock });
  registerApiAuth(app, {
    readBearer,
    authenticate: (secret) => tokens.authenticate(secret),
    scopeAllows,
    loadUser: deps.loadUser,
    perMinute: deps.config.apiRateLimit,
  });
  return {
    tokens,
    /** The `/api/v1/` operations, `/api/openapi.json` and `/api/docs`. */
    registerJsonApi: (services: Omit<JsonApiDeps, 'suggestPerMinute'>) =>
      registerJsonApi(app, { ...services, suggestPerMinute: deps.config.suggestRateLimit }),
    /** The account page's token section (`/akun/token-api`), with the other account pages. */
    registerTokenRoutes: () => registerApiTokenRoutes(app, { tokens }),
  };
}
