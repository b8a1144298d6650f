-- analysis_insert_batch_requests: records the lines of an uploaded batch input file, one row per custom_id
insert into analysis_batch_requests by name
select * from incoming
