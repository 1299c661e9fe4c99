/**
 * A tiny cookie-keeping browser over `app.inject()` for the accounts tests: it remembers cookies,
 * reads the CSRF token from the last page, and posts forms the way a browser would.
 */
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { users, type UserRole } from '../../src/db/schema';
import type { StoreDb } from '../../src/db/store-db';
import { hashPassword } from '../../src/lib/passwords';

export interface Answer {
  status: number;
  body: string;
  headers: Record<string, string | string[] | number | undefined>;
  location: string | undefined;
}

export class TestBrowser {
  cookies = new Map<string, string>();
  csrf: string | undefined;
  constructor(
    private app: FastifyInstance,
    private remoteAddress = '203.0.113.10',
  ) {}

  private cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: {
    headers: Record<string, unknown>;
    cookies: Array<{ name: string; value: string; maxAge?: number; expires?: Date }>;
  }) {
    for (const c of res.cookies) {
      const expired = c.maxAge === 0 || (c.expires && c.expires.getTime() <= Date.now()) || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
  }

  async request(
    method: 'GET' | 'POST',
    url: string,
    opts: { form?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.remoteAddress,
      headers: {
        cookie: this.cookieHeader(),
        ...(opts.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...opts.headers,
      },
      payload: opts.form ? new URLSearchParams(opts.form).toString() : undefined,
    });
    this.remember(res);
    const body = res.body;
    const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1];
    if (token) this.csrf = token;
    return { status: res.statusCode, body, headers: res.headers, location: res.headers.location as string | undefined };
  }

  get(url: string, headers?: Record<string, string>) {
    return this.request('GET', url, { headers });
  }

  /** Posts a form with the CSRF token of the last page seen (unless `_csrf` is given). */
  post(url: string, form: Record<string, string> = {}, headers?: Record<string, string>) {
    return this.request('POST', url, { form: { _csrf: this.csrf ?? '', ...form }, headers });
  }

  /** Logs in like a browser: the login page, the form, then the page it redirects to (new session, new token). */
  async login(email: string, password: string, extra: Record<string, string> = {}) {
    await this.get('/masuk');
    const res = await this.post('/masuk', { email, password, ...extra });
    if (res.status === 303 && res.location?.startsWith('/')) await this.get(res.location);
    return res;
  }
}

export const PASSWORD = 'Distorsi-Gitar-2026';

export async function createUser(
  db: StoreDb,
  opts: { email: string; role?: UserRole; name?: string; password?: string; active?: boolean },
) {
  const [row] = await db
    .insert(users)
    .values({
      email: opts.email,
      name: opts.name ?? 'Test User',
      passwordHash: await hashPassword(opts.password ?? PASSWORD),
      role: opts.role ?? 'customer',
      isActive: opts.active ?? true,
      emailVerifiedAt: new Date(),
    })
    .returning();
  return row!;
}

export async function deactivate(db: StoreDb, id: number) {
  await db.update(users).set({ isActive: false }).where(eq(users.id, id));
}

/** The newest queued email to `to`, and the first link in it (made relative to the store). */
export async function lastEmail(db: StoreDb, to: string) {
  const { emailOutbox } = await import('../../src/db/schema');
  const { desc } = await import('drizzle-orm');
  const [row] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, to)).orderBy(desc(emailOutbox.id)).limit(1);
  if (!row) return undefined;
  const url = /https?:\/\/\S+/.exec(row.textBody)?.[0];
  return { ...row, link: url ? url.replace(/^https?:\/\/[^/]+/, '') : undefined };
}
