"""The default skills framework that ships with the product (written for the City).

Loaded by `manage.py load_skills_framework` through the same validation as a
CSV import; L&D then maintain it in the admin or a spreadsheet. The wording is
our own: no published framework's text is reused.
"""

# (code, name, description) — created only where missing; the roster may add more.
ROLE_PROFILES = [
    (
        "CSR",
        "Customer service representative",
        "Answers residents' calls, chats and emails.",
    ),
    (
        "TEAMLEAD",
        "People leader",
        "Leads a team day to day: coaching, scheduling, quality.",
    ),
    ("LND", "Learning specialist", "Designs and delivers staff training."),
    ("DATA", "Data analyst", "Turns operational and financial data into decisions."),
    ("IT", "Technology specialist", "Builds, runs and supports the City's systems."),
    ("FIELD", "Field operations worker", "Maintains streets, pipes, parks and plants."),
    (
        "POLICY",
        "Policy and program advisor",
        "Designs programs, policy and people services.",
    ),
    ("PH", "Public health professional", "Nurses, inspectors and health promoters."),
]

# category -> [(code, name, description, (awareness, working, practitioner, expert))]
FRAMEWORK = {
    "Digital confidence": [
        (
            "digital-tools",
            "Everyday digital tools",
            "Using the City's email, documents, calendars and shared drives well.",
            (
                "Signs in, finds files and sends messages with some help.",
                "Uses the standard tools for daily work without help and keeps files tidy.",
                "Chooses the right tool for each job and shows colleagues quicker ways.",
                "Shapes how a whole area works with its tools and leads their adoption.",
            ),
        ),
        (
            "online-collaboration",
            "Online collaboration",
            "Working together in shared documents, chats and video meetings.",
            (
                "Joins online meetings and comments on shared documents.",
                "Runs small online meetings and co-edits documents with the team.",
                "Sets up shared spaces that keep a team's work findable and current.",
                "Designs hybrid ways of working that include everyone, wherever they are.",
            ),
        ),
        (
            "new-systems",
            "Adopting new systems",
            "Learning a new system quickly and using it as intended.",
            (
                "Knows a change is coming and where to find the training.",
                "Uses the new system for their routine tasks and reports problems clearly.",
                "Handles unusual cases in the system and helps colleagues switch over.",
                "Plans how a service moves to a new system and measures its uptake.",
            ),
        ),
        (
            "digital-accessibility",
            "Digital accessibility",
            "Making documents, forms and web pages usable by everyone.",
            (
                "Knows that some people use screen readers, captions or keyboards only.",
                "Writes documents with headings, alt text and readable contrast.",
                "Checks pages and forms against WCAG and fixes what fails.",
                "Sets accessibility standards for a service and coaches others to meet them.",
            ),
        ),
    ],
    "Data literacy": [
        (
            "data-literacy",
            "Reading and questioning data",
            "Understanding numbers, tables and charts, and asking where they come from.",
            (
                "Reads a simple table or chart and can say what it shows.",
                "Spots gaps, odd values and missing groups, and asks about them.",
                "Judges whether data is fit for a decision and explains its limits.",
                "Builds a culture of evidence: others come to them to question data well.",
            ),
        ),
        (
            "data-analysis",
            "Data analysis",
            "Cleaning, combining and summarising data to answer a question.",
            (
                "Sorts and filters a spreadsheet to find an answer.",
                "Cleans data and uses pivot tables or formulas for routine reports.",
                "Joins sources, tests assumptions and automates repeat analysis.",
                "Designs analysis methods for the organisation and reviews others' work.",
            ),
        ),
        (
            "data-visualisation",
            "Presenting data",
            "Showing numbers so that people understand and act on them.",
            (
                "Knows that a clear chart beats a wall of numbers.",
                "Makes honest bar and line charts with labelled axes.",
                "Picks the chart that fits the message and the audience, with a text summary.",
                "Sets the house style for dashboards and reports and teaches it.",
            ),
        ),
        (
            "privacy-information",
            "Privacy and information management",
            "Handling personal and confidential information lawfully and safely.",
            (
                "Knows personal information must be protected and whom to ask.",
                "Collects, stores and shares only what is needed, in the right place.",
                "Spots privacy risks in new work and completes privacy assessments.",
                "Advises programs on privacy by design and leads breach responses.",
            ),
        ),
    ],
    "Service design and delivery": [
        (
            "user-research",
            "User research",
            "Learning what residents and staff need by watching and listening.",
            (
                "Knows that services should start from what people need.",
                "Takes part in interviews or observation and notes what was seen.",
                "Plans and runs research with diverse people and shares clear findings.",
                "Leads research practice across services and makes it ethical and inclusive.",
            ),
        ),
        (
            "service-design",
            "Service design",
            "Shaping a whole service, end to end and front stage to back.",
            (
                "Understands what a service journey is and why it matters.",
                "Maps the current journey of a service and its pain points.",
                "Redesigns a service with users, prototypes it and tests changes.",
                "Sets service standards and joins up services across departments.",
            ),
        ),
        (
            "inclusive-service",
            "Inclusive customer service",
            "Serving every resident with respect, whatever their needs or language.",
            (
                "Knows the City's service standards and the help available to residents.",
                "Adapts how they communicate to each person and offers alternatives.",
                "Handles complex or sensitive situations calmly and helps others do so.",
                "Improves service policies and training so that nobody is left out.",
            ),
        ),
        (
            "plain-language",
            "Plain-language communication",
            "Writing and speaking so that people understand the first time.",
            (
                "Knows that short sentences and everyday words help people.",
                "Writes clear emails and letters and avoids jargon.",
                "Rewrites complex content for the public and tests it with readers.",
                "Sets writing standards for a service and edits others' work.",
            ),
        ),
        (
            "continuous-improvement",
            "Continuous improvement",
            "Finding waste and delay in everyday work and fixing them step by step.",
            (
                "Notices when a task is slower or harder than it needs to be.",
                "Suggests small improvements and tries them out with the team.",
                "Measures a process, tests changes and makes the better way stick.",
                "Builds improvement into how a whole service is run and reviewed.",
            ),
        ),
        (
            "agile-delivery",
            "Agile delivery",
            "Delivering in small, tested steps and adjusting as we learn.",
            (
                "Knows the ideas of short cycles, backlogs and visible work.",
                "Works in a team that plans, reviews and improves every few weeks.",
                "Runs agile ceremonies, keeps a backlog in shape and reports progress honestly.",
                "Adapts agile ways of working to public accountability across programs.",
            ),
        ),
    ],
    "Change and leadership": [
        (
            "change-leadership",
            "Leading change",
            "Helping people through new ways of working.",
            (
                "Understands why the change is happening and how it affects them.",
                "Explains a change to colleagues and raises their concerns early.",
                "Plans a team's change: people, timing, support and feedback loops.",
                "Leads organisation-wide change and grows change leaders around them.",
            ),
        ),
        (
            "coaching-feedback",
            "Coaching and feedback",
            "Helping others grow through conversations and honest feedback.",
            (
                "Asks for feedback and acts on it.",
                "Gives specific, kind feedback and holds regular check-ins.",
                "Coaches people towards their goals and handles hard conversations well.",
                "Builds a coaching culture and develops other coaches.",
            ),
        ),
        (
            "stakeholder-engagement",
            "Stakeholder engagement",
            "Working with partners, councillors and communities towards shared goals.",
            (
                "Knows who the main stakeholders of their work are.",
                "Keeps stakeholders informed and records what they said.",
                "Involves stakeholders in decisions and resolves competing interests.",
                "Builds lasting partnerships across sectors and levels of government.",
            ),
        ),
    ],
    "Security and responsible technology": [
        (
            "cybersecurity-awareness",
            "Cybersecurity awareness",
            "Protecting accounts, devices and information from everyday threats.",
            (
                "Knows what phishing is and how to report a suspicious message.",
                "Uses strong passphrases and multi-factor sign-in, and locks their device.",
                "Spots less obvious attacks and helps colleagues report and recover.",
                "Champions security in their area and shapes its practices and training.",
            ),
        ),
        (
            "responsible-ai",
            "Responsible AI use",
            "Using AI tools safely, fairly and within City policy.",
            (
                "Knows what AI tools can and cannot do, and the City's rules for them.",
                "Uses approved tools for drafting or summaries and checks every output.",
                "Judges where AI fits a process, including bias, privacy and transparency.",
                "Sets guardrails for AI in a service and reviews its impact on residents.",
            ),
        ),
        (
            "risk-incident",
            "Risk and incident response",
            "Spotting what could go wrong and acting well when it does.",
            (
                "Knows how to report an incident or near miss.",
                "Follows the response plan for their area and records what happened.",
                "Assesses risks in new work and leads the response to a small incident.",
                "Owns a service's risk register and runs exercises and major responses.",
            ),
        ),
    ],
}

