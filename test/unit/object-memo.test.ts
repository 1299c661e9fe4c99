import { describe, expect, it } from 'vitest';
import { keyedPerObject, memoByObject } from '../../src/lib/object-memo';

describe('memoByObject', () => {
  it('works a value out once per owner object and again for a new object with equal content', () => {
    let calls = 0;
    const size = memoByObject((list: number[]) => {
      calls++;
      return list.length;
    });
    const first = [1, 2, 3];
    expect(size(first)).toBe(3);
    expect(size(first)).toBe(3);
    expect(calls).toBe(1);
    expect(size([1, 2, 3])).toBe(3);
    expect(calls).toBe(2);
  });

  it('remembers undefined as an answer instead of working it out again', () => {
    let calls = 0;
    const nothing = memoByObject((_owner: object) => {
      calls++;
      return undefined;
    });
    const owner = {};
    nothing(owner);
    nothing(owner);
    expect(calls).toBe(1);
  });
});

describe('keyedPerObject', () => {
  it('keeps values per owner and key, apart for each owner', () => {
    const kept = keyedPerObject<object, string>(10);
    const a = {};
    const b = {};
    expect(kept.get(a, 'x', () => 'a-x')).toBe('a-x');
    expect(kept.get(a, 'x', () => 'again')).toBe('a-x');
    expect(kept.get(b, 'x', () => 'b-x')).toBe('b-x');
    expect(kept.get(a, 'y', () => 'a-y')).toBe('a-y');
  });

  it('never holds more than maxKeys per owner: a full owner starts over', () => {
    const kept = keyedPerObject<object, number>(3);
    const owner = {};
    let made = 0;
    const make = () => ++made;
    for (const key of ['a', 'b', 'c']) kept.get(owner, key, make);
    expect(kept.get(owner, 'a', make)).toBe(1);
    // The fourth key empties the owner's map, so 'a' is made again afterwards.
    expect(kept.get(owner, 'd', make)).toBe(4);
    expect(kept.get(owner, 'd', make)).toBe(4);
    expect(kept.get(owner, 'a', make)).toBe(5);
    // Another owner's keys do not count towards this one's bound.
    const other = {};
    for (const key of ['p', 'q']) kept.get(other, key, make);
    expect(kept.get(owner, 'd', make)).toBe(4);
  });
});
