/** Small items: string packs, cables, drumsticks, picks and microphones. */
import type { ArtContext } from './context';
import { chrome, circle, type Defs, ellipse, g, hatchEllipse, line, path, rect, shade, text } from './svg';

function stringCoil(d: Defs, r: number, turns = 7): string {
  const metal = chrome(d, true, '#c9c4b8');
  let xml = '';
  for (let i = 0; i < turns; i++) {
    xml += circle(i * 1.6, i * 1.2, r - i * 2.2, { fill: 'none', stroke: metal, 'stroke-width': 2.4, opacity: 0.9 });
  }
  return xml + line(r - 4, 0, r + 60, 40, { stroke: '#b9b3a5', 'stroke-width': 2.4 }) + circle(r + 62, 41, 6, { fill: '#b88a3a' });
}

function stringPack(ctx: ArtContext, angle: number, dx: number, dy: number): string {
  const d = ctx.defs;
  const c = ctx.color;
  const daddario = ctx.art.shape === 'daddario';
  const w = 460,
    h = 580;
  const body = daddario
    ? d.lin(
        [
          [0, shade(c, 0.15)],
          [1, shade(c, -0.2)],
        ],
        0,
        0,
        1,
        1,
      )
    : d.lin(
        [
          [0, shade(c, 0.2)],
          [0.5, c],
          [1, shade(c, -0.3)],
        ],
        0,
        0,
        1,
        1,
      );
  const band = daddario ? '#111111' : '#ffffff';
  const bandText = daddario ? '#ffffff' : shade(c, -0.4);
  const [gauge] = ctx.model.match(/\d+/) ?? [''];
  const xml =
    rect(-w / 2 + 14, -h / 2 + 22, w, h, { rx: 10, fill: '#000', opacity: 0.55 }) +
    rect(-w / 2, -h / 2, w, h, { rx: 10, fill: body, stroke: shade(c, -0.5), 'stroke-width': 2 }) +
    rect(-w / 2, -h / 2 + 36, w, 96, { fill: band }) +
    text(0, -h / 2 + 100, ctx.brand.toUpperCase(), {
      'font-size': ctx.brand.length > 8 ? 44 : 54,
      'font-weight': 'bold',
      'text-anchor': 'middle',
      fill: bandText,
      'letter-spacing': 3,
    }) +
    circle(0, -20, 130, { fill: '#111', opacity: 0.85 }) +
    g(stringCoil(d, 112, 8), 'translate(-6 -24)') +
    (daddario
      ? text(0, 190, ctx.model.split(' ')[0]!, { 'font-size': 86, 'font-weight': 'bold', 'text-anchor': 'middle', fill: '#ffffff' })
      : text(0, 180, ctx.model.replace(/\s*\d+$/, '').toUpperCase(), {
          'font-size': 40,
          'font-weight': 'bold',
          'text-anchor': 'middle',
          fill: '#ffffff',
          'letter-spacing': 2,
        })) +
    rect(-w / 2, h / 2 - 70, w, 70, { fill: '#000', opacity: 0.35 }) +
    text(0, h / 2 - 24, daddario ? 'NICKEL WOUND · 10-46' : `NICKEL WOUND · 10-46 · ${gauge}`, {
      'font-size': 24,
      'text-anchor': 'middle',
      fill: '#fff',
      'letter-spacing': 2,
    });
  return g(xml, `translate(${dx} ${dy}) rotate(${angle})`);
}

export function drawStrings(ctx: ArtContext): string {
  if (ctx.view === 0) return stringPack(ctx, 0, 0, -10);
  return g(stringCoil(ctx.defs, 150, 10), 'translate(250 260)') + stringPack(ctx, -12, -150, -40) + stringPack(ctx, 9, 130, 10);
}

function jackPlug(d: Defs, accent: string): string {
  const metal = chrome(d, false, accent);
  const tip = chrome(d, false, '#e6e6e6');
  return (
    rect(-24, 0, 48, 120, {
      rx: 12,
      fill: d.lin(
        [
          [0, '#050505'],
          [0.4, '#3a3a3a'],
          [1, '#050505'],
        ],
        0,
        0,
        1,
        0,
      ),
    }) +
    Array.from({ length: 5 }, (_, i) => rect(-24, 14 + i * 18, 48, 5, { fill: '#000', opacity: 0.6 })).join('') +
    rect(-21, 120, 42, 80, { rx: 6, fill: metal }) +
    rect(-10, 200, 20, 80, { fill: tip }) +
    rect(-10, 240, 20, 6, { fill: '#111' }) +
    path('M -10 280 L 10 280 L 6 300 Q 0 306 -6 300 Z', { fill: tip })
  );
}

