#!/usr/bin/env python3
"""A small Kansli protocol client, written from docs/PROTOCOL.md alone (standard library only).

    python3 kansli_client.py --host 127.0.0.1 --port P --key-id ID --secret HEX scenario SEEDFILE
    python3 kansli_client.py selftest          # checks the document's worked examples, offline

Sections referred to (§n) are those of docs/PROTOCOL.md.
"""

import argparse
import datetime
import hashlib
import hmac
import json
import os
import socket
import struct
import sys
import uuid
import zlib

# --------------------------------------------------------------------------------------------
# §3 Values
# --------------------------------------------------------------------------------------------

NIL, FALSE, TRUE, SINT, UINT, FLOAT64, STRING, BYTES, ARRAY, MAP, DATE, UUID = range(12)
MAX_DEPTH = 64
MAX_STRING_BYTES = 1 << 20
MAX_COLLECTION_COUNT = 1_000_000


class ValueError_(Exception):
    """A value that cannot be encoded or decoded; `code` is one of the §3.5 error codes."""

    def __init__(self, code, message, offset=None):
        super().__init__(f"{code}: {message}" + ("" if offset is None else f" (at byte {offset})"))
        self.code = code


class UInt(int):
    """An int written with tag 04 (unsigned) instead of 03."""


class SortedMap(dict):
    """A dict written with its entries sorted by key (a Swift Dictionary, §3.4). A plain dict is
    written in insertion order, like a struct; entry order has no meaning to a reader either way."""


