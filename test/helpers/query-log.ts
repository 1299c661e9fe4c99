/**
 * The SQL texts a test store sends while `work` runs (every query drizzle prepares, raw ones
 * included), for tests that hold a request to a number of round trips.
 */
import type { TestStore } from './store-app';

export async function queriesDuring(store: TestStore, work: () => Promise<unknown>): Promise<string[]> {
  const texts: string[] = [];
  const session = (store.database.db as unknown as { session: { prepareQuery: (...args: unknown[]) => unknown } }).session;
  const original = session.prepareQuery.bind(session);
  session.prepareQuery = (query: unknown, ...rest: unknown[]) => {
    texts.push((query as { sql: string }).sql);
    return original(query, ...rest);
  };
  try {
    await work();
  } finally {
    session.prepareQuery = original;
  }
  return texts;
}
