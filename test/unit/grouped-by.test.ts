import { describe, expect, it } from 'vitest';
import { groupedBy } from '../../src/lib/grouped-by';

describe('groupedBy', () => {
  it('keeps each key’s rows in their order, the keys in the order they first appear', () => {
    const rows = [
      { owner: 'a', n: 1 },
      { owner: 'b', n: 2 },
      { owner: 'a', n: 3 },
    ];
    expect([...groupedBy(rows, (r) => r.owner)]).toEqual([
      ['a', [rows[0], rows[2]]],
      ['b', [rows[1]]],
    ]);
  });
});
