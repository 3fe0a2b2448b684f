#!/usr/bin/env bash
# The main job on a fresh machine: build, start the three services on their embedded SQLite
# databases, run a committee's year from the seed documents through the CLI, and stop them.
#
# The year, in the order it happens: Norrbottens e-nämnd's budget 2023 allocated to the öre; the
# meeting of 2022-06-22 (seed 002) with its attendance and § 8-16; the four signatures at the
# seed's times; the notice on every party's board and the last day to appeal; an extract of
# § 12; the budget's adoption checked against the justerat § 12; the January 2023 invoices;
# tampering caught; the documents written to an output folder with the commands that check them.
#
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
# The seeds' year is replayed on a simulated clock that starts on 2022-06-01; `kansli clock
# --set` moves it forward. A deployment never sets this.
export KANSLI_SIMULATED_CLOCK="${KANSLI_SIMULATED_CLOCK:-2022-06-01T08:00}"
# The four who sign the protocol of 2022-06-22, in the seed's order, with the seed's times.
signers=(robert-karlsson isak-utsi carina-sammeli jonas-lindberg)
times=(2022-06-28T14:34 2022-06-29T17:19 2022-06-30T14:37 2022-07-04T10:42)
export KANSLI_SIGNER_KEYS="${signers[*]}"
output="$KANSLI_DATA_DIR/output"

step() { echo; echo "== $*"; }
step "1. Building and starting the services: every clock at $KANSLI_SIMULATED_CLOCK; a signer client key for each of the four signers, a write key for the approving coordinator"
scripts/start.sh
trap 'echo; echo "== 7. Stopping the services"; scripts/stop.sh' EXIT
cli_environment
bin="$(swift build -c "${KANSLI_BUILD:-release}" --show-bin-path)"
kansli="$bin/kansli"
"$kansli" health
"$kansli" clock

step "Importing Norrbottens e-nämnd (seed 002) and Jämtland's committee (seed 001)"
"$kansli" registry import deploy/seed-data/norrbotten-e-namnd.json
"$kansli" registry import deploy/seed-data/jamtland-gns.json
"$kansli" registry committee list

step "Each signer's client key mapped to its person; each signer makes a key pair, the secretary registers the public key"
mkdir -p "$KANSLI_DATA_DIR/members"
for person in "${signers[@]}"; do
  "$kansli" registry signer map NBE "signer-$person" --person "$person"
  public_key="$("$kansli" --json keys generate --signing "$KANSLI_DATA_DIR/members/$person.pem" \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["publicKey"])')"
  "$kansli" registry signing-key add NBE --person "$person" --public-key "$public_key"
  KANSLI_KEY_FILE="$KANSLI_DATA_DIR/signers/$person.key" "$kansli" keys check "$KANSLI_DATA_DIR/members/$person.pem"
done

step "2. Norrbottens e-nämnd's budget 2023: the seed's seven lines and their models"
"$kansli" finance import deploy/seed-data/norrbotten-e-namnd-budget.json
"$kansli" finance budget show NBE 2023
step "Fördelning årskostnader 2023, kronor: who pays what (the host, Luleå, books its share internally)"
"$kansli" finance allocation show NBE 2023
echo
echo "Where the figures come from: base funding is equal shares (14 × 80 500) and the ECO-system"
echo "grundplattform 50/50 (equal and population 2022); Räddningstjänsten, E-arkiv, ECO-system"
echo "förvaltning and the E-tjänsteplattform are the seed's fixed per-party amounts. Verksamhetsutvecklare"
echo "e-tjänster (991 800 kr) has no per-party table in the seed (§ 12 notes it is missing), so it follows"
echo "the 2022 column of the same line (937 200 kr), whose Överkalix row (41 000 kr) stands in the"
echo "e-learning table under a second \"Övertorneå\". Datacenter Norrbotten is invoiced by its supplier."

step "3. 2022-06-22, 13:00: the meeting, its attendance and § 8-16 (the chair arrives at § 15)"
"$kansli" clock --set 2022-06-22T13:00 >/dev/null
"$kansli" documents import deploy/seed-data/norrbotten-e-namnd-2022-06-22.json
"$kansli" documents protocol signers NBE 2022-06-22

