/**
 * A category's picture (A3), shown on the home page's category tiles. One image per category,
 * through the same media pipeline as product photos (first-byte check, pixel limit, auto-rotate,
 * metadata stripped, re-encoded at the storefront's sizes, under uploads/categories/). Replacing
 * or removing it deletes the old renditions once the row no longer names them.
 */
import type { MessageKey } from '../../lib/i18n';
import { InvalidImageError } from '../media/service';
import type { CategoryRepository } from './category-repository';
import type { CategoryImage } from './types';

export const MAX_CATEGORY_IMAGE_BYTES = 10 * 1024 * 1024;

export interface CategoryImageDeps {
  repo: Pick<CategoryRepository, 'setImage'>;
  media: { store(data: Buffer): Promise<CategoryImage>; remove(storageKey: string): Promise<void> };
  invalidate: () => void;
}

export type CategoryImageResult = { ok: true } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'invalid'; message: MessageKey };

function refusal(error: InvalidImageError): MessageKey {
  if (error.reason === 'too_many_pixels') return 'adminCatalog.category.image.error.pixels';
  if (error.reason === 'too_large') return 'adminCatalog.category.image.error.tooLarge';
  return 'adminCatalog.category.image.error.invalid';
}

export function createCategoryImageService(deps: CategoryImageDeps) {
  return {
    /** Stores the upload as the category's picture, replacing the old one. */
    async set(categoryId: number, data: Buffer): Promise<CategoryImageResult> {
      let stored: CategoryImage;
      try {
        stored = await deps.media.store(data);
      } catch (error) {
        if (error instanceof InvalidImageError) return { ok: false, reason: 'invalid', message: refusal(error) };
        throw error;
      }
      const saved = await deps.repo.setImage(categoryId, stored);
      if (!saved) {
        await deps.media.remove(stored.storageKey);
        return { ok: false, reason: 'not_found' };
      }
      deps.invalidate();
      if (saved.replaced) await deps.media.remove(saved.replaced);
      return { ok: true };
    },

    /** Removes the category's picture (the tile shows its icon again); false for an unknown category. */
    async remove(categoryId: number): Promise<boolean> {
      const saved = await deps.repo.setImage(categoryId, null);
      if (!saved) return false;
      deps.invalidate();
      if (saved.replaced) await deps.media.remove(saved.replaced);
      return true;
    },
  };
}

export type CategoryImageService = ReturnType<typeof createCategoryImageService>;
