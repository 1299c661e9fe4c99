// Pages link hashed browser bundles through dist/public/assets/manifest.json, and the launcher
// tests run the bundled entry points: build both once (esbuild, well under a second).
// @ts-expect-error plain JavaScript build helpers
import { buildServer, buildWebAssets } from '../../scripts/build-lib.mjs';

export default async function setup(): Promise<void> {
  await Promise.all([buildServer(), buildWebAssets()]);
}
