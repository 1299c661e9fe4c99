/**
 * Product artwork for the sample catalogue, drawn locally as SVG (nothing is downloaded): a
 * stylised instrument per kind, its finish colour from the data or the SKU, on a dark studio
 * backdrop with the shop's orange accents. Every product gets two 1280×1280 shots: a main
 * "studio" shot with brand and model, and a second "stage" shot (another angle or a close-up).
 */
import type { ArtKind, ProductArt } from './types';
import { drawAmp, drawFloorFx, drawKeyboard, drawMultiFx, drawPedal, drawWah } from './art/boxes';
import type { ArtContext, Drawer } from './art/context';
import { drawCymbal, drawCymbalPack, drawDrumKit, drawEDrum } from './art/drums';
import { drawAcoustic, drawSolidBody } from './art/guitars';
import { drawCable, drawMicrophone, drawPicks, drawSticks, drawStrings } from './art/small';
import { Defs, esc, g, hash, rect, shade } from './art/svg';

export const ART_SIZE = 1280;
const ORANGE = '#FF6B35';
const ORANGE_LIGHT = '#FF8C42';

export interface ArtProduct {
  sku: string;
  brand: string;
  model: string;
  art: ProductArt;
}

/** Local point `focus` goes to the frame centre, scaled and rotated. */
interface View {
  rotate: number;
  scale: number;
  focus?: [number, number];
  /** Extra offset in frame pixels. */
  shift?: [number, number];
}

const DRAWERS: Record<ArtKind, { draw: Drawer; views: [View, View] }> = {
  'electric-guitar': {
    draw: (c) => drawSolidBody(c, false),
    views: [
      { rotate: 40, scale: 0.97, shift: [50, -60] },
      { rotate: -28, scale: 1.45, focus: [0, 390] },
    ],
  },
  bass: {
    draw: (c) => drawSolidBody(c, true),
    views: [
      { rotate: 42, scale: 0.8, shift: [40, -40] },
      { rotate: -28, scale: 1.35, focus: [0, 500] },
    ],
  },
  'acoustic-guitar': {
    draw: (c) => drawAcoustic(c, false),
    views: [
      { rotate: 35, scale: 0.95, shift: [30, -30] },
      { rotate: -24, scale: 1.3, focus: [0, 330] },
    ],
  },
  'acoustic-bass': {
    draw: (c) => drawAcoustic(c, true),
    views: [
      { rotate: 38, scale: 0.82, shift: [30, -30] },
      { rotate: -24, scale: 1.2, focus: [0, 420] },
    ],
  },
  'drum-kit': {
    draw: drawDrumKit,
    views: [
      { rotate: 0, scale: 1.04 },
      { rotate: 0, scale: 1.35, focus: [-40, 60] },
    ],
  },
  'e-drum': {
    draw: drawEDrum,
    views: [
      { rotate: 0, scale: 1.04 },
      { rotate: 0, scale: 1.3, focus: [-60, 0] },
    ],
  },
  cymbal: {
    draw: drawCymbal,
    views: [
      { rotate: 0, scale: 0.95 },
      { rotate: 0, scale: 1.0 },
    ],
  },
  'cymbal-pack': {
    draw: drawCymbalPack,
    views: [
      { rotate: 0, scale: 0.95 },
      { rotate: 0, scale: 1.0 },
    ],
  },
  amp: {
    draw: drawAmp,
    views: [
      { rotate: 0, scale: 1.1, shift: [-20, -10] },
      { rotate: 0, scale: 1.2, shift: [30, 20] },
    ],
  },
  pedal: {
    draw: drawPedal,
    views: [
      { rotate: -10, scale: 1.4 },
      { rotate: 16, scale: 1.6 },
    ],
  },
  wah: {
    draw: drawWah,
    views: [
      { rotate: -24, scale: 1.25 },
      { rotate: 18, scale: 1.4 },
    ],
  },
  'multi-fx': {
    draw: drawMultiFx,
    views: [
      { rotate: -8, scale: 1.35 },
      { rotate: 6, scale: 1.55, focus: [-20, -10] },
    ],
  },
  'floor-fx': {
    draw: drawFloorFx,
    views: [
      { rotate: -8, scale: 1.2 },
      { rotate: 4, scale: 1.3, focus: [-80, 0] },
    ],
  },
  strings: {
    draw: drawStrings,
    views: [
      { rotate: -8, scale: 1.4 },
      { rotate: 4, scale: 1.2 },
    ],
  },
  cable: {
    draw: drawCable,
    views: [
      { rotate: 0, scale: 1.1 },
      { rotate: -20, scale: 1.2 },
    ],
  },
  sticks: {
    draw: drawSticks,
    views: [
      { rotate: 0, scale: 1.1 },
      { rotate: 0, scale: 1.1 },
    ],
  },
  picks: {
    draw: drawPicks,
    views: [
      { rotate: 0, scale: 1.0 },
      { rotate: 0, scale: 1.0 },
    ],
  },
  keyboard: {
    draw: drawKeyboard,
    views: [
      { rotate: -4, scale: 1.08 },
      { rotate: 0, scale: 1.45, focus: [-120, -40] },
    ],
  },
  microphone: {
    draw: drawMicrophone,
    views: [
      { rotate: 0, scale: 1.12 },
      { rotate: 0, scale: 1.05 },
    ],
  },
};

