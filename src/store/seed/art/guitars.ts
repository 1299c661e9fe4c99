/**
 * Guitars and basses, drawn upright (headstock up, face to the viewer) around (0, 0).
 * Body outlines are cubic Bézier paths relative to the body centre; the neck joins at the top.
 */
import type { ArtContext } from './context';
import { chrome, circle, type Defs, g, line, luminance, path, rect, shade } from './svg';

type Shape = 'strat' | 'superstrat' | 'lp' | 'jazz' | 'sr';

const BODIES: Record<Shape, string> = {
  strat:
    'M -26 -132 C -34 -165 -56 -208 -84 -232 C -94 -240 -108 -240 -114 -228 C -124 -205 -140 -170 -148 -130 ' +
    'C -156 -90 -134 -60 -136 -20 C -138 20 -172 60 -170 130 C -168 200 -100 234 0 234 C 100 234 166 204 168 136 ' +
    'C 170 70 138 40 134 0 C 130 -40 148 -100 130 -150 C 120 -178 104 -196 92 -196 C 80 -196 70 -186 62 -172 ' +
    'C 50 -150 40 -136 26 -132 Z',
  superstrat:
    'M -26 -118 C -36 -170 -70 -240 -104 -262 C -114 -268 -124 -262 -126 -250 C -130 -210 -150 -170 -152 -120 ' +
    'C -154 -80 -128 -56 -132 -16 C -136 30 -166 70 -164 132 C -160 200 -96 232 0 232 C 96 232 158 200 162 134 ' +
    'C 166 70 132 40 130 2 C 128 -40 150 -110 128 -180 C 120 -206 108 -218 98 -214 C 86 -208 74 -190 64 -170 ' +
    'C 50 -140 40 -120 26 -118 Z',
  lp:
    'M -30 -150 C -50 -185 -90 -200 -120 -188 C -152 -174 -160 -130 -150 -90 C -142 -55 -140 -25 -152 10 ' +
    'C -178 60 -184 150 -140 195 C -95 240 95 240 140 195 C 184 150 178 60 152 10 C 140 -20 136 -50 132 -85 ' +
    'C 128 -125 112 -165 90 -168 C 74 -170 66 -158 62 -145 C 56 -128 46 -126 30 -128 Z',
  jazz:
    'M -28 -130 C -38 -170 -62 -224 -98 -254 C -110 -262 -124 -256 -128 -240 C -134 -200 -150 -160 -150 -110 ' +
    'C -150 -70 -124 -40 -128 0 C -132 40 -176 80 -174 150 C -170 220 -96 248 0 246 C 96 248 170 222 172 150 ' +
    'C 174 80 134 60 128 20 C 122 -20 146 -80 128 -140 C 118 -172 100 -184 88 -178 C 74 -170 64 -156 56 -146 ' +
    'C 46 -136 38 -132 28 -130 Z',
  sr:
    'M -26 -120 C -38 -180 -80 -260 -118 -274 C -130 -278 -138 -268 -136 -254 C -132 -210 -144 -160 -140 -110 ' +
    'C -136 -60 -116 -40 -122 0 C -128 50 -158 80 -154 140 C -150 206 -84 228 0 226 C 84 228 146 204 150 140 ' +
    'C 154 80 124 50 120 10 C 116 -40 140 -110 120 -190 C 112 -216 98 -224 88 -218 C 74 -208 64 -186 56 -164 ' +
    'C 46 -140 38 -124 26 -120 Z',
};

const PICKGUARD =
  'M -26 -128 C -40 -160 -62 -194 -84 -206 C -100 -196 -116 -160 -120 -122 C -124 -84 -108 -52 -110 -12 ' +
  'C -112 26 -124 66 -108 104 C -92 138 -58 136 -48 100 L -46 72 L 46 72 C 52 110 70 162 108 164 ' +
  'C 140 166 150 130 140 96 C 128 60 112 30 110 -10 C 108 -60 118 -100 98 -132 C 84 -152 62 -150 52 -140 ' +
  'C 42 -132 34 -128 26 -128 Z';

interface Layout {
  strings: 4 | 6;
  nut: number;
  bodyY: number;
  bodyScale: number;
  bridgeY: number;
  frets: number;
  headstock: 'strat' | 'pointy' | 'lp' | 'bass4' | 'sr' | 'acoustic';
}

const FRET_RATIO = (n: number) => 1 - 2 ** (-n / 12);

