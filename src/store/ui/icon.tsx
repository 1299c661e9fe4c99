/**
 * A Font Awesome icon drawn from the build's SVG sprite (scripts/build-lib.mjs) instead of the
 * icon font: only the icons the code names are shipped. Hidden from screen readers (the text or
 * label next to it says what it is) and never focusable on its own.
 */
import { FALLBACK_ICON } from './icon-names';
import { usePage } from './page-context';

export type IconStyle = 'solid' | 'brands';

export function Icon({ name, style = 'solid', class: extra }: { name: string; style?: IconStyle; class?: string }) {
  const { assets, path } = usePage();
  // The back office has a sprite of every icon; the shop's holds only its own.
  const sprite = path.startsWith('/admin') ? assets.adminIcons : assets.icons;
  const wanted = style === 'brands' ? `brands-${name}` : name;
  // Category icons are typed by staff: one the sprite lacks is drawn as the default, not a blank.
  const id = sprite.names.has(wanted) ? wanted : FALLBACK_ICON;
  return (
    <svg class={`icon icon-${name}${extra ? ` ${extra}` : ''}`} aria-hidden="true" focusable="false">
      <use href={`${sprite.url}#${id}`} />
    </svg>
  );
}
