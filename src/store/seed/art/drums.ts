/** Drum kits (acoustic and electronic) and cymbals, front view with the floor at y ≈ 400. */
import type { ArtContext } from './context';
import { chrome, circle, type Defs, ellipse, g, hatchEllipse, line, path, rect, shade, text } from './svg';

const FLOOR = 400;

/** A cymbal seen from above (centre 0,0): lathing, bell, light sweep, optional print. */
function cymbalDisc(d: Defs, r: number, color: string, label?: [string, string]): string {
  const base = d.rad(
    [
      [0, shade(color, 0.35)],
      [0.25, color],
      [0.8, shade(color, -0.15)],
      [1, shade(color, -0.45)],
    ],
    0.5,
    0.5,
    0.5,
  );
  const sweep = d.rad(
    [
      [0, '#fff', 0.55],
      [1, '#fff', 0],
    ],
    0.5,
    0.5,
    0.5,
  );
  let grooves = '';
  for (let k = r * 0.24; k < r; k += Math.max(5, r / 55)) {
    grooves += circle(0, 0, k, { fill: 'none', stroke: shade(color, -0.5), 'stroke-width': 1.2, opacity: 0.28 });
  }
  const wedge = (a: number) => {
    const rad = (deg: number) => (deg * Math.PI) / 180;
    const p1 = [Math.cos(rad(a - 9)) * r, Math.sin(rad(a - 9)) * r];
    const p2 = [Math.cos(rad(a + 9)) * r, Math.sin(rad(a + 9)) * r];
    return path(`M 0 0 L ${p1[0]} ${p1[1]} A ${r} ${r} 0 0 1 ${p2[0]} ${p2[1]} Z`, { fill: sweep });
  };
  const bell = d.rad(
    [
      [0, shade(color, 0.6)],
      [0.6, shade(color, 0.1)],
      [1, shade(color, -0.3)],
    ],
    0.4,
    0.35,
    0.6,
  );
  const print = label
    ? text(0, r * 0.62, label[0], {
        'font-size': r * 0.11,
        'font-weight': 'bold',
        'text-anchor': 'middle',
        fill: '#1a1a1a',
        opacity: 0.8,
        'letter-spacing': 3,
      }) + text(0, r * 0.62 + r * 0.1, label[1], { 'font-size': r * 0.06, 'text-anchor': 'middle', fill: '#1a1a1a', opacity: 0.7 })
    : '';
  return (
    circle(0, 0, r, { fill: base, stroke: shade(color, -0.55), 'stroke-width': 2 }) +
    grooves +
    wedge(-40) +
    wedge(140) +
    print +
    circle(0, 0, r * 0.22, { fill: bell, stroke: shade(color, -0.4), 'stroke-width': 1.5 }) +
    circle(0, 0, r * 0.03, { fill: '#111' })
  );
}

/** A cymbal on a stand, tilted towards the viewer. */
function cymbalOnStand(d: Defs, x: number, y: number, r: number, color: string, tilt = 0.32, angle = 0, floor = FLOOR): string {
  return stand(x, y, floor) + g(cymbalDisc(d, r, color), `translate(${x} ${y}) rotate(${angle}) scale(1 ${tilt})`);
}

function stand(x: number, top: number, floor = FLOOR, color = '#b9bec4'): string {
  const leg = Math.min(90, (floor - top) * 0.25);
  return (
    line(x, top, x, floor - leg * 0.6, { stroke: color, 'stroke-width': 7 }) +
    line(x, floor - leg * 0.8, x - leg, floor, { stroke: color, 'stroke-width': 6 }) +
    line(x, floor - leg * 0.8, x + leg, floor, { stroke: color, 'stroke-width': 6 }) +
    line(x, floor - leg * 0.8, x + leg * 0.15, floor + 6, { stroke: shade(color, -0.3), 'stroke-width': 6 })
  );
}

