#!/usr/bin/env bash
# Runs PixOrga on this machine: its own PostgreSQL in .data/ unless ConnectionStrings__PixOrga is set.
# Extra arguments go to the silo, e.g. --Network:GrpcPort=6080.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-postgres.sh
exec dotnet run --project src/Silo -c Release -- --Data:Directory="$PWD/.data" "$@"