export function drawCable(ctx: ArtContext): string {
  const d = ctx.defs;
  const cable = ctx.color;
  let loops = '';
  for (let i = 0; i < 6; i++) {
    const rx = 320 - i * 14,
      ry = 230 - i * 10;
    loops += ellipse(i * 8 - 20, i * 6 - 40, rx, ry, { fill: 'none', stroke: shade(cable, -0.3), 'stroke-width': 26 });
    loops += ellipse(i * 8 - 20, i * 6 - 44, rx, ry, { fill: 'none', stroke: shade(cable, 0.28), 'stroke-width': 5, opacity: 0.7 });
  }
  const tail1 = path('M -330 -20 C -360 120 -300 220 -260 250', { fill: 'none', stroke: shade(cable, -0.3), 'stroke-width': 26 });
  const tail2 = path('M 290 60 C 320 160 360 220 330 280', { fill: 'none', stroke: shade(cable, -0.3), 'stroke-width': 26 });
  return (
    ellipse(20, 30, 380, 280, { fill: '#000', opacity: 0.35 }) +
    loops +
    tail1 +
    tail2 +
    g(jackPlug(d, ctx.accent), 'translate(-260 240) rotate(-28)') +
    g(jackPlug(d, ctx.accent), 'translate(330 270) rotate(22)') +
    text(0, -20, ctx.brand.toUpperCase(), {
      'font-size': 36,
      'font-weight': 'bold',
      'text-anchor': 'middle',
      fill: '#f0f0f0',
      'letter-spacing': 6,
    }) +
    text(0, 26, '10 FT · 3 M', { 'font-size': 26, 'text-anchor': 'middle', fill: '#FF8C42', 'letter-spacing': 4 })
  );
}

function stick(d: Defs, wood: string, label: string): string {
  const fill = d.lin(
    [
      [0, shade(wood, 0.35)],
      [0.45, wood],
      [1, shade(wood, -0.35)],
    ],
    0,
    0,
    0,
    1,
  );
  return (
    path('M -480 -17 L 330 -14 C 380 -13 410 -8 440 -7 L 440 7 C 410 8 380 13 330 14 L -480 17 Q -492 0 -480 -17 Z', {
      fill,
      stroke: shade(wood, -0.5),
      'stroke-width': 1.5,
    }) +
    ellipse(458, 0, 26, 14, { fill, stroke: shade(wood, -0.5), 'stroke-width': 1.5 }) +
    text(-330, 9, label, { 'font-size': 24, 'font-weight': 'bold', fill: '#1a1108', opacity: 0.85, 'letter-spacing': 3 })
  );
}

export function drawSticks(ctx: ArtContext): string {
  const d = ctx.defs;
  const label = `${ctx.brand.toUpperCase()}  ${ctx.model.split(' ').pop()}`;
  const shadow = (t: string) =>
    g(path('M -480 -17 L 460 -10 L 460 10 L -480 17 Z', { fill: '#000', opacity: 0.45 }), `${t} translate(14 22)`);
  if (ctx.view === 0) {
    return (
      shadow('translate(0 -50) rotate(-28)') +
      shadow('translate(20 60) rotate(-22)') +
      g(stick(d, ctx.color, label), 'translate(0 -50) rotate(-28)') +
      g(stick(d, ctx.color, label), 'translate(20 60) rotate(-22)')
    );
  }
  return (
    shadow('rotate(-38)') +
    shadow('rotate(38)') +
    g(stick(d, ctx.color, label), 'rotate(-38)') +
    g(stick(d, shade(ctx.color, -0.05), label), 'rotate(38)')
  );
}

const PICK = 'M 0 -130 C 80 -130 118 -98 116 -46 C 112 14 46 92 0 132 C -46 92 -112 14 -116 -46 C -118 -98 -80 -130 0 -130 Z';

