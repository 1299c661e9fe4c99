/**
 * The back office's product rules against fake repositories: slugs from names, unique slug and SKU
 * as field errors, stock only through the stock area (by the difference), delete versus archive,
 * the 8-image limit, refused images named, and the storefront caches emptied after every change.
 */
import { describe, expect, it, vi } from 'vitest';
import { InvalidImageError } from '../../src/lib/images';
import type { ProductAdminRepository } from '../../src/store/product/admin-repository';
import { createProductAdminService, freeSlug, moveImage, type ProductInput, slugify } from '../../src/store/product/admin-service';
import type { AdminProduct, AdminProductImage } from '../../src/store/product/types';
import { stockState } from '../../src/store/product/types';

const input = (extra: Partial<ProductInput> = {}): ProductInput => ({
  name: 'Fender Player Stratocaster',
  slug: '',
  sku: 'FND-STRAT',
  brand: 'Fender',
  model: 'Player',
  categoryId: 1,
  supplierId: null,
  price: 12_500_000,
  minStock: 1,
  lowStockThreshold: 2,
  weightGrams: 4000,
  lengthCm: 110,
  widthCm: 40,
  heightCm: 12,
  description: '',
  isFeatured: false,
  isActive: true,
  ...extra,
});

function fake(opts: { products?: AdminProduct[]; images?: AdminProductImage[]; ordered?: number[] } = {}) {
  const products = new Map((opts.products ?? []).map((p) => [p.id, { ...p }]));
  let images = [...(opts.images ?? [])];
  let nextId = 100;
  const repo = {
    list: vi.fn(async (_filters: unknown) => ({ rows: [], total: 0 })),
    find: vi.fn(async (id: number) => products.get(id)),
    images: vi.fn(async (id: number) => images.filter(() => products.has(id)).sort((a, b) => a.position - b.position)),
    taken: vi.fn(async (field: 'slug' | 'sku', value: string, exceptId?: number) =>
      [...products.values()].some((p) => p[field] === value && p.id !== exceptId),
    ),
    slugsLike: vi.fn(async (base: string) =>
      [...products.values()].map((p) => p.slug).filter((s) => s === base || s.startsWith(`${base}-`)),
    ),
    categoryExists: vi.fn(async (id: number) => id === 1),
    supplierExists: vi.fn(async (id: number) => id === 7),
    insert: vi.fn(async (fields: AdminProduct) => {
      const id = nextId++;
      products.set(id, { ...fields, id, stock: 0 });
      return id;
    }),
    update: vi.fn(async (id: number, fields: Partial<AdminProduct>) => {
      products.set(id, { ...products.get(id)!, ...fields });
      return true;
    }),
    hasOrders: vi.fn(async (id: number) => (opts.ordered ?? []).includes(id)),
    setActive: vi.fn(async (id: number, active: boolean) => void (products.get(id)!.isActive = active)),
    delete: vi.fn(async (id: number) => products.delete(id)),
    bulk: vi.fn(async (ids: number[]) => ids.length),
    addImage: vi.fn(async (_productId: number, image: { storageKey: string }) => {
      images.push({
        id: images.length + 1,
        storageKey: image.storageKey,
        alt: '',
        position: images.length,
        isMain: images.length === 0,
        sizes: [],
      });
    }),
    reorderImages: vi.fn(async () => {}),
    setMainImage: vi.fn(async () => true),
    deleteImage: vi.fn(async (_p: number, imageId: number) => {
      const gone = images.find((i) => i.id === imageId);
      images = images.filter((i) => i.id !== imageId);
      return gone?.storageKey;
    }),
  };
  const stock = { adjust: vi.fn(async (_id: number, delta: number) => ({ ok: true as const, stock: delta })) };
  const media = {
    store: vi.fn(async (data: Buffer) => {
      if (data.toString() === 'text') throw new InvalidImageError('not_an_image', 'nope');
      if (data.toString() === 'bomb') throw new InvalidImageError('too_many_pixels', 'big');
      return { storageKey: `k${data.toString()}`, sizes: [] };
    }),
    remove: vi.fn(async () => {}),
  };
  const invalidate = vi.fn();
  const service = createProductAdminService({
    repo: repo as unknown as ProductAdminRepository,
    stock,
    media,
    invalidate,
    searchScope: vi.fn(async () => ({ matchedCategoryIds: [3, 1] })),
  });
  return { service, repo, stock, media, invalidate, products };
}

