-- analysis_open_batches: one row per batch not yet ingested (submitted, or only uploaded when a run stopped in between)
select input_file_id, batch_id, model, status, n_requests, created_at
from analysis_batches
where not is_ingested
order by created_at
