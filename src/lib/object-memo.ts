/**
 * Values remembered per owner object, for data the store replaces rather than edits: the shop's
 * profile after an edit, the category tree and the card rows the catalogue reloads, a translator
 * per language. A new owner is a new object, so whatever was worked out from the old one goes
 * with it (a WeakMap) and nothing has to be invalidated by hand.
 */

/** `compute(owner)` worked out once per owner object. */
export function memoByObject<Owner extends object, Value>(compute: (owner: Owner) => Value): (owner: Owner) => Value {
  const values = new WeakMap<Owner, Value>();
  return (owner) => {
    const found = values.get(owner);
    if (found !== undefined || values.has(owner)) return found as Value;
    const value = compute(owner);
    values.set(owner, value);
    return value;
  };
}

/** Per owner object, values by a string key, at most `maxKeys` of them per owner. */
export interface KeyedPerObject<Owner extends object, Value> {
  /** The value kept for (owner, key), or the one `make` returns, then kept. */
  get(owner: Owner, key: string, make: () => Value): Value;
}

/**
 * For values whose key comes from a request (a path, a query as typed): the key count per owner
 * is bounded. A full owner's map is emptied rather than tracked entry by entry, because every
 * value kept here is cheap to make again; the bound only stops made-up keys from growing memory.
 */
export function keyedPerObject<Owner extends object, Value>(maxKeys: number): KeyedPerObject<Owner, Value> {
  const byOwner = new WeakMap<Owner, Map<string, Value>>();
  return {
    get(owner, key, make) {
      let values = byOwner.get(owner);
      if (!values) {
        values = new Map();
        byOwner.set(owner, values);
      }
      const found = values.get(key);
      if (found !== undefined || values.has(key)) return found as Value;
      const value = make();
      if (values.size >= maxKeys) values.clear();
      values.set(key, value);
      return value;
    },
  };
}
