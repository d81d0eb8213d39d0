#!/usr/bin/env bash
# The rentrée benchmark: builds Release, measures the ONDE reader, then starts PixOrga (its own
# fresh PostgreSQL, loopback only), drives every school's two ONDE imports through the gateway,
# stops PixOrga and writes docs/benchmarks.md.
#   scripts/bench.sh                   the whole country (48,220 écoles)
#   scripts/bench.sh --schools 500     scaled down; other flags: --concurrency 64 --reads-per-second 50
#                                      --setup-concurrency 32 --profile-seconds 10 --baseline-schools 3000 --seed N
#                                      --max-seconds N (default 300 + 0.06 per school: 53 min for the country)
#   scripts/bench.sh --silos 2         two silos on the one database, calls spread over both gateways
# Ctrl-C stops cleanly and still writes the (partial) report.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-postgres.sh
export PATH="$PATH:$HOME/.dotnet/tools"
schools=48220
args=("$@")
for ((i = 0; i < ${#args[@]}; i++)); do
  if [ "${args[$i]}" = "--schools" ]; then schools="${args[$((i + 1))]}"; fi
done
dotnet build src/Silo -c Release -v quiet -nologo
dotnet build bench/PixOrga.Benchmark.Reader -c Release -v quiet -nologo
mkdir -p bench/.data
reader_schools=$(( schools < 10000 ? schools : 10000 ))
dotnet bench/PixOrga.Benchmark.Reader/bin/Release/net10.0/PixOrga.Benchmark.Reader.dll \
  --schools "$reader_schools" --out bench/.data/reader.json
export PIXORGA_BENCH_COMMAND="scripts/bench.sh $*"
exec dotnet bench/PixOrga.Benchmark/bin/Release/net10.0/PixOrga.Benchmark.dll \
  --silo src/Silo/bin/Release/net10.0/PixOrga.Silo.dll --data-dir bench/.data/run \
  --reader-results bench/.data/reader.json --report docs/benchmarks.md "$@"
