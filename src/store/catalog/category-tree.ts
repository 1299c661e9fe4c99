/**
 * The active categories as a tree, built once per category-cache refresh: the catalogue's filter
 * list, breadcrumbs, and the ids a category filter or a search's matching categories cover.
 */
import type { CategoryRow, ListingScope } from './search-repository';

export interface CategoryNode extends CategoryRow {
  children: CategoryNode[];
}

export interface CategoryTree {
  roots: CategoryNode[];
  bySlug: Map<string, CategoryNode>;
  byId: Map<number, CategoryNode>;
}

export function buildCategoryTree(rows: readonly CategoryRow[]): CategoryTree {
  const byId = new Map<number, CategoryNode>(rows.map((r) => [r.id, { ...r, children: [] }]));
  const roots: CategoryNode[] = [];
  for (const node of byId.values()) {
    const parent = node.parentId === null ? undefined : byId.get(node.parentId);
    // A category under an inactive parent is hidden with it.
    if (parent) parent.children.push(node);
    else if (node.parentId === null) roots.push(node);
  }
  const bySlug = new Map([...byId.values()].map((n) => [n.slug, n]));
  return { roots, bySlug, byId };
}

/** The chain from the root down to `node`. */
export function ancestry(tree: CategoryTree, node: CategoryNode): CategoryRow[] {
  const chain: CategoryRow[] = [];
  for (
    let current: CategoryNode | undefined = node;
    current;
    current = current.parentId === null ? undefined : tree.byId.get(current.parentId)
  ) {
    chain.unshift(current);
    if (chain.length > 20) break; // defensive: the schema forbids cycles of one, not longer ones
  }
  return chain;
}

/** Ids of the given categories and everything below them. */
export function withDescendants(tree: CategoryTree, ids: readonly number[]): number[] {
  const result = new Set<number>();
  const visit = (node: CategoryNode) => {
    if (result.has(node.id)) return;
    result.add(node.id);
    node.children.forEach(visit);
  };
  for (const id of ids) {
    const node = tree.byId.get(id);
    if (node) visit(node);
  }
  return [...result];
}

/** Every active category: a listing without a category filter. */
export function everywhere(tree: CategoryTree): ListingScope {
  return { categoryIds: [...tree.byId.keys()] };
}
