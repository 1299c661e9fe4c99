/** The parts of `midtrans-client` (it ships no types) the payments area uses. */
declare module 'midtrans-client' {
  interface Keys {
    isProduction: boolean;
    serverKey: string;
    clientKey?: string;
  }
  type Json = Record<string, unknown>;
  class Transaction {
    status(orderId: string): Promise<Json>;
    refund(orderId: string, parameter: Json): Promise<Json>;
  }
  export class Snap {
    constructor(keys: Keys);
    transaction: Transaction;
    createTransaction(parameter: Json): Promise<{ token: string; redirect_url: string }>;
  }
  export class MidtransError extends Error {
    httpStatusCode: number | string | null;
    ApiResponse: unknown;
  }
  const midtrans: { Snap: typeof Snap; MidtransError: typeof MidtransError };
  export default midtrans;
}

declare module 'midtrans-client/lib/apiConfig.js' {
  const ApiConfig: {
    CORE_SANDBOX_BASE_URL: string;
    CORE_PRODUCTION_BASE_URL: string;
    SNAP_SANDBOX_BASE_URL: string;
    SNAP_PRODUCTION_BASE_URL: string;
  };
  export default ApiConfig;
}
