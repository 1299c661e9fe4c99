/**
 * The back office's product rules (A2): list with search and filters, create and edit (slug from
 * the name, unique slug and SKU as field errors), stock only through the stock area, delete or
 * archive, bulk switches and product images (at most 8, each checked and re-encoded by the media
 * pipeline). Every change empties the storefront's caches so customers see it at once.
 */
import type { ProductSearchScope } from '../../db/product-search';
import type { MessageKey } from '../../lib/i18n';
import { InvalidImageError } from '../media/service';
import type { StockService } from '../stock/service';
import { isForeignKeyViolation, isUniqueViolation, type ProductAdminRepository } from './admin-repository';
import {
  ADMIN_PAGE_SIZE,
  type AdminProduct,
  type AdminProductImage,
  type AdminProductQuery,
  type AdminProductRow,
  type BulkAction,
  type ChoiceRow,
  MAX_PRODUCT_IMAGE_BYTES,
  MAX_PRODUCT_IMAGES,
  type ProductFields,
} from './admin-types';
import { isProductSlug } from './format';
import { type AuditActor, recordAudit } from '../audit/record';
import { slugify as slugOf } from '../../lib/slug';

const MAX_SLUG_BASE = 200;

export interface StoredRenditions {
  storageKey: string;
  sizes: AdminProductImage['sizes'];
}

export interface ProductAdminDeps {
  repo: ProductAdminRepository;
  stock: Pick<StockService, 'adjust'>;
  /**
   * What a search covers by the catalog's rule: categories whose name it matches (their products
   * are found too) and the corrections of its typos.
   */
  searchScope: (q: string) => Promise<ProductSearchScope>;
  /** The media pipeline: checks, decodes, strips and re-encodes one upload; removes renditions. */
  media: { store(data: Buffer): Promise<StoredRenditions>; remove(storageKey: string): Promise<void> };
  /** Empties the storefront caches (catalog listings, product pages). */
  invalidate: () => void;
}

export type FieldErrors = Partial<Record<keyof ProductFields | 'stock', MessageKey>>;

export interface ProductInput extends Omit<ProductFields, 'slug'> {
  /** Empty: made from the name. */
  slug: string;
}

export type SaveResult = { ok: true; id: number } | { ok: false; errors: FieldErrors };

export interface ImageUpload {
  filename: string;
  data: Buffer;
}

export interface UploadResult {
  added: number;
  /** Files refused, by name, with the reason. */
  refused: { filename: string; reason: MessageKey }[];
  /** Nothing stored: more images than a product may have. */
  tooMany: boolean;
}

export interface AdminListPage {
  rows: AdminProductRow[];
  total: number;
  pageCount: number;
}

/** "Fender Stratocaster Player II" → "fender-stratocaster-player-ii" (accents dropped). */
export function slugify(text: string): string {
  return slugOf(text, MAX_SLUG_BASE) || 'produk';
}

/** The first of base, base-2, base-3 … not in `taken`. */
export function freeSlug(base: string, taken: readonly string[]): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** The new order of images after moving one up or down (unchanged at either end). */
export function moveImage(ids: readonly number[], imageId: number, direction: 'up' | 'down'): number[] {
  const order = [...ids];
  const at = order.indexOf(imageId);
  const to = direction === 'up' ? at - 1 : at + 1;
  if (at < 0 || to < 0 || to >= order.length) return order;
  [order[at], order[to]] = [order[to]!, order[at]!];
  return order;
}

const uniqueField = (constraint: string): 'slug' | 'sku' | undefined =>
  constraint.includes('slug') ? 'slug' : constraint.includes('sku') ? 'sku' : undefined;

function imageFailure(error: unknown): MessageKey | undefined {
  if (!(error instanceof InvalidImageError)) return undefined;
  if (error.reason === 'too_many_pixels') return 'adminProducts.image.error.pixels';
  if (error.reason === 'too_large') return 'adminProducts.image.error.tooLarge';
  return 'adminProducts.image.error.invalid';
}

