/**
 * Copies every object of one store into another (moving an install's uploads from its folder into
 * a bucket, or back). Objects already there with the same size are skipped, so an interrupted copy
 * is simply run again. Used by scripts/copy-uploads.ts.
 */
import { readAll } from './read';
import type { ObjectStorage } from './types';

export interface CopyReport {
  copied: number;
  skipped: number;
  bytes: number;
}

export async function copyObjects(from: ObjectStorage, to: ObjectStorage, onObject?: (key: string) => void): Promise<CopyReport> {
  const report: CopyReport = { copied: 0, skipped: 0, bytes: 0 };
  // One at a time: uploads are small images, and a shop's whole folder is copied once.
  for (const info of await from.list('')) {
    const there = await to.stat(info.key);
    if (there && there.size === info.size) {
      report.skipped++;
      continue;
    }
    const object = await from.get(info.key);
    if (!object) continue;
    const bytes = await readAll(object.body);
    await to.put(info.key, bytes, object.contentType);
    report.copied++;
    report.bytes += bytes.length;
    onObject?.(info.key);
  }
  return report;
}
