/**
 * The executable's files (static and vendor assets, migrations, data files, and the packages
 * that must live on disk: sharp + libvips, argon2 and PGlite, whose native code and WebAssembly
 * cannot load from inside the executable) are embedded as one archive asset. At start they are
 * written once into a private cache folder keyed by the archive's hash, so an upgrade never
 * reuses stale files, and the native libraries' sha256 is checked at every start.
 */
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getAsset, getRawAsset } from 'node:sea';

/** Written by scripts/package-lib.mjs: `resources.json` lists the files packed into `resources.bin`. */
export interface ResourceEntry {
  path: string;
  offset: number;
  size: number;
  sha256: string;
  /** Native code: checked at every start, not only when written. */
  native?: boolean;
}

export interface ResourceManifest {
  /** sha256 of the archive: names the cache folder. */
  id: string;
  files: ResourceEntry[];
}

const COMPLETE_MARK = '.complete';

/**
 * A folder only this user can write to: $CACHE_DIRECTORY (systemd's CacheDirectory=), else the
 * XDG cache, else ~/.cache, else a per-user folder in the temporary directory.
 */
function cacheBase(): string {
  const fromSystemd = process.env.CACHE_DIRECTORY?.split(':')[0];
  const home = os.homedir();
  const base = fromSystemd
    ? fromSystemd
    : process.env.XDG_CACHE_HOME
      ? path.join(process.env.XDG_CACHE_HOME, 'hurtrock')
      : home && home !== '/'
        ? path.join(home, '.cache', 'hurtrock')
        : path.join(os.tmpdir(), `hurtrock-${process.getuid?.() ?? 'user'}`);
  mkdirSync(base, { recursive: true, mode: 0o700 });
  const stat = lstatSync(base);
  // Another user able to write here could swap the native libraries we are about to load.
  if (!stat.isDirectory()) throw new Error(`${base} is not a directory`);
  if (process.getuid && stat.uid !== process.getuid()) throw new Error(`${base} belongs to another user`);
  if ((stat.mode & 0o022) !== 0) throw new Error(`${base} is writable by group or others; chmod go-w it`);
  return base;
}

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

function extractTo(dir: string, manifest: ResourceManifest, archive: Buffer): void {
  // Written beside the final folder and renamed into place: a crash or a second process starting
  // at the same moment never leaves (or sees) a half-written folder.
  const staging = `${dir}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { mode: 0o700 });
  for (const entry of manifest.files) {
    const data = archive.subarray(entry.offset, entry.offset + entry.size);
    if (sha256(data) !== entry.sha256) throw new Error(`embedded file ${entry.path} is corrupt`);
    const target = path.join(staging, entry.path);
    mkdirSync(path.dirname(target), { recursive: true, mode: 0o700 });
    writeFileSync(target, data, { mode: entry.native ? 0o500 : 0o400 });
  }
  writeFileSync(path.join(staging, COMPLETE_MARK), manifest.id, { mode: 0o400 });
  try {
    renameSync(staging, dir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(path.join(dir, COMPLETE_MARK))) throw error;
  }
}

function nativesIntact(dir: string, manifest: ResourceManifest): boolean {
  if (!existsSync(path.join(dir, COMPLETE_MARK))) return false;
  return manifest.files
    .filter((e) => e.native)
    .every((e) => {
      try {
        return sha256(readFileSync(path.join(dir, e.path))) === e.sha256;
      } catch {
        return false;
      }
    });
}

/** Makes sure the embedded files are on disk, intact, and returns their folder. */
export function extractResources(): string {
  const manifest = JSON.parse(getAsset('resources.json', 'utf8')) as ResourceManifest;
  const dir = path.join(cacheBase(), manifest.id.slice(0, 16));
  if (nativesIntact(dir, manifest)) return dir;
  // Missing, half-written by an older version, or tampered with: write it again.
  if (existsSync(dir)) {
    chmodSync(dir, 0o700);
    rmSync(dir, { recursive: true, force: true });
  }
  extractTo(dir, manifest, Buffer.from(getRawAsset('resources.bin') as ArrayBuffer));
  if (!nativesIntact(dir, manifest)) throw new Error(`the files extracted to ${dir} do not match the executable`);
  return dir;
}
