"""Demo organisation for `seed_demo`: a believable city, or a large one for load tests.

`people_demo_seed()` builds a plan (units by HR code, people by employee number)
and adds whatever the database lacks, in bulk. Plans are deterministic: a seeded
`random.Random` picks names, titles and sizes, so every run yields the same org.
Running again with the same size changes nothing. Running with another size (or
over an older demo) adds that plan's missing units and people next to what is
there: nothing is deleted, renamed or given another parent, and an empty head or
manager is filled but a set one is never replaced. Mixing sizes therefore gives
the union of both plans; start from an empty database for a clean org.

In every plan a manager of record has a lower employee number than their
reports, so mixing plans cannot create a manager cycle.
"""

import datetime
import itertools
import math
import random
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import NamedTuple

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction

from people.models import Employee, OrgUnit, RoleProfile
from skills.framework_defaults import role_profiles_load_default

DEMO_USERNAMES = ["employee", "manager", "trainer", "admin"]
DEFAULT_HEADCOUNT = 300
MIN_HEADCOUNT = 100
MAX_HEADCOUNT = 200_000
BATCH_SIZE = 1000


class UnitSpec(NamedTuple):
    code: str
    name: str
    parent: str | None
    head: str | None  # employee number


@dataclass(frozen=True)
class PersonSpec:
    number: str
    first: str
    last: str
    title: str
    unit: str
    role: str
    manager: str | None = None
    preferred: str = ""
    email: str = ""
    hired: datetime.date = datetime.date(2019, 4, 1)
    username: str | None = None  # only the demo accounts have a known username
    group: str | None = None
    superuser: bool = False


@dataclass
class DemoSeedResult:
    units_created: int
    people_created: int
    units_total: int
    people_total: int
    max_depth: int


# The spine both plans share: the City Manager, the eight directors and the
# demo accounts' corner of the org, with fixed codes and numbers.
OCM = "OCM"
SPINE_UNITS = [
    UnitSpec(OCM, "Office of the City Manager", None, "100000"),
    UnitSpec("SEC-311-CX", "Customer Experience", "DIV-311", "100002"),
    UnitSpec("TM-311-A", "Front Line Team A", "SEC-311-CX", "100003"),
    UnitSpec("TM-311-B", "Front Line Team B", "SEC-311-CX", "100006"),
    UnitSpec("SEC-PEQ-LND", "Learning and Development", "DIV-PEQ", "100009"),
]
_CSR = "Customer Service Representative"
_P = PersonSpec
FIXED_PEOPLE = [
    _P("100000", "Adaeze", "Okafor", "City Manager", OCM, "TEAMLEAD", hired=datetime.date(2008, 9, 2)),
    _P("100001", "Grace", "Oyelaran", "Director, 311 Contact Centre", "DIV-311", "TEAMLEAD", "100000"),
    _P("100002", "Luc", "Bergeron", "Manager, Customer Experience", "SEC-311-CX", "TEAMLEAD", "100001"),
    _P("100003", "Daniel", "Tremblay", "Team Lead, Front Line Team A", "TM-311-A", "TEAMLEAD", "100002", username="manager"),
    _P("100004", "Priya", "Raman", _CSR, "TM-311-A", "CSR", "100003", username="employee"),
    _P("100005", "Mateo", "Alvarez", _CSR, "TM-311-A", "CSR", "100003"),
    _P("100006", "Aisha", "Mohammed", "Team Lead, Front Line Team B", "TM-311-B", "TEAMLEAD", "100002"),
    _P("100007", "Wei", "Chen", _CSR, "TM-311-B", "CSR", "100006"),
    _P("100008", "Fatima", "Haddad", "Director, People and Equity", "DIV-PEQ", "TEAMLEAD", "100000"),
    _P("100009", "Kenji", "Watanabe", "Manager, Learning and Development", "SEC-PEQ-LND", "TEAMLEAD", "100008", username="admin", group="L&D admins", superuser=True),
    _P("100010", "Marisol", "Vega", "Learning Specialist", "SEC-PEQ-LND", "LND", "100009", username="trainer", group="Trainers"),
    _P("100011", "Marco", "Santangelo", "Director, Transportation Services", "DIV-TRN", "TEAMLEAD", "100000", hired=datetime.date(2004, 5, 17)),
    _P("100012", "Harjit", "Sandhu", "Director, Water Services", "DIV-WTR", "TEAMLEAD", "100000", hired=datetime.date(2001, 3, 5)),
    _P("100013", "Catherine", "Lavoie", "Director, Parks and Recreation", "DIV-PFR", "TEAMLEAD", "100000", hired=datetime.date(2010, 6, 28)),
    _P("100014", "Hye-jin", "Park", "Medical Officer of Health", "DIV-PH", "TEAMLEAD", "100000", hired=datetime.date(2015, 1, 12)),
    _P("100015", "Oluwaseun", "Adebayo", "Chief Technology Officer", "DIV-TS", "TEAMLEAD", "100000", preferred="Seun", hired=datetime.date(2017, 10, 2)),
    _P("100016", "Stavros", "Papadakis", "Treasurer", "DIV-FIN", "TEAMLEAD", "100000", hired=datetime.date(2006, 2, 20)),
    _P("100017", "Rebecca", "Goldberg", "Chief of Staff", OCM, "POLICY", "100000", hired=datetime.date(2016, 8, 8)),
    _P("100018", "Jocelyn", "Dela Cruz", "Executive Assistant to the City Manager", OCM, "POLICY", "100000", hired=datetime.date(2012, 11, 19)),
    # Daniel's team has seven people, Aisha's six.
    _P("100020", "Olumide", "Adeyemi", "Senior Customer Service Representative", "TM-311-A", "CSR", "100003"),
    _P("100021", "Sofia", "Costa", _CSR, "TM-311-A", "CSR", "100003"),
    _P("100022", "Tenzin", "Dorje", _CSR, "TM-311-A", "CSR", "100003"),
    _P("100023", "Hannah", "Kowalski", _CSR, "TM-311-A", "CSR", "100003"),
    _P("100024", "Jasmine", "Persaud", _CSR, "TM-311-B", "CSR", "100006"),
    _P("100025", "Arash", "Karimi", _CSR, "TM-311-B", "CSR", "100006"),
    _P("100026", "Marie-Ève", "Gagnon", "Senior Customer Service Representative", "TM-311-B", "CSR", "100006"),
    _P("100027", "Kwame", "Mensah", _CSR, "TM-311-B", "CSR", "100006"),
]  # fmt: skip


