/**
 * The single executable (`npm run package` → dist/pkg/hurtrock) on a server without Node.js: an
 * empty data folder, production mode, both services under the launcher. Everything a shop needs
 * from the natives and embedded files is exercised once: sample images (sharp, in the store),
 * typo search (PGlite + pg_trgm), an invoice PDF (pdfkit's fonts), a chat image (sharp, in the
 * chat service) and a chat message through the store's proxy (Socket.IO).
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePorts } from '../helpers/free-ports';
import { canSandbox, executable, root, runInSandbox, spawnWithoutNode } from './sandbox';

const work = mkdtempSync(path.join(os.tmpdir(), 'hurtrock-package-'));
const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version as string;
let base = '';
let server: ChildProcess | undefined;
let output = '';

function environment(ports: number[]): Record<string, string> {
  mkdirSync(path.join(work, 'tmp'), { recursive: true });
  return {
    HOME: work,
    // An empty temporary folder: the sample drawings are rendered by sharp, not taken from another run's cache.
    TMPDIR: path.join(work, 'tmp'),
    XDG_CACHE_HOME: path.join(work, 'cache'),
    DATA_DIR: path.join(work, 'data'),
    PORT: String(ports[0]),
    CHAT_PORT: String(ports[1]),
    SESSION_SECRET: randomBytes(36).toString('base64url'),
    CHAT_TOKEN_SECRET: randomBytes(36).toString('base64url'),
    ADMIN_PASSWORD: 'korg-nautilus-88-bandung',
    // Production mode (the executable's default) over plain HTTP on loopback, with the sample catalogue.
    ALLOW_HTTP: 'true',
    SAMPLE_DATA: 'true',
    LOG_LEVEL: 'warn',
  };
}

async function waitHealthy(url: string, timeoutMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < timeoutMs) {
    if (server?.exitCode !== null && server?.exitCode !== undefined) throw new Error(`the executable exited:\n${output}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(1_000) })).status === 200) return Date.now() - started;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${url} not healthy after ${timeoutMs} ms:\n${output}`);
}

/** A browser's cookie jar, enough for sessions and CSRF. */
class Jar {
  private cookies = new Map<string, string>();
  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(base + url, { ...init, headers, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq).trim(), pair!.slice(eq + 1).trim());
    }
    return res;
  }
}

const sandboxed = canSandbox();
if (!sandboxed) console.warn('test:package needs root and unshare to hide Node.js; skipping the executable checks');

