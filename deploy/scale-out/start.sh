#!/usr/bin/env bash
# Several store and chat instances on one PostgreSQL and one Redis, behind nginx, on one machine
# (PRODUCT X6; docs/scale-out.md). Runs in the foreground until Ctrl-C / SIGTERM, then stops
# nginx and every instance. Needs `npm run build` (dist/) and nginx (Debian's, /usr/sbin/nginx).
#
#   DATABASE_URL=postgres://… REDIS_URL=redis://… deploy/scale-out/start.sh
#   RUN_DIR=… STORE_PORTS=… CHAT_PORTS=… deploy/scale-out/start.sh --render-only   (nginx.conf only)
#
# Settings, from the environment:
#   DATABASE_URL, REDIS_URL  required; CHAT_DATABASE_URL defaults to DATABASE_URL (the chat's
#                            tables and migrations table carry their own prefix)
#   STORE_PORTS="5001 5002"  one store instance per port (loopback)
#   CHAT_PORTS="8001 8002"   one chat instance per port (loopback)
#   LISTEN_HOST=127.0.0.1 LISTEN_PORT=8080   where nginx listens; PUBLIC_URL defaults to it
#   CHAT_LB_PORT=8090        nginx's loopback listener that balances the chats for the stores
#   RUN_DIR                  nginx's prefix, logs, each instance's DATA_DIR (mail outbox) and
#                            state.env; a new temporary folder by default, removed at exit
#   UPLOAD_DIR               the one upload folder of every store ($RUN_DIR/uploads by default;
#                            the folder driver keeps private files in private-uploads/ beside it)
#   SESSION_SECRET, CHAT_TOKEN_SECRET   every instance gets the same; generated for this run when
#                            unset (set them for a real shop: they must survive a restart, and
#                            payment keys saved in the back office are sealed with SESSION_SECRET)
#   KEEP_RUN_DIR=1           keep the temporary RUN_DIR (logs) after stopping
#   NGINX=/usr/sbin/nginx
# Anything else (ADMIN_PASSWORD, SAMPLE_DATA, METRICS_TOKEN, LOG_LEVEL, SMTP_URL, …) reaches every
# instance unchanged. Production mode (NODE_ENV=production) over plain HTTP unless told otherwise.
#
# When everything answers /readyz it writes $RUN_DIR/state.env (URLs and process ids, for tests
# and benchmarks) and prints "scale-out ready: <url>". An instance that dies is reported, not
# restarted: in production a supervisor (systemd, one unit per instance) restarts it.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
TEMPLATE="$ROOT/deploy/scale-out/nginx.conf.template"
NGINX="${NGINX:-/usr/sbin/nginx}"
STOP_TIMEOUT_S=20
READY_TIMEOUT_S="${READY_TIMEOUT_S:-180}"

say() { printf '[scale-out] %s\n' "$*" >&2 || true; }
die() { say "ERROR: $*"; exit 1; }

# --render-only: write $RUN_DIR/nginx/nginx.conf for these ports and exit (the test of nginx's
# retry rules runs it in front of stand-in instances).
RENDER_ONLY=0
[[ "${1:-}" == "--render-only" ]] && RENDER_ONLY=1

[[ -x "$NGINX" ]] || die "nginx not found at $NGINX (apt-get install nginx, or set NGINX)"
if [[ "$RENDER_ONLY" == 0 ]]; then
  [[ -n "${DATABASE_URL:-}" ]] || die "DATABASE_URL is required (postgres://…): the instances share one database"
  [[ -n "${REDIS_URL:-}" ]] || die "REDIS_URL is required (redis://…): sessions, rate limits and chat fan-out are shared through it"
  [[ -f "$ROOT/dist/store/main.js" && -f "$ROOT/dist/chat/main.js" ]] || die "dist/ is missing: run npm run build first"
  [[ -x "$ROOT/node_modules/.bin/tsx" ]] || die "node_modules/.bin/tsx is missing (npm ci): it runs the migrations"
else
  [[ -n "${RUN_DIR:-}" ]] || die "--render-only needs RUN_DIR"
fi