function pick(d: Defs, color: string, brand: string, gauge: string): string {
  const fill = d.rad(
    [
      [0, shade(color, 0.25)],
      [1, shade(color, -0.2)],
    ],
    0.4,
    0.35,
    0.7,
  );
  return (
    path(PICK, { fill, stroke: shade(color, -0.35), 'stroke-width': 2 }) +
    text(0, -40, brand.toUpperCase(), { 'font-size': 26, 'font-weight': 'bold', 'text-anchor': 'middle', fill: '#1a1a1a', opacity: 0.8 }) +
    ellipse(0, 6, 30, 22, { fill: '#1a1a1a', opacity: 0.75 }) +
    circle(0, -18, 9, { fill: '#1a1a1a', opacity: 0.75 }) +
    text(0, 70, gauge, { 'font-size': 28, 'font-weight': 'bold', 'text-anchor': 'middle', fill: '#1a1a1a', opacity: 0.8 })
  );
}

export function drawPicks(ctx: ArtContext): string {
  const d = ctx.defs;
  const gauge = (ctx.model.match(/\.\d+/) ?? ['.73'])[0]!;
  let xml = '';
  const count = 5;
  for (let i = 0; i < count; i++) {
    const a = -40 + i * 20;
    const t =
      ctx.view === 0 ? `rotate(${a} 0 300) translate(0 -60)` : `translate(${-320 + i * 160} ${i % 2 ? 60 : -40}) rotate(${a * 1.5})`;
    xml += g(path(PICK, { fill: '#000', opacity: 0.35 }), `${t} translate(10 16)`) + g(pick(d, ctx.color, ctx.brand, gauge), t);
  }
  return g(xml, ctx.view === 0 ? 'scale(1.3) translate(0 -20)' : 'scale(1.15)');
}

export function drawMicrophone(ctx: ArtContext): string {
  const d = ctx.defs;
  const mesh =
    circle(0, -290, 140, { fill: '#b9bec4' }) +
    hatchEllipse(0, -290, 140, 140, 11, 'h', { stroke: '#5e6369', 'stroke-width': 2.4 }, 45) +
    hatchEllipse(0, -290, 140, 140, 11, 'h', { stroke: '#5e6369', 'stroke-width': 2.4 }, -45);
  const shine = d.rad(
    [
      [0, '#fff', 0.55],
      [0.5, '#fff', 0.08],
      [1, '#000', 0.35],
    ],
    0.35,
    0.3,
    0.7,
  );
  const handle = d.lin(
    [
      [0, '#15171a'],
      [0.35, '#50555b'],
      [0.6, '#2a2d31'],
      [1, '#0b0c0d'],
    ],
    0,
    0,
    1,
    0,
  );
  const mic =
    path('M -78 -140 L 78 -140 L 52 330 L -52 330 Z', { fill: handle }) +
    rect(-56, 326, 112, 28, { rx: 6, fill: chrome(d, true) }) +
    text(0, 120, ctx.brand.toUpperCase(), {
      'font-size': 34,
      'font-weight': 'bold',
      'text-anchor': 'middle',
      fill: '#e9e9e9',
      transform: 'rotate(-90 0 120)',
      'letter-spacing': 6,
    }) +
    rect(-100, -175, 200, 44, { rx: 10, fill: chrome(d, true, '#c3c8cd') }) +
    mesh +
    circle(0, -290, 140, { fill: shine, stroke: '#6b7075', 'stroke-width': 4 }) +
    path('M -140 -290 Q 0 -250 140 -290', { fill: 'none', stroke: '#80858a', 'stroke-width': 5, opacity: 0.7 });
  if (ctx.view === 0) {
    return ellipse(0, 440, 240, 28, { fill: '#000', opacity: 0.5 }) + g(mic, 'translate(0 40) rotate(-26)');
  }
  const cable = path('M 52 340 C 90 520 320 460 420 380 C 520 300 560 420 620 480', {
    fill: 'none',
    stroke: '#0b0b0b',
    'stroke-width': 26,
    'stroke-linecap': 'round',
  });
  return g(cable + rect(-40, 350, 80, 60, { rx: 8, fill: '#111' }) + mic, 'translate(-40 20) rotate(-52) scale(0.95)');
}
