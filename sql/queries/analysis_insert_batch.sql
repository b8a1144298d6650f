-- analysis_insert_batch: records an uploaded batch input file (its batch id follows once created)
insert into analysis_batches by name
select * from incoming
