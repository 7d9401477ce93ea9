"""Word lists of the benchmark corpus (corpus.py). Everything here is invented for it."""

from __future__ import annotations

ORG_FIRST = [
    "Amberly", "Brackwater", "Cinderfield", "Dovecote", "Elmstead", "Foxglove", "Granite",
    "Hollowmere", "Inkwell", "Juniper", "Kestrel", "Lanternway", "Marlow", "Nettlebank",
    "Oakhaven", "Pebblestone", "Quarry", "Rushmoor", "Saltmarsh", "Thistledown", "Umberly",
    "Vantage", "Willowby", "Yarrow", "Zephyr", "Bluebell", "Copperleaf", "Driftwood",
    "Emberton", "Fairhaven", "Greyhawk", "Heathrow", "Ivybridge", "Larchmont", "Moorfield",
]  # fmt: skip
ORG_SECOND = [
    "Logistics", "Health", "Payments", "Learning", "Energy", "Insurance", "Media", "Robotics",
    "Foods", "Travel", "Analytics", "Software", "Housing", "Telecom", "Mobility", "Games",
    "Bank", "Pharmacy", "Agritech", "Studios", "Labs", "Networks", "Retail", "Cloud",
]  # fmt: skip
INDUSTRIES = [
    "logistics", "healthcare", "fintech", "education", "energy", "insurance", "media",
    "manufacturing", "food", "travel", "retail", "telecommunications", "public-sector",
    "gaming", "e-commerce", "transport",
]  # fmt: skip
SIZES = ["1-10", "11-50", "51-200", "201-1000", "1001-5000", "5001+"]

# discipline id -> (framework title, role noun, manager noun)
DISCIPLINES: dict[str, tuple[str, str, str]] = {
    "engineering": ("Engineering career framework", "Engineer", "Engineering Manager"),
    "data": ("Data career ladder", "Data Scientist", "Data Science Manager"),
    "design": ("Design progression", "Designer", "Design Manager"),
    "product": ("Product management levels", "Product Manager", "Group Product Manager"),
    "security": ("Security engineering ladder", "Security Engineer", "Security Manager"),
    "reliability": ("Site reliability progression", "Reliability Engineer", "SRE Manager"),
    "analytics": ("Analytics career framework", "Analyst", "Analytics Manager"),
    "research": ("User research levels", "Researcher", "Research Manager"),
}

IC_NAMES = [
    "Apprentice {role}", "Associate {role}", "{role}", "{role} II", "Senior {role}",
    "Senior {role} II", "Lead {role}", "Staff {role}", "Senior Staff {role}",
    "Principal {role}", "Senior Principal {role}", "Distinguished {role}", "{role} Fellow",
    "Senior {role} Fellow",
]  # fmt: skip
MANAGER_NAMES = [
    "Team Lead", "{manager}", "Senior {manager}", "Head of {discipline}",
    "Director of {discipline}", "Senior Director of {discipline}", "VP of {discipline}",
]  # fmt: skip
OTHER_NAMES = [
    "Technical Lead", "Senior Technical Lead", "Architect", "Senior Architect",
    "Chief Architect",
]  # fmt: skip

CATEGORY_POOL = [
    ("craft", "Craft", "The hands-on skills of doing the work well."),
    ("delivery", "Delivery", "Planning work, seeing it through and improving how it gets done."),
    ("impact", "Impact", "Choosing the work that matters and showing its effect."),
    ("collaboration", "Collaboration", "Communicating, working across teams, sharing knowledge."),
    ("leadership", "Leadership", "Setting direction and helping others do their best work."),
    ("people", "People", "Growing people and keeping teams healthy and inclusive."),
    ("operations", "Operations", "Running what we build safely and sustainably."),
    ("strategy", "Strategy", "Connecting everyday work to the organisation's goals."),
]
COMPETENCY_POOL = [
    "Code quality", "Testing", "System design", "Observability", "Incident response",
    "Security practice", "Performance", "Accessibility", "Documentation", "Data modelling",
    "Experimentation", "Estimation", "Planning", "Prioritisation", "Release management",
    "Stakeholder management", "Written communication", "Presenting", "Mentoring", "Hiring",
    "Feedback", "Coaching", "Decision making", "Risk management", "Cost awareness",
    "Customer focus", "Domain knowledge", "Technical debt", "Tooling", "Automation",
    "Process improvement", "Knowledge sharing", "Inclusion", "Team health", "Vision",
    "Roadmapping", "Vendor management", "Compliance", "Research methods", "Quality assurance",
]  # fmt: skip

