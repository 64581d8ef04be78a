"""Synth, word lists: the vocabulary fictional organisations and patterns are drawn from. The
schema's own values come from model.vocabulary; only their weights in the draw are set here (a
test checks each weighted list covers exactly the schema's values)."""

from __future__ import annotations

from generator.model.vocabulary import enum_values

CATEGORIES = tuple(enum_values("category"))
THEMES = tuple(enum_values("theme"))
# Every region but "national", which only suppliers get (generate.py).
REGION_SHARES = {"east-of-england": 12, "london": 14, "midlands": 14, "north-east-and-yorkshire": 13,
                 "north-west": 12, "south-east": 13, "south-west": 11, "wales": 3, "scotland": 3,
                 "northern-ireland": 2}
REGIONS, REGION_WEIGHTS = tuple(REGION_SHARES), tuple(REGION_SHARES.values())
REGION_PHRASES = {
    "national": "working with organisations across the country", "east-of-england": "in the East of England",
    "london": "in London", "midlands": "in the Midlands", "north-east-and-yorkshire": "in the North East and Yorkshire",
    "north-west": "in the North West", "south-east": "in the South East", "south-west": "in the South West",
    "wales": "in Wales", "scotland": "in Scotland", "northern-ireland": "in Northern Ireland",
}

# --- Organisations -------------------------------------------------------------------------

ORG_TYPES = ("trust", "icb", "primary-care", "local-authority", "supplier", "national-body", "other")
ORG_TYPE_WEIGHTS = (46, 14, 12, 8, 8, 4, 8)
PLACE_HEADS = (
    "North", "South", "East", "West", "Ash", "Oak", "Elm", "Birch", "Thorn", "Kings", "Queens",
    "Marsh", "Brad", "Hart", "Stan", "Wood", "Mill", "Bridge", "Church", "Castle", "Long", "Broad",
    "Green", "Red", "White", "Black", "Fair", "High", "Low", "Stone", "Wolver", "Amber", "Carl",
    "Dun", "Fern", "Hazel", "Iver", "Lang", "Mor", "Pen", "Rother", "Sal", "Tam", "Wen", "Yarn",
)
PLACE_TAILS = (
    "brook", "field", "ford", "ham", "ley", "wick", "bury", "worth", "ton", "mere", "dale",
    "gate", "stead", "combe", "holm", "by", "thorpe", "well", "moor", "haven", "shaw", "cliffe",
    "vale", "minster", "port",
)
TRUST_KINDS = (
    "Hospitals NHS Trust", "Hospitals NHS Foundation Trust", "Teaching Hospitals NHS Foundation Trust",
    "Community Healthcare NHS Trust", "Mental Health NHS Foundation Trust", "University Hospitals NHS Trust",
    "Partnership NHS Foundation Trust", "Ambulance Service NHS Trust", "Children's Hospital NHS Foundation Trust",
)
NATIONAL_NAMES = (
    "National Digital Health Agency", "National Health Data Service", "Health Technology Standards Body",
    "National Clinical Records Authority", "NHS Shared Platforms Agency", "National Workforce Skills Body",
    "Health Cyber Resilience Centre", "National Procurement Partnership",
)
SUPPLIER_WORDS = ("Meridian", "Lattice", "Beacon", "Harbour", "Kestrel", "Summit", "Quarry", "Orchard",
                  "Lantern", "Compass", "Tessellate", "Riverstone", "Aperture", "Juniper")
SUPPLIER_KINDS = ("Health Systems Ltd", "Clinical Software Ltd", "Digital Services LLP", "Data Ltd",
                  "Cloud Partners Ltd")
OTHER_KINDS = ("Hospice", "Health Innovation Network", "Commissioning Support Unit", "Health and Care Partnership",
               "Clinical Research Network")

# --- Patterns: titles ----------------------------------------------------------------------

