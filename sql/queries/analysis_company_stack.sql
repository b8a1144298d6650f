-- analysis_company_stack: one row per skill asked for by one company's open postings, most asked first
with skills as (
    select unnest(f.skills) as name
    from postings as p
    join version_facts as f on f.version_id = p.current_version_id
    where p.source = $source and p.board = $board and p.closed_at is null
)

select name, count(*) as n
from skills
group by name
order by n desc, name
limit 12