/** A drum shell seen from the front, slightly from above: head ellipse on top, lugs on the shell. */
function drum(d: Defs, x: number, top: number, w: number, h: number, shell: string, head = '#efe9dc', angle = 0, lugs = 4): string {
  const ry = w * 0.16;
  const shellFill = d.lin(
    [
      [0, shade(shell, -0.55)],
      [0.35, shade(shell, 0.25)],
      [0.55, shell],
      [1, shade(shell, -0.6)],
    ],
    0,
    0,
    1,
    0,
  );
  const metal = chrome(d, true);
  let lugXml = '';
  for (let i = 0; i < lugs; i++) {
    const lx = -w / 2 + (w * (i + 0.5)) / lugs;
    const squeeze = Math.cos(((lx / (w / 2)) * Math.PI) / 2.2);
    lugXml += rect(lx - 6 * squeeze, ry * 0.4 + h * 0.25, 12 * squeeze, h * 0.45, { rx: 5, fill: metal });
  }
  const body =
    path(`M ${-w / 2} 0 L ${-w / 2} ${h} A ${w / 2} ${ry} 0 0 0 ${w / 2} ${h} L ${w / 2} 0 Z`, { fill: shellFill }) +
    ellipse(0, h, w / 2, ry, { fill: 'none', stroke: metal, 'stroke-width': 7 }) +
    lugXml +
    ellipse(0, 0, w / 2, ry, {
      fill: d.rad(
        [
          [0, '#ffffff'],
          [1, head],
        ],
        0.4,
        0.4,
        0.7,
      ),
      stroke: metal,
      'stroke-width': 8,
    });
  return g(body, `translate(${x} ${top}) rotate(${angle})`);
}

export function drawDrumKit(ctx: ArtContext): string {
  const d = ctx.defs;
  const wrap = ctx.color;
  const gold = '#d4a543';
  const metal = chrome(d, true);
  const kickR = 225;
  const kickY = FLOOR - kickR;
  const hoop = d.lin(
    [
      [0, shade(wrap, 0.3)],
      [1, shade(wrap, -0.5)],
    ],
    0,
    0,
    1,
    1,
  );
  const headFill = d.rad(
    [
      [0, '#2b2b2b'],
      [0.8, '#121212'],
      [1, '#050505'],
    ],
    0.42,
    0.38,
    0.7,
  );
  let rods = '';
  for (let i = 0; i < 10; i++) {
    const a = (i / 10) * Math.PI * 2 + Math.PI / 10;
    rods += g(rect(-6, -kickR - 8, 12, 26, { rx: 3, fill: metal }), `translate(0 ${kickY}) rotate(${(a * 180) / Math.PI})`);
  }
  const kick =
    line(-kickR + 20, kickY + 120, -kickR - 50, FLOOR, { stroke: '#c0c4c8', 'stroke-width': 8 }) +
    line(kickR - 20, kickY + 120, kickR + 50, FLOOR, { stroke: '#c0c4c8', 'stroke-width': 8 }) +
    circle(0, kickY, kickR + 14, { fill: hoop, stroke: shade(wrap, -0.7), 'stroke-width': 3 }) +
    circle(0, kickY, kickR - 6, { fill: headFill, stroke: metal, 'stroke-width': 6 }) +
    rods +
    circle(0, kickY - 10, 92, { fill: 'none', stroke: '#FF6B35', 'stroke-width': 5 }) +
    text(0, kickY + 4, ctx.brand.toUpperCase(), {
      'font-size': 46,
      'font-weight': 'bold',
      'text-anchor': 'middle',
      fill: '#f4f4f4',
      'letter-spacing': 4,
    }) +
    circle(kickR * 0.5, kickY + kickR * 0.45, 34, { fill: '#000', stroke: '#444', 'stroke-width': 4 });
  const toms =
    line(-40, kickY - kickR, -90, -150, { stroke: '#c0c4c8', 'stroke-width': 10 }) +
    line(40, kickY - kickR, 90, -150, { stroke: '#c0c4c8', 'stroke-width': 10 }) +
    drum(d, -115, -240, 185, 150, wrap, undefined, -8) +
    drum(d, 115, -230, 200, 165, wrap, undefined, 8);
  const floorTom =
    line(270, 260, 250, FLOOR, { stroke: '#c0c4c8', 'stroke-width': 6 }) +
    line(390, 260, 410, FLOOR, { stroke: '#c0c4c8', 'stroke-width': 6 }) +
    drum(d, 330, 60, 230, 240, wrap, undefined, 0, 5);
  const snare = stand(-340, 200) + drum(d, -340, 110, 220, 95, '#c9ced4', '#f4f1ea', -4, 5);
  const hihat =
    stand(-470, -60) +
    g(cymbalDisc(d, 105, gold), 'translate(-470 -50) scale(1 0.16)') +
    g(cymbalDisc(d, 105, gold), 'translate(-470 -66) scale(1 0.16)');
  const cymbals = cymbalOnStand(d, -300, -330, 165, gold, 0.3, -10, 100) + cymbalOnStand(d, 360, -280, 185, gold, 0.28, 8, 60);
  const shadow = ellipse(0, FLOOR + 10, 520, 36, { fill: '#000', opacity: 0.45 });
  return g(shadow + cymbals + hihat + toms + floorTom + kick + snare, 'translate(0 -20)');
}

