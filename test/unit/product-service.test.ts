import { describe, expect, it, vi } from 'vitest';
import { createProductService } from '../../src/store/product/service';
import type { ProductDetailRow } from '../../src/store/product/types';

const product: ProductDetailRow = {
  id: 7,
  categoryId: 2,
  slug: 'ibanez-rg550',
  name: 'Ibanez RG550',
  sku: 'GTR-1',
  brand: 'Ibanez',
  model: 'RG550',
  description: 'Shred',
  price: 17_500_000,
  stock: 4,
  lowStockThreshold: 2,
  weightGrams: 4500,
  lengthCm: 105,
  widthCm: 40,
  heightCm: 12,
  isFeatured: true,
  updatedAt: new Date('2026-11-01T00:00:00Z'),
};

function fakeRepository(live = { stock: 4, visible: true }) {
  return {
    findActiveBySlug: vi.fn(async (slug: string) => (slug === product.slug ? product : undefined)),
    findLiveState: vi.fn(async () => live),
    findCategoryChain: vi.fn(async () => [
      { id: 1, slug: 'gitar', name: 'Gitar' },
      { id: 2, slug: 'gitar-elektrik', name: 'Gitar Elektrik' },
    ]),
    findImages: vi.fn(async () => []),
    findRelated: vi.fn(async () => []),
  };
}

describe('product service', () => {
  it('loads a page once per TTL, but reads stock live on every request', async () => {
    let now = 0;
    const repo = fakeRepository();
    const service = createProductService({ products: repo, clock: () => now });
    expect((await service.productPage('ibanez-rg550'))?.product.stock).toBe(4);
    repo.findLiveState.mockResolvedValue({ stock: 1, visible: true });
    expect((await service.productPage('ibanez-rg550'))?.product.stock).toBe(1);
    expect(repo.findActiveBySlug).toHaveBeenCalledTimes(1);
    expect(repo.findLiveState).toHaveBeenCalledTimes(2);
    now += 15_001;
    await service.productPage('ibanez-rg550');
    expect(repo.findActiveBySlug).toHaveBeenCalledTimes(2);
  });

  it('visitors arriving while a stock lookup runs share it; the next request asks again', async () => {
    const repo = fakeRepository();
    const service = createProductService({ products: repo });
    await service.productPage('ibanez-rg550'); // warm the page cache
    repo.findLiveState.mockClear();
    let release!: (v: { stock: number; visible: boolean }) => void;
    repo.findLiveState.mockImplementationOnce(() => new Promise((r) => (release = r)));
    const waiting = Array.from({ length: 20 }, () => service.productPage('ibanez-rg550'));
    await new Promise((r) => setTimeout(r, 0));
    release({ stock: 2, visible: true });
    const pages = await Promise.all(waiting);
    expect(pages.map((p) => p?.product.stock)).toEqual(Array(20).fill(2));
    expect(repo.findLiveState).toHaveBeenCalledTimes(1);
    repo.findLiveState.mockResolvedValue({ stock: 0, visible: true });
    expect((await service.productPage('ibanez-rg550'))?.product.stock).toBe(0);
    expect(repo.findLiveState).toHaveBeenCalledTimes(2);
  });

  it('a product withdrawn since it was cached is gone at once', async () => {
    const repo = fakeRepository();
    const service = createProductService({ products: repo });
    expect(await service.productPage('ibanez-rg550')).not.toBeNull();
    repo.findLiveState.mockResolvedValue({ stock: 4, visible: false });
    expect(await service.productPage('ibanez-rg550')).toBeNull();
  });

  it('malformed slugs never reach the database; unknown ones are null', async () => {
    const repo = fakeRepository();
    const service = createProductService({ products: repo });
    for (const slug of ['', 'A', '<script>', 'x'.repeat(300), "a' OR 1=1"]) expect(await service.productPage(slug)).toBeNull();
    expect(repo.findActiveBySlug).not.toHaveBeenCalled();
    expect(await service.productPage('tidak-ada')).toBeNull();
    expect(repo.findLiveState).not.toHaveBeenCalled();
  });

  it('breadcrumbs root first; invalidate() forgets cached pages', async () => {
    const repo = fakeRepository();
    const service = createProductService({ products: repo });
    expect((await service.productPage('ibanez-rg550'))?.categories.map((c) => c.slug)).toEqual(['gitar', 'gitar-elektrik']);
    service.invalidate();
    await service.productPage('ibanez-rg550');
    expect(repo.findActiveBySlug).toHaveBeenCalledTimes(2);
  });
});