function headstockPath(kind: Layout['headstock']): string {
  switch (kind) {
    case 'strat':
      return 'M -22 0 L -26 -190 C -27 -206 -15 -212 0 -210 C 30 -208 52 -195 55 -170 C 58 -145 40 -130 30 -110 C 22 -90 30 -50 22 0 Z';
    case 'bass4':
      return 'M -24 0 L -30 -215 C -31 -232 -18 -240 0 -238 C 34 -236 60 -222 62 -192 C 64 -164 44 -148 34 -124 C 26 -100 34 -56 24 0 Z';
    case 'pointy':
      return 'M -22 0 L -30 -70 L -64 -232 C -66 -240 -58 -244 -50 -240 L 30 -80 L 22 0 Z';
    case 'lp':
      return 'M -22 0 L -46 -176 Q -44 -194 -22 -192 Q 0 -182 22 -192 Q 44 -194 46 -176 L 22 0 Z';
    case 'sr':
      return 'M -24 0 L -44 -150 Q -44 -166 -28 -168 L 30 -176 Q 46 -176 46 -160 L 24 0 Z';
    case 'acoustic':
      return 'M -24 0 L -40 -172 L -34 -186 L 34 -186 L 40 -172 L 24 0 Z';
  }
}

/** Tuner post positions relative to the nut, in string order (low string first). */
function tunerPosts(kind: Layout['headstock'], strings: number): { x: number; y: number; side: -1 | 1 }[] {
  if (kind === 'strat' || kind === 'bass4' || kind === 'pointy') {
    const step = kind === 'bass4' ? 46 : 28;
    const posts = Array.from({ length: strings }, (_, i) => {
      const t = strings - 1 - i;
      const y = -40 - t * step;
      const x = kind === 'pointy' ? -14 + (y + 40) * 0.2 : -10;
      return { x, y, side: -1 as const };
    });
    return posts;
  }
  const half = strings / 2;
  const step = kind === 'sr' ? 50 : 44;
  return Array.from({ length: strings }, (_, i) => {
    const side: -1 | 1 = i < half ? -1 : 1;
    const k = i < half ? i : strings - 1 - i;
    const y = -48 - k * step;
    return { x: side * (24 + k * 4), y, side };
  });
}

function drawHeadstock(d: Defs, lay: Layout, wood: string, face: string): string {
  const posts = tunerPosts(lay.headstock, lay.strings);
  const metal = chrome(d, true);
  const keys = posts
    .map((p) => {
      const kx = lay.headstock === 'strat' || lay.headstock === 'bass4' || lay.headstock === 'pointy' ? p.x - 38 : p.x + p.side * 34;
      const big = lay.strings === 4 ? 1.4 : 1;
      return (
        line(p.x, p.y, kx, p.y, { stroke: '#9aa0a6', 'stroke-width': 6 * big }) +
        rect(kx - 11 * big, p.y - 8 * big, 22 * big, 16 * big, { rx: 7 * big, fill: metal, stroke: '#555', 'stroke-width': 1.5 })
      );
    })
    .join('');
  const hs = headstockPath(lay.headstock);
  const faceFill = d.lin(
    [
      [0, shade(face, 0.15)],
      [1, shade(face, -0.25)],
    ],
    0,
    0,
    1,
    0,
  );
  const postsXml = posts
    .map((p) => circle(p.x, p.y, lay.strings === 4 ? 9 : 6.5, { fill: metal, stroke: '#444', 'stroke-width': 1.5 }))
    .join('');
  return g(keys + path(hs, { fill: faceFill, stroke: shade(wood, -0.5), 'stroke-width': 2.5 }) + postsXml, `translate(0 ${lay.nut})`);
}

function strings(lay: Layout, nutHalf: number, bridgeHalf: number): string {
  const posts = tunerPosts(lay.headstock, lay.strings);
  let out = '';
  for (let i = 0; i < lay.strings; i++) {
    const t = i / (lay.strings - 1);
    const xn = -nutHalf + 2 * nutHalf * t;
    const xb = -bridgeHalf + 2 * bridgeHalf * t;
    const w = lay.strings === 4 ? 3.4 - t * 1.4 : 2.4 - t * 1.4;
    const p = posts[i]!;
    const col = i < (lay.strings === 4 ? 4 : 3) ? '#d8d2c4' : '#eeeeee';
    out += line(xn, lay.nut, xb, lay.bridgeY, { stroke: col, 'stroke-width': w, opacity: 0.92 });
    out += line(xn, lay.nut, p.x, lay.nut + p.y, { stroke: col, 'stroke-width': w * 0.9, opacity: 0.85 });
  }
  return out;
}