/** Finishes picked from the SKU when the data gives no colour. */
const FINISHES = ['#b3202e', '#1f4e8c', '#1d1d1d', '#e9e4d6', '#3f7f5f', '#6b2f8f', '#c5641c', '#2f6f8f', '#8a1538'];

export function finishFor(p: ArtProduct): string {
  return p.art.color ?? FINISHES[hash(p.sku) % FINISHES.length]!;
}

/** The two SVG documents (main shot, second shot) for a product. */
export function productArtSvgs(p: ArtProduct): [string, string] {
  return [renderShot(p, 0), renderShot(p, 1)];
}

function renderShot(p: ArtProduct, view: 0 | 1): string {
  const defs = new Defs();
  const seed = hash(p.sku);
  const ctx: ArtContext = {
    defs,
    art: p.art,
    brand: p.brand,
    model: p.model,
    color: finishFor(p),
    accent: p.art.accent ?? ORANGE,
    seed,
    view,
  };
  const entry = DRAWERS[p.art.kind];
  const v = entry.views[view];
  const [fx, fy] = v.focus ?? [0, 0];
  const [sx, sy] = v.shift ?? [0, 0];
  const cy = view === 0 ? 690 : 650;
  const product = g(entry.draw(ctx), `translate(${640 + sx} ${cy + sy}) scale(${v.scale}) rotate(${v.rotate}) translate(${-fx} ${-fy})`);
  const bg = view === 0 ? studio(defs, seed) : stage(defs, seed);
  const label = view === 0 ? caption(p) : watermark(p);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${ART_SIZE}" height="${ART_SIZE}" viewBox="0 0 ${ART_SIZE} ${ART_SIZE}">` +
    `${bg.back}${product}${bg.front}${label}` +
    `${defs.xml()}</svg>`
  );
}

/** Main shot: soft grey studio sweep, orange glow behind the product, shadow on the floor. */
function studio(d: Defs, seed: number): { back: string; front: string } {
  const glowX = 0.45 + ((seed >> 4) % 10) / 100;
  const sweep = d.rad(
    [
      [0, '#3d3a38'],
      [0.45, '#232221'],
      [1, '#0a0a0a'],
    ],
    0.5,
    0.42,
    0.85,
  );
  const glow = d.rad(
    [
      [0, ORANGE, 0.32],
      [0.5, ORANGE, 0.1],
      [1, ORANGE, 0],
    ],
    glowX,
    0.5,
    0.5,
  );
  const floor = d.lin(
    [
      [0, '#000', 0],
      [1, '#000', 0.65],
    ],
    0,
    0,
    0,
    1,
  );
  const shadow = d.rad([
    [0, '#000', 0.7],
    [1, '#000', 0],
  ]);
  const back =
    rect(0, 0, ART_SIZE, ART_SIZE, { fill: sweep }) +
    rect(0, 0, ART_SIZE, ART_SIZE, { fill: glow }) +
    rect(0, 900, ART_SIZE, 380, { fill: floor }) +
    `<ellipse cx="640" cy="1150" rx="470" ry="46" fill="${shadow}"/>` +
    stripes(0.05);
  const front = rect(0, ART_SIZE - 14, ART_SIZE, 14, {
    fill: d.lin(
      [
        [0, ORANGE],
        [1, ORANGE_LIGHT, 0.2],
      ],
      0,
      0,
      1,
      0,
    ),
  });
  return { back, front };
}

