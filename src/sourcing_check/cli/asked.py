"""What the framework asks of an input, for the templates 'init' writes: the answers its
must requirements read (the workbook marks them) and the evidence they ask for, by section."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sourcing_check.forms.yaml_template import EvidenceAsked
    from sourcing_check.rules.framework import Framework


def must_answers(framework: Framework, scope: str) -> dict[str, list[str]]:
    """Answer pointer (within a ``scope`` document) -> ids of the must requirements reading
    it, directly or through a fact computed from it (the wage from the pay rates); an
    answer is read too when a pointer above it is."""
    from sourcing_check.facts.inputs import inputs_of

    needs: dict[str, list[str]] = {}
    prefix = f"/{scope}"
    for rule in framework.rules:
        if rule.requirement.level != "must":
            continue
        reads = [*rule.answer_pointers, *(rule.applies.reads if rule.applies else ()), *rule.reads]
        answers = [a for p in reads for a in (inputs_of(p) or (p,))]
        for pointer in dict.fromkeys(answers):
            if pointer.startswith(prefix + "/"):
                ids = needs.setdefault(pointer.removeprefix(prefix), [])
                ids += [rule.requirement.id] if rule.requirement.id not in ids else []
    return needs


def evidence_asked(framework: Framework, root: str) -> EvidenceAsked:
    """The evidence the framework's requirements ask of one input kind, by section pointer
    within the document: {"/pay": ["PAI-1.2: Payslips or rate cards ..."], ...}."""
    asked: dict[str, list[str]] = {}
    for rule in framework.rules:
        req = rule.requirement
        for spec in req.evidence:
            head, _, rest = spec.at[1:].partition("/")
            if head != root:
                continue
            optional = "" if spec.required else " (optional)"
            asked.setdefault(f"/{rest}", []).append(f"{req.id}: {spec.description}{optional}")
    return asked