MODIFIERS = (
    "Shared", "Automated", "Federated", "Single", "Rolling", "Nurse-led", "Open", "Standard",
    "Self-service", "Paired", "Time-boxed", "Joint", "Peer-reviewed", "Tiered", "Modular", "Regional",
    "Patient-facing", "Ward-level", "Cross-site", "Lightweight", "Continuous", "Staged", "Templated",
    "Blameless", "Opt-in", "Guided", "Rapid", "Managed", "Common", "Clinician-owned", "Weekly",
    "Quarterly", "Evergreen", "Reusable", "Pooled", "Risk-based", "Outcome-led", "Local", "Hybrid",
    "Visible", "Small-batch", "Codified", "Distributed", "Co-designed", "Sandboxed", "Metered",
    "Scheduled", "Protected", "Published", "On-call", "Two-speed", "Pre-approved", "Mobile",
    "Community-run", "Vendor-neutral", "Lean", "Bilingual", "Accessible", "Resilient", "Cloud-hosted",
)
THINGS = (
    "triage hub", "landing zone", "data pipeline", "release train", "runbook library",
    "service catalogue", "design review", "capacity dashboard", "clinical safety case",
    "identity broker", "backup vault", "consent register", "support rota", "onboarding pathway",
    "cost report", "change board", "incident review", "test environment", "API gateway",
    "skills matrix", "data quality check", "records archive", "privacy assessment",
    "demand forecast", "supplier scorecard", "referral inbox", "bed state feed", "discharge checklist",
    "appointment reminder service", "audit trail", "document store", "form builder", "message broker",
    "network refresh", "device pool", "patch cycle", "access review", "service desk", "knowledge base",
    "design system", "user research panel", "benefits register", "risk log", "roadmap",
    "architecture forum", "procurement framework", "licence pool", "reporting warehouse",
    "terminology server", "integration engine", "results viewer", "handover tool", "rota planner",
    "virtual ward", "telephony platform", "secure file exchange", "mentoring scheme", "apprenticeship route",
    "community of practice", "show and tell", "decision record", "retention policy", "cyber drill",
    "disaster recovery rehearsal", "cost allocation model", "tagging policy", "container platform",
    "data catalogue", "master patient index", "dashboard library", "accessibility audit", "hack day",
    "service assessment", "feature flag", "pipeline template", "observability stack", "alert routing",
    "waiting list validation", "clinic template review", "order comms rollout", "e-rostering rule set",
    "printer estate", "single sign-on", "mobile device fleet", "bleep replacement", "kiosk check-in",
    "video consultation service", "patient portal", "self-referral form", "bed bureau", "transfer hub",
    "outcome measure set", "data sharing agreement", "spend control", "contract register",
    "technical debt register", "paging replacement",
)
SCOPES = (
    "outpatient referrals", "community services", "emergency departments", "mental health teams",
    "GP practices", "an integrated care system", "ambulance dispatch", "pathology", "radiology reporting",
    "maternity units", "discharge planning", "theatre scheduling", "district nursing", "pharmacy stock",
    "children's services", "elective recovery", "urgent care", "cancer pathways", "sexual health clinics",
    "dental services", "care homes", "hospital at home", "patient transport", "occupational health",
    "estates and facilities", "finance teams", "research studies", "screening programmes", "wound care",
    "physiotherapy", "stroke services", "diabetes clinics", "virtual clinics", "out-of-hours cover",
    "clinical coding", "infection control", "medical records", "endoscopy", "renal units", "audiology",
    "ophthalmology", "critical care", "frailty services", "palliative care", "health visiting",
    "school nursing", "sleep services", "speech therapy", "vaccination centres", "blood sciences",
    "neighbouring trusts", "shared care records", "new starters", "small teams", "winter pressures",
    "legacy systems", "supplier contracts", "clinical trials", "digital inclusion", "ward staff",
    "learning disability services", "eating disorder services", "perinatal mental health", "neonatal units",
    "cardiology", "respiratory clinics", "musculoskeletal services", "podiatry", "dietetics",
    "homeless health", "prison healthcare", "substance misuse services", "sexual assault referral centres",
    "long COVID clinics", "falls prevention", "continence services", "tissue viability", "orthotics",
    "community dentistry", "wheelchair services",
)
VERBS = (
    "Retire", "Publish", "Rehearse", "Automate", "Co-own", "Measure", "Simplify", "Standardise",
    "Pool", "Share", "Time-box", "Budget", "Document", "Host", "Review", "Pilot", "Open up", "Stage",
    "Template", "Version", "Protect", "Migrate", "Consolidate", "Decommission", "Benchmark",
)
OWNERS = (
    "ward clerks", "a clinical lead", "the platform team", "service managers", "junior doctors",
    "a data steward", "the patient panel", "pharmacists", "allied health professionals", "the finance team",
    "a product manager", "nurse informaticians", "the service desk", "an architecture group",
    "volunteers", "operational managers", "the cyber team", "practice managers", "the research office",
    "a paired supplier", "site leads", "the records team", "a rotating champion", "team leads",
)

