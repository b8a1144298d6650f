-- bench data for bench/digest.py: $n_postings synthetic postings over 52 weeks ending $end_at, on $n_boards boards, with facts, analyses and nightly fetch results

create temporary table words as
select
    ['Software', 'Data', 'Backend', 'Frontend', 'Platform', 'Machine Learning', 'Site Reliability', 'Security',
     'Product', 'Mobile', 'Infrastructure', 'Analytics', 'Payments', 'Growth', 'Search'] as areas,
    ['Engineer', 'Engineer', 'Engineer', 'Scientist', 'Analyst', 'Manager', 'Designer', 'Architect', 'Lead'] as roles,
    ['', '', 'Senior ', 'Senior ', 'Staff ', 'Principal ', 'Junior ', 'Lead '] as levels,
    ['intern', 'entry', 'mid', 'mid', 'senior', 'senior', 'staff', 'principal', 'manager', 'director'] as seniorities,
    ['Engineering', 'Data', 'Product', 'Design', 'Sales', 'Marketing', 'Operations', 'Security'] as departments,
    ['Berlin', 'London', 'New York', 'San Francisco', 'Remote - US', 'Remote - EU', 'Paris', 'Toronto', 'Austin',
     'Amsterdam', 'Dublin', 'Singapore', 'Sydney', 'Bangalore', 'Zurich', 'Stockholm'] as locations,
    ['remote', 'hybrid', 'onsite', 'hybrid', 'onsite'] as workplaces,
    ['USD', 'USD', 'USD', 'EUR', 'GBP', 'CAD', 'CHF', 'SEK'] as currencies,
    ['Python', 'Go', 'Java', 'Kafka', 'Kubernetes', 'PostgreSQL', 'AWS', 'GCP', 'Terraform', 'React', 'TypeScript',
     'Rust', 'Scala', 'Spark', 'Airflow', 'dbt', 'Snowflake', 'PyTorch', 'TensorFlow', 'SQL', 'Docker', 'Redis',
     'GraphQL', 'Node.js', 'Swift', 'Kotlin', 'C++', 'Figma', 'Tableau', 'Looker'] as skills,
    ['Python', 'Go', 'Java', 'Kafka', 'Kubernetes', 'PostgreSQL', 'AWS', 'GCP', 'Azure', 'Terraform', 'React',
     'TypeScript', 'Rust', 'Scala', 'Spark', 'Airflow', 'dbt', 'Snowflake', 'PyTorch', 'TensorFlow', 'SQL', 'Docker',
     'Redis', 'GraphQL', 'Node.js', 'Swift', 'Kotlin', 'C++', 'Figma', 'Tableau', 'Looker', 'Flink', 'Elasticsearch',
     'MongoDB', 'Cassandra', 'BigQuery', 'Redshift', 'Databricks', 'Ruby', 'Rails', 'Django', 'Flask', 'FastAPI',
     'Vue', 'Angular', 'Next.js', 'Svelte', 'Android', 'iOS', 'Linux', 'Ansible', 'Helm', 'Prometheus', 'Grafana',
     'Datadog', 'Jenkins', 'GitHub Actions', 'CircleCI', 'gRPC', 'REST', 'OAuth', 'Okta', 'Salesforce', 'HubSpot',
     'Excel', 'R', 'MATLAB', 'Julia', 'Haskell', 'Elixir', 'Erlang', 'Clojure', 'PHP', 'Laravel', 'Symfony', '.NET',
     'C#', 'Unity', 'Unreal', 'OpenGL', 'CUDA', 'LLVM', 'WebAssembly', 'Solidity', 'Hadoop', 'Hive', 'Presto',
     'Trino', 'ClickHouse', 'DuckDB', 'Pinot', 'Druid', 'RabbitMQ', 'NATS', 'Pulsar', 'Kinesis', 'Lambda', 'ECS',
     'Nomad', 'Consul', 'Vault', 'Istio', 'Envoy', 'Nginx', 'Varnish', 'Cloudflare', 'Fastly', 'Stripe',
     'Twilio', 'Segment', 'Amplitude', 'Mixpanel', 'Optimizely', 'LaunchDarkly', 'Sentry', 'PagerDuty'] as techs,
    ['payments', 'search', 'recommendation', 'billing', 'identity', 'messaging', 'analytics', 'fraud', 'pricing',
     'logistics', 'onboarding', 'notifications', 'storage', 'observability', 'experimentation', 'ads', 'checkout',
     'catalog', 'inventory', 'routing', 'mapping', 'video', 'audio', 'streaming', 'trust and safety', 'compliance',
     'reporting', 'forecasting', 'scheduling', 'support'] as domains,
    ['You will design and run our {} based {} services, working closely with {} experts.',
     'Our {} platform powers {} for millions of users; familiarity with {} helps.',
     'We run {} streaming pipelines for {} and keep them fast with {}.',
     'Experience with {} in production, ideally in {}, and some exposure to {} is a plus.',
     'You will own {} work end to end, from {} design reviews to on-call, using {}.',
     'The {} team ships small changes many times a day to {} behind flags, built on {}.',
     'You will mentor engineers who build {} tools for {} and review {} code.',
     'We migrate legacy {} jobs in {} to {} this year.',
     'Strong skills in {} and a feel for {} problems matter more than years with {}.',
     'Stream processing with {} for {} events, plus {}, is welcome experience.',
     'You have shipped {} systems for {} and can explain trade-offs against {}.',
     'Security reviews cover every {} change to {} and every {} dependency.'] as sentences;

