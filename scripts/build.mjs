// `npm run build`: server bundles into dist/, browser assets into dist/public/assets/.
import { buildServer, buildWebAssets } from './build-lib.mjs';

const started = Date.now();
await Promise.all([buildServer(), buildWebAssets()]);
console.log(`Built in ${Date.now() - started} ms`);
