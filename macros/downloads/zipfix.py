"""Rewrite an Office file (a zip) so the same content always gives the same bytes.

Libraries such as python-docx stamp every zip entry with the current time (and the
platform they run on). ``normalize`` keeps the entries and their order but gives each
one a fixed date, fixed attributes and the same compression.
"""
from __future__ import annotations

import io
import zipfile

FIXED_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip entry can hold


def normalize(data: bytes) -> bytes:
    """Return ``data`` (a zip archive) rewritten with fixed dates and attributes."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0  # otherwise it depends on the OS that builds the file
            info.external_attr = 0
            target.writestr(info, source.read(entry.filename), compresslevel=6)
    return out.getvalue()


def with_language(data: bytes, language: str) -> bytes:
    """An .xlsx whose core properties name its language (XlsxWriter writes none)."""
    out = io.BytesIO()
    tag = f"<dc:language>{language}</dc:language>"
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for entry in source.infolist():
            body = source.read(entry.filename)
            if entry.filename == "docProps/core.xml":
                body = body.replace(b"</cp:coreProperties>",
                                    tag.encode("utf-8") + b"</cp:coreProperties>")
            info = zipfile.ZipInfo(entry.filename, date_time=FIXED_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, body, compresslevel=6)
    return out.getvalue()
