/**
 * V8 flags the store's process starts with when it runs as a script (`npm start`'s launcher,
 * `npm run start:store`, the bench, deploy/scale-out/start.sh). A larger young generation: the
 * store allocates a page's worth of short-lived objects per request, and fewer of them reach the
 * old generation. Measured one store at a time on Node 20, never-seen catalogue pages at 50
 * connections, three runs each way: 1 665–1 736 req/s with it, 1 522–1 759 without, p99 65–69 ms
 * against 66–76 ms: a small gain in the tail, within the noise for throughput. (A first A/B that
 * showed 590 → 435 µs per page measured two stores alternately, and that script favoured the
 * second store by up to 25 % with the same build in both.) Node 24, the packaged executable's
 * runtime, showed no difference either way, so the executable bakes in no flag. package.json's
 * `start:store` spells them out (it cannot import this); test/unit/runtime-flags.test.ts holds the two equal.
 */
export const STORE_NODE_FLAGS = ['--max-semi-space-size=32'];
