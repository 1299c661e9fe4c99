/**
 * Product cards in chat (C3 tagging, C4 recommending), with the real store behind them: the
 * chat service builds every card from the store's catalog API, whatever the browser claims.
 */
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatMessages } from '../../src/db/chat-schema';
import { formatRupiah } from '../../src/lib/money';
import { nextEvent, request, uniqueSub, useChat } from '../helpers/chat-harness';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { productBySlug } from './cart-helpers';

describe.each(dbTargets)('chat product cards (%s)', (target) => {
  let store: TestStore;
  let storeUrl: string;
  let ibanez: Awaited<ReturnType<typeof productBySlug>>;

  // Hooks run in declaration order (after-hooks in reverse): the store is up before the chat that links to it, and closes after it.
  beforeAll(async () => {
    store = await createTestStore(target);
    await store.app.listen({ host: '127.0.0.1', port: 0 });
    storeUrl = `http://127.0.0.1:${(store.app.server.address() as AddressInfo).port}`;
    ibanez = await productBySlug(store.database.db, 'ibanez-rg550-genesis');
  });
  afterAll(async () => {
    await store?.close();
  });
  const harness = useChat(target, () => ({ env: { PUBLIC_URL: storeUrl } }));
  const { client } = harness;

  it('a customer tags a product: the card comes from the store, staff receive it live', async () => {
    const staff = await client('staff');
    const customer = await client('customer');
    const seen = nextEvent(staff, 'message:new', (p) => p.message.product?.slug === ibanez.slug);
    // Whatever else the browser sends about the product is ignored.
    const answer = await request(customer, 'message:send', { body: '', product: ibanez.slug, name: 'Murah!', price: 1 });
    expect(answer, JSON.stringify(answer)).toMatchObject({ ok: true });
    expect(answer.message.body).toBe(ibanez.name);
    expect(answer.message.product).toMatchObject({
      slug: ibanez.slug,
      name: ibanez.name,
      price: ibanez.price,
      priceText: formatRupiah(ibanez.price),
      url: `/produk/${ibanez.slug}`,
    });
    expect(answer.message.product.image).toMatch(/^\/media\//);
    expect((await seen).message.product.price).toBe(ibanez.price);
    const [row] = await harness.chat.db.db.select().from(chatMessages).where(eq(chatMessages.id, answer.message.id));
    expect(row!.product?.price).toBe(ibanez.price);
  });

  it('staff recommend a product in a conversation; history keeps the card', async () => {
    const sub = uniqueSub('customer');
    const customer = await client('customer', sub);
    const first = await request(customer, 'message:send', { body: 'Ada gitar buat shred?' });
    const staff = await client('staff');
    const heard = nextEvent(customer, 'message:new', (p) => Boolean(p.message.product));
    const answer = await request(staff, 'message:send', {
      conversationId: first.message.conversationId,
      body: 'Coba yang ini:',
      product: ibanez.slug,
    });
    expect(answer.ok).toBe(true);
    expect((await heard).message).toMatchObject({ body: 'Coba yang ini:', product: { slug: ibanez.slug } });
    const history = await request(customer, 'history', {});
    expect(history.messages.at(-1).product.name).toBe(ibanez.name);
  });

  it('refuses unknown, hidden and malformed products without storing anything', async () => {
    const customer = await client('customer');
    for (const product of ['no-such-guitar', '../admin', 'a'.repeat(300), 'IBANEZ']) {
      const answer = await request(customer, 'message:send', { body: 'lihat ini', product });
      expect(answer.ok, product).toBe(false);
    }
    // A withdrawn product (its own, so the other tests' guitar stays visible: the store caches
    // a missing page for a few seconds).
    const { products } = await import('../../src/db/schema');
    const yamaha = await productBySlug(store.database.db, 'yamaha-f310');
    await store.database.db.update(products).set({ isActive: false }).where(eq(products.id, yamaha.id));
    try {
      expect((await request(customer, 'message:send', { body: 'x', product: yamaha.slug })).error.code).toBe('product_not_found');
    } finally {
      await store.database.db.update(products).set({ isActive: true }).where(eq(products.id, yamaha.id));
    }
  });
});
