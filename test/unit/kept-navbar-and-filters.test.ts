import { h } from 'preact';
import { describe, expect, it } from 'vitest';
import type { CatalogPage, CategoryNode } from '../../src/store/catalog/service';
import { Filters } from '../../src/store/catalog/views/filters';
import { Navbar } from '../../src/store/ui/navbar';
import type { PageContext, PageUser } from '../../src/store/ui/page-context';
import { KeptHtml } from '../../src/store/ui/kept-html';
import { renderDocument, renderDocumentBytes } from '../../src/store/ui/render';
import { testPageContext } from '../helpers/page-context';

const context = (path: string, extra: Partial<PageContext> = {}) => testPageContext({ path, ...extra });

const navbar = (path: string, extra: Partial<PageContext> = {}) => renderDocument(h(Navbar, {}), context(path, extra));

describe('the navbar of a visitor who is not logged in and has an empty cart is kept per path', () => {
  it('marks the current page and links the other language for each path', () => {
    expect(navbar('/produk')).toContain('<a class="nav-link" href="/produk" aria-current="page">');
    expect(navbar('/produk')).toBe(navbar('/produk'));
    const store = navbar('/toko');
    expect(store).toContain('<a class="nav-link" href="/toko" aria-current="page">');
    expect(store).not.toContain('href="/produk" aria-current');
    expect(store).toContain('href="/toko?lang=en"');
  });

  it('never gives a visitor with a cart or an account the kept navbar, nor keeps theirs for others', () => {
    const user: PageUser = { name: 'Budi Rocker', role: 'customer', emailVerified: true };
    expect(navbar('/produk', { user })).toContain('Budi Rocker');
    expect(navbar('/produk', { cartUnits: 3 })).toMatch(/<span class="cart-badge"[^>]*>3<\/span>/);
    // Kept (copied in as bytes) for the guest only.
    const keptParts = (extra: Partial<PageContext>) =>
      renderDocumentBytes(h(Navbar, {}), context('/produk', extra)).segments.filter((s) => s instanceof KeptHtml).length;
    expect(keptParts({})).toBe(1);
    expect(keptParts({ user })).toBe(0);
    expect(keptParts({ cartUnits: 3 })).toBe(0);
    // The guest's navbar afterwards is still the guest's.
    const guest = navbar('/produk');
    expect(guest).not.toContain('Budi Rocker');
    expect(guest).toMatch(/<span class="cart-badge"[^>]*hidden[^>]*>0<\/span>/);
    expect(guest).toContain('href="/masuk"');
  });
});

function node(id: number, slug: string, name: string, children: CategoryNode[] = []): CategoryNode {
  return { id, parentId: null, slug, name, icon: null, children } as unknown as CategoryNode;
}

function filters(tree: CategoryNode[], categorySlug: string | undefined) {
  const page = {
    query: { q: '', categorySlug, brands: [], sort: 'recommended', page: 1, perPage: 12, inStock: false },
    brands: [],
    topCategories: tree,
  } as unknown as CatalogPage;
  return renderDocument(h(Filters, { page }), context('/produk'));
}

const selected = (html: string) => [...html.matchAll(/<option value="([^"]*)" selected/g)].map((m) => m[1]);

describe('the category <select> is kept per tree and chosen category', () => {
  const tree = [node(1, 'gitar', 'Gitar', [node(2, 'gitar-elektrik', 'Gitar Elektrik')]), node(3, 'bass', 'Bass')];

  it('selects the chosen category, and none for a slug the tree lacks', () => {
    expect(selected(filters(tree, 'gitar-elektrik'))).toEqual(['gitar-elektrik']);
    expect(selected(filters(tree, 'bass'))).toEqual(['bass']);
    expect(selected(filters(tree, 'no-such-category'))).toEqual([]);
    expect(selected(filters(tree, undefined))).toEqual([]);
    expect(filters(tree, 'gitar-elektrik')).toContain('<option value="gitar-elektrik" selected>— Gitar Elektrik</option>');
  });

  it('shows a changed tree (a new object after a category edit) at once', () => {
    expect(filters(tree, 'bass')).toContain('>Bass</option>');
    const renamed = [tree[0]!, node(3, 'bass', 'Bass & Low End')];
    const html = filters(renamed, 'bass');
    expect(html).toContain('>Bass &amp; Low End</option>');
    expect(html).not.toContain('>Bass</option>');
  });
});
