#!/usr/bin/env bash
# The main job on a fresh machine: build, start the three services on their embedded SQLite
# databases, run a real scenario from the seed documents through the CLI, and stop them.
# The demo uses its own data directory (removed first), so it can run any number of times.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"
ensure_prerequisites
cd "$KANSLI_ROOT"

export KANSLI_DATA_DIR="${KANSLI_DEMO_DATA_DIR:-$KANSLI_ROOT/data/demo}"
export KANSLI_REGISTRY_PORT="${KANSLI_REGISTRY_PORT:-0}"
export KANSLI_FINANCE_PORT="${KANSLI_FINANCE_PORT:-0}"
export KANSLI_DOCUMENTS_PORT="${KANSLI_DOCUMENTS_PORT:-0}"
rm -rf "$KANSLI_DATA_DIR"

echo "== Building and starting the services"
scripts/start.sh
trap 'echo; echo "== Stopping the services"; scripts/stop.sh' EXIT
cli_environment
kansli="$(swift build -c "${KANSLI_BUILD:-release}" --show-bin-path)/kansli"
step() { echo; echo "== $*"; }

step "Health of the three services"
"$kansli" health

step "Importing the two committees of the seeds"
"$kansli" registry import deploy/seed-data/norrbotten-e-namnd.json
"$kansli" registry import deploy/seed-data/jamtland-gns.json
"$kansli" registry committee list

step "Norrbottens e-nämnd on 2022-06-22 (seed 002): ledamöter and ersättare by party"
"$kansli" registry composition NBE --on 2022-06-22

step "Who may serve for Lena Goldkuhl (S), Boden, on 2022-06-22"
"$kansli" registry substitutes NBE --for "Lena Goldkuhl" --on 2022-06-22

step "A rule the registry enforces: an invalid organisationsnummer is refused"
if "$kansli" registry party add NBE --name "Testkommun" --kind kommun --org-number 212000-2628 --joined 2022-01-01; then
  echo "unexpected: the invalid number was accepted" >&2; exit 1
fi

step "The registry's audit trail"
"$kansli" audit registry --limit 5

step "Request counters"
"$kansli" stats registry
