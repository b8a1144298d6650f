-- company_analyses: one row per company (source, board) with an analysis: its latest (a model's over offline, newest)
with ranked as (
    select
        a.source,
        a.board,
        a.company,
        a.analysis_text,
        a.analysis_json,
        a.backend,
        a.model,
        a.prompt_version,
        a.created_at,
        a.is_grounded,
        row_number() over (
            partition by a.source, a.board
            order by a.created_at::date desc, a.backend <> 'offline' desc, a.created_at desc
        ) as n_rank
    from analyses as a
    where a.kind = 'company'
)

select source, board, company, analysis_text, analysis_json, backend, model, prompt_version, created_at, is_grounded
from ranked
where n_rank = 1
