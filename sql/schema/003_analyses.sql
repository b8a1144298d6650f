-- analyses: job and company analyses, the request ledger, and batches in flight

-- analyses: one row per (kind, subject, input_hash, prompt_version, model); never updated, only added
create table analyses (
    kind              varchar not null,      -- job | company
    subject           varchar not null,      -- job: version_id; company: source/board
    input_hash        varchar not null,      -- job: the version's content_hash; company: hash of its postings' state
    prompt_version    varchar not null,      -- the prompt file's name (job-v1), or the offline template version
    model             varchar not null,      -- the model, or offline-extractive for the offline analyzer
    backend           varchar not null,      -- offline | openai | openai-batch
    job_id            bigint,
    version_id        bigint,
    source            varchar,
    board             varchar,
    company           varchar,
    created_at        timestamptz not null,
    run_id            varchar,
    is_grounded       boolean not null,      -- every evidence quote occurs verbatim in the material
    n_quotes          integer not null,
    n_quotes_grounded integer not null,
    disagreements_json json,                 -- salary, seniority, skills stated against the extracted facts
    analysis_json     json not null,
    analysis_text     varchar not null,
    primary key (kind, subject, input_hash, prompt_version, model)
);

-- analysis_requests: the ledger, one row per request sent to a model (or per line of a batch)
create table analysis_requests (
    request_id      varchar not null,
    run_id          varchar,
    created_at      timestamptz not null,
    backend         varchar not null,
    model           varchar not null,
    kind            varchar not null,
    subject         varchar not null,
    input_hash      varchar not null,
    prompt_version  varchar not null,
    purpose         varchar not null,        -- first | reask | ground_retry | batch
    status          varchar not null,        -- ok | invalid | ungrounded | failed | expired
    http_status     integer,
    error           varchar,
    n_retries       integer not null default 0,  -- transport retries inside the client (429, 5xx, timeouts)
    tokens_in       bigint not null default 0,
    tokens_cached   bigint not null default 0,
    tokens_out      bigint not null default 0,
    cost_usd        double not null default 0,
    latency_ms      integer,
    chars_sent      integer not null default 0,
    batch_id        varchar,
    custom_id       varchar
);

-- analysis_batches: one row per batch submitted to the Batch API; polled until ingested
create table analysis_batches (
    batch_id        varchar,                 -- null while only the input file is uploaded
    input_file_id   varchar not null,
    model           varchar not null,
    status          varchar not null,        -- uploaded | validating | in_progress | finalizing | completed | expired | failed | cancelled
    n_requests      integer not null,
    created_at      timestamptz not null,
    updated_at      timestamptz not null,
    output_file_id  varchar,
    error_file_id   varchar,
    is_ingested     boolean not null default false,
    run_id          varchar
);

-- analysis_batch_requests: one row per line of a batch; what a restart needs to collect or resubmit it
create table analysis_batch_requests (
    custom_id       varchar not null,
    input_file_id   varchar not null,
    kind            varchar not null,
    subject         varchar not null,
    input_hash      varchar not null,
    prompt_version  varchar not null,
    model           varchar not null,
    source          varchar,
    board           varchar,
    attempt         integer not null,        -- 1 first; 2 a re-ask after an invalid or ungrounded reply
    status          varchar not null,        -- pending | done | failed
    task_json       json not null,           -- messages, material, facts: the line can be checked without the postings
    retry_json      json,                    -- the previous reply and its problem, for a re-ask
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
