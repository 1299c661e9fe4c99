/**
 * `npm run bench:flame -- <profile.cpuprofile> <out.svg> [title]`: a flame graph (SVG) of a V8 CPU
 * profile written by `node --cpu-prof`, so the cost of a request path can be read in docs/ without
 * a browser's devtools. Each frame is a function; its width is the share of samples in which it
 * was on the stack. Idle time, GC and the profiler's own frames are left out; a `focus` regex keeps
 * only the samples with a matching frame on the stack (e.g. the HTTP parser's callback: the
 * requests, not the start-up).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

interface Frame {
  name: string;
  self: number;
  total: number;
  children: Map<string, Frame>;
}

const SKIPPED = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);
const ROW = 17;
const WIDTH = 1200;
/** Narrower frames are left out (they would be invisible and make the file large). */
const MIN_WIDTH = 2;

function frameName(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url ? path.basename(url.replace(/^file:\/\//, '')) : '';
  const where = url.includes('node_modules/')
    ? /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1]
    : file
      ? `${file}:${lineNumber + 1}`
      : '';
  return `${functionName || '(anonymous)'}${where ? ` ${where}` : ''}`;
}

/** Samples folded into a tree of frames, merged by name along each path. */
export function foldProfile(profile: CpuProfile, focus?: RegExp): { root: Frame; gc: number; total: number } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const root: Frame = { name: 'all', self: 0, total: 0, children: new Map() };
  let gc = 0;
  let total = 0;
  profile.samples.forEach((id, i) => {
    const weight = profile.timeDeltas[i] ?? 0;
    const node = byId.get(id);
    if (!node) return;
    const name = node.callFrame.functionName;
    if (name === '(garbage collector)') gc += weight;
    if (SKIPPED.has(name)) return;
    const stack: ProfileNode[] = [];
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) stack.unshift(byId.get(cur)!);
    if (focus && !stack.some((n) => focus.test(frameName(n)))) return;
    total += weight;
    root.total += weight;
    let frame = root;
    for (const n of stack) {
      if (SKIPPED.has(n.callFrame.functionName)) continue;
      const key = frameName(n);
      let child = frame.children.get(key);
      if (!child) {
        child = { name: key, self: 0, total: 0, children: new Map() };
        frame.children.set(key, child);
      }
      child.total += weight;
      frame = child;
    }
    frame.self += weight;
  });
  return { root, gc, total };
}

const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function color(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  const app = !/node:|\(anonymous\) node|nm:|fastify|light-my-request|pg|preact/.test(name) && /\.(ts|tsx|js):\d+/.test(name);
  return app ? `hsl(${20 + (hash % 20)}, 85%, ${55 + (hash % 15)}%)` : `hsl(${40 + (hash % 25)}, 70%, ${62 + (hash % 12)}%)`;
}

export function flameSvg(profile: CpuProfile, title: string, focus?: RegExp): string {
  const { root, total } = foldProfile(profile, focus);
  const rects: string[] = [];
  const visible = (frame: Frame) => (frame.total / root.total) * WIDTH >= MIN_WIDTH;
  const depthOf = (frame: Frame): number => Math.max(0, ...[...frame.children.values()].filter(visible).map((c) => 1 + depthOf(c)));
  const depth = depthOf(root);
  // Flames grow upwards: the root is the bottom row.
  const place = (frame: Frame, x: number, level: number) => {
    const width = (frame.total / root.total) * WIDTH;
    if (width < MIN_WIDTH) return;
    const y = (depth - level) * ROW;
    const share = ((100 * frame.total) / root.total).toFixed(1);
    const label = width > 40 ? xmlText(frame.name).slice(0, Math.floor(width / 6.5)) : '';
    rects.push(
      `<g><title>${xmlText(frame.name)} (${share}%)</title><rect x="${x.toFixed(1)}" y="${y}" width="${width.toFixed(1)}" ` +
        `height="${ROW - 1}" fill="${color(frame.name)}"/><text x="${(x + 3).toFixed(1)}" y="${y + 12}">${label}</text></g>`,
    );
    let childX = x;
    for (const child of [...frame.children.values()].sort((a, b) => b.total - a.total)) {
      place(child, childX, level + 1);
      childX += (child.total / root.total) * WIDTH;
    }
  };
  place(root, 0, 0);
  const height = (depth + 1) * ROW;
  const heading = `${xmlText(title)} — ${(total / 1000).toFixed(0)} ms of samples${focus ? ` under /${xmlText(focus.source)}/` : ''}`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height + 30}" font-family="monospace" font-size="11">` +
    `<text x="0" y="14" font-size="13">${heading}</text><g transform="translate(0,24)">${rects.join('')}</g></svg>\n`
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const [input, output, title = 'CPU profile', focus] = process.argv.slice(2);
  if (!input || !output) throw new Error('usage: bench/flamegraph.ts <profile.cpuprofile> <out.svg> [title] [focus regex]');
  const profile = JSON.parse(readFileSync(input, 'utf8')) as CpuProfile;
  writeFileSync(output, flameSvg(profile, title, focus ? new RegExp(focus) : undefined));
}