function fretboard(d: Defs, lay: Layout, boardColor: string, inlay: 'dot' | 'block', bound: boolean): { xml: string; end: number } {
  const scale = lay.bridgeY - lay.nut;
  const last = lay.nut + scale * FRET_RATIO(lay.frets);
  const end = last + 14;
  const wN = lay.strings === 4 ? 23 : 22;
  const wE = lay.strings === 4 ? 30 : 28;
  const widthAt = (y: number) => wN + ((wE - wN) * (y - lay.nut)) / (end - lay.nut);
  const boardFill = d.lin(
    [
      [0, shade(boardColor, -0.25)],
      [0.5, shade(boardColor, 0.08)],
      [1, shade(boardColor, -0.3)],
    ],
    0,
    0,
    1,
    0,
  );
  let xml = path(`M ${-wN} ${lay.nut} L ${wN} ${lay.nut} L ${wE} ${end} L ${-wE} ${end} Z`, { fill: boardFill });
  if (bound) {
    xml += line(-wN, lay.nut, -wE, end, { stroke: '#efe6cc', 'stroke-width': 3 });
    xml += line(wN, lay.nut, wE, end, { stroke: '#efe6cc', 'stroke-width': 3 });
  }
  const inlayColor = luminance(boardColor) > 0.5 ? '#1e1e1e' : '#f3efe6';
  let prev = lay.nut;
  for (let n = 1; n <= lay.frets; n++) {
    const y = lay.nut + scale * FRET_RATIO(n);
    const w = widthAt(y);
    if ([3, 5, 7, 9, 12, 15, 17, 19, 21, 24].includes(n)) {
      const mid = (prev + y) / 2;
      const h = y - prev;
      if (inlay === 'block') {
        xml += rect(-w * 0.62, mid - h * 0.3, w * 1.24, h * 0.6, { fill: inlayColor, opacity: 0.92, rx: 1.5 });
      } else if (n === 12 || n === 24) {
        xml += circle(-w * 0.45, mid, 4.6, { fill: inlayColor }) + circle(w * 0.45, mid, 4.6, { fill: inlayColor });
      } else {
        xml += circle(0, mid, 4.6, { fill: inlayColor });
      }
    }
    xml += line(-w, y, w, y, { stroke: '#c9c9c9', 'stroke-width': 2.2 });
    prev = y;
  }
  xml += rect(-wN - 1, lay.nut - 5, 2 * wN + 2, 6, { fill: '#f4efdf', rx: 1.5 });
  return { xml, end };
}

function singleCoil(x: number, y: number, angle = 0, color = '#f1ead8'): string {
  const poles = [-25, -15, -5, 5, 15, 25].map((px) => circle(px, 0, 3, { fill: '#9a9a9a' })).join('');
  return g(
    rect(-38, -11, 76, 22, { rx: 11, fill: color, stroke: '#00000055', 'stroke-width': 1.5 }) + poles,
    `translate(${x} ${y}) rotate(${angle})`,
  );
}

function humbucker(d: Defs, x: number, y: number, covered: boolean, strings = 6, angle = 0): string {
  if (covered) {
    const m = chrome(d, false, '#d3cfc6');
    const poles = Array.from({ length: strings }, (_, i) => circle(-25 + (50 * i) / (strings - 1), -8, 3, { fill: '#8d8d8d' })).join('');
    return g(
      rect(-42, -20, 84, 40, { rx: 5, fill: m, stroke: '#00000066', 'stroke-width': 1.5 }) + poles,
      `translate(${x} ${y}) rotate(${angle})`,
    );
  }
  const half = (cy: number) =>
    rect(-40, cy - 9, 80, 18, { rx: 4, fill: '#141414', stroke: '#2e2e2e', 'stroke-width': 1.2 }) +
    Array.from({ length: strings }, (_, i) => circle(-25 + (50 * i) / (strings - 1), cy, 2.8, { fill: '#6d6d6d' })).join('');
  return g(rect(-44, -22, 88, 44, { rx: 5, fill: '#0b0b0b' }) + half(-10) + half(10), `translate(${x} ${y}) rotate(${angle})`);
}

