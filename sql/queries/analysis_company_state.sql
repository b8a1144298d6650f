-- analysis_company_state: one row per company (source, board): its name, a fingerprint of its postings, its latest analysis
with postings_state as (
    select
        p.source,
        p.board,
        count(*) filter (where p.closed_at is null) as n_open,
        sha256(string_agg(
            p.job_id::varchar || ':' || p.current_version_id::varchar || ':' || (p.closed_at is null)::varchar,
            ',' order by p.job_id
        )) as fingerprint,
        mode(v.company) as company
    from postings as p
    join posting_versions as v on v.version_id = p.current_version_id
    group by p.source, p.board
),

latest as (
    select source, board, input_hash, created_at
    from analyses
    where kind = 'company' and (model = $model or $any_model) and (prompt_version = $prompt_version or $any_prompt)
    qualify row_number() over (partition by source, board order by created_at desc) = 1
),

in_flight as (
    select distinct source, board
    from analysis_batch_requests
    where kind = 'company' and status = 'pending' and model = $model and $skip_in_flight
)

select
    s.source,
    s.board,
    s.n_open,
    s.fingerprint,
    s.company,
    l.input_hash as last_input_hash,
    l.created_at as last_analysis_at,
    f.source is not null as is_in_flight
from postings_state as s
left join latest as l on l.source = s.source and l.board = s.board
left join in_flight as f on f.source = s.source and f.board = s.board
order by s.source, s.board
