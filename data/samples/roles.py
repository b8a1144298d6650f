"""Job-ad prose for the sample boards, by role family: summary, responsibilities, requirements, nice-to-haves."""

# Placeholders: {company}, {product}, {team}, {domain}, {buyer}, {stack}, {cloud}, {region}, {country},
# {years} (years of experience for the posting's level) and {a_level} ("a senior", "an associate", "a").
FAMILIES = {
    "backend": {
        "summary": [
            "As {a_level} backend engineer on the {team} team you will design, build and run the services behind {product}.",
            "The team owns a handful of well-defined services that handle millions of requests a day, and you will "
            "carry features from the first design doc to production and through their first incident.",
        ],
        "do": [
            "Design and build APIs and background workers in {stack}, with clear contracts and sensible failure modes",
            "Model data in PostgreSQL and keep queries fast as tables grow past a billion rows",
            "Write the tests, dashboards and alerts that let the team ship several times a day without fear",
            "Review pull requests with care and leave the codebase a little better than you found it",
            "Take part in a fair on-call rotation (one week in six) and lead the follow-up after incidents",
            "Work with product and design to cut scope sensibly and deliver in small, reversible steps",
            "Improve build times, local development and the deployment pipeline when they slow the team down",
        ],
        "need": [
            "{years}+ years building and operating backend services in production",
            "Strong skills in {stack} and a good grasp of SQL and relational data modelling",
            "Experience with cloud infrastructure (AWS or GCP), containers and CI/CD",
            "A habit of writing clear design documents and asking for feedback early",
            "Comfort debugging distributed systems using logs, metrics and traces",
            "Clear written English; most of our collaboration happens asynchronously",
        ],
        "nice": [
            "Experience with event streaming (Kafka, Kinesis or Pub/Sub)",
            "Exposure to Terraform or another infrastructure-as-code tool",
            "Contributions to open-source projects",
            "Familiarity with {domain}",
        ],
    },
    "frontend": {
        "summary": [
            "We are looking for {a_level} frontend engineer to shape how customers experience {product}.",
            "You will work in a small cross-functional squad with a designer and a product manager, owning screens "
            "that people use for hours every day.",
        ],
        "do": [
            "Build accessible, responsive interfaces in React and TypeScript",
            "Turn Figma designs into reusable components in our design system",
            "Measure and improve page performance, from bundle size to interaction latency",
            "Write unit tests with Testing Library and end-to-end tests with Playwright",
            "Partner with backend engineers on API design so the UI gets the data it needs in one round trip",
            "Run usability sessions with the designer and turn what you learn into improvements",
        ],
        "need": [
            "{years}+ years of professional experience building web applications",
            "Deep knowledge of React, TypeScript, HTML and CSS",
            "A working understanding of WCAG accessibility guidelines",
            "Experience with state management and data fetching libraries such as React Query",
            "An eye for detail and the patience to get interactions right",
        ],
        "nice": [
            "Experience with data-heavy interfaces: tables, charts, maps",
            "Familiarity with GraphQL",
            "Some experience with Node.js on the server side",
        ],
    },
    "fullstack": {
        "summary": [
            "As {a_level} full-stack engineer you will build features end to end across {product}, from the "
            "database schema to the pixels on screen.",
            "We are a small team, so you will talk to customers, weigh trade-offs with product, and see your work used "
            "within days of starting.",
        ],
        "do": [
            "Ship product features across a Python (Django) backend and a React frontend",
            "Design database schemas and migrations that are safe to run on a live system",
            "Integrate third-party data sources and make them reliable with retries and monitoring",
            "Pair with scientists to turn prototypes in notebooks into production features",
            "Own the quality of what you ship: tests, documentation, and follow-up after release",
            "Help shape our engineering practices as the team grows from six to fifteen",
        ],
        "need": [
            "{years}+ years of experience as a software engineer working across the stack",
            "Solid Python and TypeScript; experience with Django, FastAPI or similar frameworks",
            "Good knowledge of PostgreSQL",
            "Experience deploying to a cloud provider and debugging production issues",
            "Product sense: you ask why before you ask how",
        ],
        "nice": [
            "Experience with geospatial data (PostGIS, GeoJSON, raster formats)",
            "Knowledge of Kubernetes",
            "Interest in climate and agriculture",
        ],
    },
    "robotics": {
        "summary": [
            "Our robots navigate busy warehouses next to people and forklifts. As {a_level} robotics software "
            "engineer on the {team} team you will make them see, decide and move more reliably.",
            "You will split your time between code, simulation and the test floor in Pittsburgh, where a fleet of "
            "forty robots runs around the clock.",
        ],
        "do": [
            "Develop perception and planning software in modern C++ (17/20) on ROS 2",
            "Build and maintain simulation scenarios that reproduce field failures",
            "Profile and optimize real-time code running on embedded GPUs",
            "Analyze fleet logs to find the long tail of edge cases and fix them at the root",
            "Write design reviews and mentor engineers on robotics fundamentals",
            "Support field deployments at customer sites a few times a year",
        ],
        "need": [
            "{years}+ years of experience developing software for robots or autonomous vehicles",
            "Strong C++ and Python; experience with ROS or ROS 2",
            "Solid grounding in linear algebra, probability and state estimation",
            "Experience with sensor data: lidar, depth cameras, IMUs",
            "Comfort with Linux, real-time constraints and hardware in the loop",
        ],
        "nice": [
            "A graduate degree in robotics, computer vision or a related field",
            "Experience with CUDA or TensorRT",
            "Publications at ICRA, IROS or CVPR",
        ],
    },
    "embedded": {
        "summary": [
            "We are hiring {a_level} embedded firmware engineer to own the motor controllers, battery management "
            "and safety systems inside {product}.",
            "The firmware you write is certified for functional safety, so rigour matters more than speed here.",
        ],
        "do": [
            "Write and test firmware in C for ARM Cortex-M microcontrollers",
            "Bring up new boards with the electrical team and debug with oscilloscopes and logic analyzers",
            "Implement CAN and EtherCAT communication between subsystems",
            "Maintain the hardware-in-the-loop test rig and its continuous integration",
            "Document safety requirements and trace them to tests",
        ],
        "need": [
            "{years}+ years of embedded development in C",
            "Experience with RTOSes such as FreeRTOS or Zephyr",
            "Ability to read schematics and datasheets",
            "Experience with CAN bus and motor control",
            "A methodical approach to testing and documentation",
        ],
        "nice": [
            "Experience with IEC 61508 or ISO 13849",
            "Some Rust or modern C++",
            "Battery management system experience",
        ],
    },
    "ml": {
        "summary": [
            "As {a_level} machine learning engineer you will train, evaluate and ship the models at the core of "
            "{product}.",
            "You will own models end to end: data pipelines, training runs, offline evaluation, and the online "
            "metrics that tell us whether a change helped customers.",
        ],
        "do": [
            "Design evaluation sets and metrics that reflect what customers actually care about",
            "Train and fine-tune models in PyTorch on our GPU cluster",
            "Build feature and training pipelines that are reproducible and versioned",
            "Deploy models behind low-latency services and monitor drift in production",
            "Run careful A/B tests and write up results for the wider company",
            "Keep up with research and decide pragmatically what is worth trying",
        ],
        "need": [
            "{years}+ years of experience shipping machine learning systems to production",
            "Strong Python and PyTorch; solid software engineering habits",
            "Experience with experiment tracking and model evaluation at scale",
            "A good understanding of statistics and experiment design",
            "Ability to explain model behaviour to non-specialists",
        ],
        "nice": [
            "Experience fine-tuning or evaluating large language models",
            "Familiarity with Ray, Kubeflow or similar training infrastructure",
            "Experience with {domain}",
        ],
    },
    "data_engineer": {
        "summary": [
            "We are looking for {a_level} data engineer to build the pipelines and models that the whole company "
            "relies on to make decisions about {product}.",
            "You will own our warehouse, from ingestion to the tables that analysts and dashboards read.",
        ],
        "do": [
            "Build and maintain ingestion pipelines with Airflow and Python",
            "Model data in dbt with tests, documentation and clear ownership",
            "Keep the Snowflake warehouse fast and its costs under control",
            "Work with product engineers on event tracking and data contracts",
            "Set up data quality monitoring and respond when it fires",
            "Make self-serve analytics easy and safe for the rest of the company",
        ],
        "need": [
            "{years}+ years in data engineering or analytics engineering",
            "Excellent SQL and good Python",
            "Hands-on experience with dbt, Airflow (or Dagster) and a cloud warehouse",
            "Understanding of dimensional modelling and slowly changing dimensions",
            "Ability to turn vague questions into well-defined datasets",
        ],
        "nice": [
            "Experience with streaming data (Kafka, Flink)",
            "Familiarity with DuckDB or Spark",
            "Experience with data privacy requirements such as GDPR or HIPAA",
        ],
    },
    "analyst": {
        "summary": [
            "As {a_level} analyst you will help {company} understand its customers and make better decisions, "
            "working closely with the {team} team.",
            "You will answer questions that matter, build dashboards people actually use, and push back when the data "
            "does not support a conclusion.",
        ],
        "do": [
            "Own the weekly metrics review and explain what moved and why",
            "Build dashboards in Looker and keep them trustworthy",
            "Design and analyse experiments with product managers",
            "Model forecasts for planning and budgeting cycles",
            "Dig into ad-hoc questions from leadership and present clear recommendations",
        ],
        "need": [
            "{years}+ years of experience in an analytics role",
            "Strong SQL and experience with a BI tool such as Looker, Tableau or Mode",
            "Working knowledge of Python or R for analysis",
            "Sound grasp of statistics, including experiment design",
            "Clear writing and the confidence to present to senior stakeholders",
        ],
        "nice": [
            "Experience in {domain}",
            "Familiarity with dbt",
            "Experience with forecasting methods",
        ],
    },
    "sre": {
        "summary": [
            "We are hiring {a_level} engineer for the {team} team, which runs the infrastructure every other team "
            "builds on.",
            "You will make deployments boring, incidents rare and short, and the cloud bill predictable.",
        ],
        "do": [
            "Operate Kubernetes clusters across several regions on {cloud}",
            "Manage infrastructure as code with Terraform and review changes from other teams",
            "Build observability with Prometheus, Grafana and OpenTelemetry",
            "Define service level objectives with product teams and hold us to them",
            "Lead incident response and blameless post-incident reviews",
            "Automate away toil and document what cannot be automated",
        ],
        "need": [
            "{years}+ years of experience in SRE, platform or infrastructure engineering",
            "Deep knowledge of Kubernetes, Linux and networking",
            "Production experience with Terraform and {cloud}",
            "Proficiency in Go or Python for tooling",
            "A calm approach to incidents and a habit of writing things down",
        ],
        "nice": [
            "Experience with service meshes such as Istio or Linkerd",
            "Experience with cost optimisation programmes",
            "Security certifications or experience with SOC 2 audits",
        ],
    },
    "security": {
        "summary": [
            "As {a_level} security engineer you will protect {company}'s customers and their data, working across "
            "product, infrastructure and corporate IT.",
            "We want security to be the easy path for every engineer, so you will build guardrails rather than gates.",
        ],
        "do": [
            "Run threat models for new features with product teams",
            "Harden our cloud environment and review infrastructure changes",
            "Own vulnerability management, from scanning to remediation",
            "Respond to security incidents and coordinate with legal when needed",
            "Support SOC 2 and ISO 27001 audits with evidence and automation",
        ],
        "need": [
            "{years}+ years of experience in application or cloud security",
            "Strong understanding of web application vulnerabilities (OWASP Top 10)",
            "Experience securing AWS or GCP environments",
            "Ability to write code in Python or Go",
            "Good judgement about risk and the ability to explain it simply",
        ],
        "nice": [
            "Experience with detection engineering and SIEM tools",
            "Security certifications such as OSCP or CISSP",
            "Experience in a regulated industry",
        ],
    },
    "eng_manager": {
        "summary": [
            "We are looking for an engineering manager to lead the {team} team: six engineers who build and run "
            "{product}.",
            "You will be responsible for the people, the delivery and the technical health of the team, and you will "
            "stay close enough to the code to make good calls.",
        ],
        "do": [
            "Hire, coach and grow a team of five to eight engineers",
            "Run planning with product and design, and make trade-offs visible",
            "Hold regular one-to-ones and give clear, kind feedback",
            "Keep delivery predictable and the on-call load sustainable",
            "Work with other managers on engineering-wide standards and career ladders",
        ],
        "need": [
            "{years}+ years of software engineering experience, including at least two managing engineers",
            "A track record of hiring well and growing people",
            "Enough technical depth to review designs and challenge estimates",
            "Experience with agile planning and delivery",
            "Excellent communication with both technical and non-technical colleagues",
        ],
        "nice": [
            "Experience in {domain}",
            "Experience managing a distributed team across time zones",
        ],
    },
    "pm": {
        "summary": [
            "As {a_level} product manager you will own the roadmap for {team}, a part of {product} that "
            "customers depend on every day.",
            "You will spend a lot of time with customers, turn what you learn into clear problem statements, and work "
            "with engineering and design to ship solutions that move our metrics.",
        ],
        "do": [
            "Talk to customers every week and synthesise what you hear",
            "Write crisp product requirements and success metrics",
            "Prioritise the roadmap with engineering and design, and say no often",
            "Launch features with marketing and sales enablement",
            "Measure results and iterate based on data",
        ],
        "need": [
            "{years}+ years of product management experience in B2B software",
            "Evidence of shipping products that customers loved",
            "Comfort with SQL or analytics tools to answer your own questions",
            "Strong written communication",
            "Ability to work with engineers on technical trade-offs",
        ],
        "nice": [
            "Experience in {domain}",
            "An engineering or design background",
            "Experience with pricing and packaging",
        ],
    },
    "designer": {
        "summary": [
            "We are hiring {a_level} product designer to make {product} simple to use for people with little "
            "time and many other things to worry about.",
            "You will own design for a product area, from discovery research to polished interaction details.",
        ],
        "do": [
            "Run discovery research and usability tests with customers",
            "Design end-to-end flows, prototypes and high-fidelity UI in Figma",
            "Contribute to and maintain our design system",
            "Work closely with engineers during build and review what ships",
            "Present your work and the reasoning behind it to stakeholders",
        ],
        "need": [
            "{years}+ years of product design experience, with a portfolio that shows your process",
            "Excellent interaction and visual design skills",
            "Experience with user research methods",
            "Fluency in Figma",
            "Ability to simplify complex workflows",
        ],
        "nice": [
            "Experience designing for {domain}",
            "Basic HTML and CSS",
            "Experience with accessibility audits",
        ],
    },
    "sales_ae": {
        "summary": [
            "As {a_level} account executive you will win new customers for {product} in the {team} segment.",
            "You will run the full sales cycle, from first call to signed contract, with support from sales "
            "development, solutions engineering and marketing.",
        ],
        "do": [
            "Own a territory and build a pipeline through outbound and inbound leads",
            "Run discovery, demos and commercial negotiations with senior buyers",
            "Forecast accurately in Salesforce and keep your pipeline hygiene impeccable",
            "Work with solutions engineers on technical evaluations and security reviews",
            "Share market feedback with product and marketing",
            "Hit and exceed a quarterly quota",
        ],
        "need": [
            "{years}+ years of closing experience in B2B SaaS",
            "A consistent record of quota attainment",
            "Experience selling to {buyer}",
            "Experience with a structured sales methodology such as MEDDICC",
            "Excellent presentation and negotiation skills",
        ],
        "nice": [
            "Experience selling into {domain}",
            "Experience in an early-stage company",
        ],
    },
    "sdr": {
        "summary": [
            "As a sales development representative you will open conversations with the companies that need "
            "{product} most.",
            "This is an entry point into a sales career with a clear path to account executive within 12 to 18 months.",
        ],
        "do": [
            "Research target accounts and find the right people to contact",
            "Run outbound sequences by email, phone and LinkedIn",
            "Qualify inbound leads quickly and book meetings for account executives",
            "Keep Salesforce accurate and up to date",
            "Test new messaging and share what works with the team",
        ],
        "need": [
            "At least {years} year of experience in a customer-facing role, or a strong internship",
            "Resilience and a competitive spirit",
            "Clear and confident written and spoken English",
            "Curiosity about how software teams work",
        ],
        "nice": [
            "Experience with Outreach or Salesloft",
            "A technical hobby or background",
        ],
    },
    "customer_success": {
        "summary": [
            "As {a_level} customer success manager you will look after a portfolio of {team} customers and make "
            "sure they get lasting value from {product}.",
            "You will be their trusted adviser, their voice inside {company}, and the person who spots risks and "
            "opportunities before anyone else.",
        ],
        "do": [
            "Onboard new customers and agree on success plans with them",
            "Run quarterly business reviews and track adoption metrics",
            "Identify expansion opportunities and work with account executives on renewals",
            "Coordinate with support and product to resolve escalations",
            "Write help-centre articles and run training sessions",
        ],
        "need": [
            "{years}+ years in customer success or account management for a software product",
            "Excellent communication and organisation skills",
            "Comfort with data: you can read a usage dashboard and explain it",
            "Experience with tools like Gainsight, HubSpot or Salesforce",
        ],
        "nice": [
            "A second language relevant to your region",
            "Experience in {domain}",
        ],
    },
    "support": {
        "summary": [
            "As {a_level} support specialist you will be the first person our customers talk to when something "
            "is unclear or broken in {product}.",
            "You will answer questions by chat, email and phone, and turn patterns you see into improvements.",
        ],
        "do": [
            "Answer customer questions by chat, email and phone with warmth and accuracy",
            "Troubleshoot problems and escalate bugs with clear reproduction steps",
            "Keep our help centre up to date",
            "Share trends with the product team every week",
            "Meet our response-time targets on your shifts",
        ],
        "need": [
            "{years}+ year of experience in customer support or a service role",
            "Excellent written English and a friendly, patient manner",
            "Comfort learning new software quickly",
            "Availability for one weekend shift per month",
        ],
        "nice": [
            "Experience with Zendesk or Intercom",
            "French or Spanish",
        ],
    },
    "field_tech": {
        "summary": [
            "As a field service technician you will keep our robot fleets running at customer warehouses in the "
            "{region} region.",
            "You will install new robots, fix the ones that need attention, and be the friendly face of {company} on "
            "the warehouse floor.",
        ],
        "do": [
            "Install, commission and test robots at customer sites",
            "Diagnose and repair mechanical, electrical and software faults",
            "Perform preventive maintenance on a schedule",
            "Log every intervention in our service system with clear notes",
            "Train customer staff on safe operation",
            "Travel to sites in your region, typically within three hours' drive",
        ],
        "need": [
            "{years}+ years of experience maintaining industrial equipment, robots or vehicles",
            "A technical diploma, military technical training, or equivalent experience",
            "Comfort with multimeters, hand tools and laptops in equal measure",
            "A valid driver's licence and a clean driving record",
            "Ability to lift 50 lb and work on your feet for a full shift",
        ],
        "nice": [
            "Experience with PLCs or industrial networking",
            "OSHA 10 certification",
        ],
    },
    "manufacturing": {
        "summary": [
            "We are looking for {a_level} manufacturing test engineer to make sure every robot that leaves our "
            "line works the first time.",
            "You will design test stations, analyse yield data and work with contract manufacturers to fix problems at "
            "the source.",
        ],
        "do": [
            "Design and build end-of-line test stations for assemblies and finished robots",
            "Write test software in Python and maintain its database",
            "Analyse yield and failure data and drive corrective actions",
            "Work with suppliers and contract manufacturers on quality issues",
            "Support new product introductions from prototype to volume",
        ],
        "need": [
            "{years}+ years of experience in manufacturing or test engineering",
            "Good Python skills",
            "Experience with electromechanical products",
            "Familiarity with statistical process control",
        ],
        "nice": [
            "Experience with LabVIEW or TestStand",
            "Six Sigma certification",
        ],
    },
    "finance": {
        "summary": [
            "As {a_level} member of the finance team you will help {company} grow responsibly, "
            "with accurate books and sharp analysis.",
            "You will work with every department, so you enjoy explaining numbers as much as producing them.",
        ],
        "do": [
            "Own parts of the monthly close, reconciliations and accruals",
            "Prepare management accounts and board reporting",
            "Build and maintain the financial model and the annual budget",
            "Work with auditors and tax advisers",
            "Improve our processes and tools as we scale",
        ],
        "need": [
            "{years}+ years of experience in finance or accounting",
            "A professional qualification (ACA, ACCA, CIMA, CPA) or progress towards one",
            "Advanced spreadsheet skills",
            "Experience with an ERP such as NetSuite or Xero",
        ],
        "nice": [
            "Experience in a venture-backed company",
            "Knowledge of {domain}",
        ],
    },
    "people": {
        "summary": [
            "As {a_level} member of the people team you will help {company} hire and keep great people.",
            "You will partner with leaders across the company and make our processes fair, fast and humane.",
        ],
        "do": [
            "Run hiring processes end to end with hiring managers",
            "Source candidates and build diverse pipelines",
            "Coordinate interviews and give every candidate a great experience",
            "Improve our onboarding and people processes",
            "Report on hiring metrics and share insights",
        ],
        "need": [
            "{years}+ years of experience in recruiting or people operations",
            "Excellent organisation and communication",
            "Experience with an applicant tracking system such as Greenhouse, Lever or Ashby",
            "Discretion with confidential information",
        ],
        "nice": [
            "Experience hiring technical roles",
            "Knowledge of employment law in {country}",
        ],
    },
    "marketing": {
        "summary": [
            "As {a_level} marketer you will tell the story of {product} to the people who need it and build "
            "channels that grow with us.",
            "You will work with sales, product and design, and you will be measured on pipeline and revenue, not "
            "impressions.",
        ],
        "do": [
            "Own positioning and messaging for a product line or segment",
            "Plan and run launches with product and sales",
            "Run paid and lifecycle campaigns and optimise them with data",
            "Create sales enablement materials and customer stories",
            "Report on funnel performance every week",
        ],
        "need": [
            "{years}+ years of experience in B2B or consumer marketing",
            "Excellent writing skills",
            "Experience with HubSpot or a similar marketing automation platform",
            "Analytical skills and comfort with attribution data",
        ],
        "nice": [
            "Experience marketing to {buyer}",
            "Experience with SEO and content programmes",
        ],
    },
    "legal": {
        "summary": [
            "As privacy and compliance counsel you will help {company} handle sensitive health data with care and "
            "meet its obligations in Canada and the United States.",
            "You will advise product teams day to day and own our privacy programme.",
        ],
        "do": [
            "Advise on PHIPA, PIPEDA and HIPAA questions as they arise",
            "Review and negotiate data processing and business associate agreements",
            "Run privacy impact assessments for new features",
            "Maintain policies and train staff",
            "Respond to regulator and customer inquiries",
        ],
        "need": [
            "{years}+ years of experience as a lawyer, including privacy or health law",
            "Membership in good standing of a Canadian or US bar",
            "Clear, practical advice that helps teams move forward",
            "Experience working in-house at a technology company",
        ],
        "nice": [
            "CIPP/C or CIPP/US certification",
            "Experience with clinical research agreements",
        ],
    },
    "clinical": {
        "summary": [
            "As {a_level} member of our clinical team you will deliver and improve virtual care for patients "
            "using {product}.",
            "You will combine clinical judgement with technology, and your feedback will shape the product directly.",
        ],
        "do": [
            "Assess patients by video and build personalised exercise programmes",
            "Monitor progress through the app and adjust plans",
            "Document care in the electronic medical record",
            "Work with the product team on new clinical features",
            "Take part in clinical quality reviews",
        ],
        "need": [
            "Registration in good standing with the relevant regulatory college",
            "{years}+ years of clinical experience in musculoskeletal care",
            "Excellent communication with patients of all ages",
            "Comfort with technology and video consultations",
        ],
        "nice": [
            "Experience in telehealth",
            "French language skills",
        ],
    },
    "solutions": {
        "summary": [
            "As {a_level} solutions engineer you will help customers understand how {product} fits into their "
            "stack, and make their technical evaluations succeed.",
            "You will pair with account executives on the most complex deals and feed what you learn back to product.",
        ],
        "do": [
            "Run technical discovery and tailored demos",
            "Design integrations and proofs of concept with customer engineers",
            "Answer security questionnaires and architecture reviews",
            "Build demo environments and reusable technical content",
            "Represent the customer's technical needs in product discussions",
        ],
        "need": [
            "{years}+ years in solutions engineering, consulting or software engineering",
            "Hands-on experience with APIs, SQL and scripting in Python or JavaScript",
            "Ability to explain technical concepts to any audience",
            "Willingness to travel up to 25% of the time",
        ],
        "nice": [
            "Experience with {domain}",
            "Experience with single sign-on and SCIM",
        ],
    },
    "devrel": {
        "summary": [
            "As a developer advocate you will help developers discover, learn and love {product}.",
            "You will write, speak, build sample apps and bring what developers tell you back to the product team.",
        ],
        "do": [
            "Write tutorials, guides and blog posts",
            "Build sample applications and integrations",
            "Speak at meetups and conferences, and run workshops",
            "Be active in our community forum and on GitHub",
            "Turn community feedback into product improvements",
        ],
        "need": [
            "{years}+ years of software development experience",
            "A portfolio of technical writing or talks",
            "Fluency in at least two of Python, TypeScript and Go",
            "Genuine enthusiasm for helping developers",
        ],
        "nice": [
            "An existing audience in the developer community",
            "Video production skills",
        ],
    },
    "writer": {
        "summary": [
            "We are looking for a technical writer on a contract basis to rebuild our developer documentation for "
            "{product}.",
            "You will work with engineers to turn a pile of READMEs into a coherent, searchable documentation site.",
        ],
        "do": [
            "Audit existing documentation and propose a new information architecture",
            "Write getting-started guides, how-tos and API references",
            "Set up docs-as-code tooling with engineers",
            "Create a style guide that others can follow",
        ],
        "need": [
            "{years}+ years of technical writing for developer audiences",
            "Comfort reading code in Python or TypeScript",
            "Experience with Markdown and static site generators",
            "Availability for at least 30 hours per week for six months",
        ],
        "nice": [
            "Experience with OpenAPI",
            "Experience with developer tools companies",
        ],
    },
    "retail": {
        "summary": [
            "As {a_level} team member at our {region} location you will help customers find the right gear for "
            "their next trip outdoors.",
            "You will be part of a small team that loves the outdoors and knows the products inside out.",
        ],
        "do": [
            "Welcome customers and give expert, honest advice",
            "Process sales, returns and repairs at the till",
            "Receive deliveries and keep the floor stocked and tidy",
            "Run in-store events such as repair clinics and trip planning nights",
            "Share customer feedback with the merchandising team",
        ],
        "need": [
            "{years}+ year of retail or customer service experience",
            "A passion for hiking, climbing, paddling or camping",
            "Availability to work weekends and some evenings",
            "Ability to lift 40 lb",
        ],
        "nice": [
            "Wilderness first aid certification",
            "Experience with Shopify POS",
        ],
    },
    "warehouse": {
        "summary": [
            "Our {region} distribution centre ships every online order. As a warehouse associate you will pick, pack "
            "and ship orders accurately and safely.",
            "This role is a good fit if you like active work, clear goals and a friendly team.",
        ],
        "do": [
            "Pick and pack orders using handheld scanners",
            "Receive and put away inbound stock",
            "Keep work areas clean and safe",
            "Help with cycle counts and inventory accuracy",
        ],
        "need": [
            "Reliability and attention to detail",
            "Ability to stand and walk for a full shift and lift 50 lb",
            "Availability for day or evening shifts, including some weekends",
        ],
        "nice": [
            "Forklift certification",
            "Previous warehouse experience",
        ],
    },
    "supply_chain": {
        "summary": [
            "As {a_level} supply chain and merchandise planner you will decide what {company} buys, how much, and "
            "where it goes.",
            "You will balance in-stock rates against cash tied up in inventory across stores and e-commerce.",
        ],
        "do": [
            "Build seasonal buy plans with merchants",
            "Forecast demand by channel and region",
            "Manage purchase orders and inbound logistics with suppliers",
            "Allocate and replenish inventory across stores and distribution centres",
            "Report on sell-through, margin and weeks of supply",
        ],
        "need": [
            "{years}+ years of experience in merchandise planning, inventory or supply chain",
            "Advanced Excel or Google Sheets; SQL is a plus",
            "Experience with an ERP or planning system",
            "Strong numeracy and negotiation skills",
        ],
        "nice": [
            "Experience in outdoor or apparel retail",
            "Familiarity with Shopify and NetSuite",
        ],
    },
    "scientist": {
        "summary": [
            "As {a_level} remote sensing scientist you will turn satellite imagery into reliable crop and soil "
            "insights for {product}.",
            "You will develop methods, validate them against ground truth, and work with engineers to run them on "
            "millions of fields every week.",
        ],
        "do": [
            "Develop models for crop type, yield and soil moisture from Sentinel-2, Landsat and SAR data",
            "Design field validation campaigns with agronomy partners",
            "Write production-quality Python using xarray, rasterio and Dask",
            "Quantify uncertainty and communicate it clearly to customers",
            "Publish and present our methods where it helps the field",
        ],
        "need": [
            "A PhD or MSc in remote sensing, earth science or a related field, with {years}+ years of applied experience",
            "Strong Python and scientific computing skills",
            "Experience with optical and radar satellite data",
            "Solid statistics and machine learning fundamentals",
        ],
        "nice": [
            "Experience with Google Earth Engine",
            "Knowledge of agronomy or hydrology",
        ],
    },
    "gis": {
        "summary": [
            "We are looking for a GIS analyst on a six-month contract to clean, match and enrich field boundary data "
            "for {product}.",
            "You will work with our data team and agronomy partners across Europe.",
        ],
        "do": [
            "Digitise and correct field boundaries from imagery",
            "Match customer field records to land parcel registries",
            "Automate repetitive workflows with Python and QGIS",
            "Document data lineage and quality checks",
        ],
        "need": [
            "{years}+ years of experience as a GIS analyst",
            "Expert knowledge of QGIS or ArcGIS",
            "Python scripting for geospatial work (GeoPandas, Shapely)",
            "Attention to detail",
        ],
        "nice": [
            "Experience with agricultural data",
            "Dutch or German language skills",
        ],
    },
    "partnerships": {
        "summary": [
            "As {a_level} partnerships manager you will build relationships with agricultural cooperatives, "
            "input suppliers and insurers who distribute {product}.",
            "You will own partner revenue and work closely with product to build what partners need.",
        ],
        "do": [
            "Identify, negotiate and launch new channel partnerships",
            "Manage existing partners and grow revenue through them",
            "Coordinate joint go-to-market plans",
            "Represent {company} at industry events",
        ],
        "need": [
            "{years}+ years in partnerships, business development or sales in agriculture or agtech",
            "A network in the European agricultural sector",
            "Commercial negotiation experience",
            "Fluent English; Dutch, German or French is a strong plus",
        ],
        "nice": [
            "Agronomy or agricultural economics background",
            "Experience with crop insurance",
        ],
    },
}

# Extra responsibilities that come with a level, added to the family's own.
LEVEL_DUTIES = {
    "staff": "Set technical direction across teams and write the design documents others build on",
    "principal": "Shape the multi-year technical strategy and represent engineering to customers and investors",
    "senior": "Mentor other engineers and raise the bar in design and code reviews",
    "lead": "Lead a small group day to day, and plan work with your manager",
    "director": "Build and lead a team of managers, and own the function's budget and hiring plan",
    "head": "Build the function from the ground up and report to the executive team",
}

LEVEL_YEARS = {
    "intern": 0, "graduate": 0, "junior": 1, "associate": 1, "mid": 3, "senior": 5, "lead": 6, "staff": 8,
    "principal": 10, "manager": 6, "director": 10, "head": 10,
}  # fmt: skip

A_LEVEL = {
    "intern": "a student", "graduate": "a graduate", "junior": "a junior", "associate": "an associate", "mid": "a",
    "senior": "a senior", "lead": "a lead", "staff": "a staff", "principal": "a principal", "manager": "an experienced",
    "director": "a senior", "head": "a senior",
}  # fmt: skip
