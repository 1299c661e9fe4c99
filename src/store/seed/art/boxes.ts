/** Box-shaped gear: amplifiers, stompboxes, wah, multi-effects and keyboards. */
import type { ArtContext } from './context';
import { box3d, chrome, circle, type Defs, ellipse, g, hatchRect, knob, line, path, rect, shade, text } from './svg';

const FLOOR_SHADOW = (w: number, y: number) => ellipse(0, y, w, 34, { fill: '#000', opacity: 0.5 });

function tolex(d: Defs, base: string): string {
  return d.lin(
    [
      [0, shade(base, 0.12)],
      [0.5, base],
      [1, shade(base, -0.2)],
    ],
    0,
    0,
    1,
    1,
  );
}

/** Grille cloth: a base colour woven with lighter and darker threads. */
type Grille = { base: string; h: string; v: string; step: number; width: number; speaker: boolean };

function grille(gr: Grille, x: number, y: number, w: number, h: number): string {
  return (
    hatchRect(x, y, w, h, gr.step, 'h', { stroke: gr.h, 'stroke-width': gr.width }) +
    hatchRect(x, y, w, h, gr.step, 'v', { stroke: gr.v, 'stroke-width': gr.width })
  );
}

type AmpStyle = { tolex: string; grille: Grille; panel: string; knob: string; piping: string; logo: string; logoFont: string };

function ampStyle(ctx: ArtContext): AmpStyle {
  switch (ctx.art.shape) {
    case 'orange':
      return {
        tolex: '#ee6a12',
        grille: { base: '#d8c7a0', h: '#bba67c', v: '#e8dcbd', step: 7, width: 2.6, speaker: false },
        panel: '#151515',
        knob: '#1a1a1a',
        piping: '#f4e7c8',
        logo: '#111',
        logoFont: 'DejaVu Sans',
      };
    case 'katana':
      return {
        tolex: '#161616',
        grille: { base: '#0b0b0b', h: '#2e2e2e', v: '#2e2e2e', step: 11, width: 4, speaker: true },
        panel: '#0f0f0f',
        knob: '#202020',
        piping: '#3c3c3c',
        logo: '#e9e9e9',
        logoFont: 'DejaVu Sans',
      };
    case 'rumble':
      return {
        tolex: '#141414',
        grille: { base: '#141414', h: '#b8bcc0', v: '#9da2a7', step: 11, width: 4.5, speaker: true },
        panel: '#1c1c1c',
        knob: '#c9ccd0',
        piping: '#888',
        logo: '#e6e6e6',
        logoFont: 'DejaVu Serif',
      };
    default:
      return {
        tolex: '#121212',
        grille: { base: '#191715', h: '#2d2823', v: '#0d0c0b', step: 7, width: 2.6, speaker: false },
        panel: '#c9a54a',
        knob: '#161616',
        piping: '#efe9da',
        logo: '#ffffff',
        logoFont: 'DejaVu Serif',
      };
  }
}

