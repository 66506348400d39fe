"""The project plan: one data-enrichment project, described by the AI team that runs it."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator
from pydantic_core import PydanticCustomError

from sourcing_check.models.common import (
    Communication,
    Contact,
    Count,
    Country,
    Hours,
    IsoDate,
    Minutes,
    Money,
    NonNegative,
    Percent,
    Rejection,
    Section,
    Strict,
    Tasks,
    VulnerableGroup,
    WorkerLocation,
)
from sourcing_check.models.pay import ContractedHours, ObservedEarnings, PayTerms
from sourcing_check.models.reviews import Reviews
from sourcing_check.models.task import Task
from sourcing_check.models.text import Name, PathText, SubjectName, Text

PROJECT_KIND = "project-plan"


class ProjectIdentity(Section):
    """What the project is and who owns it."""

    name: SubjectName = Field(description="Name of the project.")
    owner: Contact | None = Field(None, description="The accountable owner in the AI team.")
    team: Name | None = Field(None, description="The team running the project.")
    purpose: Text | None = Field(None, description="What the data is for, in plain words.")
    data_use_disclosed_to_workers: bool | None = Field(
        None, description="Are workers told what the data will be used for?"
    )
    planned_start: IsoDate | None = Field(None, description="Planned launch date (YYYY-MM-DD).")


class Sourcing(Section):
    """Who supplies the workers."""

    vendor_questionnaire: PathText | None = Field(
        None, description="Path of the supplier's vendor questionnaire, relative to this file."
    )
    direct: bool | None = Field(
        None, description="True when the team engages workers directly, without a supplier."
    )
    price: Money | None = Field(
        None,
        description="What the team pays the supplier for the work, before tax: per worker-hour "
        "(period: hour), per task (period: task), or per worker per day, week, month or year "
        "for a dedicated team.",
    )
    price_hours_per_period: Hours | None = Field(
        None,
        description="Worker hours a price per day, week, month or year buys (e.g. 173 for a "
        "full-time worker-month).",
    )

    @model_validator(mode="after")
    def _direct_or_through_a_supplier(self) -> Sourcing:
        # direct: true beside a questionnaire made PAI-1.19 'not apply' (the team engages its
        # workers directly) while the supplier's answers were assessed as its own
        if self.direct is True and self.vendor_questionnaire is not None:
            raise ValueError(
                "direct is true, but vendor_questionnaire names a supplier: write direct: false, "
                "or remove vendor_questionnaire"
            )
        return self


class Eligibility(Strict):
    """One eligibility criterion and why the task needs it."""

    criterion: Name = Field(description="The criterion, e.g. 'native Swahili speaker'.")
    reason: Text | None = Field(None, description="Why the task requires it.")


class Workers(Section):
    """Who will do the work."""

    population: Literal["general_public", "vendor_workforce", "specialists"] | None = Field(
        None, description="Where workers come from."
    )
    vulnerable_groups: list[VulnerableGroup] = Field(
        default_factory=list,
        description="Vulnerable groups among the workers: prisoners, refugees, migrant_workers "
        "(whose right to stay depends on the job), extreme_poverty, other; an empty list if "
        "none.",
    )
    eligibility: list[Eligibility] = Field(
        default_factory=list, description="Eligibility criteria, each with its reason."
    )
    excludes_protected_traits: bool | None = Field(
        None,
        description="Does any criterion exclude people by a protected trait (age, sex, "
        "ethnicity, religion, disability...) that the task does not require?",
    )
    locations: list[WorkerLocation] = Field(
        default_factory=list, description="Where this project's workers are."
    )
    minimum_age: Count | None = Field(None, description="Minimum age of workers, in years.")
    informed_opt_in: bool | None = Field(
        None, description="Do workers opt in after being told what the work involves?"
    )
    risks_shown_before_acceptance: bool | None = Field(
        None, description="Are the task's risks shown before a worker accepts it?"
    )
    participation_voluntary: bool | None = Field(
        None, description="Can vulnerable workers decline without losing anything (voluntariness)?"
    )
    independent_ethics_review: bool | None = Field(
        None, description="Has an independent ethics body reviewed work with vulnerable groups?"
    )
    pay_reaches_workers_verified: bool | None = Field(
        None, description="Has it been verified that the pay reaches the workers themselves?"
    )
    skills_claims_supported: bool | None = Field(
        None,
        description="Are claims that the work builds skills backed by real training? "
        "Answer true when no such claim is made.",
    )

    @model_validator(mode="after")
    def _an_excluding_criterion_is_listed(self) -> Workers:
        # 'eligibility: []' passed PAI-3.1 (every criterion justified) beside one that excludes
        none = "eligibility" in self.model_fields_set and not self.eligibility
        if none and self.excludes_protected_traits:
            raise ValueError(
                "excludes_protected_traits is true, but eligibility lists no criterion: list "
                "the criteria, the one that excludes among them, or answer false"
            )
        return self


class Activity(Section):
    """A qualification test or training around the task."""

    required: bool | None = Field(
        None,
        description="Must workers take it for this project? false when the project has none.",
    )
    minutes: NonNegative | None = Field(None, description="Time it takes, in minutes.")
    paid: bool | None = Field(None, description="Is the time paid?")


class LocationRate(Section):
    """A rate that differs by worker location."""

    country: Country = Field(description="ISO 3166-1 alpha-2 country code of the workers paid so.")
    region: Name | None = Field(None, description="State, region or city, where known.")
    rate: Money = Field(description="Pay before fees, in the same period as the main rate.")
    contracted_hours: ContractedHours | None = Field(
        None, description="Hours the rate covers, with their period, if they differ."
    )
    contracted_hours_per_period: Hours | None = Field(
        None, description="Hours the rate covers, if it differs from the main one."
    )
    observed_earnings: ObservedEarnings | None = Field(
        None, description="What workers here were observed to earn per hour, if measured."
    )


class ProjectPay(PayTerms):
    """Pay for this project's tasks."""

    location_rates: list[LocationRate] = Field(
        default_factory=list,
        description="Rates for particular worker locations; the main rate applies elsewhere.",
    )

    fee_share_percent: Percent | None = Field(
        None, description="Share of gross pay taken as fees from workers, in %. 0 if none."
    )
    qualification: Activity | None = Field(
        None, description="Qualification test (required: false when there is none)."
    )
    training: Activity | None = Field(
        None, description="Training (required: false when there is none)."
    )
    tasks_per_worker: Tasks | None = Field(
        None, description="Expected tasks per worker, to spread one-off unpaid time over tasks."
    )
    pricing_basis: Literal["p75", "median", "mean", "estimate"] | None = Field(
        None, description="Which task time the per-task price is set on."
    )
    top_up_when_underpaid: bool | None = Field(
        None, description="Will workers be topped up if real times exceed the estimate?"
    )


