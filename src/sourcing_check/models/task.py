"""The work a project plan describes: the task, and whether workers will see harmful content."""

from __future__ import annotations

from typing import Literal

from pydantic import Field, model_validator

from sourcing_check.models.common import Count, Section
from sourcing_check.models.text import Name, Text


class HarmfulContentExposure(Section):
    """Whether workers will see harmful content in this project."""

    present: bool | None = Field(None, description="Will workers see harmful content?")
    kinds: list[Name] = Field(
        default_factory=list, description="Kinds of harmful content (e.g. 'graphic violence')."
    )
    risk_assessment_done: bool | None = Field(
        None, description="Has a wellbeing risk assessment been made for this project?"
    )

    @model_validator(mode="after")
    def _no_kinds_of_content_nobody_sees(self) -> HarmfulContentExposure:
        # present: false made every harmful-content rule 'not apply' whatever kinds listed
        if self.present is False and self.kinds:
            shown = ", ".join(repr(kind) for kind in self.kinds)
            raise ValueError(
                f"present is false, but kinds lists harmful content workers will see ({shown}): "
                "write present: true, or remove kinds"
            )
        # present: true beside kinds: [] passed PAI-6.1 on a risk assessment of nothing
        if self.present is True and "kinds" in self.model_fields_set and not self.kinds:
            raise ValueError(
                "present is true, but kinds lists none: name the kinds of harmful content "
                "workers will see (e.g. 'graphic violence'), or write present: false"
            )
        return self


class Task(Section):
    """The work itself."""

    type: (
        Literal[
            "labelling", "annotation", "transcription", "content_moderation", "evaluation", "other"
        ]
        | None
    ) = Field(None, description="Kind of data-enrichment work.")
    description: Text | None = Field(None, description="What a worker does in one task.")
    difficulty: Literal["low", "medium", "high"] | None = Field(
        None, description="How demanding the task is."
    )
    volume_tasks: Count | None = Field(None, description="Number of tasks in the project.")
    languages: list[Name] = Field(
        default_factory=list, description="Languages the task needs (content and instructions)."
    )
    harmful_content: HarmfulContentExposure | None = Field(
        None, description="Exposure to harmful content."
    )
    sensitive_data: bool | None = Field(
        None,
        description="Will workers see personal or otherwise sensitive data (health records, "
        "biometrics, children's data, private messages), even de-identified?",
    )
