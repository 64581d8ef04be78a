"""Synthesise: a seeded generator of FICTIONAL catalogues, for benchmarks and demos.

`synth_catalogue(out, patterns, organisations, seed)` writes a complete catalogue folder that
`catalogue validate` and `catalogue build` accept as it stands:

    out/patterns/<id>.yaml     one file per pattern
    out/organisations.yaml     the registry
    out/mkdocs.yml             the published site's theme and plugins, a nav of the generated pages
    out/docs/about-this-catalogue.md   says that everything in the catalogue is made up
    out/schema/*.schema.json   copies of the packaged schemas, so the files' modelines resolve

Everything is plainly fictional: organisation names start with "Fictional", their codes are
made up and start with "ZZ", every summary starts with "Fictional:" and every context says
the entry was generated, and every link points at example.org. The shape is realistic: text of
the length of the real entries with the odd bullet list, a skewed spread of originators, mixed
adoption statuses, outcomes, related patterns, a few deprecated and superseded entries.

The output is a function of the arguments only: one random.Random(seed) drives every choice,
nothing iterates a set or reads the clock, and the dates are relative to `today` (fixed by
default), so two runs with the same arguments write byte-identical files.

Every entry validates without errors on `today`: dates are never after it, last_reviewed is
within the review period, and the declared maturity is the level the maturity model computes
from the entry's own evidence (now and then one lower, as cautious authors do). Titles are
composed from word lists, no two alike and few sharing a pair of words, and summaries from a
dozen independent slots; the validator's own similar-pattern check then runs over the result and
any summary it flags is drawn again, so no entry looks like a near-copy of another.

YAML is written by a small emitter (quoted strings, literal blocks for Markdown, no anchors),
in the layout of the hand-written files; it is much faster than yaml.safe_dump at 10,000 files.
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import random
import re
import shutil
from pathlib import Path

from generator.errors import CatalogueError
from generator.maturity import maturity_model
from generator.model import Pattern
from generator.resources import schema_dir

# The day the catalogue is generated for: no date is later, and every entry validates on it.
SYNTH_TODAY = dt.date(2026, 11, 26)

CATEGORIES = ("strategy", "delivery", "platform", "operations", "data", "people-and-skills", "governance")
CATEGORY_NAMES = {
    "strategy": "Strategy", "delivery": "Delivery", "platform": "Platform", "operations": "Operations",
    "data": "Data", "people-and-skills": "People and skills", "governance": "Governance",
}
THEMES = ("repeatability", "reusability", "scalability")
REGIONS = ("east-of-england", "london", "midlands", "north-east-and-yorkshire", "north-west",
           "south-east", "south-west", "wales", "scotland", "northern-ireland")
REGION_WEIGHTS = (12, 14, 14, 13, 12, 13, 11, 3, 3, 2)
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
RESOURCE_TITLES = ("Fictional playbook", "Fictional case study", "Fictional template pack",
                   "Fictional board paper", "Fictional code repository", "Fictional blog post")
RELATIONS = ("complements", "complements", "complements", "alternative-to", "requires")

ADOPTION_COUNT_WEIGHTS = (30, 14, 12, 10, 8, 6, 5, 4, 3, 3, 2, 2, 1)  # for 0..12 adoptions
STATUSES = ("in-use", "piloting", "exploring", "retired")
STATUS_WEIGHTS = (45, 25, 20, 10)
OUTCOME_COUNT_WEIGHTS = (40, 30, 20, 10)  # for 0..3 outcomes
CODE_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
WRAP = 78


# --- A small YAML emitter: only what the catalogue files need, never anchors or aliases -------

_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 ,.'()/-]*[A-Za-z0-9.)]$")
_RESERVED = {"true", "false", "yes", "no", "on", "off", "null", "y", "n"}


def _q(text: str) -> str:
    """A scalar that reads back as exactly `text`: plain when unmistakable, double-quoted otherwise."""
    if _PLAIN.match(text) and text.lower() not in _RESERVED and ": " not in text and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)  # JSON strings are YAML double-quoted scalars


def _quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def _block(text: str, indent: str = "  ") -> str:
    """A literal block scalar (|) for Markdown text ending in one newline."""
    lines = [indent + line if line else "" for line in text.rstrip("\n").split("\n")]
    return "|\n" + "\n".join(lines)


def _wrap(words: list[str]) -> list[str]:
    """Greedy line filling at WRAP columns (Markdown joins the lines of a paragraph)."""
    lines, line = [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > WRAP:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        lines.append(line)
    return lines


def _markdown(paragraphs: list) -> str:
    """Paragraphs (strings, wrapped) and bullet lists (lists of strings) as Markdown text."""
    blocks = []
    for para in paragraphs:
        if isinstance(para, list):
            blocks.append("\n".join(f"- {item}" for item in para))
        else:
            blocks.append("\n".join(_wrap(para.split())))
    return "\n\n".join(blocks) + "\n"


def _emit_pattern(d: dict) -> str:
    out = ["# yaml-language-server: $schema=../schema/pattern.schema.json",
           "# FICTIONAL entry generated by `catalogue synth`: no organisation or pattern in it is real.",
           f"id: {d['id']}",
           f"title: {_quoted(d['title'])}",
           f"summary: {_quoted(d['summary'])}",
           f"category: {d['category']}",
           "themes:"]
    out += [f"  - {t}" for t in d["themes"]]
    out.append("tags:")
    out += [f"  - {t}" for t in d["tags"]]
    for key in ("problem", "context", "solution"):
        out.append(f"{key}: {_block(d[key])}")
    out.append("consequences:")
    for key in ("benefits", "liabilities"):
        items = d["consequences"][key]
        out.append(f"  {key}:" + ("" if items else " []"))
        out += [f"    - {_quoted(item)}" for item in items]
    if d["outcomes"]:
        out.append("outcomes:")
        for o in d["outcomes"]:
            out += [f"  - description: {_quoted(o['description'])}", f"    source: {o['source']}",
                    f"    date: {o['date']}"]
    else:
        out.append("outcomes: []")
    out.append(f"originator: {d['originator']}")
    if d["adoptions"]:
        out.append("adoptions:")
        for a in d["adoptions"]:
            out += [f"  - organisation: {a['organisation']}", f"    status: {a['status']}",
                    f"    since: {a['since']}"]
            if "evidence" in a:
                out.append(f"    evidence: {a['evidence']}")
            if "note" in a:
                out.append(f"    note: {_quoted(a['note'])}")
    else:
        out.append("adoptions: []")
    if d["related"]:
        out.append("related:")
        for r in d["related"]:
            out += [f"  - pattern: {r['pattern']}", f"    relation: {r['relation']}"]
    else:
        out.append("related: []")
    out.append("resources:")
    for r in d["resources"]:
        out += [f"  - title: {_quoted(r['title'])}", f"    url: {r['url']}"]
    out += ["contact:", f"  team: {_quoted(d['contact']['team'])}"]
    if "email" in d["contact"]:
        out.append(f"  email: {d['contact']['email']}")
    out.append(f"  url: {d['contact']['url']}")
    out.append(f"lifecycle: {d['lifecycle']}")
    if "superseded_by" in d:
        out.append(f"superseded_by: {d['superseded_by']}")
    out += [f"created: {d['created']}", f"last_reviewed: {d['last_reviewed']}", f"maturity: {d['maturity']}"]
    return "\n".join(out) + "\n"


def _emit_registry(orgs: dict[str, dict]) -> str:
    out = ["# yaml-language-server: $schema=schema/organisations.schema.json",
           "# FICTIONAL registry generated by `catalogue synth`: the names are made up, and the ZZ codes",
           "# are not real ODS codes. No organisation here exists.",
           "organisations:"]
    for code in sorted(orgs):
        org = orgs[code]
        out += [f"  {code}:", f"    name: {_q(org['name'])}", f"    type: {org['type']}",
                f"    region: {org['region']}"]
        if "url" in org:
            out.append(f"    url: {org['url']}")
        if "note" in org:
            out.append(f"    note: {_quoted(org['note'])}")
    return "\n".join(out) + "\n"


class SynthError(CatalogueError):
    """The synthetic catalogue cannot be written as asked (bad counts, or `out` holds a real catalogue)."""


# The second line of every file synth writes (the first, in mkdocs.yml): how a later run knows
# a file is its own, and may replace or remove it.
MARKER = "generated by `catalogue synth`"


def _is_synthetic(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8", errors="replace") as handle:
            head = handle.readline() + handle.readline()
    except OSError:
        return False
    return MARKER in head


def _clear_previous(out: Path, keep: set[str]) -> None:
    """Remove pattern files an earlier synth run left in `out` and this run does not write, so the
    folder holds exactly this catalogue. Refuse, before writing anything, when `out` holds files
    synth did not write: it will not overwrite or mix with a real catalogue."""
    foreign = [p for p in (out / "organisations.yaml", out / "mkdocs.yml") if p.exists() and not _is_synthetic(p)]
    stale = []
    folder = out / "patterns"
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.name in keep:
                if not _is_synthetic(path):
                    foreign.append(path)
            elif path.is_file() and _is_synthetic(path):
                stale.append(path)
            else:
                foreign.append(path)
    if foreign:
        shown = ", ".join(str(p) for p in foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
        raise SynthError(f"{out} already holds files that `catalogue synth` did not write ({shown}); "
                         "choose an empty or new folder")
    for path in stale:
        path.unlink()


# --- Generation ----------------------------------------------------------------------------


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower().replace("'", "")).strip("-")


def _codes(rng: random.Random, count: int) -> list[str]:
    """`count` distinct made-up codes, "ZZ" and 3 or 4 letters or digits (the schema's ^[A-Z0-9]{3,6}$)."""
    width = 3 if count <= 36 ** 3 // 4 else 4
    if count > 36 ** width:
        raise SynthError(f"at most {36 ** 4:,} organisations")
    numbers = rng.sample(range(36 ** width), count)
    codes = []
    for number in numbers:
        chars = []
        for _ in range(width):
            number, digit = divmod(number, 36)
            chars.append(CODE_ALPHABET[digit])
        codes.append("ZZ" + "".join(reversed(chars)))
    return codes


def _organisations(rng: random.Random, count: int) -> list[tuple[str, dict]]:
    """(code, fields) for each organisation, in generation order."""
    codes = _codes(rng, count)
    names: set[str] = set()
    orgs = []
    for i, code in enumerate(codes):
        kind = rng.choices(ORG_TYPES, ORG_TYPE_WEIGHTS)[0]
        for attempt in range(40):
            place = rng.choice(PLACE_HEADS) + rng.choice(PLACE_TAILS)
            if kind == "trust":
                name = f"Fictional {place} {rng.choice(TRUST_KINDS)}"
            elif kind == "icb":
                other = rng.choice(PLACE_HEADS) + rng.choice(PLACE_TAILS)
                name = f"Fictional {place} and {other} ICB" if other != place else f"Fictional {place} ICB"
            elif kind == "primary-care":
                name = f"Fictional {place} {rng.choice(('Primary Care Network', 'Medical Practice', 'Health Centre'))}"
            elif kind == "local-authority":
                name = f"Fictional {place} {rng.choice(('County Council', 'Borough Council', 'City Council'))}"
            elif kind == "supplier":
                name = f"Fictional {rng.choice(SUPPLIER_WORDS)} {rng.choice(SUPPLIER_KINDS)}"
            elif kind == "national-body":
                name = f"Fictional {rng.choice(NATIONAL_NAMES)}"
            else:
                name = f"Fictional {place} {rng.choice(OTHER_KINDS)}"
            if attempt == 39:
                name = f"{name} ({i + 1})"
            if name not in names:
                break
        names.add(name)
        region = "national" if kind == "national-body" else (
            "national" if kind == "supplier" and rng.random() < 0.5 else rng.choices(REGIONS, REGION_WEIGHTS)[0])
        fields = {"name": name, "type": kind, "region": region}
        if rng.random() < 0.85:
            fields["url"] = f"https://{code.lower()}.example.org/"
        if rng.random() < 0.05:
            fields["note"] = (f"Fictional note: formed on 1 April {rng.randint(2019, 2025)} from the merger of "
                              "two fictional organisations.")
        orgs.append((code, fields))
    return orgs


def _title(rng: random.Random) -> tuple[str, str, str, tuple]:
    """(title, thing, scope, pairs): a title in one of four shapes, the words the text reuses, and
    the (thing, other word) pairs it is made of, so the caller can avoid repeating a pair."""
    thing, scope, shape = rng.choice(THINGS), rng.choice(SCOPES), rng.random()
    if shape < 0.45:
        word = rng.choice(MODIFIERS)
        return f"{word} {thing} for {scope}", thing, scope, ((thing, word), (thing, scope))
    if shape < 0.65:
        word = rng.choice(VERBS)
        return f"{word} the {thing} for {scope}", thing, scope, ((thing, word), (thing, scope))
    owner = rng.choice(OWNERS)
    if shape < 0.85:
        return f"{thing[0].upper()}{thing[1:]} run by {owner} for {scope}", thing, scope, ((thing, owner), (thing, scope))
    word = rng.choice(MODIFIERS)
    return f"{word} {thing} with {owner}", thing, scope, ((thing, word), (thing, owner))


def _summary(rng: random.Random, thing: str) -> str:
    """'Fictional: ...', one sentence of at most 280 characters naming the title's subject."""
    for _ in range(10):
        actor = f"{rng.choice(S_ADJECTIVES)} {rng.choice(ACTORS)}"
        pain = f"{rng.choice(S_PAIN_VERBS)} {rng.choice(S_PAIN_ADJECTIVES)} {rng.choice(S_PAIN_OBJECTS)}"
        modifier = rng.choice(MODIFIERS).lower()
        article = "an" if modifier[0] in "aeiou" else "a"
        solution = (f"{rng.choice(S_SOL_VERBS)} {article} {modifier} {thing} {rng.choice(S_PREPOSITIONS)} "
                    f"{rng.choice(S_PLACE_ADJECTIVES)} {rng.choice(S_PLACES)} {rng.choice(S_MANNER_PREPOSITIONS)} "
                    f"{rng.choice(S_MANNER_ADJECTIVES)} {rng.choice(S_MANNER_NOUNS)}")
        if rng.random() < 0.5:
            benefit = f"{rng.choice(S_BENEFIT_SUBJECTS)} {rng.choice(S_GAIN_VERBS)} {rng.choice(S_GAINS)}"
        else:
            benefit = f"{rng.choice(S_BENEFIT_SUBJECTS)} {rng.choice(S_LOSS_VERBS)} {rng.choice(S_LOSSES)}"
        shape = rng.random()
        if shape < 0.45:
            text = f"when {actor} {pain}, {solution} so that {benefit}."
        elif shape < 0.8:
            text = f"{solution}, because {actor} {pain}; then {benefit}."
        else:
            text = f"{actor} who {pain} can {solution}, and {benefit}."
        text = f"Fictional: {text[0].upper()}{text[1:]}"
        if len(text) <= 280:
            return text
    return text[:279].rstrip() + "."


def _fill(template: str, slots: dict) -> str:
    text = template.format(**slots)
    return text[0].upper() + text[1:]


def _sentences(rng: random.Random, pool: tuple, slots: dict, low: int, high: int,
               first: str | None = None) -> list[str]:
    """Sentences from `pool` (after `first`, when given), in random order without repeats,
    totalling low..high words."""
    target = rng.randint(low, high)
    chosen, words = [], 0
    for template in ([first] if first else []) + rng.sample(pool, len(pool)):
        sentence = _fill(template, slots)
        n = len(sentence.split())
        if words + n > high:
            continue
        chosen.append(sentence)
        words += n
        if words >= target:
            break
    return chosen


def _paragraphs(rng: random.Random, sentences: list[str]) -> list[str]:
    paras, current = [], []
    for sentence in sentences:
        current.append(sentence)
        if len(current) >= 2 and rng.random() < 0.45:
            paras.append(" ".join(current))
            current = []
    if current:
        paras.append(" ".join(current))
    return paras


def _slots(rng: random.Random, thing: str, scope: str, org: dict, team: str) -> dict:
    actor, others = rng.sample(ACTORS, 2)
    pains = rng.sample(PAINS, 2)
    forces = rng.sample(FORCES, 3)
    kind = {"trust": "NHS trust", "icb": "integrated care board", "primary-care": "primary care organisation",
            "local-authority": "local authority", "supplier": "supplier", "national-body": "national body",
            "other": "health organisation"}[org["type"]]
    return {
        "actors": actor, "Actors": actor.capitalize(), "pain": pains[0], "pain2": pains[1],
        "Others": others.capitalize(), "pain_short": "manual work",
        "scope": scope, "unit": rng.choice(UNITS), "units": rng.choice(UNITS) + "s", "thing": thing,
        "artefact": rng.choice(ARTEFACTS), "n": rng.randint(3, 14), "hours": rng.randint(20, 400),
        "patient_effect": rng.choice(PATIENT_EFFECTS), "org_kind": kind,
        "org_article": "an" if kind[0] in "aeiouN" else "a",
        "sites": rng.randint(1, 12), "staff": rng.randrange(400, 16000, 50),
        "region": REGION_PHRASES[org["region"]],
        "team": team, "size": rng.randint(2, 15), "pct": rng.randint(8, 45), "force1": forces[0],
        "force2": forces[1], "force3": forces[2], "months": rng.choice((3, 6, 9, 12)),
        "modifier": rng.choice(MODIFIERS).lower(), "sol_article": "a", "measure": rng.choice(MEASURES),
        "Measure": "", "weeks": rng.choice((4, 6, 8, 12)), "cadence": rng.choice(CADENCES),
        "options": rng.randint(3, 8), "a": rng.randint(9, 30), "b": rng.randint(2, 8),
    }


def _date_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randint(0, max(0, (end - start).days)))


