import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { STORE_NODE_FLAGS } from '../../src/lib/runtime-flags';

describe('the store process flags', () => {
  // package.json cannot import the constant, so this keeps `npm run start:store` starting the
  // store the way the launcher, the bench and deploy/scale-out/start.sh do.
  it('are the ones `npm run start:store` gives node', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['start:store']).toBe(['node', ...STORE_NODE_FLAGS, 'dist/store/main.js'].join(' '));
  });
});
