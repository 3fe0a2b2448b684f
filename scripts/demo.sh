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
# The seeds' year is replayed on a simulated clock that starts before the meeting of 2022-06-22;
# `kansli clock --set` moves it forward. A deployment never sets this.
export KANSLI_SIMULATED_CLOCK="${KANSLI_SIMULATED_CLOCK:-2022-06-01T08:00}"

echo "== Building and starting the services (simulated clock from $KANSLI_SIMULATED_CLOCK)"
scripts/start.sh
trap 'echo; echo "== Stopping the services"; scripts/stop.sh' EXIT
cli_environment
kansli="$(swift build -c "${KANSLI_BUILD:-release}" --show-bin-path)/kansli"
step() { echo; echo "== $*"; }

step "Health of the three services, and their clocks"
"$kansli" health
"$kansli" clock

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

step "2022-06-22: the meeting adopts the budget 2023 (seed 002, § 12)"
"$kansli" clock --set 2022-06-22T13:00
"$kansli" finance import deploy/seed-data/norrbotten-e-namnd-budget.json
"$kansli" finance budget show NBE 2023
step "Fördelning årskostnader 2023: who pays what (the host, Luleå, books its share internally)"
"$kansli" finance allocation show NBE 2023

step "2022-07-04: the last signature is in, the protocol is justerat, and the adoption with it"
"$kansli" clock --set 2022-07-04T10:42
"$kansli" finance budget justera NBE 2023 --on 2022-07-04

step "2023-01-16: the year's billing run, drafted by the coordinator (writer key)"
"$kansli" clock --set 2023-01-16T09:00
KANSLI_KEY_FILE="$KANSLI_DATA_DIR/writer.key" "$kansli" finance billing draft NBE 2023 --from 2023-01-01 --to 2023-12-31
run_total="$("$kansli" finance billing show NBE 1 --json | python3 -c 'import json,sys; t=json.load(sys.stdin)["total"]; print(f"{t//100:,}".replace(",", " "))')"
step "Approved (attesterad) by a second person, the admin key, for the total they reviewed: $run_total kr"
"$kansli" finance billing approve NBE 1 --total "$run_total"
"$kansli" finance billing issue NBE 1
"$kansli" finance invoice list NBE --run 1
first_invoice="$("$kansli" finance invoice list NBE --run 1 --json | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["number"])')"
step "Invoice $first_invoice as the recipient reads it"
"$kansli" finance invoice render NBE "$first_invoice" --format text
"$kansli" finance billing export NBE 1 --output "$KANSLI_DATA_DIR/billing-run-1.csv"
echo "The run as CSV for a spreadsheet: $KANSLI_DATA_DIR/billing-run-1.csv"

step "2023-02-20: the first payment arrives, matched by its OCR reference; receivables on 2023-03-01"
"$kansli" clock --set 2023-02-20T10:00
read -r reference bankgiro amount < <("$kansli" finance invoice list NBE --run 1 --json | python3 -c '
import json, sys
invoice = json.load(sys.stdin)[0]
print(invoice["paymentReference"], invoice["issuer"]["bankgiro"], invoice["total"] // 100)')
"$kansli" finance payment record NBE --bankgiro "$bankgiro" --reference "$reference" --amount "$amount" --paid-on 2023-02-20
"$kansli" finance payment receivables NBE --on 2023-03-01

step "The registry's audit trail"
"$kansli" audit registry --limit 5

step "Request counters"
"$kansli" stats registry
