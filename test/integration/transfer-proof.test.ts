/**
 * Transfer receipts (P5): the guest-link holder or the owner uploads a receipt image for an order
 * awaiting payment; it is stored re-encoded as JPEG without metadata outside the public /media/
 * folder and shown only to the owner, the guest link and staff. Bad files are refused without a
 * 500 and keep the earlier receipt; paid or cancelled orders and CSRF-less posts are refused.
 *
 * app.ts does not register these routes yet, so this file builds the store like createTestStore()
 * does and adds them before `ready()`.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import type { StoreDbHandle } from '../../src/db/store-db';
import { dbTargets } from '../helpers/databases';
import { pngBomb } from '../helpers/images';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { h } from 'preact';
import { renderToString } from 'preact-render-to-string';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translator } from '../../src/lib/i18n';
import { MAX_PROOF_BYTES, transferProofDir } from '../../src/store/orders/transfer-proof';
import { TransferProofForm } from '../../src/store/orders/views/transfer-proof-form';
import { loadAssetUrls } from '../../src/store/ui/assets';
import { type PageContext, PageCtx } from '../../src/store/ui/page-context';
import { multipart, type Part } from '../helpers/multipart';
import { createUser, PASSWORD, TestBrowser } from './accounts-client';
import { productBySlug } from './cart-helpers';
import { addToCart, GUEST_ADDRESS, numberFrom, orderByNumber, placeOrder } from './checkout-helpers';

const cookieOf = (b: TestBrowser | undefined) => (b ? [...b.cookies].map(([k, v]) => `${k}=${v}`).join('; ') : '');

/** A receipt photo: a JPEG from a phone held sideways (EXIF orientation 6) with personal EXIF text. */
async function phoneJpeg(): Promise<Buffer> {
  return sharp({ create: { width: 3000, height: 2000, channels: 3, background: '#3366cc' } })
    .withExif({ IFD0: { ImageDescription: 'BCA 1234567890 a.n. Rina', Copyright: 'Rina Distorsi' } })
    .withMetadata({ orientation: 6 })
    .jpeg({ quality: 70 })
    .toBuffer();
}

/** A transparent screenshot-like PNG. */
async function screenshotPng(): Promise<Buffer> {
  return sharp({ create: { width: 1080, height: 2400, channels: 4, background: { r: 20, g: 160, b: 80, alpha: 0.5 } } })
    .png()
    .toBuffer();
}

