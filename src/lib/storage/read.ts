/** Reading a stored object's bytes whole (the objects the store keeps are small: images, sheets). */
import type { Readable } from 'node:stream';
import type { ObjectStorage } from './types';

/** Every byte of a stored object's body. */
export async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/** The object's bytes, or null when there is none. */
export async function readObject(storage: ObjectStorage, key: string): Promise<Buffer | null> {
  const object = await storage.get(key);
  return object ? readAll(object.body) : null;
}