# role code -> {skill code: target level}
ROLE_TARGETS = {
    "CSR": {
        "digital-tools": 3,
        "new-systems": 3,
        "inclusive-service": 3,
        "plain-language": 2,
        "digital-accessibility": 2,
        "privacy-information": 2,
        "cybersecurity-awareness": 2,
        "data-literacy": 1,
        "responsible-ai": 1,
    },
    "TEAMLEAD": {
        "change-leadership": 3,
        "coaching-feedback": 3,
        "online-collaboration": 3,
        "continuous-improvement": 3,
        "data-literacy": 2,
        "agile-delivery": 2,
        "cybersecurity-awareness": 2,
        "responsible-ai": 2,
        "stakeholder-engagement": 2,
    },
    "DATA": {
        "data-literacy": 4,
        "data-analysis": 3,
        "data-visualisation": 3,
        "privacy-information": 3,
        "responsible-ai": 3,
        "cybersecurity-awareness": 2,
        "plain-language": 2,
    },
    "IT": {
        "cybersecurity-awareness": 3,
        "risk-incident": 3,
        "agile-delivery": 3,
        "new-systems": 3,
        "digital-accessibility": 2,
        "responsible-ai": 2,
        "user-research": 1,
    },
    "FIELD": {
        "digital-tools": 2,
        "new-systems": 2,
        "cybersecurity-awareness": 2,
        "risk-incident": 2,
        "inclusive-service": 2,
        "continuous-improvement": 2,
    },
    "POLICY": {
        "stakeholder-engagement": 3,
        "service-design": 3,
        "user-research": 2,
        "plain-language": 3,
        "data-literacy": 2,
        "privacy-information": 2,
        "responsible-ai": 2,
    },
    "LND": {
        "coaching-feedback": 3,
        "change-leadership": 3,
        "digital-accessibility": 3,
        "plain-language": 3,
        "online-collaboration": 3,
        "user-research": 2,
        "data-literacy": 2,
    },
    "PH": {
        "privacy-information": 3,
        "inclusive-service": 3,
        "data-literacy": 2,
        "plain-language": 2,
        "stakeholder-engagement": 2,
        "cybersecurity-awareness": 2,
    },
}


def default_framework_csv() -> str:
    """The default framework in the import format (see skills.framework_csv)."""
    import csv
    import io

    from .framework_csv import COLUMNS, TARGET_PREFIX

    roles = [code for code, _name, _description in ROLE_PROFILES]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([*COLUMNS, *(TARGET_PREFIX + code for code in roles)])
    for category, skills in FRAMEWORK.items():
        for code, name, description, levels in skills:
            targets = [str(ROLE_TARGETS[role].get(code, "")) for role in roles]
            writer.writerow(
                [category, code, name, description, "yes", *levels, *targets]
            )
    return out.getvalue()


def framework_load_default():
    """Add whatever of the default framework is missing; never undo L&D's edits."""
    from people.models import RoleProfile

    from .framework_import import framework_import

    for code, name, description in ROLE_PROFILES:
        RoleProfile.objects.get_or_create(
            code=code, defaults={"name": name, "description": description}
        )
    return framework_import(
        data=default_framework_csv().encode(), update_existing=False
    )
