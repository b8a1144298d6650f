"""jobpipe: job boards into one DuckDB file, with history, facts, analyses and a weekly digest."""

__version__ = "0.1.0"
