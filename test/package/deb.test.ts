/**
 * The .deb from `npm run package:deb`, read with dpkg-deb: where every file goes and with which
 * owner and mode, the conffile, the maintainer scripts and the unit's hardening. The install /
 * upgrade / purge run in a Debian root under systemd-nspawn is described in docs/operations.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { root } from './sandbox';

const version = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).version as string;
const deb = path.join(root, `dist/pkg/hurtrock_${version}_amd64.deb`);
const hasDpkg = spawnSync('dpkg-deb', ['--version']).status === 0;
const extracted = mkdtempSync(path.join(os.tmpdir(), 'hurtrock-deb-'));
afterAll(() => rmSync(extracted, { recursive: true, force: true }));

const dpkgDeb = (...args: string[]) => execFileSync('dpkg-deb', args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

/** `dpkg-deb -c` as { path → "mode owner/group" }. */
function contents(): Map<string, string> {
  const entries = new Map<string, string>();
  for (const line of dpkgDeb('-c', deb).trim().split('\n')) {
    const [mode, owner, , , , ...rest] = line.split(/\s+/);
    const name = rest
      .join(' ')
      .replace(/^\.\//, '/')
      .replace(/ -> .*$/, '');
    entries.set(name.length > 1 ? name.replace(/\/$/, '') : name, `${mode} ${owner}`);
  }
  return entries;
}

describe.skipIf(!hasDpkg || !existsSync(deb))('the .deb', () => {
  it('declares the package, its dependencies and its conffile', () => {
    const info = dpkgDeb('-I', deb);
    expect(info).toMatch(/^ Package: hurtrock$/m);
    expect(info).toMatch(new RegExp(`^ Version: ${version.replace(/\./g, '\\.')}$`, 'm'));
    expect(info).toMatch(/^ Architecture: amd64$/m);
    expect(info).toMatch(/^ Depends: libc6 \(>= 2\.28\), libstdc\+\+6, libgcc-s1, adduser, init-system-helpers$/m);
    for (const script of ['postinst', 'prerm', 'postrm', 'conffiles', 'control']) expect(info).toContain(` ${script}`);
    expect(dpkgDeb('-I', deb, 'conffiles').trim()).toBe('/etc/hurtrock/hurtrock.env');
  });

  it('places every file with its owner and mode; the env file is never world-readable', () => {
    const files = contents();
    expect(files.get('/opt/hurtrock/hurtrock')).toBe('-rwxr-xr-x root/root');
    expect(files.get('/usr/lib/systemd/system/hurtrock.service')).toBe('-rw-r--r-- root/root');
    expect(files.get('/etc/hurtrock/hurtrock.env')).toBe('-rw-r----- root/root');
    expect(files.get('/usr/share/doc/hurtrock/operations.md')).toBe('-rw-r--r-- root/root');
    expect(files.get('/usr/share/doc/hurtrock/examples/nginx-hurtrock.conf')).toBe('-rw-r--r-- root/root');
    expect(files.get('/usr/bin/hurtrock')).toMatch(/^l/);
    for (const [name, meta] of files) {
      expect(meta, name).toMatch(/ root\/root$/);
      // Symlinks always show rwxrwxrwx; their target's mode is what counts.
      if (!meta.startsWith('l')) expect(meta.slice(0, 10), name).not.toMatch(/^.{8}w/);
    }
    // Data and cache come from systemd (StateDirectory=, CacheDirectory=), not from the package.
    expect([...files.keys()].some((f) => f.startsWith('/var/'))).toBe(false);
  });

  it('ships maintainer scripts that parse, create the user, generate secrets and keep data on purge', () => {
    execFileSync('dpkg-deb', ['-e', deb, path.join(extracted, 'DEBIAN')]);
    for (const script of ['postinst', 'prerm', 'postrm']) {
      expect(spawnSync('sh', ['-n', path.join(extracted, 'DEBIAN', script)]).status, script).toBe(0);
    }
    const postinst = readFileSync(path.join(extracted, 'DEBIAN/postinst'), 'utf8');
    expect(postinst).toContain('adduser --system --group');
    for (const secret of ['SESSION_SECRET', 'CHAT_TOKEN_SECRET', 'ADMIN_PASSWORD']) expect(postinst).toContain(`fill_secret ${secret}`);
    expect(postinst).toMatch(/chmod 0640 "\$ENV_FILE"/);
    expect(postinst).toContain("deb-systemd-invoke restart 'hurtrock.service'");
    const postrm = readFileSync(path.join(extracted, 'DEBIAN/postrm'), 'utf8');
    expect(postrm).toMatch(/if \[ "\$\{HURTROCK_PURGE_DATA:-\}" = "yes" \]; then\s+rm -rf \/var\/lib\/hurtrock/);
  });

  it('runs the service hardened, never with MemoryDenyWriteExecute', () => {
    execFileSync('dpkg-deb', ['-x', deb, extracted]);
    const unit = readFileSync(path.join(extracted, 'usr/lib/systemd/system/hurtrock.service'), 'utf8');
    for (const directive of [
      'User=hurtrock',
      'EnvironmentFile=/etc/hurtrock/hurtrock.env',
      'ExecStart=/opt/hurtrock/hurtrock',
      'StateDirectory=hurtrock',
      'CacheDirectory=hurtrock',
      'ProtectSystem=strict',
      'NoNewPrivileges=yes',
      'CapabilityBoundingSet=',
      'SystemCallFilter=@system-service',
      'PrivateTmp=yes',
      'ProtectHome=yes',
      'Restart=on-failure',
      'RestartPreventExitStatus=78',
    ]) {
      expect(unit.split('\n'), directive).toContain(directive);
    }
    expect(unit).not.toMatch(/^MemoryDenyWriteExecute/m);
    expect(unit).not.toMatch(/^ProcSubset/m);
    const env = readFileSync(path.join(extracted, 'etc/hurtrock/hurtrock.env'), 'utf8');
    // Empty in the package: postinst fills them at first install, so no two shops share a secret.
    expect(env).toMatch(/^SESSION_SECRET=$/m);
    expect(env).toMatch(/^CHAT_TOKEN_SECRET=$/m);
    expect(env).toMatch(/^DATA_DIR=\/var\/lib\/hurtrock$/m);
  });
});