class Section(NamedTuple):
    code: str
    name: str
    teams: list[str]
    titles: list[tuple[str, str]]  # (job title, role profile code), drawn at random


# The default city: divisions (code suffix, name) and their sections and teams.
# Team codes run TM-<division>-A, -B, ... across each division.
CITY: list[tuple[str, str, list[Section]]] = [
    ("311", "311 Contact Centre", [
        Section("CX", "Customer Experience", ["Front Line Team A", "Front Line Team B", "Front Line Team C"], [(_CSR, "CSR")] * 4 + [("Senior Customer Service Representative", "CSR")]),
        Section("DIG", "Digital and Quality", ["Web and Chat", "Quality and Knowledge"], [("Digital Service Representative", "CSR"), ("Quality Assurance Analyst", "DATA"), ("Knowledge Base Editor", "CSR")]),
    ]),
    ("TRN", "Transportation Services", [
        Section("ROAD", "Road Operations", ["Road Maintenance", "Winter Operations"], [("Road Operations Worker", "FIELD"), ("Equipment Operator", "FIELD"), ("Lead Hand", "FIELD")]),
        Section("TRF", "Traffic Management", ["Traffic Signals", "Road Safety and Data"], [("Traffic Signal Technician", "FIELD"), ("Traffic Data Analyst", "DATA"), ("Road Safety Program Advisor", "POLICY")]),
        Section("PRM", "Permits and Right-of-Way", ["Street Permits", "Right-of-Way Inspections"], [("Permit Coordinator", "CSR"), ("Right-of-Way Inspector", "FIELD")]),
    ]),
    ("WTR", "Water Services", [
        Section("TRT", "Water Treatment", ["Treatment Plant East", "Treatment Plant West"], [("Water Treatment Operator", "FIELD"), ("Plant Maintenance Mechanic", "FIELD"), ("Laboratory Technologist", "DATA")]),
        Section("DST", "Distribution and Collection", ["Watermain Repair", "Sewer Maintenance", "Hydrants and Valves"], [("Watermain Operator", "FIELD"), ("Sewer Maintenance Worker", "FIELD"), ("Utility Locator", "FIELD")]),
    ]),
    ("PFR", "Parks and Recreation", [
        Section("REC", "Recreation Programs", ["Community Recreation", "Aquatics"], [("Recreation Programmer", "CSR"), ("Aquatics Instructor", "FIELD"), ("Customer Service Clerk", "CSR")]),
        Section("PRK", "Parks and Forestry", ["Horticulture", "Park Maintenance", "Urban Forestry"], [("Parks Worker", "FIELD"), ("Gardener", "FIELD"), ("Arborist", "FIELD")]),
    ]),
    ("PH", "Public Health", [
        Section("CDC", "Communicable Disease Control", ["Immunization", "Outbreak Response"], [("Public Health Nurse", "PH"), ("Epidemiologist", "DATA")]),
        Section("HC", "Healthy Communities", ["Food Safety", "Harm Reduction", "Healthy Families"], [("Public Health Inspector", "PH"), ("Health Promoter", "PH"), ("Community Health Worker", "PH")]),
    ]),
    ("TS", "Technology Services", [
        Section("SD", "Service Desk", ["Service Desk", "Device Support"], [("Service Desk Analyst", "IT"), ("Desktop Support Technician", "IT")]),
        Section("APP", "Enterprise Applications", ["Business Applications", "Web and Digital"], [("Software Developer", "IT"), ("Business Systems Analyst", "IT"), ("UX Designer", "IT")]),
        Section("DAT", "Data and Analytics", ["Data Engineering", "Open Data"], [("Data Analyst", "DATA"), ("Data Engineer", "IT")]),
        Section("CYB", "Cyber Security", ["Security Operations", "Identity and Access"], [("Cyber Security Analyst", "IT")]),
    ]),
    ("FIN", "Finance and Treasury", [
        Section("ACC", "Accounting Services", ["Accounts Payable", "Payroll"], [("Accounting Clerk", "DATA"), ("Payroll Specialist", "DATA"), ("Financial Analyst", "DATA")]),
        Section("REV", "Revenue Services", ["Property Tax", "Utility Billing"], [("Revenue Services Representative", "CSR"), ("Collections Officer", "CSR")]),
    ]),
    ("PEQ", "People and Equity", [
        Section("LND", "Learning and Development", ["Learning Design", "Leadership Development"], [("Learning Specialist", "LND"), ("Instructional Designer", "LND"), ("Learning Systems Coordinator", "LND")]),
        Section("TAL", "Talent Acquisition", ["Recruitment", "Onboarding"], [("Recruiter", "POLICY"), ("HR Assistant", "POLICY")]),
        Section("EDI", "Equity, Diversity and Inclusion", ["Indigenous Affairs", "Accessibility"], [("Equity Advisor", "POLICY"), ("Accessibility Consultant", "POLICY")]),
    ]),
]  # fmt: skip