function bodyFinish(ctx: ArtContext, shape: Shape): { fill: string; burst: boolean } {
  const { defs: d, color } = ctx;
  const burst = shape === 'lp' && luminance(color) > 0.15;
  if (burst) {
    return {
      fill: d.rad(
        [
          [0, shade(color, 0.55)],
          [0.35, shade(color, 0.25)],
          [0.62, color],
          [0.85, shade(color, -0.55)],
          [1, '#1a0a04'],
        ],
        0.5,
        0.58,
        0.62,
      ),
      burst,
    };
  }
  return {
    fill: d.lin(
      [
        [0, shade(color, 0.3)],
        [0.45, color],
        [1, shade(color, -0.45)],
      ],
      0.1,
      0,
      0.9,
      1,
    ),
    burst,
  };
}

/** Solid-body electric guitar or bass. */
export function drawSolidBody(ctx: ArtContext, isBass: boolean): string {
  const d = ctx.defs;
  const shape = (ctx.art.shape ?? (isBass ? 'jazz' : 'strat')) as Shape;
  const fender = ctx.brand === 'Fender' || ctx.brand === 'Yamaha';
  const lay: Layout = isBass
    ? {
        strings: 4,
        nut: -720,
        bodyY: 330,
        bodyScale: 1.05,
        bridgeY: 440,
        frets: shape === 'sr' ? 24 : 20,
        headstock: shape === 'sr' ? 'sr' : 'bass4',
      }
    : {
        strings: 6,
        nut: -560,
        bodyY: 250,
        bodyScale: 1,
        bridgeY: shape === 'lp' ? 330 : 340,
        frets: shape === 'superstrat' ? 24 : 22,
        headstock: shape === 'lp' ? 'lp' : shape === 'superstrat' ? 'pointy' : 'strat',
      };
  const bodyPath = BODIES[shape];
  const bodyT = `translate(0 ${lay.bodyY}) scale(${lay.bodyScale})`;
  const dark = luminance(ctx.color) < 0.12;
  const boardColor = fender && shape !== 'lp' ? '#e4c084' : dark ? '#16110d' : '#3e2416';
  const neckWood = fender ? '#e2bd80' : '#7a4a26';
  const headFace = shape === 'lp' || dark ? '#111111' : shape === 'superstrat' || shape === 'sr' ? ctx.color : neckWood;

  // Shadow of the whole instrument, offset down-right.
  const neckOutline = `M -24 ${lay.nut} L 24 ${lay.nut} L 30 ${lay.bodyY - 120} L -30 ${lay.bodyY - 120} Z`;
  const shadow = g(
    path(bodyPath, { transform: bodyT }) + path(neckOutline) + path(headstockPath(lay.headstock), { transform: `translate(0 ${lay.nut})` }),
    'translate(14 18)',
    { fill: '#000', opacity: 0.5 },
  );

  const finish = bodyFinish(ctx, shape);
  const bound = shape === 'lp';
  const clipId = `clip${ctx.view}b`;
  const body =
    `<clipPath id="${clipId}"><path d="${bodyPath}" transform="${bodyT}"/></clipPath>` +
    path(bodyPath, {
      transform: bodyT,
      fill: finish.fill,
      stroke: bound ? '#efe3c2' : shade(ctx.color, -0.6),
      'stroke-width': bound ? 7 : 3,
    }) +
    g(
      path('M -150 -120 C -120 -200 -40 -160 -60 -60 C -80 40 -120 120 -160 140 Z', { fill: '#fff', opacity: 0.13 }) +
        path('M 60 60 C 120 40 160 120 120 190 C 90 230 30 240 10 230 C 60 190 80 120 60 60 Z', { fill: '#fff', opacity: 0.06 }),
      undefined,
      { 'clip-path': `url(#${clipId})`, transform: bodyT },
    );

  let hardware = '';
  const B = (y: number) => lay.bodyY + y * lay.bodyScale;
  const metal = chrome(d, true);
  const gold = ctx.art.accent ?? '#d9d9d9';
  if (isBass) {
    if (shape === 'jazz')
      hardware += path(PICKGUARD, {
        transform: `${bodyT} scale(1.05)`,
        fill: ctx.brand === 'Fender' ? '#151515' : '#f2efe8',
        opacity: 0.96,
      });
    const coil = shape === 'sr' ? '#111' : '#1a1a1a';
    hardware += g(rect(-44, -13, 88, 26, { rx: 6, fill: coil }), `translate(0 ${B(-40)})`);
    hardware += g(rect(-46, -13, 92, 26, { rx: 6, fill: coil }), `translate(0 ${B(40)}) rotate(${shape === 'jazz' ? -6 : 0})`);
    hardware += rect(-40, B(92), 80, 44, { rx: 4, fill: metal, stroke: '#555', 'stroke-width': 1.5 });
    hardware += [0, 1, 2]
      .map((i) => circle(85 + i * 14, B(70 + i * 42), 15, { fill: '#141414', stroke: '#777', 'stroke-width': 2 }))
      .join('');
  } else if (shape === 'strat') {
    hardware += path(PICKGUARD, { transform: bodyT, fill: dark ? '#111' : '#f4f1e9', stroke: '#00000033', 'stroke-width': 1.5 });
    hardware +=
      singleCoil(0, B(-78)) + singleCoil(0, B(-18)) + (ctx.brand === 'Yamaha' ? humbucker(d, 0, B(42), false) : singleCoil(0, B(42), -8));
    hardware += rect(-36, B(78), 72, 34, { rx: 3, fill: metal, stroke: '#555', 'stroke-width': 1.5 });
    hardware += [0, 1, 2]
      .map((i) => circle(62 + i * 18, B(70 + i * 36), 13, { fill: '#f4f1e9', stroke: '#999', 'stroke-width': 1.5 }))
      .join('');
  } else if (shape === 'superstrat') {
    const hsh = ctx.brand === 'Ibanez';
    hardware += humbucker(d, 0, B(-78), false) + (hsh ? singleCoil(0, B(-18), 0, '#111') : '') + humbucker(d, 0, B(40), false);
    hardware += rect(-36, B(80), 72, 38, { rx: 4, fill: '#222', stroke: '#666', 'stroke-width': 1.5 });
    hardware += [-25, -15, -5, 5, 15, 25].map((x) => circle(x, B(126), 4, { fill: '#bbb' })).join('');
    hardware +=
      circle(92, B(95), 14, { fill: '#1a1a1a', stroke: '#777', 'stroke-width': 2 }) +
      circle(110, B(140), 14, { fill: '#1a1a1a', stroke: '#777', 'stroke-width': 2 });
  } else {
    const covered = !dark;
    hardware += path('M 34 -112 C 78 -124 106 -96 100 -44 C 95 -4 74 26 44 32 Z', {
      transform: bodyT,
      fill: dark ? '#0d0d0d' : '#efe3c2',
      opacity: 0.9,
    });
    hardware += humbucker(d, 0, B(-70), covered) + humbucker(d, 0, B(28), covered);
    hardware += rect(-38, B(72), 76, 10, { rx: 4, fill: dark ? gold : metal });
    hardware += rect(-42, B(104), 84, 12, { rx: 6, fill: dark ? gold : metal });
    const amber = dark ? gold : '#c98f2a';
    hardware += [
      [70, 108],
      [116, 94],
      [78, 160],
      [124, 146],
    ]
      .map(([x, y]) => circle(x!, B(y!), 15, { fill: amber, stroke: '#3a2a10', 'stroke-width': 2 }))
      .join('');
    hardware += circle(-112, B(-140), 9, { fill: metal }) + line(-112, B(-140), -120, B(-162), { stroke: '#eee', 'stroke-width': 4 });
  }

  const board = fretboard(d, lay, boardColor, shape === 'lp' ? 'block' : 'dot', bound);
  const neckFill = d.lin(
    [
      [0, shade(neckWood, -0.3)],
      [0.5, neckWood],
      [1, shade(neckWood, -0.35)],
    ],
    0,
    0,
    1,
    0,
  );
  const neck = path(`M -25 ${lay.nut} L 25 ${lay.nut} L 31 ${board.end} L -31 ${board.end} Z`, { fill: neckFill });
  const nutHalf = lay.strings === 4 ? 17 : 18;
  const bridgeHalf = lay.strings === 4 ? 26 : 27;

  const top = lay.nut - 240;
  const bottom = lay.bodyY + 250 * lay.bodyScale;
  const all = shadow + body + neck + drawHeadstock(d, lay, neckWood, headFace) + board.xml + hardware + strings(lay, nutHalf, bridgeHalf);
  return g(all, `translate(0 ${-(top + bottom) / 2})`);
}

