/**
 * A part of the page that is the same for many requests (the footer, the chat button), rendered
 * to HTML once per key and reused. Rendering a catalogue page the caches have not seen costs
 * ~1 ms, most of it Preact turning elements into strings; the footer and the chat button are a
 * quarter of the page's bytes and depend only on the language, the shop's profile and a flag or
 * two. The key must name everything the part reads; the icons the part draws are remembered with
 * it and added to the page's inline icons (see Icon). The part's bytes are kept too (kept-html.ts).
 */
import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { KeptHtml, placeKept } from './kept-html';
import { type PageContext, PageCtx, usePage } from './page-context';

interface Rendered {
  kept: KeptHtml;
  icons: string[];
}

/**
 * Where rendered parts are kept: per profile object (a new one after each edit, so old renderings
 * go with the old profile), at most `maxKeys` per profile. A full cache is emptied rather than
 * tracked entry by entry: a part is cheap to render again.
 */
export interface PartCache {
  maxKeys: number;
  byProfile: WeakMap<object, Map<string, Rendered>>;
}

export function partCache(maxKeys: number): PartCache {
  return { maxKeys, byProfile: new WeakMap() };
}

/** The layout's parts: a handful of keys (footer, chat button) per language. */
const layoutParts = partCache(64);

/**
 * `<tag {...attributes}>` around the part's inner HTML, rendered once per `key` (plus the
 * language, the profile and whether the page inlines its icons).
 */
export function SharedPart({
  tag,
  attributes,
  id,
  inner,
  cache = layoutParts,
}: {
  tag: string;
  attributes: Record<string, string>;
  /** What the inner HTML depends on besides the language and the profile. */
  id: string;
  inner: () => VNode;
  /** Where this kind of part is kept (the layout's by default). */
  cache?: PartCache;
}) {
  const ctx = usePage();
  let parts = cache.byProfile.get(ctx.profile);
  if (!parts) {
    parts = new Map();
    cache.byProfile.set(ctx.profile, parts);
  }
  const key = `${id}|${ctx.locale}|${ctx.inlineIcons ? 'inline' : 'sprite'}`;
  let rendered = parts.get(key);
  if (!rendered) {
    const icons = new Set<string>();
    const value: PageContext = { ...ctx, inlineIcons: ctx.inlineIcons ? icons : undefined, keptParts: undefined };
    rendered = { kept: new KeptHtml(renderToString(h(PageCtx.Provider, { value }, inner()))), icons: [...icons] };
    if (parts.size >= cache.maxKeys) parts.clear();
    parts.set(key, rendered);
  }
  for (const icon of rendered.icons) ctx.inlineIcons?.add(icon);
  return h(tag, { ...attributes, dangerouslySetInnerHTML: { __html: placeKept(rendered.kept, ctx.keptParts) } });
}
