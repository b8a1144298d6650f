-- facts_todo: one row per posting version with no facts from the current extractor version, in payload
-- order so that a chunk's versions share few payloads
select v.version_id
from posting_versions as v
where not exists (
    select 1 from version_facts as f
    where f.version_id = v.version_id and f.extractor_version = $extractor_version
)
order by v.payload_hash, v.version_id
