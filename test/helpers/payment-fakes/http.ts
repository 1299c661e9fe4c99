/**
 * Small node:http plumbing shared by the payment provider fakes: body reading, JSON and redirect answers,
 * listening on a (free) loopback port, and a tracker for webhooks sent in the background so close() can wait for them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeOptions {
  /** Port to listen on, 0 (the default) for a free one. */
  port?: number;
}

/** The body as text; providers' own limits are far above anything a test sends, so 1 MB is plenty. */
export async function readBody(req: http.IncomingMessage, limit = 1024 * 1024): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new Error('body too large');
    chunks.push(buf);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendHtml(res: http.ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
  res.end(html);
}

/** 303 so the browser follows with GET after a form POST, as the hosted pages do. */
export function redirect(res: http.ServerResponse, location: string): void {
  res.writeHead(303, { location, 'content-length': 0 });
  res.end();
}

export interface Listening {
  server: http.Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Starts the server on 127.0.0.1; handler errors become a 500 instead of a hung request. */
export async function listen(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>,
  opts: FakeOptions = {},
): Promise<Listening> {
  const server = http.createServer((req, res) => {
    handler(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: { type: 'api_error', message: String(err) } });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

/** Webhooks a provider sends after answering (refund events): tracked so tests and close() can await them. */
export class Background {
  private readonly pending = new Set<Promise<unknown>>();
  run(task: () => Promise<unknown>): void {
    const p = task()
      .catch(() => undefined)
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}

/** POSTs a JSON body (exact bytes given) and answers the HTTP status; 0 when nothing answered (store down). */
export async function postJson(url: string, raw: string, headers: Record<string, string>): Promise<number> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
      body: raw,
      redirect: 'manual',
    });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}