export function drawAmp(ctx: ArtContext): string {
  const d = ctx.defs;
  const st = ampStyle(ctx);
  const big = ctx.art.shape === 'marshall';
  const w = big ? 820 : 700;
  const h = big ? 640 : 600;
  const x = -w / 2;
  const y = -h / 2 + 30;
  const depth = ctx.view === 0 ? { dx: 80, dy: 56 } : { dx: -120, dy: 74 };
  const side = shade(st.tolex, -0.35);
  const top = shade(st.tolex, 0.12);
  const panelH = 110;
  const panelFill =
    ctx.art.shape === 'marshall'
      ? d.lin(
          [
            [0, '#e9cf7d'],
            [0.5, '#b98f34'],
            [1, '#e2c46e'],
          ],
          0,
          0,
          1,
          0,
        )
      : st.panel;
  const knobs = (count: number, py: number, x0: number, x1: number, cap: string) =>
    Array.from({ length: count }, (_, i) =>
      knob(
        d,
        x0 + ((x1 - x0) * i) / (count - 1),
        py,
        big ? 20 : 22,
        cap,
        -60 + ((ctx.seed >> i) % 7) * 20,
        cap === '#c9ccd0' ? '#111' : '#f2f2f2',
      ),
    ).join('');
  const onTop = ctx.art.shape === 'orange';
  let front =
    rect(x, y, w, h, { rx: 18, fill: tolex(d, st.tolex) }) +
    rect(x, y, w, h, {
      rx: 18,
      fill: d.lin([
        [0, '#fff', 0.1],
        [0.5, '#fff', 0],
        [1, '#000', 0.25],
      ]),
    });
  const gx = x + 40;
  const gy = onTop ? y + 40 : y + panelH + 40;
  const gw = w - 80;
  const gh = onTop ? h - 80 : h - panelH - 80;
  if (!onTop) {
    front += rect(x + 30, y + 24, w - 60, panelH - 20, { rx: 8, fill: panelFill, stroke: '#000', 'stroke-width': 3 });
    const count = big ? 11 : 7;
    front += knobs(count, y + 24 + (panelH - 20) / 2, x + (ctx.art.shape === 'katana' ? 190 : 150), x + w - 90, st.knob);
    if (ctx.art.shape !== 'katana')
      front += circle(x + 80, y + 24 + (panelH - 20) / 2, 14, { fill: '#222', stroke: '#aaa', 'stroke-width': 4 });
  }
  front += rect(gx - 8, gy - 8, gw + 16, gh + 16, { rx: 10, fill: st.piping });
  front += rect(gx, gy, gw, gh, { rx: 6, fill: st.grille.base });
  if (st.grille.speaker) {
    front += circle(0, gy + gh / 2, Math.min(gw, gh) * 0.42, {
      fill: d.rad([
        [0, '#3a3a3a'],
        [0.3, '#151515'],
        [0.85, '#222'],
        [1, '#0a0a0a'],
      ]),
    });
  }
  front += grille(st.grille, gx, gy, gw, gh);
  front += rect(gx, gy, gw, gh, {
    rx: 6,
    fill: d.rad(
      [
        [0, '#fff', 0.08],
        [1, '#000', 0.35],
      ],
      0.5,
      0.4,
      0.7,
    ),
  });
  const label = ctx.brand === 'Boss' ? 'BOSS' : ctx.brand;
  if (ctx.art.shape === 'orange') {
    front += rect(-150, gy + 40, 300, 86, { rx: 6, fill: '#ee6a12', stroke: '#111', 'stroke-width': 4 });
    front += text(0, gy + 102, 'ORANGE', {
      'font-size': 56,
      'font-weight': 'bold',
      'text-anchor': 'middle',
      fill: st.logo,
      'letter-spacing': 4,
    });
    front += text(0, gy + gh - 40, ctx.model.toUpperCase(), {
      'font-size': 26,
      'text-anchor': 'middle',
      fill: '#3a2a12',
      'letter-spacing': 6,
    });
  } else if (ctx.art.shape === 'katana') {
    front += text(x + w - 60, y + h - 40, 'KATANA', {
      'font-size': 40,
      'font-weight': 'bold',
      'text-anchor': 'end',
      fill: '#d9d9d9',
      'letter-spacing': 8,
      'font-style': 'italic',
    });
    front += text(x + 100, y + 90, label, { 'font-size': 34, 'font-weight': 'bold', 'text-anchor': 'middle', fill: st.logo });
  } else {
    front += text(gx + 40, gy + 110, label, {
      'font-size': big ? 120 : 96,
      'font-style': 'italic',
      'font-weight': 'bold',
      fill: st.logo,
      'font-family': `${st.logoFont}, serif`,
    });
  }
  // Corner protectors.
  for (const [cx, cy] of [
    [x, y],
    [x + w, y],
    [x, y + h],
    [x + w, y + h],
  ] as const) {
    front += rect(cx - 26, cy - 26, 52, 52, {
      rx: 14,
      fill: d.rad([
        [0, '#555'],
        [1, '#111'],
      ]),
    });
  }
  const handle =
    `<path d="M ${-110 + depth.dx * 0.5} ${y - depth.dy * 0.5 + 6} q 110 -60 220 0" ` +
    `fill="none" stroke="#0c0c0c" stroke-width="26" stroke-linecap="round"/>`;
  let topControls = '';
  if (onTop) {
    const m = `matrix(1 0 ${depth.dx / 100} ${-depth.dy / 100} ${x} ${y})`;
    topControls = g(rect(40, 18, w - 80, 64, { rx: 6, fill: '#161616' }) + knobs(7, 50, 100, w - 70, '#1a1a1a'), m);
  }
  return (
    FLOOR_SHADOW(w * 0.62, y + h + 10) +
    box3d(x, y, w, h, depth.dx, depth.dy, { front: 'none', top, side }, front) +
    topControls +
    (onTop ? '' : handle)
  );
}

