-- analysis_company_counts: one row for one company (source, board): open roles, new and closed in the last 7 and 30 days, days followed
select
    count(*) filter (where closed_at is null) as n_open,
    count(*) filter (where first_seen_at > $as_of - interval 7 day) as n_new_7d,
    count(*) filter (where closed_at > $as_of - interval 7 day) as n_closed_7d,
    count(*) filter (where first_seen_at > $as_of - interval 30 day) as n_new_30d,
    count(*) filter (where closed_at > $as_of - interval 30 day) as n_closed_30d,
    coalesce(date_diff('day', min(first_seen_at), $as_of), 0) as n_days_followed
from postings
where source = $source and board = $board