create temporary table bench_postings as
select
    i as job_id,
    (i % $n_boards) as board_no,
    cast($end_at as timestamptz) - to_seconds((hash(i, 'seen') % (364 * 86400))::bigint) as first_seen_at,
    7 + hash(i, 'open') % 120 as days_open,
    hash(i, 'edit') % 10 = 0 as is_edited
from range(1, $n_postings + 1) as t(i);

insert into postings (job_id, source, board, external_id, first_seen_at, last_seen_at, closed_at,
                      current_version_id, current_hash, n_versions)
select
    p.job_id,
    ['greenhouse', 'lever', 'ashby'][1 + p.board_no % 3],
    'board' || p.board_no,
    'ext-' || p.job_id,
    p.first_seen_at,
    least(p.first_seen_at + to_days(p.days_open::integer), cast($end_at as timestamptz)),
    case when p.first_seen_at + to_days(p.days_open::integer) < cast($end_at as timestamptz)
         then p.first_seen_at + to_days(p.days_open::integer) end,
    p.job_id * 10 + p.is_edited::integer,
    'h' || (p.job_id * 10 + p.is_edited::integer),
    1 + p.is_edited::integer
from bench_postings as p;

insert into posting_versions (version_id, job_id, content_hash, valid_from, valid_to, company, title, department,
                              location, workplace_type, employment_type, url, description_text)
