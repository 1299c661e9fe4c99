/**
 * The SQL texts a test store sends while `work` runs, for tests that hold a request to a number of
 * round trips. Taken where drizzle hands a query to the driver (node-postgres' pool, PGlite), so
 * statements built once and prepared are counted each time they run. Queries inside a transaction
 * go through its own connection and are not counted.
 */
import type { TestStore } from './store-app';

type QueryFn = (query: unknown, ...rest: unknown[]) => unknown;

export async function queriesDuring(store: TestStore, work: () => Promise<unknown>): Promise<string[]> {
  const texts: string[] = [];
  const client = (store.database.db as unknown as { $client: { query: QueryFn } }).$client;
  const original = client.query;
  client.query = function (this: unknown, query: unknown, ...rest: unknown[]) {
    texts.push(typeof query === 'string' ? query : String((query as { text?: string }).text));
    return original.call(this, query, ...rest);
  };
  try {
    await work();
  } finally {
    client.query = original;
  }
  return texts;
}