const existing = (id: number, extra: Partial<AdminProduct> = {}): AdminProduct => ({
  ...input(),
  id,
  slug: `produk-${id}`,
  sku: `SKU-${id}`,
  stock: 4,
  createdAt: new Date(0),
  updatedAt: new Date(0),
  ...extra,
});

describe('product admin rules', () => {
  it('makes slugs from names and picks the next free one', () => {
    expect(slugify('Fender Player Stratocaster — Édition "HSS"')).toBe('fender-player-stratocaster-edition-hss');
    expect(slugify('!!!')).toBe('produk');
    expect(freeSlug('strat', ['strat', 'strat-2'])).toBe('strat-3');
    expect(freeSlug('strat', [])).toBe('strat');
    expect(moveImage([1, 2, 3], 3, 'up')).toEqual([1, 3, 2]);
    expect(moveImage([1, 2, 3], 1, 'up')).toEqual([1, 2, 3]);
    expect(moveImage([1, 2, 3], 3, 'down')).toEqual([1, 2, 3]);
    expect(stockState(0, 3)).toBe('out');
    expect(stockState(3, 3)).toBe('low');
    expect(stockState(4, 3)).toBe('ok');
  });

  it('creates with a free slug, the initial stock through the stock area, and empties the caches', async () => {
    const f = fake({ products: [existing(1, { slug: 'fender-player-stratocaster' })] });
    const result = await f.service.create(input(), 6, { userId: 9 });
    expect(result).toEqual({ ok: true, id: 100 });
    expect(f.products.get(100)).toMatchObject({ slug: 'fender-player-stratocaster-2', stock: 0 });
    expect(f.stock.adjust).toHaveBeenCalledWith(100, 6, 'adjustment', expect.objectContaining({ userId: 9 }));
    expect(f.invalidate).toHaveBeenCalled();
    // No stock: no movement.
    await f.service.create(input({ sku: 'OTHER' }), 0, { userId: 9 });
    expect(f.stock.adjust).toHaveBeenCalledTimes(1);
  });

  it('answers taken slugs and SKUs, unknown categories and suppliers as field errors', async () => {
    const f = fake({ products: [existing(1, { slug: 'strat', sku: 'FND-STRAT' })] });
    const result = await f.service.create(input({ slug: 'strat', categoryId: 5, supplierId: 3 }), 0, { userId: 1 });
    expect(result).toEqual({
      ok: false,
      errors: {
        slug: 'adminProducts.error.slugTaken',
        sku: 'adminProducts.error.skuTaken',
        categoryId: 'adminProducts.error.category',
        supplierId: 'adminProducts.error.supplier',
      },
    });
    expect(f.repo.insert).not.toHaveBeenCalled();
    expect((await f.service.create(input({ slug: 'Bad Slug' }), 0, { userId: 1 })).ok).toBe(false);
    // A race the check missed: the database's unique violation becomes the field error.
    f.repo.insert.mockRejectedValueOnce(Object.assign(new Error('dup'), { code: '23505', constraint: 'products_slug_unique' }));
    expect(await f.service.create(input({ sku: 'NEW' }), 0, { userId: 1 })).toEqual({
      ok: false,
      errors: { slug: 'adminProducts.error.slugTaken' },
    });
  });

  it('edits: keeps its own slug and SKU, moves stock by the difference only', async () => {
    const f = fake({ products: [existing(1, { slug: 'strat', sku: 'FND-STRAT', stock: 4 })] });
    expect(await f.service.update(1, input({ slug: 'strat' }), { was: 4, now: 4 }, { userId: 2 })).toEqual({ ok: true, id: 1 });
    expect(f.stock.adjust).not.toHaveBeenCalled();
    await f.service.update(1, input({ slug: 'strat' }), { was: 4, now: 1 }, { userId: 2 });
    expect(f.stock.adjust).toHaveBeenCalledWith(1, -3, 'adjustment', expect.objectContaining({ userId: 2 }));
    f.stock.adjust.mockResolvedValueOnce({ ok: false, reason: 'insufficient' } as never);
    expect(await f.service.update(1, input({ slug: 'strat' }), { was: 4, now: 0 }, { userId: 2 })).toEqual({
      ok: false,
      errors: { stock: 'adminProducts.error.stockBelowZero' },
    });
    expect(await f.service.update(99, input(), { was: 0, now: 0 }, { userId: 2 })).toBeUndefined();
  });

  it('deletes a product that never sold (and its image files), archives one that did', async () => {
    const f = fake({
      products: [existing(1), existing(2)],
      images: [{ id: 1, storageKey: 'img', alt: '', position: 0, isMain: true, sizes: [] }],
      ordered: [2],
    });
    expect(await f.service.remove(2)).toBe('archived');
    expect(f.products.get(2)!.isActive).toBe(false);
    expect(await f.service.remove(1)).toBe('deleted');
    expect(f.products.has(1)).toBe(false);
    expect(f.media.remove).toHaveBeenCalledWith('img');
    expect(await f.service.remove(1)).toBe('not_found');
    // Ordered between the check and the delete: archived instead.
    f.products.set(3, existing(3));
    f.repo.delete.mockRejectedValueOnce(Object.assign(new Error('fk'), { code: '23503' }));
    expect(await f.service.remove(3)).toBe('archived');
    expect(f.products.get(3)!.isActive).toBe(false);
    expect(f.invalidate).toHaveBeenCalledTimes(3);
  });

  it('stores good images, names the refused ones, and never goes past 8 images', async () => {
    const f = fake({ products: [existing(1)] });
    const files = ['a', 'text', 'bomb'].map((s) => ({ filename: `${s}.jpg`, data: Buffer.from(s) }));
    expect(await f.service.addImages(1, files, 'alt')).toEqual({
      added: 1,
      tooMany: false,
      refused: [
        { filename: 'text.jpg', reason: 'adminProducts.image.error.invalid' },
        { filename: 'bomb.jpg', reason: 'adminProducts.image.error.pixels' },
      ],
    });
    const eight = Array.from({ length: 8 }, (_, i) => ({ filename: `${i}.jpg`, data: Buffer.from(`x${i}`) }));
    expect(await f.service.addImages(1, eight, 'alt')).toEqual({ added: 0, refused: [], tooMany: true });
    expect(await f.service.addImages(1, eight.slice(1), 'alt')).toMatchObject({ added: 7, tooMany: false });
    expect(await f.service.addImages(404, eight.slice(0, 1), 'alt')).toBeUndefined();
  });

  it('searches with the catalog rule (matching categories included) and sorts by relevance only when searching', async () => {
    const f = fake();
    const query = { q: 'strat', categoryId: undefined, stock: undefined, active: undefined, featured: undefined, page: 1 } as const;
    await f.service.list({ ...query, sort: 'relevance' });
    expect(f.repo.list).toHaveBeenCalledWith(
      expect.objectContaining({ search: { q: 'strat', matchedCategoryIds: [3, 1] }, sort: 'relevance' }),
    );
    await f.service.list({ ...query, q: '', sort: 'relevance' });
    expect(f.repo.list).toHaveBeenLastCalledWith(expect.objectContaining({ search: undefined, sort: 'newest' }));
  });
});
