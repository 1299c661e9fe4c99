/** Shared by the JSON API tests: tokens made on the account page, and API calls by token or by cookie. */
import type { FastifyInstance } from 'fastify';
import type { TestBrowser } from './accounts-client';

/** Creates a token on the account page like a customer does and returns the secret shown that once. */
export async function createTokenOnPage(b: TestBrowser, name: string, scope: 'read' | 'write'): Promise<string> {
  await b.get('/akun/token-api');
  const res = await b.post('/akun/token-api', { name, scope });
  const secret = /id="new-token"[^>]*value="(hrt_[A-Za-z0-9_-]+)"/.exec(res.body)?.[1];
  if (res.status !== 200 || !secret) throw new Error(`token creation answered ${res.status}`);
  return secret;
}

export interface ApiAnswer {
  status: number;
  json: any;
  headers: Record<string, string | string[] | number | undefined>;
}

/**
 * One API call: with `token` as a bearer, or with `browser`'s cookies (and its CSRF token in the
 * header when `csrf` is true), or anonymous.
 */
export async function api(
  app: FastifyInstance,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  opts: {
    token?: string;
    browser?: TestBrowser;
    csrf?: boolean;
    body?: unknown;
    remoteAddress?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<ApiAnswer> {
  const headers: Record<string, string> = { accept: 'application/json', ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  if (opts.browser) headers.cookie = [...opts.browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  if (opts.browser && opts.csrf) headers['x-csrf-token'] = opts.browser.csrf ?? '';
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  const res = await app.inject({
    method,
    url,
    headers,
    remoteAddress: opts.remoteAddress ?? '203.0.113.77',
    payload: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  let json: unknown;
  try {
    json = res.json();
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, json, headers: res.headers };
}
