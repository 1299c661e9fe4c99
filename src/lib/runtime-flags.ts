/**
 * V8 flags the store's process starts with when it runs as a script (`npm start`'s launcher,
 * `npm run start:store`, the bench). A larger young generation: the store allocates a page's
 * worth of short-lived objects per request, and on Node 20 the default young generation sent
 * many of them through the old one. Measured on Node 20, never-seen catalogue pages alternating
 * with and without: store CPU 590 → 435 µs per page, p99 59 → 42 ms at 50 connections. Node 24
 * (the packaged executable's runtime) showed no difference either way, so the executable bakes
 * in no flag.
 */
export const STORE_NODE_FLAGS = ['--max-semi-space-size=32'];
