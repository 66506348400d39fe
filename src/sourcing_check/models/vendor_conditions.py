"""The vendor questionnaire's sections on how workers are treated: conditions, voice, care."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from sourcing_check.models.common import Communication, NonNegative, Section


class Conditions(Section):
    """Contracts and working conditions."""

    max_hours_per_week: NonNegative | None = Field(
        None, description="Limit on weekly working hours, including overtime."
    )
    on_call: Literal["none", "paid", "unpaid"] | None = Field(
        None, description="Are workers required to be on call, and is that time paid?"
    )
    terms_available_to_workers: bool | None = Field(
        None, description="Are written terms in plain language available to every worker?"
    )
    terms_compliance_monitored: bool | None = Field(
        None, description="Is it checked that the terms are honoured in practice?"
    )
    eu_workers: bool | None = Field(
        None,
        description="Not read: EU presence is taken from the workforce locations.",
        deprecated="EU presence is taken from workforce.locations; this answer is not read.",
    )
    employment_status_assessed: bool | None = Field(
        None,
        description="Has the employment status of platform workers and contractors in the EU "
        "been assessed (EU Platform Work Directive)?",
    )
    automated_management_disclosed: bool | None = Field(
        None,
        description="Are workers told which automated monitoring and decision systems are used?",
    )
    human_review_of_automated_decisions: bool | None = Field(
        None, description="Can workers have significant automated decisions reviewed by a person?"
    )


class Grievance(Communication):
    """Communication, plus how concerns are raised safely."""

    grievance_route_independent: bool | None = Field(
        None,
        description="Is there a grievance route that does not go through the person "
        "complained about?",
    )
    gag_clauses: bool | None = Field(
        None, description="Do any contracts stop workers from raising concerns (gag clauses)?"
    )


class HarmfulContent(Section):
    """Handling of harmful or traumatic content."""

    handles_harmful_content: bool | None = Field(
        None, description="Do workers see violent, sexual, hateful or otherwise harmful content?"
    )
    risk_assessment_per_project: bool | None = Field(
        None, description="Is a wellbeing risk assessment made for each project?"
    )
    licensed_one_to_one_support: bool | None = Field(
        None, description="Is confidential one-to-one support by licensed professionals offered?"
    )
    support_in_paid_time: bool | None = Field(
        None, description="Can workers use that support during paid time?"
    )
    exposure_controls: list[
        Literal["breaks", "rotation", "blurring", "greyscale", "muted_audio", "daily_cap"]
    ] = Field(default_factory=list, description="Controls that limit exposure to harmful content.")
    per_item_speed_quotas: bool | None = Field(
        None, description="Are workers held to per-item speed quotas on harmful content?"
    )
    support_after_engagement_months: NonNegative | None = Field(
        None, description="How long support continues after a worker's engagement ends, in months."
    )


class Representation(Section):
    """Workers' freedom of association and collective voice."""

    freedom_of_association: bool | None = Field(
        None, description="Is workers' freedom to organise recognised in policy and practice?"
    )
    collective_voice: Literal["union", "works_council", "worker_forum", "none"] | None = Field(
        None, description="Which collective body speaks for workers, if any."
    )
