"""Which of the task's languages the instructions are not available in."""

from __future__ import annotations

from sourcing_check.facts.context import Context, Inputs
from sourcing_check.models.facts import LanguagesFact


def languages(inputs: Inputs, ctx: Context) -> LanguagesFact | None:
    """Which of the task's languages the instructions are not available in."""
    project = inputs.project
    if project is None:
        return None
    task_languages = project.task.languages if project.task else []
    given = project.instructions.languages if project.instructions else []
    missing = []
    if not task_languages:
        missing.append("/project/task/languages: the languages the task needs")
    if not given:
        missing.append("/project/instructions/languages: the languages of the instructions")
    if missing:
        return LanguagesFact(missing=missing)
    have = {language.casefold() for language in given}
    uncovered = [language for language in task_languages if language.casefold() not in have]
    return LanguagesFact(missing=[], uncovered=uncovered, covered=not uncovered)
