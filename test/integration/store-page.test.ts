import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { storeProfile } from '../../src/db/schema';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

describe.each(dbTargets)('store page on %s', (target) => {
  let store: TestStore;

  beforeAll(async () => {
    store = await createTestStore(target);
  });
  afterAll(() => store?.close());
  afterEach(() => vi.useRealTimers());

  /** The page at a fixed moment: only Date is faked, so timers and the database keep working. */
  async function pageAt(iso: string, url = '/toko') {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(iso));
    try {
      return await store.app.inject({ method: 'GET', url });
    } finally {
      vi.useRealTimers();
    }
  }

  it('shows address, map link, phone, WhatsApp and email from the store profile', async () => {
    const [profile] = await store.database.db.select().from(storeProfile);
    const res = await store.app.inject({ method: 'GET', url: '/toko' });
    expect(res.statusCode).toBe(200);
    const html = res.body;
    expect(html).toContain('<h1 class="store-hero-title">Toko Kami</h1>');
    expect(html).toContain(escapeHtml(profile!.street));
    expect(html).toContain(`href="${escapeHtml(profile!.mapsUrl!)}"`);
    expect(html).toContain(`href="tel:${profile!.phone.replace(/[^\d+]/g, '')}"`);
    expect(html).toContain(`href="https://wa.me/${profile!.whatsapp}"`);
    expect(html).toContain(`href="mailto:${profile!.email}"`);
    const ld = [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!));
    expect(ld[0]).toMatchObject({ '@type': 'MusicStore', telephone: profile!.phone, address: { postalCode: profile!.postalCode } });
  });

  it('Wednesday 10:00 WIB: open now, closes at 18.00, Wednesday highlighted', async () => {
    // 03:00 UTC = 10:00 WIB.
    const html = (await pageAt('2026-11-25T03:00:00Z')).body;
    expect(html).toContain('data-store-status="open"');
    expect(html).toContain('Buka sekarang');
    expect(html).toContain('Tutup pukul 18.00 WIB');
    const todayRow = new RegExp(
      /<tr class="is-today" aria-current="date"><th scope="row">Rabu/.source +
        /<span class="badge hours-today">Hari ini<\/span><\/th><td>09\.30–18\.00<\/td>/.source,
    );
    expect(html).toMatch(todayRow);
    expect(html.match(/class="is-today"/g)).toHaveLength(1);
  });

  it('Sunday noon WIB: closed, opens again Monday 09.30; the hours table says Sunday is closed', async () => {
    const html = (await pageAt('2026-11-29T05:00:00Z')).body;
    expect(html).toContain('data-store-status="closed"');
    expect(html).toContain('Buka lagi Senin pukul 09.30 WIB');
    expect(html).toMatch(/<tr class="is-today" aria-current="date"><th scope="row">Minggu<span[^>]*>Hari ini<\/span><\/th><td>Tutup<\/td>/);
  });

  it('uses WIB, not UTC: Saturday 23:30 UTC is already Sunday 06:30 in Bandung', async () => {
    const html = (await pageAt('2026-11-28T23:30:00Z')).body;
    expect(html).toContain('data-store-status="closed"');
    expect(html).toMatch(/<tr class="is-today"[^>]*><th scope="row">Minggu/);
  });

  it('before opening on a weekday: opens today; English uses 24-hour colons', async () => {
    const html = (await pageAt('2026-11-25T00:30:00Z', '/toko?lang=en')).body;
    expect(html).toContain('Opens today at 09:30 WIB');
    expect(html).toContain('Our Store');
  });
});