export function drawEDrum(ctx: ArtContext): string {
  const d = ctx.defs;
  const mesh = (cx: number, cy: number, rx: number, ry: number) =>
    ellipse(cx, cy, rx, ry, { fill: '#262626' }) +
    hatchEllipse(cx, cy, rx, ry, 6, 'h', { stroke: '#3a3a3a', 'stroke-width': 1.4 }) +
    hatchEllipse(cx, cy, rx, ry, 6, 'v', { stroke: '#3a3a3a', 'stroke-width': 1.4 }) +
    ellipse(cx, cy, rx, ry, { fill: 'none', stroke: '#555', 'stroke-width': 6 });
  const pad = (x: number, top: number, w: number, angle = 0) => {
    const ry = w * 0.16;
    const h = w * 0.3;
    return g(
      path(`M ${-w / 2} 0 L ${-w / 2} ${h} A ${w / 2} ${ry} 0 0 0 ${w / 2} ${h} L ${w / 2} 0 Z`, {
        fill: d.lin(
          [
            [0, '#0a0a0a'],
            [0.4, '#3a3a3a'],
            [1, '#080808'],
          ],
          0,
          0,
          1,
          0,
        ),
      }) + mesh(0, 0, w / 2, ry),
      `translate(${x} ${top}) rotate(${angle})`,
    );
  };
  const rubber = '#262626';
  const flat = (x: number, y: number, r: number, tilt: number, angle: number) =>
    stand(x, y, FLOOR, '#3a3a3a') +
    g(
      circle(0, 0, r, {
        fill: d.rad([
          [0, '#4a4a4a'],
          [0.7, rubber],
          [1, '#0c0c0c'],
        ]),
      }) + circle(0, 0, r * 0.2, { fill: '#111' }),
      `translate(${x} ${y}) rotate(${angle}) scale(1 ${tilt})`,
    );
  const tube = (x1: number, y1: number, x2: number, y2: number) =>
    line(x1, y1, x2, y2, { stroke: '#151515', 'stroke-width': 20, 'stroke-linecap': 'round' }) +
    line(x1, y1 - 4, x2, y2 - 4, { stroke: '#4a4a4a', 'stroke-width': 4, 'stroke-linecap': 'round' });
  const rack = tube(-360, -120, -360, FLOOR) + tube(360, -120, 360, FLOOR) + tube(-400, -40, 400, -40) + tube(-400, 120, 400, 120);
  const screen = d.lin(
    [
      [0, '#ffb26b'],
      [1, '#ff6b35'],
    ],
    0,
    0,
    1,
    1,
  );
  const module =
    line(-300, -110, -300, -40, { stroke: '#222', 'stroke-width': 10 }) +
    rect(-400, -230, 200, 125, {
      rx: 12,
      fill: d.lin([
        [0, '#3a3a3a'],
        [1, '#111'],
      ]),
      stroke: '#000',
      'stroke-width': 3,
    }) +
    rect(-380, -214, 90, 46, { rx: 4, fill: screen }) +
    circle(-240, -190, 20, { fill: '#181818', stroke: '#777', 'stroke-width': 3 }) +
    [0, 1, 2, 3, 4].map((i) => rect(-382 + i * 34, -148, 26, 14, { rx: 3, fill: i === 0 ? '#ff6b35' : '#555' })).join('') +
    text(-300, -118, ctx.brand.toUpperCase(), { 'font-size': 14, 'text-anchor': 'middle', fill: '#ddd', 'letter-spacing': 2 });
  const kick =
    rect(-75, 170, 150, 230, {
      rx: 10,
      fill: d.lin(
        [
          [0, '#0c0c0c'],
          [0.5, '#333'],
          [1, '#0c0c0c'],
        ],
        0,
        0,
        1,
        0,
      ),
    }) +
    mesh(0, 250, 58, 58) +
    text(0, 370, ctx.brand.toUpperCase(), {
      'font-size': 22,
      'font-weight': 'bold',
      'text-anchor': 'middle',
      fill: '#eee',
      'letter-spacing': 3,
    }) +
    rect(-40, 390, 80, 14, { rx: 4, fill: '#9aa0a6' });
  const pads = pad(-120, -150, 170, -8) + pad(120, -150, 170, 8) + pad(300, 60, 190, 4) + stand(-300, 140) + pad(-300, 110, 200, -4);
  const cymbals = flat(-450, -30, 100, 0.18, 0) + flat(-250, -300, 140, 0.3, -10) + flat(310, -260, 160, 0.28, 8);
  const shadow = ellipse(0, FLOOR + 10, 520, 36, { fill: '#000', opacity: 0.45 });
  return g(shadow + cymbals + rack + module + pads + kick, 'translate(0 -20)');
}

