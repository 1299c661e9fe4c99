/**
 * The S3 driver: one object per key in a bucket (AWS S3 or any S3-compatible server: MinIO, Ceph,
 * Cloudflare R2, Garage…), under an optional prefix. Every store instance reads the same bucket,
 * so an image uploaded through one is served by all. The bucket stays private: the store streams
 * objects to browsers itself, after its own access checks for receipts.
 *
 * The SDK is loaded on first use, so a shop on the folder driver never pays its start-up cost;
 * a literal import() is bundled by esbuild like a static one (the single executable included).
 */
import type { S3Client } from '@aws-sdk/client-s3';
import type { Readable } from 'node:stream';
import { checkKey, checkPrefix, checkPut, contentTypeOf, isValidKey } from './keys';
import type { ObjectInfo, ObjectStorage, StorageSettings } from './types';

export type S3Settings = Extract<StorageSettings, { driver: 's3' }>;

type Sdk = typeof import('@aws-sdk/client-s3');

/** "No such key" as the SDK reports it: NoSuchKey for GET, a bare 404 (NotFound) for HEAD. */
function isMissing(error: unknown): boolean {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404;
}

/** S3's ETag is already quoted; some servers omit the quotes, which HTTP requires. */
function quoted(etag: string | undefined, fallback: string): string {
  if (!etag) return `"${fallback}"`;
  return etag.startsWith('"') || etag.startsWith('W/"') ? etag : `"${etag}"`;
}

/** What a GET or HEAD answered about an object. */
function objectInfo(key: string, out: { ContentLength?: number; ETag?: string; LastModified?: Date }): ObjectInfo {
  return {
    key,
    size: out.ContentLength ?? 0,
    // From the key, not the object: a bucket filled by a copy tool may say octet-stream.
    contentType: contentTypeOf(key),
    etag: quoted(out.ETag, `${out.ContentLength}-${out.LastModified?.getTime()}`),
    lastModified: out.LastModified ?? new Date(0),
  };
}

export interface S3Storage extends ObjectStorage {
  /** Closes the client's pooled connections (at shutdown). */
  close(): Promise<void>;
}

export function createS3Storage(settings: S3Settings): S3Storage {
  const { bucket, prefix } = settings;
  let loaded: Promise<{ sdk: Sdk; client: S3Client }> | undefined;

  const connect = () =>
    (loaded ??= import('@aws-sdk/client-s3').then((sdk) => {
      const client = new sdk.S3Client({
        region: settings.region,
        endpoint: settings.endpoint,
        forcePathStyle: settings.forcePathStyle,
        credentials: settings.credentials,
        // Other S3 servers often reject or mangle the CRC checksums the SDK adds by default since
        // 3.729; S3 itself does not need them for single-part uploads (TLS and SigV4 cover them).
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        // A bucket that stops answering must not hold a request (and the page behind it) for minutes.
        requestHandler: { connectionTimeout: 5_000, requestTimeout: 30_000 },
      });
      return { sdk, client };
    }));

  const objectKey = (key: string) => prefix + checkKey(key);

  return {
    async put(key, bytes, contentType) {
      checkPut(key, contentType);
      const { sdk, client } = await connect();
      // A PUT replaces the whole object atomically: readers see the old or the new object.
      await client.send(
        new sdk.PutObjectCommand({
          Bucket: bucket,
          Key: objectKey(key),
          Body: bytes,
          ContentType: contentType,
          ContentLength: bytes.length,
        }),
      );
    },

    async get(key) {
      const { sdk, client } = await connect();
      try {
        const out = await client.send(new sdk.GetObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
        const body = out.Body as Readable | undefined;
        if (!body) return null;
        return { ...objectInfo(key, out), body };
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async stat(key) {
      const { sdk, client } = await connect();
      try {
        const out = await client.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
        return objectInfo(key, out);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async delete(key) {
      const { sdk, client } = await connect();
      // S3 answers 204 for a key that does not exist, which is what the interface promises.
      await client.send(new sdk.DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
    },

    async list(listPrefix) {
      checkPrefix(listPrefix);
      const { sdk, client } = await connect();
      const found: ObjectInfo[] = [];
      let token: string | undefined;
      do {
        const page = await client.send(
          new sdk.ListObjectsV2Command({ Bucket: bucket, Prefix: prefix + listPrefix, ContinuationToken: token }),
        );
        for (const item of page.Contents ?? []) {
          const key = item.Key?.slice(prefix.length);
          if (!key || !isValidKey(key)) continue;
          found.push({
            key,
            size: item.Size ?? 0,
            contentType: contentTypeOf(key),
            etag: quoted(item.ETag, `${item.Size}-${item.LastModified?.getTime()}`),
            lastModified: item.LastModified ?? new Date(0),
          });
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
      return found;
    },

    async close() {
      if (loaded) (await loaded).client.destroy();
      loaded = undefined;
    },
  };
}