def _uvarint(n):
    if not 0 <= n < 1 << 64:
        raise ValueError_("number_out_of_range", f"{n} does not fit in 64 bits")
    out = bytearray()
    while True:
        group, n = n & 0x7F, n >> 7
        out.append(group | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _zigzag(n):
    if not -(1 << 63) <= n < 1 << 63:
        raise ValueError_("number_out_of_range", f"{n} does not fit in a signed 64-bit integer")
    return (n << 1) ^ (n >> 63)


def _sized(tag, body):
    return bytes([tag]) + _uvarint(len(body)) + body


def _utf8(text):
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise ValueError_("invalid_utf8", str(error)) from None


def _memcmp_key(raw):
    return raw  # Python compares bytes as unsigned, lexicographically, a prefix first (§3.4)


def encode(value):
    """Encodes a Python value as one Kansli value (§3.2, §3.3)."""
    if value is None:
        return b"\x00"
    if value is False:
        return b"\x01"
    if value is True:
        return b"\x02"
    if isinstance(value, UInt):
        return b"\x04" + _uvarint(int(value))
    if isinstance(value, int):
        return b"\x03" + _uvarint(_zigzag(value))
    if isinstance(value, float):
        if value != value:  # every NaN is written as the one quiet NaN
            return b"\x05" + b"\x00\x00\x00\x00\x00\x00\xf8\x7f"
        return b"\x05" + struct.pack("<d", value)
    if isinstance(value, str):
        raw = _utf8(value)
        return b"\x06" + _uvarint(len(raw)) + raw
    if isinstance(value, (bytes, bytearray, memoryview)):
        raw = bytes(value)
        return b"\x07" + _uvarint(len(raw)) + raw
    if isinstance(value, (datetime.datetime, datetime.date, uuid.UUID)):
        # §3.2: no tag for dates or UUIDs; messages carry dates as "yyyy-MM-dd" strings.
        raise ValueError_("unsupported_type", "no value carries a %s; send it as a string" % type(value).__name__)
    if isinstance(value, (list, tuple)):
        return _sized(ARRAY, _uvarint(len(value)) + b"".join(encode(item) for item in value))
    if isinstance(value, (set, frozenset)):
        raise ValueError_("unsupported_type", "§3.3: a set has no value; send a list in the order it should keep")
    if isinstance(value, dict):
        entries = []
        for key, item in value.items():
            if not isinstance(key, str):
                raise ValueError_("invalid_value", f"map keys must be strings, not {type(key).__name__}")
            raw = _utf8(key)
            entries.append((raw, _uvarint(len(raw)) + raw + encode(item)))
        if isinstance(value, SortedMap):
            entries.sort(key=lambda entry: _memcmp_key(entry[0]))
        return _sized(MAP, _uvarint(len(entries)) + b"".join(entry for _, entry in entries))
    raise ValueError_("invalid_value", f"cannot encode {type(value).__name__}")


class _Reader:
    def __init__(self, data):
        self.data = memoryview(bytes(data))
        self.pos = 0

    def fail(self, code, message):
        raise ValueError_(code, message, self.pos)

    def byte(self, end):
        if self.pos >= end:
            self.fail("truncated", "the input ends inside a value")
        self.pos += 1
        return self.data[self.pos - 1]

    def take(self, count, end):
        if count > end - self.pos:
            self.fail("truncated" if end == len(self.data) else "length_out_of_bounds",
                      f"{count} bytes claimed, {end - self.pos} remain")
        self.pos += count
        return bytes(self.data[self.pos - count:self.pos])

    def varint(self, end):
        result = 0
        for index in range(10):
            byte = self.byte(end)
            if index == 9 and byte > 1:
                self.fail("invalid_varint", "a varint larger than 64 bits")
            result |= (byte & 0x7F) << (7 * index)
            if not byte & 0x80:
                if index > 0 and byte == 0:
                    self.fail("invalid_varint", "a varint that is not minimal")
                return result
        self.fail("invalid_varint", "a varint longer than 10 bytes")

    def length(self, end, limit=None, what="length"):
        start = self.pos
        count = self.varint(end)
        if limit is not None and count > limit:
            self.pos = start
            self.fail("limit_exceeded", f"{what} {count} is over the limit {limit}")
        if count > end - self.pos:
            self.pos = start
            self.fail("length_out_of_bounds", f"{what} {count} exceeds the {end - self.pos} bytes that remain")
        return count

    def text(self, end):
        count = self.length(end, MAX_STRING_BYTES, "string byte count")
        raw = self.take(count, end)
        try:
            return raw.decode("utf-8")  # strict: refuses overlong forms, surrogates, > U+10FFFF
        except UnicodeDecodeError as error:
            self.fail("invalid_utf8", str(error))

    def value(self, end, depth):
        tag = self.byte(end)
        if tag == NIL:
            return None
        if tag in (FALSE, TRUE):
            return tag == TRUE
        if tag == SINT:
            z = self.varint(end)
            return (z >> 1) ^ -(z & 1)
        if tag == UINT:
            return UInt(self.varint(end))
        if tag == FLOAT64:
            return struct.unpack("<d", self.take(8, end))[0]
        if tag == STRING:
            return self.text(end)
        if tag == BYTES:
            return self.take(self.length(end, None, "byte count"), end)
        # 0x0a and 0x0b (a date and a UUID in earlier drafts) are no longer values (§3.2): they fall
        # through to invalid_tag below like every other byte above 0x09.
        if tag in (ARRAY, MAP):
            if depth + 1 > MAX_DEPTH:
                self.fail("limit_exceeded", f"containers nested deeper than {MAX_DEPTH}")
            size = self.length(end, None, "container byte count")
            inner = self.pos + size
            count = self.length(inner, MAX_COLLECTION_COUNT, "element count")
            if tag == ARRAY:
                result = [self.value(inner, depth + 1) for _ in range(count)]
            else:
                if count * 2 > inner - self.pos:
                    self.fail("length_out_of_bounds", f"{count} entries cannot fit in {inner - self.pos} bytes")
                result = {}
                for _ in range(count):
                    key = self.text(inner)
                    if key in result:
                        self.fail("duplicate_key", f"the key {key!r} occurs twice")
                    result[key] = self.value(inner, depth + 1)
            if self.pos != inner:
                self.fail("length_out_of_bounds", "a container's contents do not end where its byte count says")
            return result
        self.pos -= 1
        self.fail("invalid_tag", f"0x{tag:02x} is not a tag (0x00–0x09)")


def decode(data):
    """Decodes exactly one Kansli value (§3.5)."""
    reader = _Reader(data)
    result = reader.value(len(reader.data), 0)
    if reader.pos != len(reader.data):
        reader.fail("trailing_bytes", f"{len(reader.data) - reader.pos} bytes after the value")
    return result


def json_to_value(node):
    """A JSON document (docs/registry-file-format.md) as the value §6 expects: objects are maps,
    integers `int`, dates and mandate periods strings; a JSON null is an absent field."""
    if isinstance(node, dict):
        return {key: json_to_value(item) for key, item in node.items() if item is not None}
    if isinstance(node, list):
        return [json_to_value(item) for item in node]
    if isinstance(node, float) and node.is_integer():
        return int(node)
    return node


# --------------------------------------------------------------------------------------------
# §2 Frames
# --------------------------------------------------------------------------------------------

MAGIC = b"KNSL"
VERSION = 2  # §2.1 and §4: the only version; 1 is withdrawn
HEADER = struct.Struct(">4sBBBBIHHII16s16s")  # 56 bytes, big-endian
REQUEST, RESPONSE, ERROR, HELLO, CHALLENGE, AUTHENTICATE, WELCOME = 1, 2, 3, 16, 17, 18, 19
KINDS = {REQUEST, RESPONSE, ERROR, HELLO, CHALLENGE, AUTHENTICATE, WELCOME}
FLAG_COMPRESSED, FLAG_MAC = 0x01, 0x02
MAX_PAYLOAD_BYTES = 4 * 1024 * 1024
MAX_DECOMPRESSED_BYTES = 16 * 1024 * 1024
COMPRESSION_THRESHOLD = 64 * 1024
ZERO16 = bytes(16)


class FramingError(Exception):
    """A frame that violates §2 (`code` is a framing error code of §2.7), or a failed check of §4."""

    def __init__(self, code, message):
        super().__init__(f"{code}: {message}")
        self.code = code


class Frame:
    def __init__(self, kind, payload, request_id=0, method_id=0, idempotency_key=ZERO16,
                 compressed_on_wire=False):
        self.kind, self.payload, self.request_id, self.method_id = kind, payload, request_id, method_id
        self.idempotency_key = idempotency_key
        self.compressed_on_wire = compressed_on_wire

    def __repr__(self):
        return f"Frame(kind={self.kind}, request={self.request_id}, method=0x{self.method_id:04x}, {len(self.payload)} bytes)"


def wire_payload(payload):
    """The payload as sent and its flags (§2.3): compressed when it is at least the threshold and
    the envelope comes out strictly smaller; refused when a receiver would refuse it (§2.6)."""
    if len(payload) > MAX_DECOMPRESSED_BYTES:
        raise FramingError("too_large", f"a payload of {len(payload)} bytes is over {MAX_DECOMPRESSED_BYTES}")
    if len(payload) >= COMPRESSION_THRESHOLD:
        envelope = struct.pack(">I", len(payload)) + zlib.compress(payload)
        if len(envelope) < len(payload):
            payload, flags = envelope, FLAG_COMPRESSED
        else:
            flags = 0
    else:
        flags = 0
    if len(payload) > MAX_PAYLOAD_BYTES:
        raise FramingError("too_large", f"a wire payload of {len(payload)} bytes is over {MAX_PAYLOAD_BYTES}")
    return payload, flags


def encode_frame(frame, mac_key=None, sequence=0):
    """The frame's bytes (§2.1); with `mac_key`, MAC'd with that key and sequence number (§2.5)."""
    payload, flags = wire_payload(frame.payload)
    if mac_key is not None:
        flags |= FLAG_MAC
    # §2.4: a MAC'd frame carries no CRC (bytes 20..<24 zero); the MAC covers the zero field.
    crc = 0 if mac_key is not None else zlib.crc32(payload)
    head = HEADER.pack(MAGIC, VERSION, frame.kind, flags, 0, frame.request_id, frame.method_id, 0,
                       len(payload), crc, frame.idempotency_key, ZERO16)[:40]
    mac = ZERO16 if mac_key is None else frame_mac(mac_key, sequence, head, payload)
    return head + mac + payload


def frame_mac(key, sequence, head40, payload):
    return hmac.new(key, struct.pack(">Q", sequence) + head40 + payload, hashlib.sha256).digest()[:16]


def inflate(envelope):
    """The inflated payload of a compression envelope (§2.3), with every check of §2.6–2.7."""
    if len(envelope) < 4:
        raise FramingError("decompression_failed", "an envelope shorter than 4 bytes")
    (stated,) = struct.unpack(">I", envelope[:4])
    if stated > MAX_DECOMPRESSED_BYTES:
        raise FramingError("decompressed_too_large", f"stated length {stated} is over {MAX_DECOMPRESSED_BYTES}")
    inflater = zlib.decompressobj()  # zlib format (RFC 1950); refuses a preset dictionary
    try:
        data = inflater.decompress(envelope[4:], stated + 1)
    except zlib.error as error:
        raise FramingError("decompression_failed", str(error)) from None
    if len(data) > stated:
        raise FramingError("decompressed_length_mismatch", f"inflates to more than the stated {stated} bytes")
    if not inflater.eof:
        raise FramingError("decompression_failed", "a truncated zlib stream")
    if inflater.unused_data:
        raise FramingError("decompression_failed", "bytes after the end of the zlib stream")
    if len(data) != stated:
        raise FramingError("decompressed_length_mismatch", f"inflates to {len(data)} bytes, not {stated}")
    return data


def parse_header(head):
    """Checks the 56 header bytes in the order of §2.7; returns the fields."""
    magic, version, kind, flags, reserved7, request_id, method_id, reserved14, length, crc, key, mac = \
        HEADER.unpack(head)
    if magic != MAGIC:
        raise FramingError("bad_magic", f"magic {magic!r}")
    if version != VERSION:
        raise FramingError("unsupported_version", f"version {version}")
    if kind not in KINDS:
        raise FramingError("unknown_kind", f"kind {kind}")
    if flags & ~(FLAG_COMPRESSED | FLAG_MAC):
        raise FramingError("bad_flags", f"flags 0x{flags:02x}")
    if reserved7 or reserved14:
        raise FramingError("bad_reserved", "a reserved byte is not zero")
    if not flags & FLAG_MAC and mac != ZERO16:
        raise FramingError("unexpected_mac", "a MAC without the MAC flag")
    if flags & FLAG_MAC and crc != 0:
        raise FramingError("bad_checksum", "a MAC'd frame whose CRC field is not zero (§2.4)")
    if length > MAX_PAYLOAD_BYTES:
        raise FramingError("too_large", f"payload length {length} is over {MAX_PAYLOAD_BYTES}")
    return kind, flags, request_id, method_id, length, crc, key, mac


def parse_frame(data, mac_key=None, sequence=0):
    """One frame from `data` (exactly one frame's bytes), MAC-checked when `mac_key` is given."""
    if len(data) < HEADER.size:
        raise FramingError("truncated", "fewer than 56 bytes")
    kind, flags, request_id, method_id, length, crc, key, mac = parse_header(data[:HEADER.size])
    payload = data[HEADER.size:]
    if len(payload) != length:
        raise FramingError("truncated", f"{len(payload)} payload bytes, the header says {length}")
    return _finish_frame(data[:HEADER.size], kind, flags, request_id, method_id, payload, crc, key, mac,
                         mac_key, sequence)


def _finish_frame(head, kind, flags, request_id, method_id, payload, crc, key, mac, mac_key, sequence):
    if not flags & FLAG_MAC and zlib.crc32(payload) != crc:
        raise FramingError("bad_checksum", "the CRC-32 of the payload does not match")
    if mac_key is not None:
        if not flags & FLAG_MAC:
            raise FramingError("unauthenticated", "a frame without a MAC inside the session")
        if not hmac.compare_digest(mac, frame_mac(mac_key, sequence, head[:40], payload)):
            raise FramingError("unauthenticated", "a frame whose MAC does not verify")
    compressed = bool(flags & FLAG_COMPRESSED)
    if compressed:
        payload = inflate(payload)
    return Frame(kind, bytes(payload), request_id, method_id, key, compressed)


# --------------------------------------------------------------------------------------------
# §4 Session, §5 calls
# --------------------------------------------------------------------------------------------

ROLES = {"read": 0, "write": 1, "admin": 2, "signer": 0}
# §6.2: name -> (method id, least role).
METHODS = {
    "health": (0x0001, "read"), "stats": (0x0002, "read"), "audit": (0x0003, "read"),
    "registry.committee.create": (0x0100, "write"), "registry.committee.update": (0x0101, "write"),
    "registry.committee.end": (0x0102, "write"), "registry.committee.get": (0x0103, "read"),
    "registry.committee.list": (0x0104, "read"),
    "registry.party.add": (0x0110, "write"), "registry.party.update": (0x0111, "write"),
    "registry.party.end": (0x0112, "write"), "registry.party.get": (0x0113, "read"),
    "registry.party.list": (0x0114, "read"),
    "registry.yearlykey.set": (0x0120, "write"), "registry.yearlykey.list": (0x0124, "read"),
    "registry.yearlykey.table": (0x0125, "read"),
    "registry.person.create": (0x0130, "write"), "registry.person.update": (0x0131, "write"),
    "registry.person.get": (0x0133, "read"), "registry.person.list": (0x0134, "read"),
    "registry.appointment.create": (0x0140, "write"), "registry.appointment.update": (0x0141, "write"),
    "registry.appointment.end": (0x0142, "write"), "registry.appointment.get": (0x0143, "read"),
    "registry.appointment.list": (0x0144, "read"),
    "registry.role.assign": (0x0150, "write"), "registry.role.update": (0x0151, "write"),
    "registry.role.end": (0x0152, "write"), "registry.role.get": (0x0153, "read"),
    "registry.role.list": (0x0154, "read"),
    "registry.staff.assign": (0x0160, "write"), "registry.staff.update": (0x0161, "write"),
    "registry.staff.end": (0x0162, "write"), "registry.staff.get": (0x0163, "read"),
    "registry.staff.list": (0x0164, "read"),
    "registry.pairing.create": (0x0170, "write"), "registry.pairing.update": (0x0171, "write"),
    "registry.pairing.end": (0x0172, "write"), "registry.pairing.get": (0x0173, "read"),
    "registry.pairing.list": (0x0174, "read"),
    "registry.signingkey.add": (0x0180, "write"), "registry.signingkey.revoke": (0x0182, "write"),
    "registry.signingkey.get": (0x0183, "read"), "registry.signingkey.list": (0x0184, "read"),
    "registry.composition": (0x0190, "read"), "registry.substitutes": (0x0191, "read"),
    "registry.import": (0x01A0, "admin"), "registry.import.check": (0x01A1, "read"),
    "registry.export": (0x01A2, "read"),
}


class KansliError(Exception):
    """An error frame (§5): `code`, `message` and, optionally, `field`."""

    def __init__(self, code, message, field=None, request_id=0, method_id=0):
        super().__init__(f"{code}: {message}" + (f" (field {field})" if field else ""))
        self.code, self.message, self.field = code, message, field
        self.request_id, self.method_id = request_id, method_id

    @classmethod
    def from_payload(cls, payload, request_id=0, method_id=0):
        try:
            error = decode(payload)
            return cls(str(error["code"]), str(error["message"]), error.get("field"), request_id, method_id)
        except (ValueError_, KeyError, TypeError, AttributeError) as problem:
            return cls("internal", f"an error frame whose payload is not an error value ({problem})",
                       None, request_id, method_id)


def transcript(offered, version, key_id, client_nonce, server_nonce, service):
    """The handshake transcript of §4.1 (version 2): the offered versions and the chosen one, the
    key id, both nonces and the service."""
    key_id, service = key_id.encode("utf-8"), service.encode("utf-8")
    return (b"kansli-handshake-v2" + bytes([len(offered)]) + bytes(offered) + bytes([version])
            + struct.pack(">H", len(key_id)) + key_id
            + client_nonce + server_nonce + struct.pack(">H", len(service)) + service)


def derive(secret, label, transcript_bytes, suffix=b""):
    return hmac.new(secret, label + transcript_bytes + suffix, hashlib.sha256).digest()


def service_secret(client_secret, service):
    """§4.1: the secret a service holds for a key, HKDF-SHA256 (RFC 5869) of the client secret
    with salt "kansli-service-secret-v2" and the service's name as info, 32 bytes."""
    prk = hmac.new(b"kansli-service-secret-v2", client_secret, hashlib.sha256).digest()
    return hmac.new(prk, service.encode("utf-8") + b"\x01", hashlib.sha256).digest()


def length_prefixed(text):
    data = text.encode("utf-8")
    return struct.pack(">H", len(data)) + data


class Client:
    """One authenticated session (§4) over one TCP connection; calls are sequential (§5)."""

    def __init__(self, host, port, key_id, secret, timeout=30.0):
        if len(secret) < 16:
            raise ValueError("a secret has at least 16 bytes (§4.1)")
        self.sock = socket.create_connection((host, port), timeout=timeout)
        self.key_id, self.secret = key_id, secret
        self.send_key = self.receive_key = None
        self.send_sequence = self.receive_sequence = 0
        self.next_request_id = 1
        self.last_response_payload = None
        try:
            self._handshake()
        except BaseException:
            self.close()
            raise

    def close(self):
        self.sock.close()

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self.close()

    # -- frames on the socket

    def _recv_exactly(self, count):
        chunks, remaining = [], count
        while remaining:
            chunk = self.sock.recv(min(remaining, 1 << 20))
            if not chunk:
                raise ConnectionError("the server closed the connection")
            chunks.append(chunk)
            remaining -= len(chunk)
        return b"".join(chunks)

    def send(self, frame):
        data = encode_frame(frame, self.send_key, self.send_sequence)
        self.sock.sendall(data)
        if self.send_key is not None:
            self.send_sequence += 1

    def receive(self):
        head = self._recv_exactly(HEADER.size)
        kind, flags, request_id, method_id, length, crc, key, mac = parse_header(head)
        payload = self._recv_exactly(length)
        frame = _finish_frame(head, kind, flags, request_id, method_id, payload, crc, key, mac,
                              self.receive_key, self.receive_sequence)
        if self.receive_key is not None:
            self.receive_sequence += 1
        return frame

    def _expect(self, kind):
        frame = self.receive()
        if frame.kind == ERROR:
            raise KansliError.from_payload(frame.payload, frame.request_id, frame.method_id)
        if frame.kind != kind:
            raise FramingError("bad_request", f"expected a frame of kind {kind}, got {frame.kind}")
        if frame.request_id != 0 or frame.method_id != 0:
            raise FramingError("bad_request", "a handshake frame must carry request id 0 and method 0 (§4)")
        return decode(frame.payload)

    # -- §4 handshake

    def _handshake(self):
        client_nonce = os.urandom(32)
        offered = [VERSION]
        self.send(Frame(HELLO, encode({"versions": bytes(offered), "keyID": self.key_id,
                                       "clientNonce": client_nonce})))
        challenge = self._expect(CHALLENGE)
        version, server_nonce, service = challenge["version"], challenge["serverNonce"], challenge["service"]
        if version not in offered:
            raise FramingError("unsupported_version", f"the server chose version {version}, not offered")
        if not isinstance(server_nonce, bytes) or len(server_nonce) != 32:
            raise FramingError("bad_request", "the server nonce is not 32 bytes")
        secret = service_secret(self.secret, service)
        t = transcript(offered, version, self.key_id, client_nonce, server_nonce, service)
        self.send(Frame(AUTHENTICATE, encode({"proof": derive(secret, b"client-proof", t)})))
        welcome = self._expect(WELCOME)
        role = str(welcome["role"])
        # §4.1: the server's proof covers the role it grants.
        if not hmac.compare_digest(bytes(welcome["proof"]), derive(secret, b"server-proof", t, length_prefixed(role))):
            raise FramingError("unauthenticated", "the server's proof does not match: it does not know the secret")
        self.service, self.role = service, role
        self.send_key = derive(secret, b"client-to-server", t)
        self.receive_key = derive(secret, b"server-to-client", t)

    # -- §5 calls

    def call(self, method, request=None, idempotency_key=None, raw=None):
        """Calls `method` (a name of §6.2) with `request` (a Python value; `{}` when None) and
        returns the decoded response, raising KansliError for an error frame. A write gets a fresh
        random idempotency key unless one is given; the raw response payload is kept in
        `last_response_payload`."""
        method_id, role = METHODS[method]
        if idempotency_key is None:
            idempotency_key = os.urandom(16) if ROLES[role] >= ROLES["write"] else ZERO16
        if len(idempotency_key) != 16:
            raise ValueError("an idempotency key has 16 bytes")
        request_id = self.next_request_id
        self.next_request_id = self.next_request_id % 0xFFFFFFFF + 1  # never 0: that is the connection's
        payload = raw if raw is not None else encode({} if request is None else request)
        self.send(Frame(REQUEST, payload, request_id, method_id, idempotency_key))
        frame = self.receive()
        if frame.kind == ERROR:
            error = KansliError.from_payload(frame.payload, frame.request_id, frame.method_id)
            if frame.request_id not in (0, request_id):
                raise FramingError("bad_request", f"an error for request {frame.request_id}, not {request_id}")
            raise error
        if frame.kind != RESPONSE or frame.request_id != request_id or frame.method_id != method_id:
            raise FramingError("bad_request", f"expected the response to request {request_id}, got {frame!r}")
        self.last_response_payload = frame.payload
        return decode(frame.payload)


# --------------------------------------------------------------------------------------------
# The scenario
# --------------------------------------------------------------------------------------------


class ScenarioFailure(Exception):
    pass


def check(condition, message):
    if not condition:
        raise ScenarioFailure(message)


def scenario(client, seed_path, out=print):
    out(f"connected: service {client.service}, role {client.role}")
    health = client.call("health")
    out(f"health: status {health['status']} (service {health['service']}, version {health['version']}, "
        f"schema {health['schemaVersion']})")
    check(health["status"] == "ok", f"health status is {health['status']!r}, not 'ok'")

    # A request above the compression threshold (padded with a field the server must ignore, §6.1)
    # goes out compressed (§2.3) and must be answered like any other.
    padded = {"padding": "kansli " * 20000}
    check(wire_payload(encode(padded))[1] & FLAG_COMPRESSED, "the padded request was not compressed")
    check(client.call("health", padded)["status"] == "ok", "a compressed health request was not answered ok")
    out("health (compressed request): ok")

    with open(seed_path, encoding="utf-8") as handle:
        document = json_to_value(json.load(handle))
    code = document["committee"]["code"]
    request = {"file": document, "replaceExisting": True}
    key = os.urandom(16)
    imported = client.call("registry.import", request, idempotency_key=key)
    first_payload = client.last_response_payload
    out(f"import: committee {imported['committee']}, stored {imported['stored']}, replaced {imported['replaced']}, "
        f"counts {json.dumps(imported['counts'], sort_keys=True)}")
    check(imported["committee"] == code and imported["stored"] is True, "the import did not store the committee")
    for field in ("parties", "persons", "appointments", "roles", "staff", "pairings", "yearlyKeys", "signingKeys"):
        check(imported["counts"][field] == len(document.get(field, [])),
              f"import counted {imported['counts'][field]} {field}, the file holds {len(document.get(field, []))}")

    day = "2022-06-22"
    composition = client.call("registry.composition", {"committee": code, "on": day})
    check(composition["committee"] == code and composition["date"] == day, "the composition is of another day")
    out(f"composition of {code} on {day} (host {composition.get('hostParty', '-')}):")
    for party in composition["parties"]:
        out(f"  {party['name']} ({party['party']}){' [host]' if party['isHost'] else ''}")
        for label, members in (("ledamöter", party["ledamoter"]), ("ersättare", party["ersattare"])):
            names = ", ".join(f"{m['name']} ({m['politicalParty']})" for m in members) or "-"
            out(f"    {label}: {names}")
    for title, key_name in (("chair", "chair"), ("vice chair", "viceChair")):
        if key_name in composition:
            out(f"  {title}: {composition[key_name]['name']} ({composition[key_name]['politicalParty']})")
    check(len(composition["parties"]) > 0, "the composition has no parties")

    replays_before = client.call("stats")["replayedWrites"]
    replayed = client.call("registry.import", request, idempotency_key=key)
    check(client.last_response_payload == first_payload and replayed == imported,
          "the import repeated with the same idempotency key was not answered with the stored response")
    replays_after = client.call("stats")["replayedWrites"]
    check(replays_after == replays_before + 1, f"replayedWrites went from {replays_before} to {replays_after}, not +1")
    out(f"replay: identical response ({len(first_payload)} bytes), replayedWrites {replays_before} -> {replays_after}")

    bad_party = {"committee": code, "party": {
        "code": "testby", "name": "Testby kommun", "kind": "kommun",
        "organisationNumber": "212000-2743",  # the Luhn check digit of 212000-274 is 2
        "joinedOn": "2022-01-01"}}
    try:
        client.call("registry.party.add", bad_party)
    except KansliError as error:
        out(f"party.add with a bad organisationsnummer: code {error.code}, field {error.field}, message {error.message}")
        check(error.code == "validation", f"expected code validation, got {error.code}")
        check(error.field == "party.organisationNumber", f"expected field party.organisationNumber, got {error.field}")
        check(bool(error.message.strip()), "the error has no message")
    else:
        raise ScenarioFailure("a party with an invalid organisationsnummer was added")
    check(client.call("health")["status"] == "ok", "the session did not survive the validation error")
    out("scenario: every step behaved as specified")


# --------------------------------------------------------------------------------------------
# Offline checks of the document's worked examples
# --------------------------------------------------------------------------------------------


def selftest():
    hexbytes = bytes.fromhex
    health = Frame(REQUEST, encode({}), 7, 0x0001)
    assert encode_frame(health) == hexbytes(
        "4b4e534c02010000000000070001000000000003e98bd3dc" + "00" * 32 + "090100"), "§2.8"
    mac_frame = encode_frame(health, bytes(range(32)), 0)
    assert mac_frame[40:56] == hexbytes("d40230b13c8eab55ed349861dce17aeb") and mac_frame[6] == 2 and mac_frame[20:24] == bytes(4), "§2.9"
    assert parse_frame(mac_frame, bytes(range(32)), 0).payload == b"\x09\x01\x00"
    assert zlib.crc32(b"123456789") == 0xCBF43926 and zlib.crc32(b"") == 0, "§2.4"
    municipality = {"name": "Luleå", "population": 79000, "host": True}
    assert encode(municipality) == hexbytes("092303046e616d6506064c756c65c3a50a706f70756c6174696f6e03b0d209"
                                            "04686f737402"), "§3.6"
    assert decode(encode(municipality)) == municipality
    assert encode([1, 2, 3]) == hexbytes("080703030203040306") and encode([1, None, 3]) == hexbytes("0806030302000306")
    assert encode(SortedMap(b=1, a=2)) == hexbytes("0909020161030401620302")
    assert encode(SortedMap({"10": True, "9": False})) == hexbytes("09080202313002013901")
    for unsupported in ({3, 1, 2}, uuid.UUID("E621E1F8-C36C-495A-93FC-0C247A3E6E5F"),
                        datetime.datetime(2022, 6, 22, tzinfo=datetime.timezone.utc)):
        try:
            encode(unsupported)
            raise AssertionError("encoded %r" % (unsupported,))
        except ValueError_ as error:
            assert error.code == "unsupported_type", error.code
    assert encode([False] * 200) == hexbytes("08ca01c801") + b"\x01" * 200
    assert encode({"committee": "NBE", "on": "2022-06-22"}) == hexbytes(
        "091f0209636f6d6d69747465650603" "4e4245026f6e060a323032322d30362d3232"), "§6.4"
    for n, raw in ((0, "00"), (127, "7f"), (128, "8001"), (300, "ac02"), ((1 << 64) - 1, "ffffffffffffffffff01")):
        assert _uvarint(n) == hexbytes(raw) and decode(b"\x04" + hexbytes(raw)) == n
    for n, z in ((0, 0), (-1, 1), (1, 2), (-2, 3), (63, 126), (-64, 127), (64, 128)):
        assert _zigzag(n) == z and decode(b"\x03" + _uvarint(z)) == n
    for bad, code in (("048000", "invalid_varint"), ("04ffffffffffffffffff02", "invalid_varint"), ("0c", "invalid_tag"),
                      ("0a000000000000f83f", "invalid_tag"), ("0b" + "00" * 16, "invalid_tag"),
                      ("0200", "trailing_bytes"), ("0605616263", "length_out_of_bounds"), ("050000", "truncated"), ("0603c0afaa", "invalid_utf8"),
                      ("090702016100016100", "duplicate_key"), ("080401030303", "length_out_of_bounds")):
        try:
            decode(hexbytes(bad))
            raise AssertionError(f"{bad} was accepted")
        except ValueError_ as error:
            assert error.code == code, f"{bad}: {error.code}, expected {code}"
    big = bytes(200_000)
    wire, flags = wire_payload(big)
    assert flags == FLAG_COMPRESSED and inflate(wire) == big
    assert parse_frame(encode_frame(Frame(RESPONSE, big, 1, 1))).payload == big
    bomb = struct.pack(">I", 10) + zlib.compress(bytes(1000))
    try:
        inflate(bomb)
        raise AssertionError("an envelope that inflates past its stated length was accepted")
    except FramingError as error:
        assert error.code == "decompressed_length_mismatch"
    print("selftest: every worked example of docs/PROTOCOL.md matches")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Kansli protocol client (docs/PROTOCOL.md)")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=7401)
    parser.add_argument("--key-id")
    parser.add_argument("--secret", help="the key's shared secret in hexadecimal")
    commands = parser.add_subparsers(dest="command", required=True)
    run = commands.add_parser("scenario", help="health, import, composition, replay, a validation error")
    run.add_argument("seedfile")
    commands.add_parser("selftest", help="check the worked examples of docs/PROTOCOL.md offline")
    args = parser.parse_args(argv)

    if args.command == "selftest":
        selftest()
        return 0
    if not args.key_id or not args.secret:
        parser.error("scenario needs --key-id and --secret")
    try:
        secret = bytes.fromhex(args.secret)
    except ValueError:
        parser.error("--secret must be hexadecimal")
    try:
        with Client(args.host, args.port, args.key_id, secret) as client:
            scenario(client, args.seedfile, out=lambda line: print(line, flush=True))
    except ScenarioFailure as failure:
        print(f"FAILED: {failure}", file=sys.stderr)
        return 1
    except KansliError as error:
        print(f"FAILED: the server answered an error: {error}", file=sys.stderr)
        return 1
    except (FramingError, ValueError_, OSError, KeyError, TypeError) as error:
        print(f"FAILED: {type(error).__name__}: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