# Large orgs: divisions beyond the city's eight get a theme and a job family.
FAMILY_TITLES = {
    "field": [("Operations Worker", "FIELD"), ("Equipment Operator", "FIELD"), ("Inspector", "FIELD"), ("Lead Hand", "FIELD")],
    "front": [(_CSR, "CSR"), ("Client Services Coordinator", "CSR"), ("Intake Worker", "CSR")],
    "care": [("Caseworker", "PH"), ("Registered Nurse", "PH"), ("Personal Support Worker", "PH"), ("Community Worker", "POLICY")],
    "office": [("Program Coordinator", "POLICY"), ("Policy Advisor", "POLICY"), ("Business Analyst", "DATA"), ("Financial Analyst", "DATA")],
    "tech": [("Systems Analyst", "IT"), ("Developer", "IT"), ("Data Analyst", "DATA")],
}  # fmt: skip
THEMES = [
    ("Transportation Operations", "field"), ("Solid Waste Management", "field"),
    ("Fire Services", "field"), ("Paramedic Services", "care"),
    ("Shelter and Support", "care"), ("Children's Services", "care"),
    ("Long-Term Care Homes", "care"), ("Library Services", "front"),
    ("Economic Development and Culture", "office"), ("City Planning", "office"),
    ("Building and Inspections", "field"), ("Municipal Licensing and Standards", "front"),
    ("Fleet Services", "field"), ("Facilities Management", "field"),
    ("Court Services", "front"), ("Legal Services", "office"),
    ("Engineering and Construction", "office"), ("Environment and Climate", "office"),
    ("Social Development", "care"), ("Employment and Social Services", "front"),
    ("Emergency Management", "office"), ("Purchasing and Materials", "office"),
    ("Corporate Real Estate", "office"), ("Housing Secretariat", "office"),
    ("Seniors Services", "care"), ("Indigenous Affairs Office", "office"),
    ("Strategic Communications", "office"), ("City Clerk's Office", "front"),
    ("Internal Audit", "office"), ("Transit Planning", "office"),
    ("Animal Services", "field"), ("Cemeteries and Crematoria", "field"),
    ("Digital Services", "tech"), ("Geospatial Services", "tech"),
    ("Waterfront Revitalization", "office"), ("Heritage and Museums", "front"),
    ("Tenant Support", "front"), ("Street Furniture and Signs", "field"),
    ("Snow and Ice Response", "field"), ("Pension and Benefits", "office"),
    ("Revenue Collections", "front"),
]  # fmt: skip
LEVEL_PREFIX = {2: "BR", 3: "SEC", 4: "UN", 5: "TM", 6: "CR", 7: "SH", 8: "SQ"}
LEVEL_NAMES = {
    2: ["Operations", "Planning and Policy", "Business Services", "Program Delivery",
        "Strategic Initiatives", "Community Services", "Capital Projects",
        "Compliance and Enforcement", "Asset Management", "Service Improvement"],
    3: ["North York District", "Scarborough District", "Etobicoke York District",
        "Toronto and East York District", "Intake and Assessment", "Inspections",
        "Scheduling and Dispatch", "Quality and Standards", "Outreach", "Analytics"],
    4: ["Intake Unit", "Dispatch Unit", "Field Support Unit", "Client Support Unit",
        "Records Unit", "Logistics Unit", "Standards Unit", "Maintenance Unit",
        "Inspection Unit", "Projects Unit"],
    5: [f"Team {letter}" for letter in "ABCDEFGH"],
    6: [f"Crew {n}" for n in range(1, 9)],
    7: ["Day Shift", "Evening Shift", "Night Shift", "Weekend Shift"],
    8: [f"Squad {n}" for n in range(1, 9)],
}  # fmt: skip
NUMBERED_LEVELS = {5, 6, 8}
LEVEL_LEADER = {
    2: "Senior Manager", 3: "Manager", 4: "Supervisor",
    5: "Team Lead", 6: "Crew Lead", 7: "Shift Lead", 8: "Squad Lead",
}  # fmt: skip
TEAM_MIN, TEAM_MAX, TEAM_AVG, MAX_DEPTH = 7, 14, 10, 8  # members, below one lead