export function drawPedal(ctx: ArtContext): string {
  const d = ctx.defs;
  const c = ctx.color;
  if (ctx.art.shape === 'muff') {
    const w = 440,
      h = 540;
    const body = d.lin(
      [
        [0, '#f4f4f2'],
        [0.5, c],
        [1, '#a9a9a6'],
      ],
      0,
      0,
      1,
      1,
    );
    const sw = chrome(d, true);
    return (
      rect(-w / 2 + 14, -h / 2 + 24, w, h, { rx: 18, fill: '#000', opacity: 0.55 }) +
      rect(-w / 2, -h / 2, w, h, { rx: 18, fill: body, stroke: '#777', 'stroke-width': 3 }) +
      text(0, -150, 'Big Muff π', {
        'font-size': 70,
        'font-weight': 'bold',
        'font-style': 'italic',
        'text-anchor': 'middle',
        fill: '#c4161c',
      }) +
      rect(-w / 2 + 24, -120, w - 48, 8, { fill: '#111' }) +
      [-140, 0, 140].map((kx, i) => knob(d, kx, -30, 48, '#151515', -30 + i * 40)).join('') +
      ['VOLUME', 'TONE', 'SUSTAIN']
        .map((t, i) => text(-140 + i * 140, 46, t, { 'font-size': 20, 'text-anchor': 'middle', fill: '#111', 'font-weight': 'bold' }))
        .join('') +
      circle(0, 90, 12, { fill: '#ff2a2a', stroke: '#600', 'stroke-width': 3 }) +
      circle(0, 170, 46, { fill: sw, stroke: '#444', 'stroke-width': 3 }) +
      circle(0, 170, 24, { fill: chrome(d, false) }) +
      text(0, 250, 'electro-harmonix', { 'font-size': 24, 'text-anchor': 'middle', fill: '#c4161c', 'font-style': 'italic' })
    );
  }
  const w = 320,
    h = 560;
  const body = d.lin(
    [
      [0, shade(c, 0.25)],
      [0.5, c],
      [1, shade(c, -0.3)],
    ],
    0,
    0,
    1,
    1,
  );
  const plate = d.lin(
    [
      [0, shade(c, 0.18)],
      [1, shade(c, -0.2)],
    ],
    0,
    0,
    0,
    1,
  );
  const ribs = Array.from({ length: 9 }, (_, i) => rect(-95, 70 + i * 17, 190, 8, { rx: 4, fill: '#0c0c0c' })).join('');
  const model = ctx.model;
  return (
    rect(-w / 2 + 16, -h / 2 + 26, w, h, { rx: 26, fill: '#000', opacity: 0.55 }) +
    rect(-w / 2 - 10, -210, 12, 40, { rx: 3, fill: '#777' }) +
    rect(w / 2 - 2, -210, 12, 40, { rx: 3, fill: '#777' }) +
    rect(-w / 2, -h / 2, w, h, { rx: 26, fill: body, stroke: shade(c, -0.5), 'stroke-width': 3 }) +
    circle(0, -250, 8, { fill: '#ff3030', stroke: '#500', 'stroke-width': 2 }) +
    [-95, 0, 95].map((kx, i) => knob(d, kx, -185, 36, '#1a1a1a', -40 + i * 35, '#f4f4f4')).join('') +
    ['TONE', 'LEVEL', 'DIST']
      .map((t, i) => text(-95 + i * 95, -130, t, { 'font-size': 17, 'text-anchor': 'middle', fill: '#111', 'font-weight': 'bold' }))
      .join('') +
    rect(-140, -112, 280, 56, { rx: 6, fill: '#141414' }) +
    text(-122, -74, model, { 'font-size': 30, 'font-weight': 'bold', fill: c }) +
    text(122, -74, 'Distortion', { 'font-size': 22, 'text-anchor': 'end', fill: '#e8e8e8', 'font-style': 'italic' }) +
    path(`M ${-w / 2 + 8} -34 L ${w / 2 - 8} -34`, { stroke: shade(c, -0.45), 'stroke-width': 4 }) +
    rect(-w / 2 + 14, -24, w - 28, 300, { rx: 20, fill: plate }) +
    rect(-110, 52, 220, 180, { rx: 14, fill: '#1a1a1a' }) +
    ribs +
    text(0, 262, ctx.brand.toUpperCase(), {
      'font-size': 34,
      'font-weight': 'bold',
      'text-anchor': 'middle',
      fill: '#111',
      'letter-spacing': 4,
    })
  );
}

