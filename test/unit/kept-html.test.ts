import { h } from 'preact';
import { describe, expect, it } from 'vitest';
import { pageEtag } from '../../src/store/plugins/pages';
import { Icon, IconSymbols } from '../../src/store/ui/icon';
import { KEPT_MARKER, KeptHtml } from '../../src/store/ui/kept-html';
import type { PageContext } from '../../src/store/ui/page-context';
import { renderDocument, renderDocumentBytes } from '../../src/store/ui/render';
import { SharedPart } from '../../src/store/ui/shared-part';
import { testAssets, testPageContext } from '../helpers/page-context';

const assets = testAssets({ phone: '<symbol id="phone"/>', music: '<symbol id="music"/>' });
const profile = { name: 'Hurtrock' } as unknown as PageContext['profile'];
const context = (csrfToken?: string) => testPageContext({ assets, profile, csrfToken });

/** A page mixing its own HTML (non-ASCII too) with kept parts, one of which draws an icon. */
function page(title: string, partId = 'a', own?: string, token = 'T0KEN') {
  const part = (id: string, text: string) =>
    h(SharedPart, { tag: 'section', attributes: { class: 'kept' }, id, inner: () => h('p', null, h(Icon, { name: 'phone' }), text) });
  return h(
    'main',
    null,
    h('h1', null, title),
    part(`first-${partId}`, `Gitar — Rp\u00a014.500.000 🎸 ${partId}`),
    h('form', null, h('input', { type: 'hidden', name: '_csrf', value: token }), h(Icon, { name: 'music' })),
    own ? h('div', { dangerouslySetInnerHTML: { __html: own } }) : null,
    part('second', 'Kontak… “kami”'),
    h(IconSymbols, {}),
  );
}

describe('a page as bytes: kept parts encoded once and copied in', () => {
  it('gives exactly the bytes of the page rendered as one string, with the kept parts as their own segments', () => {
    const title = 'Semua Produk · “Fender” <Strat> & Co';
    const plain = Buffer.from(renderDocument(page(title), context()));
    const rendered = renderDocumentBytes(page(title), context());
    expect(rendered.body.equals(plain)).toBe(true);
    // Both sections and the icon symbols came in as kept bytes, not re-encoded.
    expect(rendered.segments.filter((s) => s instanceof KeptHtml)).toHaveLength(3);
    expect(rendered.body.toString()).not.toContain('<!--kept:');
    // From the caches the second time, still the same bytes.
    expect(renderDocumentBytes(page(title), context()).body.equals(plain)).toBe(true);
    // A part kept as bytes gives its HTML back for a page rendered as one string.
    expect(Buffer.from(renderDocument(page(title), context())).equals(plain)).toBe(true);
  });

  it('falls back to the plain page when the page itself holds the marker, so nothing is spliced in the wrong place', () => {
    const rendered = renderDocumentBytes(page('x', 'a', `<i>${KEPT_MARKER}</i>`), context());
    expect(rendered.body.equals(Buffer.from(renderDocument(page('x', 'a', `<i>${KEPT_MARKER}</i>`), context())))).toBe(true);
    expect(rendered.segments).toHaveLength(1);
  });

  it('gives the same page the same ETag, another page another, and leaves the CSRF token out', () => {
    const etag = (title: string, partId = 'a', token = 'T0KEN') =>
      pageEtag(renderDocumentBytes(page(title, partId, undefined, token), context(token)).segments, token);
    expect(etag('x')).toBe(etag('x'));
    expect(etag('y')).not.toBe(etag('x'));
    // Only a kept part differs.
    expect(etag('x', 'b')).not.toBe(etag('x'));
    expect(etag('x', 'a', 'OTHER-TOKEN')).toBe(etag('x'));
  });
});
