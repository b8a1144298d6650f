-- digest_changes: one row per change worth knowing in the ISO week starting $week_start: pay moved, title or remote policy changed, closed after at least $min_days_open days open
-- the week's bounds are written inline, not in a CTE, so that DuckDB pushes them into the scans

-- each version seen in the week beside the version it replaced (ingest closes one as it opens the other)
with edits as (
    select
        cur.job_id,
        cur.version_id,
        prev.version_id as prev_version_id,
        cur.valid_from as changed_at,
        cur.company,
        cur.url,
        prev.title as old_title,
        cur.title as new_title,
        prev.workplace_type as old_workplace_type,
        cur.workplace_type as new_workplace_type,
        p.first_seen_at,
        p.closed_at
    from posting_versions as cur
    join posting_versions as prev on prev.job_id = cur.job_id and prev.valid_to = cur.valid_from
    join postings as p on p.job_id = cur.job_id
    where cur.valid_from >= timezone('UTC', $week_start::date::timestamp)
      and cur.valid_from < timezone('UTC', $week_start::date + interval 7 day)
),

-- the stated pay of both versions, as text; read from the facts table itself (the job_facts view joins every
-- version first) and from the latest extraction of each version
pay as (
    select
        version_id,
        case
            when salary_min is null and salary_max is null then 'not stated'
            else concat_ws(' ',
                case
                    when salary_min is null then 'up to ' || format('{:,.0f}', salary_max)
                    when salary_max is null or salary_max = salary_min then format('{:,.0f}', salary_min)
                    else format('{:,.0f}', salary_min) || '–' || format('{:,.0f}', salary_max)
                end,
                salary_currency,
                'per ' || salary_period)
        end as pay_text
    from version_facts
    where version_id in (select version_id from edits union all select prev_version_id from edits)
    qualify row_number() over (partition by version_id order by extracted_at desc) = 1
),

changes as (
    select e.*, 'pay_moved' as kind, po.pay_text as old_value, pn.pay_text as new_value
    from edits as e
    join pay as po on po.version_id = e.prev_version_id
    join pay as pn on pn.version_id = e.version_id
    where po.pay_text <> pn.pay_text

    union all by name

    select *, 'title_changed' as kind, old_title as old_value, new_title as new_value
    from edits
    where old_title is distinct from new_title

    union all by name

    select
        *,
        'remote_policy_changed' as kind,
        coalesce(old_workplace_type, 'unstated') as old_value,
        coalesce(new_workplace_type, 'unstated') as new_value
    from edits
    where old_workplace_type is distinct from new_workplace_type

    union all by name

    select
        j.job_id,
        j.closed_at as changed_at,
        j.company,
        j.url,
        j.title as new_title,
        j.first_seen_at,
        j.closed_at,
        'closed_after_long_open' as kind,
        j.first_seen_at::date::varchar as old_value,
        j.closed_at::date::varchar as new_value
    from jobs as j
    where j.closed_at >= timezone('UTC', $week_start::date::timestamp)
      and j.closed_at < timezone('UTC', $week_start::date + interval 7 day)
      and date_diff('day', j.first_seen_at, j.closed_at) >= cast($min_days_open as integer)

    union all by name

    select
        j.job_id,
        j.reopened_at as changed_at,
        j.company,
        j.url,
        j.title as new_title,
        j.first_seen_at,
        j.closed_at,
        'reopened' as kind,
        'closed' as old_value,
        'listed again ' || j.reopened_at::date::varchar as new_value
    from jobs as j
    where j.reopened_at >= timezone('UTC', $week_start::date::timestamp)
      and j.reopened_at < timezone('UTC', $week_start::date + interval 7 day)
)

select
    kind,
    job_id,
    company,
    new_title as title,
    old_value,
    new_value,
    changed_at,
    date_diff('day', first_seen_at, coalesce(closed_at, changed_at)) as n_days_open,
    closed_at is null as is_open,
    url
from changes
order by list_position(['pay_moved', 'title_changed', 'remote_policy_changed', 'reopened', 'closed_after_long_open'], kind),
         company, changed_at, job_id
