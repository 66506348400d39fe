"""The vendor questionnaire: what a supplier of data-enrichment work answers about itself."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from sourcing_check.models.common import (
    Contact,
    Country,
    Currency,
    IsoDate,
    Money,
    NonNegative,
    Percent,
    Rejection,
    Section,
    Strict,
    VulnerableGroup,
    WorkerLocation,
    Year,
)
from sourcing_check.models.pay import BenchmarkFigure, PayTerms
from sourcing_check.models.text import Name, SubjectName, Text, Url
from sourcing_check.models.vendor_conditions import (
    Conditions,
    FairManagement,
    Grievance,
    HarmfulContent,
    Representation,
)
from sourcing_check.models.vendor_recruitment import ImpactClaims, Recruitment

VENDOR_KIND = "vendor-questionnaire"


class VendorIdentity(Section):
    """Who the supplier is and who answered."""

    name: SubjectName = Field(description="The supplier's legal or trading name.")
    website: Url | None = Field(None, description="The supplier's website.")
    contact: Contact | None = Field(None, description="Contact for this questionnaire.")
    jurisdictions: list[Country] = Field(
        default_factory=list, description="Countries where the supplier is established."
    )
    answered_on: IsoDate | None = Field(
        None, description="Date the answers were given or last updated (YYYY-MM-DD)."
    )


class Subcontractor(Section):
    """A company or platform in the supplier's chain."""

    name: Name = Field(description="Name of the subcontractor or platform.")
    country: Country | None = Field(None, description="Country of the subcontractor.")
    work: Text | None = Field(None, description="What work it does.")
    bound_by_same_standards: bool | None = Field(
        None, description="Is it contractually bound to the same pay and conduct standards?"
    )
    pay_to_workers_verified: bool | None = Field(
        None,
        description="Has the supplier verified, from payroll or payment records, what the "
        "workers of this subcontractor, platform or institution actually receive?",
    )


class Engagement(Section):
    """How workers are engaged."""

    models: list[
        Literal["employees", "contractors", "crowd_platform", "subcontractors", "institution"]
    ] = Field(
        default_factory=list,
        min_length=1,  # a supplier engages its workers somehow: [] is no answer
        description="Ways workers are engaged (one or more); institution: through a prison, "
        "detention centre or other institution that holds or houses them, directly or through "
        "a subcontractor.",
    )
    subcontractors: list[Subcontractor] = Field(
        default_factory=list, description="Every subcontractor and platform in the chain."
    )
    all_subcontractors_disclosed: bool | None = Field(
        None, description="Is the list above the complete subcontractor chain?"
    )

    @model_validator(mode="after")
    def _a_complete_chain_names_its_subcontractors(self) -> Engagement:
        # '[]' said complete passed PAI-9.1 and 9.2 for a vendor that says it subcontracts
        empty = "subcontractors" in self.model_fields_set and not self.subcontractors
        if empty and "subcontractors" in self.models and self.all_subcontractors_disclosed:
            raise ValueError(
                "models lists subcontractors, but the subcontractor list is empty and said to "
                "be complete: name each subcontractor, or set all_subcontractors_disclosed: "
                "false if you cannot"
            )
        return self


class Workforce(Section):
    """Where the workers are."""

    locations: list[WorkerLocation] = Field(
        default_factory=list, description="Worker locations, with share and languages."
    )
    vulnerable_groups: list[VulnerableGroup] = Field(
        default_factory=list,
        description="Vulnerable groups among the supplier's workers: prisoners, refugees, "
        "migrant_workers (whose right to stay depends on the job), extreme_poverty, other; an "
        "empty list if none.",
    )


class LocatedRate(PayTerms):
    """Pay for one worker location."""

    country: Country = Field(description="ISO 3166-1 alpha-2 country code of the workers paid so.")
    region: Name | None = Field(None, description="State, region or city, where known.")


class TimePaid(Section):
    """Which activities around the task are paid working time."""

    searching_for_work: bool | None = Field(
        None,
        description="Is time spent finding tasks paid? true when work is assigned in paid time; "
        "false counts it in each rate's unpaid time.",
    )
    reading_instructions: bool | None = Field(
        None,
        description="Is time reading instructions paid (within paid or contracted hours)? false "
        "counts it in each rate's unpaid time.",
    )
    qualification_tests: bool | None = Field(None, description="Are qualification tests paid?")
    training: bool | None = Field(None, description="Is training paid?")
    breaks: bool | None = Field(
        None,
        description="Are short breaks paid? For per-task pay, false counts them in the unpaid "
        "minutes per task.",
    )


class Payout(Section):
    """How and when workers receive their money."""

    frequency: Literal["daily", "weekly", "fortnightly", "monthly", "on_request"] | None = Field(
        None, description="How often workers are paid."
    )
    days_after_work: NonNegative | None = Field(
        None,
        description="Longest time between work done and payment received, in days, "
        "including any wait to reach the withdrawal minimum.",
    )
    currencies: list[Currency] = Field(
        default_factory=list, description="Currencies workers can be paid in."
    )
    usable_currency: bool | None = Field(
        None,
        description="Do workers receive money they can spend or withdraw where they live (local "
        "currency or one they choose), not vouchers, gift cards or platform credit?",
    )
    withdrawal_minimum: Money | None = Field(
        None, description="Smallest balance a worker can withdraw (period: task is not used)."
    )


