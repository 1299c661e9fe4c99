/**
 * Icons that are chosen at run time and so cannot be found in the code by the build: a category's
 * icon is typed by staff and stored in the database. The build puts these into the SVG sprite
 * (scripts/build-lib.mjs reads every quoted name in this file) next to the icons the code names,
 * and <Icon> draws `music` for a name outside the sprite instead of an empty box.
 */
export const CATEGORY_ICONS = [
  'music',
  'guitar',
  'drum',
  'drum-steelpan',
  'bolt',
  'plug',
  'volume-high',
  'volume-low',
  'headphones',
  'microphone',
  'microphone-lines',
  'sliders',
  'wave-square',
  'record-vinyl',
  'compact-disc',
  'radio',
  'keyboard',
  'box',
  'box-open',
  'toolbox',
  'screwdriver-wrench',
  'wrench',
  'tag',
  'star',
  'fire',
  'gift',
  'book',
  'shirt',
  'warehouse',
  'truck-fast',
  'lightbulb',
] as const;

/** Drawn for a stored icon name the sprite does not hold. */
export const FALLBACK_ICON = 'music';

/** Brand icons of the shop's social links (store profile), drawn on the store page. */
export const SOCIAL_ICONS = ['instagram', 'facebook', 'youtube', 'tiktok'] as const;
