import type { ProductArt } from '../types';
import type { Defs } from './svg';

/** What a drawing function gets: it draws the product centred on (0, 0), about 1000 units across. */
export interface ArtContext {
  defs: Defs;
  art: ProductArt;
  brand: string;
  model: string;
  /** Main finish colour (from the sample data, or picked from the SKU). */
  color: string;
  accent: string;
  /** Stable number from the SKU, for small variations. */
  seed: number;
  /** 0 = main shot, 1 = second shot. */
  view: 0 | 1;
}

export type Drawer = (ctx: ArtContext) => string;
