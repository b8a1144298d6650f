-- core: runs, per-feed results, feed state, raw payloads, postings and their versions

-- runs: one row per nightly run (or ingest / reprocess)
create table runs (
    run_id        varchar primary key,
    kind          varchar not null,          -- run | ingest | reprocess | demo
    started_at    timestamptz not null,
    finished_at   timestamptz,
    status        varchar not null,          -- running | ok | partial | failed
    n_feeds       integer,
    n_failed      integer
);

-- feed_results: one row per feed per run
create table feed_results (
    run_id        varchar not null,
    source        varchar not null,
    board         varchar not null,
    company       varchar,
    status        varchar not null,          -- ok | not_modified | unchanged | failed | suspicious
    http_status   integer,
    payload_hash  varchar,
    n_seen        integer not null default 0,
    n_new         integer not null default 0,
    n_changed     integer not null default 0,
    n_closed      integer not null default 0,
    n_reopened    integer not null default 0,
    n_unchanged   integer not null default 0,
    n_bytes       bigint,
    duration_ms   integer,
    fetched_at    timestamptz,
    error         varchar,
    primary key (run_id, source, board)
);

-- feed_state: one row per feed, what the next conditional GET needs and what was last stored
create table feed_state (
    source            varchar not null,
    board             varchar not null,
    etag              varchar,
    last_modified     varchar,
    last_payload_hash varchar,
    last_success_at   timestamptz,
    primary key (source, board)
);

-- raw_payloads: every fetched document, once per content hash (zlib-compressed body)
create table raw_payloads (
    payload_hash   varchar primary key,      -- sha256 of the body as received
    source         varchar not null,
    board          varchar not null,
    first_fetched_at timestamptz not null,
    http_status    integer,
    content_type   varchar,
    n_bytes        bigint not null,
    body_zlib      blob not null
);

-- payload_fetches: every time a payload was fetched (the replay order for reprocess)
create table payload_fetches (
    run_id         varchar not null,
    source         varchar not null,
    board          varchar not null,
    payload_hash   varchar not null,
    fetched_at     timestamptz not null,
    primary key (run_id, source, board)
);

-- postings: one row per (source, board, external_id) ever seen; narrow, updated every run
create table postings (
    job_id            bigint not null,         -- unique; no index: DuckDB joins by hash
    source            varchar not null,
    board             varchar not null,
    external_id       varchar not null,
    first_seen_at     timestamptz not null,
    last_seen_at      timestamptz not null,
    closed_at         timestamptz,
    current_version_id bigint not null,
    current_hash      varchar not null,
    n_versions        integer not null default 1
);

-- posting_versions: one row per distinct content of a posting; long text appended once
create table posting_versions (
    version_id        bigint not null,         -- unique
    job_id            bigint not null,
    content_hash      varchar not null,
    valid_from        timestamptz not null,
    valid_to          timestamptz,
    company           varchar,
    title             varchar not null,
    department        varchar,
    team              varchar,
    location          varchar,
    workplace_type    varchar,
    employment_type   varchar,
    url               varchar,
    apply_url         varchar,
    published_at      timestamptz,
    description_text  varchar not null,
    payload_hash      varchar,
    raw_json          json
);
