"""Evaluate one requirement against a subject: applicability, answers, check, evidence."""

from __future__ import annotations

import functools
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sourcing_check.models.document import in_input
from sourcing_check.models.guideline import written
from sourcing_check.models.results import Answer, Finding
from sourcing_check.models.subject import LoadedInput
from sourcing_check.rules.answers import answers as located_answers
from sourcing_check.rules.framework import Framework, Rule
from sourcing_check.rules.lint import PLACEHOLDER
from sourcing_check.rules.needed import (
    Given,
    describe,
    described,
    fact_missing,
    needed_as,
    text_inputs,
)
from sourcing_check.rules.places import EVIDENCE_FIX, evidence_place, placed
from sourcing_check.rules.subject_view import ABSENT, resolve, resolver

#: A decided outcome: status, message, what must be answered to decide it, and what to do.
Outcome = tuple[str, str, list[str], str | None]


@dataclass(frozen=True, slots=True)
class Reading:
    """One subject as every rule reads it, with what each rule would otherwise work out again:
    its values at pointers (``at``) and how its inputs word an answer still needed."""

    data: dict[str, Any]
    documents: dict[str, LoadedInput | None]
    framework: Framework
    at: Callable[[str], Any]
    given: Given | None


def evaluate_all(
    framework: Framework, data: dict[str, Any], documents: dict[str, LoadedInput | None]
) -> list[Finding]:
    """A finding for each rule in scope (a rule of an input not given has none), in order."""
    read = Reading(data, documents, framework, resolver(data), text_inputs(documents))
    return [
        evaluate(rule, template, read)
        for rule, template in zip(framework.rules, framework.templates, strict=True)
        if documents[rule.requirement.scope] is not None
    ]


def evaluate(rule: Rule, template: dict[str, Any], read: Reading) -> Finding:
    """Decide one requirement's status and explain it, as a finding whose answers are shown
    and located only when read; ``template`` holds the finding's fields in order, those that
    do not depend on the subject filled in (``Framework.templates``)."""
    data, documents = read.data, read.documents
    answers = located_answers(rule.answer_pointers, data, documents)
    evidence, evidence_missing = _evidence(rule, data, documents) if rule.evidence else ([], [])
    outcome = None
    if rule.applies is not None:
        outcome = _applicability(rule, read)
    if outcome is None and rule.pending is not None:
        outcome = _pending(rule, read)
    if outcome is None:
        outcome = _judge(rule, read, answers, evidence_missing)
    status, message, missing, remediation = outcome
    values = template.copy()
    values["status"] = status
    values["message"] = message
    values["answers"] = answers
    values["facts"] = list(rule.facts)
    values["missing"] = list(dict.fromkeys(missing)) if missing else []
    values["evidence"] = evidence
    values["evidence_missing"] = evidence_missing if status != "not_applicable" else []
    values["remediation"] = remediation
    return Finding.built(values)


def _applicability(rule: Rule, read: Reading) -> Outcome | None:
    """The outcome when the rule does not apply or applicability is unknown; else None."""
    if rule.applies is None:
        return None
    applies = rule.applies.decide(read.data)
    if applies is None:
        unknown = rule.applies.unknowns(read.data)
        if read.given is not None and not rule.reads_facts:
            return ("unanswered", *_asked_text(_APPLIES, tuple(unknown), read.given))
        missing = needed_as(unknown, read.data, read.documents, read.given)
        return ("unanswered", *_asked(_APPLIES, missing))
    if not applies:
        reason = rule.requirement.not_applicable_reason or "Does not apply to this subject."
        return "not_applicable", reason, [], None
    return None


def _pending(rule: Rule, read: Reading) -> Outcome | None:
    """The outcome when the answers say the matter is still to be decided; else None."""
    if rule.pending is None or rule.pending.decide(read.data) is not True:
        return None
    at = read.at
    unknown = [p for p in rule.reads if at(p) is ABSENT]
    awaited = [p for p in (*rule.pending.reads, *unknown) if not p.startswith("/facts/")]
    missing = [describe(p, read.documents) for p in dict.fromkeys(awaited)]
    reason = rule.requirement.pending_reason or "Still to be decided."
    return "unanswered", reason, missing, _to_answer("Once it is decided", missing)