step "The four signatures at the seed's times (Stockholm), each with the signer's own key"
for index in "${!signers[@]}"; do
  person="${signers[$index]}"
  "$kansli" clock --set "${times[$index]}" >/dev/null
  echo "-- ${times[$index]}: $person"
  KANSLI_KEY_FILE="$KANSLI_DATA_DIR/signers/$person.key" "$kansli" protocol sign NBE 2022-06-22 \
    --signing-key "$KANSLI_DATA_DIR/members/$person.pem" --yes | tail -2
done
step "Verification: the hash of the stored bytes, every signature, the rows against the signed file, the log"
"$kansli" protocol verify NBE 2022-06-22

step "2022-07-08: the notice goes up on the boards of the parties"
"$kansli" clock --set 2022-07-08T08:00 >/dev/null
parties=(arvidsjaur boden gallivare haparanda jokkmokk kalix kiruna lulea pajala pitea alvsbyn overkalix overtornea)
party_options=()
for party in "${parties[@]}"; do party_options+=(--party "$party"); done
"$kansli" documents notice post NBE 2022-06-22 --posted-on 2022-07-08 "${party_options[@]}" \
  | grep -E "Not posted yet|time to appeal|Warning: the notice on Luleå"
echo "-- What Arjeplog posting four days later would do (recorded nowhere):"
"$kansli" documents notice post NBE 2022-06-22 --party arjeplog --posted-on 2022-07-12 --check | grep -E "Last day|Up on"
echo "-- Arjeplog posts the same day:"
"$kansli" documents notice post NBE 2022-06-22 --party arjeplog --posted-on 2022-07-08 | grep -E "Up on|Last day|Warning" | head -3

step "An extract of § 12 (Budget 2023), certified by the secretary"
"$kansli" clock --set 2022-07-08T09:00 >/dev/null
KANSLI_KEY_FILE="$KANSLI_DATA_DIR/signers/robert-karlsson.key" "$kansli" protocol sign NBE 2022-06-22 --extract 12 \
  --signing-key "$KANSLI_DATA_DIR/members/robert-karlsson.pem" --yes | tail -2

step "4. The adoption of budget 2023 checked against § 12, now justerat"
"$kansli" finance budget justera NBE 2023 --on 2022-07-04
"$kansli" --json finance budget show NBE 2023 | python3 -c '
import json, sys
budget = json.load(sys.stdin)
adoption = budget["adoption"]
print("Budget 2023 is %s: § %s of %s, justerat %s, confirmed by %s" % (
    budget["status"], adoption["paragraph"], adoption["protocolDate"], adoption["justeratOn"], adoption["confirmedBy"]))'

