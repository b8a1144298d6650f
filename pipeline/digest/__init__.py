"""The weekly digest: named queries for an ISO week, charts, Markdown and HTML, CSV/Parquet files, delivery."""
