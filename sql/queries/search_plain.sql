-- search_plain: one row per posting whose title, text or job analysis contains any of $terms (the fallback when the full-text index cannot be used): exact $phrase first, then the number of terms found
with documents as (
    select
        j.job_id,
        lower(j.title) as title,
        lower(regexp_replace(concat_ws(' ', j.title, j.description_text, j.analysis_text), '\s+', ' ', 'g')) as text
    from jobs as j
    where (not cast($open_only as boolean) or j.is_open)
      and (cast($company as varchar) is null or lower(j.company) = lower($company) or lower(j.board) = lower($company))
),

scored as (
    select
        job_id,
        contains(title, lower($phrase)) as has_phrase_in_title,
        contains(text, lower($phrase)) as has_phrase,
        len(list_filter(cast($terms as varchar[]), lambda t: contains(text, lower(t)))) as n_terms
    from documents
),

ranked as (
    select *
    from scored
    where n_terms > 0
    order by has_phrase desc, has_phrase_in_title desc, n_terms desc, job_id
    limit cast($limit as integer)
)

select
    j.job_id,
    j.company,
    j.title,
    j.location,
    j.is_open,
    j.url,
    r.has_phrase_in_title,
    r.has_phrase,
    r.n_terms::double as score,
    j.description_text as body,
    coalesce(j.analysis_text, '') as analysis
from ranked as r
join jobs as j on j.job_id = r.job_id
order by r.has_phrase desc, r.has_phrase_in_title desc, r.n_terms desc, j.job_id
