"""The reviews a project plan has been through: ethics and human-data review."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from sourcing_check.models.common import IsoDate, Section
from sourcing_check.models.text import Name


class EthicsReview(Section):
    """A review of the project by an ethics body."""

    body: Name | None = Field(None, description="The reviewing body.")
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
