/**
 * Image attachments: real HTTP uploads to the chat service (and through the store's proxy),
 * real Socket.IO clients sending them; on PGlite, and PostgreSQL when TEST_DATABASE_URL is set.
 */
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SignJWT } from 'jose';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ATTACHMENT_MAX_BYTES, IMAGE_ONLY_BODY, UPLOAD_RATE } from '../../src/chat/contract';
import { chatAttachments, chatMessages } from '../../src/db/chat-schema';
import { CHAT_TOKEN_AUDIENCE, CHAT_TOKEN_ISSUER } from '../../src/lib/chat-tokens';
import { nextEvent, request, tokenFor, uniqueSub, useChat } from '../helpers/chat-harness';
import { dbTargets } from '../helpers/databases';
import { pngBomb, sidewaysPhoneJpeg, transparentPng } from '../helpers/images';
import { createTestStore, type TestStore } from '../helpers/store-app';

type Role = 'customer' | 'guest' | 'staff' | 'admin';

describe.each(dbTargets)('chat image attachments (%s)', (target) => {
  const harness = useChat(target);
  let store: TestStore;
  let storeUrl: string;
  let png: Buffer;

  // After useChat's hooks: the chat is up before the store that forwards to it, and closes after it.
  beforeAll(async () => {
    // The store only forwards: it needs no token secret of the chat's to proxy an upload.
    store = await createTestStore(target, { sampleData: false, env: { CHAT_URL: harness.chat.url } });
    await store.app.listen({ host: '127.0.0.1', port: 0 });
    storeUrl = `http://127.0.0.1:${(store.app.server.address() as AddressInfo).port}`;
    png = await transparentPng();
  });
  afterAll(async () => {
    await store?.close();
  });

  /** A person: their token, a socket, and upload/read helpers against the chat (or the store). */
  async function person(role: Role, sub = uniqueSub(role)) {
    const token = await tokenFor(harness.chat.config, role, sub);
    return {
      sub,
      token,
      socket: () => harness.socket(token),
      upload: (
        body: Buffer | string,
        opts: { type?: string; conversationId?: number; base?: string; headers?: Record<string, string> } = {},
      ) => upload(body, { token, ...opts }),
      read: (id: string, base = harness.chat.url) =>
        fetch(`${base}/api/attachments/${id}`, { headers: { authorization: `Bearer ${token}` } }),
    };
  }

  function upload(
    body: Buffer | string,
    opts: { token?: string; type?: string; conversationId?: number; base?: string; headers?: Record<string, string> },
  ) {
    const base = opts.base ?? `${harness.chat.url}/api`;
    const query = opts.conversationId === undefined ? '' : `?conversationId=${opts.conversationId}`;
    return fetch(`${base}/attachments${query}`, {
      method: 'POST',
      headers: {
        'content-type': opts.type ?? 'image/png',
        ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}),
        ...opts.headers,
      },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
  }

  async function uploaded(res: Response): Promise<{ id: string; width: number; height: number }> {
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(201);
    return body;
  }

  const storedRow = async (id: string) => (await harness.chat.db.db.select().from(chatAttachments).where(eq(chatAttachments.id, id)))[0]!;

  it('re-encodes a sideways phone JPEG: upright, WebP, no EXIF left, within 1600 px', async () => {
    const customer = await person('customer');
    const jpeg = await sidewaysPhoneJpeg(2400, 1600);
    const input = await sharp(jpeg).metadata();
    expect(input.orientation).toBe(6);
    expect(input.exif!.toString('latin1')).toContain('Jl. Braga');

    const answer = await uploaded(await customer.upload(jpeg, { type: 'image/jpeg' }));
    // Orientation 6 is shown rotated: the landscape 2400×1600 pixels become a portrait 1067×1600.
    expect(answer).toEqual({ id: expect.stringMatching(/^[\w-]{22}$/), width: 1067, height: 1600 });
    const row = await storedRow(answer.id);
    expect(row).toMatchObject({ contentType: 'image/webp', width: 1067, height: 1600, uploaderId: customer.sub });
    expect(row.byteSize).toBe(row.data.length);
    const stored = await sharp(row.data).metadata();
    expect(stored).toMatchObject({ format: 'webp', width: 1067, height: 1600 });
    expect(stored.exif).toBeUndefined();
    expect(stored.orientation).toBeUndefined();
    expect(row.data.toString('latin1')).not.toContain('Braga');
  });

  it('accepts a PNG with transparency and serves it back to its owner with safe headers', async () => {
    const customer = await person('customer');
    const answer = await uploaded(await customer.upload(png, { type: 'image/png' }));
    expect(answer).toMatchObject({ width: 400, height: 300 });
    const res = await customer.read(answer.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('cache-control')).toBe('private, max-age=86400');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe('inline');
    const served = await sharp(Buffer.from(await res.arrayBuffer())).metadata();
    expect(served).toMatchObject({ format: 'webp', width: 400, height: 300, hasAlpha: true });
  });

  it('refuses what is not an image, a damaged one and a decompression bomb with 4xx JSON, storing nothing', async () => {
    const jpeg = await sidewaysPhoneJpeg(600, 400);
    const bomb = await pngBomb();
    const cases: Array<[string, Buffer | string, string, number, string]> = [
      ['plain text sent as text', 'Halo kak, ini fotonya', 'text/plain', 415, 'unsupported_media_type'],
      ['plain text labelled as a JPEG', 'Halo kak, ini fotonya', 'image/jpeg', 415, 'not_an_image'],
      ['JSON', '{"image":"x"}', 'application/json', 415, 'unsupported_media_type'],
      ['an SVG', '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', 'image/svg+xml', 415, 'not_an_image'],
      ['a GIF89a + script polyglot', 'GIF89a/*<script>alert(1)</script>*/=1;', 'image/gif', 400, 'invalid_image'],
      ['a truncated JPEG', jpeg.subarray(0, Math.floor(jpeg.length / 2)), 'image/jpeg', 400, 'invalid_image'],
      ['a PNG declared as JPEG but cut after the header', png.subarray(0, 40), 'image/jpeg', 400, 'invalid_image'],
      ['a 20000×20000 decompression bomb', bomb, 'image/png', 400, 'too_many_pixels'],
      ['an empty body', Buffer.alloc(0), 'image/png', 400, 'file_missing'],
    ];
    const before = (await harness.chat.db.db.select({ id: chatAttachments.id }).from(chatAttachments)).length;
    for (const [label, body, type, status, code] of cases) {
      // Each case its own person: the upload rate limit is per person.
      const res = await (await person('customer')).upload(body, { type });
      const answer = await res.json();
      expect(res.status, label).toBe(status);
      expect(answer, label).toEqual({ error: { code, message: expect.any(String), fields: { file: answer.error.message } } });
    }
    expect((await harness.chat.db.db.select({ id: chatAttachments.id }).from(chatAttachments)).length).toBe(before);
  });

  it('refuses a 9 MB upload with 413, declared or streamed', async () => {
    const big = Buffer.alloc(9 * 1024 * 1024, 0xff);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    expect(big.length).toBeGreaterThan(ATTACHMENT_MAX_BYTES);
    const declared = await (await person('customer')).upload(big, { type: 'image/jpeg' });
    expect(declared.status).toBe(413);
    expect((await declared.json()).error).toMatchObject({ code: 'file_too_large', fields: { file: expect.any(String) } });
    // Chunked, so no Content-Length to refuse it by: counted while reading.
    const chunks = [big.subarray(0, 4 * 1024 * 1024), big.subarray(4 * 1024 * 1024)];
    const stream = new ReadableStream({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    const { token } = await person('customer');
    const streamed = await fetch(`${harness.chat.url}/api/attachments`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg', authorization: `Bearer ${token}` },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect((await streamed.json()).error.code).toBe('file_too_large');
  });

  it('needs a valid chat token to upload or read (401 for none, forged, expired, or not a Bearer)', async () => {
    const owner = await person('customer');
    const { id } = await uploaded(await owner.upload(png));
    const claims = { role: 'customer', name: 'Mallory' };
    const sign = (secret: string, exp: number) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(owner.sub)
        .setIssuer(CHAT_TOKEN_ISSUER)
        .setAudience(CHAT_TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(exp)
        .sign(new TextEncoder().encode(secret));
    const now = Math.floor(Date.now() / 1000);
    const forged = await sign('z'.repeat(40), now + 600);
    const expired = await sign(harness.chat.config.chatTokenSecret, now - 60);
    const headers: Array<[string, Record<string, string>]> = [
      ['no token', {}],
      ['forged', { authorization: `Bearer ${forged}` }],
      ['expired', { authorization: `Bearer ${expired}` }],
      ['basic auth', { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }],
      ['token without the scheme', { authorization: owner.token }],
    ];
    for (const [label, h] of headers) {
      const up = await upload(png, { headers: h });
      expect(up.status, label).toBe(401);
      expect((await up.json()).error.code, label).toMatch(/^(unauthorized|invalid_token)$/);
      const read = await fetch(`${harness.chat.url}/api/attachments/${id}`, { headers: h });
      expect(read.status, label).toBe(401);
      expect(read.headers.get('content-type'), label).toMatch(/json/);
    }
  });

  it("keeps a customer's image private: another customer gets 404 (like a missing one), staff can read it", async () => {
    const a = await person('customer');
    const b = await person('guest');
    const staff = await person('staff');
    const { id } = await uploaded(await a.upload(png));
    const stranger = await b.read(id);
    expect(stranger.status).toBe(404);
    const missing = await b.read('A'.repeat(22));
    expect(missing.status).toBe(404);
    expect(await stranger.json()).toEqual(await missing.json());
    expect((await b.read('..%2F..%2Fhealthz')).status).toBe(404);
    expect((await staff.read(id)).status).toBe(200);
    expect((await a.read(id)).status).toBe(200);
  });

  it("refuses to send another customer's image, and uploads into someone else's conversation", async () => {
    const a = await person('customer');
    const b = await person('customer');
    const aSocket = await a.socket();
    const first = await request(aSocket, 'message:send', { body: 'hello' });
    const { id } = await uploaded(await a.upload(png));
    const bSocket = await b.socket();
    const stolen = await request(bSocket, 'message:send', { body: 'look', attachment: id });
    expect(stolen).toMatchObject({ ok: false, error: { code: 'attachment_not_found' } });
    expect(await harness.chat.db.db.select().from(chatMessages).where(eq(chatMessages.attachmentId, id))).toHaveLength(0);
    // Naming A's conversation on upload is refused too.
    const into = await b.upload(png, { conversationId: first.message.conversationId });
    expect(into.status).toBe(403);
    expect((await into.json()).error).toMatchObject({ code: 'wrong_conversation', fields: { conversationId: expect.any(String) } });
    // A's own send still works afterwards.
    expect((await request(aSocket, 'message:send', { body: '', attachment: id })).ok).toBe(true);
  });

  it('delivers an image message live (message:new) and in history, to both sides', async () => {
    const customer = await person('customer');
    const staff = await person('staff');
    const staffSocket = await staff.socket();
    const customerSocket = await customer.socket();
    const { id, width, height } = await uploaded(await customer.upload(await sidewaysPhoneJpeg(), { type: 'image/jpeg' }));
    const heard = nextEvent(staffSocket, 'message:new', (p) => p.message.attachment?.id === id);
    const sent = await request(customerSocket, 'message:send', { body: '', attachment: id });
    expect(sent, JSON.stringify(sent)).toMatchObject({ ok: true, message: { body: IMAGE_ONLY_BODY, attachment: { id, width, height } } });
    const incoming = await heard;
    expect(incoming.message).toMatchObject({ id: sent.message.id, attachment: { id, width: 800, height: 1200 } });
    expect((await staff.read(id)).status).toBe(200);
    // The console's list knows the last message is a picture (it shows "Image", not the placeholder).
    const listed = (await request(staffSocket, 'conversation:list', {})).conversations.find(
      (c: { id: number }) => c.id === incoming.conversation.id,
    );
    expect(listed.lastMessage).toMatchObject({ id: sent.message.id, hasAttachment: true });

    // Staff answer with a picture of their own (they name the conversation), with a caption.
    const conversationId = incoming.conversation.id;
    const reply = await uploaded(await staff.upload(png, { conversationId }));
    const toCustomer = nextEvent(customerSocket, 'message:new', (p) => p.message.attachment?.id === reply.id);
    expect((await request(staffSocket, 'message:send', { conversationId, body: 'Yang ini ya', attachment: reply.id })).ok).toBe(true);
    expect((await toCustomer).message).toMatchObject({ body: 'Yang ini ya', attachment: { id: reply.id, width: 400, height: 300 } });
    expect((await customer.read(reply.id)).status).toBe(200);

    const history = await request(customerSocket, 'history', {});
    expect(history.messages.map((m: { attachment: unknown }) => m.attachment)).toEqual([
      { id, width: 800, height: 1200 },
      { id: reply.id, width: 400, height: 300 },
    ]);
    const staffHistory = await request(staffSocket, 'history', { conversationId });
    expect(staffHistory.messages.at(-1).attachment.id).toBe(reply.id);
    // A message without an image says so explicitly.
    expect((await request(customerSocket, 'message:send', { body: 'terima kasih' })).message.attachment).toBeNull();
  });

  it('attaches an image to one message only, even when two sends race', async () => {
    const customer = await person('customer');
    const socket = await customer.socket();
    const { id } = await uploaded(await customer.upload(png));
    const both = await Promise.all([
      request(socket, 'message:send', { body: 'satu', attachment: id }),
      request(socket, 'message:send', { body: 'dua', attachment: id }),
    ]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.find((r) => !r.ok)).toMatchObject({ error: { code: 'attachment_used' } });
    expect((await request(socket, 'message:send', { body: 'tiga', attachment: id })).error.code).toBe('attachment_used');
    expect(await harness.chat.db.db.select().from(chatMessages).where(eq(chatMessages.attachmentId, id))).toHaveLength(1);
    // Made-up ids are refused the same way as someone else's.
    expect((await request(socket, 'message:send', { body: 'x', attachment: 'not-an-id' })).error.code).toBe('attachment_not_found');
    expect((await request(socket, 'message:send', { body: '', attachment: 42 })).error.code).toBe('invalid_message');
  });

  it('staff must name an open conversation to upload into', async () => {
    const staff = await person('staff');
    const missing = await staff.upload(png);
    expect(missing.status).toBe(400);
    expect((await missing.json()).error).toMatchObject({ code: 'invalid_conversation', fields: { conversationId: expect.any(String) } });
    expect((await staff.upload(png, { conversationId: 999_999_999 })).status).toBe(404);
    const bogus = await fetch(`${harness.chat.url}/api/attachments?conversationId=1;DROP`, {
      method: 'POST',
      headers: { 'content-type': 'image/png', authorization: `Bearer ${staff.token}` },
      body: new Uint8Array(png),
    });
    expect(bogus.status).toBe(400);

    const customer = await person('customer');
    const first = await request(await customer.socket(), 'message:send', { body: 'hi' });
    const staffSocket = await staff.socket();
    await request(staffSocket, 'conversation:archive', { conversationId: first.message.conversationId });
    const archived = await staff.upload(png, { conversationId: first.message.conversationId });
    expect(archived.status).toBe(409);
    expect((await archived.json()).error.code).toBe('conversation_archived');
  });

  it(`limits uploads to ${UPLOAD_RATE.burst} a minute per person`, async () => {
    const customer = await person('customer');
    const tiny = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#ff6b35' } })
      .png()
      .toBuffer();
    const statuses: number[] = [];
    for (let i = 0; i < UPLOAD_RATE.burst + 2; i++) statuses.push((await customer.upload(tiny)).status);
    expect(statuses.slice(0, UPLOAD_RATE.burst).every((s) => s === 201)).toBe(true);
    expect(statuses.slice(UPLOAD_RATE.burst)).toEqual([429, 429]);
    // Someone else is not affected.
    expect((await (await person('customer')).upload(tiny)).status).toBe(201);
  });

  it("uploads and reads through the store's proxy (streamed past the store's 1 MB body limit), and checks the Origin", async () => {
    const customer = await person('customer');
    // A photo over 1 MB: the store's own parsers would refuse it; the proxy streams it on.
    const photo = await sharp(randomBytes(1800 * 1200 * 3), { raw: { width: 1800, height: 1200, channels: 3 } })
      .jpeg({ quality: 95 })
      .toBuffer();
    expect(photo.length).toBeGreaterThan(1024 * 1024);
    const res = await customer.upload(photo, { type: 'image/jpeg', base: `${storeUrl}/chat/api`, headers: { origin: storeUrl } });
    const answer = await uploaded(res);
    expect(answer).toMatchObject({ width: 1600, height: 1067 });
    const read = await customer.read(answer.id, `${storeUrl}/chat`);
    expect(read.status).toBe(200);
    expect(read.headers.get('content-type')).toBe('image/webp');
    expect(read.headers.get('cache-control')).toBe('private, max-age=86400');
    expect((await sharp(Buffer.from(await read.arrayBuffer())).metadata()).width).toBe(1600);
    // Errors come through as the chat service's JSON; another site's page is refused at the store.
    const refused = await customer.upload('not an image', { type: 'image/png', base: `${storeUrl}/chat/api` });
    expect(refused.status).toBe(415);
    expect((await refused.json()).error.code).toBe('not_an_image');
    const evil = await customer.upload(png, { base: `${storeUrl}/chat/api`, headers: { origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    expect((await upload(png, { base: `${storeUrl}/chat/api` })).status).toBe(401);
  });
});
