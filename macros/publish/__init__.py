"""The publishing pipeline: what happens to a built site after its pages are rendered.

Every step speaks the edition's language: the config's theme.language (config.py) chooses
the content, and so the interface strings (content_data/[<lang>/]interface/publish.yml).

| module | step |
|---|---|
| downloads.py | the companion tools (.xlsx, .docx) written under downloads/ |
| print_edition.py, print_page_html.py | print/: the whole guide on one page |
| page_dates.py | each page's "last changed" date, from git |
| page_strings.py | a11y.js's words (content_data/interface/scripts.yml) on each page's <html> |
| editions.py | the Downloads page's list of editions, with sizes |
| scripts.py | scripts after the first paint; whitespace collapsed |
| css_trim.py | Material's CSS trimmed to what the site uses, joined into one file |
| pdf.py | the print edition as a tagged PDF (only when asked) |
| offline.py, js_bundle.py | the offline copy as a ZIP (only when asked) |
| headers.py | `_headers` with the Content-Security-Policy (always last) |
| pipeline.py | all of them in order: `publish(site)` |
"""
