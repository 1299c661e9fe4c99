#!/usr/bin/env bash
# `npm run test:package:install` (root; also the last step of `npm run test:package`): the .deb in a minimal Debian 12 root booted with
# systemd-nspawn (its own network namespace, so nothing on the host's ports is touched):
# install → service active, /healthz 200, secrets generated, `systemd-analyze security` ≤ 2.0;
# upgrade → restarted, data kept; remove → config and data kept; purge → config gone, data kept.
# debootstrap and systemd-nspawn come from Debian's own packages (apt-get download, unpacked
# without installing) when the machine lacks them; the pristine root is cached between runs.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
VERSION=$(node -p 'require("./package.json").version' 2>/dev/null || sed -n 's/^  "version": "\(.*\)",$/\1/p' package.json)
DEB="$PWD/dist/pkg/hurtrock_${VERSION}_amd64.deb"
[[ -f "$DEB" ]] || { echo "no $DEB: run npm run package:deb first"; exit 1; }
if [[ "$(id -u)" -ne 0 ]]; then
  # `npm run test:package` passes --if-possible: a developer without root still gets the other checks.
  [[ "${1:-}" == "--if-possible" ]] && { echo "[install-test] skipped: needs root (dpkg --root, systemd-nspawn)"; exit 0; }
  echo "needs root (dpkg --root, systemd-nspawn)"; exit 1
fi

CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/hurtrock-nspawn"
WORK=$(mktemp -d /var/tmp/hurtrock-nspawn.XXXXXX)
ROOT="$WORK/root"
NSPAWN_PID=""
say() { printf '[install-test] %s\n' "$*"; }
fail() { say "FAILED: $*"; exit 1; }

cleanup() {
  if [[ -n "$NSPAWN_PID" ]] && kill -0 "$NSPAWN_PID" 2>/dev/null; then
    kill -TERM "$NSPAWN_PID" 2>/dev/null || true   # SIGTERM to systemd-nspawn = clean shutdown of the container
    for _ in $(seq 1 30); do kill -0 "$NSPAWN_PID" 2>/dev/null || break; sleep 1; done
    kill -KILL "$NSPAWN_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK"
}
trap cleanup EXIT

