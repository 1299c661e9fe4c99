/**
 * One load measurement with autocannon, shared by the benchmarks: a short warm-up first, so JIT
 * and caches are in the same state for every target, then `seconds` at `connections`.
 */
import autocannon from 'autocannon';

export interface Row {
  name: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
}

export interface MeasureOptions {
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** Vary each request (never-seen catalogue URLs); the warm-up gets its own. */
  requests?: (phase: 'warm-up' | 'measured') => Pick<autocannon.Options, 'requests'>;
}

export async function measure(name: string, url: string, opts: MeasureOptions): Promise<Row> {
  const { connections, headers } = opts;
  await autocannon({ url, connections, duration: 2, headers, ...opts.requests?.('warm-up') });
  const result = await autocannon({ url, connections, duration: opts.seconds, headers, ...opts.requests?.('measured') });
  return {
    name,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}