def _pattern(rng: random.Random, pid: str, title: str, thing: str, scope: str, originator: str, org: dict,
             codes: list[str], own: int, today: dt.date) -> dict:
    """One entry's fields, except lifecycle, related links and maturity (set once all ids exist)."""
    team = rng.choice(TEAMS)
    slots = _slots(rng, thing, scope, org, team)
    slots["sol_article"] = "an" if slots["modifier"][0] in "aeiou" else "a"
    slots["Measure"] = slots["measure"].capitalize()
    created = today - dt.timedelta(days=rng.randint(0, 729))
    # Reviewed within the review period (never before created), so no entry is overdue.
    last_reviewed = today - dt.timedelta(days=rng.randint(0, min(364, (today - created).days)))

    problem = _paragraphs(rng, _sentences(rng, PROBLEM_SENTENCES, slots, 60, 130))
    context = _paragraphs(rng, _sentences(rng, CONTEXT_SENTENCES, slots, 45, 120, CONTEXT_OPENING)) + [FICTION_NOTE]
    steps = [s[0].upper() + s[1:] + "." for s in rng.sample(STEPS, rng.randint(3, 5))] if rng.random() < 0.35 else []
    # With a list of steps (about 40 words) the prose is shorter, so the whole stays near 60-150 words.
    solution: list = _paragraphs(rng, _sentences(rng, SOLUTION_SENTENCES, slots, 40 if steps else 60,
                                                  90 if steps else 130))
    if steps:
        solution.insert(min(1, len(solution)), f"The first {len(steps)} steps were:")
        solution.insert(min(2, len(solution)), steps)

    picked_themes = rng.sample(THEMES, rng.choice((1, 1, 2, 2, 3)))
    themes = [t for t in THEMES if t in picked_themes]
    data: dict = {
        "id": pid,
        "title": title,
        "summary": _summary(rng, thing),
        "category": rng.choice(CATEGORIES),
        "themes": themes,
        "tags": rng.sample(TAGS, rng.randint(3, 6)),
        "problem": _markdown(problem),
        "context": _markdown(context),
        "solution": _markdown(solution),
        "consequences": {
            "benefits": [_fill(t, slots) for t in rng.sample(BENEFIT_TEXTS, rng.randint(1, 3))],
            "liabilities": [_fill(t, slots) for t in rng.sample(LIABILITY_TEXTS, rng.randint(1, 2))],
        },
        "outcomes": [],
        "originator": originator,
        "adoptions": [],
        "related": [],
        "resources": [],
        "contact": {"team": f"{team}, {org['name']}"},
        "lifecycle": "active",
        "created": created.isoformat(),
        "last_reviewed": last_reviewed.isoformat(),
        "maturity": "emerging",
    }
    if rng.random() < 0.3:
        data["contact"]["email"] = f"{_slug(team).replace('-', '.')}@{originator.lower()}.example.org"
    data["contact"]["url"] = f"https://example.org/teams/{originator.lower()}/{_slug(team)}"

    for i in range(rng.choices(range(len(OUTCOME_COUNT_WEIGHTS)), OUTCOME_COUNT_WEIGHTS)[0]):
        slots.update(pct=rng.randint(8, 45), months=rng.choice((3, 6, 9, 12)), n=rng.randint(2, 9),
                     a=rng.randint(9, 30), b=rng.randint(2, 8), hours=rng.randint(20, 400),
                     measure=rng.choice(MEASURES))
        slots["Measure"] = slots["measure"].capitalize()
        data["outcomes"].append({
            "description": _fill(rng.choice(OUTCOME_TEXTS), slots),
            "source": f"https://example.org/outcomes/{pid}/{i + 1}",
            "date": _date_between(rng, created, today).isoformat(),
        })

    wanted = min(len(codes) - 1, rng.choices(range(len(ADOPTION_COUNT_WEIGHTS)), ADOPTION_COUNT_WEIGHTS)[0])
    if wanted > 0:
        picked = rng.sample(range(len(codes) - 1), wanted)
        for index in picked:
            code = codes[index + (index >= own)]
            status = rng.choices(STATUSES, STATUS_WEIGHTS)[0]
            adoption = {"organisation": code, "status": status,
                        "since": _date_between(rng, created, today).isoformat()}
            if status in ("piloting", "in-use") or rng.random() < 0.3:
                adoption["evidence"] = f"https://example.org/evidence/{code.lower()}/{pid}"
            if status == "retired":
                adoption["note"] = rng.choice(RETIRED_NOTES)
            elif rng.random() < 0.2:
                adoption["note"] = _fill(rng.choice(ADOPTION_NOTES), slots)
            data["adoptions"].append(adoption)

    for label in rng.sample(RESOURCE_TITLES, rng.randint(1, 3)):
        data["resources"].append({"title": f"{label}: {title}",
                                  "url": f"https://example.org/resources/{pid}/{_slug(label)}"})
    return data


