-- posting_versions.raw_json goes: each version's job JSON is the job with its external id in the
-- payload that brought the version (raw_payloads, by posting_versions.payload_hash), kept there once
-- already. Storing it again per version was most of the bytes an ingest wrote.
-- Read it with `jobpipe raw JOB_ID`, or pipeline.jobjson in Python.
alter table posting_versions drop column raw_json;
