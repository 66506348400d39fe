"""Every pydantic model of the package builds: the models defer building their validators to
first use (so a run pays only for those it uses), which would let a mistake in a rarely used
model's definition surface only when a user reaches it."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
from pydantic import BaseModel

import sourcing_check

MODULES = sorted(
    info.name
    for info in pkgutil.walk_packages(sourcing_check.__path__, "sourcing_check.")
    if not info.ispkg
    and not info.name.endswith("__main__")
    and ".cli" not in info.name
    and ".render" not in info.name
)


def _models() -> list[type[BaseModel]]:
    found: dict[str, type[BaseModel]] = {}
    for name in MODULES:
        module = importlib.import_module(name)
        for value in vars(module).values():
            if (
                isinstance(value, type)
                and issubclass(value, BaseModel)
                and value.__module__ == name
            ):
                found[f"{name}.{value.__qualname__}"] = value
    return [found[key] for key in sorted(found)]


MODELS = _models()


def test_the_models_are_found() -> None:
    names = {model.__name__ for model in MODELS}
    assert {"ProjectPlan", "VendorQuestionnaire", "Assessment", "DecisionFile"} <= names


@pytest.mark.parametrize("model", MODELS, ids=lambda m: f"{m.__module__}.{m.__qualname__}")
def test_every_model_builds_and_gives_its_schema(model: type[BaseModel]) -> None:
    model.model_rebuild()
    assert model.__pydantic_complete__
    assert model.model_json_schema(mode="validation")["type"] == "object"
