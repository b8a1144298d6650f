"""Write a digest's files into its week's folder, each replaced whole so a re-run rewrites the same files."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path

import polars as pl

FILE_NAMES = ("digest.md", "digest.html", "new_roles.csv", "new_roles.parquet", "changes.csv")


def replace_file(path: Path, write: Callable[[Path], None]) -> Path:
    """Write to a temporary file beside path, then rename it over path: readers never see half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # a plain new file (not mkstemp's private 0600 one), so the result has the user's usual permissions
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        write(tmp)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


def csv_ready(frame: pl.DataFrame) -> pl.DataFrame:
    """CSV has no lists: join them with '; '."""
    lists = [name for name, dtype in frame.schema.items() if isinstance(dtype, pl.List)]
    return frame.with_columns(pl.col(name).list.join("; ") for name in lists)


def write_text(path: Path, text: str) -> Path:
    return replace_file(path, lambda tmp: tmp.write_text(text, encoding="utf-8"))


def write_digest_files(
    out_dir: Path, markdown: str, html: str, new_roles: pl.DataFrame, changes: pl.DataFrame
) -> dict[str, Path]:
    """The five files of a digest, by name."""
    return {
        "digest.md": write_text(out_dir / "digest.md", markdown),
        "digest.html": write_text(out_dir / "digest.html", html),
        "new_roles.csv": replace_file(out_dir / "new_roles.csv", lambda tmp: csv_ready(new_roles).write_csv(tmp)),
        "new_roles.parquet": replace_file(out_dir / "new_roles.parquet", lambda tmp: new_roles.write_parquet(tmp)),
        "changes.csv": replace_file(out_dir / "changes.csv", lambda tmp: csv_ready(changes).write_csv(tmp)),
    }
