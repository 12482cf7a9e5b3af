# Shared by scripts/up, scripts/down, scripts/test and scripts/bench: system packages, a private
# PostgreSQL cluster, free ports. Source it; it defines functions only.

FENLIU_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export SWIFT_DETERMINISTIC_HASHING=1
FENLIU_SERVICES=(intake classification routing feedback reporting)

fenliu_log() { printf '%s\n' "fenliu: $*" >&2; }
fenliu_die() { fenliu_log "$*"; exit 1; }

# The PostgreSQL server binaries (initdb, pg_ctl), newest version first.
fenliu_pg_bin() {
  local dir
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -rV); do
    [ -x "$dir/initdb" ] && { echo "$dir"; return 0; }
  done
  return 1
}

# What the build, the tests and the local stack read from the system, and the Debian package that
# brings each: one line per file or command, so a missing package is named at once with its
# apt-get line instead of failing deep inside a later step. `fenliu_ensure_packages` installs what
# is missing when run as root, then checks every file again.
fenliu_requirements() {
  local triple
  triple=$(gcc -dumpmachine 2>/dev/null || echo x86_64-linux-gnu)
  cat <<EOT
file /usr/include/postgresql/libpq-fe.h libpq-dev
file /usr/include/$triple/curl/curl.h|/usr/include/curl/curl.h libcurl4-openssl-dev
file /usr/include/zlib.h zlib1g-dev
file /usr/lib/postgresql/*/bin/initdb postgresql
file /usr/share/postgresql/*/extension/pg_trgm.control postgresql-contrib
command psql postgresql-client
command protoc protobuf-compiler
file /usr/include/google/protobuf/timestamp.proto|/usr/include/google/protobuf/descriptor.proto libprotobuf-dev
command python3 python3
command curl curl
command chromium chromium
command chromedriver chromium-driver
file /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc fonts-noto-cjk
file /usr/sbin/nginx nginx-light
EOT
}

# Whether one requirement line's file (any of its |-separated globs) or command exists.
fenliu_requirement_met() {
  local kind="$1" what="$2" pattern
  if [ "$kind" = command ]; then command -v "$what" >/dev/null; return; fi
  local IFS='|'
  for pattern in $what; do
    # shellcheck disable=SC2086
    compgen -G "$pattern" >/dev/null && return 0
  done
  return 1
}

# The packages whose files or commands are missing, one per line.
fenliu_missing_packages() {
  local kind what package
  while read -r kind what package; do
    fenliu_requirement_met "$kind" "$what" || echo "$package"
  done < <(fenliu_requirements) | sort -u
}

# Installs what building and running Fenliu needs, when run as root; otherwise says what to install.
fenliu_ensure_packages() {
  local missing
  mapfile -t missing < <(fenliu_missing_packages)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    fenliu_log "installing ${missing[*]}"
    apt-get update -qq >/dev/null
    # Packages with a daemon (nginx) must not start one: scripts/up runs its own. A policy-rc.d that
    # refuses every start is Debian's way to say so, for the length of the install.
    local policy=/usr/sbin/policy-rc.d added=0
    if [ ! -e "$policy" ]; then printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && added=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
      || { [ "$added" = 1 ] && rm -f "$policy"; fenliu_die "apt-get install ${missing[*]} failed"; }
    [ "$added" = 1 ] && rm -f "$policy"
  else
    fenliu_die "missing system packages; run: sudo apt-get install ${missing[*]}"
  fi
  local kind what package
  while read -r kind what package; do
    fenliu_requirement_met "$kind" "$what" || fenliu_die "still missing after installing: $what (from $package)"
  done < <(fenliu_requirements)
}