VERBS = [
    "Designs", "Reviews", "Documents", "Automates", "Leads", "Coordinates", "Improves",
    "Measures", "Shares", "Maintains", "Plans", "Simplifies", "Tests", "Explains",
    "Prioritises", "Negotiates", "Owns", "Audits", "Champions", "Facilitates", "Drafts",
    "Evaluates", "Refines", "Monitors", "Proposes", "Questions", "Aligns", "Standardises",
    "Rebuilds", "Scopes", "Presents", "Budgets for", "Retires", "Mentors others on",
]  # fmt: skip
PAST_VERBS = [
    "Rewrote", "Introduced", "Replaced", "Ran", "Published", "Retired", "Measured",
    "Organised", "Automated", "Simplified", "Proposed", "Migrated", "Documented",
]  # fmt: skip
OBJECTS = [
    "release checklists", "service interfaces", "on-call runbooks", "data models",
    "incident reviews", "hiring loops", "quarterly plans", "accessibility checks",
    "dependency upgrades", "cost reports", "design proposals", "customer interviews",
    "performance budgets", "onboarding guides", "threat models", "test strategies",
    "API contracts", "migration plans", "dashboards", "error budgets", "feature flags",
    "architecture decision records", "retrospective actions", "capacity forecasts",
    "style guides", "experiment results", "vendor contracts", "alerting rules",
    "deployment pipelines", "support escalations", "roadmap trade-offs", "career goals",
    "interview rubrics", "backlog priorities", "usability findings", "data retention rules",
    "service-level objectives", "code review norms", "pairing sessions", "launch plans",
]  # fmt: skip
CODE_OBJECTS = [
    "`CODEOWNERS` rules", "the `make check` target", "`deploy.yaml` pipelines",
    "`README.md` files", "`pyproject.toml` settings", "`docker compose` setups",
    "`terraform plan` reviews", "`OWNERS` files", "the `release-notes` template",
    "`pre-commit` hooks", "`openapi.yaml` specs", "the `/healthz` endpoint",
]  # fmt: skip
SCOPES = [
    "for a single task",
    "within one feature",
    "for the team's own services",
    "across the team",
    "across two or three teams",
    "across a whole product area",
    "across the department",
    "for the whole organisation",
    "with peers in the wider industry",
]
MANNERS = [
    "with little guidance", "without being asked", "using agreed templates",
    "with clear written reasoning", "by pairing with colleagues",
    "through small, reversible steps", "before problems reach customers",
    "with measurable results", "in plain language", "while keeping delivery steady",
    "with input from users", "on a regular cadence", "when priorities shift",
    "even under deadline pressure", "after every major incident",
]  # fmt: skip
PURPOSES = [
    "so that releases stay predictable", "so that newcomers contribute sooner",
    "to reduce operational risk", "to keep costs visible", "so that decisions are traceable",
    "to shorten feedback loops", "so that customers notice fewer regressions",
    "to make trade-offs explicit", "so that others can build on the work",
    "to protect the team's focus", "so that quality is everyone's job",
    "to keep commitments realistic", "to spread knowledge beyond one person",
    "so that problems surface early", "to earn the trust of partner teams",
]  # fmt: skip
EMPHASIS = ["*consistently*", "**proactively**", "*carefully*", "**deliberately**", "*openly*"]
LINK_TOPICS = [
    ("team handbook", "handbook"), ("engineering principles", "principles"),
    ("review guide", "review-guide"), ("incident policy", "incident-policy"),
    ("writing guide", "writing"), ("security baseline", "security-baseline"),
    ("design system", "design-system"), ("data charter", "data-charter"),
]  # fmt: skip
PRODUCT_AREAS = [
    "checkout", "search", "onboarding", "billing", "the mobile app", "reporting",
    "notifications", "the partner portal", "scheduling", "the admin console",
]  # fmt: skip
QUARTERS = ["the first quarter", "the spring", "the summer", "the autumn", "the year-end peak"]
TIME_AT_LEVEL = ["6-18 months", "1-2 years", "1-3 years", "2-4 years", "3+ years", "Open-ended"]
POSITION_SUMMARIES = {
    1: "Learns the craft on small, well-defined tasks with close support",
    2: "Delivers well-defined work reliably and asks for help on unfamiliar problems",
    3: "Owns features end to end and works independently within the team",
    4: "Leads the work of a team and raises its standards",
    5: "Influences several teams and takes on problems nobody owns yet",
    6: "Shapes the direction of an area made of several teams",
    7: "Shapes a whole department and represents it to the rest of the organisation",
    8: "Sets long-term direction for the organisation and is known across the industry",
}
POSITION_SCOPES = {
    1: "Well-defined tasks within one team, with regular review.",
    2: "Tasks and small features within one team.",
    3: "Features within one team, sometimes touching a neighbouring team's systems.",
    4: "A team and the systems it owns.",
    5: "Several teams or a cross-cutting concern.",
    6: "An area made of several teams.",
    7: "A department and its place in the organisation.",
    8: "The organisation and the wider industry.",
}
SECTION_TITLES = ["Skills to develop", "Choosing what comes next", "Mentoring", "How to grow"]
