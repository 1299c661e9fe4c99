// Pages link hashed browser bundles through dist/public/assets/manifest.json: build them once.
// @ts-expect-error plain JavaScript build helpers
import { buildWebAssets } from '../../scripts/build-lib.mjs';

export default async function setup(): Promise<void> {
  await buildWebAssets();
}
