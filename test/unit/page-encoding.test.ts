import { brotliDecompressSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { CachedPage } from '../../src/store/ui/page-cache';
import { createBrotliRefiner, encodeBody } from '../../src/store/ui/page-encoding';

/** A page-like body (~50 KB, like a catalogue page): cards whose names, prices and photos vary. */
const WORDS = ['Ibanez', 'Fender', 'Gibson', 'Yamaha', 'Stratocaster', 'Genesis', 'Natural', 'Sunburst', 'Bass', 'Drum', 'Cymbal', 'Amp'];
let seed = 7;
const next = () => (seed = (seed * 48271) % 2147483647);
const body = Buffer.from(
  Array.from({ length: 120 }, () => {
    const name = Array.from({ length: 3 }, () => WORDS[next() % WORDS.length]).join(' ');
    const slug = name.toLowerCase().replaceAll(' ', '-');
    const photo = `<img src="/media/products/${next().toString(36)}-480.webp" alt="${name}">`;
    const price = `<p class="price">Rp ${(next() % 30_000) * 1000}</p>`;
    return `<article class="product-card"><a href="/produk/${slug}-${next() % 1000}">${photo}</a><h3>${name}</h3>${price}</article>`;
  }).join('\n'),
);
const page = (): CachedPage => ({ body, etag: 'W/"x"', encoded: { br: encodeBody(body, 'br') } });

function deferred() {
  let resolve!: (b: Buffer) => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<Buffer>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('the Brotli refiner of cached pages', () => {
  it('replaces the first, quickly made copy with a smaller one holding the same page, once', async () => {
    const refine = createBrotliRefiner();
    const p = page();
    const before = p.encoded.br!;
    expect(await refine(p)).toBe(true);
    expect(p.encoded.br!.length).toBeLessThan(before.length);
    expect(brotliDecompressSync(p.encoded.br!).equals(body)).toBe(true);
    expect(p.refined).toBe(true);
    const refinedCopy = p.encoded.br;
    expect(await refine(p)).toBe(false);
    expect(p.encoded.br).toBe(refinedCopy);
  });

  it('leaves a page nobody asked for in Brotli alone', async () => {
    const refine = createBrotliRefiner();
    const p: CachedPage = { body, etag: 'W/"x"', encoded: {} };
    expect(await refine(p)).toBe(false);
    expect(p.encoded.br).toBeUndefined();
    expect(p.refined).toBeUndefined();
  });

  it('works on one page at a time; a page skipped meanwhile is taken at its next visit', async () => {
    const pending: ReturnType<typeof deferred>[] = [];
    const refine = createBrotliRefiner(() => {
      const d = deferred();
      pending.push(d);
      return d.promise;
    });
    const first = page();
    const second = page();
    const firstDone = refine(first);
    expect(await refine(second)).toBe(false);
    expect(second.refined).toBeUndefined();
    pending[0]!.resolve(Buffer.from('tiny'));
    expect(await firstDone).toBe(true);
    expect(first.encoded.br!.toString()).toBe('tiny');
    const secondDone = refine(second);
    pending[1]!.resolve(Buffer.from('small'));
    expect(await secondDone).toBe(true);
    expect(second.encoded.br!.toString()).toBe('small');
  });

  it('keeps the copy it has when the new one fails or is not smaller', async () => {
    const failing = page();
    const kept = failing.encoded.br;
    expect(await createBrotliRefiner(() => Promise.reject(new Error('out of memory')))(failing)).toBe(false);
    expect(failing.encoded.br).toBe(kept);
    const larger = page();
    const original = larger.encoded.br!;
    expect(await createBrotliRefiner(async () => Buffer.alloc(original.length + 1))(larger)).toBe(true);
    expect(larger.encoded.br).toBe(original);
  });
});
