"""The project plan's sections on readiness for launch: the pilot, instructions and reviews."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from sourcing_check.models.common import IsoDate, NonNegative, Section


class Pilot(Section):
    """The pilot run before launch."""

    status: Literal["completed", "scheduled", "not_planned"] | None = Field(
        None, description="Has a pilot been run (completed), planned (scheduled), or neither?"
    )
    date: IsoDate | None = Field(None, description="Date of the pilot (YYYY-MM-DD).")
    participants: int | None = Field(None, ge=0, description="Number of pilot workers.")
    like_production_workers: bool | None = Field(
        None, description="Were pilot workers like the production workers (same pool, skills)?"
    )
    median_minutes: NonNegative | None = Field(
        None, description="Median completion time per task, in minutes."
    )
    p75_minutes: NonNegative | None = Field(
        None, description="75th-percentile completion time per task, in minutes."
    )
    interrupted_sessions_excluded: bool | None = Field(
        None, description="Were interrupted sessions left out of the time statistics?"
    )
    feedback_gathered: bool | None = Field(
        None, description="Was worker feedback on clarity, pay and difficulty gathered?"
    )
    changes_logged: bool | None = Field(
        None, description="Were the changes made after the pilot recorded?"
    )
    paid_at_production_rate: bool | None = Field(
        None, description="Were pilot workers paid at least the production rate?"
    )


class Instructions(Section):
    """The instructions and training materials workers receive."""

    verified_by: list[Literal["pilot", "independent_review"]] = Field(
        default_factory=list, description="How the instructions were verified before launch."
    )
    purpose_stated: bool | None = Field(
        None, description="Do they state the task's purpose and how the data will be used?"
    )
    label_definitions: bool | None = Field(
        None, description="Do they give the steps and define every label?"
    )
    examples: bool | None = Field(None, description="Do they give good and bad examples?")
    edge_cases: bool | None = Field(None, description="Do they cover edge cases?")
    time_pay_acceptance_stated: bool | None = Field(
        None, description="Do they state expected time, pay and the acceptance criteria?"
    )
    content_warning: bool | None = Field(
        None, description="Do they warn of harmful content before it is shown?"
    )
    opt_out_without_penalty: bool | None = Field(
        None, description="Can workers skip harmful items without penalty?"
    )
    version: str | None = Field(None, description="Version of the instructions.")
    workers_told_of_changes: bool | None = Field(
        None, description="Are workers told when the instructions change?"
    )
    languages: list[str] = Field(
        default_factory=list, description="Languages the instructions are available in."
    )
    training_provided: bool | None = Field(None, description="Is training or practice provided?")
    training_paid: bool | None = Field(None, description="Is that training paid?")


class EthicsReview(Section):
    """A review of the project by an ethics body."""

    body: str | None = Field(None, description="The reviewing body.")
    date: IsoDate | None = Field(None, description="Date of the decision (YYYY-MM-DD).")
    decision: (
        Literal["approved", "approved_with_conditions", "rejected", "pending", "none"] | None
    ) = Field(
        None,
        description="The decision: approved, approved_with_conditions, rejected, pending (asked, "
        "not yet decided) or none (no review was sought).",
    )


class HumanDataReview(Section):
    """The human-data review of the project (sourcing, pay, wellbeing)."""

    done: bool | None = Field(None, description="Has a human-data review been done?")
    date: IsoDate | None = Field(None, description="Date of the review (YYYY-MM-DD).")


class Reviews(Section):
    """Reviews the project has been through."""

    ethics: EthicsReview | None = Field(None, description="Ethics review.")
    human_data: HumanDataReview | None = Field(None, description="Human-data review.")
