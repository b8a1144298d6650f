"""Prefect flows: thin wrappers that call the pipeline library."""