/** Acoustic guitar (dreadnought or cutaway) or acoustic bass. */
export function drawAcoustic(ctx: ArtContext, isBass: boolean): string {
  const d = ctx.defs;
  const cut = ctx.art.shape === 'cutaway';
  const right = cut
    ? 'M 0 -250 C 40 -250 62 -238 70 -200 C 78 -160 112 -140 142 -132 C 132 -96 118 -64 125 -20'
    : 'M 0 -250 C 80 -250 150 -240 150 -150 C 150 -90 120 -60 125 -20';
  const outline =
    `${right} C 130 30 205 60 205 140 C 205 230 120 258 0 258 C -120 258 -205 230 -205 140 ` +
    'C -205 60 -130 30 -125 -20 C -120 -60 -150 -90 -150 -150 C -150 -240 -80 -250 0 -250 Z';
  const lay: Layout = isBass
    ? { strings: 4, nut: -700, bodyY: 260, bodyScale: 1.08, bridgeY: 380, frets: 20, headstock: 'acoustic' }
    : { strings: 6, nut: -560, bodyY: 220, bodyScale: 1, bridgeY: 330, frets: 20, headstock: 'acoustic' };
  const bodyT = `translate(0 ${lay.bodyY}) scale(${lay.bodyScale})`;
  const dark = luminance(ctx.color) < 0.15;
  const topFill = dark
    ? d.lin(
        [
          [0, '#3a3a3a'],
          [0.5, ctx.color],
          [1, '#050505'],
        ],
        0.1,
        0,
        0.9,
        1,
      )
    : d.rad(
        [
          [0, shade(ctx.color, 0.3)],
          [0.7, ctx.color],
          [1, shade(ctx.color, -0.35)],
        ],
        0.45,
        0.55,
        0.65,
      );
  const shadow = g(path(outline, { transform: bodyT }) + rect(-26, lay.nut - 186, 52, lay.bodyY - lay.nut), 'translate(14 18)', {
    fill: '#000',
    opacity: 0.5,
  });
  const body =
    path(outline, { transform: `${bodyT} scale(1.02)`, fill: '#5b3417' }) +
    path(outline, { transform: bodyT, fill: topFill, stroke: '#f1e6c8', 'stroke-width': 5 });
  const S = (y: number) => lay.bodyY + y * lay.bodyScale;
  const hole = S(-70);
  const rosette =
    circle(0, hole, 78 * lay.bodyScale, { fill: 'none', stroke: dark ? '#d9d2bd' : '#3b2414', 'stroke-width': 6 }) +
    circle(0, hole, 68 * lay.bodyScale, { fill: 'none', stroke: dark ? '#888' : '#7b5330', 'stroke-width': 3 }) +
    circle(0, hole, 58 * lay.bodyScale, {
      fill: d.rad([
        [0, '#000'],
        [1, '#1a0f08'],
      ]),
    });
  const guard = path('M 40 -40 C 90 -40 120 0 110 40 C 100 70 60 60 40 30 Z', {
    transform: bodyT,
    fill: dark ? '#0a0a0a' : '#3a1d0e',
    opacity: 0.9,
  });
  const bridge =
    path('M -80 100 Q -70 90 -50 92 L 50 92 Q 70 90 80 100 Q 70 124 50 122 L -50 122 Q -70 124 -80 100 Z', {
      transform: bodyT,
      fill: '#24140a',
    }) +
    rect(-45 * lay.bodyScale, S(98), 90 * lay.bodyScale, 5, { fill: '#f1ead8' }) +
    Array.from({ length: lay.strings }, (_, i) =>
      circle((-26 + (52 * i) / (lay.strings - 1)) * lay.bodyScale, S(112), 4, { fill: '#f1ead8' }),
    ).join('');
  const pre = isBass || cut ? rect(-150 * lay.bodyScale - 4, S(-150), 14, 70, { rx: 4, fill: '#1a1a1a' }) : '';
  const board = fretboard(d, lay, '#2d1b10', 'dot', false);
  const neckFill = d.lin(
    [
      [0, '#5a3518'],
      [0.5, '#8a5a2b'],
      [1, '#4a2a12'],
    ],
    0,
    0,
    1,
    0,
  );
  const neck = path(`M -26 ${lay.nut} L 26 ${lay.nut} L 32 ${board.end} L -32 ${board.end} Z`, { fill: neckFill });
  const top = lay.nut - 190;
  const bottom = lay.bodyY + 258 * lay.bodyScale;
  const all =
    shadow +
    body +
    rosette +
    guard +
    bridge +
    pre +
    neck +
    drawHeadstock(d, lay, '#6b3f1d', dark ? '#111' : '#2a180c') +
    board.xml +
    strings({ ...lay, bridgeY: S(98) }, lay.strings === 4 ? 17 : 18, lay.strings === 4 ? 24 : 26);
  return g(all, `translate(0 ${-(top + bottom) / 2})`);
}
