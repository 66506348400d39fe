"""The subject of an assessment: a questionnaire, or a plan with the questionnaire it names."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sourcing_check.errors import InputError
from sourcing_check.inputs import LoadedInput, load_input, validate_document
from sourcing_check.loading import Document
from sourcing_check.models.project import ProjectPlan
from sourcing_check.models.vendor import VendorQuestionnaire


@dataclass(frozen=True)
class Subject:
    """What is assessed: at least one of a vendor questionnaire and a project plan."""

    vendor: LoadedInput | None
    project: LoadedInput | None

    @property
    def vendor_model(self) -> VendorQuestionnaire | None:
        """The questionnaire, if any."""
        model = self.vendor.model if self.vendor else None
        return model if isinstance(model, VendorQuestionnaire) else None

    @property
    def project_model(self) -> ProjectPlan | None:
        """The plan, if any."""
        model = self.project.model if self.project else None
        return model if isinstance(model, ProjectPlan) else None

    def inputs(self) -> list[LoadedInput]:
        """The loaded inputs, plan first."""
        return [i for i in (self.project, self.vendor) if i is not None]

    def data(self) -> dict[str, Any]:
        """The answers as plain data; fields the author did not write are absent."""
        data: dict[str, Any] = {}
        if self.vendor is not None:
            data["vendor"] = self.vendor.model.model_dump(exclude_unset=True)
        if self.project is not None:
            data["project"] = self.project.model.model_dump(exclude_unset=True)
        return data


def load_subject(path: Path) -> Subject:
    """Load one input file; a project plan brings the vendor questionnaire it names."""
    loaded = load_input(path)
    model = loaded.model
    if isinstance(model, VendorQuestionnaire):
        return Subject(vendor=loaded, project=None)
    named = model.sourcing.vendor_questionnaire if model.sourcing else None
    if not named:
        return Subject(vendor=None, project=loaded)
    vendor_path = path.parent / named
    pointer = "/sourcing/vendor_questionnaire"
    try:
        vendor = load_input(vendor_path)
    except InputError:
        if not vendor_path.is_file():
            raise InputError(
                [
                    loaded.document.problem(
                        pointer,
                        f"names a vendor questionnaire that cannot be read: {vendor_path}",
                        "the path is relative to the plan's own directory",
                    )
                ]
            ) from None
        raise
    if not isinstance(vendor.model, VendorQuestionnaire):
        raise InputError(
            [
                loaded.document.problem(
                    pointer, f"{vendor_path} is a {vendor.kind}, not a vendor questionnaire"
                )
            ]
        )
    return Subject(vendor=vendor, project=loaded)


def subject_from_data(
    vendor: dict[str, Any] | None, project: dict[str, Any] | None, name: str = "<data>"
) -> Subject:
    """Build a subject from plain data (tests, benchmarks); raise InputError when invalid."""
    loaded: dict[str, LoadedInput | None] = {"vendor": None, "project": None}
    for role, data in (("vendor", vendor), ("project", project)):
        if data is not None:
            document = Document(Path(f"{name}-{role}"), f"{name} ({role})", data, {}, "")
            loaded[role] = LoadedInput(document, validate_document(document))
    return Subject(vendor=loaded["vendor"], project=loaded["project"])