class Pilot(Section):
    """The pilot run before launch."""

    status: Literal["completed", "scheduled", "not_planned"] | None = Field(
        None, description="Has a pilot been run (completed), planned (scheduled), or neither?"
    )
    date: IsoDate | None = Field(None, description="Date of the pilot (YYYY-MM-DD).")
    participants: Count | None = Field(None, description="Number of pilot workers.")
    like_production_workers: bool | None = Field(
        None, description="Were pilot workers like the production workers (same pool, skills)?"
    )
    median_minutes: Minutes | None = Field(
        None, description="Median completion time per task, in minutes."
    )
    p75_minutes: Minutes | None = Field(
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

    @model_validator(mode="after")
    def _p75_is_not_below_the_median(self) -> Pilot:
        # 'median 9, p75 8.2' passed PAI-2.3, and the per-task wage was computed on 8.2
        median, p75 = self.median_minutes, self.p75_minutes
        if median is not None and p75 is not None and p75 < median:
            message = (
                f"p75_minutes is {p75}, below median_minutes {median}: a 75th percentile is at "
                f"least the median; write the time within which 75% of the pilot's tasks were "
                f"done (at least {median}), or check the two are not swapped"
            )
            raise PydanticCustomError("p75_below_median", message, {"at": "/p75_minutes"})
        return self


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
    version: Name | None = Field(None, description="Version of the instructions.")
    workers_told_of_changes: bool | None = Field(
        None, description="Are workers told when the instructions change?"
    )
    languages: list[Name] = Field(
        default_factory=list, description="Languages the instructions are available in."
    )
    training_provided: bool | None = Field(None, description="Is training or practice provided?")
    training_paid: bool | None = Field(None, description="Is that training paid?")


class ProjectPlan(Strict):
    """A project plan: one data-enrichment project, described by the AI team."""

    kind: Literal["project-plan"] = Field(description="Always 'project-plan'.")
    schema_version: Literal[1] = Field(description="Version of this plan format: 1.")
    project: ProjectIdentity = Field(description="What the project is.")
    profile: list[str] | None = Field(
        None,
        description="Profiles to assess it with: a bundled profile's name or a file by the plan.",
    )
    sourcing: Sourcing | None = Field(None, description="Who supplies the workers.")
    task: Task | None = Field(None, description="The work.")
    workers: Workers | None = Field(None, description="Who does the work.")
    pay: ProjectPay | None = Field(None, description="Pay for the tasks.")
    rejection: Rejection | None = Field(None, description="Rejection policy for this project.")
    pilot: Pilot | None = Field(None, description="The pilot.")
    instructions: Instructions | None = Field(None, description="Instructions and training.")
    communication: Communication | None = Field(None, description="Communication with workers.")
    reviews: Reviews | None = Field(None, description="Reviews.")
