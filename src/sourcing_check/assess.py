"""Assess one subject: derive facts, evaluate every rule in scope, score, decide the verdict.

A pure function of its arguments: it reads no file and prints nothing. The assessment is put
together from parts that are already models of the right types (findings, scores, facts), so
it is constructed, not validated: a run whose output is text never builds the assessment's
validator (tests check that validating the same fields gives the same assessment).
"""

from __future__ import annotations

import datetime as dt

from sourcing_check import __version__
from sourcing_check.facts import Context, Inputs, derive
from sourcing_check.models.numbers import points
from sourcing_check.models.results import (
    ASSESSMENT_SCHEMA_VERSION,
    Assessment,
    FileRef,
    Standing,
)
from sourcing_check.models.subject import Subject
from sourcing_check.reference.lookup import Reference
from sourcing_check.rules.evaluate import evaluate_all
from sourcing_check.rules.framework import Framework
from sourcing_check.rules.places import placed_facts
from sourcing_check.rules.subject_view import View
from sourcing_check.scoring import scores, verdict


def assess(
    subject: Subject, framework: Framework, reference: Reference, date: dt.date
) -> Assessment:
    """Derive facts, evaluate every rule in scope, score, and decide the verdict."""
    ctx = Context(reference, framework.params, date)
    facts = derive(Inputs(subject.vendor_model, subject.project_model), ctx)
    answers = subject.data()
    answers["facts"] = facts.plain()  # plain data: Decimals stay Decimal, unset keys absent
    data = View(answers)
    documents = {"vendor": subject.vendor, "project": subject.project}
    findings = evaluate_all(framework, data, documents)
    per_guideline, overall = scores(findings, framework.meta)
    meta = framework.meta
    decided = verdict(findings, overall, meta)
    files = [
        FileRef(role=i.kind, path=i.document.name, sha256=i.document.sha256)
        for i in subject.inputs()
    ]
    files += framework.file_refs
    files += [FileRef(role="reference", path=p, sha256=h) for p, h in reference.files]
    return Assessment.model_construct(
        set(_GIVEN),  # the fields set as before; those after it are given their defaults
        schema_version=ASSESSMENT_SCHEMA_VERSION,
        tool={"name": "sourcing-check", "version": __version__},
        framework={"id": meta.id, "title": meta.title, "version": meta.version},
        assessment_date=date.isoformat(),
        subject={
            "vendor": subject.vendor_model.vendor.name if subject.vendor_model else None,
            "project": subject.project_model.project.name if subject.project_model else None,
        },
        parameters=dict(framework.shown_params),  # each its own, as validating copies it
        profiles=list(framework.profiles),
        files=files,
        facts=placed_facts(facts, documents),  # the facts' missing inputs by cell too
        findings=findings,
        scores=per_guideline,
        overall=overall,
        unverified_credit=points(meta.scoring.unverified_credit),
        conditions_below_score=meta.verdict.conditions_below_score,
        verdict=decided,
        without_waivers=Standing.model_construct(
            scores=list(per_guideline), overall=overall, verdict=decided
        ),
        decision=None,
        previous=None,
        warnings=[],
    )


#: The fields ``assess`` sets. The rest are given their defaults here: pydantic, filling a
#: default from a factory (``warnings``), asks whether the factory takes the validated data by
#: parsing ``list``'s text signature, about 75 us a call (1.5% of a pair in a batch worker).
_GIVEN = frozenset(Assessment.model_fields) - {"decision", "previous", "warnings"}
