-- analysis_company_pay: one row per (seniority, currency) among one company's open postings that state pay: the median annual band
select
    coalesce(f.seniority, 'unstated') as seniority,
    f.salary_currency as currency,
    count(*) as n,
    median(coalesce(f.salary_annual_min, f.salary_annual_max)) as median_min,
    median(coalesce(f.salary_annual_max, f.salary_annual_min)) as median_max
from postings as p
join version_facts as f on f.version_id = p.current_version_id
where p.source = $source and p.board = $board and p.closed_at is null
  and f.salary_currency is not null
  and coalesce(f.salary_annual_min, f.salary_annual_max) is not null
group by all
order by n desc, seniority
limit 6
