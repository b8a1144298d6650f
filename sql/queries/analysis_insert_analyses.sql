-- analysis_insert_analyses: adds new analyses (one per kind, subject, input_hash, prompt_version, model); a duplicate is ignored
insert or ignore into analyses by name
select * from incoming
