-- analysis_batch_retries: one row per (kind, subject, input_hash) whose latest batch line failed on its first attempt with a reply to re-ask about
select kind, subject, input_hash, retry_json
from (
    select *, row_number() over (partition by kind, subject, input_hash, model order by updated_at desc) as n_rank
    from analysis_batch_requests
    where model = $model
)
where n_rank = 1 and status = 'failed' and attempt = 1 and retry_json is not null
