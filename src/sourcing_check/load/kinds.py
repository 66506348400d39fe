"""Read any file 'validate' accepts, by its ``kind``: a questionnaire or plan (with the
questionnaire a plan names), a profile (P1xx) or a decision file (D1xx)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from sourcing_check.errors import InputError
from sourcing_check.load.decision import DECISION_CODES
from sourcing_check.load.documents import PartialRead, read_document
from sourcing_check.load.profile import PROFILE_CODES
from sourcing_check.load.subject import KINDS, subject_of, validate_document, validating_rest
from sourcing_check.load.validation import validate_as
from sourcing_check.load.xlsx_order import in_form_order
from sourcing_check.models.decision import DECISION_KIND, DecisionFile, LoadedDecision
from sourcing_check.models.profile import PROFILE_KIND, LoadedProfile, ProfileFile
from sourcing_check.models.subject import LoadedInput, Subject

#: Every kind 'validate' reads, in the order its messages name them.
VALIDATED_KINDS = (*KINDS, PROFILE_KIND, DECISION_KIND)


def load_any(
    path: Path, allow_outside: Sequence[Path] = ()
) -> Subject | LoadedProfile | LoadedDecision:
    """Read and validate one file of any kind 'validate' accepts; raise InputError listing
    every problem (a kind that is none of them is I204, naming them all)."""
    try:
        document = read_document(path)
    except PartialRead as partial:  # only inputs are read in part (workbooks)
        problems = partial.problems + validating_rest(partial)
        raise InputError(in_form_order(partial.document, problems)) from None
    data = document.data
    kind = data.get("kind") if isinstance(data, dict) else None
    if kind == PROFILE_KIND:
        return LoadedProfile(document, validate_as(document, ProfileFile, PROFILE_CODES))
    if kind == DECISION_KIND:
        return LoadedDecision(document, validate_as(document, DecisionFile, DECISION_CODES))
    if isinstance(data, dict) and "kind" in data and kind not in KINDS:
        expected = ", ".join(repr(k) for k in VALIDATED_KINDS)
        message = f"unknown kind {kind!r}; expected one of {expected}"
        hint = "add e.g. 'kind: vendor-questionnaire' at the top of the file"
        raise InputError([document.problem("/kind", message, hint, code="I204")])
    return subject_of(LoadedInput(document, validate_document(document)), allow_outside)
