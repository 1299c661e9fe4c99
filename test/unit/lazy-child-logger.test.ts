import { Writable } from 'node:stream';
import Fastify from 'fastify';
import pino from 'pino';
import { describe, expect, it, vi } from 'vitest';
import { lazyChildLoggerFactory } from '../../src/lib/lazy-child-logger';
import { loggerOptions } from '../../src/lib/logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, stream };
}

describe('lazyChildLoggerFactory: request.log made on first use', () => {
  it('makes no child for calls below the level, and one child, with the bindings, at the first call above it', () => {
    const { lines, stream } = capture();
    const parent = pino(loggerOptions('store', 'warn'), stream);
    const child = vi.spyOn(parent, 'child');
    const log = lazyChildLoggerFactory(parent, { reqId: 'r-1' }, {});
    log.info('not written');
    log.debug({ a: 1 }, 'not written either');
    expect(child).not.toHaveBeenCalled();
    expect(log.level).toBe('warn');
    log.warn({ user: { password: 'secret-value' } }, 'first');
    log.error('second');
    expect(child).toHaveBeenCalledTimes(1);
    expect(lines.map((l) => [l.msg, l.reqId])).toEqual([
      ['first', 'r-1'],
      ['second', 'r-1'],
    ]);
    // The redaction rules still apply to what the child writes.
    expect(lines[0]!.user).toEqual({ password: '[redacted]' });
  });

  it('gives a child of the child, and a level change, through the real child', () => {
    const { lines, stream } = capture();
    const parent = pino(loggerOptions('store', 'warn'), stream);
    const log = lazyChildLoggerFactory(parent, { reqId: 'r-2' }, {});
    log.level = 'info';
    log.info('now written');
    log.child({ job: 'mail' }).warn('nested');
    expect(parent.level).toBe('warn');
    expect(lines.map((l) => [l.msg, l.reqId, l.job])).toEqual([
      ['now written', 'r-2', undefined],
      ['nested', 'r-2', 'mail'],
    ]);
  });

  it('writes each request’s lines through Fastify with its own id, a failure included', async () => {
    const { lines, stream } = capture();
    const app = Fastify({ loggerInstance: pino(loggerOptions('store', 'info'), stream), childLoggerFactory: lazyChildLoggerFactory });
    app.get('/ok', async () => 'ok');
    app.get('/fails', async () => {
      throw new Error('broken');
    });
    await app.inject({ url: '/ok' });
    await app.inject({ url: '/fails' });
    const completed = lines.filter((l) => l.msg === 'request completed');
    expect(completed).toHaveLength(2);
    const failed = lines.find((l) => l.msg === 'broken' || (l.err as { message?: string } | undefined)?.message === 'broken');
    expect(failed?.reqId).toBeTruthy();
    expect(new Set(completed.map((l) => l.reqId)).size).toBe(2);
    await app.close();
  });
});
