/**
 * A part of the page that is the same for many requests (the footer, the chat button), rendered
 * to HTML once per key and reused. Rendering a catalogue page the caches have not seen costs
 * ~1 ms, most of it Preact turning elements into strings; the footer and the chat button are a
 * quarter of the page's bytes and depend only on the language, the shop's profile and a flag or
 * two. The key must name everything the part reads; the icons the part draws are remembered with
 * it and added to the page's inline icons (see Icon).
 */
import { h, type VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';
import { type PageContext, PageCtx, usePage } from './page-context';

interface Rendered {
  html: string;
  icons: string[];
}

/** Per profile object (a new one after each edit): old renderings go with the old profile. */
const byProfile = new WeakMap<object, Map<string, Rendered>>();
const MAX_KEYS_PER_PROFILE = 64;

/**
 * `<tag {...attributes}>` around the part's inner HTML, rendered once per `key` (plus the
 * language, the profile and whether the page inlines its icons).
 */
export function SharedPart({
  tag,
  attributes,
  id,
  inner,
}: {
  tag: string;
  attributes: Record<string, string>;
  /** What the inner HTML depends on besides the language and the profile. */
  id: string;
  inner: () => VNode;
}) {
  const ctx = usePage();
  let cache = byProfile.get(ctx.profile);
  if (!cache) {
    cache = new Map();
    byProfile.set(ctx.profile, cache);
  }
  const key = `${id}|${ctx.locale}|${ctx.inlineIcons ? 'inline' : 'sprite'}`;
  let rendered = cache.get(key);
  if (!rendered) {
    const icons = new Set<string>();
    const value: PageContext = { ...ctx, inlineIcons: ctx.inlineIcons ? icons : undefined };
    rendered = { html: renderToString(h(PageCtx.Provider, { value }, inner())), icons: [...icons] };
    if (cache.size >= MAX_KEYS_PER_PROFILE) cache.clear();
    cache.set(key, rendered);
  }
  for (const icon of rendered.icons) ctx.inlineIcons?.add(icon);
  return h(tag, { ...attributes, dangerouslySetInnerHTML: { __html: rendered.html } });
}