def _judge(
    rule: Rule, read: Reading, answers: Sequence[Answer], evidence_missing: list[str]
) -> Outcome:
    """Run the check of an applicable rule: fail, unanswered, unverified or pass."""
    req = rule.requirement
    data, framework = read.data, read.framework
    verdict = rule.check.decide(data)
    at = read.at
    unknown = [p for p in rule.reads if at(p) is ABSENT]
    if verdict is None:
        unknown += rule.check.unknowns(data)
    if unknown and verdict is not False:
        if read.given is not None and not rule.reads_facts:
            return ("unanswered", *_asked_text(_DECIDE, tuple(unknown), read.given))
        missing = needed_as(unknown, data, read.documents, read.given)
        if missing:
            return ("unanswered", *_asked(_DECIDE, tuple(dict.fromkeys(missing))))
    if verdict is not True:
        # decided by what is answered, whatever the rest says
        # Only text the guideline author wrote is filled; quoted answers stay as written.
        fix = _fill(req.remediation, data, framework)
        failing = rule.check.failing(data) if verdict is False else []
        if req.messages.fail:
            said = _fill(req.messages.fail, data, framework)
            return "fail", said + _which(rule.check.reads, answers, failing), [], fix
        return "fail", _as_answered(req.title, answers, failing), [], fix
    # only a rule that reads a fact can rest on a partial one
    partial = _partial(rule.fact_reads, data, read.documents) if rule.fact_reads else None
    if partial:
        return ("unanswered", *_asked(_CONFIRM, tuple(partial)))
    if rule.unverified is not None or evidence_missing:
        unconfirmed = _unconfirmed(rule, data, framework, evidence_missing)
        if unconfirmed is not None:
            return unconfirmed
    if req.messages.pass_:
        return "pass", _fill(req.messages.pass_, data, framework), [], None
    return "pass", rule.met, [], None


def _partial(
    fact_reads: tuple[str, ...], data: dict[str, Any], documents: dict[str, LoadedInput | None]
) -> list[str]:
    """What the facts a passing rule reads still lack, each item once, placed."""
    facts: dict[str, Any] = data.get("facts", {})
    lacking = [m for p in fact_reads for m in fact_missing(p, facts)]
    return list(dict.fromkeys(placed(m, documents) for m in lacking)) if lacking else []


def _unconfirmed(
    rule: Rule, data: dict[str, Any], framework: Framework, evidence_missing: list[str]
) -> Outcome | None:
    """A pass that cannot be confirmed: a figure it rests on is out of date (the rule's
    unverified_when), or its evidence is missing; None when it is a clean pass."""
    req = rule.requirement
    messages: list[str] = []
    fixes: list[str] = []
    if rule.unverified is not None and rule.unverified.decide(data) is True:
        messages.append(_fill(req.unverified_reason or "It cannot be confirmed.", data, framework))
        default = "Resolve what the finding names, then assess again."
        fixes.append(_fill(req.unverified_remediation or default, data, framework))
    if evidence_missing:
        # the documents are named once, in the fix, which every report shows beside this
        messages.append("Met as answered, but without the evidence that would confirm it.")
        fixes.append(_sentence(EVIDENCE_FIX + "; ".join(evidence_missing)))
    if not messages:
        return None
    return "unverified", " ".join(messages), [], " ".join(fixes)


#: What an unanswered finding says, before the answers it lacks, and what it asks for them.
_APPLIES = ("Cannot tell whether this applies: not answered: ", "To tell whether it applies")
_DECIDE = ("Not answered: ", "To decide it")
_CONFIRM = ("The answers given meet it so far, but it cannot be confirmed: ", "To confirm it")


@functools.lru_cache(maxsize=4096)
def _asked(kind: tuple[str, str], missing: tuple[str, ...]) -> tuple[str, list[str], str]:
    """The message, the missing answers and the remediation of a finding unanswered for want
    of ``missing`` (worded once for every subject that leaves the same answers out; the
    evaluator copies the list into each finding)."""
    said, lead = kind
    return said + "; ".join(missing), list(missing), _to_answer(lead, list(missing))