# The Python that runs the dashboard's browser test (Tests/Browser/check_dashboard.py): a virtual
# environment in .fenliu/venv with Selenium (driving Debian's chromium through chromium-driver) and
# Pillow (to look at the screenshots). Created on first use; prints the interpreter's path.
# The Python of .fenliu/venv, made on first use, with what the test drivers need: selenium and
# pillow (the dashboard's browser test) and schemathesis (scripts/fuzz-api). Never on a service's path.
fenliu_test_python() {
  local venv="$FENLIU_ROOT/.fenliu/venv"
  if ! "$venv/bin/python" -c 'import selenium, PIL, schemathesis' 2>/dev/null; then
    fenliu_log "preparing $venv (selenium, pillow, schemathesis)"
    rm -rf "$venv"
    if ! python3 -m venv "$venv" >/dev/null 2>&1; then
      # Debian's python3 keeps venv in its own package.
      [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || fenliu_die "python3 -m venv failed; run: sudo apt-get install python3-venv"
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3-venv >/dev/null \
        || fenliu_die "apt-get install python3-venv failed"
      rm -rf "$venv"
      python3 -m venv "$venv" || fenliu_die "python3 -m venv $venv failed"
    fi
    "$venv/bin/pip" install -q --disable-pip-version-check "selenium>=4.20,<5" "pillow>=10,<14" "schemathesis>=4.32,<5" >&2 \
      || fenliu_die "pip install selenium pillow schemathesis failed"
  fi
  echo "$venv/bin/python"
}

# A TCP port nothing listens on right now, for a service about to start. Chosen below the kernel's
# ephemeral range (ip_local_port_range, 32768 and up), since a port from that range can be taken by
# any outgoing connection between this choice and the service binding it; and recorded, under a
# lock, in a shared file for ten minutes, since two stacks starting at once (the end-to-end tests)
# would otherwise pick the same free port before either binds it.
fenliu_free_port() {
  python3 - <<'PY'
import fcntl, json, os, random, socket, tempfile, time
path = os.path.join(tempfile.gettempdir(), "fenliu-ports.json")
low = 20000
try:
    high = int(open("/proc/sys/net/ipv4/ip_local_port_range").read().split()[0]) - 1
except (OSError, ValueError, IndexError):
    high = 32767
with open(path, "a+") as ledger:
    fcntl.flock(ledger, fcntl.LOCK_EX)
    ledger.seek(0)
    try:
        taken = {int(port): when for port, when in json.loads(ledger.read() or "{}").items()}
    except ValueError:
        taken = {}
    now = time.time()
    taken = {port: when for port, when in taken.items() if now - when < 600}
    chosen = None
    for _ in range(500):
        port = random.randint(low, max(low + 100, high))
        if port in taken:
            continue
        probe = socket.socket()
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            continue
        finally:
            probe.close()
        chosen = port
        break
    if chosen is None:
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        chosen = probe.getsockname()[1]
        probe.close()
    taken[chosen] = now
    ledger.seek(0)
    ledger.truncate()
    ledger.write(json.dumps({str(port): when for port, when in taken.items()}))
print(chosen)
PY
}

# Whether something accepts connections on 127.0.0.1:$1.
fenliu_port_busy() {
  python3 -c 'import socket,sys; s=socket.socket(); s.settimeout(0.3); sys.exit(0 if s.connect_ex(("127.0.0.1", int(sys.argv[1]))) == 0 else 1)' "$1"
}

# Runs a PostgreSQL server binary as the user that owns the cluster: postgres when we are root
# (PostgreSQL refuses to run as root), ourselves otherwise.
fenliu_as_pg_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# Where a cluster's data goes: under the checkout when the server's user can reach it, else a
# private folder in /tmp (a clone inside a 0700 mktemp folder is out of the postgres user's reach).
fenliu_pg_dir() {
  local wanted="$1"
  mkdir -p "$(dirname "$wanted")"
  if [ "$(id -u)" != 0 ] || runuser -u postgres -- test -x "$(dirname "$wanted")" 2>/dev/null; then
    echo "$wanted"
  else
    local hash
    hash=$(printf '%s' "$wanted" | sha1sum | cut -c1-12)
    echo "${TMPDIR:-/tmp}/fenliu-pg-$hash"
  fi
}

# Starts a fresh private cluster in directory $1 on a free port, creates the fenliu database,
# the five roles and their schemas. Prints the port.
fenliu_pg_start() {
  local dir bin port
  dir=$(fenliu_pg_dir "$1")
  bin=$(fenliu_pg_bin) || fenliu_die "PostgreSQL server binaries not found"
  [ -f "$dir/postmaster.pid" ] && fenliu_as_pg_user "$bin/pg_ctl" -D "$dir" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
  mkdir -p "$dir"
  chmod 700 "$dir"
  [ "$(id -u)" = 0 ] && chown postgres:postgres "$dir"
  fenliu_as_pg_user "$bin/initdb" -D "$dir" -U postgres -A trust -E UTF8 --no-locale >"$dir.initdb.log" 2>&1 \
    || { cat "$dir.initdb.log" >&2; fenliu_die "initdb failed"; }
  port=$(fenliu_free_port)
  # fsync=off: a private cluster for tests and demos need not survive the machine losing power. But
  # synchronous_commit stays on: with it off, a PostgreSQL crash (scripts/chaos restarts it with
  # -m immediate) forgets commits it already confirmed — an acknowledged call lost, as the chaos
  # test found (acknowledged 480, lost 2).
  # FENLIU_PG_STAT_STATEMENTS=1 (scripts/bench) counts every statement each role runs.
  local statements=""
  [ "${FENLIU_PG_STAT_STATEMENTS:-0}" = 1 ] && statements=" -c shared_preload_libraries=pg_stat_statements"
  fenliu_as_pg_user "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=500 -c fsync=off$statements" \
    start >/dev/null || { cat "$dir/server.log" >&2; fenliu_die "PostgreSQL did not start"; }
  echo "$port" >"$dir/fenliu.port"
  [ "$1" != "$dir" ] && { rm -rf "$1"; ln -sfn "$dir" "$1"; }
  PGHOST=127.0.0.1 PGPORT=$port PGUSER=postgres PGDATABASE=postgres \
    bash "$FENLIU_ROOT/docker/postgres/init-roles.sh" 2>/dev/null || fenliu_die "creating roles and schemas failed"
  echo "$port"
}

# Stops the cluster in directory $1, if it runs.
fenliu_pg_stop() {
  local dir="$1" bin
  [ -e "$dir" ] || return 0
  dir=$(readlink -f "$dir")
  bin=$(fenliu_pg_bin) || return 0
  [ -f "$dir/postmaster.pid" ] && fenliu_as_pg_user "$bin/pg_ctl" -D "$dir" -m fast -w stop >/dev/null 2>&1
  return 0
}

# Stops the cluster in directory $1 and deletes it, with the folder in /tmp it lives in when the
# postgres user could not reach $1 (fenliu_pg_dir): for clusters nobody comes back to — the tests',
# chaos's and the fuzzer's. Without it every run in a fresh clone left its clusters in /tmp.
fenliu_pg_remove() {
  local link="$1" dir
  [ -e "$link" ] || [ -L "$link" ] || return 0
  fenliu_pg_stop "$link"
  dir=$(readlink -f "$link")
  [ "$dir" != "$link" ] && rm -rf "$dir" "$dir.initdb.log"
  rm -rf "$link" "$link.initdb.log"
}

# The folder with the built executables: $FENLIU_BIN_DIR, or after building them.
fenliu_bin_dir() {
  if [ -n "${FENLIU_BIN_DIR:-}" ]; then echo "$FENLIU_BIN_DIR"; return; fi
  local configuration="${FENLIU_BUILD_CONFIGURATION:-debug}"
  (cd "$FENLIU_ROOT" && swift build -c "$configuration" >&2) || fenliu_die "swift build failed"
  (cd "$FENLIU_ROOT" && swift build -c "$configuration" --show-bin-path)
}