select
    p.job_id * 10 + n as version_id,
    p.job_id,
    'h' || (p.job_id * 10 + n),
    case when n = 0 then p.first_seen_at else p.first_seen_at + to_days((p.days_open // 2)::integer) end,
    case when n = 0 and p.is_edited then p.first_seen_at + to_days((p.days_open // 2)::integer) end,
    'Company ' || p.board_no,
    w.levels[(1 + hash(p.job_id, 'lvl', n) % 8)::integer] || w.areas[(1 + hash(p.job_id, 'area') % 15)::integer] || ' '
        || w.roles[(1 + hash(p.job_id, 'role') % 9)::integer],
    w.departments[(1 + hash(p.job_id, 'dept') % 8)::integer],
    w.locations[(1 + hash(p.job_id, 'loc') % 16)::integer],
    w.workplaces[(1 + hash(p.job_id, 'wp', n) % 5)::integer],
    'full-time',
    'https://jobs.example.com/' || p.board_no || '/' || p.job_id,
    concat_ws(' ', list_transform(range(6), lambda n: format(
        w.sentences[(1 + hash(p.job_id, 's', n) % 12)::integer],
        w.techs[(1 + hash(p.job_id, 't', n) % 120)::integer],
        w.domains[(1 + hash(p.job_id, 'd', n) % 30)::integer],
        w.techs[(1 + hash(p.job_id, 'u', n) % 120)::integer])).list_reduce(lambda a, b: a || ' ' || b))
from bench_postings as p
cross join words as w
cross join range(0, 2) as v(n)
where n = 0 or p.is_edited;

insert into version_facts (version_id, extractor_version, extracted_at, salary_min, salary_max, salary_currency,
                           salary_period, salary_annual_min, salary_annual_max, salary_source,
                           salary_reporting_currency, salary_converted_annual_min, salary_converted_annual_max,
                           seniority, years_experience_min, visa_sponsorship, skills, facts_json)
select
    v.version_id,
    'bench',
    v.valid_from,
    pay.low,
    pay.low * 1.25,
    pay.currency,
    case when pay.low is null then null else 'year' end,
    pay.low,
    pay.low * 1.25,
    case when pay.low is null then null else 'posted' end,
    'USD',
    pay.low * pay.rate,
    pay.low * 1.25 * pay.rate,
    w.seniorities[(1 + hash(v.job_id, 'sen') % 10)::integer],
    hash(v.job_id, 'yrs') % 10,
    'unknown',
    list_distinct([w.skills[(1 + hash(v.job_id, 's1') % 30)::integer], w.skills[(1 + hash(v.job_id, 's2') % 30)::integer],
                   w.skills[(1 + hash(v.job_id, 's3') % 30)::integer], w.skills[(1 + hash(v.job_id, 's4', v.version_id) % 30)::integer]]),
    '{}'
from posting_versions as v
cross join words as w
cross join lateral (
    select
        case when hash(v.job_id, 'pay') % 2 = 0 then 60000 + (hash(v.version_id, 'amt') % 160) * 1000 end as low,
        w.currencies[(1 + hash(v.job_id, 'cur') % 8)::integer] as currency,
        [1.0, 1.0, 1.0, 1.08, 1.27, 0.73, 1.13, 0.095][(1 + hash(v.job_id, 'cur') % 8)::integer] as rate
) as pay;

insert into analyses (kind, subject, input_hash, prompt_version, model, backend, job_id, version_id, created_at,
                      is_grounded, n_quotes, n_quotes_grounded, analysis_json, analysis_text)
select
    'job', p.current_version_id::varchar, p.current_hash, 'job-v1', 'offline-extractive', 'offline', p.job_id,
    p.current_version_id, p.last_seen_at, true, 0, 0, '{}',
    'Job Analysis: This role sits in a team that ' || ['builds streaming data systems', 'ships product features',
    'runs the platform', 'trains ranking models'][(1 + hash(p.job_id, 'an') % 4)::integer]
    || '. Success is judged on reliable delivery and clear communication. Prepare to discuss past systems you owned.'
from postings as p;

insert into analyses (kind, subject, input_hash, prompt_version, model, backend, source, board, company, created_at,
                      is_grounded, n_quotes, n_quotes_grounded, analysis_json, analysis_text)
select distinct
    'company', source || '/' || board, 'c', 'company-v1', 'offline-extractive', 'offline', source, board,
    'Company ' || substr(board, 6), cast($end_at as timestamptz), true, 0, 0, '{}',
    'Company Analysis: A company hiring steadily across engineering and data.'
from postings;

insert into feed_results (run_id, source, board, company, status, http_status, n_seen, n_new, n_changed, n_closed,
                          n_reopened, n_unchanged, duration_ms, fetched_at, error)
select
    'run' || d, ['greenhouse', 'lever', 'ashby'][1 + b % 3], 'board' || b, 'Company ' || b,
    case when hash(b, d) % 200 = 0 then 'failed' else 'ok' end, 200,
    ($n_postings // $n_boards) // 3, 0, 0, 0, 0, 0, 150,
    cast($end_at as timestamptz) - to_days(d::integer) + interval 3 hour,
    case when hash(b, d) % 200 = 0 then 'HTTP 503 from the board' end
from range(0, 364) as days(d)
cross join range(0, $n_boards) as boards(b);
