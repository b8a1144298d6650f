-- digest_pay_bands: one row per (grouping, band) of roles open at the end of the ISO week starting $week_start that state pay: annual pay quartiles in the reporting currency, by seniority and by role family
-- the week's bounds are written inline, not in a CTE, so that DuckDB pushes them into the scans
with paid as (
    select
        coalesce(j.seniority, 'unstated') as seniority,
        -- role family from the title: what a reader groups roles by; 'other' when no word says
        case
            when regexp_matches(j.title, '(?i)\b(data|machine learning|ml|analytics|scientist|analyst)\b') then 'data'
            when regexp_matches(j.title, '(?i)\b(engineer|engineering|developer|sre|devops|architect)\b') then 'engineering'
            when regexp_matches(j.title, '(?i)\b(design|designer|ux|ui)\b') then 'design'
            when regexp_matches(j.title, '(?i)\b(product manager|product)\b') then 'product'
            when regexp_matches(j.title, '(?i)\b(sales|account|customer|success|solutions)\b') then 'sales & customers'
            when regexp_matches(j.title, '(?i)\b(marketing|growth|brand|content|communications)\b') then 'marketing'
            when regexp_matches(j.title, '(?i)\b(recruit|people|talent|hr|finance|legal|counsel|operations)\b') then 'operations'
            else 'other'
        end as role_family,
        j.salary_reporting_currency as currency,
        (coalesce(j.salary_converted_annual_min, j.salary_converted_annual_max)
            + coalesce(j.salary_converted_annual_max, j.salary_converted_annual_min)) / 2 as annual_pay
    from jobs as j
    where coalesce(j.salary_converted_annual_min, j.salary_converted_annual_max) is not null
      and j.first_seen_at < timezone('UTC', $week_start::date + interval 7 day)
      and coalesce(j.closed_at >= timezone('UTC', $week_start::date + interval 7 day), true)
),

bands as (
    unpivot paid
    on seniority, role_family
    into name grouping value band
)

select
    grouping,
    band,
    any_value(currency) as currency,
    count(*) as n_roles,
    round(quantile_cont(annual_pay, 0.25), -3) as pay_p25,
    round(median(annual_pay), -3) as pay_median,
    round(quantile_cont(annual_pay, 0.75), -3) as pay_p75
from bands
group by grouping, band
order by
    grouping desc,
    list_position(
        ['intern', 'entry', 'mid', 'senior', 'staff', 'principal', 'manager', 'director', 'executive'], band
    ) nulls last,
    pay_median desc,
    band