@functools.lru_cache(maxsize=4096)
def _asked_text(
    kind: tuple[str, str], unknown: tuple[str, ...], given: Given
) -> tuple[str, list[str], str]:
    """``_asked`` for want of the answers at ``unknown`` (no fact among them) of text inputs
    ``given``: what ``needed_as`` and ``_asked`` make, worded once for every subject."""
    return _asked(kind, tuple(dict.fromkeys(described(unknown, given))))


def _to_answer(lead: str, missing: list[str]) -> str:
    """The remediation of an unanswered finding: what to answer, and nothing else."""
    return _sentence(f"{lead}, answer or provide: " + "; ".join(dict.fromkeys(missing)))


def _as_answered(title: str, answers: Sequence[Answer], failing: Sequence[str]) -> str:
    """A failure in words when the author wrote none: the answers that made the check fail."""
    shown = _answered(answers, failing)
    return f"Not met, as answered: {shown}" if shown else f"Not met: {title}."


def _answered(answers: Sequence[Answer], failing: Sequence[str]) -> str:
    """'x = 1; y = false': the answers that failed the check (else all given), '' for none."""
    given = [a for a in answers if a["value"] is not None]
    # answers from the plan and its questionnaire keep their input ('/vendor/...'): both
    # have a harmful_content section, and a plan's reader looked for the supplier's in the plan
    # (a fact keeps its '/facts/' too, which no input has)
    whole = len({a["pointer"].split("/", 2)[1] for a in given} - {"facts"}) > 1
    return "; ".join(
        f"{_quoted(a['pointer'], whole)} = {_inline(a['value'])}"
        for a in [a for a in given if a["pointer"] in failing] or given
    )


def _quoted(pointer: str, whole: bool) -> str:
    """A pointer as quoted: in its input ('/pilot/status'), unless ``whole`` or a fact."""
    return pointer if whole or pointer.startswith("/facts/") else in_input(pointer)[1]


def _which(reads: Sequence[str], answers: Sequence[Answer], failing: Sequence[str]) -> str:
    """Which answers (not facts) failed an author's message for several ('or below 40%')."""
    if len(reads) < 2 or not failing or any(p.startswith("/facts/") for p in failing):
        return ""
    shown = _answered(answers, failing)
    return f" {_sentence('As answered: ' + shown)}" if shown else ""


def _sentence(text: str) -> str:
    """``text`` ended by one full stop (none added after a question or a full stop)."""
    return text if text.endswith((".", "?", "!")) else text + "."


def _evidence(
    rule: Rule, data: dict[str, Any], documents: dict[str, LoadedInput | None]
) -> tuple[list[dict[str, Any]], list[str]]:
    found: list[dict[str, Any]] = []
    missing: list[str] = []
    for spec in rule.evidence:
        section = resolve(data, spec.at)
        items = section.get("evidence", []) if isinstance(section, dict) else []
        for item in items:
            found.append(
                dict(
                    title=item["title"],
                    reference=item.get("reference"),
                    url=item.get("url"),
                    date=item["date"].isoformat() if item.get("date") else None,
                )
            )
        if spec.required and not items:
            where = evidence_place(spec.at, documents)
            missing.append(f"{spec.description} (add to 'evidence' at {spec.at}{where})")
    return found, missing


def _fill(text: str, data: dict[str, Any], framework: Framework) -> str:
    if "{" not in text:
        return text
    scope = {"facts": data.get("facts", {}), "params": framework.params}

    def lookup(match: Any) -> str:
        current: Any = scope
        for part in match.group(1).split("."):
            current = current.get(part) if isinstance(current, dict) else None
        if current is None:
            return "(not known)"
        if isinstance(current, list):
            items = [str(item) for item in current]
            joiner = "; " if any(", " in item for item in items) else ", "
            return joiner.join(items) or "(none)"
        if isinstance(current, bool):
            return written(current)  # true or false, as a profile writes it
        return format(current.normalize(), "f") if isinstance(current, Decimal) else str(current)

    return PLACEHOLDER.sub(lookup, text)


def _inline(value: Any) -> str:
    """An answer value as short text for a message."""
    if value is None:
        return "(not answered)"
    if isinstance(value, str):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)
