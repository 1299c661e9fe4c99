/**
 * V8 flags the store's process starts with when it runs as a script (`npm start`'s launcher,
 * `npm run start:store`, the bench, deploy/scale-out/start.sh).
 *
 * `--no-allocation-site-pretenuring`: V8 watches which allocation sites' objects survive a young
 * collection and starts allocating theirs straight in the old generation. Under a stream of
 * never-seen catalogue pages it guessed wrong: the old generation filled with page-sized garbage
 * (~95 MB/s, a full collection every ~2.4 s) and each young collection took 7–9 ms instead of ~1.5.
 * Measured one store at a time, never-seen `/produk` at 50 connections, alternating: 1 703–1 932
 * req/s without, 2 252–2 352 with, p99 54–59 → 42–43 ms; compressed as browsers ask 1 235 → 1 409
 * req/s; the JSON API 6 594 → 6 808; cached pages and the checkout race unchanged; the heap's peak
 * ~350 → ~200 MB. On Node 24 the same: 1 951–1 976 → 2 367–2 583 req/s.
 *
 * `--max-semi-space-size=32`, a larger young generation: the store allocates a page's worth of
 * short-lived objects per request, and fewer of them reach the old generation. Measured one store
 * at a time on Node 20, never-seen catalogue pages at 50 connections, three runs each way:
 * 1 665–1 736 req/s with it, 1 522–1 759 without, p99 65–69 ms against 66–76 ms: a small gain in
 * the tail, within the noise for throughput. (A first A/B that showed 590 → 435 µs per page
 * measured two stores alternately, and that script favoured the second store by up to 25 % with
 * the same build in both.) Node 24, the packaged executable's runtime, showed no difference either
 * way for that flag. The executable bakes in neither yet (its flags would apply to the launcher
 * and the chat too, and its code cache is made with them).
 *
 * package.json's `start:store` spells them out (it cannot import this);
 * test/unit/runtime-flags.test.ts holds the two equal.
 */
export const STORE_NODE_FLAGS = ['--max-semi-space-size=32', '--no-allocation-site-pretenuring'];
