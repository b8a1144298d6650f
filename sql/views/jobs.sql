-- jobs: one row per posting ever seen (source, board, external_id), with its current content and lifecycle
select
    p.job_id,
    p.source,
    p.board,
    p.external_id,
    v.company,
    v.title,
    v.department,
    v.team,
    v.location,
    v.workplace_type,
    v.employment_type,
    v.url,
    v.apply_url,
    v.description_text,
    v.published_at,
    p.first_seen_at,
    p.last_seen_at,
    p.closed_at,
    p.closed_at is null as is_open,
    p.n_versions,
    p.current_version_id as version_id,
    p.current_hash as content_hash
from postings as p
join posting_versions as v on v.version_id = p.current_version_id
