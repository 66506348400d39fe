"""The vendor questionnaire: what a supplier of data-enrichment work answers about itself."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from sourcing_check.models.common import (
    Communication,
    Contact,
    Country,
    Currency,
    IsoDate,
    Money,
    NonNegative,
    PayTerms,
    Percent,
    Rejection,
    Section,
    Strict,
    WorkerLocation,
    Year,
)
from sourcing_check.models.text import Name, Text, Url

VENDOR_KIND = "vendor-questionnaire"


class VendorIdentity(Section):
    """Who the supplier is and who answered."""

    name: Name = Field(description="The supplier's legal or trading name.")
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


class Engagement(Section):
    """How workers are engaged."""

    models: list[Literal["employees", "contractors", "crowd_platform", "subcontractors"]] = Field(
        default_factory=list, description="Ways workers are engaged (one or more)."
    )
    subcontractors: list[Subcontractor] = Field(
        default_factory=list, description="Every subcontractor and platform in the chain."
    )
    all_subcontractors_disclosed: bool | None = Field(
        None, description="Is the list above the complete subcontractor chain?"
    )


class Workforce(Section):
    """Where the workers are."""

    locations: list[WorkerLocation] = Field(
        default_factory=list, description="Worker locations, with share and languages."
    )


class LocatedRate(PayTerms):
    """Pay for one worker location."""

    country: Country = Field(description="ISO 3166-1 alpha-2 country code of the workers paid so.")
    region: Name | None = Field(None, description="State, region or city, where known.")


class TimePaid(Section):
    """Which activities around the task are paid working time."""

    searching_for_work: bool | None = Field(None, description="Is time spent finding tasks paid?")
    reading_instructions: bool | None = Field(
        None, description="Is time reading instructions paid?"
    )
    qualification_tests: bool | None = Field(None, description="Are qualification tests paid?")
    training: bool | None = Field(None, description="Is training paid?")
    breaks: bool | None = Field(None, description="Are short breaks paid?")


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


class VendorPay(Section):
    """Pay model, rates per location, fees and payout."""

    rates: list[LocatedRate] = Field(default_factory=list, description="Pay per worker location.")
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
    workforce: Workforce | None = Field(None, description="Where the workers are.")
    pay: VendorPay | None = Field(None, description="Pay, fees and payout.")
    rejection: Rejection | None = Field(None, description="Rejection policy.")
    conditions: Conditions | None = Field(None, description="Contracts and working conditions.")
    communication: Grievance | None = Field(None, description="Communication and grievances.")
    harmful_content: HarmfulContent | None = Field(None, description="Handling of harmful content.")
    representation: Representation | None = Field(None, description="Representation.")
    governance: Governance | None = Field(None, description="Governance.")
