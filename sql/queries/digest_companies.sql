-- digest_companies: one row per company (source, board) with open roles or activity in the ISO week starting $week_start: roles opened, closed, changed, reopened, and its company analysis
-- the week's bounds are written inline where they filter a scan, so that DuckDB pushes them into it
with bounds as (
    select
        timezone('UTC', $week_start::date::timestamp) as starts_at,
        timezone('UTC', $week_start::date + interval 7 day) as ends_at
),

-- every posting is counted, so a one-row CTE of bounds costs nothing here
lifecycle as (
    select
        j.source,
        j.board,
        arg_max(j.company, j.first_seen_at) as company,
        count(*) filter (where j.first_seen_at < b.ends_at and coalesce(j.closed_at >= b.ends_at, true)) as n_open,
        count(*) filter (where j.first_seen_at < b.starts_at and coalesce(j.closed_at >= b.starts_at, true)) as n_open_before,
        count(*) filter (where j.first_seen_at >= b.starts_at and j.first_seen_at < b.ends_at) as n_new,
        count(*) filter (where j.closed_at >= b.starts_at and j.closed_at < b.ends_at) as n_closed
    from jobs as j, bounds as b
    group by j.source, j.board
),

-- a posting changed when a later version of it (not its first) appeared in the week
edits as (
    select p.source, p.board, count(distinct v.job_id) as n_changed
    from posting_versions as v
    join postings as p on p.job_id = v.job_id
    where v.valid_from >= timezone('UTC', $week_start::date::timestamp)
      and v.valid_from < timezone('UTC', $week_start::date + interval 7 day)
      and v.valid_from > p.first_seen_at
    group by p.source, p.board
),

-- the lifecycle keeps no per-posting reopen events, so reopenings are counted from the week's fetches
reopenings as (
    select r.source, r.board, sum(r.n_reopened) as n_reopened
    from feed_results as r
    where r.fetched_at >= timezone('UTC', $week_start::date::timestamp)
      and r.fetched_at < timezone('UTC', $week_start::date + interval 7 day)
    group by r.source, r.board
)

select
    l.source,
    l.board,
    l.company,
    l.n_open,
    l.n_open - l.n_open_before as n_open_change,
    l.n_new,
    l.n_closed,
    coalesce(e.n_changed, 0) as n_changed,
    coalesce(r.n_reopened, 0) as n_reopened,
    a.analysis_text as company_analysis_text,
    a.backend as company_analysis_backend
from lifecycle as l
left join edits as e on e.source = l.source and e.board = l.board
left join reopenings as r on r.source = l.source and r.board = l.board
left join company_analyses as a on a.source = l.source and a.board = l.board
where l.n_open > 0 or l.n_new > 0 or l.n_closed > 0 or e.n_changed > 0
order by l.n_new desc, l.n_closed desc, l.n_open desc, l.company, l.source, l.board
