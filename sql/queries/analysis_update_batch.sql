-- analysis_update_batch: one batch's id, status and files as the provider last reported them
update analysis_batches
set batch_id = $batch_id,
    status = $status,
    output_file_id = $output_file_id,
    error_file_id = $error_file_id,
    is_ingested = $is_ingested,
    updated_at = $updated_at
where input_file_id = $input_file_id
