#!/usr/bin/env bash
# The README's test command. On Debian (as root, or as a user with sudo) it installs what the tests need — the apt
# packages and the npm modules of tests/interop — and then runs `dotnet test` over the whole solution. Arguments go to
# `dotnet test` (e.g. ./test.sh --filter "FullyQualifiedName~Catalog", or .ci/run's --logger trx).
#   ./test.sh --no-install …   skip the installing (the tests then fail with the install command of whatever is missing)
# The run uses a private temporary folder (TMPDIR) that is removed at the end, so nothing is left in /tmp — not even
# the folders the .NET SDK itself leaves there on every invocation.
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

log() { printf '\n== %s ==\n' "$*"; }

install=1
if [ "${1:-}" = "--no-install" ]; then install=0; shift; fi

# Root runs apt-get itself; anyone else through sudo.
SUDO=()
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then SUDO=(sudo); fi

# 1. Debian packages: PDF tools and a QR decoder (PDF and browser tests), the PostgreSQL server (storage tests start a
#    throwaway cluster with its initdb/pg_ctl), Chromium (browser tests), wrk (load measurements, benchmarks/), and
#    Node.js with npm when no node is installed (interop tests; Node.js 20 or later is what they are run with), openssl
#    (its `ts -verify` checks the seal's RFC 3161 time-stamp independently).
APT_PACKAGES=(poppler-utils zbar-tools postgresql chromium wrk openssl qpdf softhsm2)
command -v node >/dev/null 2>&1 || APT_PACKAGES+=(nodejs npm)
if [ "$install" -eq 1 ]; then
  log "apt packages"
  if ! command -v dpkg >/dev/null 2>&1; then
    echo "Not a Debian system: install poppler-utils, zbar-tools, PostgreSQL, Chromium and Node.js 20 yourself (see README)." >&2
  else
    missing=()
    for p in "${APT_PACKAGES[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
    if [ ${#missing[@]} -gt 0 ]; then
      if [ "$(id -u)" -ne 0 ] && [ ${#SUDO[@]} -eq 0 ]; then
        echo "Missing Debian packages: ${missing[*]}. Run ./test.sh as root, or install them: apt-get install -y --no-install-recommends ${missing[*]}" >&2
        exit 1
      fi
      "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || "${SUDO[@]}" apt-get update
      "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null 2>&1 \
        || "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" || exit 1
    fi
    node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
    [ "$node_major" -ge 20 ] || echo "warning: Node.js $(node --version 2>/dev/null || echo '(none)') is older than 20, which the interop tests are run with." >&2
  fi

  # 2. npm: the independent verifiers used by the interop tests (jose, jsonld, rdf-canonize, @digitalbazaar/...), at
  #    the versions of package-lock.json. Skipped when node_modules is already up to date with the lock file.
  log "npm packages"
  if [ ! -f tests/interop/node_modules/.package-lock.json ] || [ tests/interop/package-lock.json -nt tests/interop/node_modules/.package-lock.json ]; then
    (cd tests/interop && if [ -f package-lock.json ]; then npm ci --no-audit --no-fund --loglevel=error; else npm install --no-audit --no-fund --loglevel=error; fi) || exit 1
  else
    echo "tests/interop/node_modules is up to date"
  fi
fi

# 3. The tests, in a private temporary folder. World-readable so the throwaway PostgreSQL cluster, which runs as the
#    postgres user when we are root, can reach its folder inside. No build servers are left running with it as their
#    temporary folder (MSBuild nodes, the compiler server), since it is deleted at the end.
log "dotnet test"
TEST_TMP=$(mktemp -d "${TMPDIR:-/tmp}/microcred-tests.XXXXXX")
chmod 755 "$TEST_TMP"
trap 'rm -rf "$TEST_TMP"' EXIT
TMPDIR="$TEST_TMP" MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false dotnet test "$ROOT/MicroCredentials.sln" "$@"
rc=$?

# Anything our tests forgot to delete (the SDK's own folders are not ours to name): say so, so it gets fixed.
leftovers=$(find "$TEST_TMP" -mindepth 1 -maxdepth 1 \( -name 'mc-*' -o -name 'microcred-*' \) -printf '%f ' 2>/dev/null)
[ -z "$leftovers" ] || echo "warning: the tests left temporary folders behind: $leftovers" >&2
exit $rc
