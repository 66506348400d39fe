"""A profile: an organisation's tailoring of a framework, and the record of what it changed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from sourcing_check.models.document import Document
from sourcing_check.models.guideline import Guideline, Level, Requirement, Source
from sourcing_check.models.guideline import VerdictRules as VerdictRules

PROFILE_KIND = "guideline-profile"

#: A parameter value, as a framework declares them.
ParameterValue = int | Decimal | str | bool | list[str]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True, defer_build=True)


class Deselection(_Strict):
    """A requirement the organisation does not assess, and why."""

    id: str = Field(description="Requirement id, e.g. PAI-9.4.")
    reason: str = Field(min_length=1, description="Why it is left out, in a sentence.")


class Modification(_Strict):
    """A new level or weight for a requirement, and why."""

    level: Level | None = Field(None, description="The new level: must, should or may.")
    weight: int | None = Field(None, ge=1, le=10, description="The new weight (1-10).")
    reason: str = Field(min_length=1, description="Why the organisation changes it.")

    @model_validator(mode="after")
    def _changes_something(self) -> Modification:
        if self.level is None and self.weight is None:
            raise ValueError("give a level, a weight or both")
        return self


class ProfileFile(_Strict):
    """A profile file (``kind: guideline-profile``): an overlay on one framework."""

    kind: Literal["guideline-profile"] = Field(description="Always 'guideline-profile'.")
    schema_version: Literal[1] = Field(description="Version of this profile format: 1.")
    id: str = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$", description="Stable id, e.g. my-org.")
    title: str = Field(description="One line: whose tailoring this is and what for.")
    description: str = Field(description="What the profile is for and when to use it.")
    framework: str = Field(description="Id of the framework it tailors, e.g. pai-data-enrichment.")
    select: list[str] | None = Field(
        None,
        description="Keep only these requirements (and those the profile adds); "
        "leave out to keep every requirement.",
    )
    deselect: list[Deselection] = Field(
        default_factory=list, description="Requirements not assessed, each with its reason."
    )
    modify: dict[str, Modification] = Field(
        default_factory=dict, description="New level or weight, by requirement id."
    )
    parameters: dict[str, ParameterValue] = Field(
        default_factory=dict,
        description="Parameter values, by name (the framework declares them and their kind).",
    )
    verdict: VerdictRules | None = Field(None, description="New verdict thresholds.")
    sources: dict[str, Source] = Field(
        default_factory=dict, description="Source documents the added requirements cite."
    )
    guidelines: list[Guideline] = Field(
        default_factory=list, description="Guideline areas the added requirements belong to."
    )
    add: list[Requirement] = Field(
        default_factory=list, description="Requirements added, in the guideline format."
    )


Operation = Literal["select", "deselect", "level", "weight", "parameter", "verdict", "add"]


class ProfileChange(BaseModel):
    """One change a profile made to the framework."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    operation: Operation = Field(description="What kind of change.")
    target: str = Field(description="The requirement id, parameter name or threshold changed.")
    old: Any = Field(description="The value before (null for an added requirement).")
    new: Any = Field(description="The value after (null for a requirement left out).")
    reason: str | None = Field(description="Why, as the profile says.")


class AppliedProfile(BaseModel):
    """A profile as applied to an assessment: which file, and every change it made."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    id: str = Field(description="Profile id.")
    title: str = Field(description="Profile title.")
    file: str = Field(description="The profile file.")
    sha256: str = Field(description="SHA-256 of the profile file.")
    changes: list[ProfileChange] = Field(description="Every change, in the order applied.")


@dataclass(frozen=True)
class LoadedProfile:
    """A validated profile and the document it came from (for locating its problems)."""

    document: Document
    model: ProfileFile
