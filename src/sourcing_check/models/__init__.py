"""pydantic models: inputs (questionnaire, plan), guideline frameworks and results."""