# --- Patterns: summaries (independent clauses, so two summaries rarely share many words) ---

ACTORS = (
    "clinicians", "ward teams", "practice staff", "managers", "analysts", "engineers", "coordinators",
    "receptionists", "porters", "schedulers", "commissioners", "nurses", "therapists", "midwives",
    "paramedics", "pharmacists", "coders", "trainers", "auditors", "volunteers", "governors",
    "developers", "testers", "architects", "buyers", "controllers", "dispatchers", "health visitors",
    "consultants", "registrars", "administrators", "planners", "researchers", "governance leads",
)
PAINS = (
    "re-key the same details into several systems", "wait weeks for approvals", "chase missing results by phone",
    "lose track of who owns each change", "rebuild environments by hand", "keep private spreadsheets",
    "cannot see demand until it peaks", "repeat checks nobody reads", "work around brittle interfaces",
    "duplicate paperwork for every request", "learn each tool from scratch", "escalate routine faults",
    "discover outages from patients", "guess at costs after the event", "copy forms between sites",
    "find policies out of date", "depend on one expert", "handle every exception by email",
    "reconcile conflicting records", "miss early warning signs", "negotiate each contract alone",
    "struggle to recruit specialists", "carry risk nobody has written down", "test releases at night",
    "juggle incompatible rotas", "print letters that arrive late", "audit access manually",
    "restore backups without practice", "run reports that disagree", "onboard new starters slowly",
    "receive referrals without key information", "book rooms twice", "store documents in shared drives",
    "answer the same questions repeatedly", "switch between many logins",
)
# Summaries are built from a dozen independent slots, each filled from a long list of mostly
# single words: two summaries then share only a word or two by chance, and the similar-pattern
# check (which compares title and summary) stays quiet even at 10,000 entries.
S_ADJECTIVES = (
    "busy", "overstretched", "experienced", "newly qualified", "part-time", "rotating", "remote", "senior",
    "junior", "community", "hospital-based", "night-shift", "agency", "specialist", "frontline", "visiting",
    "locum", "bank", "trainee", "lone", "seasoned", "temporary", "cross-site", "evening", "weekend",
    "clinical", "operational", "regional", "contracted", "salaried", "returning", "first-line",
    "second-line", "peripatetic", "on-call", "out-of-hours", "sessional", "dual-role", "student",
)
S_PAIN_VERBS = (
    "re-key", "chase", "duplicate", "reconcile", "rebuild", "print", "copy", "audit", "escalate", "juggle",
    "transcribe", "correct", "reformat", "resend", "sort", "approve", "query", "track", "misfile", "renew",
    "patch", "restore", "export", "sign off", "rebook", "scan", "upload", "verify", "merge", "retype",
    "photocopy", "post", "fax", "archive", "relabel", "cross-check", "double-enter", "hand-deliver",
    "recount", "reissue",
)
S_PAIN_ADJECTIVES = (
    "duplicate", "late", "incomplete", "paper", "unsigned", "conflicting", "outdated", "unlabelled",
    "scattered", "overdue", "manual", "inconsistent", "missing", "routine", "legacy", "handwritten",
    "unstructured", "fragmented", "misrouted", "rejected", "orphaned", "unreadable", "partial", "stale",
    "untracked", "unvalidated", "misspelt", "expired", "bounced", "queued", "faxed", "unreconciled",
    "lost", "uncoded", "unapproved", "mismatched", "half-finished", "emailed", "printed", "unclaimed",
)
S_PAIN_OBJECTS = (
    "referrals", "discharge summaries", "test results", "rotas", "purchase orders", "access requests",
    "consent forms", "care plans", "prescriptions", "invoices", "incident reports", "change requests",
    "booking slots", "server builds", "firewall rules", "licence renewals", "audit logs", "handover notes",
    "medication lists", "training records", "risk assessments", "clinic letters", "waiting lists",
    "bed requests", "transport bookings", "pathology orders", "imaging requests", "datasets",
    "spreadsheets", "passwords", "certificates", "backups", "job plans", "timesheets", "complaints",
    "safeguarding alerts", "observations", "allergy records", "equipment loans", "sick notes",
    "fit notes", "recall lists", "vaccination records", "stock counts", "theatre lists", "expense claims",
    "capacity returns", "mileage claims", "maintenance tickets", "room bookings", "interpreter requests",
    "visitor logs", "supplier quotes", "contract variations", "asset registers", "research approvals",
    "coding queries", "subject access requests", "freedom of information replies", "clinic templates",
)
S_SOL_VERBS = (
    "set up", "introduce", "run", "build", "fund", "publish", "trial", "launch", "commission", "design",
    "adopt", "create", "offer", "pilot", "establish", "share", "host", "stand up", "roll out", "co-design",
    "maintain", "automate", "standardise", "open", "agree", "resource", "sponsor", "prototype", "federate",
    "procure",
)
S_PREPOSITIONS = ("across", "for", "in", "between", "alongside", "among", "throughout", "serving")
S_PLACE_ADJECTIVES = (
    "neighbouring", "rural", "urban", "smaller", "partner", "coastal", "teaching", "acute", "specialist",
    "northern", "southern", "inner-city", "suburban", "island", "market-town", "merged", "newly formed",
    "federated", "outlying", "hub-and-spoke", "satellite", "flagship", "district", "university",
    "independent", "voluntary-sector", "county", "metropolitan", "cross-border", "seaside",
)
S_PLACES = (
    "practices", "wards", "hospitals", "clinics", "hubs", "localities", "sites", "boroughs", "networks",
    "trusts", "hospices", "pharmacies", "depots", "laboratories", "theatres", "campuses", "surgeries",
    "units", "estates", "partnerships", "federations", "councils", "neighbourhoods", "villages",
    "care homes", "call centres", "health centres", "treatment centres", "community hospitals", "schools",
)
S_BENEFIT_SUBJECTS = (
    "patients", "carers", "boards", "commissioners", "suppliers", "new starters", "families",
    "inspectors", "regulators", "finance directors", "service users", "medical directors",
    "chief nurses", "ward sisters", "team managers", "auditors", "partners", "residents", "students",
    "tenants", "governors", "trainees", "researchers", "executives", "funders", "consultants",
)
S_GAIN_VERBS = (
    "regain", "recover", "win back", "free up", "release", "unlock", "protect", "gain", "keep", "reclaim",
    "redirect", "bank", "reinvest", "double",
)
S_GAINS = (
    "clinical time", "weekend cover", "budget headroom", "theatre capacity", "training days",
    "clinic slots", "bed capacity", "teaching time", "research time", "outpatient capacity",
    "admin hours", "evening clinics", "specialist advice", "audit capacity", "community visits",
    "supervision time", "screening slots", "follow-up capacity", "nursing hours", "diagnostic slots",
)
S_LOSS_VERBS = (
    "avoid", "reduce", "cut", "halve", "prevent", "shorten", "lower", "trim", "eliminate", "spot",
    "contain", "shrink", "curb", "forecast",
)
S_LOSSES = (
    "rework", "missed appointments", "duplicate tests", "storage costs", "licence fees", "handover delays",
    "avoidable admissions", "unplanned downtime", "agency spend", "printing costs", "travel time",
    "audit findings", "security incidents", "complaint volumes", "overtime hours", "call backs",
    "data errors", "approval queues", "lost referrals", "support tickets", "carbon emissions",
    "recruitment costs", "escalations", "cancellations", "queue lengths", "idle servers",
    "follow-up calls", "staff churn", "outage minutes", "waiting weeks",
)
S_MANNER_PREPOSITIONS = ("with", "using", "through", "via", "under", "backed by", "guided by", "starting with")
S_MANNER_ADJECTIVES = (
    "open", "plain-language", "shared", "simple", "agreed", "tested", "light-touch", "monthly", "weekly",
    "national", "local", "public", "free", "existing", "printed", "online", "short", "pooled", "joint",
    "fixed-term", "modest", "ring-fenced", "clinical", "peer",
)
S_MANNER_NOUNS = (
    "standards", "templates", "funding", "checklists", "champions", "sign-off", "dashboards", "playbooks",
    "forums", "contracts", "guidance", "budgets", "pilots", "workshops", "huddles", "surveys", "data",
    "mentors", "charters", "roadmaps", "toolkits", "agreements", "reviews", "audits",
)

