/**
 * Wires the accounts area into the app: sessions, the role guard and the CSRF hook (which every
 * later area relies on) first, the accounts pages last.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config';
import type { StoreDb } from '../../db/store-db';
import { enqueueEmail } from '../mail/service';
import { type FailureCounter, memoryFailureCounter, redisFailureCounter } from '../../lib/rate-limit';
import type { RedisClient } from '../../lib/redis';
import { registerAuth } from '../plugins/auth';
import { registerCsrf } from '../plugins/csrf';
import { registerSessions } from '../plugins/session';
import { registerAccountRoutes } from './account-routes';
import { createAccountsRepository } from './repository';
import { type AuthRoutesDeps, registerAuthRoutes } from './routes';
import { createAccountsService } from './service';
import { dbSessionStore } from '../plugins/session-repository';
import { createSecretBox } from '../../lib/secret-box';
import { createTwoFactorRepository } from './two-factor/repository';
import { createTwoFactorService } from './two-factor/service';
import { redisSessionStore } from '../plugins/session-store';

export interface AccountsSetupDeps {
  db: StoreDb;
  redis?: RedisClient;
  config: Pick<Config, 'sessionSecret' | 'httpsOnly' | 'store'>;
  /** Called after an email is queued, so the worker sends it now rather than at its next tick. */
  onEmailQueued?: () => void;
  /** Tests use a counter they can inspect or a stricter policy. */
  loginFailures?: FailureCounter;
  /** Runs after a login or registration (the cart merges the guest's items, guest orders join). */
  afterLogin?: AuthRoutesDeps['afterLogin'];
  afterEmailVerified?: AuthRoutesDeps['afterEmailVerified'];
  /** Whether the shop requires two-factor sign-in for staff and admins (read from the shop settings). */
  requireStaffTwoFactor: () => Promise<boolean>;
  /** Time for TOTP codes (tests fix it). */
  clock?: () => Date;
}

/** Call after the locale plugin and before any route is registered. */
export function setupAccounts(app: FastifyInstance, deps: AccountsSetupDeps) {
  const repo = createAccountsRepository(deps.db);
  const twoFactor = createTwoFactorService({
    repo: createTwoFactorRepository(deps.db),
    // Its own key, derived from the session secret: rotating the session secret means re-enrolling.
    box: createSecretBox(deps.config.sessionSecret, 'totp-secret'),
    requiredForStaff: deps.requireStaffTwoFactor,
    clock: deps.clock,
  });
  const accounts = createAccountsService({
    twoFactor,
    repo,
    secret: deps.config.sessionSecret,
    publicUrl: deps.config.store.publicUrl,
    sendEmail: async (email) => {
      await enqueueEmail(deps.db, email);
      deps.onEmailQueued?.();
    },
    loginFailures: deps.loginFailures ?? (deps.redis ? redisFailureCounter(deps.redis) : memoryFailureCounter()),
  });
  registerSessions(app, {
    store: deps.redis ? redisSessionStore(deps.redis) : dbSessionStore(deps.db),
    loadUser: accounts.loadUser,
    saveLocale: accounts.saveLocale,
    secureCookies: deps.config.httpsOnly,
  });
  // Order matters: who you are (guard) is answered before whether the form is genuine (CSRF).
  registerAuth(app);
  registerCsrf(app);
  return {
    accounts,
    twoFactor,
    registerRoutes() {
      registerAuthRoutes(app, { accounts, afterLogin: deps.afterLogin, afterEmailVerified: deps.afterEmailVerified });
      registerAccountRoutes(app, { accounts });
    },
  };
}
