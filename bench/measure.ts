/**
 * One load measurement with autocannon, shared by the benchmarks: a short warm-up first, so JIT
 * and caches are in the same state for every target, then `seconds` at `connections`.
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';

export interface Row {
  name: string;
  reqPerSec: number;
  p50: number;
  p99: number;
  errors: number;
  /** CPU time the server process spent per answered request (user + system), when known. */
  cpuMicros?: number;
}

export interface MeasureOptions {
  connections: number;
  seconds: number;
  headers?: Record<string, string>;
  /** Vary each request (never-seen catalogue URLs); the warm-up gets its own. */
  requests?: (phase: 'warm-up' | 'measured') => Pick<autocannon.Options, 'requests'>;
  /**
   * The server's process id: its CPU time per request is reported too. Unlike the rate, it does
   * not depend on how much of the machine the load generator takes.
   */
  serverPid?: number;
}

/** A process's CPU time so far in ms (Linux /proc; undefined elsewhere). */
export function processCpuMs(pid: number): number | undefined {
  try {
    // Fields after the command name: utime and stime are the 12th and 13th, in clock ticks (100 Hz).
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

export async function measure(name: string, url: string, opts: MeasureOptions): Promise<Row> {
  const { connections, headers } = opts;
  await autocannon({ url, connections, duration: 2, headers, ...opts.requests?.('warm-up') });
  const cpuBefore = opts.serverPid ? processCpuMs(opts.serverPid) : undefined;
  const result = await autocannon({ url, connections, duration: opts.seconds, headers, ...opts.requests?.('measured') });
  const cpuAfter = opts.serverPid ? processCpuMs(opts.serverPid) : undefined;
  return {
    name,
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    cpuMicros:
      cpuBefore !== undefined && cpuAfter !== undefined && result.requests.total > 0
        ? ((cpuAfter - cpuBefore) * 1000) / result.requests.total
        : undefined,
  };
}
