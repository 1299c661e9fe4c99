/**
 * The store's two upload stores, from the configuration:
 *
 *   media    public images (products/, categories/, logos/), served to anyone at /media/<key>
 *   private  transfer receipts (transfer-proofs/) and import sheets (imports/); nothing serves
 *            them, the store streams a receipt only after checking who asks
 *
 * Folder driver: media is UPLOAD_DIR and private is `private-uploads/` beside it (the layout the
 * store always had, so an existing install keeps its files). S3 driver: one bucket, the prefixes
 * `<S3_PREFIX>media/` and `<S3_PREFIX>private/`. Two stores rather than one with a "private/" key
 * prefix: the route that serves /media/ holds only the public one, so no key it is given can
 * reach a receipt.
 */
import path from 'node:path';
import { createFolderStorage } from './folder';
import { createS3Storage } from './s3';
import type { ObjectStorage, StorageSettings } from './types';

export interface UploadStores {
  media: ObjectStorage;
  private: ObjectStorage;
  /** Where uploads go, for the start-up log ("folder /srv/uploads", "s3 bucket shop-uploads"). */
  description: string;
  /** Releases the drivers' connections (at shutdown). */
  close(): Promise<void>;
}

/** The private folder: beside UPLOAD_DIR, never inside it (all of UPLOAD_DIR is public). */
export function privateUploadDir(uploadDir: string): string {
  return path.join(path.dirname(path.resolve(uploadDir)), 'private-uploads');
}

function isInside(dir: string, parent: string): boolean {
  const rel = path.relative(path.resolve(parent), path.resolve(dir));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

export function createUploadStores(uploadDir: string, settings: StorageSettings): UploadStores {
  if (settings.driver === 's3') {
    const media = createS3Storage({ ...settings, prefix: `${settings.prefix}media/` });
    const hidden = createS3Storage({ ...settings, prefix: `${settings.prefix}private/` });
    return {
      media,
      private: hidden,
      description: `s3 bucket ${settings.bucket}${settings.prefix ? ` (prefix ${settings.prefix})` : ''}`,
      close: async () => {
        await Promise.all([media.close(), hidden.close()]);
      },
    };
  }
  const privateDir = privateUploadDir(uploadDir);
  if (isInside(privateDir, uploadDir)) {
    throw new Error(`Private uploads must not be stored under the public upload folder (${uploadDir}).`);
  }
  return {
    media: createFolderStorage(uploadDir),
    private: createFolderStorage(privateDir, { private: true }),
    description: `folder ${path.resolve(uploadDir)}`,
    close: async () => {},
  };
}