class Benchmark(Section):
    """The living-wage benchmark the supplier uses to set pay."""

    kind: (
        Literal["living_wage", "minimum_wage", "poverty_line", "gdp_per_capita", "other"] | None
    ) = Field(
        None,
        description="What the figure measures: a living wage, a statutory minimum wage, a "
        "poverty line, GDP per capita, or something else. Only a living wage is a living wage.",
    )
    source: Name | None = Field(None, description="Publisher and title of the benchmark.")
    url: Url | None = Field(None, description="Where the benchmark is published.")
    year: Year | None = Field(None, description="Reference year of the benchmark.")
    figures: list[BenchmarkFigure] = Field(
        default_factory=list,
        description="The figure for each worker location: a living wage higher than ours is "
        "shown beside it (and used when the framework prefers the higher).",
    )


class VendorPay(Section):
    """Pay model, rates per location, fees and payout."""

    rates: list[LocatedRate] = Field(
        default_factory=list,
        min_length=1,  # [] would make the per-task rules 'not apply' to pay nobody stated
        description="Pay per worker location.",
    )
    fee_share_percent: Percent | None = Field(
        None, description="Share of gross pay taken as fees from workers (platform, payout), in %."
    )
    payout: Payout | None = Field(None, description="How and when workers are paid.")
    worker_share_of_client_price_percent: Percent | None = Field(
        None, description="Share of the price the client pays that reaches workers as pay, in %."
    )
    worker_share_disclosed: bool | None = Field(
        None,
        description="Will the supplier show clients, per project, what share of the price "
        "reaches workers?",
    )
    living_wage_benchmark: Benchmark | None = Field(
        None, description="The benchmark used to set pay, and what kind of figure it is."
    )
    pricing_basis: Literal["p75", "median", "mean", "estimate"] | None = Field(
        None, description="Which task time per-task prices are set on: p75, median, mean, estimate."
    )
    top_up_when_underpaid: bool | None = Field(
        None, description="Are workers topped up when real task times exceed the estimate?"
    )
    time_paid: TimePaid | None = Field(None, description="Which activities around tasks are paid.")


class Rating(Section):
    """An independent rating of the supplier's working conditions."""

    scheme: Name = Field(description="The rating scheme, e.g. 'Fairwork Cloudwork'.")
    score: Name | None = Field(None, description="The score, as published (e.g. '7/10').")
    year: Year | None = Field(None, description="Year of the rating.")


class Governance(Section):
    """How the supplier governs responsible sourcing."""

    guidelines_adopted: bool | None = Field(
        None,
        description="Has the supplier adopted the PAI Data Enrichment Sourcing Guidelines "
        "or an equivalent policy?",
    )
    internal_review_of_projects: bool | None = Field(
        None, description="Is each enrichment project reviewed and signed off internally?"
    )
    supplier_audits: Literal["none", "self_assessment", "second_party", "independent"] | None = (
        Field(None, description="How subcontractors are audited.")
    )
    transparency_report_url: Url | None = Field(
        None, description="Public transparency report on workers' pay and conditions."
    )
    independent_rating: Rating | None = Field(None, description="An independent rating, if any.")
    worker_input: bool | None = Field(
        None, description="Do workers' views shape the supplier's practices (surveys, forums)?"
    )


class VendorQuestionnaire(Strict):
    """A vendor questionnaire: one supplier of data-enrichment work, answered by or about it."""

    kind: Literal["vendor-questionnaire"] = Field(description="Always 'vendor-questionnaire'.")
    schema_version: Literal[1] = Field(description="Version of this questionnaire format: 1.")
    vendor: VendorIdentity = Field(description="Who the supplier is.")
    engagement: Engagement | None = Field(None, description="How workers are engaged.")
    recruitment: Recruitment | None = Field(
        None, description="How workers are recruited, and whether they are free to leave."
    )
    workforce: Workforce | None = Field(None, description="Where the workers are.")
    pay: VendorPay | None = Field(None, description="Pay, fees and payout.")
    rejection: Rejection | None = Field(None, description="Rejection policy.")
    conditions: Conditions | None = Field(None, description="Contracts and working conditions.")
    management: FairManagement | None = Field(
        None, description="Deactivation, discrimination and workers' personal data."
    )
    communication: Grievance | None = Field(None, description="Communication and grievances.")
    harmful_content: HarmfulContent | None = Field(None, description="Handling of harmful content.")
    representation: Representation | None = Field(None, description="Representation.")
    governance: Governance | None = Field(None, description="Governance.")
    impact: ImpactClaims | None = Field(
        None, description="Claims that the work trains workers or has social impact."
    )