# Given names (| preferred name) and family names, weighted roughly like the
# origins of a large Canadian city's workforce. "_" stands for a space.
ORIGINS = [
    (14, "Emily Sarah Jessica Michael Matthew Ryan Jennifer Andrew Lauren Kevin Megan Brian Heather Scott Amanda Patrick Colleen Graham Shannon Derek", "Smith Brown Wilson MacDonald Campbell Thompson Stewart Murray Anderson Taylor Kelly Ross Fraser Reid Morrison Clarke Gallagher O'Neill"),
    (4, "Julie Mathieu Sébastien Geneviève Étienne Chantal Benoît Isabelle Maxime Nathalie Jean-François Élise Simon Josée", "Tremblay Gagnon Roy Côté Bouchard Gauthier Morin Lavoie Fortin Gagné Pelletier Bélanger Lévesque Leblanc"),
    (9, "Wei Jing Mei Ling Hao Yan Jun Xin Jason Vivian Kelvin Winnie Raymond Cindy Tiffany Xiaoming|Sam Zhiwei|David", "Chen Wang Li Zhang Liu Wong Chan Lam Leung Ho Ng Cheung Lau Yip Huang Zhou"),
    (10, "Priya Arjun Harpreet Gurpreet Amandeep Rajesh Sunita Neha Vikram Anjali Rohan Simran Manpreet Deepak Kavya Nikhil Venkatesh|Venky", "Singh Sharma Patel Gill Sandhu Dhillon Grewal Shah Mehta Gupta Desai Chopra Malhotra Iyer"),
    (3, "Thusharan Kajan Nirosha Tharshini Sivakumar Arun Vithya Gajan Kavitha Pradeep", "Sivakumar Rajaratnam Kanagaratnam Thambiah Selvarajah Balasingham Navaratnam Jeyakumar"),
    (4, "Tahmina Rafiq Nusrat Imran Ayesha Farhan Sadia Usman Zainab Bilal Muhammad|Mo", "Rahman Hossain Ahmed Islam Chowdhury Khan Qureshi Siddiqui Malik Akhtar"),
    (5, "Maria Jose Rowena Jericho Mark Angelica Rhea Jomar Kristine Ramon Marites", "Santos Reyes Dela_Cruz Garcia Bautista Mendoza Villanueva Aquino Ramos Castillo Domingo"),
    (5, "Marco Giulia Antonio Francesca Luca Alessandra Giuseppe|Joe Chiara Roberto Elena", "Rossi Russo Esposito Romano Ferrari Colombo Bianchi De_Luca Marino Greco Costa"),
    (3, "João Ana Rui Sofia Tiago Inês Paulo Beatriz Miguel Carla", "Silva Santos Ferreira Pereira Oliveira Rodrigues Medeiros Sousa Carvalho Almeida"),
    (6, "Andre Keisha Marcus Tanya Damian Shanice Jermaine Latoya Dwayne Nadine Kareem", "Campbell Williams Brown Clarke Henry Grant Persaud Ramdial Baptiste Francis Gordon"),
    (4, "Oluwaseun|Seun Chinonso Adaeze Emeka Ngozi Kwame Ama Kofi Abena Tunde Funmilayo Chidi Yaw", "Okafor Adeyemi Mensah Boateng Okonkwo Eze Osei Asante Bakare Adebayo Nwosu Owusu"),
    (3, "Abdi Hodan Faduma Mohamed Amina Liban Hawa Yonas Selam Dawit Tsion Bereket", "Abdi Hassan Warsame Farah Mohamud Tesfaye Bekele Haile Girma Mengistu"),
    (3, "Omar Layla Karim Rania Youssef Nour Tarek Samira Khaled Hiba", "Haddad Khoury Mansour Saleh Nasser Hamdan Aziz El-Masri Darwish"),
    (3, "Arash Shirin Reza Parisa Dariush Leila Kian Nasrin Farid Maryam Ahmad", "Karimi Hosseini Rahimi Mohammadi Tehrani Ahmadi Sadeghi Haidari Nazari Jafari"),
    (2, "Ji-woo Min-jun Seo-yeon Hye-jin Dong-hyun Eun-ji Sung-min Hana", "Kim Lee Park Choi Jung Kang Yoon Jang Lim Han"),
    (2, "Linh Minh Thao Huy Trang Quang Ngoc Tuan Mai Phuong", "Nguyen Tran Le Pham Hoang Vu Dang Bui Do Ngo"),
    (1, "Yuki Haruka Takeshi Aiko Hiroshi Emi Ryo", "Tanaka Suzuki Sato Nakamura Yamamoto Kobayashi Ito"),
    (4, "Katarzyna|Kasia Tomasz Olena Andriy Magdalena Piotr Oksana Dmytro Agnieszka Yuliya", "Kowalski Nowak Wiśniewski Kovalenko Shevchenko Bondarenko Zieliński Melnyk Woźniak Kravets"),
    (2, "Eleni Nikos Dimitra Georgios Sophia Konstantinos|Gus", "Papadopoulos Georgiou Nikolaidis Christodoulou Demetriou"),
    (4, "Alejandro Camila Diego Valentina Carlos Lucía Javier Daniela Andrés Gabriela", "Hernández Rodríguez Gómez Martínez Torres Ramírez Flores Morales Castro Ortiz"),
    (3, "Rachel David Noah Leah Aaron Miriam Eli Benjamin|Ben", "Cohen Levy Friedman Rosen Shapiro Katz Weiss Segal Bernstein"),
    (2, "Tara Cody Shawna Travis Dakota Kyle Brandi Lance", "Commanda Nanibush Jacobs Hill Whiteduck Beardy Fiddler Meekis Linklater Sutherland"),
]  # fmt: skip
_ORIGINS = [
    (weight, firsts.split(), [name.replace("_", " ") for name in lasts.split()])
    for weight, firsts, lasts in ORIGINS
]
_ORIGIN_WEIGHTS = list(itertools.accumulate(o[0] for o in _ORIGINS))
_TRANSLIT = str.maketrans({"ł": "l", "ø": "o", "ß": "ss", "đ": "d"})


