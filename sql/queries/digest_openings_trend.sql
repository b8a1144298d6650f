-- digest_openings_trend: one row per (company, ISO week) over the $n_weeks weeks ending with the week starting $week_start: roles first seen that week
-- the period's bounds are written inline, not in a CTE, so that DuckDB pushes them into the scan
with openings as (
    select
        j.source,
        j.board,
        arg_max(j.company, j.first_seen_at) as company,
        date_trunc('week', timezone('UTC', j.first_seen_at))::date as week_start_on,
        count(*) as n_new
    from jobs as j
    where j.first_seen_at >= timezone('UTC', $week_start::date - to_weeks(cast($n_weeks as integer) - 1))
      and j.first_seen_at < timezone('UTC', $week_start::date + interval 7 day)
    group by j.source, j.board, week_start_on
),

weeks as (
    select unnest(generate_series(
        cast($week_start as date) - to_weeks(cast($n_weeks as integer) - 1),
        cast($week_start as date),
        interval 7 day
    ))::date as week_start_on
),

-- every company that opened a role in the period, under its latest name
companies as (
    select source, board, arg_max(company, week_start_on) as company
    from openings
    group by source, board
)

select
    c.source,
    c.board,
    c.company,
    k.week_start_on,
    strftime(k.week_start_on, '%G-W%V') as iso_week,
    coalesce(o.n_new, 0) as n_new
from companies as c
cross join weeks as k
left join openings as o on o.source = c.source and o.board = c.board and o.week_start_on = k.week_start_on
order by c.company, c.source, c.board, k.week_start_on
