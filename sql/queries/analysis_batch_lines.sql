-- analysis_batch_lines: one row per pending line of one batch (by its input file)
select custom_id, kind, subject, input_hash, prompt_version, model, attempt, task_json
from analysis_batch_requests
where input_file_id = $input_file_id and status = 'pending'
order by custom_id
