-- job_analyses: one row per posting with an analysis: its latest (current version first, a model's over offline, newest)
with ranked as (
    select
        a.job_id,
        a.version_id,
        a.analysis_text,
        a.analysis_json,
        a.backend,
        a.model,
        a.prompt_version,
        a.created_at,
        a.is_grounded,
        a.version_id = p.current_version_id as is_current,
        row_number() over (
            partition by a.job_id
            order by a.version_id = p.current_version_id desc, a.backend <> 'offline' desc, a.created_at desc
        ) as n_rank
    from analyses as a
    join postings as p on p.job_id = a.job_id
    where a.kind = 'job'
)

select job_id, version_id, analysis_text, analysis_json, backend, model, prompt_version, created_at, is_grounded, is_current
from ranked
where n_rank = 1
