-- search_bm25: one row per posting matching any word of $query, best BM25 first (over title, text and job analysis, from DuckDB's full-text index); $open_only and $company filter
with query_terms as (
    select distinct
        d.termid,
        log((s.num_docs - d.df + 0.5) / (d.df + 0.5) + 1) as idf
    from (select stem(unnest(fts_main_search_documents.tokenize($query)), 'porter') as term) as q
    join fts_main_search_documents.dict as d on d.term = q.term
    cross join fts_main_search_documents.stats as s
),

scores as (
    select p.job_id, sum(q.idf * p.weight) as bm25
    from search_postings as p
    join query_terms as q on q.termid = p.termid
    where p.termid in (select termid from query_terms)
    group by p.job_id
),

ranked as (
    select sc.job_id, sc.bm25
    from scores as sc
    join search_documents as doc on doc.job_id = sc.job_id
    where (not cast($open_only as boolean) or doc.closed_at is null)
      and (cast($company as varchar) is null or doc.company_key = lower($company) or doc.board_key = lower($company))
    order by sc.bm25 desc, sc.job_id
    limit cast($limit as integer)
)

select
    r.job_id,
    doc.company,
    doc.title,
    doc.location,
    doc.closed_at is null as is_open,
    doc.url,
    false as has_phrase_in_title,
    false as has_phrase,
    round(r.bm25, 4) as score,
    doc.body,
    doc.analysis
from ranked as r
join search_documents as doc on doc.job_id = r.job_id
order by r.bm25 desc, r.job_id
