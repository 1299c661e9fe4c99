import { describe, expect, it } from 'vitest';
import { planImport, type Lookups } from '../../src/store/product-import/plan';
import { parseCell } from '../../src/store/product-import/schema';
import { readCsv, type Sheet } from '../../src/store/product-import/sheet';
import type { SheetProduct } from '../../src/store/product-import/types';

const existing: SheetProduct = {
  id: 7,
  sku: 'GTR-1',
  name: 'Ibanez RG550',
  slug: 'ibanez-rg550',
  brand: 'Ibanez',
  model: 'RG550',
  category: 'gitar-elektrik',
  supplier: 'Harmoni',
  price: 17_500_000,
  stock: 4,
  min_stock: 1,
  low_stock_threshold: 2,
  weight_grams: 4500,
  length_cm: 105,
  width_cm: 40,
  height_cm: 12,
  featured: true,
  active: true,
  description: 'Shred',
};

const lookups = (): Lookups => ({
  existing: new Map([['GTR-1', existing]]),
  categories: new Map([
    ['gitar-elektrik', 3],
    ['efek', 9],
  ]),
  suppliers: new Map([['harmoni', 1]]),
  slugOwners: new Map([['ibanez-rg550', 'GTR-1']]),
});

const sheet = (header: string[], ...rows: string[][]): Sheet => ({ header, rows: rows.map((cells, i) => ({ row: i + 2, cells })) });

describe('catalogue sheet: CSV', () => {
  it('reads quoted fields with separators, quotes and line breaks; semicolons when the header uses them', () => {
    expect(readCsv('\uFEFFsku,name\r\nA-1,"Boss ""DS-1"", oranye"\n"B-2","two\nlines"\n')).toEqual([
      { row: 1, cells: ['sku', 'name'] },
      { row: 2, cells: ['A-1', 'Boss "DS-1", oranye'] },
      { row: 3, cells: ['B-2', 'two\nlines'] },
    ]);
    expect(readCsv('sku;price\nA-1;1.850.000')).toEqual([
      { row: 1, cells: ['sku', 'price'] },
      { row: 2, cells: ['A-1', '1.850.000'] },
    ]);
  });
});

describe('catalogue sheet: cells', () => {
  it('reads rupiah with Indonesian grouping and refuses fractions, words and zero prices', () => {
    expect(parseCell('price', 'Rp 1.850.000')).toEqual({ ok: true, value: 1_850_000 });
    expect(parseCell('price', '1850000')).toEqual({ ok: true, value: 1_850_000 });
    expect(parseCell('price', '18,5')).toEqual({ ok: false, message: 'import.error.number' });
    expect(parseCell('price', 'murah')).toEqual({ ok: false, message: 'import.error.number' });
    expect(parseCell('price', '0')).toEqual({ ok: false, message: 'import.error.range' });
    expect(parseCell('stock', '0')).toEqual({ ok: true, value: 0 });
    expect(parseCell('featured', 'Ya')).toEqual({ ok: true, value: true });
    expect(parseCell('active', 'tidak')).toEqual({ ok: true, value: false });
    expect(parseCell('active', 'mungkin')).toEqual({ ok: false, message: 'import.error.yesNo' });
    expect(parseCell('sku', 'GTR 1')).toEqual({ ok: false, message: 'import.error.sku' });
  });
});

describe('catalogue sheet: plan', () => {
  it('updates only the filled cells that differ, and says from what to what', () => {
    const { plan, updates } = planImport(
      sheet(['sku', 'price', 'stock', 'brand', 'featured'], ['gtr-1', '18.000.000', '4', 'Ibanez', 'tidak']),
      lookups(),
    );
    expect(plan.issues).toEqual([]);
    expect(plan.rows).toEqual([
      {
        row: 2,
        sku: 'gtr-1',
        action: 'update',
        changes: [
          { column: 'price', from: '17500000', to: '18000000' },
          { column: 'featured', from: 'ya', to: 'tidak' },
        ],
      },
    ]);
    expect(updates).toEqual([{ row: 2, id: 7, write: { price: 18_000_000, isFeatured: false }, stock: undefined }]);
  });

  it('an unchanged row is unchanged; a stock change is planned for the stock area', () => {
    expect(planImport(sheet(['sku', 'price'], ['GTR-1', '17500000']), lookups()).plan.counts).toEqual({
      create: 0,
      update: 0,
      unchanged: 1,
    });
    const { updates } = planImport(sheet(['sku', 'stock'], ['GTR-1', '9']), lookups());
    expect(updates).toEqual([{ row: 2, id: 7, write: {}, stock: 9 }]);
  });

  it('creates with defaults, a slug from the name, the SKU appended when that slug is taken', () => {
    const header = ['sku', 'name', 'brand', 'category', 'price', 'weight_grams', 'length_cm', 'width_cm', 'height_cm'];
    const { plan, creates } = planImport(
      sheet(
        header,
        ['N-1', 'Boss DS-1', 'Boss', 'efek', '850000', '400', '12', '7', '6'],
        ['N-2', 'Ibanez RG550', 'Ibanez', 'efek', '1', '1', '1', '1', '1'],
      ),
      lookups(),
    );
    expect(plan.issues).toEqual([]);
    expect(creates.map((c) => [c.write.slug, c.stock, c.write.isActive, c.write.lowStockThreshold, c.write.supplierId])).toEqual([
      ['boss-ds-1', 0, true, 3, null],
      ['ibanez-rg550-n-2', 0, true, 3, null],
    ]);
  });

  it('names every problem by row and column and plans nothing for those rows', () => {
    const { plan, creates, updates } = planImport(
      sheet(
        ['sku', 'name', 'category', 'supplier', 'slug', 'colour'],
        ['N-1', 'Boss DS-1', 'tidak-ada', 'Entah', '', 'merah'],
        ['GTR-1', '', '', '', 'boss-ds-1', ''],
        ['n-1', 'Dup', '', '', '', ''],
      ),
      { ...lookups(), slugOwners: new Map([['boss-ds-1', 'OTHER-9']]) },
    );
    expect(plan.issues.map((i) => [i.row, i.column, i.message])).toEqual([
      [1, null, 'import.error.unknownColumn'],
      [2, 'category', 'import.error.category'],
      [2, 'supplier', 'import.error.supplier'],
      [2, 'brand', 'import.error.required'],
      [2, 'price', 'import.error.required'],
      [2, 'weight_grams', 'import.error.required'],
      [2, 'length_cm', 'import.error.required'],
      [2, 'width_cm', 'import.error.required'],
      [2, 'height_cm', 'import.error.required'],
      [3, 'slug', 'import.error.slugTaken'],
      [4, 'sku', 'import.error.duplicateSku'],
      [4, 'brand', 'import.error.required'],
      [4, 'category', 'import.error.required'],
      [4, 'price', 'import.error.required'],
      [4, 'weight_grams', 'import.error.required'],
      [4, 'length_cm', 'import.error.required'],
      [4, 'width_cm', 'import.error.required'],
      [4, 'height_cm', 'import.error.required'],
    ]);
    expect(creates).toEqual([]);
    expect(updates).toEqual([]);
  });

  it('a sheet without a sku column cannot be imported', () => {
    expect(planImport(sheet(['name'], ['Boss']), lookups()).plan.issues[0]).toMatchObject({
      row: 1,
      column: 'sku',
      message: 'import.error.noSku',
    });
  });
});
