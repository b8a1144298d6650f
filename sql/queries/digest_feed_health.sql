-- digest_feed_health: one row per feed that failed during the ISO week starting $week_start or whose yield collapsed: failures that week and its current health
-- the week's bounds are written inline, not in a CTE, so that DuckDB pushes them into the scans
with fetches as (
    select
        r.source,
        r.board,
        count(*) as n_fetches,
        count(*) filter (where r.status = 'failed') as n_failed,
        count(*) filter (where r.status = 'suspicious') as n_suspicious,
        arg_max(r.error, r.fetched_at) filter (where r.error is not null) as last_error
    from feed_results as r
    where r.fetched_at >= timezone('UTC', $week_start::date::timestamp)
      and r.fetched_at < timezone('UTC', $week_start::date + interval 7 day)
    group by r.source, r.board
)

select
    f.source,
    f.board,
    h.company,
    f.n_fetches,
    f.n_failed,
    f.n_suspicious,
    f.last_error,
    h.health,
    h.last_yield,
    h.recent_yield,
    h.last_success_at
from fetches as f
left join feed_health as h on h.source = f.source and h.board = f.board
where f.n_failed > 0 or f.n_suspicious > 0 or h.health <> 'ok'
order by f.n_failed desc, f.source, f.board
