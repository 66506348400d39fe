"""The vendor questionnaire's sections on how workers come to the work, and claims made about it."""

from __future__ import annotations

from pydantic import Field

from sourcing_check.models.common import Section


class Recruitment(Section):
    """How workers are recruited and engaged, and whether they are free to leave."""

    institution_consent: bool | None = Field(
        None,
        description="For workers engaged through a prison, detention centre or other "
        "institution: does each give formal, free and informed consent in writing, knowing the "
        "work, pay and conditions, and can they stop without losing privileges, remission or "
        "any other benefit?",
    )
    institution_conditions_like_free_labour: bool | None = Field(
        None,
        description="For those workers: are their pay, social security, and safety and health "
        "close to those of free workers doing the same work?",
    )
    recruitment_fees_charged: bool | None = Field(
        None,
        description="Are any workers charged recruitment fees or related costs (placement "
        "fees, travel, visas, medical checks, training, deposits), directly or by deduction, by "
        "the supplier or by any recruiter or agent?",
    )
    identity_documents_held: bool | None = Field(
        None,
        description="Does the supplier, a recruiter or an institution hold any worker's "
        "passport, identity card or permit, other than for a moment to copy it or for "
        "safekeeping the worker asked for in writing and can end at any time?",
    )
    free_to_leave: bool | None = Field(
        None,
        description="Can every worker stop or resign on reasonable notice without a penalty, a "
        "lost deposit, withheld wages, a debt to repay or a threat to their residence status?",
    )
    work_permits_tied: bool | None = Field(
        None,
        description="Do any workers hold a work permit or visa tied to employment with the "
        "supplier or one of its subcontractors, so that losing or leaving the job puts their "
        "right to stay at risk?",
    )
    tied_permit_safeguards: bool | None = Field(
        None,
        description="For workers on such permits: does the supplier release them to another "
        "employer when they ask, pay their way home when they leave, and never use their "
        "status to keep them?",
    )
    terms_as_recruited: bool | None = Field(
        None,
        description="Are the work, pay, hours and place what workers were told in writing, in a "
        "language they read, before they committed (no deceptive recruitment)?",
    )


class ImpactClaims(Section):
    """Claims that the work trains workers, builds careers or has social impact."""

    skills_or_impact_claims: bool | None = Field(
        None,
        description="Does the supplier tell clients, workers or the public that the work trains "
        "workers, builds their skills or careers, or is 'impact sourcing'?",
    )
    claims_backed_by_training: bool | None = Field(
        None,
        description="Is each such claim backed by training workers actually get: a curriculum, "
        "paid training time, and records of who completed it?",
    )
    outcomes_tracked: bool | None = Field(
        None,
        description="Are the outcomes tracked (skills certified, later jobs or pay), so that the "
        "claim can be checked?",
    )
