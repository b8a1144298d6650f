-- digest_watchlist_hits: one row per role first seen in the ISO week starting $week_start that mentions any of $keywords (a list of words or phrases): those found in its title and in its text
-- the week's bounds are written inline, not in a CTE, so that DuckDB pushes them into the scans
with new_roles as (
    select j.job_id, lower(j.title) as title, lower(j.description_text) as text
    from jobs as j
    where j.first_seen_at >= timezone('UTC', $week_start::date::timestamp)
      and j.first_seen_at < timezone('UTC', $week_start::date + interval 7 day)
),

-- a keyword counts as a whole word or phrase, in any case; the plain `contains` first spares most regex work
hits as (
    select
        job_id,
        list_filter(
            cast($keywords as varchar[]),
            lambda k: contains(title, lower(k)) and regexp_matches(title, '(^|\W)' || regexp_escape(lower(k)) || '(\W|$)')
        ) as title_hits,
        list_filter(
            cast($keywords as varchar[]),
            lambda k: contains(text, lower(k)) and regexp_matches(text, '(^|\W)' || regexp_escape(lower(k)) || '(\W|$)')
        ) as text_hits
    from new_roles
)

select job_id, title_hits, text_hits
from hits
where len(title_hits) > 0 or len(text_hits) > 0
order by job_id
