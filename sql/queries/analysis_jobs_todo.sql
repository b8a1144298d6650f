-- analysis_jobs_todo: one row per open posting whose current version still needs an analysis from this model, with its facts
with done as (
    select distinct input_hash
    from analyses
    where kind = 'job'
      and (model = $model or $any_model)
      and (prompt_version = $prompt_version or $any_prompt)
),

in_flight as (
    select distinct input_hash
    from analysis_batch_requests
    where kind = 'job' and status = 'pending' and model = $model and $skip_in_flight
),

todo as (
    select p.job_id, p.current_version_id as version_id, p.current_hash as input_hash, p.source, p.board,
           p.external_id
    from postings as p
    where p.closed_at is null
      and p.current_hash not in (select input_hash from done)
      and p.current_hash not in (select input_hash from in_flight)
)

select
    t.job_id,
    t.version_id,
    t.input_hash,
    t.source,
    t.board,
    v.company,
    v.title,
    v.department,
    v.team,
    v.location,
    v.workplace_type,
    v.employment_type,
    v.description_text,
    v.payload_hash,  -- with external_id: where the job's own JSON is (pipeline.jobjson)
    t.external_id,
    f.facts_json,
    b.fingerprints as boilerplate
from todo as t
join posting_versions as v on v.version_id = t.version_id
left join version_facts as f on f.version_id = t.version_id
left join company_boilerplate as b on b.source = t.source and b.board = t.board
order by t.source, t.board, t.job_id