def _quiet_similar(rng: random.Random, entries: list[dict], subjects: dict[str, str]) -> None:
    """Re-draw the summary of any entry the validator's similar-pattern check would flag, until it
    flags none (at most ten rounds). The word lists make this rare: a pair or two in 10,000."""
    from generator.similarity import similarity_warnings

    by_id = {d["id"]: d for d in entries}
    changed = None  # first round: every entry against every other
    for _ in range(10):
        found = similarity_warnings([(d["id"], d["title"], d["summary"]) for d in entries], changed)
        flagged = sorted({min(a, b) for a, b, _ in found})
        if not flagged:
            return
        for pid in flagged:
            by_id[pid]["summary"] = _summary(rng, subjects[pid])
        changed = sorted({pid for a, b, _ in found for pid in (a, b)})


def _relate(rng: random.Random, entries: list[dict]) -> None:
    """Lifecycle, superseded_by and related links, once every id is known."""
    n = len(entries)
    ids = [d["id"] for d in entries]
    for d in entries:
        roll = rng.random()
        if roll < 0.03 and n > 1:
            d["lifecycle"] = "superseded"
        elif roll < 0.11:
            d["lifecycle"] = "deprecated"
    active = [i for i, d in enumerate(entries) if d["lifecycle"] == "active"]
    for d in entries:
        if d["lifecycle"] == "superseded":
            if not active:
                d["lifecycle"] = "deprecated"
                continue
            j = rng.choice(active)
            d["superseded_by"] = ids[j]
            if len(entries[j]["related"]) < 4:
                entries[j]["related"].append({"pattern": d["id"], "relation": "supersedes"})
    for d in entries:
        count = min(n - 1, rng.choices((0, 1, 2, 3, 4), (35, 30, 20, 10, 5))[0])
        taken = {r["pattern"] for r in d["related"]} | {d["id"]}
        for _ in range(count * 4):
            if len(d["related"]) >= 4 or count <= 0:
                break
            other = ids[rng.randrange(n)]
            if other in taken:
                continue
            taken.add(other)
            d["related"].append({"pattern": other, "relation": rng.choice(RELATIONS)})
            count -= 1


