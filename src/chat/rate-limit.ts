/**
 * Token bucket per connection: a burst is allowed (pasting a few lines), a flood is not.
 * In memory on purpose: the limit protects this process, and a socket lives on one instance.
 */
export interface TokenBucket {
  take(): boolean;
}

export function createTokenBucket(ratePerSecond: number, burst: number, now: () => number = Date.now): TokenBucket {
  let tokens = burst;
  let last = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(burst, tokens + ((t - last) / 1000) * ratePerSecond);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
