/**
 * Sample data for a fresh store: the shop's real profile, the category tree, suppliers, couriers
 * and 36 instruments sold in Indonesia. Pure data, no I/O. Prices are whole rupiah.
 */
import type { OpeningPeriod } from '../../db/schema';
import type { SampleSupplier } from './types';

export interface SampleStoreProfile {
  name: string;
  tagline: string;
  street: string;
  city: string;
  province: string;
  postalCode: string;
  phone: string;
  whatsapp: string;
  email: string;
  mapsUrl: string;
  openingHours: OpeningPeriod[];
}

export const sampleStoreProfile: SampleStoreProfile = {
  name: 'Hurtrock Music Store',
  tagline: 'Gudangnya gear rock & metal di Bandung — colok, kencangkan volume, hajar panggungnya!',
  street: 'Jl Gegerkalong Girang Complex Darut Tauhid Kav 22',
  city: 'Kota Bandung',
  province: 'Jawa Barat',
  postalCode: '40153',
  phone: '0821-1555-8035',
  whatsapp: '6282115558035',
  email: 'info@hurtrock.com',
  mapsUrl:
    'https://www.google.com/maps/search/?api=1&query=' +
    encodeURIComponent('Hurtrock Music Store, Jl Gegerkalong Girang Complex Darut Tauhid Kav 22, Kota Bandung'),
  // Day 0 = Sunday (closed, so no period).
  openingHours: [
    { day: 1, open: '09:30', close: '18:00' },
    { day: 2, open: '09:30', close: '18:00' },
    { day: 3, open: '09:30', close: '18:00' },
    { day: 4, open: '09:30', close: '18:00' },
    { day: 5, open: '09:30', close: '18:00' },
    { day: 6, open: '09:30', close: '17:00' },
  ],
};

export interface SampleCategory {
  name: string;
  slug: string;
  /** Font Awesome 7 free solid icon name. */
  icon: string;
  description: string;
  children?: Omit<SampleCategory, 'children'>[];
}

export const sampleCategories: SampleCategory[] = [
  {
    name: 'Gitar',
    slug: 'gitar',
    icon: 'guitar',
    description: 'Gitar elektrik dan akustik untuk panggung, studio dan kamar latihan.',
    children: [
      { name: 'Gitar Elektrik', slug: 'gitar-elektrik', icon: 'bolt', description: 'Strat, Les Paul, superstrat: siap distorsi tebal.' },
      {
        name: 'Gitar Akustik',
        slug: 'gitar-akustik',
        icon: 'guitar',
        description: 'Akustik dan elektrik-akustik untuk unplugged dan nongkrong.',
      },
    ],
  },
  {
    name: 'Bass',
    slug: 'bass',
    icon: 'wave-square',
    description: 'Bass elektrik dan akustik, low end yang bikin dada bergetar.',
    children: [
      { name: 'Bass Elektrik', slug: 'bass-elektrik', icon: 'bolt', description: 'Jazz bass, PJ, aktif maupun pasif.' },
      { name: 'Bass Akustik', slug: 'bass-akustik', icon: 'guitar', description: 'Bass akustik untuk sesi unplugged.' },
    ],
  },
  {
    name: 'Drum',
    slug: 'drum',
    icon: 'drum',
    description: 'Drum set akustik, drum elektrik dan cymbal.',
    children: [
      { name: 'Drum Akustik', slug: 'drum-akustik', icon: 'drum', description: 'Drum set lengkap dengan hardware.' },
      { name: 'Drum Elektrik', slug: 'drum-elektrik', icon: 'plug', description: 'Drum elektrik mesh head, latihan senyap di rumah.' },
      { name: 'Cymbal', slug: 'cymbal', icon: 'circle-dot', description: 'Crash, ride, hi-hat dan paket cymbal.' },
    ],
  },
  {
    name: 'Amplifier',
    slug: 'amplifier',
    icon: 'volume-high',
    description: 'Ampli gitar dan bass, dari latihan di kamar sampai panggung.',
    children: [
      { name: 'Ampli Gitar', slug: 'ampli-gitar', icon: 'volume-high', description: 'Combo tabung dan modeling untuk gitar.' },
      { name: 'Ampli Bass', slug: 'ampli-bass', icon: 'volume-low', description: 'Combo bass dengan headroom lega.' },
    ],
  },
  {
    name: 'Efek',
    slug: 'efek',
    icon: 'sliders',
    description: 'Pedal efek dan multi-efek untuk membentuk sound khasmu.',
    children: [
      { name: 'Pedal Efek', slug: 'pedal-efek', icon: 'fire', description: 'Distorsi, fuzz, wah dan stompbox lainnya.' },
      { name: 'Multi-Efek', slug: 'multi-efek', icon: 'sliders', description: 'Prosesor multi-efek dan amp modeler.' },
    ],
  },
  { name: 'Keyboard', slug: 'keyboard', icon: 'music', description: 'Keyboard dan synthesizer untuk band dan latihan.' },
  { name: 'Mikrofon', slug: 'mikrofon', icon: 'microphone', description: 'Mikrofon vokal dan instrumen untuk panggung.' },
  {
    name: 'Aksesoris',
    slug: 'aksesoris',
    icon: 'toolbox',
    description: 'Senar, kabel, stik, pick: amunisi wajib setiap musisi.',
    children: [
      { name: 'Senar', slug: 'senar', icon: 'grip-lines', description: 'Senar gitar dan bass dari merek andalan.' },
      { name: 'Kabel', slug: 'kabel', icon: 'plug', description: 'Kabel instrumen dan patch yang awet.' },
      { name: 'Stik Drum', slug: 'stik-drum', icon: 'drum', description: 'Stik drum kayu hickory dan maple.' },
      { name: 'Pick', slug: 'pick', icon: 'guitar', description: 'Pick gitar dan bass berbagai ketebalan.' },
    ],
  },
];

