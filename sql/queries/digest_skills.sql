-- digest_skills: one row per skill asked for by roles first seen in the ISO week starting $week_start or the week before: roles asking for it in each week and the change
-- the week's bounds are written inline, not in a CTE, so that DuckDB pushes them into the scans
with recent_roles as (
    select j.job_id, j.first_seen_at >= timezone('UTC', $week_start::date::timestamp) as is_this_week, j.skills
    from jobs as j
    where j.first_seen_at >= timezone('UTC', $week_start::date - interval 7 day)
      and j.first_seen_at < timezone('UTC', $week_start::date + interval 7 day)
),

mentions as (
    select distinct job_id, is_this_week, unnest(skills) as skill
    from recent_roles
),

counts as (
    select
        skill,
        count(*) filter (where is_this_week) as n_this_week,
        count(*) filter (where not is_this_week) as n_last_week
    from mentions
    group by skill
),

n_new_roles as (
    select count(*) filter (where is_this_week) as n from recent_roles
)

select
    c.skill,
    c.n_this_week,
    c.n_last_week,
    c.n_this_week - c.n_last_week as n_change,
    round(100.0 * c.n_this_week / nullif(r.n, 0), 1) as pct_of_new_roles
from counts as c, n_new_roles as r
order by c.n_this_week desc, n_change desc, c.skill
