"""Names, titles and unit names the generated (load-test) organisations draw from."""

import itertools

# Large orgs: divisions beyond the city's eight get a theme and a job family.
FAMILY_TITLES = {
    "field": [("Operations Worker", "FIELD"), ("Equipment Operator", "FIELD"), ("Inspector", "FIELD"), ("Lead Hand", "FIELD")],
    "front": [("Customer Service Representative", "CSR"), ("Client Services Coordinator", "CSR"), ("Intake Worker", "CSR")],
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
ORIGIN_LISTS = [
    (weight, firsts.split(), [name.replace("_", " ") for name in lasts.split()])
    for weight, firsts, lasts in ORIGINS
]
ORIGIN_WEIGHTS = list(itertools.accumulate(o[0] for o in ORIGIN_LISTS))
TRANSLIT = str.maketrans({"ł": "l", "ø": "o", "ß": "ss", "đ": "d"})
