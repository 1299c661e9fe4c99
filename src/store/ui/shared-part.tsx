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
import { type KeyedPerObject, keyedPerObject, memoByObject } from '../../lib/object-memo';
import { KeptHtml, placeKept } from './kept-html';
import { type PageContext, PageCtx, usePage } from './page-context';

interface Rendered {
  kept: KeptHtml;
  icons: string[];
}

/**
 * Where rendered parts are kept: per profile object (a new one after each edit, so old renderings
 * go with the old profile) and variant, at most `maxKeys` per profile and variant.
 */
export type PartCache = KeyedPerObject<object, Rendered>;

export function partCache(maxKeys: number): PartCache {
  return keyedPerObject(maxKeys);
}

/**
 * What a part's HTML depends on besides its key: the profile, the language and whether the page
 * inlines its icons. Each combination is one owner object, so a part is looked up by its own key
 * as given. A card's key is a long string made once per card row, whose hash V8 keeps; the key
 * joined with the language in a new string per card and page had to be hashed anew each time
 * (~7 % of a never-seen catalogue page's CPU).
 */
const variantsOf = memoByObject((_profile: object) => new Map<string, { inline: object; sprite: object }>());

function variantOwner(ctx: PageContext): object {
  const variants = variantsOf(ctx.profile);
  let owners = variants.get(ctx.locale);
  if (!owners) {
    owners = { inline: {}, sprite: {} };
    variants.set(ctx.locale, owners);
  }
  return ctx.inlineIcons ? owners.inline : owners.sprite;
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
  const rendered = cache.get(variantOwner(ctx), id, () => {
    const icons = new Set<string>();
    const value: PageContext = { ...ctx, inlineIcons: ctx.inlineIcons ? icons : undefined, keptParts: undefined };
    return { kept: new KeptHtml(renderToString(h(PageCtx.Provider, { value }, inner()))), icons: [...icons] };
  });
  for (const icon of rendered.icons) ctx.inlineIcons?.add(icon);
  return h(tag, { ...attributes, dangerouslySetInnerHTML: { __html: placeKept(rendered.kept, ctx.keptParts) } });
}
