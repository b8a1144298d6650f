-- digest_week_activity: one row for the ISO week starting $week_start: fetches made and postings seen in it, so an empty week can say so
-- the week's bounds are written inline, not in a CTE, so that DuckDB pushes them into the scans
select
    (
        select count(*) from feed_results as r
        where r.fetched_at >= timezone('UTC', $week_start::date::timestamp)
          and r.fetched_at < timezone('UTC', $week_start::date + interval 7 day)
    ) as n_fetches,
    (
        select count(*) from postings as p
        where p.first_seen_at < timezone('UTC', $week_start::date + interval 7 day)
          and p.last_seen_at >= timezone('UTC', $week_start::date::timestamp)
    ) as n_postings_seen,
    (
        select max(r.fetched_at) from feed_results as r
        where r.fetched_at < timezone('UTC', $week_start::date + interval 7 day)
    ) as last_fetched_at
