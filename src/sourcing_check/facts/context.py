"""What every fact function receives: the inputs, and the run's reference data and settings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sourcing_check.models.project import ProjectPlan
from sourcing_check.models.vendor import VendorQuestionnaire
from sourcing_check.reference.lookup import Reference


@dataclass(frozen=True)
class Inputs:
    """What facts are computed from."""

    vendor: VendorQuestionnaire | None
    project: ProjectPlan | None


@dataclass(frozen=True)
class Context:
    """Reference data and settings of one run."""

    reference: Reference
    params: Mapping[str, Any]
    date: dt.date