def _email_local(first: str, last: str) -> str:
    ascii_name = unicodedata.normalize(
        "NFKD", f"{first}.{last}".lower().translate(_TRANSLIT)
    )
    return "".join(c for c in ascii_name if c.isascii() and (c.isalnum() or c in ".-"))


class _PlanBuilder:
    """Collects units and people in top-down order, numbering people as it goes."""

    def __init__(self, *, seed: str, first_number: int) -> None:
        self.rng = random.Random(seed)  # noqa: S311 (demo data, not security)
        self.units: list[UnitSpec] = []
        self.people: list[PersonSpec] = []
        self.next_number = first_number
        self.emails: defaultdict[str, int] = defaultdict(int)
        self.unit_codes = {unit.code for unit in SPINE_UNITS}
        for person in FIXED_PEOPLE:
            self._email(person.first, person.last)

    def _email(self, first: str, last: str) -> str:
        local = _email_local(first, last)
        self.emails[local] += 1
        count = self.emails[local]
        return f"{local}{count if count > 1 else ''}@city.example"

    def add_unit(self, code: str, name: str, parent: str | None, head: str | None):
        if code not in self.unit_codes:
            self.units.append(UnitSpec(code, name, parent, head))
            self.unit_codes.add(code)

    def add_person(
        self,
        *,
        title: str,
        unit: str,
        role: str,
        manager: str | None,
        leader: bool = False,
    ) -> str:
        rng = self.rng
        origins = rng.choices(_ORIGINS, cum_weights=_ORIGIN_WEIGHTS)[0]
        first, _, preferred = rng.choice(origins[1]).partition("|")
        preferred = preferred if rng.random() < 0.6 else ""
        # Families mix: some people carry a family name from another origin.
        lasts = rng.choice(_ORIGINS)[2] if rng.random() < 0.12 else origins[2]
        last = rng.choice(lasts)
        # Leaders have been around longer.
        start = datetime.date(1990 if leader else 1998, 1, 2)
        hired = start + datetime.timedelta(days=rng.randrange(26 * 365))
        number = str(self.next_number)
        self.next_number += 1
        self.people.append(
            PersonSpec(
                number,
                first,
                last,
                title,
                unit,
                role,
                manager,
                preferred=preferred,
                email=self._email(preferred or first, last),
                hired=hired,
            )
        )
        return number

    def split(self, total: int, parts: int) -> list[int]:
        """`total` cut into `parts` uneven pieces of at least TEAM_MIN + 1."""
        weights = [self.rng.uniform(0.6, 1.4) for _ in range(parts)]
        return _shares(total, weights, minimum=TEAM_MIN + 1)

    def plan(self) -> tuple[list[UnitSpec], list[PersonSpec]]:
        units = [SPINE_UNITS[0]]
        for unit in self.units:  # spine units go in right after their parent
            units.append(unit)
            units.extend(_spine_below(unit.code))
        return units, [*FIXED_PEOPLE, *self.people]


