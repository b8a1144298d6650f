-- search_documents: one row per posting ever seen: the text full-text search indexes (title, body, job analysis) and what a hit shows (closed_at as of the build)
select
    j.job_id,
    j.source,
    j.board,
    j.company,
    lower(j.company) as company_key,
    lower(j.board) as board_key,
    j.title,
    j.location,
    j.url,
    j.closed_at,
    j.description_text as body,
    coalesce(j.analysis_text, '') as analysis
from jobs as j
