/**
 * Categories in the back office (A3): the tree with counts, create, edit, move and delete. The
 * rules live here: a slug is made from the name when none is given and stays unique and
 * URL-safe, a category never moves under itself or one of its descendants (no cycles), and one
 * that still holds products or sub-categories cannot be deleted. Every change forgets the
 * storefront's cached catalogue (`invalidate`), so customers see it at once.
 */
import type { RunInTransaction, StoreTx } from '../../db/store-db';
import type { MessageKey } from '../../lib/i18n';
import type { CategoryRepository } from './category-repository';
import type { AdminCategoryRow, CategoryFields } from './types';
import { slugify as slugOf } from '../../lib/slug';

export const CATEGORY_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const CATEGORY_SLUG_MAX = 120;

/** A refused change, naming the form field it is about and the message to show there. */
export class CategoryRuleError extends Error {
  constructor(
    readonly field: 'name' | 'slug' | 'parentId' | '_form',
    readonly key: MessageKey,
  ) {
    super(key);
    this.name = 'CategoryRuleError';
  }
}

export interface AdminCategoryNode extends AdminCategoryRow {
  depth: number;
  children: AdminCategoryNode[];
}

/** "Gitar Elektrik & Bass" → "gitar-elektrik-bass": lower case, accents dropped, one dash between words. */
export function slugify(text: string): string {
  return slugOf(text, CATEGORY_SLUG_MAX);
}

/** The rows as a tree (roots first, children under their parent), each with its depth. */
export function categoryTree(rows: readonly AdminCategoryRow[]): AdminCategoryNode[] {
  const byId = new Map<number, AdminCategoryNode>(rows.map((r) => [r.id, { ...r, depth: 0, children: [] }]));
  const roots: AdminCategoryNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  const setDepth = (node: AdminCategoryNode, depth: number, seen: Set<number>) => {
    if (seen.has(node.id)) return;
    seen.add(node.id);
    node.depth = depth;
    for (const child of node.children) setDepth(child, depth + 1, seen);
  };
  const seen = new Set<number>();
  for (const root of roots) setDepth(root, 0, seen);
  return roots;
}

/** The tree flattened in display order (a parent, then its children). */
export function flattenTree(roots: readonly AdminCategoryNode[]): AdminCategoryNode[] {
  const out: AdminCategoryNode[] = [];
  const visit = (node: AdminCategoryNode) => {
    out.push(node);
    node.children.forEach(visit);
  };
  roots.forEach(visit);
  return out;
}

/** Ids of `id` and every category below it: where it may not be moved. */
export function selfAndDescendants(rows: readonly Pick<AdminCategoryRow, 'id' | 'parentId'>[], id: number): Set<number> {
  const result = new Set<number>([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const row of rows) {
      if (row.parentId !== null && result.has(row.parentId) && !result.has(row.id)) {
        result.add(row.id);
        grew = true;
      }
    }
  }
  return result;
}

function isForeignKeyViolation(error: unknown): boolean {
  for (let e: unknown = error; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23503') return true;
  }
  return false;
}

export interface CategoryFormData {
  category: AdminCategoryRow | undefined;
  parents: AdminCategoryNode[];
  usage: { products: number; children: number } | undefined;
}

export interface CategoryInput {
  name: string;
  /** Empty: made from the name. */
  slug: string;
  parentId: number | null;
  description: string;
  icon: string;
  position: number;
  isActive: boolean;
}

export interface CategoryServiceDeps {
  repo: CategoryRepository;
  transaction: RunInTransaction;
  invalidate: () => void;
  /** Deletes a picture's renditions (after the row that named it is gone). */
  removeImageFiles?: (storageKey: string) => Promise<void>;
}

export function createCategoryService(deps: CategoryServiceDeps) {
  const { repo, transaction } = deps;

  /** Checks the input against the tree (inside the write's transaction) and returns the row to write. */
  async function checked(tx: StoreTx, input: CategoryInput, id?: number): Promise<CategoryFields> {
    const slug = input.slug === '' ? slugify(input.name) : input.slug;
    if (slug === '') throw new CategoryRuleError(input.slug === '' ? 'name' : 'slug', 'adminCatalog.category.error.slugFromName');
    if (!CATEGORY_SLUG.test(slug) || slug.length > CATEGORY_SLUG_MAX) {
      throw new CategoryRuleError('slug', 'adminCatalog.category.error.slugFormat');
    }
    if (await repo.slugTaken(tx, slug, id)) throw new CategoryRuleError('slug', 'adminCatalog.category.error.slugTaken');
    if (input.parentId !== null) {
      const rows = await repo.listAll(tx);
      if (!rows.some((r) => r.id === input.parentId)) throw new CategoryRuleError('parentId', 'adminCatalog.category.error.parentMissing');
      if (id !== undefined && selfAndDescendants(rows, id).has(input.parentId)) {
        throw new CategoryRuleError('parentId', 'adminCatalog.category.error.cycle');
      }
    }
    return {
      parentId: input.parentId,
      name: input.name,
      slug,
      description: input.description,
      icon: input.icon,
      position: input.position,
      isActive: input.isActive,
    };
  }

  return {
    /** Every category as a tree, with each one's own product count. */
    async tree(): Promise<AdminCategoryNode[]> {
      return categoryTree(await repo.listAll());
    },

    /**
     * What the form needs: the category (undefined for a new one or a missing id), the parents it
     * may be put under (itself and its descendants left out) and what it holds directly.
     */
    async formData(id?: number): Promise<CategoryFormData> {
      const rows = await repo.listAll();
      const category = id === undefined ? undefined : rows.find((r) => r.id === id);
      const excluded = category ? selfAndDescendants(rows, category.id) : new Set<number>();
      const parents = flattenTree(categoryTree(rows)).filter((n) => !excluded.has(n.id));
      const usage = category
        ? { products: category.productCount, children: rows.filter((r) => r.parentId === category.id).length }
        : undefined;
      return { category, parents, usage };
    },

    /** Creates a category; throws CategoryRuleError for a refused input. */
    async create(input: CategoryInput): Promise<number> {
      const id = await transaction(async (tx) => {
        await repo.lockTree(tx);
        return repo.insert(tx, await checked(tx, input));
      });
      deps.invalidate();
      return id;
    },

    /** Saves a category; false when it no longer exists. Throws CategoryRuleError for a refused input. */
    async update(id: number, input: CategoryInput): Promise<boolean> {
      const saved = await transaction(async (tx) => {
        await repo.lockTree(tx);
        return repo.update(tx, id, await checked(tx, input, id));
      });
      if (saved) deps.invalidate();
      return saved;
    },

    /** Deletes an unused category; false when it no longer exists. Throws CategoryRuleError when it is in use. */
    async remove(id: number): Promise<boolean> {
      const removed = await transaction(async (tx) => {
        await repo.lockTree(tx);
        const usage = await repo.usage(tx, id);
        if (usage.products > 0) throw new CategoryRuleError('_form', 'adminCatalog.category.error.hasProducts');
        if (usage.children > 0) throw new CategoryRuleError('_form', 'adminCatalog.category.error.hasChildren');
        return repo.remove(tx, id);
      }).catch((error: unknown) => {
        // A product added to it at the same moment: the database's foreign key refuses the delete.
        if (isForeignKeyViolation(error)) throw new CategoryRuleError('_form', 'adminCatalog.category.error.hasProducts');
        throw error;
      });
      if (!removed) return false;
      deps.invalidate();
      if (removed.imageKey) await deps.removeImageFiles?.(removed.imageKey);
      return true;
    },
  };
}

export type CategoryService = ReturnType<typeof createCategoryService>;
