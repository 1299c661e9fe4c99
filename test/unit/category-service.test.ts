/** A3 rules with a fake repository: slugs, no cycles, nothing in use deleted, caches forgotten. */
import { describe, expect, it } from 'vitest';
import type { StoreTx } from '../../src/db/store-db';
import type { CategoryRepository } from '../../src/store/catalog/category-repository';
import {
  type CategoryInput,
  CategoryRuleError,
  categoryTree,
  createCategoryService,
  flattenTree,
  selfAndDescendants,
  slugify,
} from '../../src/store/catalog/category-service';
import type { AdminCategoryRow, CategoryFields } from '../../src/store/catalog/types';

function fakeRepo(initial: Omit<AdminCategoryRow, 'productCount'>[], products: Record<number, number> = {}) {
  const rows = initial.map((r) => ({ ...r }));
  let nextId = Math.max(0, ...rows.map((r) => r.id)) + 1;
  const repo = {
    listAll: async () => rows.map((r) => ({ ...r, productCount: products[r.id] ?? 0 })),
    lockTree: async () => {},
    slugTaken: async (_tx: unknown, slug: string, exceptId?: number) => rows.some((r) => r.slug === slug && r.id !== exceptId),
    insert: async (_tx: unknown, fields: CategoryFields) => {
      const id = nextId++;
      rows.push({ id, ...fields, image: null });
      return id;
    },
    update: async (_tx: unknown, id: number, fields: CategoryFields) => {
      const row = rows.find((r) => r.id === id);
      if (row) Object.assign(row, fields);
      return row !== undefined;
    },
    usage: async (_tx: unknown, id: number) => ({ products: products[id] ?? 0, children: rows.filter((r) => r.parentId === id).length }),
    remove: async (_tx: unknown, id: number) => {
      const at = rows.findIndex((r) => r.id === id);
      if (at < 0) return undefined;
      const [gone] = rows.splice(at, 1);
      return { imageKey: gone!.image?.storageKey ?? null };
    },
  };
  return { rows, repo: repo as unknown as CategoryRepository };
}

const row = (id: number, parentId: number | null, slug: string) => ({
  id,
  parentId,
  name: slug,
  slug,
  description: '',
  icon: 'music',
  position: 0,
  isActive: true,
  image: null,
});

const input = (fields: Partial<CategoryInput>): CategoryInput => ({
  name: 'Baru',
  slug: '',
  parentId: null,
  description: '',
  icon: 'music',
  position: 0,
  isActive: true,
  ...fields,
});

function setup(products: Record<number, number> = {}) {
  // gitar(1) › elektrik(2) › custom(3); bass(4)
  const { rows, repo } = fakeRepo(
    [row(1, null, 'gitar'), row(2, 1, 'gitar-elektrik'), row(3, 2, 'custom-shop'), row(4, null, 'bass')],
    products,
  );
  let invalidated = 0;
  const service = createCategoryService({
    repo,
    transaction: (work) => work({} as StoreTx),
    invalidate: () => {
      invalidated++;
    },
  });
  return { rows, service, invalidated: () => invalidated };
}

async function refusal(promise: Promise<unknown>): Promise<{ field: string; key: string }> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CategoryRuleError);
  const { field, key } = error as CategoryRuleError;
  return { field, key };
}

describe('category rules', () => {
  it('makes URL-safe slugs from names', () => {
    expect(slugify('Gitar Elektrik & Bass')).toBe('gitar-elektrik-bass');
    expect(slugify('  Pédal  Éfek!! ')).toBe('pedal-efek');
    expect(slugify('!!!')).toBe('');
    expect(slugify('x'.repeat(200))).toHaveLength(120);
  });

  it('builds the tree in display order and knows each category’s descendants', () => {
    const rows = [row(3, 2, 'c'), row(1, null, 'a'), row(2, 1, 'b'), row(4, null, 'd')].map((r) => ({ ...r, productCount: 0 }));
    const flat = flattenTree(categoryTree(rows));
    expect(flat.map((n) => [n.slug, n.depth])).toEqual([
      ['a', 0],
      ['b', 1],
      ['c', 2],
      ['d', 0],
    ]);
    expect([...selfAndDescendants(rows, 1)].sort()).toEqual([1, 2, 3]);
    expect([...selfAndDescendants(rows, 4)]).toEqual([4]);
  });

  it('creates with a slug made from the name, refusing taken and impossible slugs', async () => {
    const { rows, service, invalidated } = setup();
    await service.create(input({ name: 'Synth & Keyboard' }));
    expect(rows.at(-1)?.slug).toBe('synth-keyboard');
    expect(invalidated()).toBe(1);
    expect(await refusal(service.create(input({ name: 'Gitar' })))).toEqual({
      field: 'slug',
      key: 'adminCatalog.category.error.slugTaken',
    });
    expect(await refusal(service.create(input({ name: '???' })))).toEqual({
      field: 'name',
      key: 'adminCatalog.category.error.slugFromName',
    });
    expect(await refusal(service.create(input({ name: 'X', parentId: 99 })))).toMatchObject({ field: 'parentId' });
    expect(invalidated()).toBe(1);
  });

  it('never moves a category under itself or one of its descendants', async () => {
    const { service, rows } = setup();
    for (const parentId of [1, 2, 3]) {
      expect(await refusal(service.update(1, input({ name: 'gitar', slug: 'gitar', parentId })))).toEqual({
        field: 'parentId',
        key: 'adminCatalog.category.error.cycle',
      });
    }
    expect(await service.update(2, input({ name: 'Elektrik', slug: 'gitar-elektrik', parentId: 4 }))).toBe(true);
    expect(rows.find((r) => r.id === 2)?.parentId).toBe(4);
    // Keeping its own slug is not "taken".
    expect(await service.update(4, input({ name: 'Bass', slug: 'bass' }))).toBe(true);
    expect(await service.update(99, input({ name: 'Nope' }))).toBe(false);
  });

  it('offers as parents everything but the category and its descendants', async () => {
    const { service } = setup();
    const data = await service.formData(1);
    expect(data.category?.slug).toBe('gitar');
    expect(data.parents.map((p) => p.slug)).toEqual(['bass']);
    expect(data.usage).toEqual({ products: 0, children: 1 });
    expect((await service.formData(99)).category).toBeUndefined();
  });

  it('deletes only a category without products or sub-categories', async () => {
    const { service, rows, invalidated } = setup({ 4: 2 });
    expect(await refusal(service.remove(4))).toEqual({ field: '_form', key: 'adminCatalog.category.error.hasProducts' });
    expect(await refusal(service.remove(2))).toEqual({ field: '_form', key: 'adminCatalog.category.error.hasChildren' });
    expect(await service.remove(3)).toBe(true);
    expect(rows.map((r) => r.id)).toEqual([1, 2, 4]);
    expect(invalidated()).toBe(1);
    expect(await service.remove(3)).toBe(false);
  });
});
