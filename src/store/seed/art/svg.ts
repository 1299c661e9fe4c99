/** Small SVG toolkit for the product artwork: colours, gradients, shapes. No I/O. */

export type Stop = [offset: number, color: string, opacity?: number];

/** Collects <defs> (gradients, patterns) for one SVG document; ids are unique within it. */
export class Defs {
  private readonly parts: string[] = [];
  private next = 0;

  add(make: (id: string) => string): string {
    const id = `d${this.next++}`;
    this.parts.push(make(id));
    return `url(#${id})`;
  }

  /** Linear gradient in object units (0..1) unless `user` is set. */
  lin(stops: Stop[], x1 = 0, y1 = 0, x2 = 0, y2 = 1, user = false): string {
    const units = user ? ' gradientUnits="userSpaceOnUse"' : '';
    return this.add(
      (id) => `<linearGradient id="${id}" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}"${units}>${stopsXml(stops)}</linearGradient>`,
    );
  }

  rad(stops: Stop[], cx = 0.5, cy = 0.5, r = 0.5, fx = cx, fy = cy, user = false): string {
    const units = user ? ' gradientUnits="userSpaceOnUse"' : '';
    return this.add(
      (id) => `<radialGradient id="${id}" cx="${cx}" cy="${cy}" r="${r}" fx="${fx}" fy="${fy}"${units}>${stopsXml(stops)}</radialGradient>`,
    );
  }

  xml(): string {
    return `<defs>${this.parts.join('')}</defs>`;
  }
}

function stopsXml(stops: Stop[]): string {
  return stops.map(([o, c, a]) => `<stop offset="${o}" stop-color="${c}"${a === undefined ? '' : ` stop-opacity="${a}"`}/>`).join('');
}

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

/** FNV-1a, 32 bit: a stable number from a string (SKU → colour, angle). */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

function rgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  const full =
    h.length === 3
      ? h
          .split('')
          .map((c) => c + c)
          .join('')
      : h;
  const n = parseInt(full, 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function toHex([r, g, b]: [number, number, number]): string {
  const c = (v: number) =>
    Math.max(0, Math.min(255, Math.round(v)))
      .toString(16)
      .padStart(2, '0');
  return `#${c(r)}${c(g)}${c(b)}`;
}

export function mix(a: string, b: string, t: number): string {
  const x = rgb(a);
  const y = rgb(b);
  return toHex([x[0] + (y[0] - x[0]) * t, x[1] + (y[1] - x[1]) * t, x[2] + (y[2] - x[2]) * t]);
}

/** amount > 0 lightens towards white, < 0 darkens towards black. */
export function shade(hex: string, amount: number): string {
  return amount >= 0 ? mix(hex, '#ffffff', amount) : mix(hex, '#000000', -amount);
}

export function luminance(hex: string): number {
  const [r, g, b] = rgb(hex);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}

/** Attributes helper: `{ fill: 'red', 'stroke-width': 2 }` → ` fill="red" stroke-width="2"`. */
export function attrs(a: Record<string, string | number | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('');
}

export const rect = (x: number, y: number, w: number, h: number, a: Record<string, string | number | undefined> = {}) =>
  `<rect x="${r2(x)}" y="${r2(y)}" width="${r2(w)}" height="${r2(h)}"${attrs(a)}/>`;
export const circle = (cx: number, cy: number, r: number, a: Record<string, string | number | undefined> = {}) =>
  `<circle cx="${r2(cx)}" cy="${r2(cy)}" r="${r2(r)}"${attrs(a)}/>`;
export const ellipse = (cx: number, cy: number, rx: number, ry: number, a: Record<string, string | number | undefined> = {}) =>
  `<ellipse cx="${r2(cx)}" cy="${r2(cy)}" rx="${r2(rx)}" ry="${r2(ry)}"${attrs(a)}/>`;
export const line = (x1: number, y1: number, x2: number, y2: number, a: Record<string, string | number | undefined> = {}) =>
  `<line x1="${r2(x1)}" y1="${r2(y1)}" x2="${r2(x2)}" y2="${r2(y2)}"${attrs(a)}/>`;
export const path = (d: string, a: Record<string, string | number | undefined> = {}) => `<path d="${d}"${attrs(a)}/>`;
export const poly = (pts: [number, number][], a: Record<string, string | number | undefined> = {}) =>
  `<polygon points="${pts.map(([x, y]) => `${r2(x)},${r2(y)}`).join(' ')}"${attrs(a)}/>`;
export const text = (x: number, y: number, body: string, a: Record<string, string | number | undefined> = {}) =>
  `<text x="${r2(x)}" y="${r2(y)}"${attrs({ 'font-family': 'DejaVu Sans, Arial, sans-serif', ...a })}>${esc(body)}</text>`;
export const g = (body: string, transform?: string, a: Record<string, string | number | undefined> = {}) =>
  `<g${transform ? ` transform="${transform}"` : ''}${attrs(a)}>${body}</g>`;

export const r2 = (n: number) => Math.round(n * 100) / 100;

type Attrs = Record<string, string | number | undefined>;

/**
 * Parallel lines filling a rectangle, as one path. (Textures are drawn with lines, not <pattern>:
 * librsvg renders patterns tile by tile under a scaled or rotated transform, which is very slow.)
 */
export function hatchRect(x: number, y: number, w: number, h: number, step: number, dir: 'h' | 'v', a: Attrs): string {
  let d = '';
  if (dir === 'h') for (let yy = y + step / 2; yy < y + h; yy += step) d += `M${r2(x)} ${r2(yy)}H${r2(x + w)}`;
  else for (let xx = x + step / 2; xx < x + w; xx += step) d += `M${r2(xx)} ${r2(y)}V${r2(y + h)}`;
  return `<path d="${d}" fill="none"${attrs(a)}/>`;
}

/** Parallel chords filling an ellipse, as one path; `rotate` (degrees) only makes sense for circles. */
export function hatchEllipse(cx: number, cy: number, rx: number, ry: number, step: number, dir: 'h' | 'v', a: Attrs, rotate = 0): string {
  let d = '';
  if (dir === 'h') {
    for (let yy = -ry + step / 2; yy < ry; yy += step) {
      const hw = rx * Math.sqrt(1 - (yy / ry) ** 2);
      d += `M${r2(-hw)} ${r2(yy)}H${r2(hw)}`;
    }
  } else {
    for (let xx = -rx + step / 2; xx < rx; xx += step) {
      const hh = ry * Math.sqrt(1 - (xx / rx) ** 2);
      d += `M${r2(xx)} ${r2(-hh)}V${r2(hh)}`;
    }
  }
  return `<path d="${d}" fill="none" transform="translate(${r2(cx)} ${r2(cy)})${rotate ? ` rotate(${rotate})` : ''}"${attrs(a)}/>`;
}

/** A chrome/metal gradient running across an object. */
export function chrome(defs: Defs, horizontal = true, tint = '#d9dde2'): string {
  const stops: Stop[] = [
    [0, shade(tint, -0.45)],
    [0.3, shade(tint, 0.5)],
    [0.5, tint],
    [0.7, shade(tint, -0.25)],
    [1, shade(tint, 0.3)],
  ];
  return horizontal ? defs.lin(stops, 0, 0, 1, 0) : defs.lin(stops, 0, 0, 0, 1);
}

/** A knob seen from above: skirt, cap, pointer. */
export function knob(defs: Defs, cx: number, cy: number, r: number, cap = '#1b1b1b', angle = -40, pointer = '#f2f2f2'): string {
  const capFill = defs.rad(
    [
      [0, shade(cap, 0.35)],
      [1, shade(cap, -0.3)],
    ],
    0.35,
    0.3,
    0.8,
  );
  const a = ((angle - 90) * Math.PI) / 180;
  return (
    circle(cx, cy + r * 0.08, r * 1.08, { fill: '#000', opacity: 0.45 }) +
    circle(cx, cy, r, { fill: capFill, stroke: shade(cap, -0.5), 'stroke-width': r * 0.06 }) +
    line(cx + Math.cos(a) * r * 0.25, cy + Math.sin(a) * r * 0.25, cx + Math.cos(a) * r * 0.85, cy + Math.sin(a) * r * 0.85, {
      stroke: pointer,
      'stroke-width': Math.max(2, r * 0.14),
      'stroke-linecap': 'round',
    })
  );
}

/**
 * A box in three-quarter view: front face at (x, y, w, h), depth shown as a top face and a
 * side face offset by (dx, -dy) (right side when dx > 0, left side when dx < 0). `front` is drawn on top of the front face.
 */
export function box3d(
  x: number,
  y: number,
  w: number,
  h: number,
  dx: number,
  dy: number,
  faces: { front: string; top: string; side: string; stroke?: string },
  front = '',
  radius = 0,
): string {
  const s = faces.stroke ? { stroke: faces.stroke, 'stroke-width': 2, 'stroke-linejoin': 'round' } : {};
  return (
    poly(
      [
        [x, y],
        [x + w, y],
        [x + w + dx, y - dy],
        [x + dx, y - dy],
      ],
      { fill: faces.top, ...s },
    ) +
    (dx >= 0
      ? poly(
          [
            [x + w, y],
            [x + w + dx, y - dy],
            [x + w + dx, y + h - dy],
            [x + w, y + h],
          ],
          { fill: faces.side, ...s },
        )
      : poly(
          [
            [x, y],
            [x + dx, y - dy],
            [x + dx, y + h - dy],
            [x, y + h],
          ],
          { fill: faces.side, ...s },
        )) +
    rect(x, y, w, h, { fill: faces.front, rx: radius, ...s }) +
    front
  );
}