export function drawWah(ctx: ArtContext): string {
  const d = ctx.defs;
  const base = chrome(d, true, '#8f959b');
  const tread = d.lin(
    [
      [0, '#2d2d2d'],
      [0.5, '#1a1a1a'],
      [1, '#0a0a0a'],
    ],
    0,
    0,
    1,
    1,
  );
  const ribs = Array.from({ length: 16 }, (_, i) => rect(-100, -150 + i * 22, 200, 9, { rx: 4, fill: '#2a2a2a' })).join('');
  return (
    rect(-140 + 18, -300 + 28, 280, 620, { rx: 30, fill: '#000', opacity: 0.55 }) +
    rect(-140, -290, 280, 610, { rx: 30, fill: base, stroke: '#444', 'stroke-width': 3 }) +
    rect(-125, -300, 250, 560, { rx: 26, fill: tread, stroke: '#000', 'stroke-width': 3 }) +
    text(0, -212, 'Cry Baby', {
      'font-size': 46,
      'font-style': 'italic',
      'font-weight': 'bold',
      'text-anchor': 'middle',
      fill: '#f3f3f3',
      'font-family': 'DejaVu Serif, serif',
    }) +
    text(0, -172, ctx.brand.toUpperCase(), { 'font-size': 22, 'text-anchor': 'middle', fill: '#FF8C42', 'letter-spacing': 8 }) +
    rect(-110, -160, 220, 390, { rx: 16, fill: '#111' }) +
    ribs +
    rect(-60, 270, 120, 40, { rx: 8, fill: '#222', stroke: '#666', 'stroke-width': 2 })
  );
}