read -r -a STORE_PORT_LIST <<<"${STORE_PORTS:-5001 5002}"
read -r -a CHAT_PORT_LIST <<<"${CHAT_PORTS:-8001 8002}"
LISTEN_HOST="${LISTEN_HOST:-127.0.0.1}"
LISTEN_PORT="${LISTEN_PORT:-8080}"
CHAT_LB_PORT="${CHAT_LB_PORT:-8090}"
[[ ${#STORE_PORT_LIST[@]} -ge 1 && ${#CHAT_PORT_LIST[@]} -ge 1 ]] || die "STORE_PORTS and CHAT_PORTS need a port each at least"

OWN_RUN_DIR=0
if [[ -z "${RUN_DIR:-}" ]]; then
  RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/hurtrock-scale-out.XXXXXX")"
  OWN_RUN_DIR=1
fi
mkdir -p "$RUN_DIR"
RUN_DIR="$(cd "$RUN_DIR" && pwd)"
LOG_DIR="$RUN_DIR/logs"
NGINX_DIR="$RUN_DIR/nginx"
UPLOAD_DIR="${UPLOAD_DIR:-$RUN_DIR/uploads}"
mkdir -p "$LOG_DIR" "$NGINX_DIR" "$UPLOAD_DIR"
rm -f "$RUN_DIR/state.env"

# nginx's configuration, rendered from the template. As root, nginx's workers run as nobody, who must
# be able to reach and write its temp folders.
servers() { # port… → upstream lines
  local p
  for p in "$@"; do printf '        server 127.0.0.1:%s max_fails=1 fail_timeout=5s;\n' "$p"; done
}
render_nginx() {
  local conf user_line="" public_origin
  conf="$(<"$TEMPLATE")"
  if [[ "$(id -u)" -eq 0 ]]; then
    user_line="user nobody nogroup;"
    chmod 755 "$RUN_DIR"
  fi
  mkdir -p "$NGINX_DIR"/{client_body,proxy,fastcgi,uwsgi,scgi}
  if [[ "$(id -u)" -eq 0 ]]; then chown nobody:nogroup "$NGINX_DIR"/{client_body,proxy,fastcgi,uwsgi,scgi}; fi
  public_origin="$(node -e 'process.stdout.write(new URL(process.argv[1]).origin)' "$PUBLIC_URL")"
  conf="${conf//@USER_LINE@/$user_line}"
  conf="${conf//@NGINX_DIR@/$NGINX_DIR}"
  conf="${conf//@LOG_DIR@/$LOG_DIR}"
  conf="${conf//@PUBLIC_ORIGIN@/$public_origin}"
  conf="${conf//@STORE_SERVERS@/$(servers "${STORE_PORT_LIST[@]}")}"
  conf="${conf//@CHAT_SERVERS@/$(servers "${CHAT_PORT_LIST[@]}")}"
  conf="${conf//@LISTEN@/$LISTEN_HOST:$LISTEN_PORT}"
  conf="${conf//@CHAT_LB_LISTEN@/127.0.0.1:$CHAT_LB_PORT}"
  printf '%s\n' "$conf" >"$NGINX_DIR/nginx.conf"
  "$NGINX" -t -q -p "$NGINX_DIR" -e "$LOG_DIR/nginx-error.log" -c "$NGINX_DIR/nginx.conf" \
    || die "nginx refused $NGINX_DIR/nginx.conf (see above)"
}

export PUBLIC_URL="${PUBLIC_URL:-http://$LISTEN_HOST:$LISTEN_PORT}"
if [[ "$RENDER_ONLY" == 1 ]]; then
  render_nginx
  echo "$NGINX_DIR/nginx.conf"
  exit 0
fi

PIDS=()    # every process we started, stopped in reverse order
NAMES=()

stop_all() {
  trap '' PIPE INT TERM   # a closed stdout or a second Ctrl-C must not stop the clean-up half way
  local i pid waited
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pid="${PIDS[$i]}"
    kill -0 "$pid" 2>/dev/null && kill -TERM "$pid" 2>/dev/null || true
  done
  # Graceful: each instance drains within SHUTDOWN_TIMEOUT_MS (10 s); nginx finishes its requests.
  for ((i = ${#PIDS[@]} - 1; i >= 0; i--)); do
    pid="${PIDS[$i]}"
    waited=0
    while kill -0 "$pid" 2>/dev/null && ((waited < STOP_TIMEOUT_S * 10)); do
      sleep 0.1
      waited=$((waited + 1))
    done
    if kill -0 "$pid" 2>/dev/null; then
      say "${NAMES[$i]} (pid $pid) did not stop within ${STOP_TIMEOUT_S} s: SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
  rm -f "$RUN_DIR/state.env"
  if [[ "$OWN_RUN_DIR" == 1 && "${KEEP_RUN_DIR:-0}" != 1 ]]; then rm -rf -- "$RUN_DIR"; fi
  say "stopped"
}
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# One pair of secrets for every instance: sessions and CSRF tokens made by one store are checked by
# the others, and every chat instance verifies the tokens any store signs.
new_secret() { node -e 'process.stdout.write(require("node:crypto").randomBytes(36).toString("base64url"))'; }
export SESSION_SECRET="${SESSION_SECRET:-$(new_secret)}"
export CHAT_TOKEN_SECRET="${CHAT_TOKEN_SECRET:-$(new_secret)}"
export DATABASE_URL REDIS_URL UPLOAD_DIR
export CHAT_DATABASE_URL="${CHAT_DATABASE_URL:-$DATABASE_URL}"
export NODE_ENV="${NODE_ENV:-production}"
[[ "$PUBLIC_URL" == http://* ]] && export ALLOW_HTTP="${ALLOW_HTTP:-true}"
# X-Forwarded-For and X-Forwarded-Host are believed from nginx on this machine only.
export TRUST_PROXY="${TRUST_PROXY:-true}"
export HOST=127.0.0.1
export LOG_LEVEL="${LOG_LEVEL:-warn}"
# The chat service as the stores see it: nginx's loopback listener in front of every chat instance.
CHAT_LB_URL="http://127.0.0.1:$CHAT_LB_PORT"

http_ok() { # url → exit 0 on a 2xx within 2 s
  node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(2000) })
    .then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"
}

wait_ready() { # name url pid
  local deadline=$((SECONDS + READY_TIMEOUT_S))
  while ! http_ok "$2"; do
    if [[ -n "$3" ]] && ! kill -0 "$3" 2>/dev/null; then
      say "$1 exited while starting; its log ($LOG_DIR/$1.log):"
      tail -30 "$LOG_DIR/$1.log" >&2 || true
      exit 1
    fi
    ((SECONDS < deadline)) || die "$1 not ready at $2 after ${READY_TIMEOUT_S} s (log: $LOG_DIR/$1.log)"
    sleep 0.3
  done
}

start_instance() { # name script "node flags" env…
  local name="$1" script="$2" flags="$3"
  shift 3
  # shellcheck disable=SC2086 # the flags are words on purpose
  env "$@" node $flags "$ROOT/$script" >>"$LOG_DIR/$name.log" 2>&1 </dev/null &
  PIDS+=("$!")
  NAMES+=("$name")
  say "$name started (pid $!)"
}

# --- 1. Migrations, once, before any instance starts (instances still migrate at start-up, under
# an advisory lock, and find nothing left to do).
say "migrating the store and chat databases"
(cd "$ROOT" && DATA_DIR="$RUN_DIR/migrate" node_modules/.bin/tsx src/migrate.ts) >"$LOG_DIR/migrate.log" 2>&1 \
  || { cat "$LOG_DIR/migrate.log" >&2; die "migrations failed"; }

# The V8 flags `npm start` gives the store (src/lib/runtime-flags.ts), so each instance runs as it would alone.
STORE_FLAGS="$(cd "$ROOT" && node_modules/.bin/tsx -e \
  'import("./src/lib/runtime-flags.ts").then((m) => process.stdout.write(m.STORE_NODE_FLAGS.join(" ")))')"

# --- 2. Chat instances.
CHAT_URLS=()
CHAT_PIDS=()
for i in "${!CHAT_PORT_LIST[@]}"; do
  port="${CHAT_PORT_LIST[$i]}"
  # PORT is unused by the chat, but must differ from CHAT_PORT.
  start_instance "chat-$((i + 1))" dist/chat/main.js "" CHAT_PORT="$port" PORT="$LISTEN_PORT" DATA_DIR="$RUN_DIR/chat-$((i + 1))"
  CHAT_URLS+=("http://127.0.0.1:$port")
  CHAT_PIDS+=("${PIDS[-1]}")
done

# --- 3. nginx.
render_nginx
"$NGINX" -p "$NGINX_DIR" -e "$LOG_DIR/nginx-error.log" -c "$NGINX_DIR/nginx.conf" -g 'daemon off;' \
  >>"$LOG_DIR/nginx.log" 2>&1 </dev/null &
PIDS+=("$!")
NAMES+=("nginx")
NGINX_PID="$!"
say "nginx started (pid $NGINX_PID) on $LISTEN_HOST:$LISTEN_PORT"

for i in "${!CHAT_PORT_LIST[@]}"; do wait_ready "chat-$((i + 1))" "${CHAT_URLS[$i]}/readyz" "${CHAT_PIDS[$i]}"; done

# --- 4. Store instances. The first one alone: it creates the store profile, the admin account and
# (with SAMPLE_DATA=true) the sample catalogue, which are not safe to create twice at once.
STORE_URLS=()
STORE_PIDS=()
STORE_DATA_DIRS=()
for i in "${!STORE_PORT_LIST[@]}"; do
  port="${STORE_PORT_LIST[$i]}"
  data="$RUN_DIR/store-$((i + 1))"
  start_instance "store-$((i + 1))" dist/store/main.js "$STORE_FLAGS" PORT="$port" CHAT_PORT="$CHAT_LB_PORT" CHAT_URL="$CHAT_LB_URL" DATA_DIR="$data"
  STORE_URLS+=("http://127.0.0.1:$port")
  STORE_PIDS+=("${PIDS[-1]}")
  STORE_DATA_DIRS+=("$data")
  [[ $i -eq 0 ]] && wait_ready "store-1" "${STORE_URLS[0]}/readyz" "${STORE_PIDS[0]}"
done
for i in "${!STORE_PORT_LIST[@]}"; do wait_ready "store-$((i + 1))" "${STORE_URLS[$i]}/readyz" "${STORE_PIDS[$i]}"; done
wait_ready "nginx" "$PUBLIC_URL/readyz" "$NGINX_PID"

umask 077
{
  printf 'SCALE_OUT_URL="%s"\n' "$PUBLIC_URL"
  printf 'STORE_URLS="%s"\n' "${STORE_URLS[*]}"
  printf 'STORE_PIDS="%s"\n' "${STORE_PIDS[*]}"
  printf 'STORE_DATA_DIRS="%s"\n' "${STORE_DATA_DIRS[*]}"
  printf 'CHAT_URLS="%s"\n' "${CHAT_URLS[*]}"
  printf 'CHAT_PIDS="%s"\n' "${CHAT_PIDS[*]}"
  printf 'CHAT_LB_URL="%s"\n' "$CHAT_LB_URL"
  printf 'NGINX_PID="%s"\n' "$NGINX_PID"
  printf 'UPLOAD_DIR="%s"\n' "$UPLOAD_DIR"
  printf 'LOG_DIR="%s"\n' "$LOG_DIR"
} >"$RUN_DIR/state.env.tmp"
mv "$RUN_DIR/state.env.tmp" "$RUN_DIR/state.env"
say "logs in $LOG_DIR; state in $RUN_DIR/state.env"
echo "scale-out ready: $PUBLIC_URL"

# --- 5. Watch: report an instance that exits (tests kill one on purpose), until we are stopped.
declare -A reported=()
while :; do
  for i in "${!PIDS[@]}"; do
    if [[ -z "${reported[$i]:-}" ]] && ! kill -0 "${PIDS[$i]}" 2>/dev/null; then
      say "${NAMES[$i]} (pid ${PIDS[$i]}) exited"
      reported[$i]=1
    fi
  done
  sleep 1 &
  wait $! || true
done
