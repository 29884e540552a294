# Sourced (not run) by the benchmark scripts that measure the Release host on loopback — wrk/host-load.sh,
# wallet/wallet-flow.sh, jobs/host-batch.sh — so that building, making an API key and starting the host are written once.
# The caller is at the repository root, has set `work` (a scratch folder) and a trap that kills "$host_pid".

bench_cli="src/MicroCredentials.Cli/bin/Release/net10.0/microcred.dll"
bench_host="src/MicroCredentials.Host/bin/Release/net10.0/MicroCredentials.Host.dll"
host_pid=""

# bench_build <project folder>...: a quiet Release build of each.
bench_build() {
  local project
  for project in "$@"; do dotnet build -c Release -nologo -v q "$project" >/dev/null; done
}

# bench_apikey <name> <role> <storage options, e.g. --db FILE>...: prints a new API key (mck_…), or fails saying why.
# (The host logs no API key: staff sign in, integrations get keys from an administrator or the CLI.)
bench_apikey() {
  local name=$1 role=$2 key
  shift 2
  key=$(dotnet "$bench_cli" apikeys create --name "$name" --role "$role" "$@" | tail -1)
  case "$key" in
    mck_*) printf '%s\n' "$key" ;;
    *) echo "microcred apikeys create gave no key: $key" >&2; return 1 ;;
  esac
}

# bench_start_host <base URL> [NAME=value]...: starts the host in the background with its public address, Warning logs
# and the given settings (which may override those two), logging to $work/host.log; sets host_pid and waits up to
# 120 s for /healthz/live. --urls because appsettings.json sets Urls, which ASPNETCORE_URLS does not override.
bench_start_host() {
  local base=$1 attempt
  shift
  env ASPNETCORE_URLS="$base" Issuer__PublicBaseUrl="$base" Logging__LogLevel__Default=Warning "$@" \
    dotnet "$bench_host" --urls "$base" >"$work/host.log" 2>&1 &
  host_pid=$!
  for attempt in $(seq 1 240); do
    curl -fs "$base/healthz/live" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "the host did not answer $base/healthz/live within 120 s (tried $attempt times)" >&2
  cat "$work/host.log" >&2
  return 1
}
