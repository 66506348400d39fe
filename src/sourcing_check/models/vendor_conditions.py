"""The vendor questionnaire's sections on how workers are treated: conditions, voice, care."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator

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
    actual_hours_monitored: bool | None = Field(
        None,
        description="Are workers' actual hours (all logged and on-call time) recorded and checked "
        "against the limit, so that overwork is seen and stopped?",
    )
    overtime_voluntary: bool | None = Field(
        None, description="Can workers refuse overtime without any penalty (or is there none)?"
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
    move_off_without_loss: bool | None = Field(
        None,
        description="Can a worker move off harmful content, for a while or for good, to other "
        "work at the same pay and without penalty?",
    )
    counsellors_independent: bool | None = Field(
        None,
        description="Are the counsellors independent of management: not managers or team "
        "leaders, reporting nothing a worker says to management, and never used to judge "
        "performance?",
    )

    @field_validator("exposure_controls")
    @classmethod
    def _each_control_once(cls, controls: list[str]) -> list[str]:
        # [breaks, breaks] passed PAI-6.4 (breaks and at least one further control)
        twice = sorted({c for c in controls if controls.count(c) > 1})
        if twice:
            shown = ", ".join(repr(c) for c in twice)
            raise ValueError(f"lists {shown} more than once: name each control once")
        return controls


class Representation(Section):
    """Workers' freedom of association and collective voice."""

    freedom_of_association: bool | None = Field(
        None, description="Is workers' freedom to organise recognised in policy and practice?"
    )
    collective_voice: Literal["union", "works_council", "worker_forum", "none"] | None = Field(
        None, description="Which collective body speaks for workers, if any."
    )
    collective_body_independent: bool | None = Field(
        None,
        description="Is that body elected or chosen by workers and run independently of "
        "management (not chaired, appointed or controlled by managers)?",
    )
    non_retaliation_policy: bool | None = Field(
        None,
        description="Does a written policy, told to every worker, forbid penalising anyone for "
        "organising, joining a union or raising concerns together?",
    )


class FairManagement(Section):
    """Decisions about workers: deactivation, discrimination and their personal data."""

    deactivation_reasons_given: bool | None = Field(
        None,
        description="When a worker's account or access to work is suspended, deactivated or "
        "ended, are they told the reason?",
    )
    deactivation_appeal_to_person: bool | None = Field(
        None, description="Can they appeal that decision to a person who can reverse it?"
    )
    anti_discrimination_policy: bool | None = Field(
        None,
        description="Does a written policy forbid discrimination against workers (in hiring, "
        "task allocation, pay, ratings and deactivation), with a way to report it?",
    )
    discrimination_by_clients_and_algorithms_covered: bool | None = Field(
        None,
        description="Does it cover discrimination by clients (e.g. a client excluding workers by "
        "nationality or sex) and by automated systems, and are those systems checked for bias?",
    )
    worker_data_protected: bool | None = Field(
        None,
        description="Is workers' personal data handled under a written policy they can read "
        "(what is collected and why, who sees it, how long it is kept, how it is secured), and "
        "can they see and correct what is held on them?",
    )