export const sampleSuppliers: SampleSupplier[] = [
  {
    key: 'harmoni',
    name: 'PT Harmoni Nada Distribusi',
    contactPerson: 'Rudi Hartono',
    phone: '021-6231-4477',
    email: 'order@harmoninada.co.id',
    address: 'Jl Mangga Dua Raya Blok C2 No 15, Jakarta Utara, DKI Jakarta 14430',
    notes: 'Distributor gitar, bass dan ampli. Termin 30 hari, pengiriman via kargo 2–3 hari.',
  },
  {
    key: 'sentosa',
    name: 'CV Bandung Musik Sentosa',
    contactPerson: 'Dewi Kartika',
    phone: '022-2011-5683',
    email: 'sales@bandungmusiksentosa.co.id',
    address: 'Jl Sukajadi No 188, Kota Bandung, Jawa Barat 40162',
    notes: 'Drum, efek dan aksesoris. Bisa diambil langsung, stok aksesoris dikirim mingguan.',
  },
];

export { sampleProducts } from './sample-products';
export type { ArtKind, ProductArt, SampleProduct, SampleSupplier } from './types';

/**
 * Sample checkout settings: transfer accounts that are clearly examples (the shop enters its real
 * ones in the admin), and free shipping from Rp 10.000.000.
 */
export const sampleShopSettings = {
  freeShippingFrom: 10_000_000,
  bankAccounts: [
    { bank: 'BCA', number: '123 456 7890', holder: 'Hurtrock Music Store (contoh)' },
    { bank: 'Bank Mandiri', number: '130 00 1234567 8', holder: 'Hurtrock Music Store (contoh)' },
  ],
};

/**
 * A plausible sales history for the sample catalogue so "best selling" has something to sort:
 * cheap accessories sell more than flagship guitars. Deterministic (from the SKU), no randomness.
 */
export function sampleSoldCount(sku: string, price: number): number {
  let hash = 0;
  for (const ch of sku) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const popularity = price < 500_000 ? 60 : price < 5_000_000 ? 25 : 8;
  return hash % popularity;
}