def _declare_maturity(rng: random.Random, data: dict, today: dt.date) -> None:
    """Declare the level the evidence supports, or now and then the one below it."""
    model = maturity_model()
    level = model.assess(Pattern.from_data(data), today).level
    if level.rank > 0 and rng.random() < 0.1:
        level = model.levels[level.rank - 1]
    data["maturity"] = level.id


def _mkdocs(patterns: int, organisations: int, seed: int) -> str:
    categories = "\n".join(f"      - {CATEGORY_NAMES[c]}: categories/{c}.md" for c in CATEGORIES)
    return f"""\
# FICTIONAL catalogue generated by `catalogue synth` (seed {seed}) for benchmarks and demos:
# no organisation or pattern in it is real. Pages under patterns/, organisations/ and categories/,
# and the data files, are generated in memory by the catalogue plugin; docs/ holds only the note
# that says the catalogue is fictional.
site_name: Fictional NHS Pattern Catalogue (synthetic)
site_description: A fictional catalogue of {patterns:,} made-up patterns from {organisations:,} made-up organisations, for benchmarks and demos.
docs_dir: docs
strict: true

theme:
  name: material
  language: en
  font: false            # system fonts: no request to Google Fonts
  palette:
    primary: custom      # NHS Blue, set in the catalogue's stylesheet
    accent: custom
  features:
    - search.suggest
    - search.highlight
    - navigation.sections
    - navigation.top

plugins:
  - search
  - tags
  - catalogue:
      root: .

markdown_extensions:
  - admonition
  - attr_list
  - toc:
      permalink: false

validation:
  omitted_files: info
  absolute_links: warn
  unrecognized_links: warn

nav:
  - Home: index.md
  - About this catalogue: about-this-catalogue.md
  - Catalogue:
      - All patterns: patterns/index.md
{categories}
      - Tags: tags.md
  - Organisations: organisations/index.md
  - How it works:
      - Maturity model: maturity.md
      - How reuse is counted: reuse.md
      - Statistics: stats.md
      - Data and feeds: data.md
"""