/** Second shot: dark stage with two warm spotlight beams and haze. */
function stage(d: Defs, seed: number): { back: string; front: string } {
  const base = d.rad(
    [
      [0, '#2a2421'],
      [0.55, '#151312'],
      [1, '#040404'],
    ],
    0.5,
    0.42,
    0.78,
  );
  const beam = d.lin(
    [
      [0, ORANGE_LIGHT, 0.42],
      [0.7, ORANGE, 0.08],
      [1, ORANGE, 0],
    ],
    0,
    0,
    0,
    1,
  );
  const haze = d.rad(
    [
      [0, ORANGE, 0.28],
      [1, ORANGE, 0],
    ],
    0.5,
    1,
    0.7,
  );
  const spot = d.rad([
    [0, '#ffffff', 0.14],
    [1, '#ffffff', 0],
  ]);
  const shift = ((seed >> 8) % 7) * 20 - 60;
  const back =
    rect(0, 0, ART_SIZE, ART_SIZE, { fill: base }) +
    `<polygon points="${200 + shift},0 ${330 + shift},0 ${760 + shift},1280 ${170 + shift},1280" fill="${beam}"/>` +
    `<polygon points="${960 - shift},0 ${1080 - shift},0 ${1180 - shift},1280 ${520 - shift},1280" fill="${beam}" opacity="0.8"/>` +
    rect(0, 0, ART_SIZE, ART_SIZE, { fill: haze }) +
    `<ellipse cx="640" cy="640" rx="560" ry="520" fill="${spot}"/>`;
  return { back, front: '' };
}

/** Hazard-tape stripes in two corners (lines x − y = c clipped to each corner triangle). */
function stripes(opacity: number): string {
  let br = '';
  for (let c = -406; c <= 406; c += 28) {
    const [hx, hy] = [(2140 + c) / 2, (2140 - c) / 2];
    br += c >= 0 ? `M${hx} ${hy}L1280 ${1280 - c}` : `M${hx} ${hy}L${1280 + c} 1280`;
  }
  let tl = '';
  for (let c = -286; c <= 286; c += 28) {
    const [hx, hy] = [(300 + c) / 2, (300 - c) / 2];
    tl += c >= 0 ? `M${hx} ${hy}L${c} 0` : `M${hx} ${hy}L0 ${-c}`;
  }
  const line = (d: string, o: number) => `<path d="${d}" stroke="${ORANGE}" stroke-width="10" stroke-opacity="${o}" fill="none"/>`;
  return line(br, opacity * 2) + line(tl, opacity);
}

function caption(p: ArtProduct): string {
  const brandSize = p.brand.length > 12 ? 50 : 60;
  const modelSize = p.model.length > 24 ? 30 : p.model.length > 16 ? 36 : 42;
  const font = `font-family="DejaVu Sans, Arial, sans-serif"`;
  return (
    rect(70, 74, 10, 118, { fill: ORANGE }) +
    `<text x="104" y="128" ${font} font-size="${brandSize}" font-weight="bold" letter-spacing="2" fill="#f5f5f5">` +
    `${esc(p.brand.toUpperCase())}</text>` +
    `<text x="106" y="182" ${font} font-size="${modelSize}" fill="${ORANGE_LIGHT}">${esc(p.model)}</text>` +
    `<text x="1210" y="1236" ${font} font-size="22" letter-spacing="6" text-anchor="end" fill="#ffffff" opacity="0.4">` +
    `HURTROCK MUSIC STORE</text>`
  );
}

function watermark(p: ArtProduct): string {
  const font = `font-family="DejaVu Sans, Arial, sans-serif"`;
  return (
    rect(70, 1160, 60, 6, { fill: ORANGE }) +
    `<text x="70" y="1220" ${font} font-size="30" font-weight="bold" letter-spacing="3" fill="${shade('#ffffff', -0.1)}" opacity="0.8">` +
    `${esc(p.brand.toUpperCase())}</text>` +
    `<text x="1210" y="1220" ${font} font-size="22" letter-spacing="6" text-anchor="end" fill="#ffffff" opacity="0.35">HURTROCK</text>`
  );
}