# --- tools ---------------------------------------------------------------------------------------
tool() { # name, package, path inside the package
  if command -v "$1" >/dev/null; then command -v "$1"; return; fi
  if [[ ! -x "$CACHE/tools/$3" ]]; then
    mkdir -p "$CACHE/dl" && (cd "$CACHE/dl" && apt-get download "$2" >/dev/null 2>&1)
    dpkg-deb -x "$(ls "$CACHE"/dl/"$2"_*.deb | head -1)" "$CACHE/tools"
  fi
  echo "$CACHE/tools/$3"
}
DEBOOTSTRAP=$(tool debootstrap debootstrap usr/sbin/debootstrap)
NSPAWN=$(tool systemd-nspawn systemd-container usr/bin/systemd-nspawn)
[[ "$DEBOOTSTRAP" == "$CACHE"/* ]] && export DEBOOTSTRAP_DIR="$CACHE/tools/usr/share/debootstrap"

# --- a fresh Debian root -------------------------------------------------------------------------
if [[ ! -f "$CACHE/bookworm-minbase.tar" ]]; then
  say "debootstrap (once, cached in $CACHE)"
  mkdir -p "$CACHE"
  "$DEBOOTSTRAP" --variant=minbase --include=systemd,systemd-sysv,dbus,adduser,curl bookworm "$WORK/pristine" \
    http://deb.debian.org/debian >"$WORK/debootstrap.log" 2>&1 || { tail -20 "$WORK/debootstrap.log"; fail debootstrap; }
  tar -C "$WORK/pristine" -cf "$CACHE/bookworm-minbase.tar" . && rm -rf "$WORK/pristine"
fi
mkdir -p "$ROOT" && tar -C "$ROOT" -xf "$CACHE/bookworm-minbase.tar"

# The upgrade: the same package with a higher version.
mkdir "$WORK/v2" && dpkg-deb -R "$DEB" "$WORK/v2/pkg"
sed -i "s/^Version: .*/Version: ${VERSION}+upgrade1/" "$WORK/v2/pkg/DEBIAN/control"
dpkg-deb --root-owner-group -Zzstd -b "$WORK/v2/pkg" "$ROOT/root/hurtrock-upgrade.deb" >/dev/null

# --- install (maintainer scripts run chrooted in the root, never on the host) ---------------------
say "install"
dpkg --root="$ROOT" -i "$DEB" >"$WORK/install.log" 2>&1 || { cat "$WORK/install.log"; fail "dpkg -i"; }
ENV_FILE="$ROOT/etc/hurtrock/hurtrock.env"
[[ "$(chroot "$ROOT" stat -c '%a %U:%G' /etc/hurtrock/hurtrock.env)" == "640 root:hurtrock" ]] || fail "env file mode/owner"
for v in SESSION_SECRET CHAT_TOKEN_SECRET ADMIN_PASSWORD; do grep -Eq "^$v=[A-Za-z0-9]{48}$" "$ENV_FILE" || fail "$v not generated"; done
chroot "$ROOT" getent passwd hurtrock >/dev/null || fail "no hurtrock user"
sed -i 's|^PUBLIC_URL=$|PUBLIC_URL=http://127.0.0.1:5000\nALLOW_HTTP=true|' "$ENV_FILE"

# --- boot ----------------------------------------------------------------------------------------
say "boot"
"$NSPAWN" -D "$ROOT" --register=no --keep-unit --private-network -b >"$WORK/boot.log" 2>&1 </dev/null &
NSPAWN_PID=$!
INIT=""
for _ in $(seq 1 50); do INIT=$(pgrep -P "$NSPAWN_PID" systemd || true); [[ -n "$INIT" ]] && break; sleep 0.2; done
[[ -n "$INIT" ]] || { cat "$WORK/boot.log"; fail "container did not boot"; }
inside() { nsenter -t "$INIT" -a "$@"; }

healthy() {
  for _ in $(seq 1 120); do
    [[ "$(inside curl -s -o /dev/null -w '%{http_code}' 127.0.0.1:5000/healthz 2>/dev/null)" == 200 ]] && return 0
    sleep 1
  done
  inside journalctl -u hurtrock --no-pager | tail -30
  return 1
}
healthy || fail "/healthz not 200 after install"
inside systemctl is-active --quiet hurtrock || fail "service not active"
say "active, /healthz 200"
score=$(inside systemd-analyze security hurtrock --no-pager | sed -n 's/.*Overall exposure level for hurtrock.service: \([0-9.]*\).*/\1/p')
say "systemd-analyze security: $score"
awk -v s="$score" 'BEGIN { exit !(s != "" && s <= 2.0) }' || fail "exposure $score > 2.0"
[[ -f "$ROOT/var/lib/hurtrock/store-db/PG_VERSION" ]] || fail "no store database in /var/lib/hurtrock"

# --- upgrade -------------------------------------------------------------------------------------
say "upgrade"
before=$(inside systemctl show -p MainPID --value hurtrock)
inside dpkg -i /root/hurtrock-upgrade.deb >"$WORK/upgrade.log" 2>&1 || { cat "$WORK/upgrade.log"; fail "upgrade"; }
healthy || fail "/healthz not 200 after upgrade"
after=$(inside systemctl show -p MainPID --value hurtrock)
[[ "$before" != "$after" ]] || fail "service not restarted by the upgrade"
# The admin account is created once: a second "created" would mean the database was lost.
[[ "$(inside journalctl -u hurtrock --no-pager | grep -c 'Admin account created')" == 1 ]] || fail "data not kept"
say "restarted ($before → $after), data kept"

# --- remove, purge -------------------------------------------------------------------------------
say "remove"
inside dpkg -r hurtrock >"$WORK/remove.log" 2>&1 || { cat "$WORK/remove.log"; fail "remove"; }
inside systemctl is-active --quiet hurtrock && fail "still running after remove"
[[ -f "$ENV_FILE" && -d "$ROOT/var/lib/hurtrock/store-db" && ! -e "$ROOT/opt/hurtrock/hurtrock" ]] || fail "remove: config/data/program"
say "purge"
inside dpkg -P hurtrock >"$WORK/purge.log" 2>&1 || { cat "$WORK/purge.log"; fail "purge"; }
[[ ! -e "$ENV_FILE" && ! -e "$ROOT/var/cache/hurtrock" ]] || fail "purge left the configuration or the cache"
[[ -d "$ROOT/var/lib/hurtrock/store-db" ]] || fail "purge removed the shop's data"
say "all good"
