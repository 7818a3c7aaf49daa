"""Placeholder: this hook is being written."""
