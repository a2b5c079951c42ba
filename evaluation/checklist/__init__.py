"""Provision checklist evaluation: gold by reading, agreement, detection scores (issue 16)."""
