"""Credit graph service of the Shangcai County inclusive-finance system."""

from pathlib import Path

#: The repository root: `cypher/`, `schema/` and `seed/` live beside the package.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