def _about(patterns: int, organisations: int, seed: int, today: dt.date) -> str:
    return f"""\
# About this catalogue

!!! warning "This catalogue is FICTIONAL"
    Everything in it was generated by `catalogue synth` for benchmarks and demonstrations.
    No organisation or pattern in it is real.

It holds {patterns:,} made-up patterns and {organisations:,} made-up organisations, generated with
seed {seed} as of {today.isoformat()}. Running `catalogue synth` again with the same arguments
writes exactly the same files.

- Every organisation's name starts with "Fictional", and its code starts with "ZZ": the codes
  are not real NHS ODS codes.
- Every pattern's summary starts with "Fictional:", and its teams, figures and outcomes are
  invented.
- Every link points at example.org, a domain reserved for examples.

Do not cite anything here as evidence about the NHS.
"""


def synth_data(patterns: int, organisations: int, seed: int = 1, *,
               today: dt.date = SYNTH_TODAY) -> tuple[dict[str, dict], list[dict]]:
    """The catalogue synth_catalogue writes, as plain data: (organisations by code, pattern entries)."""
    if patterns < 1 or organisations < 1:
        raise SynthError("a catalogue needs at least one pattern and one organisation")
    rng = random.Random(seed)

    orgs = _organisations(rng, organisations)
    codes = [code for code, _ in orgs]
    by_code = dict(orgs)
    position = {code: i for i, code in enumerate(codes)}
    # A few organisations originate most patterns, as in a real catalogue.
    ranked = rng.sample(codes, len(codes))
    cum_weights = list(itertools.accumulate(1.0 / (rank + 1) ** 0.8 for rank in range(len(ranked))))

    entries: list[dict] = []
    subjects: dict[str, str] = {}
    titles: set[str] = set()
    ids: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    for n in range(patterns):
        # A title is new in its words and, while the word lists allow, shares no (subject, other
        # word) pair with an earlier title, so the similar-pattern check stays quiet.
        for attempt in range(40):
            title, thing, scope, made_of = _title(rng)
            if attempt == 39:
                title = f"{title} (variant {n + 1})"
            key = " ".join(sorted(re.findall(r"[a-z0-9]+", title.lower())))
            if key in titles or (attempt < 20 and any(pair in pairs for pair in made_of)):
                continue
            pid = _slug(title)[:80].strip("-")
            if pid not in ids:
                break
        titles.add(key)
        ids.add(pid)
        pairs.update(made_of)
        subjects[pid] = thing
        originator = rng.choices(ranked, cum_weights=cum_weights)[0]
        entries.append(_pattern(rng, pid, title, thing, scope, originator, by_code[originator], codes,
                                position[originator], today))

    _quiet_similar(rng, entries, subjects)
    _relate(rng, entries)
    for data in entries:
        _declare_maturity(rng, data, today)
    return by_code, entries


