/** The shapes of the sample catalogue (sample-data.ts, sample-products.ts) and how its art is drawn. */

export interface SampleSupplier {
  key: 'harmoni' | 'sentosa';
  name: string;
  contactPerson: string;
  phone: string;
  email: string;
  address: string;
  notes: string;
}

/** How product-art.ts draws a product. `color` overrides the finish picked from the SKU. */
export type ArtKind =
  | 'electric-guitar'
  | 'acoustic-guitar'
  | 'bass'
  | 'acoustic-bass'
  | 'drum-kit'
  | 'e-drum'
  | 'cymbal'
  | 'cymbal-pack'
  | 'amp'
  | 'pedal'
  | 'wah'
  | 'multi-fx'
  | 'floor-fx'
  | 'strings'
  | 'cable'
  | 'sticks'
  | 'picks'
  | 'keyboard'
  | 'microphone';

export interface ProductArt {
  kind: ArtKind;
  /** Body or style variant, e.g. "strat", "lp", "superstrat" for guitars; "marshall", "orange" for amps. */
  shape?: string;
  color?: string;
  /** Second colour (hardware, grille, lettering), where the kind uses one. */
  accent?: string;
}

export interface SampleProduct {
  name: string;
  slug: string;
  sku: string;
  brand: string;
  model: string;
  categorySlug: string;
  supplier: SampleSupplier['key'];
  price: number;
  stock: number;
  minStock: number;
  lowStockThreshold: number;
  weightGrams: number;
  lengthCm: number;
  widthCm: number;
  heightCm: number;
  featured: boolean;
  description: string;
  art: ProductArt;
}

export interface SeedResult {
  categories: number;
  products: number;
  images: number;
}