describe.skipIf(!sandboxed || !existsSync(executable))('the executable, with no Node.js reachable', () => {
  beforeAll(async () => {
    const ports = await freePorts(2);
    base = `http://127.0.0.1:${ports[0]}`;
    server = spawnWithoutNode(executable, [], { env: environment(ports), cwd: work });
    server.stdout!.on('data', (d) => (output += d));
    server.stderr!.on('data', (d) => (output += d));
    const ms = await waitHealthy(`${base}/healthz`, 150_000);
    console.log(`first 200 on /healthz ${ms} ms after start (new data folder)`);
  });

  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(work, { recursive: true, force: true });
  });

  it('really has no node to fall back on', () => {
    expect(runInSandbox('command -v node', work).status).not.toBe(0);
    expect(runInSandbox(`${process.execPath} --version`, work).status).not.toBe(0);
  });

  it('prints its version and help', () => {
    const printed = runInSandbox(`${executable} --version`, work);
    expect(printed).toEqual({ status: 0, output: `${version}\n` });
    expect(runInSandbox(`${executable} --help`, work).output).toMatch(/hurtrock \[command\][\s\S]*migrate/);
  });

  it('refuses unsafe production settings, one line per problem, with exit code 78', () => {
    const env = `XDG_CACHE_HOME=${path.join(work, 'cache')} DATA_DIR=${path.join(work, 'refused')} STRIPE_SECRET_KEY=sk_test_1`;
    const refused = runInSandbox(`${env} ${executable} store`, work);
    expect(refused.status).toBe(78);
    expect(
      refused.output
        .trim()
        .split('\n')
        .map((l) => l.split(':')[1]?.trim()),
    ).toEqual(['SESSION_SECRET', 'CHAT_TOKEN_SECRET', 'PUBLIC_URL', 'STRIPE_SECRET_KEY']);
  });

  it('serves the home page with product images, styles and vendor files', async () => {
    const home = await fetch(`${base}/`);
    expect(home.status).toBe(200);
    const html = await home.text();
    const image = /<img[^>]+src="(\/media\/products\/[^"]+)"/.exec(html)?.[1];
    expect(image).toBeDefined();
    const picture = await fetch(base + image);
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toMatch(/^image\//);
    const files = [...html.matchAll(/(?:href|src)="(\/(?:assets|vendor|static)\/[^"]+)"/g)].map((m) => m[1]!);
    expect(files.length).toBeGreaterThan(3);
    for (const file of new Set(files)) expect((await fetch(base + file)).status, file).toBe(200);
  });

  it('finds products despite a typo (pg_trgm)', async () => {
    const page = await fetch(`${base}/produk?q=ibnez`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/Ibanez/);
  });

  it('takes an order and renders its invoice PDF', async () => {
    const b = new Jar();
    const { token } = (await (await b.fetch('/keranjang/token', { headers: { accept: 'application/json' } })).json()) as { token: string };
    const listing = await (await fetch(`${base}/produk`)).text();
    const product = /name="product" value="(\d+)"/.exec(listing)?.[1];
    const added = await b.fetch('/keranjang/tambah', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': token },
      body: JSON.stringify({ product: Number(product), quantity: 1 }),
    });
    expect(added.status, await added.clone().text()).toBe(200);
    const checkout = await (await b.fetch('/checkout')).text();
    const field = (name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(checkout)?.[1] ?? '';
    const shipping = /name="shipping" id="ship-[^"]+" value="([^"]+)" checked/.exec(checkout)?.[1] ?? '';
    const placed = await b.fetch('/checkout', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        _csrf: field('_csrf'),
        key: field('key'),
        quote: field('quote'),
        shipping,
        payment: 'bank_transfer',
        email: 'rina@example.com',
        recipient: 'Rina Distorsi',
        phone: '0812-3456-7890',
        street: 'Jl. Riau No. 17, Citarum, Bandung Wetan',
        city: 'Kota Bandung',
        province: 'Jawa Barat',
        postalCode: '40115',
      }),
    });
    expect(placed.status).toBe(303);
    const location = placed.headers.get('location')!;
    const [orderPath, query] = location.split('?');
    const pdf = await b.fetch(`${orderPath}/faktur.pdf?${query}`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('uploads a chat image and sends it as a message, through the store’s proxy', async () => {
    const b = new Jar();
    const json = { accept: 'application/json' };
    const { csrfToken } = (await (await b.fetch('/chat/guest', { headers: json })).json()) as { csrfToken: string };
    const guest = await b.fetch('/chat/guest', {
      method: 'POST',
      headers: { ...json, 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({ name: 'Sari', email: 'sari@example.com' }),
    });
    const { token } = (await guest.json()) as { token: string };
    const png = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#b00020' } })
      .png()
      .toBuffer();
    const upload = await fetch(`${base}/chat/api/attachments`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${token}` },
      body: new Uint8Array(png),
    });
    expect(upload.status).toBe(201);
    const { id } = (await upload.json()) as { id: string };

    const socket = io(base, { path: '/chat/socket.io', transports: ['websocket'], reconnection: false, auth: { token } });
    try {
      await new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('connect_error', reject);
      });
      const answer = await socket.timeout(10_000).emitWithAck('message:send', { body: 'Halo, ada stok?', attachment: id });
      expect(answer).toMatchObject({ ok: true, message: { body: 'Halo, ada stok?', attachment: { id } } });
    } finally {
      socket.close();
    }
    const image = await fetch(`${base}/chat/api/attachments/${id}`, { headers: { authorization: `Bearer ${token}` } });
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toMatch(/^image\//);
  });
});
