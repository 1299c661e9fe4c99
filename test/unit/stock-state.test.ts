import { describe, expect, it } from 'vitest';
import { stockState } from '../../src/store/catalog/model';

describe('stockState', () => {
  it('is out at zero, low at or under the threshold, in above it', () => {
    expect(stockState(0, 3)).toEqual({ kind: 'out' });
    expect(stockState(1, 3)).toEqual({ kind: 'low', count: 1 });
    expect(stockState(3, 3)).toEqual({ kind: 'low', count: 3 });
    expect(stockState(4, 3)).toEqual({ kind: 'in' });
  });

  it('never shows "only N left" when the threshold is zero', () => {
    expect(stockState(1, 0)).toEqual({ kind: 'in' });
  });
});
