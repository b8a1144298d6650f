-- search_index_fingerprint: one row: a fingerprint of what the search index reflects (posting versions, closings, job analyses); it changes whenever any of them does
select
    (select count(*) || ':' || coalesce(sum(hash(version_id)), 0) from posting_versions)
    || ':' || (select count(closed_at) || ':' || coalesce(sum(hash(job_id, closed_at)) filter (where closed_at is not null), 0) from postings)
    || ':' || (select count(*) || ':' || coalesce(max(created_at)::varchar, '') from analyses where kind = 'job')
    as fingerprint
