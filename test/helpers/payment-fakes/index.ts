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