# --- Patterns: body text -------------------------------------------------------------------

UNITS = ("ward", "clinic", "site", "team", "practice", "department", "service", "locality")
ARTEFACTS = ("referral form", "runbook", "policy", "data sharing agreement", "template", "checklist",
             "standard operating procedure", "configuration", "specification", "training pack")
MEASURES = ("waiting times", "rework", "turnaround time", "staff hours saved", "failed requests",
            "time to restore", "cost per request", "adoption by teams", "error rates", "patient feedback")
CADENCES = ("fortnight", "month", "quarter", "six weeks")
FORCES = (
    "tight budgets", "winter pressures", "a shortage of specialist staff", "clinical safety duties",
    "legacy contracts", "uneven digital maturity between partners", "public scrutiny", "data protection law",
    "ageing infrastructure", "competing national priorities", "high staff turnover", "an upcoming merger",
)
TEAMS = (
    "Digital Delivery Team", "Cloud Platform Team", "Clinical Systems Team", "Data and Analytics Team",
    "Service Improvement Team", "Informatics Team", "Transformation Office", "Architecture Group",
    "Cyber Security Team", "Digital Workforce Team", "Business Intelligence Unit", "Quality Improvement Hub",
    "Integration Team", "Product and Design Team", "Digital Programme Office", "Infrastructure Team",
)
PATIENT_EFFECTS = (
    "appointments are rebooked at short notice", "letters arrive after the clinic date",
    "people repeat their history to every professional", "results take days longer than they should",
    "discharges wait for paperwork rather than for clinical reasons",
    "calls go unanswered at the busiest times",
)
STEPS = (
    "agree a one-page description of the service and who owns it",
    "map the current process with the people who run it",
    "pick one measure and record a baseline",
    "build the smallest version that one team can use",
    "run a two-week trial with a volunteer team",
    "write down what changed and what did not",
    "publish the template in the shared repository",
    "train two champions in each team",
    "switch off the old route once usage passes an agreed level",
    "review the clinical safety case with the safety officer",
    "add the work to the team's normal backlog",
    "invite a neighbouring organisation to the show and tell",
    "check accessibility with real users",
    "set a date to review the decision",
    "automate the step that caused most rework",
    "agree a fallback if the new route fails",
)
BENEFIT_TEXTS = (
    "Teams spend less time on {pain_short} and more on care.",
    "The {thing} is owned by one team, so questions have a clear answer.",
    "Other {units} can copy the {artefact} instead of starting again.",
    "{Measure} are visible every {cadence}, so problems show early.",
    "New staff learn one way of working rather than several.",
    "Neighbouring organisations can reuse the approach with little change.",
    "Leaders have evidence, not anecdote, when deciding what to fund.",
    "Changes reach {scope} in small, reversible steps.",
)
LIABILITY_TEXTS = (
    "The {team} becomes a dependency and needs protected time.",
    "Early results depend on enthusiastic volunteers and may not hold everywhere.",
    "Running old and new routes side by side for a while adds work.",
    "The {artefact} needs regular review or it drifts out of date.",
    "Some {units} lose flexibility they valued.",
    "Measuring {measure} takes effort that is easy to cut when budgets tighten.",
    "Suppliers may charge for the interfaces the approach relies on.",
)
PROBLEM_SENTENCES = (
    "{Actors} {pain}, and the work is invisible to the people who plan {scope}.",
    "Each {unit} has built its own {thing}, so nothing learned in one place is reused in the next.",
    "Requests wait {n} days or more because nobody owns the {thing} from end to end.",
    "When demand rises the {thing} becomes the bottleneck, and {actors} fall back on spreadsheets and email.",
    "An internal review found {n} different versions of the same {artefact}, several of them out of date.",
    "Knowledge of the {thing} sits with one or two people, and leaves when they do.",
    "Leaders cannot see whether the current arrangements for {scope} work, so funding decisions rest on anecdote.",
    "Changes arrive in large batches, and each release to {scope} carries more risk than the last.",
    "Patients notice the delay: {patient_effect}.",
    "Earlier attempts to fix this began as large programmes and stalled after the first business case.",
    "{Others} say they {pain2}, which costs roughly {hours} hours a week across the organisation.",
    "Nobody can say with confidence how much the {thing} costs to run, or who depends on it.",
)
CONTEXT_OPENING = "The originator is {org_article} {org_kind} with {sites} sites and about {staff:,} staff, {region}."
CONTEXT_SENTENCES = (
    "The {team} has {size} people, funded year to year, with no dedicated budget for the {thing}.",
    "Clinical safety and information governance sign-off are needed before anything reaches {scope}.",
    "Most systems still run on premises; a move to public cloud has started but is not complete.",
    "The organisation follows the service standard and is expected to share what it builds with its partners.",
    "Demand is seasonal, with winter peaks about {pct} per cent above the summer baseline.",
    "The forces at play are {force1}, {force2} and {force3}.",
    "Several {units} already use different tools for the same job, and each has a supplier contract of its own.",
    "Board members asked for evidence of benefit within {months} months before agreeing any further funding.",
    "Staff are willing to change but have little time away from operational work.",
)
SOLUTION_SENTENCES = (
    "Set up {sol_article} {modifier} {thing} owned by the {team}, with a named lead and a published service "
    "description.",
    "Start with one {unit}, measure {measure} for {weeks} weeks, and only then extend the approach to {scope}.",
    "Publish the {artefact} in a shared repository so that other teams can copy it and suggest changes.",
    "Review the results every {cadence} in a short meeting with {actors}, and retire whatever is not used.",
    "Keep the {thing} small: {options} standard options cover most requests, and the exceptions go to the {team}.",
    "Automate the checks that {actors} used to do by hand, and keep a human decision wherever clinical risk "
    "is involved.",
    "Agree in advance what would make the team stop, so the pilot cannot drift on without evidence.",
    "Share progress openly at a monthly show and tell, including what did not work.",
    "Budget for the running cost from the start rather than treating the {thing} as a one-off project.",
)
FICTION_NOTE = ("This entry is fictional. It was generated by `catalogue synth` for benchmarks and "
                "demonstrations; the organisations, figures and links in it are made up.")
