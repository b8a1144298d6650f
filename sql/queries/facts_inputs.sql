-- facts_inputs: one row per posting version of a chunk: what the extractors read (the job JSON is found
-- by external_id in the payload the version came from)
select
    v.version_id,
    p.source,
    p.board,
    v.company,
    v.title,
    v.location,
    v.workplace_type,
    v.employment_type,
    v.description_text,
    v.payload_hash,
    p.external_id
from posting_versions as v
join postings as p using (job_id)
where v.version_id in (select unnest($version_ids))