def _shares(total: int, weights: list[float], *, minimum: int = 0) -> list[int]:
    """`total` shared out in proportion to `weights`, each share at least `minimum`."""
    spare = total - minimum * len(weights)
    exact = [spare * w / sum(weights) for w in weights]
    shares = [int(x) for x in exact]
    by_remainder = sorted(range(len(exact)), key=lambda i: shares[i] - exact[i])
    for i in by_remainder[: spare - sum(shares)]:
        shares[i] += 1
    return [minimum + share for share in shares]


def _spine_below(code: str) -> list[UnitSpec]:
    below = []
    for unit in SPINE_UNITS:
        if unit.parent == code:
            below.extend([unit, *_spine_below(unit.code)])
    return below


def _director(code: str) -> str:
    return next(
        p.number for p in FIXED_PEOPLE if p.unit == code and p.manager == "100000"
    )


def _city_plan() -> tuple[list[UnitSpec], list[PersonSpec]]:
    """The default demo: eight divisions, their sections and teams, 300 people."""
    builder = _PlanBuilder(seed="seed_demo city", first_number=101001)
    rng = builder.rng
    teams = []  # (code, lead number, section) for the teams still to be filled
    for key, div_name, sections in CITY:
        div = f"DIV-{key}"
        director = _director(div)
        builder.add_unit(div, div_name, None, director)
        letters = iter("ABCDEFGHIJKLMNOP")
        for section in sections:
            sec = f"SEC-{key}-{section.code}"
            head = next((u.head for u in SPINE_UNITS if u.code == sec), None)
            if head is None:
                head = builder.add_person(
                    title=f"Manager, {section.name}",
                    unit=sec,
                    role="TEAMLEAD",
                    manager=director,
                    leader=True,
                )
            builder.add_unit(sec, section.name, div, head)
            for team_name in section.teams:
                code = f"TM-{key}-{next(letters)}"
                if code in builder.unit_codes:  # a spine team, already staffed
                    continue
                word = "Supervisor" if section.titles[0][1] == "FIELD" else "Team Lead"
                lead = builder.add_person(
                    title=f"{word}, {team_name}",
                    unit=code,
                    role="TEAMLEAD",
                    manager=head,
                    leader=True,
                )
                builder.add_unit(code, team_name, sec, lead)
                teams.append((code, lead, section))
    # Share out the rest; contact-centre teams run larger.
    members = DEFAULT_HEADCOUNT - len(FIXED_PEOPLE) - len(builder.people)
    weights = [
        (1.5 if s.code == "CX" else 1) * rng.uniform(0.4, 1.6) for *_, s in teams
    ]
    sizes = _shares(members, weights, minimum=3)
    for (code, lead, section), size in zip(teams, sizes, strict=True):
        for _ in range(size):
            title, role = rng.choice(section.titles)
            builder.add_person(title=title, unit=code, role=role, manager=lead)
    return builder.plan()


def _large_plan(headcount: int) -> tuple[list[UnitSpec], list[PersonSpec]]:
    """About 800 people a division, 6–8 levels deep, teams of 8–15."""
    builder = _PlanBuilder(seed=f"seed_demo {headcount}", first_number=200001)
    rng = builder.rng
    n_divisions = min(80, max(len(CITY), round(headcount / 800)))
    divisions = []
    for key, name, sections in CITY:
        titles = [t for s in sections for t in s.titles]
        divisions.append((f"DIV-{key}", name, key, _director(f"DIV-{key}"), titles))
    for i in range(len(CITY) + 1, n_divisions + 1):
        theme, family = THEMES[(i - len(CITY) - 1) % len(THEMES)]
        name = f"Division {i:02d} — {theme}"
        divisions.append(
            (f"DIV-{i:02d}", name, f"{i:02d}", None, FAMILY_TITLES[family])
        )
    budget = headcount - len(FIXED_PEOPLE)
    weights = [rng.lognormvariate(0, 0.45) for _ in divisions]
    sizes = _shares(budget, weights)
    for (code, name, key, director, titles), size in zip(divisions, sizes, strict=True):
        if director is None:
            theme = name.partition(" — ")[2]
            director = builder.add_person(
                title=f"Director, {theme}",
                unit=code,
                role="TEAMLEAD",
                manager="100000",
                leader=True,
            )
            size -= 1
        builder.add_unit(code, name, None, director)
        _grow(builder, code, key, [], director, 1, size, _target_depth(size), titles)
    return builder.plan()


def _target_depth(size: int) -> int:
    """How deep a division of `size` goes when each manager leads about two units."""
    return max(4, min(MAX_DEPTH, round(1 + math.log2(max(1, size / (TEAM_AVG + 1))))))


