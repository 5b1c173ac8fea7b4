"""Placeholder: replaced by the full Reflection and Planning Companion Workbook builder."""
from __future__ import annotations

import io

import docx


def build(content) -> bytes:
    document = docx.Document()
    document.add_heading("Reflection and Planning Companion Workbook", 0)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def locate(content, area_id: str) -> str:
    return "under the area's heading"
