/**
 * The shelf's reads tell the buyers who read before them (stock/shelf.ts): a buyer whose own read
 * still showed units has lost only when a read sent *after* it, or a winner's commit, found too few.
 */
import { describe, expect, it } from 'vitest';
import { createShelf } from '../../src/store/stock/shelf';

const GUITAR = 7;
const AMP = 9;

function shelfWith(initial: Record<number, number>) {
  const units = new Map(Object.entries(initial).map(([id, n]) => [Number(id), n]));
  let clock = 1_000;
  const repo = {
    onSale: async (ids: readonly number[]) =>
      ids
        .filter((id) => units.has(id))
        .map((id) => ({ id, slug: `p-${id}`, name: `P${id}`, sku: `S${id}`, brand: 'B', price: 100, stock: units.get(id)! })),
  };
  const shelf = createShelf(repo, () => clock);
  return {
    shelf,
    setUnits: (id: number, n: number) => units.set(id, n),
    later: (ms = 1) => {
      clock += ms;
    },
  };
}

describe('shelf: outrun since a buyer’s own read', () => {
  it('a later read that found too few units outruns an earlier one that found enough', async () => {
    const s = shelfWith({ [GUITAR]: 3, [AMP]: 5 });
    const mine = await s.shelf.read([GUITAR, AMP]);
    expect(mine.get(GUITAR)!.stock).toBe(3);
    const lines = [
      { productId: AMP, quantity: 1 },
      { productId: GUITAR, quantity: 2 },
    ];
    expect(s.shelf.outrunSince(lines, mine)).toBeUndefined();

    s.later();
    s.setUnits(GUITAR, 1);
    await s.shelf.read([GUITAR]);
    expect(s.shelf.outrunSince(lines, mine)).toBe(GUITAR);
    // Still enough for a buyer who wants one.
    expect(s.shelf.outrunSince([{ productId: GUITAR, quantity: 1 }], mine)).toBeUndefined();
  });

  it('a read sent before the buyer’s own never outruns it, whatever it found', async () => {
    const s = shelfWith({ [GUITAR]: 0 });
    await s.shelf.read([GUITAR]);
    s.later();
    s.setUnits(GUITAR, 4);
    const mine = await s.shelf.read([GUITAR]);
    expect(s.shelf.outrunSince([{ productId: GUITAR, quantity: 4 }], mine)).toBeUndefined();
  });

  it('a winner’s commit tells what it left, as a read at that moment would', async () => {
    const s = shelfWith({ [GUITAR]: 3 });
    const mine = await s.shelf.read([GUITAR]);
    s.later();
    s.shelf.noteLevel(GUITAR, 0);
    expect(s.shelf.outrunSince([{ productId: GUITAR, quantity: 1 }], mine)).toBe(GUITAR);
  });

  it('a product no longer on sale is left to the placing (which names why)', async () => {
    const s = shelfWith({ [AMP]: 2 });
    const mine = await s.shelf.read([GUITAR, AMP]);
    s.later();
    await s.shelf.read([GUITAR, AMP]);
    expect(s.shelf.outrunSince([{ productId: GUITAR, quantity: 1 }], mine)).toBeUndefined();
  });

  it('reads asked together are one statement, each answered with its own products and the moment it was sent', async () => {
    const calls: number[][] = [];
    const shelf = createShelf(
      {
        onSale: async (ids: readonly number[]) => {
          calls.push([...ids]);
          return ids.map((id) => ({ id, slug: `p-${id}`, name: `P${id}`, sku: `S${id}`, brand: 'B', price: 100, stock: 1 }));
        },
      },
      () => 42,
    );
    const first = shelf.read([GUITAR]);
    const [second, third] = await Promise.all([shelf.read([AMP]), shelf.read([GUITAR, AMP])]);
    expect(calls).toEqual([[GUITAR], [AMP, GUITAR]]);
    expect([...(await first).keys()]).toEqual([GUITAR]);
    expect([...second.keys()]).toEqual([AMP]);
    expect([...third.keys()]).toEqual([GUITAR, AMP]);
    expect(third.get(AMP)!.readAt).toBe(42);
  });
});
