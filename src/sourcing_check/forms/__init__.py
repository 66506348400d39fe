"""Blank inputs for people to fill in: JSON Schemas and YAML templates made from the models."""
