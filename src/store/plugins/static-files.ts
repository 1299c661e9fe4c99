/**
 * Files the store serves itself: hashed browser bundles, vendor files from npm packages
 * (Bootstrap, Font Awesome, fonts) and our static images. Nothing comes from a CDN. Uploaded
 * media (/media/) come from the upload store instead: media-files.ts.
 */
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { projectRoot } from '../../lib/project-root';
import { assetsDir, vendorPackages, type VendorName, vendorRoot } from '../ui/assets';

const IMMUTABLE = 'public, max-age=31536000, immutable';

export async function registerStaticFiles(app: FastifyInstance) {
  // Content-hashed names: cache forever. Style sheets, scripts and sprites have Brotli and gzip
  // copies made by the build (scripts/build-lib.mjs), sent as they are to a browser that takes them.
  await app.register(fastifyStatic, {
    root: assetsDir(),
    prefix: '/assets/',
    preCompressed: true,
    decorateReply: false,
    cacheControl: false,
    setHeaders: (res) => res.header('cache-control', IMMUTABLE),
  });
  // Versioned vendor URLs: cache forever too.
  for (const name of Object.keys(vendorPackages) as VendorName[]) {
    const { prefix, dir } = vendorRoot(name);
    await app.register(fastifyStatic, {
      root: dir,
      prefix,
      decorateReply: false,
      cacheControl: false,
      setHeaders: (res) => res.header('cache-control', IMMUTABLE),
    });
  }
  await app.register(fastifyStatic, {
    root: path.join(projectRoot(), 'public/static'),
    prefix: '/static/',
    decorateReply: false,
    maxAge: '1d',
  });
}
