-- analysis_company_texts: one row per recent open posting of one company (source, board), with the company's boilerplate
select
    p.job_id,
    v.company,
    v.description_text,
    b.fingerprints as boilerplate
from postings as p
join posting_versions as v on v.version_id = p.current_version_id
left join company_boilerplate as b on b.source = p.source and b.board = p.board
where p.source = $source and p.board = $board and p.closed_at is null
order by p.first_seen_at desc, p.job_id
limit $max_postings
