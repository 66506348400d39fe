"""Renderers: each takes an Assessment and returns text or bytes."""