def synth_catalogue(out: Path, patterns: int, organisations: int, seed: int = 1, *,
                    today: dt.date = SYNTH_TODAY) -> None:
    """Write a complete fictional catalogue of `patterns` entries and `organisations` organisations
    into `out`, created if needed.

    The same arguments always give byte-identical files. Every entry validates without errors
    on `today` (2026-11-26 unless given). Pattern files left by an earlier synth run are replaced
    or removed; a folder holding files synth did not write is refused (SynthError), untouched."""
    out = Path(out)
    by_code, entries = synth_data(patterns, organisations, seed, today=today)
    _clear_previous(out, {f"{data['id']}.yaml" for data in entries})
    folder = out / "patterns"
    folder.mkdir(parents=True, exist_ok=True)
    for data in entries:
        (folder / f"{data['id']}.yaml").write_text(_emit_pattern(data), encoding="utf-8", newline="\n")
    (out / "organisations.yaml").write_text(_emit_registry(by_code), encoding="utf-8", newline="\n")
    (out / "mkdocs.yml").write_text(_mkdocs(patterns, organisations, seed), encoding="utf-8", newline="\n")
    (out / "docs").mkdir(exist_ok=True)
    (out / "docs" / "about-this-catalogue.md").write_text(
        _about(patterns, organisations, seed, today), encoding="utf-8", newline="\n")
    (out / "schema").mkdir(exist_ok=True)
    for name in ("pattern.schema.json", "organisations.schema.json"):
        shutil.copyfile(schema_dir() / name, out / "schema" / name)