export function drawMultiFx(ctx: ArtContext): string {
  const d = ctx.defs;
  const w = 700,
    h = 470;
  const body = d.lin(
    [
      [0, '#3a3a3a'],
      [0.5, '#1c1c1c'],
      [1, '#0d0d0d'],
    ],
    0,
    0,
    1,
    1,
  );
  const screen = d.lin(
    [
      [0, '#0d1b2a'],
      [1, '#050b12'],
    ],
    0,
    0,
    0,
    1,
  );
  const blocks = ['#e2483d', '#f0a020', '#3b82f6', '#22c55e', '#a855f7', '#06b6d4'];
  const chain =
    line(-300, -130, 10, -130, { stroke: '#9fb3c8', 'stroke-width': 3 }) +
    blocks.map((c, i) => rect(-296 + i * 50, -146, 36, 32, { rx: 5, fill: c })).join('') +
    text(-300, -70, 'AMP: Brit Plexi', { 'font-size': 18, fill: '#dbe7f3' }) +
    text(-300, -46, 'CAB: 4x12 Greenback', { 'font-size': 15, fill: '#8aa1b8' });
  const ring = ['#ef4444', '#3b82f6', '#22c55e'];
  const sw = chrome(d, false);
  return (
    rect(-w / 2 + 16, -h / 2 + 26, w, h, { rx: 30, fill: '#000', opacity: 0.55 }) +
    rect(-w / 2, -h / 2, w, h, { rx: 30, fill: body, stroke: '#000', 'stroke-width': 3 }) +
    rect(-320, -200, 350, 190, { rx: 10, fill: screen, stroke: '#444', 'stroke-width': 4 }) +
    chain +
    text(300, -170, ctx.brand.toUpperCase(), { 'font-size': 34, 'font-weight': 'bold', 'text-anchor': 'end', fill: '#f1f1f1' }) +
    text(300, -134, 'HX STOMP', { 'font-size': 26, 'text-anchor': 'end', fill: '#FF8C42', 'letter-spacing': 4 }) +
    [0, 1, 2, 3, 4, 5].map((i) => knob(d, -290 + i * 62, 30, 20, '#1a1a1a', -60 + i * 24)).join('') +
    [0, 1].map((i) => knob(d, 130 + i * 80, -40, 26, '#1a1a1a', 20 - i * 50)).join('') +
    [-220, 0, 220]
      .map(
        (fx, i) =>
          rect(fx - 70, 80, 140, 26, { rx: 4, fill: '#0b1520', stroke: '#333', 'stroke-width': 2 }) +
          text(fx, 99, ['DRIVE', 'DELAY', 'REVERB'][i]!, { 'font-size': 16, 'text-anchor': 'middle', fill: ring[i]! }) +
          circle(fx, 160, 46, { fill: 'none', stroke: ring[i]!, 'stroke-width': 7 }) +
          circle(fx, 160, 38, { fill: sw, stroke: '#333', 'stroke-width': 2 }),
      )
      .join('')
  );
}

export function drawFloorFx(ctx: ArtContext): string {
  const d = ctx.defs;
  const w = 860,
    h = 380;
  const body = d.lin(
    [
      [0, '#3a3a3a'],
      [0.6, '#1e1e1e'],
      [1, '#0c0c0c'],
    ],
    0,
    0,
    0,
    1,
  );
  const ribs = (x: number, y: number, rw: number, rh: number) =>
    rect(x, y, rw, rh, { rx: 10, fill: '#0f0f0f' }) +
    Array.from({ length: Math.floor(rh / 18) - 1 }, (_, i) => rect(x + 12, y + 14 + i * 18, rw - 24, 7, { rx: 3, fill: '#2a2a2a' })).join(
      '',
    );
  return (
    rect(-w / 2 + 16, -h / 2 + 26, w, h, { rx: 28, fill: '#000', opacity: 0.55 }) +
    rect(-w / 2, -h / 2, w, h, { rx: 28, fill: body, stroke: '#000', 'stroke-width': 3 }) +
    text(-390, -130, ctx.brand.toUpperCase(), { 'font-size': 40, 'font-weight': 'bold', fill: '#f1f1f1' }) +
    text(-240, -130, ctx.model, { 'font-size': 32, fill: '#FF8C42', 'font-weight': 'bold' }) +
    rect(-390, -100, 170, 70, { rx: 6, fill: '#7fe08a', stroke: '#222', 'stroke-width': 4 }) +
    text(-380, -58, 'U01 ROCK LEAD', { 'font-size': 17, fill: '#143d19', 'font-family': 'DejaVu Sans Mono, monospace' }) +
    [0, 1, 2, 3].map((i) => knob(d, -170 + i * 62, -100, 22, '#1a1a1a', -50 + i * 30)).join('') +
    ribs(-390, 0, 180, 150) +
    ribs(-180, 0, 180, 150) +
    circle(-300, -14, 6, { fill: '#ff3030' }) +
    circle(-90, -14, 6, { fill: '#30ff60' }) +
    rect(60, -170, 320, 340, { rx: 18, fill: '#151515', stroke: '#333', 'stroke-width': 3 }) +
    ribs(80, -150, 280, 300)
  );
}

