"""The online self-assessment form (docs/getting-started/online-self-assessment.md)."""
from __future__ import annotations

from .loader import Content


def assessment_form(content: Content) -> str:
    return "\n\n<p>The online self-assessment is being built.</p>\n\n"
