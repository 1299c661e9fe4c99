/**
 * A Font Awesome icon drawn from the build's SVG sprite (scripts/build-lib.mjs) instead of the
 * icon font: only the icons the code names are shipped. Hidden from screen readers (the text or
 * label next to it says what it is) and never focusable on its own.
 */
import { keyedPerObject } from '../../lib/object-memo';
import { FALLBACK_ICON } from './icon-names';
import { KeptHtml, placeKept } from './kept-html';
import { usePage } from './page-context';

export type IconStyle = 'solid' | 'brands';

export function Icon({ name, style = 'solid', class: extra }: { name: string; style?: IconStyle; class?: string }) {
  const { assets, path, inlineIcons } = usePage();
  // The back office has a sprite of every icon; the shop's holds only its own.
  const admin = path.startsWith('/admin');
  const sprite = admin ? assets.adminIcons : assets.icons;
  const wanted = style === 'brands' ? `brands-${name}` : name;
  // Category icons are typed by staff: one the sprite lacks is drawn as the default, not a blank.
  const id = sprite.names.has(wanted) ? wanted : FALLBACK_ICON;
  // Storefront pages carry their symbols inline (<IconSymbols> in the layout): no sprite request
  // competes with the page's main picture. The back office's pages share its cached sprite.
  const inline = !admin && inlineIcons !== undefined && sprite.symbols?.has(id) === true;
  if (inline) inlineIcons.add(id);
  return (
    <svg class={`icon icon-${name}${extra ? ` ${extra}` : ''}`} aria-hidden="true" focusable="false">
      <use href={inline ? `#${id}` : `${sprite.url}#${id}`} />
    </svg>
  );
}

/**
 * The symbols of the icons drawn so far on this page, as one hidden <svg>: rendered last in
 * <body>, after every <Icon>. The markup is the build's own sprite (never user input);
 * web/catalog.ts adds the symbols of a catalogue page it swaps in.
 */
export function IconSymbols() {
  const { assets, inlineIcons, keptParts } = usePage();
  const symbols = assets.icons.symbols;
  if (!inlineIcons || inlineIcons.size === 0 || !symbols) return null;
  const markup = keptSymbols(symbols, [...inlineIcons]);
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      hidden
      aria-hidden="true"
      data-icon-symbols
      dangerouslySetInnerHTML={{ __html: placeKept(markup, keptParts) }}
    />
  );
}

/**
 * Symbol markup per list of icons: pages of one kind draw the same icons in the same order. The
 * lists are bounded per symbol set because a list comes from what a request's page drew.
 */
const symbolMarkup = keyedPerObject<ReadonlyMap<string, string>, KeptHtml>(256);

function keptSymbols(symbols: ReadonlyMap<string, string>, ids: string[]): KeptHtml {
  return symbolMarkup.get(symbols, ids.join(' '), () => new KeptHtml(ids.map((id) => symbols.get(id) ?? '').join('')));
}
