"""Tailor a framework with a profile: a pure function from a framework and a profile to the
tailored framework, recording every change; each problem located in the profile (P2xx)."""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Iterable, Mapping
from typing import Any

from sourcing_check.errors import InputError, Problem
from sourcing_check.models.guideline import FrameworkFile, Parameter
from sourcing_check.models.numbers import plain_json
from sourcing_check.models.profile import (
    AppliedProfile,
    LoadedProfile,
    ProfileChange,
    ProfileFile,
)
from sourcing_check.rules.framework import Framework, Rule, linted_rule
from sourcing_check.rules.lint import Target
from sourcing_check.rules.predicates import PredicateError


def tailor(framework: Framework, profiles: Iterable[LoadedProfile]) -> Framework:
    """Apply ``profiles`` in order; raise InputError listing every problem of the first
    profile that has any."""
    for loaded in profiles:
        framework = apply_profile(framework, loaded)
    return framework


def apply_profile(framework: Framework, loaded: LoadedProfile) -> Framework:
    """The framework tailored by one profile; raise InputError with every located problem."""
    profile, document = loaded.model, loaded.document
    if profile.framework != framework.meta.id:
        message = f"tailors framework {profile.framework!r}, not {framework.meta.id!r}"
        hint = "a profile names the id in the framework's framework.yaml"
        raise InputError([document.problem("/framework", message, hint, code="P206")])
    problems: list[Problem] = []
    params, changes = _parameters(framework, loaded, problems)
    kept = _selection(framework, loaded, problems, changes)
    meta = _meta(framework.meta, profile, loaded, problems, changes)
    rules = _modified(kept, loaded, problems, changes)
    rules = _recompiled(rules, framework.params, params, loaded, problems)
    rules += _added(framework, meta, params, loaded, problems, changes)
    if problems:
        raise InputError(problems)
    applied = AppliedProfile(
        id=profile.id,
        title=profile.title,
        file=document.name,
        sha256=document.sha256,
        changes=changes,
    )
    return dataclasses.replace(
        framework,
        meta=meta,
        rules=tuple(rules),
        params=params,
        profiles=(*framework.profiles, applied),
    )


def _change(operation: str, target: str, old: Any, new: Any, reason: str | None) -> ProfileChange:
    return ProfileChange.model_validate(
        {
            "operation": operation,
            "target": target,
            "old": plain_json(old, numbers=True),
            "new": plain_json(new, numbers=True),
            "reason": reason,
        }
    )


def _unknown(kind: str, name: str, known: Iterable[str]) -> tuple[str, str]:
    """The message and hint for a name the framework does not have."""
    close = difflib.get_close_matches(name, list(known), n=3)
    hint = f"did you mean {', '.join(close)}?" if close else ""
    return f"unknown {kind} {name!r}", hint


def _parameters(
    framework: Framework, loaded: LoadedProfile, problems: list[Problem]
) -> tuple[dict[str, Any], list[ProfileChange]]:
    """The parameter values after the profile, and a change for each value set."""
    declared = framework.meta.parameters
    params = dict(framework.params)
    changes: list[ProfileChange] = []
    for name, value in loaded.model.parameters.items():
        at = f"/parameters/{name}"
        if name not in declared:
            message, hint = _unknown("parameter", name, declared)
            hint = hint or "declared: " + ", ".join(sorted(declared))
            problems.append(loaded.document.problem(at, message, hint, code="P202"))
            continue
        wrong = parameter_error(value, declared[name])
        if wrong:
            problems.append(loaded.document.problem(at, wrong, code="P203"))
            continue
        changes.append(_change("parameter", name, params[name], value, None))
        params[name] = value
    return params, changes


def parameter_error(value: Any, declared: Parameter) -> str | None:
    """Why ``value`` does not fit a declared parameter (its default's kind, its choices, its
    bounds)."""
    return declared.refusal(value)


def _selection(
    framework: Framework,
    loaded: LoadedProfile,
    problems: list[Problem],
    changes: list[ProfileChange],
) -> list[Rule]:
    """The rules the profile keeps: its 'select' (when given) less its 'deselect'."""
    profile, document = loaded.model, loaded.document
    known = [r.requirement.id for r in framework.rules]
    left_out: dict[str, str] = {}
    if profile.select is not None:
        for index, rid in enumerate(profile.select):
            _check_id(rid, known, f"/select/{index}", loaded, problems)
        chosen = set(profile.select)
        reason = "not selected by the profile"
        left_out = {rid: reason for rid in known if rid not in chosen}
    for index, item in enumerate(profile.deselect):
        at = f"/deselect/{index}/id"
        if not _check_id(item.id, known, at, loaded, problems):
            continue
        if item.id in left_out:
            message = f"{item.id} is left out already (not selected, or deselected above)"
            problems.append(document.problem(at, message, code="P204"))
        left_out[item.id] = item.reason
    for rule in framework.rules:
        rid = rule.requirement.id
        if rid in left_out:
            changes.append(_change("deselect", rid, rule.requirement.level, None, left_out[rid]))
    return [r for r in framework.rules if r.requirement.id not in left_out]