OUTCOME_TEXTS = (
    "{Measure} improved by {pct} per cent within {months} months of the first release (fictional figure).",
    "{n} {units} adopted the {thing} in the first year (fictional figure).",
    "Median turnaround fell from {a} days to {b} days (fictional figure).",
    "Around {hours} staff hours a month were released for other work (fictional figure).",
)
ADOPTION_NOTES = (
    "Adapted for a smaller team with part-time cover.",
    "Used for one {unit} first, then extended.",
    "Combined with an existing {artefact} rather than replacing it.",
    "Paused during winter, then resumed.",
    "Reused the originator's {artefact} with local changes.",
)
RETIRED_NOTES = ("Replaced by a regional service.", "Stopped after a system change.",
                 "Merged into a wider programme.")
TAGS = (
    "cloud-migration", "agile", "incremental-delivery", "automation", "reuse", "governance", "data-quality",
    "interoperability", "fhir", "cyber-security", "resilience", "cost-management", "finops", "workforce",
    "skills", "community-of-practice", "open-source", "open-standards", "user-research", "accessibility",
    "patient-experience", "clinical-safety", "information-governance", "procurement", "supplier-management",
    "observability", "incident-management", "capacity", "demand-management", "analytics", "dashboards",
    "integration", "identity", "records", "digital-inclusion", "service-design", "operating-model",
    "continuous-improvement", "devops", "testing", "release-management", "infrastructure-as-code",
    "platform", "landing-zone", "backup", "disaster-recovery", "change-management", "knowledge-sharing",
    "onboarding", "training", "virtual-wards", "primary-care", "urgent-care", "mental-health",
    "community-health", "pathology", "radiology", "telephony", "sustainability", "benefits-realisation",
)
EDITORS_READINGS = (
    "The editors think the {thing} needs a named owner once the first team moves on.",
    "The editors think smaller {units} may need more help to start than the sources suggest.",
    "The editors think the approach depends on staff having time set aside for it.",
    "The editors have linked this entry to others that the sources do not mention.",
)
PREREQUISITES = (
    "A named owner for the {thing}.",
    "Agreement from the {team} to support a second organisation.",
    "A baseline of {measure} to compare against.",
    "Protected time for the staff who will run it.",
    "Access to the originator's {artefact}.",
)
# Who wrote and last reviewed an entry, and how strong each outcome's evidence is (lowest first),
# in the proportions a catalogue of mostly self-reported practice would have.
WRITER_WEIGHTS = {"originator": 70, "adopter": 10, "editors": 20}
REVIEWER_WEIGHTS = {"originator": 60, "adopter": 15, "editors": 15, "none": 10}
EVIDENCE_WEIGHTS = (15, 45, 20, 15, 5)
SOURCE_LABELS = ("Fictional case study", "Fictional blog post", "Fictional board paper", "Fictional talk",
                 "Fictional evaluation", "Fictional news story")
RESOURCE_TITLES = ("Fictional playbook", "Fictional case study", "Fictional template pack",
                   "Fictional board paper", "Fictional code repository", "Fictional blog post")
RELATIONS = ("complements", "complements", "complements", "alternative-to", "requires")

ADOPTION_COUNT_WEIGHTS = (30, 14, 12, 10, 8, 6, 5, 4, 3, 3, 2, 2, 1)  # for 0..12 adoptions
STATUS_SHARES = {"in-use": 45, "piloting": 25, "exploring": 20, "retired": 10}
STATUSES, STATUS_WEIGHTS = tuple(STATUS_SHARES), tuple(STATUS_SHARES.values())
OUTCOME_COUNT_WEIGHTS = (40, 30, 20, 10)  # for 0..3 outcomes
CODE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
WRAP = 78
