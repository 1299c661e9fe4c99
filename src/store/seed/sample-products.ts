/** The sample instruments (see sample-data.ts for the types). Prices: Indonesian street prices, whole rupiah. */
import type { SampleProduct } from './sample-data';

type Dimensions = Pick<SampleProduct, 'weightGrams' | 'lengthCm' | 'widthCm' | 'heightCm'>;
const box = (weightGrams: number, lengthCm: number, widthCm: number, heightCm: number): Dimensions => ({
  weightGrams, lengthCm, widthCm, heightCm,
});

// Packed sizes by kind of product.
const GUITAR_BOX = box(4_500, 105, 40, 12);
const GUITAR_CASE = box(8_500, 112, 45, 16);
const ACOUSTIC_BOX = box(3_800, 110, 45, 16);
const BASS_BOX = box(5_500, 125, 42, 12);

export const sampleProducts: SampleProduct[] = [
  // ── Gitar Elektrik ───────────────────────────────────────────────────────
  {
    name: 'Ibanez RG550 Genesis Collection', slug: 'ibanez-rg550-genesis', sku: 'GTR-IBZ-RG550', brand: 'Ibanez', model: 'RG550',
    categorySlug: 'gitar-elektrik', supplier: 'harmoni', price: 17_500_000, stock: 4, minStock: 2, lowStockThreshold: 2, ...GUITAR_BOX, featured: true,
    description: 'Legenda shred buatan Jepang dengan neck Super Wizard yang tipis dan cepat. Konfigurasi HSH plus tremolo Edge bikin dive bomb tetap stabil di tuning. Cocok buat kamu yang main metal, fusion, sampai solo-solo kilat ala 80-an.',
    art: { kind: 'electric-guitar', shape: 'superstrat', color: '#d81f3c' },
  },
  {
    name: 'Fender Player Stratocaster', slug: 'fender-player-stratocaster', sku: 'GTR-FND-PSTRAT', brand: 'Fender', model: 'Player Stratocaster',
    categorySlug: 'gitar-elektrik', supplier: 'harmoni', price: 14_500_000, stock: 6, minStock: 2, lowStockThreshold: 2, ...GUITAR_BOX, featured: true,
    description: 'Strat klasik dengan tiga pickup single-coil Alnico V yang renyah, dari clean funky sampai blues yang menggigit. Neck Modern C nyaman buat semua gaya main. Strat ini sudah kami setel ulang di toko: action rendah, intonasi pas, siap colok.',
    art: { kind: 'electric-guitar', shape: 'strat', color: '#2f6fb6' },
  },
  {
    name: "Gibson Les Paul Standard '50s", slug: 'gibson-les-paul-standard-50s', sku: 'GTR-GIB-LPS50', brand: 'Gibson', model: "Les Paul Standard '50s",
    categorySlug: 'gitar-elektrik', supplier: 'harmoni', price: 48_500_000, stock: 1, minStock: 1, lowStockThreshold: 1, ...GUITAR_CASE, featured: true,
    description: 'Body mahogany dengan top maple AA, humbucker Burstbucker 1 & 2, sustain yang seperti tidak ada habisnya. Sound rock klasik yang tebal dan hangat, langsung dari Nashville. Termasuk hardcase original Gibson.',
    art: { kind: 'electric-guitar', shape: 'lp', color: '#c8641e' },
  },
  {
    name: 'ESP LTD EC-1000 Black', slug: 'esp-ltd-ec-1000', sku: 'GTR-LTD-EC1000', brand: 'ESP LTD', model: 'EC-1000',
    categorySlug: 'gitar-elektrik', supplier: 'harmoni', price: 19_900_000, stock: 2, minStock: 2, lowStockThreshold: 2, ...GUITAR_BOX, featured: false,
    description: 'Single cutaway bertenaga pickup aktif EMG 81/60 untuk riff metal yang presisi dan agresif. Hardware gold dan binding elegan, tapi soundnya tetap brutal. Favorit gitaris metal di Bandung!',
    art: { kind: 'electric-guitar', shape: 'lp', color: '#151515', accent: '#d4af37' },
  },
  {
    name: 'Jackson JS22 Dinky Arch Top', slug: 'jackson-js22-dinky', sku: 'GTR-JCK-JS22', brand: 'Jackson', model: 'JS22 Dinky',
    categorySlug: 'gitar-elektrik', supplier: 'harmoni', price: 4_250_000, stock: 9, minStock: 3, lowStockThreshold: 3, ...GUITAR_BOX, featured: false,
    description: 'Gitar pertama terbaik buat anak metal: dua humbucker high-output, fretboard compound radius dan headstock runcing khas Jackson. Harga bersahabat, performa jauh di atas kelasnya.',
    art: { kind: 'electric-guitar', shape: 'superstrat', color: '#6a2fb0' },
  },
  {
    name: 'Schecter Hellraiser C-1', slug: 'schecter-hellraiser-c-1', sku: 'GTR-SCH-HRC1', brand: 'Schecter', model: 'Hellraiser C-1',
    categorySlug: 'gitar-elektrik', supplier: 'harmoni', price: 21_000_000, stock: 0, minStock: 1, lowStockThreshold: 1, ...GUITAR_BOX, featured: false,
    description: 'Pickup aktif EMG 81/89 dengan coil split, body mahogany dan top quilted maple warna Black Cherry. Gitar andalan untuk metalcore dan djent. Stok sedang kosong, silakan chat kami untuk inden.',
    art: { kind: 'electric-guitar', shape: 'superstrat', color: '#5a0f1e' },
  },
  {
    name: 'Yamaha Pacifica PAC112V', slug: 'yamaha-pacifica-pac112v', sku: 'GTR-YMH-PAC112V', brand: 'Yamaha', model: 'Pacifica PAC112V',
    categorySlug: 'gitar-elektrik', supplier: 'harmoni', price: 4_200_000, stock: 12, minStock: 4, lowStockThreshold: 3, ...GUITAR_BOX, featured: false,
    description: 'Konfigurasi HSS yang serba bisa: humbucker di bridge untuk rock, single-coil di neck untuk clean. Body alder dan finishing rapi khas Yamaha. Pilihan paling aman untuk gitar elektrik pertama.',
    art: { kind: 'electric-guitar', shape: 'strat', color: '#1f8a70' },
  },
  // ── Gitar Akustik ────────────────────────────────────────────────────────
  {
    name: 'Yamaha F310 Natural', slug: 'yamaha-f310', sku: 'GTR-YMH-F310', brand: 'Yamaha', model: 'F310',
    categorySlug: 'gitar-akustik', supplier: 'harmoni', price: 1_850_000, stock: 15, minStock: 5, lowStockThreshold: 4, ...ACOUSTIC_BOX, featured: true,
    description: 'Gitar akustik sejuta umat: suara jernih dan seimbang, tuning awet, harga masuk akal. Top spruce dan body dreadnought untuk genjrengan yang lantang. Sudah termasuk setel action gratis di toko.',
    art: { kind: 'acoustic-guitar', shape: 'dreadnought', color: '#e2b77a' },
  },
  {
    name: 'Yamaha APX600 Elektrik-Akustik', slug: 'yamaha-apx600', sku: 'GTR-YMH-APX600', brand: 'Yamaha', model: 'APX600',
    categorySlug: 'gitar-akustik', supplier: 'harmoni', price: 3_350_000, stock: 7, minStock: 2, lowStockThreshold: 2, ...ACOUSTIC_BOX, featured: false,
    description: 'Body tipis dengan cutaway, nyaman dipeluk lama di panggung. Preamp System 65A dengan tuner bawaan, tinggal colok ke ampli atau mixer. Cocok untuk akustikan di kafe.',
    art: { kind: 'acoustic-guitar', shape: 'cutaway', color: '#1c1c1c' },
  },
  {
    name: 'Cort AD810 Open Pore', slug: 'cort-ad810', sku: 'GTR-CRT-AD810', brand: 'Cort', model: 'AD810 OP',
    categorySlug: 'gitar-akustik', supplier: 'sentosa', price: 1_650_000, stock: 3, minStock: 3, lowStockThreshold: 3, ...ACOUSTIC_BOX, featured: false,
    description: 'Dreadnought finishing open pore yang resonansinya lebih bebas. Ringan, nyaman, dan suaranya hangat untuk latihan maupun rekaman sederhana. Gitar akustik favorit pelajar.',
    art: { kind: 'acoustic-guitar', shape: 'dreadnought', color: '#b98a56' },
  },
  // ── Bass ─────────────────────────────────────────────────────────────────
  {
    name: 'Ibanez SR300E', slug: 'ibanez-sr300e', sku: 'BAS-IBZ-SR300E', brand: 'Ibanez', model: 'SR300E',
    categorySlug: 'bass-elektrik', supplier: 'harmoni', price: 5_600_000, stock: 5, minStock: 2, lowStockThreshold: 2, ...BASS_BOX, featured: false,
    description: 'Bass aktif dengan EQ 3-band dan Power Tap untuk variasi sound dari punchy sampai growl. Neck SR yang ramping bikin jari tidak cepat capek. Ideal untuk rock, metal sampai funk.',
    art: { kind: 'bass', shape: 'sr', color: '#8a1c2b' },
  },
  {
    name: 'Fender Player Jazz Bass', slug: 'fender-player-jazz-bass', sku: 'BAS-FND-PJAZZ', brand: 'Fender', model: 'Player Jazz Bass',
    categorySlug: 'bass-elektrik', supplier: 'harmoni', price: 14_900_000, stock: 3, minStock: 2, lowStockThreshold: 2, ...BASS_BOX, featured: true,
    description: 'Jazz Bass dengan dua pickup single-coil yang growl-nya khas, mudah menembus mix band. Body offset alder dan neck maple yang nyaman. Dari Jaco sampai Geddy Lee, semua pernah memakai J-Bass.',
    art: { kind: 'bass', shape: 'jazz', color: '#e8e3d3' },
  },
  {
    name: 'Yamaha TRBX174', slug: 'yamaha-trbx174', sku: 'BAS-YMH-TRBX174', brand: 'Yamaha', model: 'TRBX174',
    categorySlug: 'bass-elektrik', supplier: 'harmoni', price: 3_100_000, stock: 8, minStock: 3, lowStockThreshold: 3, ...BASS_BOX, featured: false,
    description: 'Konfigurasi PJ untuk sound yang tebal sekaligus artikulatif. Ringan, seimbang, dan harga ramah kantong. Bass pertama yang tidak bikin menyesal.',
    art: { kind: 'bass', shape: 'jazz', color: '#1e4f8f' },
  },
  {
    name: 'Cort AB850F Bass Akustik', slug: 'cort-ab850f', sku: 'BAS-CRT-AB850F', brand: 'Cort', model: 'AB850F',
    categorySlug: 'bass-akustik', supplier: 'sentosa', price: 4_300_000, stock: 2, minStock: 1, lowStockThreshold: 2, ...box(5_000, 125, 48, 18), featured: false,
    description: 'Bass akustik dengan cutaway dan preamp Fishman, pas untuk sesi unplugged. Proyeksi suara bulat dan hangat tanpa ampli. Termasuk gig bag.',
    art: { kind: 'acoustic-bass', shape: 'cutaway', color: '#3a2415' },
  },
  // ── Drum ─────────────────────────────────────────────────────────────────
  {
    name: 'Pearl Export EXX 5-Piece Drum Set', slug: 'pearl-export-exx725s', sku: 'DRM-PRL-EXX725', brand: 'Pearl', model: 'Export EXX725S/C',
    categorySlug: 'drum-akustik', supplier: 'sentosa', price: 13_500_000, stock: 2, minStock: 1, lowStockThreshold: 1, ...box(38_000, 70, 60, 60), featured: true,
    description: 'Drum set paling laris sepanjang masa: shell poplar/asian mahogany, hardware lengkap dan throne. Kick 22 inci yang nendang untuk rock dan metal. Kami bantu setting dan tuning gratis saat pengambilan di toko.',
    art: { kind: 'drum-kit', color: '#101820' },
  },
  {
    name: 'Tama Imperialstar IE52KH6', slug: 'tama-imperialstar-ie52kh6', sku: 'DRM-TAM-IE52', brand: 'Tama', model: 'Imperialstar IE52KH6',
    categorySlug: 'drum-akustik', supplier: 'sentosa', price: 15_500_000, stock: 1, minStock: 1, lowStockThreshold: 1, ...box(40_000, 72, 62, 60), featured: false,
    description: 'Paket lengkap siap gebuk: shell poplar, cymbal Meinl HCS, hardware Stage Master dan head Remo. Tampilan hitam gelap yang sangar di panggung. Stok tinggal satu!',
    art: { kind: 'drum-kit', color: '#7a0e12' },
  },
  {
    name: 'Roland TD-07KV V-Drums', slug: 'roland-td-07kv', sku: 'DRM-RLD-TD07KV', brand: 'Roland', model: 'TD-07KV',
    categorySlug: 'drum-elektrik', supplier: 'sentosa', price: 14_900_000, stock: 3, minStock: 1, lowStockThreshold: 1, ...box(24_000, 80, 50, 40), featured: false,
    description: 'Drum elektrik dengan mesh head di snare dan tom, respons dinamis seperti drum sungguhan. Modul TD-07 dengan Bluetooth audio untuk latihan bareng lagu favorit. Tetangga aman, latihan jalan terus.',
    art: { kind: 'e-drum', color: '#202020' },
  },
  {
    name: 'Alesis Nitro Max Kit', slug: 'alesis-nitro-max', sku: 'DRM-ALS-NITROMAX', brand: 'Alesis', model: 'Nitro Max',
    categorySlug: 'drum-elektrik', supplier: 'sentosa', price: 5_600_000, stock: 0, minStock: 2, lowStockThreshold: 2, ...box(19_000, 75, 45, 35), featured: false,
    description: 'Drum elektrik 8 pad dengan mesh head dan 440 suara bawaan. Pilihan hemat untuk mulai belajar drum di rumah. Stok sedang dalam perjalanan dari distributor.',
    art: { kind: 'e-drum', color: '#2a2a2a' },
  },
  {
    name: 'Zildjian A Custom Crash 18"', slug: 'zildjian-a-custom-crash-18', sku: 'CYM-ZIL-AC18C', brand: 'Zildjian', model: 'A Custom Crash 18"',
    categorySlug: 'cymbal', supplier: 'sentosa', price: 5_900_000, stock: 4, minStock: 2, lowStockThreshold: 2, ...box(1_800, 50, 50, 6), featured: false,
    description: 'Crash brilliant finish yang cerah, cepat dan berkilau. Respons instan untuk aksen-aksen keras di lagu rock. Suara premium khas Zildjian A Custom.',
    art: { kind: 'cymbal', color: '#d9a441' },
  },
  {
    name: 'Meinl HCS Cymbal Set 14/16/20', slug: 'meinl-hcs-cymbal-set', sku: 'CYM-MNL-HCS141620', brand: 'Meinl', model: 'HCS141620',
    categorySlug: 'cymbal', supplier: 'sentosa', price: 3_200_000, stock: 6, minStock: 2, lowStockThreshold: 2, ...box(5_000, 55, 55, 10), featured: false,
    description: 'Paket hi-hat 14", crash 16" dan ride 20" berbahan brass. Upgrade instan dari cymbal bawaan drum set pemula. Suara terang dan tahan banting.',
    art: { kind: 'cymbal-pack', color: '#c9913a' },
  },
  // ── Amplifier ────────────────────────────────────────────────────────────
  {
    name: 'Marshall DSL40CR Combo Tabung', slug: 'marshall-dsl40cr', sku: 'AMP-MSH-DSL40CR', brand: 'Marshall', model: 'DSL40CR',
    categorySlug: 'ampli-gitar', supplier: 'harmoni', price: 13_900_000, stock: 3, minStock: 1, lowStockThreshold: 1, ...box(24_000, 72, 36, 56), featured: true,
    description: 'Combo tabung 40 watt dengan dua channel dan speaker Celestion V-Type 12". Crunch Marshall yang legendaris sampai gain tinggi untuk metal. Suara ampli stadion, ukuran yang masih masuk mobil.',
    art: { kind: 'amp', shape: 'marshall' },
  },
  {
    name: 'Orange Crush 20RT', slug: 'orange-crush-20rt', sku: 'AMP-ORG-CR20RT', brand: 'Orange', model: 'Crush 20RT',
    categorySlug: 'ampli-gitar', supplier: 'harmoni', price: 3_200_000, stock: 7, minStock: 3, lowStockThreshold: 2, ...box(8_000, 48, 28, 44), featured: false,
    description: 'Ampli latihan 20 watt dengan tuner dan reverb bawaan, plus channel dirty yang galak. Tolex oranye ikoniknya bikin kamar latihan langsung terasa seperti studio. Ada output headphone untuk main malam-malam.',
    art: { kind: 'amp', shape: 'orange' },
  },
  {
    name: 'Boss Katana-50 MkII', slug: 'boss-katana-50-mkii', sku: 'AMP-BOS-KTN50MK2', brand: 'Boss', model: 'Katana-50 MkII',
    categorySlug: 'ampli-gitar', supplier: 'sentosa', price: 4_500_000, stock: 5, minStock: 2, lowStockThreshold: 2, ...box(13_500, 52, 30, 47), featured: false,
    description: 'Ampli modeling 50 watt dengan lima karakter ampli dan puluhan efek Boss di dalamnya. Bisa diatur lewat aplikasi Boss Tone Studio. Satu ampli untuk latihan, rekaman dan manggung kecil.',
    art: { kind: 'amp', shape: 'katana' },
  },
  {
    name: 'Fender Rumble 40 Bass Combo', slug: 'fender-rumble-40', sku: 'AMP-FND-RMB40', brand: 'Fender', model: 'Rumble 40',
    categorySlug: 'ampli-bass', supplier: 'harmoni', price: 4_300_000, stock: 4, minStock: 2, lowStockThreshold: 2, ...box(10_000, 46, 33, 46), featured: false,
    description: 'Combo bass 40 watt dengan speaker 10" dan tombol Bright, Contour, Vintage. Ringan dijinjing, low end tetap mantap. Ampli bass latihan paling populer di studio-studio Bandung.',
    art: { kind: 'amp', shape: 'rumble' },
  },
  // ── Efek ─────────────────────────────────────────────────────────────────
  {
    name: 'Boss DS-1 Distortion', slug: 'boss-ds-1-distortion', sku: 'EFX-BOS-DS1', brand: 'Boss', model: 'DS-1',
    categorySlug: 'pedal-efek', supplier: 'sentosa', price: 1_050_000, stock: 2, minStock: 3, lowStockThreshold: 3, ...box(450, 14, 9, 7), featured: false,
    description: 'Pedal distorsi oranye legendaris yang dipakai dari Kurt Cobain sampai Joe Satriani. Tiga knob sederhana, sound distorsi tajam yang langsung jadi. Body metal Boss yang nyaris tidak bisa rusak.',
    art: { kind: 'pedal', shape: 'boss', color: '#f07c1b' },
  },
  {
    name: 'Dunlop Cry Baby GCB95 Wah', slug: 'dunlop-cry-baby-gcb95', sku: 'EFX-DNL-GCB95', brand: 'Dunlop', model: 'Cry Baby GCB95',
    categorySlug: 'pedal-efek', supplier: 'sentosa', price: 1_750_000, stock: 4, minStock: 2, lowStockThreshold: 2, ...box(1_900, 30, 15, 10), featured: false,
    description: 'Wah paling terkenal di dunia, sound klasik Hendrix sampai Kirk Hammett. Rocker kokoh dengan potensiometer Hot Potz. Injak, goyang, dan biarkan gitarmu menangis.',
    art: { kind: 'wah', color: '#1a1a1a' },
  },
  {
    name: 'Electro-Harmonix Big Muff Pi', slug: 'ehx-big-muff-pi', sku: 'EFX-EHX-BIGMUFF', brand: 'Electro-Harmonix', model: 'Big Muff Pi',
    categorySlug: 'pedal-efek', supplier: 'sentosa', price: 1_450_000, stock: 6, minStock: 2, lowStockThreshold: 2, ...box(700, 20, 15, 8), featured: false,
    description: 'Fuzz tebal dengan sustain panjang yang membentuk sound stoner, grunge dan doom. Tiga knob: Volume, Tone, Sustain. Dinding suara ala Smashing Pumpkins dalam satu kotak.',
    art: { kind: 'pedal', shape: 'muff', color: '#d9d9d6' },
  },
  {
    name: 'Line 6 HX Stomp', slug: 'line-6-hx-stomp', sku: 'EFX-L6-HXSTOMP', brand: 'Line 6', model: 'HX Stomp',
    categorySlug: 'multi-efek', supplier: 'harmoni', price: 9_800_000, stock: 3, minStock: 2, lowStockThreshold: 2, ...box(1_600, 30, 20, 10), featured: true,
    description: 'Prosesor Helix dalam ukuran pedalboard: ratusan model ampli, kabinet dan efek kualitas studio. Bisa jadi rig utama atau pelengkap pedalboard. Banyak gitaris pro Indonesia memakainya di tur.',
    art: { kind: 'multi-fx', color: '#1b1b1b' },
  },
  {
    name: 'Boss GT-1 Multi-Efek', slug: 'boss-gt-1', sku: 'EFX-BOS-GT1', brand: 'Boss', model: 'GT-1',
    categorySlug: 'multi-efek', supplier: 'sentosa', price: 3_300_000, stock: 5, minStock: 2, lowStockThreshold: 2, ...box(1_800, 35, 20, 10), featured: false,
    description: 'Multi-efek ringkas dengan teknologi GT-100, lengkap dengan expression pedal. Bisa pakai baterai, cocok untuk dibawa ke studio. Preset siap pakai untuk rock dan metal.',
    art: { kind: 'floor-fx', color: '#262626' },
  },
  // ── Keyboard, mikrofon ───────────────────────────────────────────────────
  {
    name: 'Yamaha PSR-E373 Keyboard 61 Tuts', slug: 'yamaha-psr-e373', sku: 'KEY-YMH-PSRE373', brand: 'Yamaha', model: 'PSR-E373',
    categorySlug: 'keyboard', supplier: 'harmoni', price: 3_350_000, stock: 6, minStock: 2, lowStockThreshold: 2, ...box(6_500, 105, 38, 15), featured: false,
    description: 'Keyboard 61 tuts touch-sensitive dengan 622 suara dan 205 style iringan. Ada fitur pelajaran dan koneksi USB ke laptop. Pas untuk belajar atau isian keyboard di band.',
    art: { kind: 'keyboard', color: '#1c1c1c' },
  },
  {
    name: 'Shure SM58 Mikrofon Vokal', slug: 'shure-sm58', sku: 'MIC-SHR-SM58', brand: 'Shure', model: 'SM58',
    categorySlug: 'mikrofon', supplier: 'sentosa', price: 1_650_000, stock: 10, minStock: 4, lowStockThreshold: 3, ...box(1_000, 22, 15, 8), featured: false,
    description: 'Mikrofon vokal panggung standar dunia, tahan jatuh dan tahan teriakan. Pola cardioid menekan feedback dari monitor. Garansi resmi, bukan barang KW.',
    art: { kind: 'microphone', color: '#9ea3a8' },
  },
  // ── Aksesoris ────────────────────────────────────────────────────────────
  {
    name: 'Ernie Ball Regular Slinky 10-46', slug: 'ernie-ball-regular-slinky-10-46', sku: 'ACC-EB-2221', brand: 'Ernie Ball', model: 'Regular Slinky 2221',
    categorySlug: 'senar', supplier: 'sentosa', price: 95_000, stock: 48, minStock: 20, lowStockThreshold: 10, ...box(60, 12, 12, 1), featured: false,
    description: 'Senar gitar elektrik nickel wound ukuran 10-46, pilihan Slash dan ribuan gitaris rock. Nyaman di-bending dan tuning stabil. Ganti senar rutin, sound tetap segar.',
    art: { kind: 'strings', shape: 'ernieball', color: '#e6427a' },
  },
  {
    name: "D'Addario EXL110 10-46", slug: 'daddario-exl110', sku: 'ACC-DAD-EXL110', brand: "D'Addario", model: 'EXL110',
    categorySlug: 'senar', supplier: 'sentosa', price: 85_000, stock: 60, minStock: 20, lowStockThreshold: 10, ...box(60, 12, 12, 1), featured: false,
    description: 'Senar nickel wound terlaris di dunia, ukuran regular light 10-46. Bright, artikulatif dan awet berkat kemasan anti karat. Beli tiga, ganti senar tanpa ragu.',
    art: { kind: 'strings', shape: 'daddario', color: '#f05a28' },
  },
  {
    name: 'Planet Waves Classic Instrument Cable 10ft', slug: 'planet-waves-classic-cable-10ft', sku: 'ACC-PW-PWCGT10', brand: 'Planet Waves', model: 'PW-CGT-10',
    categorySlug: 'kabel', supplier: 'sentosa', price: 165_000, stock: 25, minStock: 10, lowStockThreshold: 5, ...box(400, 25, 20, 5), featured: false,
    description: 'Kabel instrumen 3 meter dengan konektor jack 1/4" berlapis nikel. Low capacitance untuk sinyal jernih, shielding rapat anti dengung. Bergaransi seumur hidup dari pabrik.',
    art: { kind: 'cable', color: '#1a1a1a', accent: '#c9c9c9' },
  },
  {
    name: 'Vic Firth American Classic 5A', slug: 'vic-firth-american-classic-5a', sku: 'ACC-VF-5A', brand: 'Vic Firth', model: 'American Classic 5A',
    categorySlug: 'stik-drum', supplier: 'sentosa', price: 185_000, stock: 30, minStock: 12, lowStockThreshold: 6, ...box(120, 42, 5, 3), featured: false,
    description: 'Stik hickory 5A tip kayu, paling populer untuk segala genre. Berat dan pitch tiap pasang disamakan di pabrik. Rebound enak, awet dipakai gebuk keras.',
    art: { kind: 'sticks', color: '#d8b27c' },
  },
  {
    name: 'Dunlop Tortex Standard 0.73mm (12 pcs)', slug: 'dunlop-tortex-073-12', sku: 'ACC-DNL-TORTEX073', brand: 'Dunlop', model: 'Tortex Standard 418P.73',
    categorySlug: 'pick', supplier: 'sentosa', price: 95_000, stock: 40, minStock: 15, lowStockThreshold: 8, ...box(30, 10, 7, 1), featured: false,
    description: 'Pick Tortex kuning 0.73 mm isi 12, grip matte yang tidak licin walau tangan berkeringat. Pilihan klasik untuk strumming dan riff. Murah, jadi tidak apa-apa kalau hilang di panggung.',
    art: { kind: 'picks', color: '#f2c200' },
  },
];
