#!/usr/bin/env bash
# The whole OpenID4VCI flow, N times, driven by the npm test wallet (tests/interop/wallet-flow.mjs, mode "bench")
# against the host on loopback: per award, POST /wallet/offers, resolve the offer, metadata (+ signed), token with PIN,
# nonce, key proofs (ES256 + EdDSA), both formats (batch of two each), verification of both, a presentation to
# /api/verify and the Token Status List. Prints the median time per step and in total (ms), and the sizes in bytes of
# the ldp_vc JSON, the SD-JWT VC with all disclosures and a typical presentation (two claims disclosed, with KB-JWT).
#
# The times include the wallet's own work (node: key generation, proof signing, verifying both formats): they are a
# flow time as a wallet sees it on loopback, not the host's capacity.
#
# Usage (from anywhere):   benchmarks/wallet/wallet-flow.sh [runs, default 20]
# Needs: the .NET 10 SDK, node with tests/interop/node_modules installed (npm ci there), curl, python3.
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-20}
port=5078
base="http://127.0.0.1:$port"
work=$(mktemp -d)
source benchmarks/host-start.sh
cleanup() { [ -n "$host_pid" ] && kill "$host_pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

bench_build src/MicroCredentials.Host src/MicroCredentials.Cli
key=$(bench_apikey "wallet bench" issuer --db "$work/bench.db")
bench_start_host "$base" "Issuer__ConnectionString=Data Source=$work/bench.db" Issuer__PublicRequestsPerMinute=1000000

# One award per run (an offer is single use), then the wallet runs the flow once per download token.
tokens=()
for i in $(seq 1 "$runs"); do
  url=$(curl -fs -H "Authorization: Bearer $key" -H "Content-Type: application/json" "$base/api/credentials" \
    -d "{\"email\":\"bench$i@example.be\",\"name\":\"Bench Learner $i\",\"code\":\"MC-DSH\",\"awarded\":\"2026-02-06\",\"grade\":\"15\",\"start\":\"2025-09-22\",\"end\":\"2026-01-23\"}" \
    | grep -o '"downloadUrl":"[^"]*"' | cut -d'"' -f4)
  tokens+=("${url##*/}")
done
python3 - "$work/input.json" "$base" keys.example/wallet-ca.pem "${tokens[@]}" <<'PY'
import json, sys
out, base, anchor, *tokens = sys.argv[1:]
json.dump({"mode": "bench", "issuer": base, "downloadTokens": tokens, "trustAnchorPem": open(anchor).read()}, open(out, "w"))
PY
node tests/interop/wallet-flow.mjs "$work/input.json" | python3 -m json.tool