export function createProductAdminService(deps: ProductAdminDeps) {
  const { repo } = deps;

  /** Slug (given or from the name), existence of category and supplier, unique slug and SKU. */
  async function check(input: ProductInput, exceptId?: number): Promise<{ fields: ProductFields } | { errors: FieldErrors }> {
    const errors: FieldErrors = {};
    let slug = input.slug;
    if (slug === '') {
      const base = slugify(input.name);
      const own = exceptId === undefined ? undefined : (await repo.find(exceptId))?.slug;
      slug = freeSlug(
        base,
        (await repo.slugsLike(base)).filter((s) => s !== own),
      );
    } else if (!isProductSlug(slug)) errors.slug = 'adminProducts.error.slug';
    else if (await repo.taken('slug', slug, exceptId)) errors.slug = 'adminProducts.error.slugTaken';
    if (await repo.taken('sku', input.sku, exceptId)) errors.sku = 'adminProducts.error.skuTaken';
    if (!(await repo.categoryExists(input.categoryId))) errors.categoryId = 'adminProducts.error.category';
    if (input.supplierId !== null && !(await repo.supplierExists(input.supplierId))) errors.supplierId = 'adminProducts.error.supplier';
    if (Object.keys(errors).length) return { errors };
    return { fields: { ...input, slug } };
  }

  /** A unique violation that slipped past the check (two saves at once) is a field error too. */
  function conflict(error: unknown): FieldErrors | undefined {
    const violation = isUniqueViolation(error);
    if (!violation) return undefined;
    const field = uniqueField(violation.constraint) ?? 'sku';
    return { [field]: field === 'slug' ? 'adminProducts.error.slugTaken' : 'adminProducts.error.skuTaken' };
  }

  return {
    async list(query: AdminProductQuery): Promise<AdminListPage> {
      const search = query.q ? { q: query.q, ...(await deps.searchScope(query.q)) } : undefined;
      const sort = query.sort === 'relevance' && !search ? 'newest' : query.sort;
      const { rows, total } = await repo.list({ ...query, sort, search, perPage: ADMIN_PAGE_SIZE });
      return { rows, total, pageCount: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)) };
    },

    choices(): Promise<[ChoiceRow[], ChoiceRow[]]> {
      return Promise.all([repo.categories(), repo.suppliers()]);
    },

    async product(id: number): Promise<{ product: AdminProduct; images: AdminProductImage[] } | undefined> {
      const product = await repo.find(id);
      if (!product) return undefined;
      return { product, images: await repo.images(id) };
    },

    /** A new product; its initial stock goes in through the stock area (one movement). */
    async create(input: ProductInput, initialStock: number, actor: { userId: number }): Promise<SaveResult> {
      const checked = await check(input);
      if ('errors' in checked) return { ok: false, errors: checked.errors };
      let id: number;
      try {
        id = await repo.insert(checked.fields);
      } catch (error) {
        const errors = conflict(error);
        if (errors) return { ok: false, errors };
        throw error;
      }
      if (initialStock > 0) await deps.stock.adjust(id, initialStock, 'adjustment', { userId: actor.userId, note: 'Stok awal' });
      deps.invalidate();
      return { ok: true, id };
    },

    /**
     * Saves every field; stock moves only through the stock area, by the difference between the
     * count the form showed (`stockWas`) and the one entered, so an order placed meanwhile is kept.
     */
    async update(
      id: number,
      input: ProductInput,
      stock: { was: number; now: number },
      actor: { userId: number; audit?: AuditActor },
    ): Promise<SaveResult | undefined> {
      if (!(await repo.find(id))) return undefined;
      const checked = await check(input, id);
      if ('errors' in checked) return { ok: false, errors: checked.errors };
      const audit = actor.audit;
      try {
        await repo.update(
          id,
          checked.fields,
          audit &&
            ((tx, change) =>
              recordAudit(tx, audit, {
                action: 'product.price',
                subject: { type: 'product', id, label: checked.fields.name },
                before: { price: change.before },
                after: { price: change.after },
              })),
        );
      } catch (error) {
        const errors = conflict(error);
        if (errors) return { ok: false, errors };
        throw error;
      }
      const delta = stock.now - stock.was;
      let result: SaveResult = { ok: true, id };
      if (delta !== 0) {
        const adjusted = await deps.stock.adjust(id, delta, 'adjustment', {
          userId: actor.userId,
          note: 'Diubah di halaman produk',
          audit,
        });
        if (!adjusted.ok) result = { ok: false, errors: { stock: 'adminProducts.error.stockBelowZero' } };
      }
      deps.invalidate();
      return result;
    },

    /** Deletes a product that never sold; one that appears in an order is archived instead. */
    async remove(id: number): Promise<'deleted' | 'archived' | 'not_found'> {
      const product = await repo.find(id);
      if (!product) return 'not_found';
      if (await repo.hasOrders(id)) {
        await repo.setActive(id, false);
        deps.invalidate();
        return 'archived';
      }
      const images = await repo.images(id);
      try {
        await repo.delete(id);
      } catch (error) {
        // Ordered between the check and the delete: the order line keeps it, so archive it.
        if (!isForeignKeyViolation(error)) throw error;
        await repo.setActive(id, false);
        deps.invalidate();
        return 'archived';
      }
      deps.invalidate();
      await Promise.all(images.map((img) => deps.media.remove(img.storageKey)));
      return 'deleted';
    },

    async bulk(ids: number[], action: BulkAction): Promise<number> {
      const changed = await repo.bulk(ids, action);
      deps.invalidate();
      return changed;
    },

    /** Stores each image through the media pipeline; refused files are named, the others kept. */
    async addImages(productId: number, files: ImageUpload[], alt: string): Promise<UploadResult | undefined> {
      if (!(await repo.find(productId))) return undefined;
      const existing = (await repo.images(productId)).length;
      if (existing + files.length > MAX_PRODUCT_IMAGES) return { added: 0, refused: [], tooMany: true };
      const result: UploadResult = { added: 0, refused: [], tooMany: false };
      for (const file of files) {
        if (file.data.length > MAX_PRODUCT_IMAGE_BYTES) {
          result.refused.push({ filename: file.filename, reason: 'adminProducts.image.error.tooLarge' });
          continue;
        }
        let stored: StoredRenditions;
        try {
          stored = await deps.media.store(file.data);
        } catch (error) {
          const reason = imageFailure(error);
          if (!reason) throw error;
          result.refused.push({ filename: file.filename, reason });
          continue;
        }
        await repo.addImage(productId, { storageKey: stored.storageKey, alt, sizes: stored.sizes });
        result.added++;
      }
      if (result.added) deps.invalidate();
      return result;
    },

    async setMainImage(productId: number, imageId: number): Promise<boolean> {
      const done = await repo.setMainImage(productId, imageId);
      if (done) deps.invalidate();
      return done;
    },

    async moveImage(productId: number, imageId: number, direction: 'up' | 'down'): Promise<boolean> {
      const ids = (await repo.images(productId)).map((img) => img.id);
      if (!ids.includes(imageId)) return false;
      await repo.reorderImages(productId, moveImage(ids, imageId, direction));
      deps.invalidate();
      return true;
    },

    /**
     * Puts the product's images in the order given (after dragging). The ids must be exactly the
     * product's images, each once: a stale page (an image added or removed meanwhile) is refused.
     */
    async orderImages(productId: number, orderedIds: readonly number[]): Promise<'ok' | 'stale'> {
      const current = (await repo.images(productId)).map((img) => img.id);
      const same = current.length === orderedIds.length && new Set(orderedIds).size === current.length;
      if (!same || !orderedIds.every((id) => current.includes(id))) return 'stale';
      await repo.reorderImages(productId, [...orderedIds]);
      deps.invalidate();
      return 'ok';
    },

    async removeImage(productId: number, imageId: number): Promise<boolean> {
      const key = await repo.deleteImage(productId, imageId);
      if (key === undefined) return false;
      deps.invalidate();
      await deps.media.remove(key);
      return true;
    },
  };
}

export type ProductAdminService = ReturnType<typeof createProductAdminService>;
