-- search_bm25_phrase: one row per posting holding the exact $phrase (every adjacent pair of its words, normalized as search_bigrams), title matches first, then best BM25 for $query; $open_only and $company filter
with phrase_pairs as (
    select distinct hash(words[i], words[i + 1]) as bigram
    from (
        select words, unnest(range(1, len(words))) as i
        from (
            select string_split_regex(
                trim(regexp_replace(lower($phrase), '[^\p{L}\p{N}]+', ' ', 'g')), ' '
            ) as words
        )
    )
),

phrase_hits as (
    select b.job_id
    from search_bigrams as b
    where b.bigram in (select bigram from phrase_pairs)
    group by b.job_id
    having count(distinct b.bigram) = (select count(*) from phrase_pairs)
),

query_terms as (
    select distinct
        d.termid,
        log((s.num_docs - d.df + 0.5) / (d.df + 0.5) + 1) as idf
    from (select stem(unnest(fts_main_search_documents.tokenize($query)), 'porter') as term) as q
    join fts_main_search_documents.dict as d on d.term = q.term
    cross join fts_main_search_documents.stats as s
),

-- BM25 for the phrase's postings only: the query's terms in every other posting need no score here
scores as (
    select p.job_id, sum(q.idf * p.weight) as bm25
    from search_postings as p
    join query_terms as q on q.termid = p.termid
    where p.termid in (select termid from query_terms)
      and p.job_id in (select job_id from phrase_hits)
    group by p.job_id
),

ranked as (
    select sc.job_id, sc.bm25, contains(lower(doc.title), lower($phrase)) as has_phrase_in_title
    from scores as sc
    join search_documents as doc on doc.job_id = sc.job_id
    where (not cast($open_only as boolean) or doc.closed_at is null)
      and (cast($company as varchar) is null or doc.company_key = lower($company) or doc.board_key = lower($company))
    order by has_phrase_in_title desc, sc.bm25 desc, sc.job_id
    limit cast($limit as integer)
)

select
    r.job_id,
    doc.company,
    doc.title,
    doc.location,
    doc.closed_at is null as is_open,
    doc.url,
    r.has_phrase_in_title,
    true as has_phrase,
    round(r.bm25, 4) as score,
    doc.body,
    doc.analysis
from ranked as r
join search_documents as doc on doc.job_id = r.job_id
order by r.has_phrase_in_title desc, r.bm25 desc, r.job_id
