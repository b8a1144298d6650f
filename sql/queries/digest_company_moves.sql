-- digest_company_moves: one row per (company, dimension, value) whose roles moved in the ISO week starting $week_start: departments and locations with roles opened or closed
-- the week's bounds are written inline, not in a CTE, so that DuckDB pushes them into the scans
with moved as (
    select
        j.source,
        j.board,
        coalesce(j.department, 'unassigned') as department,
        coalesce(j.location, 'unstated') as location,
        j.first_seen_at >= timezone('UTC', $week_start::date::timestamp) as is_new,
        coalesce(j.closed_at >= timezone('UTC', $week_start::date::timestamp)
                 and j.closed_at < timezone('UTC', $week_start::date + interval 7 day), false) as is_closed
    from jobs as j
    where j.first_seen_at < timezone('UTC', $week_start::date + interval 7 day)
      and (j.first_seen_at >= timezone('UTC', $week_start::date::timestamp)
           or j.closed_at >= timezone('UTC', $week_start::date::timestamp))
),

dimensions as (
    unpivot moved
    on department, location
    into name dimension value value
)

select
    source,
    board,
    dimension,
    value,
    count(*) filter (where is_new) as n_new,
    count(*) filter (where is_closed) as n_closed,
    count(*) filter (where is_new) - count(*) filter (where is_closed) as n_net
from dimensions
group by source, board, dimension, value
having n_new > 0 or n_closed > 0
order by source, board, dimension, abs(n_net) desc, n_new desc, value
