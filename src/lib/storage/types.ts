/**
 * One storage interface for every upload the store keeps (product, category and logo images,
 * transfer receipts, import sheets waiting for "apply"). Two drivers implement it: a folder
 * (the default, also a volume several instances mount) and an S3-compatible bucket. Callers name
 * objects by keys such as `products/<key>-640.webp`; a driver never sees a file system path.
 */
import type { Readable } from 'node:stream';

/** What a driver knows about a stored object without reading it. */
export interface ObjectInfo {
  key: string;
  size: number;
  contentType: string;
  /** A quoted HTTP entity tag (`"…"` or `W/"…"`), the same on every instance that reads the object. */
  etag: string;
  lastModified: Date;
}

/** A stored object and its bytes, read once from `body`; the caller must consume or destroy it. */
export interface StoredObject extends ObjectInfo {
  body: Readable;
}

export interface ObjectStorage {
  /** Writes (or replaces) an object at once: a reader sees the old bytes or the new ones, never a part. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The object and a stream of its bytes, or null when there is none. */
  get(key: string): Promise<StoredObject | null>;
  /** The object's metadata, or null when there is none (no bytes are read). */
  stat(key: string): Promise<ObjectInfo | null>;
  /** Removes an object; a missing one is not an error. */
  delete(key: string): Promise<void>;
  /** Every object whose key starts with `prefix` (which ends with "/"), in no particular order. */
  list(prefix: string): Promise<ObjectInfo[]>;
}

/** Where uploads go, from the configuration (STORAGE_DRIVER and the S3_* settings). */
export type StorageSettings =
  | { driver: 'folder' }
  | {
      driver: 's3';
      bucket: string;
      region: string;
      /** An S3-compatible server (MinIO, Ceph, R2…); unset = AWS. */
      endpoint: string | undefined;
      forcePathStyle: boolean;
      /** Unset = the AWS SDK's own chain (environment, instance role…). */
      credentials: { accessKeyId: string; secretAccessKey: string } | undefined;
      /** Put before every key, so several shops (or test runs) can share one bucket. */
      prefix: string;
    };

/** A key the storage refuses (never turned into a path or a request). */
export class StorageKeyError extends Error {
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`Invalid storage key ${JSON.stringify(key.slice(0, 80))}: ${reason}`);
    this.name = 'StorageKeyError';
  }
}
