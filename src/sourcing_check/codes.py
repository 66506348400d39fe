"""The catalogue of problem codes: code -> one-line summary. Codes are stable, never reused.

``I`` codes are problems in the files we read (questionnaires, plans, reference tables, and
the reading of any file); ``G`` codes are findings of the guideline lint. The hundreds group
them: ``1xx`` reading a file, ``2xx`` its shape, ``3xx`` how files fit together. A retired code
stays retired; a new problem gets the next free number in its group. The code is set where
the problem is created (``load/`` and ``rules/``); this module imports nothing of ours.
"""

from __future__ import annotations

CODES: dict[str, str] = {
    # I1: reading a file (any file: inputs, reference tables, guideline files)
    "I101": "the file cannot be read: missing, a directory, or not readable",
    "I102": "the file is larger than the size limit",
    "I103": "the file is not valid UTF-8",
    "I104": "syntax error (YAML, JSON or CSV), or an alias to an unknown anchor",
    "I105": "the data is nested too deep",
    "I106": "YAML aliases expand to too many values",
    "I107": "a key appears twice in one mapping",
    "I108": "a YAML tag (only plain data is accepted)",
    "I109": "more than one YAML document in the file",
    "I110": "a mapping key that is not a plain string",
    "I111": "a CSV row has more cells than the header has columns",
    # I2: the shape of a questionnaire, plan or reference table
    "I201": "unknown field",
    "I202": "missing required field",
    "I203": "invalid value: wrong type, not one of the allowed values, or out of range",
    "I204": "not a questionnaire or plan: 'kind' is missing or unknown, or not a mapping",
    # I3: files that refer to each other
    "I301": "a plan names a vendor questionnaire that cannot be read or is not a questionnaire",
    # G1: the shape of a guideline file (framework.yaml, requirements/*.yaml)
    "G101": "unknown key",
    "G102": "missing required field",
    "G103": "wrong value or type",
    # G2: a requirement (the lint rule table, rules/lint.py)
    "G201": "duplicate requirement id",
    "G202": "unknown guideline area",
    "G203": "source document not declared in framework.yaml",
    "G204": "conditional requirement (applies_when) without a not_applicable_reason",
    "G205": "empty remediation",
    "G206": "vendor-scope requirement reads what only a project plan provides",
    "G207": "pointer the input schemas and facts do not define, or evidence where none is kept",
    "G208": "parameter not declared in framework.yaml",
    "G209": "placeholder that cannot be filled",
    "G210": "predicate that is malformed or not valid JSON Schema",
    # G3: the framework directory as a whole
    "G301": "not a guideline framework directory",
    "G302": "no requirement files",
    "G303": "parameter override for an undeclared parameter",
}


#: The codes ``guidelines lint`` reports, in the order ``--codes`` lists them: the guideline
#: codes, then those of reading a file.
LINT_CODE_PREFIXES = ("G", "I1")


def markdown_table(prefix: str) -> str:
    """Return the Markdown table of every code starting with ``prefix`` (as in the docs)."""
    rows = [f"| `{code}` | {text} |" for code, text in CODES.items() if code.startswith(prefix)]
    return "\n".join(["| code | meaning |", "|---|---|", *rows]) + "\n"