export function drawKeyboard(ctx: ArtContext): string {
  const d = ctx.defs;
  const w = 1040,
    h = 360;
  const x = -w / 2,
    y = -h / 2;
  const body = d.lin(
    [
      [0, '#3a3a3a'],
      [0.4, ctx.color],
      [1, '#080808'],
    ],
    0,
    0,
    0,
    1,
  );
  const speaker = (sx: number) =>
    rect(sx, y + 26, 190, 110, { rx: 12, fill: '#050505' }) +
    grille({ base: '', h: '#262626', v: '#262626', step: 9, width: 4, speaker: false }, sx + 4, y + 30, 182, 102);
  const whiteCount = 36;
  const kx = x + 30,
    ky = y + 160,
    kw = w - 60,
    kh = 175;
  const ww = kw / whiteCount;
  let keys = rect(kx, ky, kw, kh, { fill: '#111' });
  for (let i = 0; i < whiteCount; i++) {
    keys += rect(kx + i * ww + 1, ky, ww - 2, kh, {
      rx: 3,
      fill: d.lin([
        [0, '#e9e9e9'],
        [0.85, '#ffffff'],
        [1, '#d7d7d7'],
      ]),
    });
  }
  for (let i = 0; i < whiteCount - 1; i++) {
    const n = i % 7;
    if (n === 2 || n === 6) continue;
    keys += rect(kx + (i + 1) * ww - ww * 0.3, ky, ww * 0.6, kh * 0.6, {
      rx: 2,
      fill: d.lin(
        [
          [0, '#333'],
          [1, '#050505'],
        ],
        0,
        0,
        0,
        1,
      ),
    });
  }
  const panel =
    speaker(x + 40) +
    speaker(x + w - 230) +
    rect(-130, y + 34, 260, 80, {
      rx: 6,
      fill: d.lin([
        [0, '#ffb46b'],
        [1, '#ff7a2e'],
      ]),
      stroke: '#111',
      'stroke-width': 4,
    }) +
    text(-112, y + 72, '001 Grand Piano', { 'font-size': 22, fill: '#2b1403', 'font-family': 'DejaVu Sans Mono, monospace' }) +
    text(-112, y + 100, 'Tempo 120  ♩', { 'font-size': 18, fill: '#2b1403', 'font-family': 'DejaVu Sans Mono, monospace' }) +
    Array.from({ length: 10 }, (_, i) =>
      rect(-300 + (i % 5) * 30, y + 40 + Math.floor(i / 5) * 40, 22, 22, { rx: 4, fill: i === 0 ? '#FF6B35' : '#4a4a4a' }),
    ).join('') +
    Array.from({ length: 10 }, (_, i) =>
      rect(160 + (i % 5) * 30, y + 40 + Math.floor(i / 5) * 40, 22, 22, { rx: 4, fill: '#4a4a4a' }),
    ).join('') +
    knob(d, x + 270, y + 80, 24, '#1a1a1a') +
    text(x + w - 60, y + 150, ctx.brand.toUpperCase(), {
      'font-size': 26,
      'font-weight': 'bold',
      'text-anchor': 'end',
      fill: '#e8e8e8',
      'letter-spacing': 4,
    }) +
    text(x + 60, y + 150, ctx.model, { 'font-size': 20, fill: '#bbb' });
  const tilt = ctx.view === 0 ? 'skewX(-14) scale(1 0.82)' : 'scale(1 0.9)';
  return (
    ellipse(0, h * 0.46, w * 0.55, 40, { fill: '#000', opacity: 0.5 }) +
    g(
      rect(x, y + 12, w, h, { rx: 26, fill: '#050505' }) +
        rect(x, y, w, h, { rx: 26, fill: body, stroke: '#000', 'stroke-width': 3 }) +
        panel +
        keys,
      tilt,
    )
  );
}
