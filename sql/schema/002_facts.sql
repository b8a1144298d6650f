-- facts: extracted facts, one row per posting version and extractor version

-- version_facts: the main fields typed for SQL, everything (sources, evidence) in facts_json
create table version_facts (
    version_id                    bigint not null,
    extractor_version             varchar not null,
    extracted_at                  timestamptz not null,
    salary_min                    double,
    salary_max                    double,
    salary_currency               varchar,
    salary_period                 varchar,
    salary_annual_min             double,
    salary_annual_max             double,
    salary_source                 varchar,
    salary_reporting_currency     varchar,
    salary_converted_annual_min   double,
    salary_converted_annual_max   double,
    fx_rate                       double,
    fx_rate_date                  date,
    seniority                     varchar,
    years_experience_min          double,
    years_experience_max          double,
    workplace_type                varchar,
    remote_scope                  varchar,
    employment_type               varchar,
    visa_sponsorship              varchar,
    education_level               varchar,
    education_required            boolean,
    country                       varchar,
    skills                        varchar[],
    facts_json                    json
);

-- company_boilerplate: per feed, the paragraphs repeated across its postings (intro, closing, benefits)
create table company_boilerplate (
    source          varchar not null,
    board           varchar not null,
    fingerprints    varchar[] not null,      -- pipeline.facts.boilerplate fingerprints of repeated paragraphs
    n_postings      integer not null,
    computed_at     timestamptz not null,
    primary key (source, board)
);
