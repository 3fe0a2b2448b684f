"""Writes the seed corpus of each fuzz target (Fuzz/Corpus/<target>/), so that fuzzing starts from
inputs that get past the first checks. Frames are made by the Python client written from
docs/PROTOCOL.md alone; the JSON seeds are the committed seed files; the signing texts are
docs/SIGNING.md's examples. Run from the repository root: python3 Fuzz/make-corpus.py"""
import os, re, sys
sys.path.insert(0, "Tests/IntegrationTests/python")
import kansli_client as k

def write(target, name, data):
    with open(f"Fuzz/Corpus/{target}/{name}", "wb") as f:
        f.write(data)

health = k.encode({"peers": True})
write("fuzz-frames", "health", b"\x00" + k.encode_frame(k.Frame(k.REQUEST, health, request_id=1, method_id=1)))
write("fuzz-frames", "health-split", b"\x07" + k.encode_frame(k.Frame(k.REQUEST, health, request_id=1, method_id=1)))
big = k.encode({"note": "a" * 3000})
write("fuzz-frames", "compressed", b"\xff" + k.encode_frame(k.Frame(k.REQUEST, big, request_id=2, method_id=1)))
write("fuzz-frames", "two", b"\x10" + k.encode_frame(k.Frame(k.REQUEST, health, 1, 1)) + k.encode_frame(k.Frame(k.REQUEST, health, 2, 2)))

hello = k.encode({"versions": b"\x02", "keyID": "fuzz-client", "clientNonce": bytes(range(32))})
write("fuzz-handshake", "hello", k.encode_frame(k.Frame(k.HELLO, hello)))
write("fuzz-handshake", "hello-unknown-key", k.encode_frame(k.Frame(k.HELLO, k.encode({"versions": b"\x02", "keyID": "nobody", "clientNonce": bytes(32)}))))
write("fuzz-handshake", "request-first", k.encode_frame(k.Frame(k.REQUEST, health, 1, 1)))

# Method index (two bytes) then a payload: maps the registry's requests take.
payloads = [
    {"code": "NBE", "name": "Norrbottens e-nämnd", "establishedOn": "2013-03-25"},
    {"committee": "NBE", "code": "lulea", "name": "Luleå kommun", "kind": "municipality", "organisationNumber": "212000-2627", "joinedOn": "2013-03-25", "seats": 1},
    {"committee": "NBE", "name": "Isak Utsi"},
    {"committee": "NBE", "on": "2022-06-22"},
    {},
]
for index, payload in enumerate(payloads):
    for method in range(0, 60, 7):
        write("fuzz-registry-requests", f"m{method}-p{index}", bytes([0, method + index]) + k.encode(payload))

for name in ["norrbotten-e-namnd.json", "jamtland-gns.json"]:
    write("fuzz-committee-file", name, open(f"deploy/seed-data/{name}", "rb").read())
for name in ["norrbotten-e-namnd-budget.json", "jamtland-gns-budget.json"]:
    write("fuzz-budget-file", name, open(f"deploy/seed-data/{name}", "rb").read())

doc = open("docs/SIGNING.md", encoding="utf-8").read()
blocks = [m.group(2) + "\n" for m in re.finditer(r"<!-- ([a-z0-9-]+) -->\n```\n(.*?)\n```", doc, re.S)]
for index, block in enumerate(blocks):
    write("fuzz-signing-texts", f"example-{index}", block.encode())
write("fuzz-signing-texts", "log", ("\n".join(blocks[1:])).encode())

# An export folder (docs/SIGNING.md §4) packed as the offline verifier's fuzz target reads it: a
# byte of name length, the name, 4 bytes of big-endian length, the bytes. The seeds are the
# demo's exports (run scripts/demo.sh first); without them this target keeps its committed seeds.
import struct
for name in ["protokoll-export", "utdrag-12-export"]:
    folder = f"data/demo/output/{name}"
    if not os.path.isdir(folder):
        continue
    packed = b""
    for root, _, files in os.walk(folder):
        for file in sorted(files):
            path = os.path.join(root, file)
            relative = os.path.relpath(path, folder).encode()
            data = open(path, "rb").read()
            packed += bytes([len(relative)]) + relative + struct.pack(">I", len(data)) + data
    write("fuzz-export-folder", name, packed)

# Role byte, method index (two bytes), then a payload: maps the documents requests take, about
# the meeting the fuzz target enters (NBE 2022-06-22, § 8-9).
meeting = {"committee": "NBE", "date": "2022-06-22"}
documents_payloads = [
    meeting,
    {"meeting": meeting, "number": 8},
    {"meeting": meeting, "kind": "protokoll"},
    {"meeting": meeting, "party": "lulea", "postedOn": "2022-07-08", "justeratOn": "2022-07-04"},
    {"meeting": meeting, "document": "protocol", "format": "html"},
    {"statement": "Kansli signature statement v1\nkind: protokoll\n", "signature": bytes(64)},
    {"committee": "NBE", "year": 2022},
]
for index, payload in enumerate(documents_payloads):
    for method in range(0, 34, 3):
        write("fuzz-documents-requests", f"m{method}-p{index}", bytes([index % 2, 0, method]) + k.encode(payload))
