# Shared by the scripts in scripts/: locating the toolchain, installing what is missing,
# and the data directory layout. Source it; do not run it.

KANSLI_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export KANSLI_ROOT

# The Swift toolchain: on PATH, or where the development machines keep it.
if ! command -v swift >/dev/null 2>&1 && [ -x /opt/swift/usr/bin/swift ]; then
  export PATH="/opt/swift/usr/bin:$PATH"
fi

# Installs the C libraries Kansli links (libsqlite3, zlib) when their headers are missing.
ensure_prerequisites() {
  local missing=()
  [ -f /usr/include/sqlite3.h ] || missing+=(libsqlite3-dev)
  [ -f /usr/include/zlib.h ] || missing+=(zlib1g-dev)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "kansli: installing ${missing[*]}" >&2
      apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      echo "kansli: missing ${missing[*]}; install them (e.g. sudo apt-get install ${missing[*]})" >&2
      return 1
    fi
  fi
  if ! command -v swift >/dev/null 2>&1; then
    echo "kansli: no Swift toolchain found (swift 6.x on PATH or in /opt/swift)" >&2
    return 1
  fi
}

# Installs the independent tools some tests check Kansli against when they are missing (as root
# with apt-get): openssl (verifies exported signatures), systemd-analyze (verifies the units).
ensure_test_tools() {
  local missing=()
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  command -v systemd-analyze >/dev/null 2>&1 || missing+=(systemd)
  if [ ${#missing[@]} -gt 0 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "kansli: installing ${missing[*]} for the tests" >&2
    apt-get update -qq >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

# Where services keep their databases, logs, pid and ready files.
KANSLI_DATA_DIR="${KANSLI_DATA_DIR:-$KANSLI_ROOT/data}"
export KANSLI_DATA_DIR

# In the order they start: a service starts after the peers it calls (finance calls documents).
KANSLI_SERVICES=(registry documents finance)

# The port a service listens on (0 = any free port; the ready file then says which).
service_port() {
  case "$1" in
    registry) echo "${KANSLI_REGISTRY_PORT:-7401}" ;;
    finance) echo "${KANSLI_FINANCE_PORT:-7402}" ;;
    documents) echo "${KANSLI_DOCUMENTS_PORT:-7403}" ;;
  esac
}

# The port a running service reported in its ready file.
ready_port() {
  sed -n 's/^port=//p' "$KANSLI_DATA_DIR/$1/$1.ready" 2>/dev/null
}

# Random hex of $1 bytes.
random_hex() {
  od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'
}


# The environment the CLI needs to reach the services started by start.sh.
cli_environment() {
  export KANSLI_KEY_FILE="${KANSLI_KEY_FILE:-$KANSLI_DATA_DIR/admin.key}"
  export KANSLI_REGISTRY="127.0.0.1:$(ready_port registry)"
  export KANSLI_FINANCE="127.0.0.1:$(ready_port finance)"
  export KANSLI_DOCUMENTS="127.0.0.1:$(ready_port documents)"
}
