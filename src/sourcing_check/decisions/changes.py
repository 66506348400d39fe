"""What changed between two assessments of one subject, and whether anything regressed: a pure
function over the two canonical assessments (read back or made now)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from sourcing_check.decisions.fact_answers import file_of, lacks, recorded_answers
from sourcing_check.models.changes import (
    AnswerChange,
    Changes,
    LapsedWaiver,
    ScoreChange,
    Side,
    StatusChange,
    WageChange,
)
from sourcing_check.models.facts import WageFact
from sourcing_check.models.numbers import plain_json
from sourcing_check.models.results import VERDICT_ORDER, Answer, Assessment, Finding, subject_name

#: Statuses from the worst to the best; a move down this list is a regression.
_RANK = {"fail": 0, "unanswered": 1, "unverified": 2, "pass": 3}


def changes(
    old: Assessment,
    new: Assessment,
    old_source: str,
    new_source: str,
    written: Mapping[str, Answer] | None = None,
    old_written: Mapping[str, Answer] | None = None,
) -> Changes:
    """Every difference between ``old`` and ``new``, and what got worse; ``written`` and
    ``old_written``: where the new and old subject's answers are written, by pointer, when
    assessed now (an assessment records where the answers its findings quote are, not where
    its facts' own are)."""
    moved = list(_status_changes(old, new))
    scores = _score_changes(old, new)
    wages = list(_wage_changes(old, new))
    lapsed = _lapsed(old, new)
    regressions = _regressions(old, new, moved, scores, wages, lapsed)
    return Changes(
        old=_side(old, old_source),
        new=_side(new, new_source),
        newly_failing=[c for c in moved if c.movement == "newly_failing"],
        newly_passing=[c for c in moved if c.movement == "newly_passing"],
        changed=[c for c in moved if c.movement == "changed"],
        scores=scores,
        wages=wages,
        lapsed_waivers=lapsed,
        answers=_answer_changes(old, new, (old_written or {}, written or {})),
        regressions=regressions,
    )


def _side(a: Assessment, source: str) -> Side:
    return Side(
        source=source,
        subject=subject_name(a),
        assessment_date=a.assessment_date,
        verdict=a.verdict.value,
        verdict_label=a.verdict.label,
        score=a.overall.score,
    )


def _unwaived(f: Finding) -> str:
    """A finding's status without its waiver."""
    return f.waived_from or f.status


def _status_changes(old: Assessment, new: Assessment) -> Iterator[StatusChange]:
    """Requirements whose status (without waivers) differs, in the new assessment's order."""
    before = {f.requirement: f for f in old.findings}
    after = {f.requirement: f for f in new.findings}
    for rid in [*after, *(r for r in before if r not in after)]:
        was, now = before.get(rid), after.get(rid)
        old_status = _unwaived(was) if was else None
        new_status = _unwaived(now) if now else None
        if old_status == new_status:
            continue
        shown = now or was
        assert shown is not None
        if new_status == "fail":
            movement = "newly_failing"
        elif new_status == "pass":
            movement = "newly_passing"
        else:
            movement = "changed"
        worse = (
            old_status in _RANK and new_status in _RANK and _RANK[new_status] < _RANK[old_status]
        )
        yield StatusChange(
            requirement=rid,
            title=shown.title,
            level=shown.level,
            old=old_status,
            new=new_status,
            movement=movement,
            regressed=movement == "newly_failing" or worse,
        )


def _score_changes(old: Assessment, new: Assessment) -> list[ScoreChange]:
    """Scores (with waivers) that differ: overall, then each guideline area."""
    before = {s.id: s for s in [old.overall, *old.scores]}
    found = []
    for score in [new.overall, *new.scores, *(s for s in old.scores if s.id not in before)]:
        was = before.get(score.id)
        old_value = was.score if was else None
        if old_value == score.score:
            continue
        delta = (
            score.score - old_value if score.score is not None and old_value is not None else None
        )
        found.append(
            ScoreChange(id=score.id, title=score.title, old=old_value, new=score.score, delta=delta)
        )
    return found


def _locations(a: Assessment) -> dict[tuple[str, str], tuple[Decimal | None, str | None]]:
    """Each worker location's effective-wage ratio and its text, by payer and place."""
    found: dict[tuple[str, str], tuple[Decimal | None, str | None]] = {}
    facts: tuple[tuple[str, WageFact | None], ...] = (
        ("project", a.facts.project_wage),
        ("vendor", a.facts.vendor_wage),
    )
    for payer, fact in facts:
        for line in fact.locations if fact else []:
            found[(payer, line.place)] = (line.ratio, line.ratio_text)
    return found


def _wage_changes(old: Assessment, new: Assessment) -> Iterator[WageChange]:
    before, after = _locations(old), _locations(new)
    for key in [*after, *(k for k in before if k not in after)]:
        (old_ratio, old_text), (new_ratio, new_text) = (
            before.get(key, (None, None)),
            after.get(key, (None, None)),
        )
        if old_ratio == new_ratio:
            continue
        yield WageChange(
            payer="project" if key[0] == "project" else "vendor",
            place=key[1],
            old=None if old_ratio is None else format(old_ratio, "f"),
            new=None if new_ratio is None else format(new_ratio, "f"),
            old_text=old_text,
            new_text=new_text,
        )


def _lapsed(old: Assessment, new: Assessment) -> list[LapsedWaiver]:
    """Waivers active before that do not apply now: expired, stale, or gone."""
    now = {w.requirement: w for w in new.decision.waivers} if new.decision else {}
    statuses = {f.requirement: f.status for f in new.findings}
    lapsed = []
    for waiver in old.decision.waivers if old.decision else []:
        if waiver.state != "active":
            continue
        current = now.get(waiver.requirement)
        if current is not None and current.state == "active":
            continue
        lapsed.append(
            LapsedWaiver(
                requirement=waiver.requirement,
                title=waiver.title,
                expires=waiver.expires,
                now=current.state if current is not None else "gone",
                status=statuses.get(waiver.requirement),
            )
        )
    return lapsed


def _answers(a: Assessment) -> dict[str, Answer]:
    """Every answer the findings read, by pointer (first reading)."""
    found: dict[str, Answer] = {}
    for f in a.findings:
        for answer in f.answers:
            found.setdefault(answer["pointer"], answer)
    return found


def _at(answer: Answer | None) -> str | None:
    """Where an answer is written: 'file:line' or 'file:cell' (None when unknown)."""
    if answer is None or not answer["file"]:
        return None
    if answer["place"]:
        return f"{answer['file']}:{answer['place']}"
    return f"{answer['file']}:{answer['line']}" if answer["line"] else answer["file"]


def _answer_changes(
    old: Assessment, new: Assessment, written: tuple[Mapping[str, Answer], Mapping[str, Answer]]
) -> list[AnswerChange]:
    """The answers the findings quote that differ, then those the facts record (a wage
    line's rate, its fee, the price) that differ and that no quoted answer holds."""
    before, after = _answers(old), _answers(new)
    found = []
    for pointer in [*after, *(p for p in before if p not in after)]:
        was, now = before.get(pointer), after.get(pointer)
        # plain numbers on both sides: read back from JSON an answer holds Decimals
        old_value: Any = plain_json(was["value"], numbers=True) if was else None
        new_value: Any = plain_json(now["value"], numbers=True) if now else None
        if old_value == new_value:
            continue
        found.append(
            AnswerChange(
                pointer=pointer, old=old_value, new=new_value, old_at=_at(was), new_at=_at(now)
            )
        )
    # a quoted answer shows a recorded one when it is the same, or one above it shown
    # whole (a long list is cut to its start: a rate far down it changed unseen)
    shown = {*before, *after}
    shown.difference_update(c.pointer for c in found if _cut(c.old) or _cut(c.new))
    whole = {c.pointer for c in found if not (_cut(c.old) or _cut(c.new))}
    return found + [
        change
        for change in _recorded_changes(old, new, written)
        if change.pointer not in shown and not _under(change.pointer, whole)
    ]


def _cut(value: Any) -> bool:
    """True when a quoted structure was cut to the start of its text."""
    return isinstance(value, str) and value.endswith("...") and value[:1] in "[{"


def _under(pointer: str, listed: set[str]) -> bool:
    """True when an answer above ``pointer`` is listed."""
    parts = pointer.split("/")
    return any("/".join(parts[:end]) in listed for end in range(2, len(parts)))


def _recorded_changes(
    old: Assessment, new: Assessment, written: tuple[Mapping[str, Answer], Mapping[str, Answer]]
) -> Iterator[AnswerChange]:
    """The answers the facts record that differ; one a side does not record (its working did
    not read it, or the assessment was written before wage lines recorded what they read)
    counts as not answered when its input has no answer there or its facts say it is missing
    (an answer its working did not read, unchanged, is not a change)."""
    before, after = recorded_answers(old), recorded_answers(new)
    for pointer in [*after, *(p for p in before if p not in after)]:
        was, now = before.get(pointer), after.get(pointer)
        if was == now:
            continue
        if not (pointer in before or _unanswered(written[0], pointer) or lacks(old, pointer)):
            continue
        if not (pointer in after or _unanswered(written[1], pointer) or lacks(new, pointer)):
            continue
        yield AnswerChange(
            pointer=pointer,
            old=was,
            new=now,
            old_at=_at(written[0].get(pointer)) or file_of(old, pointer),
            new_at=_at(written[1].get(pointer)) or file_of(new, pointer),
        )


def _unanswered(located: Mapping[str, Answer], pointer: str) -> bool:
    """True when an input assessed now has no answer at ``pointer``."""
    return pointer in located and located[pointer]["value"] is None


def _regressions(
    old: Assessment,
    new: Assessment,
    moved: list[StatusChange],
    scores: list[ScoreChange],
    wages: list[WageChange],
    lapsed: list[LapsedWaiver],
) -> list[str]:
    """What got worse, in words."""
    found = []
    if VERDICT_ORDER.index(new.verdict.value) > VERDICT_ORDER.index(old.verdict.value):
        found.append(f"verdict: {old.verdict.label} -> {new.verdict.label}")
    found += [
        f"{c.requirement}: {c.old or 'not assessed'} -> {c.new}" for c in moved if c.regressed
    ]
    found += [
        f"score {s.title}: {s.old} -> {s.new}"
        for s in scores
        if s.delta is not None and s.delta < 0
    ]
    found += [
        f"wage {w.payer} {w.place}: {w.old_text} -> {w.new_text}"
        for w in wages
        if w.old is not None and (w.new is None or Decimal(w.new) < Decimal(w.old))
    ]
    found += [f"waiver {w.requirement} lapsed ({w.now})" for w in lapsed]
    return found
