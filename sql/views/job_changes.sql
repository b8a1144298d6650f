-- job_changes: one row per field that changed between two consecutive versions of a posting
with edited as (
    select job_id from postings where n_versions > 1
),

versions as (
    select
        v.job_id,
        v.version_id,
        v.valid_from,
        v.company,
        v.title,
        v.department,
        v.team,
        v.location,
        v.workplace_type,
        v.employment_type,
        v.url,
        cast(v.published_at as varchar) as published_at,
        v.description_text,
        cast(f.salary_min as varchar) as salary_min,
        cast(f.salary_max as varchar) as salary_max,
        f.salary_currency,
        f.salary_period,
        f.seniority
    from posting_versions as v
    left join version_facts as f using (version_id)
    where v.job_id in (select job_id from edited)
),

version_fields as (
    select job_id, version_id, valid_from, field, new_value
    from versions
    unpivot include nulls (
        new_value for field in (
            company, title, department, team, location, workplace_type, employment_type, url, published_at,
            description_text, salary_min, salary_max, salary_currency, salary_period, seniority
        )
    )
),

paired as (
    select
        job_id,
        version_id,
        valid_from as changed_at,
        field,
        lag(new_value) over (partition by job_id, field order by valid_from) as old_value,
        new_value,
        row_number() over (partition by job_id, field order by valid_from) as nth
    from version_fields
)

select job_id, version_id, changed_at, field, old_value, new_value
from paired
where nth > 1 and old_value is distinct from new_value
