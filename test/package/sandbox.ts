/**
 * Runs the executable the way a server without Node.js would: in a private mount namespace where
 * the test's own node binary is replaced by /dev/null and Node's folders (and the repository's
 * node_modules) are empty, with a PATH that lists no folder holding a `node`. Needs root (CI is).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import path from 'node:path';

export const root = path.resolve(import.meta.dirname, '../..');
export const executable = path.join(root, 'dist/pkg/hurtrock');

const SYSTEM_BIN = new Set(['/usr/bin', '/bin', '/usr/local/bin', '/usr/sbin', '/sbin', '/usr/local/sbin']);

function which(command: string): string {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const candidate = path.join(dir, command);
    if (dir && existsSync(candidate)) return candidate;
  }
  throw new Error(`${command} not found`);
}

/** The mounts that make Node.js unreachable: [what to hide, how]. */
function hidingMounts(): string[] {
  const nodeBinary = realpathSync(process.execPath);
  const nodeDir = path.dirname(nodeBinary);
  const mount = which('mount');
  const mounts = [`${mount} --bind /dev/null ${nodeBinary}`];
  // A private Node install (nvm, a tarball): hide its whole folder; a system one: the binary and its libraries.
  const folders = SYSTEM_BIN.has(nodeDir) ? [] : [path.dirname(nodeDir)];
  folders.push('/usr/lib/node_modules', '/usr/local/lib/node_modules', '/usr/share/nodejs', '/usr/include/node');
  folders.push(path.join(root, 'node_modules'));
  for (const folder of folders) if (existsSync(folder)) mounts.push(`${mount} -t tmpfs -o size=1m,mode=755 none ${folder}`);
  return mounts;
}

/** PATH without any folder that holds a `node` (the folders stay usable by absolute path). */
export function pathWithoutNode(): string {
  return (process.env.PATH ?? '')
    .split(':')
    .filter((dir) => dir && !existsSync(path.join(dir, 'node')))
    .join(':');
}

export function canSandbox(): boolean {
  return process.getuid?.() === 0 && spawnSync(which('unshare'), ['--mount', 'true']).status === 0;
}

/** Starts `command args…` inside the sandbox with exactly `env` (plus the cleaned PATH). */
export function spawnWithoutNode(command: string, args: string[], opts: { env: Record<string, string>; cwd: string }): ChildProcess {
  const script = `${hidingMounts().join(' && ')} && exec "$0" "$@"`;
  return spawn(which('unshare'), ['--mount', '--propagation', 'private', '--', which('sh'), '-c', script, command, ...args], {
    cwd: opts.cwd,
    env: { ...opts.env, PATH: pathWithoutNode() },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Runs a shell snippet in the same sandbox (to prove node is unreachable there). */
export function runInSandbox(snippet: string, cwd: string): { status: number | null; output: string } {
  const script = `${hidingMounts().join(' && ')} && ${snippet}`;
  const result = spawnSync(which('unshare'), ['--mount', '--propagation', 'private', '--', which('sh'), '-c', script], {
    cwd,
    env: { PATH: pathWithoutNode() },
    encoding: 'utf8',
  });
  return { status: result.status, output: result.stdout + result.stderr };
}