def _check_id(
    rid: str, known: list[str], at: str, loaded: LoadedProfile, problems: list[Problem]
) -> bool:
    """True when the framework has requirement ``rid``; else a P201 problem."""
    if rid in known:
        return True
    message, hint = _unknown("requirement", rid, known)
    problems.append(loaded.document.problem(at, message, hint, code="P201"))
    return False


def _modified(
    rules: list[Rule],
    loaded: LoadedProfile,
    problems: list[Problem],
    changes: list[ProfileChange],
) -> list[Rule]:
    """The kept rules with the profile's new levels and weights."""
    by_id = {r.requirement.id: r for r in rules}
    for rid, modification in loaded.model.modify.items():
        at = f"/modify/{rid}"
        rule = by_id.get(rid)
        if rule is None:
            problems.append(_not_kept(rid, at, loaded, list(by_id)))
            continue
        update: dict[str, Any] = {}
        for name in ("level", "weight"):
            value, old = getattr(modification, name), getattr(rule.requirement, name)
            if value is not None:
                update[name] = value
                changes.append(_change(name, rid, old, value, modification.reason))
        requirement = rule.requirement.model_copy(update=update)
        by_id[rid] = dataclasses.replace(rule, requirement=requirement)
    return list(by_id.values())


def _not_kept(rid: str, at: str, loaded: LoadedProfile, kept: list[str]) -> Problem:
    """The problem of a modification of a requirement the framework lacks or the profile
    leaves out."""
    selected = loaded.model.select
    if (selected is not None and rid not in selected) or any(
        d.id == rid for d in loaded.model.deselect
    ):
        message = f"{rid} is left out by this profile, so it cannot be modified"
        return loaded.document.problem(at, message, code="P204")
    message, hint = _unknown("requirement", rid, kept)
    return loaded.document.problem(at, message, hint, code="P201")


def _recompiled(
    rules: list[Rule],
    before: Mapping[str, Any],
    params: Mapping[str, Any],
    loaded: LoadedProfile,
    problems: list[Problem],
) -> list[Rule]:
    """The rules whose predicates use a parameter the profile changed, compiled again."""
    changed = {name for name in params if params[name] != before.get(name)}
    result: list[Rule] = []
    for rule in rules:
        if not rule.params & changed:
            result.append(rule)
            continue
        try:
            result.append(rule.recompiled(params))
        except PredicateError as exc:
            name = sorted(rule.params & changed)[0]
            message = f"this value makes {rule.requirement.id}'s predicate invalid: {exc}"
            problems.append(loaded.document.problem(f"/parameters/{name}", message, code="P203"))
    return result


def _meta(
    meta: FrameworkFile,
    profile: ProfileFile,
    loaded: LoadedProfile,
    problems: list[Problem],
    changes: list[ProfileChange],
) -> FrameworkFile:
    """The framework metadata with the profile's sources, guideline areas and thresholds."""
    for key in profile.sources:
        if key in meta.sources:
            message = f"source {key!r} is declared by the framework already"
            problems.append(loaded.document.problem(f"/sources/{key}", message, code="P205"))
    areas = {g.id for g in meta.guidelines}
    for index, guideline in enumerate(profile.guidelines):
        if guideline.id in areas:
            message = f"guideline area {guideline.id!r} is declared by the framework already"
            problems.append(
                loaded.document.problem(f"/guidelines/{index}/id", message, code="P205")
            )
    verdict = meta.verdict
    if profile.verdict is not None:
        old, new = verdict.conditions_below_score, profile.verdict.conditions_below_score
        changes.append(_change("verdict", "conditions_below_score", old, new, None))
        verdict = profile.verdict
    return meta.model_copy(
        update={
            "sources": {**meta.sources, **profile.sources},
            "guidelines": [*meta.guidelines, *profile.guidelines],
            "verdict": verdict,
        }
    )


def _added(
    framework: Framework,
    meta: FrameworkFile,
    params: Mapping[str, Any],
    loaded: LoadedProfile,
    problems: list[Problem],
    changes: list[ProfileChange],
) -> list[Rule]:
    """The profile's own requirements, linted as a framework's are (G2xx) and compiled."""
    existing = {r.requirement.id: f"{r.file}:{r.line}" for r in framework.rules}
    seen: dict[str, str] = {}
    added: list[Rule] = []
    for index, requirement in enumerate(loaded.model.add):
        at = f"/add/{index}"
        if requirement.id in existing:
            where = existing[requirement.id]
            message = f"requirement {requirement.id!r} exists already (at {where})"
            hint = "an added requirement needs an id of its own, e.g. with your prefix"
            problems.append(loaded.document.problem(f"{at}/id", message, hint, code="P205"))
            continue
        target = Target(
            requirement, meta, params, seen.get(requirement.id, ""), declares="the profile"
        )
        seen.setdefault(requirement.id, f"{loaded.document.name}:{loaded.document.locate(at)[0]}")
        rule, found = linted_rule(target, loaded.document, at)
        problems.extend(found)
        if rule is not None:
            added.append(rule)
            changes.append(_change("add", requirement.id, None, requirement.level, None))
    return added
