-- digest_remote_share: one row per workplace type (remote, hybrid, onsite, unstated): its share of roles open at the end of the ISO week starting $week_start and of the week before, and of the week's new roles
with bounds as (
    select
        timezone('UTC', $week_start::date::timestamp) as starts_at,
        timezone('UTC', $week_start::date + interval 7 day) as ends_at
),

-- every posting seen by the end of the week is counted, so a one-row CTE of bounds costs nothing here
counts as (
    select
        coalesce(j.workplace_type, 'unstated') as workplace_type,
        count(*) filter (where j.first_seen_at < b.ends_at and coalesce(j.closed_at >= b.ends_at, true)) as n_open,
        count(*) filter (where j.first_seen_at < b.starts_at and coalesce(j.closed_at >= b.starts_at, true)) as n_open_before,
        count(*) filter (where j.first_seen_at >= b.starts_at and j.first_seen_at < b.ends_at) as n_new
    from jobs as j, bounds as b
    group by all
)

select
    workplace_type,
    n_open,
    round(100.0 * n_open / nullif(sum(n_open) over (), 0), 1) as pct_open,
    round(100.0 * n_open_before / nullif(sum(n_open_before) over (), 0), 1) as pct_open_before,
    n_new,
    round(100.0 * n_new / nullif(sum(n_new) over (), 0), 1) as pct_new
from counts
where n_open > 0 or n_open_before > 0 or n_new > 0
order by list_position(['remote', 'hybrid', 'onsite', 'unstated'], workplace_type) nulls last, workplace_type
