-- search_postings: one row per (term, posting) of the full-text index: the term's BM25 weight in that posting before idf (k1 = 1.2, b = 0.75, as the extension's match_bm25), sorted by term so a query reads only its terms' rows
with counts as (
    select termid, docid, count(*) as tf
    from fts_main_search_documents.terms
    group by termid, docid
)

select
    c.termid,
    d.name as job_id,
    (c.tf * (1.2 + 1) / (c.tf + 1.2 * (1 - 0.75 + 0.75 * d.len / s.avgdl)))::float as weight
from counts as c
join fts_main_search_documents.docs as d on d.docid = c.docid
cross join fts_main_search_documents.stats as s
order by c.termid, job_id