step "2023-01-16: base funding invoiced, one invoice per party except the host, drafted by the secretary"
"$kansli" clock --set 2023-01-16T09:00 >/dev/null
"$kansli" finance billing draft NBE 2023 --line GRUND | tail -4
run_total="$("$kansli" finance billing show NBE 1 --json | python3 -c 'import json,sys; t=json.load(sys.stdin)["total"]; print(f"{t//100:,}".replace(",", " "))')"
echo "-- Approved (attesterad) by a second person, the coordinator's write key, for the total they reviewed: $run_total kr"
KANSLI_KEY_FILE="$KANSLI_DATA_DIR/writer.key" "$kansli" finance billing approve NBE 1 --total "$run_total"
"$kansli" finance billing issue NBE 1
"$kansli" finance invoice list NBE --run 1

step "5. Tampering caught: a backup of documents, one row of § 12 changed in the copy, a second kansli-documents on it"
backup="$("$kansli" --json admin backup documents | python3 -c 'import json, sys; print(json.load(sys.stdin)["path"])')"
echo "Backup: $backup"
tamper="$KANSLI_DATA_DIR/tampered"
mkdir -p "$tamper"
cp "$backup" "$tamper/documents.sqlite"
(umask 077 && cp "$KANSLI_DATA_DIR/documents/server-keys" "$tamper/server-keys")
python3 - "$tamper/documents.sqlite" <<'PYTHON'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("DROP TRIGGER meeting_frozen_content")
(content,) = db.execute("SELECT content FROM meeting WHERE committee = 'NBE' AND date = '2022-06-22'").fetchone()
before = "godkänna budgeten för 2023".encode()
after = "godkänna budgetEn för 2023".encode()
assert before in content
db.execute("UPDATE meeting SET content = ? WHERE committee = 'NBE' AND date = '2022-06-22'", (content.replace(before, after, 1),))
db.commit()
print("Changed § 12's decision in the copy: 'budgeten' -> 'budgetEn' (one byte, behind the service's back)")
PYTHON
"$bin/kansli-documents" --host 127.0.0.1 --port 0 --data-dir "$tamper" --keys "$tamper/server-keys" \
  --registry-address "$KANSLI_REGISTRY" --peer-key-file "$KANSLI_DATA_DIR/documents/peer.key" >>"$tamper/documents.log" 2>&1 &
tamper_pid=$!
for _ in $(seq 1 200); do [ -f "$tamper/documents.ready" ] && break; sleep 0.05; done
tamper_port="$(sed -n 's/^port=//p' "$tamper/documents.ready")"
if KANSLI_DOCUMENTS="127.0.0.1:$tamper_port" "$kansli" protocol verify NBE 2022-06-22; then
  echo "unexpected: the changed copy verified" >&2; kill "$tamper_pid"; exit 1
fi
kill "$tamper_pid"; wait "$tamper_pid" 2>/dev/null || true
echo "-- The running service's own database still verifies, and its log:"
"$kansli" protocol verify NBE 2022-06-22 | head -1
"$kansli" documents verify-log --committee NBE

step "6. The documents, written to $output"
mkdir -p "$output"
"$kansli" documents render NBE 2022-06-22 --format text --output "$output/protokoll.txt"
"$kansli" protocol export NBE 2022-06-22 --output "$output/protokoll-export"
cp "$output/protokoll-export/protokoll.html" "$output/protokoll-signerat.html"
"$kansli" protocol render NBE 2022-06-22 --output "$output/protokoll-justerat.html"
"$kansli" protocol export NBE 2022-06-22 --extract 12 --output "$output/utdrag-12-export"
"$kansli" protocol render NBE 2022-06-22 --extract 12 --output "$output/utdrag-12-bestyrkt.html"
"$kansli" documents notice status NBE 2022-06-22 >"$output/anslag.txt"
"$kansli" documents export-log NBE --output "$output/logg"
for number in $("$kansli" finance invoice list NBE --run 1 --json | python3 -c 'import json,sys; print(" ".join(i["number"] for i in json.load(sys.stdin)))'); do
  "$kansli" finance invoice render NBE "$number" --format html --output "$output/faktura-$number.html" >/dev/null
done
ls "$output"
hash="$(sed -n 's/^document-sha256: //p' "$output/protokoll-export/signatur-1-robert-karlsson.txt")"
echo
echo "The protocol's hash in its signing block: $hash"
echo "Check it yourself:"
echo "  cd $output/protokoll-export"
echo "  sha256sum protokoll.html"
(cd "$output/protokoll-export" && sha256sum protokoll.html | sed 's/^/    /')
for index in "${!signers[@]}"; do
  stem="signatur-$((index + 1))-${signers[$index]}"
  echo "  openssl pkeyutl -verify -pubin -inkey $stem.pem -rawin -in $stem.txt -sigfile $stem.sig"
  if command -v openssl >/dev/null 2>&1; then
    (cd "$output/protokoll-export" && openssl pkeyutl -verify -pubin -inkey "$stem.pem" -rawin -in "$stem.txt" -sigfile "$stem.sig" | sed 's/^/    /')
  fi
done
echo "  kansli protocol verify --offline $output/protokoll-export"
"$kansli" protocol verify --offline "$output/protokoll-export" | tail -3 | sed 's/^/    /'
