"""Bytes -> text: BOMs, UTF-8, UTF-16 without a BOM, then charset-normalizer's best guess
(preferring the Western encodings English news uses); binary or empty content is refused.
"""

from __future__ import annotations

from pathlib import Path

from ..errors import IngestError

MAX_FILE_BYTES = 10_000_000  # one article file; record files are streamed and have no limit
WESTERN_ENCODINGS = ("cp1252", "latin_1", "iso8859_15")
CSV_SNIFF_BYTES = 1 << 20  # enough of a CSV file to tell its encoding


def decode_bytes(data: bytes) -> str:
    """Bytes -> str: UTF-8 (BOM or not), UTF-16/32 by BOM, else charset-normalizer's best guess.

    Raises IngestError for empty or binary content.
    """
    return decode_text(data)[0]


def decode_text(data: bytes) -> tuple[str, str | None]:
    """(text, a problem worth an errors row or None), as ``decode_bytes``.

    A file cut inside its last character (a truncated download or copy) is still UTF-8: the
    broken tail becomes U+FFFD and the problem says so. Only text that is not UTF-8 elsewhere
    goes to the charset guess, so a cut never turns the whole file into mojibake.
    """
    if not data.strip():
        raise IngestError("empty file")
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8-sig"),
        (b"\xff\xfe\x00\x00", "utf-32"),
        (b"\x00\x00\xfe\xff", "utf-32"),
        (b"\xff\xfe", "utf-16"),
        (b"\xfe\xff", "utf-16"),
    ):
        if data.startswith(bom):
            try:
                if codec == "utf-8-sig":  # its errors count from after the BOM
                    return _decode_cut(data[len(bom) :], "utf-8")
                return _decode_cut(data, codec)
            except UnicodeDecodeError as exc:
                raise IngestError(f"invalid {codec} text: {exc.reason}") from exc
    if _looks_binary(data):
        raise IngestError("binary content, not text")
    try:
        return _decode_cut(data, "utf-8")
    except UnicodeDecodeError:
        pass
    return data.decode(_guess_legacy_encoding(data)), None


def _decode_cut(data: bytes, codec: str) -> tuple[str, str | None]:
    """Strict decoding, except that an incomplete last character becomes U+FFFD with a note."""
    try:
        return data.decode(codec), None
    except UnicodeDecodeError as exc:
        if exc.end != len(data) or exc.reason not in ("unexpected end of data", "truncated data"):
            raise
        text = data[: exc.start].decode(codec) + "\ufffd"
        cut = len(data) - exc.start
        return text, f"the file ends inside a {codec} character (truncated): its last {cut} byte(s) read as U+FFFD"


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        # UTF-16 without a BOM has NULs in every other byte of ASCII text
        even, odd = sample[0::2].count(0), sample[1::2].count(0)
        return not (max(even, odd) > len(sample) // 4 and min(even, odd) == 0)
    control = sum(b < 9 or 13 < b < 32 for b in sample)
    return control > len(sample) * 0.05


def _decode_utf16_without_bom(data: bytes) -> str | None:
    sample = data[:8192]
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if even > len(sample) // 4 and odd == 0:
        return data.decode("utf-16-be", errors="strict")
    if odd > len(sample) // 4 and even == 0:
        return data.decode("utf-16-le", errors="strict")
    return None


def read_text_file(path: Path) -> str:
    """Decode a text file, refusing files too large to be one article."""
    return read_text(path)[0]


def read_text(path: Path) -> tuple[str, str | None]:
    """(text, a problem worth an errors row or None), as ``read_text_file``."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise IngestError(f"file too large for one article ({size:,} bytes > {MAX_FILE_BYTES:,})")
    data = path.read_bytes()
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = _decode_utf16_without_bom(data)
        except UnicodeDecodeError:
            text = None
        if text is None:
            raise IngestError("binary content, not text")
        return text, None
    return decode_text(data)


def _csv_encoding(path: Path) -> str:
    """The encoding of a CSV records file, judged on its first megabyte (the file is streamed)."""
    with path.open("rb") as fh:
        head = fh.read(CSV_SNIFF_BYTES)
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        head.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as exc:
        if exc.start >= len(head) - 3:  # a character cut at the sample's end
            return "utf-8"
    return _guess_legacy_encoding(head)


def _guess_legacy_encoding(data: bytes) -> str:
    """charset-normalizer's reading, preferring Windows-1252 / Latin-1 among equally clean ones.

    English news that is not UTF-8 is nearly always one of those; among equally clean readings
    charset-normalizer's ranking is arbitrary (cp775 for "Zürich").
    """
    from charset_normalizer import from_bytes

    if _looks_binary(data):
        raise IngestError("binary content, not text")
    matches = list(from_bytes(data))
    if not matches:
        raise IngestError("unknown text encoding")
    least_chaos = min(m.chaos for m in matches)
    clean = [m for m in matches if m.chaos <= least_chaos + 0.05]
    preferred = next((m for enc in WESTERN_ENCODINGS for m in clean if m.encoding == enc), None)
    return (preferred or matches[0]).encoding
