/**
 * Never-seen catalogue requests sent one at a time (issue 17 asks a single one to take < 5 ms), as
 * a client on the same machine sees them: the same kind of URL as the loaded rows
 * (catalog-misses.ts), made unlike any of theirs with a price ceiling that filters nothing.
 */
import { catalogMissPath, type MissTarget } from './catalog-misses';

const CEILING = 999_999_999_999;

export interface SingleTimes {
  p50: number;
  p99: number;
}

export async function singleRequests(base: string, target: MissTarget, count = 300): Promise<SingleTimes> {
  const ms: number[] = [];
  const ceilingParam = target === 'page' ? 'harga_maks' : 'max_price';
  for (let n = 0; n < count; n++) {
    const url = `${base}${catalogMissPath(target, n)}&${ceilingParam}=${CEILING - n}`;
    const started = performance.now();
    const response = await fetch(url);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    ms.push(performance.now() - started);
  }
  ms.sort((a, b) => a - b);
  const at = (q: number) => Number(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(1));
  return { p50: at(0.5), p99: at(0.99) };
}
