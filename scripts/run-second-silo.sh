#!/usr/bin/env bash
# Starts another silo on other ports that joins the cluster of the first (same database).
set -euo pipefail
cd "$(dirname "$0")/.."
exec scripts/run.sh --Network:GrpcPort=5090 --Network:GrpcWebPort=5091 \
  --Cluster:SiloPort=11112 --Cluster:GatewayPort=30001 "$@"
