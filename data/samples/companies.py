"""The invented companies behind the sample boards, their open roles on night 1, and what night 2 changes."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Pay:
    currency: str  # USD, CAD, GBP, EUR
    low: float
    high: float
    interval: str = "year"  # year | hour | day
    kind: str = "base"  # base | ote
    equity: bool = False
    split: str | None = None  # e.g. "50/50 split" for sales roles
    tiers: tuple = ()  # Ashby: extra (title, low, high) tiers by location


@dataclass(frozen=True)
class Role:
    key: str
    title: str
    family: str
    level: str
    department: str
    team: str
    location: str
    workplace: str  # remote | hybrid | onsite
    employment: str = "full-time"  # full-time | part-time | contract | temporary | internship
    pay: Pay | None = None
    days_ago: int = 10  # published this many days before night 1
    region: str = ""
    stack: str = ""
    shares_with: str | None = None  # Greenhouse: another post of the same job (same internal_job_id)
    unlisted: bool = False  # Ashby: reachable by link only, not on the board


@dataclass(frozen=True)
class Company:
    name: str
    board: str
    source: str
    product: str
    domain: str
    buyer: str
    country: str
    cloud: str
    intro: tuple[str, ...]
    closing: tuple[str, ...]
    benefits: tuple[str, ...]
    culture: tuple[str, ...]  # "how we work" paragraphs, the same in every posting of the company
    process: str  # the interview process
    pay_style: str  # how the source shows pay: see make_samples.render_pay
    roles: tuple[Role, ...]
    added: tuple[Role, ...] = ()  # new on night 2
    removed: tuple[str, ...] = ()  # closed on night 2
    edits: dict = field(default_factory=dict)  # role key -> changed Role fields on night 2


NORTHWIND = Company(
    name="Northwind Robotics", board="northwindrobotics", source="greenhouse",
    product="our autonomous mobile robots and the fleet software that coordinates them",
    domain="warehouse automation and logistics", buyer="VPs of operations at third-party logistics providers",
    country="the United States", cloud="AWS",
    intro=(
        "Northwind Robotics builds autonomous mobile robots that move goods through warehouses alongside people. "
        "Our fleets run in more than 120 distribution centres across North America, moving over four million "
        "totes every week for retailers, grocers and third-party logistics providers.",
        "We are a team of 260 engineers, technicians and operators headquartered in Pittsburgh, with offices in "
        "Boston and Austin. We are backed by long-term investors and grew revenue 80% last year.",
    ),
    closing=(
        "Northwind Robotics is an equal opportunity employer. We do not discriminate on the basis of race, religion, "
        "colour, national origin, sex, sexual orientation, gender identity, age, veteran status or disability.",
        "If you need a reasonable accommodation during the application process, email accommodations@northwind-robotics.example.",
    ),
    benefits=(
        "Medical, dental and vision insurance with 100% of premiums covered for employees",
        "401(k) with a 4% company match",
        "16 weeks of paid parental leave for all parents",
        "Flexible paid time off, with a minimum of 15 days a year",
        "Annual learning budget of $2,000",
        "Commuter benefits and free lunch on Tuesdays and Thursdays",
    ),
    culture=(
        "We work in small teams that own a problem end to end, from the customer conversation to the robot on the "
        "floor. Engineers spend time at customer sites every quarter, because nothing teaches you more than watching "
        "a picker work next to your robot for a full shift.",
        "Safety is not negotiable here: anyone can stop a deployment, and we celebrate people who do. We write things "
        "down, we review each other's work, and we prefer boring, proven solutions over clever ones.",
    ),
    process=(
        "Our process has four steps: a 30-minute call with a recruiter, a conversation with the hiring manager, a "
        "practical exercise related to the role, and a half-day onsite where you meet the team and see the robots. "
        "We aim to make a decision within two weeks of your first call."
    ),
    pay_style="greenhouse-pay-range",
    roles=(
        Role("perception", "Senior Robotics Software Engineer, Perception", "robotics", "senior", "Engineering",
             "Perception", "Pittsburgh, PA", "onsite", pay=Pay("USD", 165000, 205000, equity=True), days_ago=34,
             stack="C++ and Python"),
        Role("planning", "Staff Motion Planning Engineer", "robotics", "staff", "Engineering", "Navigation",
             "Pittsburgh, PA", "hybrid", pay=Pay("USD", 205000, 250000, equity=True), days_ago=51),
        Role("firmware", "Embedded Firmware Engineer", "embedded", "mid", "Engineering", "Hardware",
             "Boston, MA", "onsite", pay=Pay("USD", 135000, 160000), days_ago=22),
        Role("fst-austin", "Field Service Technician", "field_tech", "mid", "Field Operations", "Field Service",
             "Austin, TX", "onsite", pay=Pay("USD", 32, 38, interval="hour"), days_ago=15, region="Central Texas"),
        Role("fst-reno", "Field Service Technician", "field_tech", "mid", "Field Operations", "Field Service",
             "Reno, NV", "onsite", pay=Pay("USD", 30, 36, interval="hour"), days_ago=15, region="Northern Nevada",
             shares_with="fst-austin"),
        Role("mfg-test", "Manufacturing Test Engineer II", "manufacturing", "mid", "Operations", "Manufacturing",
             "Pittsburgh, PA", "onsite", pay=Pay("USD", 105000, 128000), days_ago=40),
        Role("sre", "Senior Site Reliability Engineer", "sre", "senior", "Engineering", "Fleet Cloud",
             "Remote - US", "remote", pay=Pay("USD", 170000, 210000, equity=True), days_ago=9),
        Role("pm-fleet", "Product Manager, Fleet Software", "pm", "mid", "Product", "Fleet Management",
             "Boston, MA", "hybrid", pay=Pay("USD", 150000, 180000, equity=True), days_ago=27),
        Role("data-eng", "Data Engineer", "data_engineer", "mid", "Engineering", "Data Platform",
             "Remote - US", "remote", pay=Pay("USD", 140000, 170000), days_ago=6),
        Role("ae", "Enterprise Account Executive, 3PL", "sales_ae", "senior", "Sales", "Enterprise",
             "Chicago, IL", "remote", pay=Pay("USD", 240000, 300000, kind="ote", split="50/50 split"), days_ago=19),
        Role("recruit-coord", "Recruiting Coordinator (6-month contract)", "people", "associate", "People",
             "Talent Acquisition", "Pittsburgh, PA", "hybrid", employment="contract",
             pay=Pay("USD", 28, 34, interval="hour"), days_ago=12),
        Role("intern", "Robotics Software Intern (Summer 2027)", "robotics", "intern", "Engineering", "University",
             "Pittsburgh, PA", "onsite", employment="internship", pay=Pay("USD", 45, 52, interval="hour"),
             days_ago=3),
    ),
    added=(
        Role("eng-manager", "Engineering Manager, Fleet Cloud", "eng_manager", "manager", "Engineering",
             "Fleet Cloud", "Boston, MA", "hybrid", pay=Pay("USD", 200000, 240000, equity=True), days_ago=0),
        Role("fst-atlanta", "Field Service Technician", "field_tech", "mid", "Field Operations", "Field Service",
             "Atlanta, GA", "onsite", pay=Pay("USD", 31, 37, interval="hour"), days_ago=0, region="Metro Atlanta",
             shares_with="fst-austin"),
    ),
    removed=("mfg-test",),
    edits={
        "data-eng": {"title": "Senior Data Engineer", "level": "senior", "pay": Pay("USD", 160000, 195000)},
        "planning": {"workplace": "onsite"},
    },
)

TIDEWATER = Company(
    name="Tidewater Health", board="tidewaterhealth", source="greenhouse",
    product="the Tidewater app, which delivers physiotherapy for back, knee and shoulder pain by video",
    domain="digital health and musculoskeletal care", buyer="benefits leaders at large employers",
    country="Canada", cloud="AWS",
    intro=(
        "Tidewater Health makes physiotherapy available to anyone with a phone. Patients meet a licensed "
        "physiotherapist by video, follow a programme built for them, and get back to the things they love without "
        "waiting months for an appointment.",
        "More than 400 employers and insurers across Canada and the United States offer Tidewater to their people. "
        "Our team of 180 works from Toronto and Boston, and we are proud that 92% of patients report less pain "
        "after eight weeks.",
    ),
    closing=(
        "Tidewater Health welcomes applications from people of all backgrounds. We are committed to an inclusive "
        "and accessible recruitment process; accommodations are available on request at every stage.",
        "We will never ask candidates for payment or banking details during the hiring process.",
    ),
    benefits=(
        "Comprehensive health and dental coverage from day one",
        "RRSP matching in Canada and a 401(k) match in the US",
        "A $1,500 annual wellness account",
        "Four weeks of vacation plus a winter break between Christmas and New Year",
        "Hybrid work: two days a week in the office, with a home-office stipend",
        "Free Tidewater care for you and your family, of course",
    ),
    culture=(
        "Clinicians and engineers sit together here, literally and figuratively. Every product team includes a "
        "physiotherapist, and every engineer shadows a virtual appointment in their first month, with the patient's "
        "consent.",
        "We measure ourselves by patient outcomes, not by engagement. We keep meetings short, write decisions down, "
        "and protect two afternoons a week for focused work.",
    ),
    process=(
        "You can expect an introductory call, a skills conversation with two future colleagues, and a final "
        "conversation with a member of the leadership team. For technical roles we use a take-home exercise capped at "
        "three hours, and we pay you for your time."
    ),
    pay_style="salary-in-text",
    roles=(
        Role("backend", "Senior Backend Engineer (Kotlin)", "backend", "senior", "Engineering", "Care Platform",
             "Toronto, ON", "hybrid", pay=Pay("CAD", 150000, 175000), days_ago=30, stack="Kotlin and Java"),
        Role("frontend", "Frontend Engineer", "frontend", "mid", "Engineering", "Patient Experience",
             "Toronto, ON", "hybrid", pay=Pay("CAD", 115000, 135000), days_ago=14),
        Role("clinical-ops", "Clinical Operations Manager", "clinical", "manager", "Clinical", "Clinical Operations",
             "Toronto, ON", "hybrid", pay=Pay("CAD", 105000, 125000), days_ago=44),
        Role("physio", "Registered Physiotherapist (Part-Time, Virtual)", "clinical", "mid", "Clinical", "Care Team",
             "Remote - Ontario", "remote", employment="part-time", pay=Pay("CAD", 58, 66, interval="hour"),
             days_ago=8),
        Role("analyst", "Data Analyst, Growth", "analyst", "mid", "Data", "Growth", "Boston, MA", "hybrid",
             pay=Pay("USD", 105000, 125000), days_ago=21),
        Role("designer", "Senior Product Designer", "designer", "senior", "Design", "Patient Experience",
             "Toronto, ON", "hybrid", pay=Pay("CAD", 135000, 155000), days_ago=37),
        Role("counsel", "Privacy and Compliance Counsel", "legal", "senior", "Legal", "Legal", "Toronto, ON",
             "hybrid", pay=Pay("CAD", 160000, 190000), days_ago=60),
        Role("support", "Patient Support Specialist", "support", "junior", "Operations", "Patient Support",
             "Remote - Canada", "remote", pay=Pay("CAD", 24, 27, interval="hour"), days_ago=5),
        Role("ml", "Machine Learning Engineer, Exercise Recognition", "ml", "mid", "Engineering", "Motion AI",
             "Boston, MA", "hybrid", pay=Pay("USD", 155000, 185000), days_ago=25),
        Role("em", "Engineering Manager, Platform", "eng_manager", "manager", "Engineering", "Platform",
             "Toronto, ON", "hybrid", pay=Pay("CAD", 185000, 215000), days_ago=18),
    ),
    added=(
        Role("sales-benefits", "Enterprise Account Executive, Employer Benefits", "sales_ae", "senior", "Sales",
             "Employer", "Boston, MA", "remote", pay=Pay("USD", 220000, 260000, kind="ote", split="60/40 split"),
             days_ago=0),
    ),
    removed=("counsel", "support"),
    edits={
        "frontend": {"title": "Senior Frontend Engineer", "level": "senior", "pay": Pay("CAD", 135000, 158000)},
    },
)

LUMEN = Company(
    name="Lumen Ledger", board="lumenledger", source="lever",
    product="Lumen, the accounting platform that closes the books for small businesses automatically",
    domain="accounting, payments and European tax rules", buyer="finance leads at small and mid-sized businesses",
    country="the United Kingdom", cloud="GCP",
    intro=(
        "Lumen Ledger automates bookkeeping for 38,000 small businesses across the UK, Germany and Portugal. We "
        "connect to bank accounts, card providers and tax authorities, categorise every transaction, and file VAT "
        "returns without anyone opening a spreadsheet.",
        "We are 140 people in London, Berlin and Lisbon, profitable since last year, and growing carefully.",
    ),
    closing=(
        "Lumen Ledger is committed to building a team that reflects the businesses we serve. We welcome applications "
        "from everyone, and we will make any adjustments you need during the process - just tell your recruiter.",
    ),
    benefits=(
        "25 days of holiday plus public holidays, and your birthday off",
        "Private health insurance with Vitality (UK) or a health budget (DE, PT)",
        "Pension contributions of 5% of salary",
        "Four-day work weeks in August",
        "A €1,000 or £850 learning budget every year",
        "Share options for every permanent employee",
    ),
    culture=(
        "We are a calm company. We plan in six-week cycles, ship small changes often, and keep an honest changelog "
        "that customers actually read. Most of our work happens in writing, so people in three time zones can "
        "contribute equally.",
        "Accuracy is our brand: when a number in Lumen is wrong, a small business pays the wrong tax. We therefore "
        "invest heavily in testing, reconciliation and clear ownership of every ledger rule.",
    ),
    process=(
        "Our interviews are a 30-minute introduction, a structured interview about your experience, a practical "
        "session where you work on a realistic problem with two of us, and a values conversation with a founder. The "
        "whole process usually takes three weeks."
    ),
    pay_style="lever-salary-range",
    roles=(
        Role("backend", "Senior Backend Engineer (Python)", "backend", "senior", "Engineering", "Ledger Core",
             "London", "hybrid", pay=Pay("GBP", 85000, 105000), days_ago=28, stack="Python (FastAPI)"),
        Role("platform", "Staff Platform Engineer", "sre", "staff", "Engineering", "Platform", "Berlin", "hybrid",
             pay=Pay("EUR", 105000, 125000), days_ago=45),
        Role("pm-payments", "Product Manager, Payments", "pm", "mid", "Product", "Payments", "London", "hybrid",
             pay=Pay("GBP", 80000, 95000), days_ago=16),
        Role("designer", "Senior Product Designer", "designer", "senior", "Design", "Bookkeeping", "Lisbon",
             "remote", pay=Pay("EUR", 55000, 68000), days_ago=33),
        Role("risk-ds", "Data Scientist, Risk", "ml", "mid", "Data", "Risk", "London", "hybrid",
             pay=Pay("GBP", 70000, 85000), days_ago=11),
        Role("head-finance", "Head of Finance", "finance", "head", "Finance", "Finance", "London", "hybrid",
             pay=Pay("GBP", 120000, 140000), days_ago=52),
        Role("csm-dach", "Customer Success Manager, DACH", "customer_success", "mid", "Customer", "DACH", "Berlin",
             "hybrid", pay=Pay("EUR", 58000, 70000), days_ago=9),
        Role("accountant", "Part-Time Management Accountant", "finance", "mid", "Finance", "Finance", "London",
             "remote", employment="part-time", pay=Pay("GBP", 38000, 44000), days_ago=20),
        Role("solutions", "Solutions Engineer", "solutions", "mid", "Sales", "Partnerships", "London", "hybrid",
             pay=Pay("GBP", 65000, 80000), days_ago=24),
        Role("security", "Security Engineer", "security", "senior", "Engineering", "Security", "Remote - Europe",
             "remote", pay=Pay("EUR", 80000, 98000), days_ago=7),
        Role("writer", "Technical Writer, API Documentation (6-month contract)", "writer", "mid", "Engineering",
             "Documentation", "Lisbon", "remote",
             employment="contract", pay=Pay("EUR", 35, 45, interval="hour"), days_ago=4),
        Role("graduate", "Graduate Software Engineer (September 2027)", "backend", "graduate", "Engineering",
             "Early Careers", "London", "hybrid", pay=Pay("GBP", 45000, 45000), days_ago=2, stack="Python"),
    ),
    added=(
        Role("vat", "Tax Product Specialist (VAT)", "finance", "mid", "Product", "Tax", "London", "hybrid",
             pay=Pay("GBP", 60000, 72000), days_ago=0),
        Role("interim-controller", "Interim Financial Controller (Day Rate)", "finance", "senior", "Finance",
             "Finance", "London", "hybrid", employment="contract", pay=Pay("GBP", 550, 650, interval="day"),
             days_ago=0),
    ),
    removed=("head-finance", "writer"),
    edits={
        "csm-dach": {"pay": Pay("EUR", 62000, 76000), "workplace": "remote", "location": "Remote - Germany"},
    },
)

HARBOR = Company(
    name="Harbor & Pine", board="harborpine", source="lever",
    product="harborandpine.example, our online store, and our six stores",
    domain="outdoor retail and e-commerce", buyer="outdoor enthusiasts",
    country="Canada", cloud="GCP",
    intro=(
        "Harbor & Pine makes durable outdoor gear and sells it online and in six stores across British Columbia and "
        "Oregon. We repair what we sell, buy back used gear, and design every product to last a decade.",
        "We are a team of 300, most of us in stores and our Vancouver distribution centre, with a small head office "
        "team in Vancouver and Portland.",
    ),
    closing=(
        "Harbor & Pine is an equal opportunity employer. We respectfully acknowledge that our Vancouver locations "
        "are on the traditional, ancestral and unceded territories of the Musqueam, Squamish and Tsleil-Waututh "
        "Nations.",
    ),
    benefits=(
        "A 40% staff discount and a yearly gear allowance",
        "Extended health and dental for permanent staff working 24+ hours a week",
        "Two paid 'outside days' a year to go adventure",
        "RRSP or 401(k) matching after one year",
        "Paid volunteer days for trail and shoreline clean-ups",
    ),
    culture=(
        "Everyone at Harbor & Pine spends at least one day a quarter working in a store or at the repair bench, "
        "whatever their job title. It keeps us close to the people who use our gear and honest about its flaws.",
        "We close our stores and offices on the first Saturday of every month so the whole team can get outside "
        "together, and we publish an annual impact report that shows our emissions, our repairs and our mistakes.",
    ),
    process=(
        "We keep hiring simple: a short phone conversation, an interview with the hiring manager, and for store roles "
        "a paid trial shift. For head-office roles you will also meet two future teammates. We reply to every "
        "applicant, usually within ten days."
    ),
    pay_style="lever-salary-range",
    roles=(
        Role("shopify", "Senior Shopify Developer", "frontend", "senior", "Digital", "E-commerce", "Vancouver, BC",
             "hybrid", pay=Pay("CAD", 120000, 140000), days_ago=26),
        Role("planner", "Merchandise Planner", "supply_chain", "mid", "Merchandising", "Planning", "Vancouver, BC",
             "hybrid", pay=Pay("CAD", 78000, 92000), days_ago=31),
        Role("brand-designer", "Brand Designer", "designer", "mid", "Marketing", "Creative", "Portland, OR",
             "hybrid", pay=Pay("USD", 80000, 95000), days_ago=17),
        Role("growth", "Growth Marketing Manager", "marketing", "mid", "Marketing", "Growth", "Remote - Canada",
             "remote", pay=Pay("CAD", 95000, 110000), days_ago=12),
        Role("supply-analyst", "Supply Chain Analyst", "analyst", "junior", "Operations", "Supply Chain",
             "Vancouver, BC", "onsite", pay=Pay("CAD", 62000, 70000), days_ago=40),
        Role("cx", "Customer Experience Associate", "support", "junior", "Customer Experience", "Customer Care",
             "Remote - Canada", "remote", pay=Pay("CAD", 21, 23, interval="hour"), days_ago=6),
        Role("warehouse", "Seasonal Warehouse Associate", "warehouse", "junior", "Operations", "Distribution",
             "Delta, BC", "onsite", employment="temporary", pay=Pay("CAD", 20.5, 22, interval="hour"), days_ago=3,
             region="Delta"),
        Role("store-mgr", "Store Manager, Portland", "retail", "manager", "Retail", "Stores", "Portland, OR",
             "onsite", pay=Pay("USD", 68000, 76000), days_ago=23, region="Portland"),
        Role("store-assoc", "Retail Associate (Part-Time)", "retail", "junior", "Retail", "Stores",
             "Squamish, BC", "onsite", employment="part-time", pay=Pay("CAD", 18.5, 20, interval="hour"),
             days_ago=9, region="Squamish"),
        Role("data-eng", "Data Engineer", "data_engineer", "mid", "Digital", "Data", "Vancouver, BC", "hybrid",
             pay=Pay("CAD", 105000, 125000), days_ago=15),
    ),
    added=(
        Role("repair-tech", "Gear Repair Technician", "retail", "mid", "Retail", "Repairs", "Vancouver, BC",
             "onsite", pay=Pay("CAD", 23, 26, interval="hour"), days_ago=0, region="Vancouver"),
    ),
    removed=("warehouse",),
    edits={
        "growth": {"title": "Senior Growth Marketing Manager", "level": "senior", "pay": Pay("CAD", 110000, 125000)},
        "brand-designer": {"workplace": "remote", "location": "Remote - US"},
    },
)

QUILLSTONE = Company(
    name="Quillstone", board="quillstone", source="ashby",
    product="Quillstone, the AI code reviewer that catches bugs before they reach production",
    domain="developer tools and large language models", buyer="engineering leaders at software companies",
    country="the United States", cloud="AWS",
    intro=(
        "Quillstone reviews code the way your best senior engineer would: it reads the whole change, understands "
        "the codebase around it, and leaves a few precise comments instead of a hundred noisy ones.",
        "More than 6,000 engineering teams use Quillstone on every pull request. We are 90 people in San Francisco "
        "and New York, and we raised our Series B last spring.",
    ),
    closing=(
        "Quillstone is an equal opportunity employer and does not discriminate on the basis of any protected "
        "characteristic. Pursuant to the San Francisco Fair Chance Ordinance, we will consider qualified applicants "
        "with arrest and conviction records.",
    ),
    benefits=(
        "Competitive salary and meaningful equity",
        "100% covered medical, dental and vision for you and 80% for dependants",
        "401(k) with matching",
        "Unlimited PTO with a 20-day minimum",
        "$1,500 a year for conferences and books",
        "Lunch every day in the office",
    ),
    culture=(
        "We are a product-led company: engineers talk to users every week, and we ship to production dozens of times "
        "a day behind feature flags. We use Quillstone on our own code, so every bug we miss is a bug we feel.",
        "We work from our offices in San Francisco and New York three days a week, and we protect deep-work "
        "mornings with a no-meetings rule before noon on Tuesdays and Thursdays.",
    ),
    process=(
        "Our process is a recruiter screen, a technical or functional interview, a paid work trial of one or two "
        "days with the team, and a conversation with a founder. We share feedback after every stage, whatever the "
        "outcome."
    ),
    pay_style="ashby-compensation",
    roles=(
        Role("backend", "Senior Software Engineer, Backend", "backend", "senior", "Engineering", "Review Engine",
             "San Francisco, CA", "hybrid", stack="Go and Python",
             pay=Pay("USD", 190000, 240000, equity=True, tiers=(("Remote (US)", 170000, 215000),)), days_ago=20),
        Role("ml-eval", "Staff ML Engineer, Evaluation", "ml", "staff", "Engineering", "Model Quality",
             "San Francisco, CA", "onsite", pay=Pay("USD", 250000, 310000, equity=True), days_ago=35),
        Role("devrel", "Developer Advocate", "devrel", "mid", "Marketing", "Developer Relations", "Remote (US)",
             "remote", pay=Pay("USD", 150000, 180000, equity=True), days_ago=13),
        Role("ae", "Enterprise Account Executive", "sales_ae", "senior", "Sales", "Enterprise", "New York, NY",
             "hybrid", pay=Pay("USD", 280000, 340000, kind="ote", equity=True, split="50/50 split",
                               tiers=(("Remote (US)", 250000, 300000),)), days_ago=29),
        Role("sdr", "Sales Development Representative", "sdr", "junior", "Sales", "Sales Development",
             "New York, NY", "onsite", pay=Pay("USD", 85000, 100000, kind="ote", split="70/30 split"), days_ago=8),
        Role("pmm", "Product Marketing Manager", "marketing", "mid", "Marketing", "Product Marketing",
             "San Francisco, CA", "hybrid", pay=Pay("USD", 160000, 190000, equity=True), days_ago=24),
        Role("em-infra", "Engineering Manager, Infrastructure", "eng_manager", "manager", "Engineering",
             "Infrastructure", "San Francisco, CA", "hybrid", pay=Pay("USD", 230000, 275000, equity=True),
             days_ago=41),
        Role("frontend", "Senior Frontend Engineer", "frontend", "senior", "Engineering", "Web App",
             "Remote (US)", "remote", pay=Pay("USD", 175000, 215000, equity=True), days_ago=16),
        Role("solutions", "Solutions Architect", "solutions", "senior", "Sales", "Solutions", "New York, NY",
             "hybrid", pay=Pay("USD", 180000, 220000, kind="ote", equity=True, split="80/20 split"), days_ago=10),
        Role("research-intern", "Research Engineer Intern", "ml", "intern", "Engineering", "Research",
             "San Francisco, CA", "onsite", employment="internship", pay=Pay("USD", 55, 60, interval="hour"),
             days_ago=5),
        Role("security", "Security Engineer", "security", "mid", "Engineering", "Security", "San Francisco, CA",
             "hybrid", pay=Pay("USD", 185000, 225000, equity=True), days_ago=19),
        Role("writer", "Technical Writer (Contract)", "writer", "mid", "Engineering", "Documentation",
             "Remote (US)", "remote", employment="contract", pay=Pay("USD", 85, 110, interval="hour"), days_ago=7),
    ),
    added=(
        Role("platform", "Platform Engineer", "sre", "mid", "Engineering", "Infrastructure", "San Francisco, CA",
             "hybrid", pay=Pay("USD", 175000, 215000, equity=True), days_ago=0),
        Role("sdr-2", "Sales Development Representative, West", "sdr", "junior", "Sales", "Sales Development",
             "San Francisco, CA", "onsite", pay=Pay("USD", 90000, 105000, kind="ote", split="70/30 split"),
             days_ago=0),
    ),
    removed=("pmm",),
    edits={
        "ae": {"pay": Pay("USD", 300000, 360000, kind="ote", equity=True, split="50/50 split",
                          tiers=(("Remote (US)", 270000, 320000),))},
        "backend": {"title": "Senior Software Engineer, Backend (Review Engine)"},
    },
)

BRIGHTFIELD = Company(
    name="Brightfield Labs", board="brightfield", source="ashby",
    product="Brightfield Fields, which turns satellite imagery into weekly crop and soil insights",
    domain="agriculture, satellite imagery and climate risk", buyer="agricultural cooperatives and crop insurers",
    country="the Netherlands", cloud="GCP",
    intro=(
        "Brightfield Labs helps farmers and the companies that serve them see every field, every week. We combine "
        "Sentinel, Landsat and radar imagery with weather and soil data to estimate crop health, yield and drought "
        "risk for more than 9 million hectares across Europe and North America.",
        "We are a remote-first team of 55, with a hub in Amsterdam and colleagues in eleven countries.",
    ),
    closing=(
        "Brightfield Labs values diversity and is committed to equal opportunities. We hire for potential as much as "
        "for experience; if you are excited about this role but do not tick every box, please apply anyway.",
    ),
    benefits=(
        "Remote-first: work from anywhere within four hours of Amsterdam time",
        "A €2,000 home-office budget and a co-working allowance",
        "Pension plan with a 6% employer contribution",
        "28 vacation days and a company-wide week off in December",
        "Stock options for every employee",
        "A yearly team retreat on a partner farm",
    ),
    culture=(
        "We are remote-first and write-first. Decisions live in short documents that anyone can comment on, "
        "and we meet in person twice a year: once on a farm, once in Amsterdam.",
        "Scientists, engineers and agronomists work in mixed teams, and every model we ship comes with a validation "
        "report that customers can read. We would rather be honestly uncertain than confidently wrong.",
    ),
    process=(
        "Expect an introductory call, an interview with your future manager, a take-home or case study that takes no "
        "more than three hours, and a final conversation with two colleagues from other teams. We aim to complete "
        "the process within three weeks."
    ),
    pay_style="ashby-compensation",
    roles=(
        Role("scientist", "Senior Remote Sensing Scientist", "scientist", "senior", "Science", "Crop Models",
             "Amsterdam", "hybrid", pay=Pay("EUR", 75000, 92000, equity=True), days_ago=38),
        Role("data-eng", "Senior Data Engineer", "data_engineer", "senior", "Engineering", "Data Platform",
             "Remote (Europe)", "remote", pay=Pay("EUR", 80000, 98000, equity=True), days_ago=21),
        Role("fullstack", "Full-Stack Engineer", "fullstack", "mid", "Engineering", "Product", "Remote (US)",
             "remote", pay=Pay("USD", 140000, 170000, equity=True), days_ago=14),
        Role("partnerships", "Agronomy Partnerships Manager", "partnerships", "mid", "Commercial", "Partnerships",
             "Amsterdam", "hybrid", pay=Pay("EUR", 65000, 80000, kind="ote", split="80/20 split"), days_ago=30),
        Role("pm", "Product Manager, Insurance", "pm", "senior", "Product", "Insurance", "Amsterdam", "hybrid",
             pay=Pay("EUR", 78000, 95000, equity=True), days_ago=26),
        Role("gis", "GIS Analyst (6-month contract)", "gis", "mid", "Science", "Field Data", "Remote (Europe)",
             "remote", employment="contract", pay=Pay("EUR", 40, 50, interval="hour"), days_ago=11),
        Role("ml-intern", "Machine Learning Intern", "ml", "intern", "Science", "Crop Models", "Amsterdam",
             "onsite", employment="internship", pay=Pay("EUR", 1800, 1800, interval="month"), days_ago=6),
        Role("head-people", "Head of People", "people", "head", "People", "People", "Amsterdam", "hybrid",
             pay=Pay("EUR", 95000, 115000, equity=True), days_ago=47),
        Role("cs-lead", "Customer Success Lead, North America", "customer_success", "lead", "Commercial",
             "Customer Success", "Remote (US)", "remote", pay=Pay("USD", 120000, 145000, equity=True), days_ago=9),
        Role("platform", "Platform Engineer (Kubernetes)", "sre", "mid", "Engineering", "Platform",
             "Remote (Europe)", "remote", pay=Pay("EUR", 70000, 86000, equity=True), days_ago=17),
        Role("data-lead", "Data Platform Lead (referrals only)", "data_engineer", "lead", "Engineering",
             "Data Platform", "Amsterdam", "hybrid", pay=Pay("EUR", 95000, 110000, equity=True), days_ago=12,
             unlisted=True),
    ),
    added=(
        Role("soil", "Soil Scientist", "scientist", "mid", "Science", "Soil", "Amsterdam", "hybrid",
             pay=Pay("EUR", 62000, 76000, equity=True), days_ago=0),
    ),
    removed=("ml-intern", "head-people"),
    edits={
        "fullstack": {"workplace": "hybrid", "location": "Denver, CO", "pay": Pay("USD", 150000, 180000, equity=True)},
    },
)

COMPANIES = (NORTHWIND, TIDEWATER, LUMEN, HARBOR, QUILLSTONE, BRIGHTFIELD)
