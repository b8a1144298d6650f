-- search_bigrams: one row per (pair of adjacent words, posting) in the indexed text, words lower-cased with punctuation dropped; sorted by pair so an exact-phrase check reads only its pairs
with words as (
    select
        job_id,
        string_split_regex(
            trim(regexp_replace(lower(concat_ws(' ', title, body, analysis)), '[^\p{L}\p{N}]+', ' ', 'g')), ' '
        ) as words
    from search_documents
),

pairs as (
    select job_id, words, unnest(range(1, len(words))) as i
    from words
)

select distinct hash(words[i], words[i + 1]) as bigram, job_id
from pairs
order by bigram, job_id