export function drawCymbal(ctx: ArtContext): string {
  const d = ctx.defs;
  const label: [string, string] = [ctx.brand.toUpperCase(), ctx.model.toUpperCase()];
  if (ctx.view === 0) {
    return ellipse(18, 30, 440, 440, { fill: '#000', opacity: 0.45 }) + g(cymbalDisc(d, 430, ctx.color, label), 'rotate(-12)');
  }
  return (
    ellipse(0, 470, 260, 26, { fill: '#000', opacity: 0.5 }) +
    stand(0, -60, 460) +
    rect(-12, -120, 24, 44, { rx: 4, fill: '#c04020' }) +
    g(cymbalDisc(d, 440, ctx.color, label), 'translate(0 -90) rotate(-8) scale(1 0.38)')
  );
}

export function drawCymbalPack(ctx: ArtContext): string {
  const d = ctx.defs;
  const c = ctx.color;
  const brand = ctx.brand.toUpperCase();
  if (ctx.view === 0) {
    const one = (x: number, y: number, r: number, label: string) =>
      circle(x + 14, y + 24, r, { fill: '#000', opacity: 0.45 }) + g(cymbalDisc(d, r, c, [brand, label]), `translate(${x} ${y})`);
    return one(140, 90, 360, 'RIDE 20"') + one(-220, -120, 290, 'CRASH 16"') + one(-200, 250, 250, 'HI-HAT 14"');
  }
  return (
    ellipse(0, 470, 480, 30, { fill: '#000', opacity: 0.45 }) +
    cymbalOnStand(d, -300, 20, 170, c, 0.2, -4, 460) +
    cymbalOnStand(d, 280, -60, 230, c, 0.32, 6, 460) +
    cymbalOnStand(d, -20, -260, 200, c, 0.3, -8, 460)
  );
}
