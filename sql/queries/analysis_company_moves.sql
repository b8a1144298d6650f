-- analysis_company_moves: one row per (dimension, value) of one company: open roles now and 30 days ago, by department and by location
with current_postings as (
    select p.first_seen_at, p.closed_at, v.department, v.location, v.workplace_type
    from postings as p
    join posting_versions as v on v.version_id = p.current_version_id
    where p.source = $source and p.board = $board
),

dimensions as (
    unpivot (
        select
            first_seen_at,
            closed_at,
            coalesce(department, 'unassigned') as department,
            coalesce(location, 'unstated') as location,
            coalesce(workplace_type, 'unstated') as workplace
        from current_postings
    )
    on department, location, workplace
    into name dimension value value
)

select
    dimension,
    value,
    count(*) filter (where closed_at is null) as n_open_now,
    count(*) filter (
        where first_seen_at <= $as_of - interval 30 day and (closed_at is null or closed_at > $as_of - interval 30 day)
    ) as n_open_before
from dimensions
group by dimension, value
order by dimension, n_open_now desc, value
