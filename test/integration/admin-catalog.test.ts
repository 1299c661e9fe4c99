/**
 * Back office A3 Categories and A5 Suppliers through HTTP: admin only, every form with valid and
 * invalid input (400 with one message per field, the user's values kept), the tree rules (slug,
 * no cycles, nothing in use deleted) and the storefront showing a change at once.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/db/connection';
import { multipart } from '../helpers/multipart';
import { dbTargets } from '../helpers/databases';
import { createTestStore, type TestStore } from '../helpers/store-app';
import { type Answer, createUser, PASSWORD, TestBrowser } from './accounts-client';

const idFrom = (answer: Answer, pattern: RegExp) => Number(pattern.exec(answer.body)?.[1]);
const fieldError = (body: string, field: string) => new RegExp(`id="f-${field}-error" class="invalid-feedback">([^<]+)<`).exec(body)?.[1];

describe.each(dbTargets)('admin categories and suppliers on %s', (target) => {
  let store: TestStore;
  let admin: TestBrowser;
  let ip = 10;

  beforeAll(async () => {
    store = await createTestStore(target);
    await createUser(store.database.db, { email: 'admin@catalog-admin.example', role: 'admin' });
    await createUser(store.database.db, { email: 'staff@catalog-admin.example', role: 'staff' });
    await createUser(store.database.db, { email: 'english@catalog-admin.example', role: 'admin' });
    admin = new TestBrowser(store.app, `192.0.2.${ip++}`);
    await admin.login('admin@catalog-admin.example', PASSWORD);
  });
  afterAll(() => store?.close());

  /** The id of a category from its row in the tree. */
  async function categoryId(slug: string): Promise<number> {
    const list = await admin.get('/admin/kategori');
    return idFrom(list, new RegExp(`data-category-row="${slug}"[\\s\\S]*?href="/admin/kategori/(\\d+)"`));
  }

  const categoryForm = (fields: Record<string, string>) => ({
    name: '',
    slug: '',
    parentId: '',
    description: '',
    icon: '',
    position: '0',
    isActive: 'on',
    ...fields,
  });

  describe('categories', () => {
    it('shows the tree with product counts and states, in the sidebar, to admins only', async () => {
      const page = await admin.get('/admin/kategori');
      expect(page.status).toBe(200);
      expect(page.body).toMatch(/href="\/admin\/kategori" aria-current="page"/);
      expect(page.body).toContain('data-admin-nav="suppliers"');
      // Parents come before their children, which are indented one level.
      const order = [...page.body.matchAll(/data-category-row="([a-z-]+)"/g)].map((m) => m[1]);
      expect(order.indexOf('gitar')).toBeLessThan(order.indexOf('gitar-elektrik'));
      expect(page.body).toMatch(/data-category-row="gitar-elektrik"[\s\S]*?--depth:1/);
      expect(page.body).toMatch(/data-category-row="gitar-elektrik"[\s\S]*?data-product-count="true">([1-9]\d*)</);

      const staff = new TestBrowser(store.app, `192.0.2.${ip++}`);
      await staff.login('staff@catalog-admin.example', PASSWORD);
      expect((await staff.get('/admin/kategori')).status).toBe(403);
      expect((await staff.get('/admin')).body).not.toContain('data-admin-nav="categories"');
    });

    it('creates a category, making a URL-safe slug from the name, and the storefront shows it at once', async () => {
      // Seen by an anonymous visitor first, so the shop's caches hold the page without it.
      const visitor = () => store.app.inject({ method: 'GET', url: '/' });
      expect((await visitor()).body).not.toContain('Synth &amp; Keyboard');
      const form = await admin.get('/admin/kategori/baru');
      expect(form.status).toBe(200);
      expect(form.body).toContain('name="_csrf"');
      const created = await admin.post('/admin/kategori', categoryForm({ name: 'Synth & Keyboard', icon: 'music', position: '9' }));
      expect(created.status).toBe(303);
      expect(created.location).toBe('/admin/kategori');
      const list = await admin.get('/admin/kategori');
      expect(list.body).toContain('data-admin-flash');
      expect(list.body).toContain('Kategori Synth &amp; Keyboard dibuat.');
      expect(list.body).toContain('data-category-row="synth-keyboard"');
      expect((await visitor()).body).toContain('Synth &amp; Keyboard');
    });

    it('refuses bad input with one message per field and keeps what was typed', async () => {
      const empty = await admin.post('/admin/kategori', categoryForm({ name: '', slug: 'Bad Slug!', position: 'x' }));
      expect(empty.status).toBe(400);
      expect(fieldError(empty.body, 'name')).toContain('Isi nama kategori');
      expect(fieldError(empty.body, 'slug')).toContain('huruf kecil');
      expect(fieldError(empty.body, 'position')).toContain('0 sampai 9999');
      expect(empty.body).toContain('value="Bad Slug!"');

      const taken = await admin.post('/admin/kategori', categoryForm({ name: 'Gitar Lagi', slug: 'gitar' }));
      expect(taken.status).toBe(400);
      expect(fieldError(taken.body, 'slug')).toBe('Slug ini sudah dipakai kategori lain.');
      expect(taken.body).toContain('value="Gitar Lagi"');

      const noSlug = await admin.post('/admin/kategori', categoryForm({ name: '!!!' }));
      expect(noSlug.status).toBe(400);
      expect(fieldError(noSlug.body, 'name')).toContain('isi slug sendiri');

      const noParent = await admin.post('/admin/kategori', categoryForm({ name: 'Yatim', parentId: '999999' }));
      expect(noParent.status).toBe(400);
      expect(fieldError(noParent.body, 'parentId')).toBe('Pilih induk yang ada.');

      const noToken = await admin.request('POST', '/admin/kategori', { form: categoryForm({ name: 'Tanpa token' }) });
      expect(noToken.status).toBe(403);
    });

    it('edits a category and never moves it under itself or a descendant', async () => {
      // Its own little tree (tests run in any order): Induk › Anak › Cucu, and a separate Tujuan.
      await admin.post('/admin/kategori', categoryForm({ name: 'Induk Uji' }));
      const induk = await categoryId('induk-uji');
      await admin.post('/admin/kategori', categoryForm({ name: 'Anak Uji', parentId: String(induk) }));
      const anak = await categoryId('anak-uji');
      await admin.post('/admin/kategori', categoryForm({ name: 'Cucu Uji', parentId: String(anak) }));
      const cucu = await categoryId('cucu-uji');
      await admin.post('/admin/kategori', categoryForm({ name: 'Tujuan Uji', icon: 'star' }));
      const tujuan = await categoryId('tujuan-uji');

      const edit = await admin.get(`/admin/kategori/${induk}`);
      expect(edit.status).toBe(200);
      expect(edit.body).toContain('value="Induk Uji"');
      // Its own sub-categories are not offered as parents.
      expect(edit.body).not.toContain(`<option value="${cucu}"`);
      expect(edit.body).toContain(`<option value="${tujuan}"`);

      const base = categoryForm({ name: 'Induk Uji', slug: 'induk-uji' });
      for (const parentId of [String(induk), String(anak), String(cucu)]) {
        const cycle = await admin.post(`/admin/kategori/${induk}`, { ...base, parentId });
        expect(cycle.status).toBe(400);
        expect(fieldError(cycle.body, 'parentId')).toBe('Kategori tidak bisa dipindah ke bawah dirinya sendiri atau sub-kategorinya.');
        expect(cycle.body).toContain('value="Induk Uji"');
        // The select shows where it is now (no parent), not a silently different choice.
        expect(cycle.body).toMatch(/<option value selected>/);
      }

      const moved = await admin.post(`/admin/kategori/${anak}`, {
        ...categoryForm({ name: 'Anak Pindah', slug: 'anak-uji' }),
        parentId: String(tujuan),
        isActive: '',
      });
      expect(moved.status).toBe(303);
      const list = await admin.get('/admin/kategori');
      expect(list.body).toContain('Kategori Anak Pindah disimpan.');
      expect(list.body).toMatch(/data-category-row="anak-uji"[\s\S]*?Nonaktif/);
      const order = [...list.body.matchAll(/data-category-row="([a-z-]+)"/g)].map((m) => m[1]);
      expect(order.indexOf('anak-uji')).toBe(order.indexOf('tujuan-uji') + 1);
      expect(order.indexOf('cucu-uji')).toBe(order.indexOf('anak-uji') + 1);

      // The storefront's home tiles follow at once: a deactivated top category disappears.
      const home = () => store.app.inject({ method: 'GET', url: '/' });
      expect((await home()).body).toContain('Tujuan Uji');
      const off = await admin.post(`/admin/kategori/${tujuan}`, { ...categoryForm({ name: 'Tujuan Uji', icon: 'star' }), isActive: '' });
      expect(off.status).toBe(303);
      expect((await home()).body).not.toContain('Tujuan Uji');

      expect((await admin.get('/admin/kategori/999999')).status).toBe(404);
      expect((await admin.get('/admin/kategori/abc')).status).toBe(404);
      expect((await admin.post('/admin/kategori/999999', base)).status).toBe(404);
    });

    it('deletes only an unused category, after confirming', async () => {
      const withProducts = await categoryId('pedal-efek');
      const page = await admin.get(`/admin/kategori/${withProducts}`);
      expect(page.body).toContain('masih berisi');
      expect(page.body).not.toContain(`action="/admin/kategori/${withProducts}/hapus"`);
      const refused = await admin.post(`/admin/kategori/${withProducts}/hapus`);
      expect(refused.status).toBe(409);
      expect(refused.body).toContain('masih berisi produk');

      const parent = await categoryId('drum');
      const refusedParent = await admin.post(`/admin/kategori/${parent}/hapus`);
      expect(refusedParent.status).toBe(409);

      await admin.post('/admin/kategori', categoryForm({ name: 'Sementara' }));
      const temp = await categoryId('sementara');
      const confirm = await admin.get(`/admin/kategori/${temp}`);
      expect(confirm.body).toMatch(/<details>[\s\S]*?action="\/admin\/kategori\/\d+\/hapus"/);
      const deleted = await admin.post(`/admin/kategori/${temp}/hapus`);
      expect(deleted.status).toBe(303);
      const list = await admin.get('/admin/kategori');
      expect(list.body).toContain('Kategori dihapus.');
      expect(list.body).not.toContain('data-category-row="sementara"');
      expect((await admin.post(`/admin/kategori/${temp}/hapus`)).status).toBe(404);
    });

    it('gives a category a picture for its home-page tile: re-encoded, replaced, refused when not an image, removed', async () => {
      const gitar = await categoryId('gitar');
      const edit = await admin.get(`/admin/kategori/${gitar}`);
      expect(edit.body).toContain('Belum ada gambar');
      const send = async (id: number, file: { data: Buffer; filename: string; type: string }) => {
        const body = multipart([
          { name: '_csrf', value: admin.csrf ?? '' },
          { name: 'image', ...file },
        ]);
        const res = await store.app.inject({
          method: 'POST',
          url: `/admin/kategori/${id}/gambar`,
          remoteAddress: '192.0.2.201',
          headers: { cookie: [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; '), 'content-type': body.contentType },
          payload: body.payload,
        });
        for (const c of res.cookies) admin.cookies.set(c.name, c.value);
        return res;
      };
      const keyOf = async () => {
        const [row] = rowsOf<{ image_key: string | null }>(
          await store.database.db.execute(sql`SELECT image_key FROM categories WHERE id = ${gitar}`),
        );
        return row?.image_key ?? null;
      };
      const photo = (background: string) =>
        sharp({ create: { width: 1200, height: 900, channels: 3, background } })
          .withMetadata({ exif: { IFD0: { Copyright: 'kamera toko' } } })
          .jpeg()
          .toBuffer();

      // Not an image: the edit page again (400) with the reason, nothing stored.
      const refused = await send(gitar, { data: Buffer.from('bukan gambar'), filename: 'gitar.jpg', type: 'image/jpeg' });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('bukan gambar yang bisa dibaca');
      expect(await keyOf()).toBeNull();
      expect((await send(gitar, { data: Buffer.alloc(0), filename: '', type: 'application/octet-stream' })).body).toContain(
        'Pilih file gambar dulu',
      );

      expect((await send(gitar, { data: await photo('#7c2d12'), filename: 'gitar.jpg', type: 'image/jpeg' })).statusCode).toBe(303);
      const first = await keyOf();
      expect(first).toMatch(/^[\w-]{16,64}$/);
      const stored = path.join(store.config.uploadDir, 'categories', `${first}-640.jpg`);
      expect((await sharp(stored).metadata()).exif).toBeUndefined();
      const home = await new TestBrowser(store.app).get('/');
      expect(home.body).toContain(`/media/categories/${first}-640.jpg`);

      // Replacing deletes the old renditions.
      expect((await send(gitar, { data: await photo('#1d4ed8'), filename: 'baru.jpg', type: 'image/jpeg' })).statusCode).toBe(303);
      const second = await keyOf();
      expect(second).not.toBe(first);
      expect(existsSync(stored)).toBe(false);
      expect((await new TestBrowser(store.app).get('/')).body).toContain(`/media/categories/${second}-640.jpg`);

      // Removing (after the page's confirmation) brings the icon back.
      expect((await admin.get(`/admin/kategori/${gitar}`)).body).toContain(`action="/admin/kategori/${gitar}/gambar/hapus"`);
      expect((await admin.post(`/admin/kategori/${gitar}/gambar/hapus`)).status).toBe(303);
      expect(await keyOf()).toBeNull();
      expect(existsSync(path.join(store.config.uploadDir, 'categories', `${second}-640.jpg`))).toBe(false);
      expect((await new TestBrowser(store.app).get('/')).body).not.toContain('/media/categories/');
      expect((await admin.post('/admin/kategori/999999/gambar/hapus')).status).toBe(404);
      expect((await send(999999, { data: await photo('#000000'), filename: 'x.jpg', type: 'image/jpeg' })).statusCode).toBe(404);
    });
  });

  describe('suppliers', () => {
    it('lists suppliers with search and status filter kept in the URL', async () => {
      const all = await admin.get('/admin/pemasok');
      expect(all.status).toBe(200);
      expect(all.body).toContain('PT Harmoni Nada Distribusi');
      expect(all.body).toContain('CV Bandung Musik Sentosa');
      const byContact = await admin.get('/admin/pemasok?q=dewi');
      expect(byContact.body).toContain('CV Bandung Musik Sentosa');
      expect(byContact.body).not.toContain('PT Harmoni Nada Distribusi');
      expect(byContact.body).toContain('value="dewi"');
      const wildcard = await admin.get('/admin/pemasok?q=%25');
      expect(wildcard.body).toContain('Tidak ada pemasok yang cocok.');
      const inactive = await admin.get('/admin/pemasok?status=inactive');
      expect(inactive.body).not.toContain('PT Harmoni Nada Distribusi');
      expect(inactive.body).toContain('<option value="inactive" selected');
      expect((await admin.get('/admin/pemasok?status=nonsense&page=-3')).status).toBe(200);

      // Each row counts that supplier's own products.
      const counts = await store.database.db.execute(
        sql`SELECT s.id, (SELECT count(*) FROM products p WHERE p.supplier_id = s.id) AS n FROM suppliers s`,
      );
      for (const row of rowsOf<{ id: number; n: string | number }>(counts)) {
        const cell = new RegExp(`data-supplier-row="${row.id}"[\\s\\S]*?<td class="text-end">(\\d+)</td>`).exec(all.body);
        expect(Number(cell?.[1]), `supplier ${row.id}`).toBe(Number(row.n));
      }

      // In English too (another admin: the chosen language is remembered for the account).
      const english = new TestBrowser(store.app, `192.0.2.${ip++}`);
      await english.login('english@catalog-admin.example', PASSWORD);
      const en = await english.get('/admin/pemasok?lang=en');
      expect(en.body).toContain('<h1 class="admin-title">Suppliers</h1>');
      expect((await english.get('/admin/kategori')).body).toContain('<h1 class="admin-title">Categories</h1>');
    });

    it('creates a supplier with a normalised phone, and refuses bad input field by field', async () => {
      const bad = await admin.post('/admin/pemasok', { name: '', phone: '12345', email: 'not-an-email' });
      expect(bad.status).toBe(400);
      expect(fieldError(bad.body, 'name')).toContain('Isi nama pemasok');
      expect(fieldError(bad.body, 'email')).toBe('Masukkan alamat email yang valid.');
      expect(bad.body).toContain('value="12345"');
      const badPhone = await admin.post('/admin/pemasok', { name: 'Toko Senar', phone: '12345' });
      expect(badPhone.status).toBe(400);
      expect(fieldError(badPhone.body, 'phone')).toContain('nomor telepon Indonesia');
      expect(badPhone.body).toContain('value="Toko Senar"');

      const created = await admin.post('/admin/pemasok', {
        name: 'Toko Senar Jaya',
        contactPerson: 'Budi',
        phone: '+62 812 3456 7890',
        email: 'Budi@SenarJaya.example',
        address: 'Jl Braga 1, Bandung',
        notes: 'Senar dan pick',
      });
      expect(created.status).toBe(303);
      const page = await admin.get(created.location!);
      expect(page.body).toContain('Pemasok Toko Senar Jaya dibuat.');
      expect(page.body).toContain('value="0812-3456-7890"');
      expect(page.body).toContain('value="budi@senarjaya.example"');
      expect(page.body).toContain('Belum ada produk dari pemasok ini.');
    });

    it('shows the products a supplier supplies, with links to the shop', async () => {
      const list = await admin.get('/admin/pemasok?q=harmoni');
      const id = idFrom(list, /href="\/admin\/pemasok\/(\d+)"/);
      const page = await admin.get(`/admin/pemasok/${id}`);
      expect(page.status).toBe(200);
      expect(page.body).toMatch(/data-supplier-products[\s\S]*?href="\/produk\/[a-z0-9-]+"[\s\S]*?<code>[^<]+<\/code>/);
      expect((await admin.get('/admin/pemasok/999999')).status).toBe(404);
      expect((await admin.get('/admin/pemasok/x')).status).toBe(404);
    });

    it('edits a supplier, and deactivates and reactivates it after confirming', async () => {
      const created = await admin.post('/admin/pemasok', { name: 'UD Kayu Tonewood', phone: '0811 222 333' });
      expect(created.status).toBe(303);
      const id = Number(/\/admin\/pemasok\/(\d+)$/.exec(created.location!)?.[1]);
      const page = await admin.get(`/admin/pemasok/${id}`);
      expect(page.body).toMatch(/<details>[\s\S]*?name="active" value="0"/);

      const bad = await admin.post(`/admin/pemasok/${id}`, { name: 'UD Kayu', phone: 'abc' });
      expect(bad.status).toBe(400);
      expect(fieldError(bad.body, 'phone')).toContain('nomor telepon Indonesia');
      expect(bad.body).toContain('value="abc"');
      const saved = await admin.post(`/admin/pemasok/${id}`, { name: 'UD Kayu Jati', phone: '021 6231 4477', contactPerson: 'Slamet' });
      expect(saved.status).toBe(303);
      const after = await admin.get(`/admin/pemasok/${id}`);
      expect(after.body).toContain('Pemasok UD Kayu Jati disimpan.');
      expect(after.body).toContain('value="0216-2314-477"');

      expect((await admin.post(`/admin/pemasok/${id}/status`, { active: '0' })).status).toBe(303);
      const off = await admin.get(`/admin/pemasok/${id}`);
      expect(off.body).toContain('Pemasok dinonaktifkan.');
      expect(off.body).toContain('name="active" value="1"');
      expect((await admin.get('/admin/pemasok?status=inactive')).body).toContain('UD Kayu Jati');
      expect((await admin.get('/admin/pemasok?status=active')).body).not.toContain('UD Kayu Jati');
      expect((await admin.post(`/admin/pemasok/${id}/status`, { active: 'x' })).status).toBe(400);
      expect((await admin.post(`/admin/pemasok/${id}/status`, { active: '1' })).status).toBe(303);
      expect((await admin.get('/admin/pemasok?status=active')).body).toContain('UD Kayu Jati');
      expect((await admin.post('/admin/pemasok/999999/status', { active: '0' })).status).toBe(404);
      expect((await admin.post('/admin/pemasok/999999', { name: 'X' })).status).toBe(404);
    });
  });
});