def _grow(
    builder: _PlanBuilder,
    code: str,
    key: str,
    index: list[int],
    head: str,
    level: int,
    budget: int,
    depth: int,
    titles: list[tuple[str, str]],
) -> None:
    """Place `budget` people below `head` of unit `code`: members, or sub-units."""
    if budget <= TEAM_MAX or level >= MAX_DEPTH:
        for _ in range(budget):
            title, role = builder.rng.choice(titles)
            builder.add_person(title=title, unit=code, role=role, manager=head)
        return
    # Branch so that the leaves land near `depth` with teams of about TEAM_AVG.
    children = round((budget / (TEAM_AVG + 1)) ** (1 / max(1, depth - level)))
    children = max(1, min(children, 6, budget // (TEAM_MIN + 1)))
    names = LEVEL_NAMES[level + 1]
    if level + 1 in NUMBERED_LEVELS:  # Team A, Team B; not Team B, Team F
        names = names[:children]
    if children <= len(names):
        names = sorted(builder.rng.sample(names, children))
    else:
        names = [f"{names[0]} {n}" for n in range(1, children + 1)]
    sizes = builder.split(budget, children)
    for n, (size, name) in enumerate(zip(sizes, names, strict=True), 1):
        child = f"{LEVEL_PREFIX[level + 1]}-{key}-{'-'.join(map(str, [*index, n]))}"
        lead = builder.add_person(
            title=f"{LEVEL_LEADER[level + 1]}, {name}",
            unit=child,
            role="TEAMLEAD",
            manager=head,
            leader=True,
        )
        builder.add_unit(child, name, code, lead)
        _grow(
            builder, child, key, [*index, n], lead, level + 1, size - 1, depth, titles
        )


def demo_plan(
    *, employees: int | None = None
) -> tuple[list[UnitSpec], list[PersonSpec]]:
    """The units (parents first) and people (managers first) a run would create."""
    return _city_plan() if employees is None else _large_plan(employees)


def _path_step(position: int) -> str:
    """Treebeard's path segment for the `position`-th child (1-based)."""
    alphabet, digits = OrgUnit.alphabet, ""
    while position:
        position, digit = divmod(position, len(alphabet))
        digits = alphabet[digit] + digits
    return digits.rjust(OrgUnit.steplen, alphabet[0])


def _ensure_units(specs: list[UnitSpec]) -> tuple[dict[str, OrgUnit], int, int]:
    """Add missing units and lay out every unit's path, siblings in name order.

    Computing the materialised paths here lets thousands of units go in with a
    few bulk inserts instead of one `add_child` (and its sibling shuffle) each.
    Units already in the tree keep their parent; only their position among
    siblings may change, so the tree stays sorted the way treebeard expects.
    """
    steplen = OrgUnit.steplen
    existing = list(OrgUnit.objects.only("code", "name", "path", "depth", "numchild"))
    by_code = {unit.code: unit for unit in existing}
    by_path = {unit.path: unit for unit in existing}
    parent_of = {}
    for unit in existing:
        parent = by_path.get(unit.path[:-steplen]) if unit.depth > 1 else None
        parent_of[unit.code] = parent.code if parent else None
    new = []
    for spec in specs:
        if spec.code not in by_code:
            by_code[spec.code] = OrgUnit(code=spec.code, name=spec.name)
            parent_of[spec.code] = spec.parent
            new.append(by_code[spec.code])
    children = defaultdict(list)
    for code, parent in parent_of.items():
        children[parent].append(by_code[code])
    layout = {}  # code -> (path, depth, numchild)
    stack = [(None, "", 1)]
    while stack:
        parent, path, depth = stack.pop()
        siblings = sorted(children[parent], key=lambda unit: (unit.name, unit.code))
        for position, unit in enumerate(siblings, 1):
            unit_path = path + _path_step(position)
            layout[unit.code] = (unit_path, depth, len(children[unit.code]))
            stack.append((unit.code, unit_path, depth + 1))
    moved = [u for u in existing if (u.path, u.depth, u.numchild) != layout[u.code]]
    # Paths are unique: park the units that move out of the way first.
    parked = [unit for unit in moved if unit.path != layout[unit.code][0]]
    for unit in parked:
        unit.path = f"~{unit.pk}"
    OrgUnit.objects.bulk_update(parked, ["path"], batch_size=BATCH_SIZE)
    for unit in [*moved, *new]:
        unit.path, unit.depth, unit.numchild = layout[unit.code]
    OrgUnit.objects.bulk_update(
        moved, ["path", "depth", "numchild"], batch_size=BATCH_SIZE
    )
    OrgUnit.objects.bulk_create(new, batch_size=BATCH_SIZE)
    units = {unit.code: unit for unit in OrgUnit.objects.only("code", "head")}
    return units, len(new), max((d for _p, d, _n in layout.values()), default=0)


def _ensure_people(
    specs: list[PersonSpec], units: dict[str, OrgUnit], password: str
) -> tuple[dict[str, int], int]:
    """Create missing accounts and employees; fill empty managers. Number -> pk."""
    user_model = get_user_model()
    roles = dict(RoleProfile.objects.values_list("code", "pk"))
    employees = {
        number: (pk, manager_id)
        for number, pk, manager_id in Employee.objects.values_list(
            "employee_number", "pk", "manager_id"
        )
    }
    user_ids = dict(user_model.objects.values_list("username", "pk"))
    users_with_employee = set(Employee.objects.values_list("user_id", flat=True))
    missing = [p for p in specs if p.number not in employees]
    new_users = [
        user_model(
            username=p.username or f"e{p.number}",
            first_name=p.first,
            last_name=p.last,
            email=_email_of(p),
            password=make_password(password if p.username else None),
            is_superuser=p.superuser,
            is_staff=p.superuser,
        )
        for p in missing
        if (p.username or f"e{p.number}") not in user_ids
    ]
    _bulk_create(user_model, new_users)
    user_ids.update((user.username, user.pk) for user in new_users)

    # Managers first, level by level, so every manager_id is known when written.
    pks = {number: pk for number, (pk, _m) in employees.items()}
    level_of: dict[str, int] = {}
    levels = defaultdict(list)
    for p in missing:
        level = level_of[p.manager] + 1 if p.manager in level_of else 0
        level_of[p.number] = level
        levels[level].append(p)
    created = 0
    for level in sorted(levels):
        batch = []
        for p in levels[level]:
            user_id = user_ids[p.username or f"e{p.number}"]
            if user_id in users_with_employee:
                continue  # the account belongs to someone else already
            batch.append(
                Employee(
                    user_id=user_id,
                    employee_number=p.number,
                    first_name=p.first,
                    last_name=p.last,
                    preferred_name=p.preferred,
                    email=_email_of(p),
                    job_title=p.title,
                    org_unit_id=units[p.unit].pk,
                    role_profile_id=roles.get(p.role),
                    manager_id=pks.get(p.manager),
                    hire_date=p.hired,
                )
            )
        _bulk_create(Employee, batch)
        pks.update((employee.employee_number, employee.pk) for employee in batch)
        created += len(batch)

    orphans = [
        Employee(pk=employees[p.number][0], manager_id=pks[p.manager])
        for p in specs
        if p.number in employees and employees[p.number][1] is None and p.manager in pks
    ]
    Employee.objects.bulk_update(orphans, ["manager"], batch_size=BATCH_SIZE)
    return pks, created


def _bulk_create(model, objs: list) -> None:
    model.objects.bulk_create(objs, batch_size=BATCH_SIZE)
    if objs and objs[0].pk is None:  # the backend cannot return ids from a bulk insert
        field = "username" if model is get_user_model() else "employee_number"
        ids = dict(model.objects.values_list(field, "pk"))
        for obj in objs:
            obj.pk = ids[getattr(obj, field)]


def _email_of(person: PersonSpec) -> str:
    return person.email or f"{_email_local(person.first, person.last)}@city.example"


def _ensure_heads(
    specs: list[UnitSpec], units: dict[str, OrgUnit], pks: dict[str, int]
) -> None:
    headless = []
    for spec in specs:
        unit = units[spec.code]
        if unit.head_id is None and spec.head in pks:
            unit.head_id = pks[spec.head]
            headless.append(unit)
    OrgUnit.objects.bulk_update(headless, ["head"], batch_size=BATCH_SIZE)


def _ensure_demo_accounts(
    specs: list[PersonSpec], password: str, new_users: set[str]
) -> None:
    user_model = get_user_model()
    for person in specs:
        if not person.username:
            continue
        user = user_model.objects.get(username=person.username)
        if person.username not in new_users and not user.check_password(password):
            user.set_password(password)
            user.save(update_fields=["password"])
        if person.group and not user.groups.filter(name=person.group).exists():
            user.groups.add(Group.objects.get(name=person.group))


@transaction.atomic
def people_demo_seed(*, password: str, employees: int | None = None) -> DemoSeedResult:
    """Create the demo organisation and the four demo accounts (idempotent).

    `employees=None` builds the 300-person city; a number builds a generated
    organisation of that many people for load testing.
    """
    if employees is not None and not MIN_HEADCOUNT <= employees <= MAX_HEADCOUNT:
        raise ValueError(
            f"employees must be between {MIN_HEADCOUNT} and {MAX_HEADCOUNT}"
        )
    role_profiles_load_default()
    unit_specs, people = demo_plan(employees=employees)
    units, units_created, max_depth = _ensure_units(unit_specs)
    existing_users = set(
        get_user_model()
        .objects.filter(username__in=DEMO_USERNAMES)
        .values_list("username", flat=True)
    )
    pks, people_created = _ensure_people(people, units, password)
    _ensure_heads(unit_specs, units, pks)
    _ensure_demo_accounts(people, password, set(DEMO_USERNAMES) - existing_users)
    return DemoSeedResult(
        units_created=units_created,
        people_created=people_created,
        units_total=len(units),
        people_total=len(pks),
        max_depth=max_depth,
    )
