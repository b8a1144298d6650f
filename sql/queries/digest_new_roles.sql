-- digest_new_roles: one row per posting first seen in the ISO week starting $week_start, with its facts and its job analysis
-- the week's bounds are written inline, not in a CTE, so that DuckDB pushes them into the scans
select
    j.job_id,
    j.source,
    j.board,
    j.company,
    j.title,
    j.department,
    j.location,
    j.workplace_type,
    j.employment_type,
    j.seniority,
    j.years_experience_min,
    j.salary_min,
    j.salary_max,
    j.salary_currency,
    j.salary_period,
    j.salary_converted_annual_min,
    j.salary_converted_annual_max,
    j.salary_reporting_currency,
    j.visa_sponsorship,
    j.skills,
    j.url,
    j.first_seen_at,
    j.closed_at,
    j.is_open,
    j.analysis_text
from jobs as j
where j.first_seen_at >= timezone('UTC', $week_start::date::timestamp)
  and j.first_seen_at < timezone('UTC', $week_start::date + interval 7 day)
order by j.company, j.title, j.job_id
