/** Local Stripe and Midtrans servers for tests: see each file's header for the routes, hosted pages and extras. */
export type { FakeOptions } from './http';
export { startStripeFake, stripeSignature, STRIPE_FAKE_API_VERSION } from './stripe-fake';
export type {
  StripeEvent,
  StripeFake,
  StripePayOutcome,
  StripeRequest,
  StripeSession,
  SendEventOptions,
  SignedDelivery,
} from './stripe-fake';
export { midtransSignature, midtransStatusCode, startMidtransFake } from './midtrans-fake';
export type { FraudStatus, MidtransFake, MidtransRequest, MidtransStatus, MidtransTx, NotifyOptions, SnapOrder } from './midtrans-fake';

import type { MidtransFake } from './midtrans-fake';
import type { StripeFake } from './stripe-fake';

/** The store's environment for the two providers, pointed at the local servers. */
export function paymentEnv(stripe: StripeFake, midtrans: MidtransFake): Record<string, string> {
  return {
    STRIPE_SECRET_KEY: stripe.secretKey,
    STRIPE_WEBHOOK_SECRET: stripe.webhookSecret,
    STRIPE_API_BASE: stripe.url,
    MIDTRANS_SERVER_KEY: midtrans.serverKey,
    MIDTRANS_CLIENT_KEY: midtrans.clientKey,
    MIDTRANS_API_BASE: midtrans.url,
    MIDTRANS_SNAP_BASE: midtrans.snapBase,
  };
}
