"""A plausibility warning as the assessment carries it, so the JSON and the report show it."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from sourcing_check.errors import Problem


class InputWarning(BaseModel):
    """An answer that is valid but probably not what was meant (a W code), where it is."""

    model_config = ConfigDict(frozen=True, extra="forbid", defer_build=True)

    code: str = Field(description="The warning's code, e.g. W201.")
    file: str = Field(description="The input file, as given.")
    place: str = Field(description="LINE:COL in the file, or a workbook's Sheet!CELL.")
    pointer: str = Field(description="JSON pointer of the answer.")
    message: str = Field(description="What the answer is read as.")
    hint: str = Field(description="How to write what was probably meant.")

    @classmethod
    def of(cls, problem: Problem) -> InputWarning:
        """The warning a located problem carries."""
        return cls(
            code=problem.code,
            file=problem.file,
            place=problem.location(),
            pointer=problem.pointer,
            message=problem.message,
            hint=problem.hint,
        )
