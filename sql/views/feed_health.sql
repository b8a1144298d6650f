-- feed_health: one row per feed ever fetched: last success and error, recent yield, and a flag when it collapses
with ranked as (
    select
        r.*,
        r.status in ('ok', 'not_modified', 'unchanged') as is_success,
        row_number() over (partition by r.source, r.board order by r.fetched_at desc) as nth
    from feed_results as r
    where r.fetched_at is not null
),

per_feed as (
    select
        source,
        board,
        arg_max(company, fetched_at) as company,
        arg_max(status, fetched_at) as last_status,
        max(fetched_at) as last_fetched_at,
        max(fetched_at) filter (where is_success) as last_success_at,
        max(fetched_at) filter (where not is_success) as last_error_at,
        arg_max(error, fetched_at) filter (where not is_success) as last_error,
        arg_max(n_seen, fetched_at) filter (where is_success or status = 'suspicious') as last_yield,
        avg(n_seen) filter (where is_success and nth between 2 and 8) as recent_yield,
        count(*) filter (where nth <= 7) as n_recent_runs,
        count(*) filter (where nth <= 7 and not is_success) as n_recent_failures
    from ranked
    group by source, board
),

open_postings as (
    select source, board, count(*) filter (where closed_at is null) as n_open, count(*) as n_ever
    from postings
    group by source, board
)

select
    f.source,
    f.board,
    f.company,
    f.last_status,
    f.last_fetched_at,
    f.last_success_at,
    f.last_error_at,
    f.last_error,
    f.last_yield,
    round(f.recent_yield, 1) as recent_yield,
    coalesce(o.n_open, 0) as n_open,
    coalesce(o.n_ever, 0) as n_ever,
    f.n_recent_runs,
    f.n_recent_failures,
    f.last_status = 'suspicious' or (f.last_yield = 0 and f.recent_yield > 0) as is_zero_yield,
    coalesce(f.last_yield < f.recent_yield * 0.5, false) as is_yield_drop,
    case
        when f.last_status = 'failed' then 'failing'
        when f.last_status = 'suspicious' or (f.last_yield = 0 and f.recent_yield > 0) then 'zero_yield'
        when f.last_yield < f.recent_yield * 0.5 then 'yield_dropped'
        else 'ok'
    end as health
from per_feed as f
left join open_postings as o on o.source = f.source and o.board = f.board
