/**
 * Completes the renditions of images stored before a width was added to IMAGE_WIDTHS (960 for
 * the product page on phones, 480 for cards on phones): without it a shop's existing photos would
 * keep sending phones the larger files until each was uploaded again. A background job
 * (jobs/schedule.ts) runs it every minute, a few images per run, so the work never crowds out
 * the shop's requests; new uploads have every width from the start.
 */
import type { ObjectStorage } from '../../lib/storage/types';
import type { ImageKind } from './repository';
import { completeRenditions, IMAGE_WIDTHS, removeImageRenditions } from './service';

/** Images completed per run: each is one decode and a few resizes and encodes (~0.1 s). */
export const IMAGES_PER_RUN = 20;

export function createRenditionUpkeep(deps: { media: ObjectStorage; kinds: ImageKind[]; perRun?: number }) {
  const perRun = deps.perRun ?? IMAGES_PER_RUN;
  // Per kind, the last id looked at: an image whose largest file is gone is passed over rather than
  // read again on every run; at the end of the list the next run starts from the beginning.
  const cursors = new Map<string, number>();

  /**
   * Completes up to `perRun` images; returns how many. An image that fails (a damaged file) does
   * not stop the others: the run goes on and then fails with the first error, which the scheduler
   * logs as the job's failure.
   */
  return async function completeStoredRenditions(): Promise<number> {
    let completed = 0;
    let budget = perRun;
    const failures: { storageKey: string; error: unknown }[] = [];
    for (const kind of deps.kinds) {
      if (budget <= 0) break;
      const rows = await kind.lacking(IMAGE_WIDTHS.length, cursors.get(kind.subdir) ?? 0, budget);
      cursors.set(kind.subdir, rows.length < budget ? 0 : rows.at(-1)!.id);
      budget -= rows.length;
      for (const row of rows) {
        const sizes = await completeRenditions(deps.media, row, kind.subdir).catch((error: unknown) => {
          failures.push({ storageKey: `${kind.subdir}/${row.storageKey}`, error });
          return null;
        });
        if (!sizes) continue;
        if (await kind.saveSizes(row.id, row.storageKey, sizes)) completed++;
        // Deleted or replaced while its files were written: nothing refers to this key any more.
        else await removeImageRenditions(deps.media, row.storageKey, kind.subdir);
      }
    }
    if (failures.length > 0) {
      const [first] = failures;
      throw new Error(`${failures.length} image(s) could not be completed (${completed} were), first ${first!.storageKey}`, {
        cause: first!.error,
      });
    }
    return completed;
  };
}
