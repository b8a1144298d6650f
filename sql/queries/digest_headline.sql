-- digest_headline: one row per headline metric of the ISO week starting $week_start (a Monday, UTC), with last week's figure and the change
-- the week's bounds are written inline, not in a CTE, so that DuckDB pushes them into the scans
with bounds as (
    select
        timezone('UTC', $week_start::date - interval 7 day) as last_starts_at,
        timezone('UTC', $week_start::date::timestamp) as starts_at,
        timezone('UTC', $week_start::date + interval 7 day) as ends_at
),

-- one pass over postings; a one-row CTE of bounds costs nothing here, since every row is counted anyway
lifecycle as (
    select
        count(*) filter (where p.first_seen_at < b.ends_at and coalesce(p.closed_at >= b.ends_at, true)) as open_this,
        count(*) filter (where p.first_seen_at < b.starts_at and coalesce(p.closed_at >= b.starts_at, true)) as open_last,
        count(*) filter (where p.first_seen_at >= b.starts_at and p.first_seen_at < b.ends_at) as new_this,
        count(*) filter (where p.first_seen_at >= b.last_starts_at and p.first_seen_at < b.starts_at) as new_last,
        count(*) filter (where p.closed_at >= b.starts_at and p.closed_at < b.ends_at) as closed_this,
        count(*) filter (where p.closed_at >= b.last_starts_at and p.closed_at < b.starts_at) as closed_last,
        count(distinct p.source || '/' || p.board) filter (
            where p.first_seen_at >= b.starts_at and p.first_seen_at < b.ends_at
        ) as hiring_this,
        count(distinct p.source || '/' || p.board) filter (
            where p.first_seen_at >= b.last_starts_at and p.first_seen_at < b.starts_at
        ) as hiring_last
    from postings as p, bounds as b
),

-- a later version of a posting (not its first) seen in the window: the posting changed
edits as (
    select
        count(distinct v.job_id) filter (where v.valid_from >= timezone('UTC', $week_start::date::timestamp)) as changed_this,
        count(distinct v.job_id) filter (where v.valid_from < timezone('UTC', $week_start::date::timestamp)) as changed_last
    from posting_versions as v
    where v.valid_from >= timezone('UTC', $week_start::date - interval 7 day)
      and v.valid_from < timezone('UTC', $week_start::date + interval 7 day)
      and exists (select 1 from posting_versions as prev where prev.job_id = v.job_id and prev.valid_to = v.valid_from)
),

figures as (
    unpivot (select * from lifecycle, edits)
    on (open_this, open_last) as open_roles,
       (new_this, new_last) as new_roles,
       (closed_this, closed_last) as closed_roles,
       (changed_this, changed_last) as changed_roles,
       (hiring_this, hiring_last) as companies_hiring
    into name metric value n_this_week, n_last_week
)

select
    metric,
    n_this_week,
    n_last_week,
    n_this_week - n_last_week as n_change
from figures
order by list_position(['open_roles', 'new_roles', 'closed_roles', 'changed_roles', 'companies_hiring'], metric)
