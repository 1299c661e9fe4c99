// `npm run package:deb`: dist/pkg/hurtrock_<version>_amd64.deb with plain dpkg-deb (no fpm, no
// debhelper): the executable from `npm run package` (built first if missing), the hardened unit,
// the env file as a conffile and the maintainer scripts from deploy/.
// DEB_COMPRESSION=zstd builds in a second instead of ~40 s (dpkg ≥ 1.21.18 reads it; Debian 11 does not).
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { root } from './build-lib.mjs';
import { pkgDir, version } from './package-lib.mjs';

const started = Date.now();
const executable = path.join(pkgDir, 'hurtrock');
if (!existsSync(executable)) execFileSync(process.execPath, [path.join(root, 'scripts/package.mjs')], { stdio: 'inherit' });

const stage = path.join(pkgDir, 'deb-root');
const output = path.join(pkgDir, `hurtrock_${version}_amd64.deb`);
rmSync(stage, { recursive: true, force: true });

/** Copies `from` (relative to the repository) to `to` (absolute path in the package) with `mode`. */
function put(from, to, mode) {
  const target = path.join(stage, to);
  mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
  copyFileSync(path.isAbsolute(from) ? from : path.join(root, from), target);
  chmodSync(target, mode);
}

put(executable, '/opt/hurtrock/hurtrock', 0o755);
put('deploy/hurtrock.service', '/usr/lib/systemd/system/hurtrock.service', 0o644);
// Secrets go in here at install: never world-readable, even before postinst sets the group.
put('deploy/hurtrock.env', '/etc/hurtrock/hurtrock.env', 0o640);
put('docs/operations.md', '/usr/share/doc/hurtrock/operations.md', 0o644);
put('deploy/nginx/hurtrock.conf', '/usr/share/doc/hurtrock/examples/nginx-hurtrock.conf', 0o644);
mkdirSync(path.join(stage, 'usr/bin'), { recursive: true });
// `hurtrock migrate`, `hurtrock --version` for the operator (with the service's env file: see the docs).
symlinkSync('/opt/hurtrock/hurtrock', path.join(stage, 'usr/bin/hurtrock'));

for (const script of ['postinst', 'prerm', 'postrm']) put(`deploy/debian/${script}`, `/DEBIAN/${script}`, 0o755);
put('deploy/debian/conffiles', '/DEBIAN/conffiles', 0o644);
const installedKb = Math.ceil(
  execFileSync('du', ['-sk', '--apparent-size', '--exclude=DEBIAN', stage], { encoding: 'utf8' }).split('\t')[0] * 1,
);
const control = readFileSync(path.join(root, 'deploy/debian/control.in'), 'utf8')
  .replace('@VERSION@', version)
  .replace('@INSTALLED_SIZE@', String(installedKb));
writeFileSync(path.join(stage, 'DEBIAN/control'), control, { mode: 0o644 });
// dpkg-deb refuses group/world-writable control folders whatever the umask was.
for (const dir of execFileSync('find', [stage, '-type', 'd'], { encoding: 'utf8' }).trim().split('\n')) chmodSync(dir, 0o755);

const compression = process.env.DEB_COMPRESSION ?? 'xz';
execFileSync('dpkg-deb', ['--root-owner-group', `-Z${compression}`, '--build', stage, output], { stdio: ['ignore', 'ignore', 'inherit'] });
rmSync(stage, { recursive: true, force: true });
console.log(
  `[package:deb] ${path.relative(process.cwd(), output)}: ${(statSync(output).size / 1e6).toFixed(1)} MB (${compression}), ` +
    `built in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
