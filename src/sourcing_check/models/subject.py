"""What is assessed: a questionnaire, or a plan with the questionnaire it names, as loaded."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sourcing_check.models.document import Document
from sourcing_check.models.project import ProjectPlan
from sourcing_check.models.vendor import VendorQuestionnaire

InputModel = VendorQuestionnaire | ProjectPlan


@dataclass(frozen=True)
class LoadedInput:
    """A validated input: the model and the document it came from."""

    document: Document
    model: InputModel

    @property
    def kind(self) -> str:
        """The document kind, e.g. ``vendor-questionnaire``."""
        return self.model.kind


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
