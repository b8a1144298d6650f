-- analysis_update_batch_requests: sets each collected line's status (done or failed) and what a re-ask needs
update analysis_batch_requests as r
set status = i.status, retry_json = i.retry_json, updated_at = i.updated_at
from incoming as i
where r.custom_id = i.custom_id
