"""Shared test set-up (pyproject.toml puts scripts/ on the import path, so ``guide`` imports)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