describe.each(dbTargets)('transfer receipts on %s', (target) => {
  let store: TestStore;
  let db: StoreDbHandle['db'];
  let productId: number;
  let staff: TestBrowser;
  let proofDir: string;
  let jpeg: Buffer;
  let png: Buffer;

  beforeAll(async () => {
    store = await createTestStore(target);
    db = store.database.db;
    productId = (await productBySlug(db, 'yamaha-f310')).id;
    proofDir = transferProofDir(store.config.uploadDir);
    await createUser(db, { email: 'staff@proof.example', role: 'staff' });
    await createUser(db, { email: 'fajar@proof.example', name: 'Fajar' });
    await createUser(db, { email: 'other@proof.example', name: 'Other' });
    staff = new TestBrowser(store.app, '203.0.113.210');
    await staff.login('staff@proof.example', PASSWORD);
    [jpeg, png] = await Promise.all([phoneJpeg(), screenshotPng()]);
  });
  afterAll(() => store?.close());

  let ip = 1;
  async function guestOrder() {
    const b = new TestBrowser(store.app, `198.51.100.${ip++}`);
    await addToCart(store.app, b, productId, 1);
    const res = await placeOrder(b, { email: `guest${ip}@proof.example`, ...GUEST_ADDRESS });
    expect(res.status).toBe(303);
    const url = res.location!.replace('&baru=1', '');
    const key = new URL(url, 'http://x').searchParams.get('k')!;
    await b.get(url); // the order page: a fresh CSRF token
    return { b, url, key, number: numberFrom(res.location) };
  }

  let uploadIp = 0;
  async function upload(
    b: TestBrowser | undefined,
    number: string,
    opts: {
      key?: string;
      file?: { data: Buffer; filename?: string; type?: string };
      csrf?: string | null;
      accept?: string;
      extra?: Part[];
      /** The client address; by default each upload its own, so the per-address limit stays out of the way. */
      ip?: string;
    } = {},
  ) {
    const parts: Part[] = [];
    const csrf = opts.csrf === undefined ? b?.csrf : opts.csrf;
    if (csrf !== null && csrf !== undefined) parts.push({ name: '_csrf', value: csrf });
    if (opts.key) parts.push({ name: 'k', value: opts.key });
    if (opts.file)
      parts.push({
        name: 'proof',
        filename: opts.file.filename ?? 'bukti.jpg',
        type: opts.file.type ?? 'image/jpeg',
        data: opts.file.data,
      });
    parts.push(...(opts.extra ?? []));
    const body = multipart(parts);
    const res = await store.app.inject({
      method: 'POST',
      url: `/pesanan/${number}/bukti-transfer${opts.key ? `?k=${opts.key}` : ''}`,
      remoteAddress: opts.ip ?? `192.0.2.${(uploadIp = (uploadIp % 250) + 1)}`,
      headers: { cookie: cookieOf(b), 'content-type': body.contentType, ...(opts.accept ? { accept: opts.accept } : {}) },
      payload: body.payload,
    });
    return res;
  }

  function viewProof(b: TestBrowser | undefined, number: string, key?: string) {
    return store.app.inject({
      method: 'GET',
      url: `/pesanan/${number}/bukti-transfer.jpg${key ? `?k=${key}` : ''}`,
      headers: { cookie: cookieOf(b) },
    });
  }

  const proofKeyOf = async (number: string) => (await orderByNumber(db, number))!.transferProofKey;

  function filesUnder(dir: string): string[] {
    return existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]) : [];
  }

  const phoneJpegUpload =
    'a guest uploads a phone JPEG: stored upright, ≤1600 px, as JPEG without EXIF, outside /media/; ' +
    'viewable by the link and staff only';
  it(phoneJpegUpload, async () => {
    const input = await sharp(jpeg).metadata();
    expect(input.exif).toBeDefined();
    expect(input.orientation).toBe(6);
    expect(input.exif!.toString('latin1')).toContain('1234567890');

    const { b, url, key, number } = await guestOrder();
    const res = await upload(b, number, { key, file: { data: jpeg } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${url}&pesan=bukti`);

    const order = (await orderByNumber(db, number))!;
    expect(order.transferProofKey).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(order.transferProofAt).toBeInstanceOf(Date);
    const file = path.join(proofDir, `${order.transferProofKey}.jpg`);
    expect(existsSync(file)).toBe(true);
    expect(path.relative(store.config.uploadDir, file).startsWith('..')).toBe(true);
    expect(filesUnder(store.config.uploadDir).some((f) => f.includes(order.transferProofKey!))).toBe(false);

    const stored = await sharp(file).metadata();
    expect(stored.format).toBe('jpeg');
    expect(stored.exif).toBeUndefined();
    expect(stored.icc).toBeUndefined();
    expect(stored.xmp).toBeUndefined();
    expect(stored.orientation).toBeUndefined();
    // 3000×2000 shot sideways is a 2000×3000 portrait, scaled to fit 1600 px.
    expect([stored.width, stored.height]).toEqual([1067, 1600]);

    const byLink = await viewProof(b, number, key);
    expect(byLink.statusCode).toBe(200);
    expect(byLink.headers['content-type']).toBe('image/jpeg');
    expect(byLink.headers['cache-control']).toBe('private, no-store');
    expect(byLink.headers['x-content-type-options']).toBe('nosniff');
    expect(byLink.rawPayload.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))).toBe(true);
    expect((await sharp(byLink.rawPayload).metadata()).exif).toBeUndefined();
    expect(byLink.rawPayload.toString('latin1')).not.toContain('1234567890');
    // Any visitor with the link (a fresh browser) sees it too; the link is the credential.
    expect((await viewProof(undefined, number, key)).statusCode).toBe(200);
    expect((await viewProof(staff, number)).statusCode).toBe(200);

    const stranger = new TestBrowser(store.app, '198.51.100.230');
    await stranger.login('other@proof.example', PASSWORD);
    expect((await viewProof(stranger, number)).statusCode).toBe(404);
    expect((await viewProof(undefined, number)).statusCode).toBe(404);
    expect((await viewProof(undefined, number, 'forged-key-forged-key-12')).statusCode).toBe(404);
    // Not reachable through the public media folder either.
    for (const probe of [
      `/media/../private-uploads/transfer-proofs/${order.transferProofKey}.jpg`,
      `/media/%2E%2E/private-uploads/transfer-proofs/${order.transferProofKey}.jpg`,
      `/media/private-uploads/transfer-proofs/${order.transferProofKey}.jpg`,
      `/media/transfer-proofs/${order.transferProofKey}.jpg`,
    ]) {
      const res = await store.app.inject({ method: 'GET', url: probe });
      expect(res.statusCode, probe).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, probe).toBeLessThan(500);
      expect(res.headers['content-type'] ?? '', probe).not.toBe('image/jpeg');
    }
  });

  it('a PNG screenshot replaces the earlier receipt: re-encoded as JPEG, the old file removed', async () => {
    const { b, key, number } = await guestOrder();
    expect((await upload(b, number, { key, file: { data: jpeg } })).statusCode).toBe(303);
    const first = (await proofKeyOf(number))!;
    const res = await upload(b, number, { key, file: { data: png, filename: 'Screenshot 2026-05-01.png', type: 'image/png' } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('pesan=bukti');
    const second = (await proofKeyOf(number))!;
    expect(second).not.toBe(first);
    expect(existsSync(path.join(proofDir, `${first}.jpg`))).toBe(false);
    const stored = await sharp(path.join(proofDir, `${second}.jpg`)).metadata();
    expect(stored.format).toBe('jpeg');
    expect(stored.exif).toBeUndefined();
    expect(stored.hasAlpha).toBe(false);
    expect([stored.width, stored.height]).toEqual([720, 1600]);
    const view = await viewProof(b, number, key);
    expect(view.statusCode).toBe(200);
    expect((await sharp(view.rawPayload).metadata()).format).toBe('jpeg');
  });

  it('the account owner uploads without a key; another customer and staff cannot upload to it', async () => {
    const owner = new TestBrowser(store.app, '198.51.100.231');
    await owner.login('fajar@proof.example', PASSWORD);
    await addToCart(store.app, owner, productId, 1);
    const number = numberFrom((await placeOrder(owner, { ...GUEST_ADDRESS })).location);
    await owner.get(`/pesanan/${number}`);
    expect((await upload(owner, number, { file: { data: png, type: 'image/png', filename: 'a.png' } })).headers.location).toBe(
      `/pesanan/${number}?pesan=bukti`,
    );
    const saved = await proofKeyOf(number);
    expect((await viewProof(owner, number)).statusCode).toBe(200);

    const other = new TestBrowser(store.app, '198.51.100.232');
    await other.login('other@proof.example', PASSWORD);
    expect((await upload(other, number, { file: { data: jpeg } })).statusCode).toBe(404);
    await staff.get(`/pesanan/${number}`);
    expect((await upload(staff, number, { file: { data: jpeg } })).statusCode).toBe(404);
    expect(await proofKeyOf(number)).toBe(saved);
  });

  it('refuses bad files without a 500, keeping the earlier receipt', async () => {
    const { b, url, key, number } = await guestOrder();
    expect((await upload(b, number, { key, file: { data: jpeg } })).statusCode).toBe(303);
    const kept = (await proofKeyOf(number))!;
    const bomb = await pngBomb();
    expect((await sharp(bomb, { limitInputPixels: false }).metadata()).width).toBe(20000);

    const pdf = Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), randomBytes(2048)]);
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');
    const cases: Array<[string, string, Parameters<typeof upload>[2]]> = [
      ['no file part', 'missing', { key }],
      ['no file chosen', 'missing', { key, file: { data: Buffer.alloc(0), filename: '', type: 'application/octet-stream' } }],
      ['0-byte file', 'invalid', { key, file: { data: Buffer.alloc(0), filename: 'kosong.jpg' } }],
      [
        'text renamed .jpg',
        'invalid',
        { key, file: { data: Buffer.from('Transfer BCA 1234567890 Rp 1.500.000\n'.repeat(20)), filename: 'bukti.jpg' } },
      ],
      ['a PDF', 'invalid', { key, file: { data: pdf, filename: 'bukti.pdf', type: 'application/pdf' } }],
      ['an .exe renamed .jpg', 'invalid', { key, file: { data: exe, filename: 'bukti.jpg' } }],
      ['an SVG', 'invalid', { key, file: { data: svg, filename: 'bukti.svg', type: 'image/svg+xml' } }],
      [
        'JPEG magic then garbage',
        'invalid',
        { key, file: { data: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(4096)]) } },
      ],
      ['a 20000×20000 decompression bomb', 'invalid', { key, file: { data: bomb, filename: 'bukti.png', type: 'image/png' } }],
      [
        'just over 8 MB (read, then refused)',
        'too_large',
        { key, file: { data: Buffer.concat([jpeg, Buffer.alloc(MAX_PROOF_BYTES + 1 - jpeg.length)]) } },
      ],
      ['12 MB (refused before reading)', 'too_large', { key, file: { data: Buffer.alloc(12 * 1024 * 1024, 0xff) } }],
      [
        'two files',
        'malformed',
        { key, file: { data: jpeg }, extra: [{ name: 'proof', filename: 'b.jpg', type: 'image/jpeg', data: jpeg }] },
      ],
    ];
    for (const [label, code, opts] of cases) {
      const res = await upload(b, number, opts);
      expect(res.statusCode, label).toBe(303);
      expect(res.headers.location, label).toBe(`${url}&pesan=bukti-gagal`);
      // JSON callers get the reason as data.
      const json = await upload(b, number, { ...opts, accept: 'application/json' });
      expect(json.statusCode, label).toBe(400);
      expect(json.json(), label).toEqual({
        error: { code: `proof_${code}`, message: expect.any(String), fields: { proof: json.json().error.message } },
      });
      expect(await proofKeyOf(number), label).toBe(kept);
    }
    // A broken multipart body is no 500 either.
    const broken = await store.app.inject({
      method: 'POST',
      url: `/pesanan/${number}/bukti-transfer?k=${key}`,
      headers: { cookie: cookieOf(b), 'content-type': 'multipart/form-data; boundary=xyz' },
      payload:
        `--xyz\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${b.csrf}\r\n` +
        `--xyz\r\nContent-Disposition: form-data; name="proof"; filename="a.jpg"\r\n\r\n\xff\xd8\xff`,
    });
    expect(broken.statusCode).toBe(303);
    expect(broken.headers.location).toBe(`${url}&pesan=bukti-gagal`);

    expect(existsSync(path.join(proofDir, `${kept}.jpg`))).toBe(true);
    expect(filesUnder(proofDir).filter((f) => f.endsWith('.jpg'))).toContain(`${kept}.jpg`);
    expect((await viewProof(b, number, key)).statusCode).toBe(200);
  });

  it('limits uploads per client address (each is decoded and re-encoded): the 11th in 10 minutes is refused', async () => {
    const { b, key, number } = await guestOrder();
    const statuses: number[] = [];
    for (let k = 0; k < 11; k++) statuses.push((await upload(b, number, { key, file: { data: jpeg }, ip: '203.0.113.250' })).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(303));
    expect(statuses[10]).toBe(429);
    // Another address is not affected.
    expect((await upload(b, number, { key, file: { data: jpeg }, ip: '203.0.113.251' })).statusCode).toBe(303);
  });

  it('refuses an upload once the order is paid or cancelled', async () => {
    const paid = await guestOrder();
    await staff.get(`/pesanan/${paid.number}`);
    expect((await staff.post(`/admin/pesanan/${paid.number}/status`, { to: 'paid' })).status).toBe(303);
    const res = await upload(paid.b, paid.number, { key: paid.key, file: { data: jpeg } });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`${paid.url}&pesan=bukti-tutup`);
    expect(await proofKeyOf(paid.number)).toBeNull();
    const json = await upload(paid.b, paid.number, { key: paid.key, file: { data: jpeg }, accept: 'application/json' });
    expect(json.statusCode).toBe(409);
    expect(json.json().error).toMatchObject({ code: 'proof_closed', fields: { proof: expect.any(String) } });

    const cancelled = await guestOrder();
    expect((await cancelled.b.post(`/pesanan/${cancelled.number}/batal`, { k: cancelled.key })).status).toBe(303);
    await cancelled.b.get(cancelled.url);
    expect(
      (await upload(cancelled.b, cancelled.number, { key: cancelled.key, file: { data: png, type: 'image/png' } })).headers.location,
    ).toContain('pesan=bukti-tutup');
    expect(await proofKeyOf(cancelled.number)).toBeNull();
    expect((await viewProof(cancelled.b, cancelled.number, cancelled.key)).statusCode).toBe(404);
  });

  it('refuses an upload without a valid CSRF token (403), and strangers get a 404', async () => {
    const { b, key, number } = await guestOrder();
    expect((await upload(b, number, { key, file: { data: jpeg }, csrf: null })).statusCode).toBe(403);
    expect((await upload(b, number, { key, file: { data: jpeg }, csrf: 'not-a-token' })).statusCode).toBe(403);
    const json = await upload(b, number, { key, file: { data: jpeg }, csrf: null, accept: 'application/json' });
    expect(json.statusCode).toBe(403);
    expect(json.json().error.code).toBe('csrf');
    // Someone else's valid token (their own session) does not work with this browser's cookie.
    const other = new TestBrowser(store.app, '198.51.100.233');
    await other.get('/masuk');
    expect((await upload(b, number, { key, file: { data: jpeg }, csrf: other.csrf })).statusCode).toBe(403);
    // A stranger with a valid token of their own but without the link.
    expect((await upload(other, number, { file: { data: jpeg } })).statusCode).toBe(404);
    expect((await upload(other, number, { key: 'forged-key-forged-key-12', file: { data: jpeg } })).statusCode).toBe(404);
    expect(await proofKeyOf(number)).toBeNull();
    expect((await viewProof(b, number, key)).statusCode).toBe(404);
  });

  it('leaves the rest of the app alone: multipart elsewhere is still a 415, forms still parse', async () => {
    const { b, key, number } = await guestOrder();
    const body = multipart([
      { name: '_csrf', value: b.csrf! },
      { name: 'k', value: key },
    ]);
    const elsewhere = await store.app.inject({
      method: 'POST',
      url: `/pesanan/${number}/batal`,
      headers: { cookie: cookieOf(b), 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(elsewhere.statusCode).toBe(415);
    expect((await orderByNumber(db, number))!.status).toBe('awaiting_payment');
    expect(store.app.hasRequestDecorator('parts')).toBe(false);
    // A urlencoded post to the upload route passes CSRF but has no file.
    expect((await b.post(`/pesanan/${number}/bukti-transfer?k=${key}`, { k: key })).location).toContain('pesan=bukti-gagal');
    // The ordinary urlencoded form still works.
    expect((await b.post(`/pesanan/${number}/batal`, { k: key })).status).toBe(303);
    expect((await orderByNumber(db, number))!.status).toBe('cancelled');
  });

  it('the form posts what the route needs: token and key before the file', async () => {
    const { b, key, number } = await guestOrder();
    // The page's own assets (the icons come from the build's SVG sprite, read from the context).
    const ctx = {
      locale: 'id',
      t: translator('id'),
      assets: loadAssetUrls(),
      csrfToken: b.csrf,
      user: null,
      path: '/',
      cartUnits: 0,
    } as unknown as PageContext;
    const html = renderToString(h(PageCtx.Provider, { value: ctx }, h(TransferProofForm, { number, guestKey: key, hasProof: false })));
    expect(html).toContain('enctype="multipart/form-data"');
    expect(html).toContain('accept="image/jpeg,image/png,image/webp"');
    expect(html).toContain('Unggah bukti transfer');
    expect(html).not.toContain('transferProof.');
    const action = /action="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
    expect(action).toBe(`/pesanan/${number}/bukti-transfer?k=${encodeURIComponent(key)}`);
    const names = [...html.matchAll(/<input[^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual(['_csrf', 'k', 'proof']);
    const label = /<label[^>]*for="([^"]+)"/.exec(html)![1];
    expect(html).toContain(`id="${label}"`);

    // Post exactly those fields, in that order.
    const hidden = Object.fromEntries(
      [...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]),
    );
    const body = multipart([
      ...Object.entries(hidden).map(([name, value]) => ({ name, value })),
      { name: 'proof', filename: 'bukti.webp', type: 'image/webp', data: await sharp(png).webp().toBuffer() },
    ]);
    const res = await store.app.inject({
      method: 'POST',
      url: action,
      headers: { cookie: cookieOf(b), 'content-type': body.contentType },
      payload: body.payload,
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain('pesan=bukti');
    expect(await proofKeyOf(number)).not.toBeNull();

    const withProof = renderToString(h(PageCtx.Provider, { value: ctx }, h(TransferProofForm, { number, guestKey: key, hasProof: true })));
    expect(withProof).toContain(`href="/pesanan/${number}/bukti-transfer.jpg?k=${encodeURIComponent(key)}"`);
    expect(withProof).toContain('Ganti bukti transfer');
  });
});
