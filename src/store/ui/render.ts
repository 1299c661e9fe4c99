/**
 * Server rendering: a page component is rendered inside the page context and sent as HTML.
 */
import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { type KeptParts, type PageSegment, pageSegments, segmentsToBytes } from './kept-html';
import { type PageContext, PageCtx } from './page-context';

/** Any page's root element: Preact's VNode is invariant in its props, so pages of every component type meet here. */
// biome-ignore lint/suspicious/noExplicitAny: the one place the page type is left open (see above)
export type AnyPage = VNode<any>;

/** The page as one string, kept parts written in place. */
export function renderDocument(node: AnyPage, ctx: PageContext): string {
  return renderWith(node, { ...ctx, keptParts: undefined });
}

export interface RenderedDocument {
  body: Buffer;
  /** The page's own bytes and its kept parts, in order: what the ETag hashes (plugins/pages.ts). */
  segments: readonly PageSegment[];
}

/**
 * The page as bytes: the kept parts' bytes (encoded once, kept-html.ts) copied between the page's
 * own encoded pieces. The same bytes as `Buffer.from(renderDocument(...))`.
 */
export function renderDocumentBytes(node: AnyPage, ctx: PageContext): RenderedDocument {
  const keptParts: KeptParts = [];
  const segments = pageSegments(renderWith(node, { ...ctx, keptParts }), keptParts) ?? [Buffer.from(renderDocument(node, ctx))];
  return { body: segmentsToBytes(segments), segments };
}

function renderWith(node: AnyPage, ctx: PageContext): string {
  // A fresh set of inline icons per render: the context itself may be reused.
  const value: PageContext = { ...ctx, inlineIcons: new Set() };
  return '<!doctype html>' + renderToString(h(PageCtx.Provider, { value }, node));
}

/**
 * Last-resort page when even the page context cannot be built (e.g. the database is down):
 * plain, self-contained, no data.
 */
export function fallbackErrorHtml(status: number, reference: string): string {
  const title = status === 503 ? 'Layanan sedang tidak tersedia' : status < 500 ? 'Alamat tidak valid' : 'Terjadi kesalahan';
  const lead =
    status < 500
      ? 'Periksa alamat halaman, atau mulai lagi dari beranda. / Check the address, or start again from the home page.'
      : 'Silakan coba lagi sebentar lagi. / Please try again shortly.';
  return (
    '<!doctype html><html lang="id"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
    `<title>${title} · Hurtrock Music Store</title></head>` +
    `<body><h1>${title}</h1><p>${lead}</p><p><small>Ref: ${reference.replace(/[^A-Za-z0-9._-]/g, '')}</small></p>` +
    '<p><a href="/">Hurtrock Music Store</a></p></body></html>'
  );
}
