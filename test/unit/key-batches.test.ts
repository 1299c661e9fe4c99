/**
 * Keys asked while the same statement is in flight leave together, as the next one (lib/key-batches.ts):
 * never joined to a statement already sent, each caller answered with its own keys only.
 */
import { describe, expect, it } from 'vitest';
import { keyBatches } from '../../src/lib/key-batches';

/** A statement the test finishes by hand: every call is recorded with its keys. */
function heldStatements() {
  const sent: { keys: number[]; finish(values?: Map<number, string>): void; fail(error: Error): void }[] = [];
  const run = (keys: number[]) =>
    new Promise<Map<number, string>>((resolve, reject) => {
      sent.push({
        keys,
        finish: (values) => resolve(values ?? new Map(keys.map((k) => [k, `v${k}`]))),
        fail: reject,
      });
    });
  return { sent, run };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('key batches', () => {
  it('a key asked while nothing is in flight leaves at once, alone', async () => {
    const { sent, run } = heldStatements();
    const batches = keyBatches(run);
    const one = batches.one(7);
    await tick();
    expect(sent.map((s) => s.keys)).toEqual([[7]]);
    sent[0]!.finish();
    expect(await one).toBe('v7');
  });

  it('keys asked while a statement is in flight wait for it, then leave together, each caller answered with its own', async () => {
    const { sent, run } = heldStatements();
    const batches = keyBatches(run);
    const first = batches.one(1);
    await tick();
    const second = batches.one(2);
    const third = batches.many([3, 2, 4]);
    const fourth = batches.one(2);
    await tick();
    // Nothing joined the statement already sent.
    expect(sent.map((s) => s.keys)).toEqual([[1]]);
    sent[0]!.finish();
    await tick();
    expect(sent.map((s) => s.keys)).toEqual([[1], [2, 3, 4]]);
    sent[1]!.finish(
      new Map([
        [2, 'two'],
        [3, 'three'],
      ]),
    );
    expect(await first).toBe('v1');
    expect(await second).toBe('two');
    // A key the statement did not find is absent, not undefined in the map.
    expect([...(await third)]).toEqual([
      [3, 'three'],
      [2, 'two'],
    ]);
    expect(await fourth).toBe('two');
  });

  it('a key already waiting is asked once; a second statement in flight is allowed when asked for', async () => {
    const { sent, run } = heldStatements();
    const batches = keyBatches(run, { inFlight: 2 });
    void batches.one(1);
    void batches.one(2);
    void batches.one(3);
    void batches.one(3);
    await tick();
    expect(sent.map((s) => s.keys)).toEqual([[1], [2]]);
    sent[1]!.finish();
    await tick();
    expect(sent.map((s) => s.keys)).toEqual([[1], [2], [3]]);
  });

  it('a statement holds at most maxKeys keys; a single caller with more still goes, alone', async () => {
    const { sent, run } = heldStatements();
    const batches = keyBatches(run, { maxKeys: 3 });
    void batches.one(0);
    await tick();
    void batches.many([1, 2]);
    void batches.many([3, 4]);
    void batches.many([5, 6, 7, 8, 9]);
    sent[0]!.finish();
    await tick();
    expect(sent.map((s) => s.keys)).toEqual([[0], [1, 2]]);
    sent[1]!.finish();
    await tick();
    sent[2]!.finish();
    await tick();
    expect(sent.map((s) => s.keys)).toEqual([[0], [1, 2], [3, 4], [5, 6, 7, 8, 9]]);
  });

  it('a failed statement fails every caller in it, and the next statement still goes', async () => {
    const { sent, run } = heldStatements();
    const batches = keyBatches(run);
    const first = batches.one(1);
    await tick();
    const second = batches.one(2);
    const third = batches.one(3);
    sent[0]!.finish();
    await tick();
    sent[1]!.fail(new Error('connection lost'));
    await expect(second).rejects.toThrow('connection lost');
    await expect(third).rejects.toThrow('connection lost');
    expect(await first).toBe('v1');
    const later = batches.one(4);
    await tick();
    sent[2]!.finish();
    expect(await later).toBe('v4');
  });

  it('a statement that throws before it is sent is a rejection, not an exception in the caller', async () => {
    const batches = keyBatches<number, string>(() => {
      throw new Error('bad statement');
    });
    await expect(batches.one(1)).rejects.toThrow('bad statement');
    await expect(batches.one(2)).rejects.toThrow('bad statement');
  });

  it('no keys, no statement', async () => {
    const { sent, run } = heldStatements();
    expect((await keyBatches(run).many([])).size).toBe(0);
    expect(sent).toEqual([]);
  });
});
