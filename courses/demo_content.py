"""Demo course content for seed_demo: real lessons on technology adoption in public service."""

COURSES = [
    # ------------------------------------------------------------------
    # 1. Human-centred service design
    # ------------------------------------------------------------------
    {
        "slug": "human-centred-service-design",
        "title": "Human-centred service design",
        "summary": "Learn how to improve city services by starting with the people who use them: listening to residents, mapping their journey and testing ideas before investing in them.",
        "description": "<p>Residents do not experience our departments, forms or systems one at a time. They experience one city, and they judge it by whether they could get what they needed without confusion, delay or repeat calls. This course shows you practical ways to see services through their eyes.</p><p>You will learn how to talk with residents and co-workers about their real experiences, map a service from start to finish, and try out small changes before committing to big ones. No special tools or training are needed, and the methods work whether you answer 311 calls, work a service counter or manage a program.</p>",
        "level": "introductory",
        "duration_minutes": 75,
        "topics": ["service design", "user research", "customer service"],
        "audience": "All city staff who deliver or improve services, from front-line staff to team leads and analysts. No experience needed.",
        "outcomes": [
            "Explain what human-centred service design is and why it matters in a city",
            "Plan and run simple, respectful conversations with residents and staff",
            "Map a service journey and spot the pain points worth fixing first",
            "Test a rough version of an idea with real people before building it",
        ],
        "validity_months": None,
        "prerequisites": [],
        "modules": [
            {
                "slug": "why-start-with-people",
                "title": "Why start with people",
                "minutes": 12,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>Every city service exists to help someone: a resident who needs a pothole fixed, a parent signing up a child for swimming lessons, a business owner applying for a patio permit. Human-centred service design is a way of planning and improving services by starting with those people. What are they trying to do? What gets in their way? How do they feel along the way? We start there, instead of starting with our forms, systems or organization charts.</p><p>This may sound obvious. But many public services grew one rule, one form and one system at a time. Each piece made sense when it was added. Put together, they can leave residents confused, calling 311 three times, or giving up.</p>",
                    ),
                    (
                        "heading",
                        {
                            "text": "What goes wrong when we start with the system",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        "<p>Think about how a resident experiences a water bill that seems too high. They might:</p><ul><li>read a bill that uses terms like “consumption period” and “estimated read” without explaining them</li><li>call 311 and be transferred to Water Billing</li><li>be told a technician needs to check the meter, then wait two weeks without an update</li><li>receive the next bill before the first question is answered</li></ul><p>No single team did anything wrong. Each followed its own process. But from the resident's point of view, the service is one thing, “the City”, and it did not work well.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "title": "Residents see one city",
                            "text": "<p>Residents do not see our departments. Service design asks us to look across team boundaries at the whole experience, from the moment someone has a need to the moment it is met.</p>",
                        },
                    ),
                    (
                        "heading",
                        {"text": "Four habits of human-centred work", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<ol><li><strong>Understand before you fix.</strong> Talk to residents and front-line staff, and watch the service in action, before deciding on a solution.</li><li><strong>Look at the whole journey.</strong> Include the steps that happen before and after someone contacts us, and the work that happens behind the scenes.</li><li><strong>Try ideas small and early.</strong> Test a rough version of a new letter, form or process with real people before investing in it.</li><li><strong>Design for everyone.</strong> Include people with disabilities, newcomers, older adults, people without internet at home and people under stress.</li></ol>",
                    ),
                    (
                        "heading",
                        {"text": "Front-line staff are experts too", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<p>If you answer calls, work a service counter or visit job sites, you already know a lot about where services break down. You hear the same questions every day. You know which letters confuse people and which steps cause repeat calls. Human-centred design treats that knowledge as valuable evidence.</p><p>Writing down what you notice, and sharing it with the people who can change the process, is one of the most useful things you can do. A short note such as “At least five callers a day ask what an estimated meter read is” can start a real improvement.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Human-centred design starts with what people are trying to do, not with our forms or systems.",
                            "Residents experience one city, not separate departments.",
                            "Understand the problem before choosing a fix, and test ideas early.",
                            "Front-line staff hold valuable knowledge about where services break down.",
                        ],
                    ),
                ],
            },
            {
                "slug": "learning-from-residents-and-staff",
                "title": "Learning from residents and staff",
                "minutes": 15,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>User research simply means learning directly from the people who use or deliver a service. It does not need a big budget or a consultant. A few well-planned conversations and an afternoon of watching a service in action can reveal problems that no report will show you.</p>",
                    ),
                    ("heading", {"text": "Choosing a method", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li><strong>One-on-one interviews</strong> help you understand people's goals, worries and workarounds. Aim for 30 to 45 minutes, with five to eight people from each group you want to understand.</li><li><strong>Observation</strong> means watching a service as it really happens, such as sitting beside a 311 agent or watching people use the self-serve kiosk at a recreation centre. People often do things differently than they describe.</li><li><strong>Existing evidence</strong>, such as 311 call reasons, complaints, website searches and program wait lists, shows you patterns and where to dig deeper.</li><li><strong>Short surveys</strong> can tell you how common a problem is once you understand it, but they are weak at explaining why it happens.</li></ul>",
                    ),
                    ("heading", {"text": "Asking good questions", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>The aim is to hear about real experiences, not opinions about imaginary ones. Compare these two questions:</p><ul><li>Weak: “Would you use an online booking tool for recreation programs?” Most people say yes to be polite.</li><li>Better: “Tell me about the last time you signed up for a program. What happened first?”</li></ul><p>Ask open questions that begin with “how”, “what” or “tell me about”. Ask for specific examples. Stay quiet a little longer than feels natural, because people often add the most useful detail after a pause. Avoid explaining or defending the service during the interview. You are there to listen.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Talk to people at the edges",
                            "text": "<p>Include people who struggle with the service or have stopped using it, not only regular users. A resident who gave up on a permit application, or an older adult with no email address, will teach you more about barriers than someone for whom everything works.</p>",
                        },
                    ),
                    (
                        "heading",
                        {"text": "Respecting the people you learn from", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<p>Explain who you are, why you are asking and how you will use what people tell you. Get their consent before recording or taking photos. Collect only the personal information you need, store notes in approved City locations, and remove names when you share findings. Offer accommodations, such as a phone interview, an interpreter or extra time. If someone raises an urgent issue, like a safety hazard, make sure it is reported through the proper channel.</p>",
                    ),
                    (
                        "heading",
                        {"text": "Making sense of what you heard", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<p>After several sessions, write each observation or quote on its own sticky note or card. Group similar notes together and give each group a name. Look for patterns that came up with several people, not just the most dramatic story. A finding might sound like this: “Parents do not know which lesson level their child should register for, so they call the pool to ask, and spots fill up while they wait.”</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Ask about specific past experiences, not hypothetical ones.",
                            "Combine interviews, observation and existing data for a fuller picture.",
                            "Include people who struggle with a service or have given up on it.",
                            "Get consent, collect only what you need and protect people's information.",
                            "Look for patterns across several people before drawing conclusions.",
                        ],
                    ),
                ],
            },
            {
                "slug": "mapping-the-service-journey",
                "title": "Mapping the service journey",
                "minutes": 15,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>A journey map is a simple picture of the steps a person goes through to get something done, from the moment they notice a need to the moment the need is met, or they give up. It helps a team see the whole experience on one page and agree on where the biggest problems are.</p>",
                    ),
                    ("heading", {"text": "What goes on a journey map", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Most journey maps have a row of steps across the top and a few rows underneath. For each step, note:</p><ul><li><strong>What the person is doing</strong>, for example searching the City website, calling 311 or waiting for a letter</li><li><strong>What they are thinking and feeling</strong>: confident, confused, anxious or frustrated</li><li><strong>Touchpoints</strong>: the channels they use, such as the website, phone, counter, email or a staff visit</li><li><strong>Pain points</strong>: where things slow down, break or cause repeat contact</li></ul><p>Base the map on what you learned in research, not on how the process is supposed to work on paper.</p>",
                    ),
                    (
                        "heading",
                        {
                            "text": "Example: registering for swimming lessons",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        "<p>A recreation team mapped the journey of a parent registering two children for summer swimming lessons. The steps were: find out when registration opens, create an online account, find the right lesson level, wait for registration day, try to register, and pay.</p><p>The map showed three pain points. Many parents did not know their child's level, so they phoned the pool. Setting up an account required a family number that was mailed only on request. And on registration morning, the website slowed down while popular classes filled. None of these problems belonged to a single team. The web team, the aquatics staff and the call centre each saw only one piece.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Front stage and back stage",
                            "text": "<p>Add a row below the resident's journey for what happens behind the scenes: which staff, systems and hand-offs support each step. Many resident pain points come from back-stage gaps, such as two systems that do not share information.</p>",
                        },
                    ),
                    ("heading", {"text": "Choosing where to act", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>A finished map usually shows more problems than you can fix at once. Pick a few by asking:</p><ul><li>Which pain points affect the most people, or the people with the fewest alternatives?</li><li>Which cause repeat calls, errors or extra work for staff?</li><li>Which can we realistically change ourselves, and which need other teams or a policy change?</li></ul><p>In the swimming example, the team started with a short online guide called “Which level is my child?”, with photos and plain descriptions of each level. It was quick to build, and calls to the pools dropped in the week before registration. The account problem needed the web team and took longer, so it went on a list for the next round of work.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "A journey map shows the full experience from the person's point of view, step by step.",
                            "For each step, capture actions, feelings, touchpoints and pain points.",
                            "Add the back-stage steps to see where hand-offs and systems cause problems.",
                            "Use the map to choose a few high-impact problems to work on first.",
                        ],
                    ),
                ],
            },
            {
                "slug": "testing-ideas-early",
                "title": "Prototyping and testing ideas early",
                "minutes": 12,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>Once you understand a problem, it is tempting to jump straight to building the full solution. But even good ideas have flaws we cannot see from our desks. A prototype is a quick, cheap and rough version of an idea that lets you learn whether it works before you spend real time and money.</p>",
                    ),
                    (
                        "heading",
                        {"text": "Prototypes can be very simple", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<ul><li>A redesigned water bill sketched on paper or mocked up in a word processor</li><li>A few clickable screens for a new permit application, made in a presentation tool</li><li>A new script for 311 agents, tried for one afternoon by a single team</li><li>A role-play of a new counter process, with staff acting as residents</li></ul><p>The rougher the prototype, the more honest the feedback. People are more willing to criticize something that looks unfinished.</p>",
                    ),
                    ("heading", {"text": "How to run a simple test", "size": "h2"}),
                    (
                        "paragraph",
                        "<ol><li><strong>Decide what you want to learn.</strong> For example: “Can residents find the amount they owe and the due date on the new bill within 10 seconds?”</li><li><strong>Find about five people</strong> who are like the people who use the service. Five sessions often reveal most of the major problems.</li><li><strong>Give them a realistic task</strong>, such as “You think your bill is too high. Show me what you would do next.”</li><li><strong>Watch and listen.</strong> Ask them to think out loud. Do not help or explain unless they are completely stuck. Where they get stuck is the finding.</li><li><strong>Change the prototype and test again.</strong> A few quick rounds beat one large, late test.</li></ol>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Test the idea, not the person",
                            "text": "<p>Tell participants at the start that you are testing the design, not them, and that there are no wrong answers. If someone struggles, that is a problem with the design. Never leave a participant feeling that they have failed.</p>",
                        },
                    ),
                    ("heading", {"text": "Measuring whether it worked", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Before you launch a change, decide how you will know it helped. Good measures connect to the problem you found: fewer repeat 311 calls about bills, fewer incomplete permit applications, less time to book a program, or higher satisfaction in a short follow-up survey. Take a baseline measure before the change, so you have something to compare against. Without one, it is hard to show whether your idea made a difference.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "A prototype is a quick, rough version of an idea used to learn, not to impress.",
                            "Test with about five real users doing realistic tasks, and watch where they struggle.",
                            "Do not help participants during a test: their struggles are your findings.",
                            "Decide how you will measure success, and take a baseline before you launch.",
                        ],
                    ),
                ],
            },
            {
                "slug": "going-further-designing-for-everyone",
                "title": "Going further: designing for everyone",
                "minutes": 10,
                "required": False,
                "body": [
                    (
                        "paragraph",
                        "<p>A service that works well for a confident, English-speaking adult with a laptop and a free afternoon may fail many other residents. Inclusive design means thinking early about the full range of people who rely on city services, and making sure nobody is shut out by the design itself.</p>",
                    ),
                    (
                        "heading",
                        {"text": "Questions to ask about any service", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<ul><li><strong>Access:</strong> Can someone complete this without a computer, smartphone, email address or credit card? Is there a phone or in-person option that works just as well?</li><li><strong>Language:</strong> Is the content in plain language? Are translated materials or interpretation available for the main languages spoken in the community?</li><li><strong>Disability:</strong> Does it work with screen readers and keyboard navigation? Are forms and letters available in accessible formats on request? Are physical locations accessible?</li><li><strong>Time and stress:</strong> Can someone pause and come back later? Is it clear what happens next and how long it will take?</li><li><strong>Trust:</strong> Do people understand why we are asking for personal information and how it will be used?</li></ul>",
                    ),
                    (
                        "heading",
                        {"text": "Plain language is a design tool", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<p>Many service problems are really writing problems. Use short sentences and everyday words. Put the most important information first: what the person needs to do, by when, and what happens if they do not. Use “you” and “we”. Replace terms such as “remit payment” with “pay”. Test your wording with residents, the same way you would test a form.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "title": "Digital is not the only answer",
                            "text": "<p>Moving a service online can make it faster for many people. Keep good alternatives for those who cannot or prefer not to use digital channels, and make sure important information is not available only online.</p>",
                        },
                    ),
                    ("heading", {"text": "Working with communities", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Some groups have good reasons to distrust government, or have been left out of past decisions. Working with community organizations, settlement agencies, seniors' centres and disability groups can help you reach people you would otherwise miss. Recognize people's time in the ways your City's policies allow, and report back on what changed because of their input. People are far more willing to help again when they can see that their advice mattered.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Inclusive design considers people with different abilities, languages, devices and circumstances from the start.",
                            "Keep non-digital options that work as well as the online ones.",
                            "Plain language removes barriers for everyone.",
                            "Partner with community organizations to reach people who are often left out, and report back to them.",
                        ],
                    ),
                ],
            },
            {
                "slug": "check-your-knowledge-service-design",
                "title": "Check your knowledge",
                "minutes": 10,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>This short knowledge check covers the main ideas from the course: starting with people, learning from residents and staff, mapping the service journey and testing ideas early. The questions ask you to apply these ideas to everyday city situations.</p><p>You need 70% to pass, and you can try up to three times. Each question comes with an explanation, so use your results to decide which lessons to review.</p>",
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 2. Working with data
    # ------------------------------------------------------------------
    {
        "slug": "working-with-data",
        "title": "Working with data: from spreadsheets to decisions",
        "summary": "Build everyday data skills: keep spreadsheets clean, ask sharp questions of the numbers, make honest charts and protect the personal information you handle.",
        "description": "<p>Every day, city staff record and use data: 311 calls, inspection results, program registrations, plow routes and water meter readings. Good decisions depend on that data being accurate, fairly compared and clearly explained. Poor data, or a rushed reading of it, can send crews to the wrong places or make a program look better or worse than it really is.</p><p>This course gives you practical habits that work with the tools you already have, like spreadsheets. You do not need to be an analyst or know any statistics. You will come away knowing how to spot problems in a data set, how to question a number before you repeat it, and how to share results without putting residents' privacy at risk.</p>",
        "level": "introductory",
        "duration_minutes": 75,
        "topics": ["data", "decision making", "privacy"],
        "audience": "Any city employee who records, reads or reports on data, including customer service staff, field staff, analysts and team leads.",
        "outcomes": [
            "Explain how raw data becomes information, insight and a decision",
            "Set up and check a spreadsheet so others can trust it",
            "Question averages, comparisons and claims about cause",
            "Choose clear, honest charts for a busy reader",
            "Handle and share personal information responsibly",
        ],
        "validity_months": None,
        "prerequisites": [],
        "modules": [
            {
                "slug": "data-in-everyday-city-work",
                "title": "Data in everyday city work",
                "minutes": 10,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>You probably work with data every day, even if you do not think of yourself as a “data person”. A 311 agent logs the type and location of each call. A snow plow's GPS records where it has been. A public health inspector records the results of each restaurant inspection. A recreation clerk tracks how many people sign up for each program. All of this is data: recorded facts about what is happening in the city.</p><p>Used well, this data helps the City make better decisions, such as where to send crews, which programs to expand and how many staff to schedule. Used carelessly, it can mislead people and lead to poor or unfair choices.</p>",
                    ),
                    ("heading", {"text": "From data to decisions", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>It helps to think of four steps:</p><ol><li><strong>Data:</strong> raw records, such as 8,000 rows of 311 calls from January.</li><li><strong>Information:</strong> data that has been organized and summarized, such as “Snow-related calls doubled in the week after the January 14 storm.”</li><li><strong>Insight:</strong> an understanding of why, such as “Most of those calls came from streets where the sidewalk plow arrives last.”</li><li><strong>Decision:</strong> an action based on the insight, such as changing the route order or telling residents when their street will be cleared.</li></ol><p>Each step needs care. A mistake in the raw data, or a hasty guess about why something happened, can carry all the way through to a poor decision.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "title": "Data is created by people",
                            "text": "<p>Every number was recorded by a person, or by a system that a person set up. If agents are unsure which category to pick, or a sensor is not working, the data reflects that. Knowing how data was collected is the first step to trusting it, or to knowing when not to.</p>",
                        },
                    ),
                    ("heading", {"text": "Your role", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>You do not need to be an analyst to make a difference. The most valuable things most staff can do are:</p><ul><li>record information accurately and consistently, the first time</li><li>ask where a number came from before repeating it</li><li>speak up when a report does not match what you see on the ground</li><li>protect personal information in every file you handle</li></ul><p>The rest of this course gives you practical skills for each of these.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "City data is recorded facts about services and the city, created by people and systems.",
                            "Data becomes useful when it is organized into information, explained as insight and used in a decision.",
                            "Errors early in the chain carry through to decisions.",
                            "Everyone can improve data quality by recording carefully and asking good questions.",
                        ],
                    ),
                ],
            },
            {
                "slug": "keeping-spreadsheets-clean",
                "title": "Keeping spreadsheets clean and trustworthy",
                "minutes": 15,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>Spreadsheets are the most common data tool in any city. They are flexible and familiar, which is both their strength and their risk. A few simple habits make the difference between a spreadsheet others can trust and one that causes errors for years.</p>",
                    ),
                    ("heading", {"text": "Set up your data as a table", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li><strong>One row per record.</strong> Each row should be one thing: one inspection, one call or one program registration.</li><li><strong>One column per piece of information.</strong> Keep the date, address and result in separate columns. Do not combine “2024-03-05 passed” in one cell.</li><li><strong>One header row</strong> with clear column names, such as “Inspection date”. Avoid merged cells, blank rows and totals mixed in with the data.</li><li><strong>One value per cell.</strong> If a call covers two issues, use two rows or two columns rather than typing “pothole + streetlight”.</li></ul>",
                    ),
                    ("heading", {"text": "Be consistent", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Computers treat “Snow Removal”, “snow removal” and “Snow removal ” (with a space at the end) as three different things. A summary will then split one category into three. To avoid this:</p><ul><li>use drop-down lists for categories where you can</li><li>pick one date format and stick to it; writing dates as year-month-day, such as 2024-03-05, avoids mixing up March 5 and May 3</li><li>put units in the column name, such as “Length (km)” or “Cost ($)”</li><li>decide how to record missing values, and leave a note explaining it</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "A blank is not a zero",
                            "text": "<p>If a pool's attendance count for a day is missing, recording it as 0 tells everyone the pool was empty. That lowers its average and could affect decisions about its hours. Leave the cell blank or mark it as missing, and explain why.</p>",
                        },
                    ),
                    (
                        "heading",
                        {"text": "Keep the original and show your work", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<p>Before you clean or change data, save a copy of the original. Make changes in a new column or a new tab rather than typing over the source values. Add a short “Read me” tab that explains where the data came from, when it was last updated, what each column means and who to contact with questions. This helps the next person, who may be you in six months.</p>",
                    ),
                    ("heading", {"text": "Check before you share", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Do a few quick checks before a spreadsheet goes to a manager or into a report:</p><ul><li>Sort each column and look at the highest and lowest values. A snow-clearing time of 900 hours or an inspection dated 2042 is probably an error.</li><li>Count the rows to make sure nothing was lost when you filtered or copied.</li><li>Check that your totals match the source system.</li><li>Ask a colleague to look over anything important.</li></ul>",
                    ),
                    (
                        "takeaways",
                        [
                            "Use one row per record, one column per piece of information and one value per cell.",
                            "Be consistent with category names, dates and units.",
                            "A blank and a zero mean different things, so record missing values clearly.",
                            "Keep the original data, make changes separately and add a “Read me” tab.",
                            "Sort, count and compare totals before you share.",
                        ],
                    ),
                ],
            },
            {
                "slug": "asking-good-questions-of-data",
                "title": "Asking good questions of data",
                "minutes": 15,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>Numbers can feel certain and objective. But the same data can tell very different stories depending on how it is summarized and compared. Before you accept a conclusion, including your own, ask a few simple questions.</p>",
                    ),
                    (
                        "heading",
                        {"text": "Averages can hide what matters", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<p>Suppose a team reports that permit applications take an average of 20 days. That could mean most take about 20 days. Or it could mean most take 8 days, while a few complex files take 200 days and pull the average up.</p><p>The <strong>median</strong>, which is the middle value when all the values are sorted, is often a better picture of a typical case, because a few extreme values do not pull it around. It also helps to look at the spread of values, or at the share of cases that meet a target, such as “85% of applications decided within 15 days”.</p>",
                    ),
                    ("heading", {"text": "Compare fairly", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>A ward with 2,000 pothole reports may look worse than a ward with 500. But if the first ward has four times as many kilometres of road, the number of reports per kilometre is the same. When groups are different sizes, compare rates, such as calls per 1,000 residents or potholes per kilometre of road. Also compare like with like: this January with last January, not January with July.</p>",
                    ),
                    ("heading", {"text": "Correlation is not causation", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Two things can rise and fall together without one causing the other. Calls about icy sidewalks and attendance at indoor pools may both go up in winter, because the weather drives both. Before saying that one thing causes another, ask whether something else could explain the pattern, and whether the timing makes sense.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Who is missing from the data?",
                            "text": "<p>311 data only shows problems that people report. Neighbourhoods where fewer residents call, because of language, trust or not knowing about 311, may look as if they have fewer problems when they do not. Crews' own inspection records can help fill the gap. Always ask who is not in the data, as well as what it shows.</p>",
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "Five questions to ask about any number",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        "<ol><li>Where did this data come from, and how was it collected?</li><li>What time period and area does it cover?</li><li>Is this a total, an average, a median or a rate?</li><li>Compared to what: last year, a target, or another area of similar size?</li><li>What else could explain this result?</li></ol>",
                    ),
                    (
                        "takeaways",
                        [
                            "The median is often a better “typical” value than the average when a few cases are extreme.",
                            "Use rates when comparing groups of different sizes.",
                            "Two things moving together does not mean one causes the other.",
                            "Ask who is missing from the data, not just what it shows.",
                        ],
                    ),
                ],
            },
            {
                "slug": "telling-the-story-with-charts",
                "title": "Telling the story with charts",
                "minutes": 12,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>A good chart helps a busy reader understand a point in seconds. A poor one confuses them or, worse, misleads them. You do not need design software to make clear charts. The tools in a standard spreadsheet are enough if you follow a few rules.</p>",
                    ),
                    ("heading", {"text": "Start with the message", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Before you make a chart, write one sentence that says what you want the reader to learn. For example: “Sidewalk-clearing complaints dropped by a third after we changed the route order.” Then choose the chart that shows that point most clearly, and use your sentence as the chart title. A title that states the finding is more helpful than one that only names the data, such as “Complaints by month”.</p>",
                    ),
                    ("heading", {"text": "Pick the right chart", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li><strong>Bar charts</strong> compare amounts across categories, such as 311 calls by type. Sort the bars from largest to smallest.</li><li><strong>Line charts</strong> show change over time, such as monthly water use over three years.</li><li><strong>Tables</strong> work better than charts when people need to look up exact values.</li><li><strong>Maps</strong> are useful when location is the point, such as where inspections found problems. Remember that large areas draw the eye even when few people live there.</li></ul><p>Pie charts are hard to read when there are more than three or four slices. A sorted bar chart is usually clearer.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Avoid misleading charts",
                            "text": "<p>The value axis on a bar chart should start at zero. Starting it at 90 can make a small change look huge. Keep scales the same when you put charts side by side, and avoid 3-D effects, which distort sizes.</p>",
                        },
                    ),
                    (
                        "heading",
                        {"text": "Make it readable for everyone", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<ul><li>Label the axes, and include units and the time period.</li><li>Do not rely on colour alone to show meaning. Some readers cannot tell red from green, so add labels or patterns.</li><li>Use strong contrast and text that is large enough to read.</li><li>Add alternative text or a short written summary, so people using screen readers get the same message.</li><li>Note the data source and date under the chart.</li></ul>",
                    ),
                    ("heading", {"text": "Be honest about limits", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>If the data has gaps, small numbers or known problems, say so in a short note. Decision-makers need to know how much weight a finding can bear. “Based on three months of data from two pilot areas” is not a weakness to hide. It is information the reader needs.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Decide on your one-sentence message first, and use it as the chart title.",
                            "Use bar charts for comparisons, line charts for trends and tables for exact values.",
                            "Start bar charts at zero and avoid 3-D effects.",
                            "Do not rely on colour alone, and add a text summary.",
                            "State the limits of your data.",
                        ],
                    ),
                ],
            },
            {
                "slug": "handling-data-responsibly",
                "title": "Handling data responsibly",
                "minutes": 12,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>Much of the data the City holds is about people: names, addresses, phone numbers, payment details, health information, and records of their requests and complaints. Residents share this information because they need a service. They trust us to use it only for that purpose and to keep it safe.</p>",
                    ),
                    (
                        "heading",
                        {"text": "What counts as personal information", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<p>Personal information is any recorded information about a person who can be identified. That includes obvious items like names and phone numbers. It also includes details that can identify someone when they are combined, such as a street address, a date and a type of complaint. On a quiet street, “a noise complaint on Elm Street on March 4” may be enough to identify both the caller and the neighbour.</p>",
                    ),
                    ("heading", {"text": "Good practices", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li><strong>Collect only what you need.</strong> If a report only needs the number of calls by ward, do not export names and phone numbers.</li><li><strong>Use it only for its purpose.</strong> Information collected to manage a water account should not be used for unrelated purposes without proper authority.</li><li><strong>Store it in approved places.</strong> Use City systems and shared drives, not personal email, USB keys or personal cloud accounts.</li><li><strong>Share on a need-to-know basis.</strong> Send a link to a secure folder with limited access rather than emailing an attachment to a long list.</li><li><strong>Keep it only as long as required.</strong> Follow your department's records retention schedule.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Summarize before you share",
                            "text": "<p>When you share results outside your team, share summaries rather than raw records. If a group is very small, such as only two complaints in a rural area, combine it with other groups or hide the number so that individuals cannot be identified.</p>",
                        },
                    ),
                    ("heading", {"text": "Open data", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Many cities publish data sets, such as road closures, restaurant inspection results or the locations of recreation facilities, as open data that anyone can use. Open data builds trust and lets residents, researchers and businesses create useful tools. Only data that has been reviewed and approved for release is published, and personal information is removed first. If you think a data set your team holds could be useful to the public, talk to your manager about your City's open data process.</p>",
                    ),
                    ("heading", {"text": "When something goes wrong", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>If you send personal information to the wrong person, lose a device, or discover that data was shared when it should not have been, report it to your supervisor and your City's privacy office right away. Acting quickly limits the harm. Nobody benefits from hiding a mistake.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Personal information includes anything that could identify a person, alone or combined with other details.",
                            "Collect only what you need, use it only for its purpose and store it in approved places.",
                            "Share summaries rather than raw records, and hide very small numbers.",
                            "Report privacy mistakes right away.",
                        ],
                    ),
                ],
            },
            {
                "slug": "check-your-knowledge-data",
                "title": "Check your knowledge",
                "minutes": 10,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>This knowledge check asks you to apply what you learned to common situations in city work: reading a summary, comparing areas, setting up a spreadsheet, making a chart and sharing data safely.</p><p>You need 70% to pass, and you can try as many times as you like. Read the explanation after each question, even the ones you get right.</p>",
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 3. Agile delivery in government
    # ------------------------------------------------------------------
    {
        "slug": "agile-delivery",
        "title": "Agile delivery in government",
        "summary": "Learn how to deliver services in small, useful steps, learn from real use and stay accountable to Council and the public while you do it.",
        "description": "<p>Big projects that plan everything up front and launch years later often deliver something that no longer fits what residents or staff need. Agile delivery is a different way of working: small, cross-functional teams release useful pieces early, learn from how people really use them, and adjust the plan as they go.</p><p>This course explains the core ideas and everyday practices of agile delivery, such as backlogs, user stories, short cycles and reviews, using city examples like online permits and pothole reporting. It also covers what is different in government: budgets, procurement, records and reporting to Council. It builds on the ideas in Human-centred service design, which you should complete first.</p>",
        "level": "intermediate",
        "duration_minutes": 72,
        "topics": ["agile", "service design", "project delivery"],
        "audience": "Staff who work on projects, process changes or digital services, and the team leads and managers who sponsor or oversee them.",
        "outcomes": [
            "Explain how agile delivery differs from a traditional, plan-everything-first approach",
            "Use a backlog, user stories and short work cycles",
            "Plan a first release that delivers real value early",
            "Keep agile work accountable through demos, decision logs and open reporting",
        ],
        "validity_months": None,
        "prerequisites": ["human-centred-service-design"],
        "modules": [
            {
                "slug": "what-agile-means-in-government",
                "title": "What agile means in government",
                "minutes": 12,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>Agile is a way of delivering work in small pieces, learning from real use and adjusting as you go. It started in software development, but the ideas apply to many kinds of public service work, from building a new online permit application to redesigning how a recreation department runs spring registration.</p><p>The traditional approach, often called “waterfall”, plans everything up front: gather all the requirements, design everything, build everything, test everything, then launch. That can work when a problem is well understood and unlikely to change. But for services that people use, we rarely know everything at the start. Needs change, new rules come in, and residents use things in ways we did not expect. A big launch after two years can reveal problems that are very costly to fix.</p>",
                    ),
                    ("heading", {"text": "The core ideas", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li><strong>Deliver in small, usable pieces.</strong> Release something useful early, then improve it.</li><li><strong>Learn from real users.</strong> Test with residents and staff throughout, not only at the end.</li><li><strong>Work as one team.</strong> Bring together the people who understand the policy, the service, the technology and the users, instead of passing documents between departments.</li><li><strong>Plan, but expect to adjust.</strong> Keep a clear goal, and change the plan when you learn something new.</li><li><strong>Make progress visible.</strong> Show working results often, so decision-makers see what is real rather than what is on paper.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "title": "Agile does not mean “no plan”",
                            "text": "<p>A common myth is that agile teams skip planning, documentation or rules. In fact, agile teams plan all the time, just in smaller steps. In government, they still follow procurement, privacy, security, accessibility and records rules. The difference is that they check against those rules throughout the work, not only at the end.</p>",
                        },
                    ),
                    ("heading", {"text": "A city example", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Picture a city replacing its paper process for sidewalk patio permits. A waterfall project might spend a year writing requirements before anyone sees a screen. An agile team might start by releasing a simple online form for renewals only, which are the most common and simplest case, within a few months. Restaurant owners get value sooner, staff learn what works, and the team uses that learning to handle new applications and more complex cases next.</p><p>Agile is not right for everything. Building a bridge still needs detailed plans before construction starts. But for services, digital tools and process changes where we are learning as we go, working in small steps lowers the risk.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Agile means delivering in small, usable pieces and learning from real use.",
                            "It suits services and digital work where needs are uncertain or likely to change.",
                            "Agile teams still plan and still follow government rules, but in smaller, continuous steps.",
                            "Showing working results often makes progress and problems visible early.",
                        ],
                    ),
                ],
            },
            {
                "slug": "working-in-short-cycles",
                "title": "Working in short cycles",
                "minutes": 15,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>Most agile teams work in short, repeated cycles, often called sprints or iterations. A cycle usually lasts one to four weeks, and two weeks is common. In each cycle, the team picks a small amount of work, finishes it, shows it and reflects on how it went. Scrum is one popular way of organizing this, but many teams mix and match practices. The essentials are described below.</p>",
                    ),
                    ("heading", {"text": "The backlog", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>The backlog is a single, ordered list of everything the team might work on. The most important and best-understood items sit at the top. One person, often called the product owner, is responsible for keeping it in order, based on value to residents, staff and the City. Having one person decide the order stops the team from being pulled in five directions by different managers.</p>",
                    ),
                    ("heading", {"text": "User stories", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Items in the backlog are often written as short user stories that keep the focus on people's needs:</p><p><em>As a restaurant owner renewing my patio permit, I want last year's details filled in for me, so that I can renew in a few minutes.</em></p><p>Each story needs acceptance criteria: how the team will know it is done. For example: “Last year's patio size and location appear on the renewal form. The owner can edit them. Any changes are flagged for staff review.”</p>",
                    ),
                    ("heading", {"text": "The rhythm of a cycle", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li><strong>Planning:</strong> at the start, the team chooses items from the top of the backlog that it can realistically finish in the cycle.</li><li><strong>Daily stand-up:</strong> a short meeting of 15 minutes or less where team members share what they are working on and anything blocking them. It is for coordination, not status reporting to a manager.</li><li><strong>Review or demo:</strong> at the end, the team shows working results to stakeholders and gathers feedback. Show the real thing, not slides.</li><li><strong>Retrospective:</strong> the team talks about what went well, what did not and one or two things to try differently next time.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Make the work visible",
                            "text": "<p>A simple board with columns such as “To do”, “In progress” and “Done”, on a wall or in an online tool, lets anyone see the state of the work at a glance. Limit how many items can be in progress at once. Finishing things is more valuable than starting many.</p>",
                        },
                    ),
                    ("heading", {"text": "Agree on what “done” means", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Agree as a team on a definition of done. For a digital service, done might include: tested with users, meets accessibility standards, security reviewed, written in plain language, and 311 help materials updated. A clear definition stops half-finished work from piling up and surprising everyone at launch.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Work in short, repeated cycles of planning, doing, reviewing and reflecting.",
                            "Keep one ordered backlog, with one person responsible for the order.",
                            "Write user stories about people's needs, with clear acceptance criteria.",
                            "Stand-ups are for coordination, reviews show real work and retrospectives improve how the team works.",
                            "A shared definition of done prevents half-finished work.",
                        ],
                    ),
                ],
            },
            {
                "slug": "delivering-value-early",
                "title": "Delivering value early",
                "minutes": 12,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>One of agile's biggest ideas is to release something useful as early as possible, then build on it. This is often called a minimum viable product: the smallest version that solves a real problem for real users and lets you learn. In public services, some people prefer the term “minimum viable service”, because the goal is a working service, not just software.</p>",
                    ),
                    ("heading", {"text": "Slicing work the right way", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Imagine building a new online service for residents to report and track potholes. There are two ways to divide up the work:</p><ul><li><strong>Slicing by layer:</strong> build the whole database first, then all the staff screens, then the whole public website. Nothing is usable until all three are done.</li><li><strong>Slicing by value:</strong> build a thin version from end to end. A resident can report a pothole with a map pin and a photo, the report reaches the roads crew's queue, and the resident gets a confirmation. Then add tracking, then notifications, then other issue types.</li></ul><p>The second approach puts something real in front of users within weeks and tests every part of the system early.</p>",
                    ),
                    ("heading", {"text": "Stages of a new service", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Many governments release new services in stages:</p><ul><li><strong>Discovery:</strong> research the problem and the users before deciding what to build.</li><li><strong>Alpha:</strong> try out different ideas with prototypes to find the best approach.</li><li><strong>Beta:</strong> build a real, working service and open it to a limited group, while the old way stays available.</li><li><strong>Live:</strong> the service is fully launched and keeps improving.</li></ul><p>At each stage, the team decides whether to continue, change direction or stop. Stopping a project that is not working is a good outcome, because it saves public money.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Minimum does not mean low quality",
                            "text": "<p>An early release can have fewer features, but what it does must be secure, accessible, private and reliable. Residents should never be unknowing testers of something unsafe or broken. Keep a fallback, such as phone or counter service, while a service is in beta.</p>",
                        },
                    ),
                    ("heading", {"text": "Measuring value", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Decide early how you will know the service is working. Useful measures include how many people finish the task online without needing help, how long it takes, how many contact 311 for help, how often errors happen and how satisfied users are. Look at these measures after each release and use them to decide what to build next.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Release the smallest version that solves a real problem, then build on it.",
                            "Slice work by value, end to end, rather than by technical layer.",
                            "Discovery, alpha, beta and live stages each end with a decision to continue, change or stop.",
                            "Early releases must still be secure, accessible and reliable, with a fallback available.",
                            "Use measures from real use to decide what to build next.",
                        ],
                    ),
                ],
            },
            {
                "slug": "agile-with-public-accountability",
                "title": "Agile with public accountability",
                "minutes": 15,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>Public servants answer to Council, residents, auditors and the law. Some people worry that agile's flexibility clashes with these duties. In practice, agile done well can make accountability stronger, because progress is visible and problems come to light early. But teams do need to adapt how they plan, fund and report their work.</p>",
                    ),
                    ("heading", {"text": "Funding and planning", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Traditional budgets often pay for a fixed list of features with a fixed end date. Agile work fits better when funding is tied to an outcome and a team over a period of time, for example “reduce incomplete building permit applications by 30% this year”. Where a fixed-scope budget is required, break the project into phases with decision points, and be open about which features are firm and which depend on what the team learns.</p>",
                    ),
                    ("heading", {"text": "Procurement", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Buying technology in an agile way can mean smaller contracts, buying in stages, or asking vendors to work in short cycles and show working software regularly. Involve your purchasing team early. They can explain which options the City's purchasing rules allow. Never work around procurement rules to move faster. The rules exist to make sure spending is fair, open and good value.</p>",
                    ),
                    ("heading", {"text": "Governance and reporting", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li>Replace long status reports with regular demos that decision-makers can attend.</li><li>Report on outcomes, such as the share of residents who complete a permit application online, as well as spending and milestones.</li><li>Keep a short decision log: what was decided, when, why and by whom.</li><li>Raise risks early and openly. A problem reported in week three is much cheaper to fix than one found at launch.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "title": "Documentation still matters",
                            "text": "<p>Agile teams value working services over piles of documents. But records of decisions, user research findings, privacy assessments, security reviews and accessibility testing are still required. Keep them short and current, and store them in official City records systems so the work can be audited and handed over.</p>",
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "Working with people who are new to agile",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        "<p>Managers, Council members and partner departments may expect a detailed plan and a fixed launch date. Explain the approach in plain terms: “We will show you something working every two weeks, and you can help decide what comes next.” Invite them to demos and share the backlog. Over time, seeing real progress builds more trust than any plan on paper.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Agile can strengthen accountability by making progress and problems visible early.",
                            "Tie funding to outcomes where possible, or use phases with decision points.",
                            "Involve purchasing early and never work around procurement rules.",
                            "Use demos, outcome measures and a decision log for reporting.",
                            "Keep required records short, current and in official systems.",
                        ],
                    ),
                ],
            },
            {
                "slug": "going-further-agile-beyond-it",
                "title": "Going further: agile beyond IT",
                "minutes": 8,
                "required": False,
                "body": [
                    (
                        "paragraph",
                        "<p>Agile ideas are not only for software teams. Many non-technical teams in cities use them to manage busy, changing workloads and to try out new ways of working with less risk.</p>",
                    ),
                    ("heading", {"text": "Examples from city work", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li>A <strong>by-law enforcement team</strong> tracks its cases on a shared board sorted by priority, and holds a 10-minute huddle each morning to spot stuck files and share the load.</li><li>A <strong>communications team</strong> announcing a new transit route releases information in stages, first a simple map and then detailed schedules, and adjusts its messages based on the questions coming in to 311.</li><li>A <strong>parks team</strong> testing a new way to book picnic shelters runs it at two parks for one month, gathers feedback from staff and residents, and improves it before rolling it out city-wide.</li><li>A <strong>policy team</strong> drafting a new by-law shares early drafts with the staff who will enforce it, instead of waiting until the final version.</li></ul>",
                    ),
                    ("heading", {"text": "Practices any team can try", "size": "h2"}),
                    (
                        "paragraph",
                        "<ol><li>Make your team's work visible on a simple board.</li><li>Hold a short daily or weekly check-in focused on what is stuck.</li><li>Limit how much work is in progress at once.</li><li>End each month with a 30-minute retrospective: what should we keep, stop and start doing?</li><li>Try changes as small pilots before rolling them out everywhere.</li></ol>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Start small",
                            "text": "<p>You do not need a big program to try one of these practices. With your supervisor's support, pick one, try it for a month, then talk as a team about whether it helped. Keep what works and drop what does not. That is agile thinking in action.</p>",
                        },
                    ),
                    (
                        "takeaways",
                        [
                            "Agile practices work for non-technical teams too.",
                            "Visible work, short check-ins and limits on work in progress help any busy team.",
                            "Small pilots let you test a new way of working before rolling it out.",
                            "Regular retrospectives help a team keep improving.",
                        ],
                    ),
                ],
            },
            {
                "slug": "check-your-knowledge-agile",
                "title": "Check your knowledge",
                "minutes": 10,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>This knowledge check looks at how you would apply agile ideas on a real city project: planning a first release, running team routines, writing user stories and staying accountable to decision-makers.</p><p>Each attempt draws six questions from a larger set. You need 70% to pass, and you can try up to three times.</p>",
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 4. Cybersecurity essentials
    # ------------------------------------------------------------------
    {
        "slug": "cybersecurity-essentials",
        "title": "Cybersecurity essentials for city staff",
        "summary": "Protect residents, co-workers and city services from cyber attacks. Spot phishing, secure your accounts and devices, and know exactly what to do when something goes wrong.",
        "description": "<p>Cities run essential services and hold a great deal of personal information, which makes them attractive targets for cyber criminals. Most attacks begin with an ordinary moment: an email that looks real, a reused password or a lost phone. That means every staff member, at a desk, in a truck or at a counter, has a part to play in keeping the City safe.</p><p>This course covers the habits that stop the most common attacks. It is required for all staff who use City systems, and you will be asked to complete it every year so your knowledge stays current as threats change.</p>",
        "level": "introductory",
        "duration_minutes": 70,
        "topics": ["cybersecurity", "privacy"],
        "audience": "Everyone who uses a City account, computer, phone or tablet, including part-time, seasonal and contract staff.",
        "outcomes": [
            "Explain why cities are targets and how everyday actions protect them",
            "Recognize phishing and other tricks, and verify requests safely",
            "Use strong passphrases and multi-factor authentication correctly",
            "Protect devices and information in the office, at home and in the field",
            "Report a security incident quickly and correctly",
        ],
        "validity_months": 12,
        "prerequisites": [],
        "modules": [
            {
                "slug": "why-security-is-everyones-job",
                "title": "Why security is everyone's job",
                "minutes": 10,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>A city runs services that people depend on every day: clean water, transit, payroll, property tax, recreation and 311. More and more of these rely on computer systems. When a cyber attack shuts those systems down, the impact is real. Residents cannot pay bills or book programs, staff cannot reach their files, and some services may have to fall back on paper for weeks.</p><p>Municipalities in Canada and around the world have been hit by ransomware, a type of attack that locks up systems and data and demands payment. Most of these attacks did not start with a genius hacker breaking through a firewall. They started with an ordinary person clicking a link, opening an attachment or reusing a password.</p>",
                    ),
                    ("heading", {"text": "Why attackers target cities", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li>Cities hold a lot of personal information: names, addresses, payment details, and sometimes health or social services records.</li><li>Cities run essential services, so attackers hope we will pay quickly to get systems back.</li><li>Cities have many staff, contractors and devices, which means many doors an attacker can try.</li><li>Much city information is public. Attackers can easily learn staff names, job titles and how departments work, and use them to make fake messages look real.</li></ul>",
                    ),
                    ("heading", {"text": "You are part of the defence", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>The City's IT team runs firewalls, antivirus software, backups and monitoring. But technology cannot stop every threat. Attackers know it is often easier to trick a person than to break into a system. That makes every staff member part of the City's defence.</p><p>The good news is that a few habits block most common attacks:</p><ol><li>Pause before you click or act on an unexpected message.</li><li>Use strong, unique passphrases and multi-factor authentication.</li><li>Keep devices locked, updated and with you.</li><li>Handle information according to how sensitive it is.</li><li>Report anything suspicious quickly, even if you think you made a mistake.</li></ol><p>The rest of this course covers each of these habits.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "title": "Why you take this course every year",
                            "text": "<p>Attackers change their methods constantly. Completing this course every 12 months keeps your knowledge fresh and helps you recognize the newer tricks that cities are seeing.</p>",
                        },
                    ),
                    (
                        "takeaways",
                        [
                            "Cyber attacks on cities disrupt real services that residents depend on.",
                            "Most attacks start with an everyday action, such as a click or a reused password.",
                            "Technology cannot stop every threat, so every staff member is part of the defence.",
                            "A few simple habits block most common attacks.",
                        ],
                    ),
                ],
            },
            {
                "slug": "spotting-phishing",
                "title": "Spotting phishing and other tricks",
                "minutes": 15,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>Phishing is a message that pretends to come from someone you trust, to trick you into clicking a link, opening a file, sharing information or sending money. It is the most common way attacks begin. Phishing can arrive by email, by text message, by phone call, or through messaging apps and social media.</p>",
                    ),
                    ("heading", {"text": "Warning signs", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li><strong>Urgency or pressure:</strong> “Your account will be locked in one hour.” “I need this done before the Council meeting.”</li><li><strong>An unusual request:</strong> buy gift cards, change a vendor's banking details, share a password or approve an unexpected payment.</li><li><strong>A sender that does not quite match:</strong> the display name of a City director with an outside email address, or a web address with one letter changed.</li><li><strong>Links that go somewhere unexpected:</strong> hover over a link, or press and hold it on a phone, to see the real address before you click.</li><li><strong>Unexpected attachments</strong>, especially invoices, “scanned documents” or files that ask you to enable content.</li><li><strong>A login page you reached from a link</strong> that asks for your City password.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Phishing is getting harder to spot",
                            "text": "<p>Attackers now use tools that write convincing messages without spelling mistakes, and they can copy the style of real City emails. Some use details from public Council reports or social media to sound believable. Do not rely on bad grammar to spot a fake. Focus on what the message is asking you to do.</p>",
                        },
                    ),
                    ("heading", {"text": "A city example", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>A clerk in Accounts Payable receives an email that seems to come from a regular paving contractor: “We have changed banks. Please update our deposit details before Friday's payment.” The logo and signature look right. This is a classic payment fraud. The right response is to check the request by calling the vendor at the phone number already on file, not the number in the email, and to follow the department's process for changing banking details.</p>",
                    ),
                    (
                        "heading",
                        {"text": "If a message seems suspicious", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<ol><li><strong>Do not click, reply, open attachments or call numbers in the message.</strong></li><li><strong>Check another way.</strong> Contact the person or organization using contact details you already know, such as the staff directory.</li><li><strong>Report it</strong> using your City's report button or process. Reports help IT warn others and block similar messages.</li><li><strong>Delete it</strong> once it is reported, if that is what your City's process says.</li></ol>",
                    ),
                    (
                        "faq",
                        [
                            {
                                "question": "What if I already clicked the link or opened the file?",
                                "answer": "<p>Report it to the IT service desk right away. Tell them what you clicked and whether you typed in any information. A quick report can stop an attack from spreading. The City would much rather hear about a mistake in minutes than discover it days later.</p>",
                            },
                            {
                                "question": "A resident emailed 311 with an attachment. Is that phishing?",
                                "answer": "<p>Not necessarily. Residents often send photos of potholes or damaged property. But be careful with unexpected file types, compressed files, or files that ask you to enable content. If something seems off, check with IT before opening it.</p>",
                            },
                        ],
                    ),
                    (
                        "takeaways",
                        [
                            "Phishing uses fake messages to get you to click, share, pay or log in.",
                            "Watch for pressure, unusual requests, mismatched senders and unexpected links or files.",
                            "Do not count on spelling mistakes to reveal a fake.",
                            "Check requests using contact details you already know, never those in the message.",
                            "Report suspicious messages, and report quickly if you clicked.",
                        ],
                    ),
                ],
            },
            {
                "slug": "passwords-and-mfa",
                "title": "Passphrases and multi-factor authentication",
                "minutes": 12,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>Your City account password protects more than your email. It may also unlock shared drives, HR and payroll information, and systems that hold residents' personal information. If an attacker gets it, they can act as you.</p>",
                    ),
                    ("heading", {"text": "Use passphrases", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Length matters more than complexity. A passphrase made of four or more random words, such as <em>maple copper lantern river</em> (do not use this one), is much harder to guess or crack than a short password like <em>Winter2024!</em>, and it is easier to remember. Avoid:</p><ul><li>names of family members, pets, sports teams or your street</li><li>seasons and years, which attackers try first</li><li>simple patterns such as <em>Password1</em> or <em>qwerty</em></li><li>anything you have posted on social media</li></ul>",
                    ),
                    (
                        "heading",
                        {"text": "Never reuse your City password", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<p>Websites are breached all the time, and stolen passwords are sold and tried on other sites. If you use the same password for a shopping site and your City account, a breach at the shopping site puts the City at risk. Use a different password for every account. A password manager approved by the City makes this easy: it creates and stores strong passwords, so you only need to remember one strong passphrase.</p>",
                    ),
                    ("heading", {"text": "Multi-factor authentication", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Multi-factor authentication, or MFA, asks for a second proof that it is really you, on top of your password. Usually this is a code or a prompt in an app on your phone. Even if an attacker steals your password, they cannot log in without that second factor. MFA stops most attempts to take over accounts with stolen passwords.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Only approve prompts you started",
                            "text": "<p>If you get an MFA prompt or code that you did not ask for, someone may have your password. Do not approve it, even if the prompts keep coming. Deny it, change your password and report it to the IT service desk. Never read an MFA code to anyone who calls you, even if they say they are from IT. The real IT team will never ask for it.</p>",
                        },
                    ),
                    ("heading", {"text": "Keep it to yourself", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Do not share your password with co-workers, even to help cover a shift. If someone needs access to a system or a shared mailbox, ask IT to set it up properly. Shared logins make it impossible to tell who did what. That matters for audits, for privacy investigations and for your own protection.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Use long passphrases made of several random words.",
                            "Never reuse your City password on any other account.",
                            "An approved password manager makes unique passwords easy.",
                            "Only approve MFA prompts you started, and never share MFA codes.",
                            "Never share your password, even with co-workers.",
                        ],
                    ),
                ],
            },
            {
                "slug": "protecting-devices-and-information",
                "title": "Protecting devices and information",
                "minutes": 12,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>City staff work in many places: offices, service counters, community centres, job sites, vehicles and sometimes at home. Each setting brings its own risks, but the goal is the same everywhere: keep City devices and information out of the wrong hands.</p>",
                    ),
                    ("heading", {"text": "Devices", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li><strong>Lock your screen</strong> whenever you step away, even for a minute. On a Windows computer, press the Windows key and L together.</li><li><strong>Install updates</strong> when prompted. Updates fix security holes that attackers actively use.</li><li><strong>Keep tablets and phones with you</strong> in the field. Never leave them in sight in a parked vehicle.</li><li><strong>Use only approved software and apps.</strong> Free tools and browser add-ons can collect data or carry malicious software.</li><li><strong>Do not plug in USB keys you do not recognize</strong>, and avoid charging City phones from public USB ports.</li></ul>",
                    ),
                    ("heading", {"text": "Networks", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Public Wi-Fi in coffee shops, libraries or transit stations may not be safe. When you work away from the office, connect through the City's VPN or another approved secure method, or use your City phone's hotspot if that is allowed. At home, make sure your router has a strong password and up-to-date software.</p>",
                    ),
                    ("heading", {"text": "Information", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Not all information needs the same protection. A recreation program guide is public. A resident's water account history, an employee's medical note, or a public health complaint with the complainant's name needs much more care. Follow your City's rules for classifying information, and when in doubt, treat it as sensitive.</p><ul><li>Store work files in approved City systems, not on personal devices or personal cloud accounts.</li><li>Double-check the recipients before you send an email, especially when the address fills in automatically.</li><li>Watch for people who can see your screen at a service counter or on transit.</li><li>Lock away paper files, and put sensitive paper in secure shredding bins.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Counters and front desks",
                            "text": "<p>At public counters, angle screens away from the line, and do not read personal details out loud where others can hear. If someone you do not recognize asks to “just use a computer for a minute”, or says they are a technician, check with your supervisor or IT first. Attackers sometimes show up in person.</p>",
                        },
                    ),
                    (
                        "takeaways",
                        [
                            "Lock your screen every time you step away, and install updates promptly.",
                            "Keep mobile devices with you, and use only approved software.",
                            "Use the VPN or another approved method on networks you do not control.",
                            "Protect information based on how sensitive it is, and check recipients before sending.",
                            "Be wary of strangers asking to use City equipment.",
                        ],
                    ),
                ],
            },
            {
                "slug": "reporting-security-incidents",
                "title": "What to do when something goes wrong",
                "minutes": 10,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>Even careful people make mistakes, and some attacks are very convincing. What matters most is what happens next. The faster a problem is reported, the more the IT security team can do to contain it. A password reset in the first ten minutes can stop an attacker. The same reset three days later may be too late.</p>",
                    ),
                    ("heading", {"text": "What to report", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li>A suspicious email, text or phone call, even if you did not fall for it</li><li>Clicking a link or opening an attachment that you now think was malicious</li><li>Typing your password into a page you are not sure about</li><li>MFA prompts you did not ask for</li><li>A lost or stolen laptop, phone, tablet or USB key</li><li>Sending information to the wrong person</li><li>Your computer suddenly acting strangely: files you cannot open, programs you did not install, ransom messages, or a mouse pointer moving on its own</li></ul>",
                    ),
                    ("heading", {"text": "How to report", "size": "h2"}),
                    (
                        "paragraph",
                        "<ol><li><strong>Contact the IT service desk right away.</strong> If your computer may be infected, phone instead of emailing.</li><li><strong>If you think there is malicious software, disconnect from the network.</strong> Unplug the network cable or turn off Wi-Fi, but leave the computer turned on unless IT tells you otherwise. Turning it off can erase clues that help IT understand what happened.</li><li><strong>Tell your supervisor.</strong></li><li><strong>Write down what happened</strong> while it is fresh: what you clicked or sent, when, and what you saw.</li><li><strong>If personal information may be involved</strong>, your supervisor or IT will bring in the privacy office. Do not try to handle it on your own.</li></ol>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "title": "Why blame-free reporting matters",
                            "text": "<p>People who fear blame tend to hide mistakes, which gives attackers more time. The City needs staff to report quickly and honestly. Reporting an incident you caused is the responsible thing to do, and it is how the whole organization learns and gets safer.</p>",
                        },
                    ),
                    ("heading", {"text": "During an outage", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>If a major incident takes systems offline, follow your department's business continuity plan. That might mean taking 311 requests on paper forms, using backup phone lines or pausing some services. Share information about the incident only through approved channels. Do not post about it on social media or guess about the cause with residents. Refer questions from the media and the public to Corporate Communications.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Report suspicious activity and mistakes right away: speed limits the damage.",
                            "Phone the IT service desk if your computer may be infected.",
                            "Disconnect a possibly infected computer from the network, but leave it turned on.",
                            "Write down what happened, and let your supervisor and IT involve the privacy office.",
                            "During an outage, follow your continuity plan and use approved channels only.",
                        ],
                    ),
                ],
            },
            {
                "slug": "check-your-knowledge-cybersecurity",
                "title": "Check your knowledge",
                "minutes": 10,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>This knowledge check presents everyday situations, like a suspicious email, an unexpected login prompt or a computer that starts acting strangely, and asks what you would do.</p><p>Each attempt draws six questions from a larger set, so you may see different questions if you try again. You need 80% to pass, and there is no limit on attempts. Passing renews your cybersecurity training for 12 months.</p>",
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 5. Responsible use of AI at work
    # ------------------------------------------------------------------
    {
        "slug": "responsible-ai",
        "title": "Responsible use of AI at work",
        "summary": "Understand what AI tools can and cannot do, use them safely with City information, and make sure AI supports fair, open decisions that residents can trust.",
        "description": "<p>Artificial intelligence tools can draft letters, summarize reports and sort large volumes of information in seconds. Used well, they can free up time for the work that needs a person. Used carelessly, they can leak personal information, produce confident mistakes, or treat some residents unfairly.</p><p>This course explains in plain language how AI tools work, where they help and where they do not. It covers safe everyday use, fairness and bias, human oversight and being open with the public. It builds on Working with data, which you should complete first. Always follow your City's current AI policy and list of approved tools, which this course supports but does not replace.</p>",
        "level": "intermediate",
        "duration_minutes": 74,
        "topics": ["artificial intelligence", "data", "privacy"],
        "audience": "Staff who use or are thinking about using AI tools in their work, and team leads and analysts who help decide whether AI fits a service.",
        "outcomes": [
            "Explain in plain terms how generative AI works and why it makes mistakes",
            "Use approved AI tools without exposing personal or confidential information",
            "Recognize how AI can produce unfair results, and what meaningful human review looks like",
            "Apply openness and accountability when AI plays a part in a service",
        ],
        "validity_months": None,
        "prerequisites": ["working-with-data"],
        "modules": [
            {
                "slug": "what-ai-is-and-isnt",
                "title": "What AI is, and what it is not",
                "minutes": 12,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>Artificial intelligence, or AI, is a broad term for computer systems that do tasks we usually link with human thinking, such as recognizing patterns, working with language or making predictions. AI is already part of everyday tools: spam filters, spell checkers, map apps that predict traffic, and phone menus that understand spoken requests.</p><p>In the last few years, <strong>generative AI</strong> tools have become widely available. These include chatbots that write text and tools that create images. They can draft an email, summarize a long report or suggest wording for a public notice in seconds. This has created real opportunities for public service, and real risks.</p>",
                    ),
                    (
                        "heading",
                        {
                            "text": "How generative AI works, in plain terms",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        "<p>A generative AI text tool has been trained on a huge amount of written text. It learns patterns in how words tend to follow one another. When you type a request, it produces the words most likely to form a good-sounding answer. It does not check facts the way a person checks a source, and it does not understand your situation the way a colleague would.</p><p>This is why these tools can produce answers that sound confident and polished but are wrong. This is often called a <strong>hallucination</strong>: the tool makes up a fact, a by-law number, a quote or a source that does not exist.</p>",
                    ),
                    (
                        "heading",
                        {
                            "text": "What AI is good at, and what it is not",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        "<ul><li><strong>Often helpful:</strong> first drafts, rewording text in plainer language, summarizing long documents you can check, brainstorming, explaining a spreadsheet formula, and sorting large volumes of text, such as survey comments, into themes.</li><li><strong>Risky or unsuitable:</strong> making decisions about individual residents or staff, giving legal or medical advice, stating facts you cannot check, and anything involving personal or confidential information in a tool that is not approved for it.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "title": "Other kinds of AI in cities",
                            "text": "<p>Not all AI is a chatbot. Cities also use or are exploring AI that predicts which water mains are most likely to break, counts cyclists and pedestrians from camera images, suggests how to route 311 requests, or flags restaurant inspections for follow-up. These systems raise similar questions about accuracy, fairness and openness.</p>",
                        },
                    ),
                    ("heading", {"text": "You are still responsible", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Think of an AI tool as a fast, eager assistant who has never worked at the City and sometimes makes things up. It can save you time, but you remain responsible for anything you send, publish or decide with its help. That principle runs through this whole course.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Generative AI produces likely-sounding text based on patterns; it does not check facts.",
                            "AI tools can “hallucinate”, confidently stating things that are false.",
                            "AI helps most with drafts, plain-language rewrites, summaries and brainstorming.",
                            "AI should not make decisions about individual people on its own.",
                            "You remain responsible for anything you produce with AI's help.",
                        ],
                    ),
                ],
            },
            {
                "slug": "using-ai-tools-safely",
                "title": "Using AI tools safely",
                "minutes": 15,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>Many cities now allow staff to use approved generative AI tools for certain tasks. Others restrict them while policies are developed. Always start by checking your City's current AI policy and list of approved tools. The guidance below describes good practice that applies almost everywhere.</p>",
                    ),
                    ("heading", {"text": "Use approved tools only", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Free public AI tools may store what you type, use it to train future versions, or keep it on servers outside Canada. An approved tool has been reviewed for security, privacy and where data is stored. Using an unapproved tool for City work, even “just to try it”, can expose information the City is responsible for protecting.</p>",
                    ),
                    ("heading", {"text": "Protect information", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Never enter the following into an AI tool unless it has been specifically approved for that type of information:</p><ul><li>residents' names, addresses, phone numbers, account numbers or case details</li><li>employee information, such as performance, health or pay</li><li>confidential material, such as Council reports before release, legal advice, bids from vendors or security details</li><li>passwords, network details or system settings</li></ul><p>If you want help with a task that involves personal information, remove the identifying details first or use made-up examples. For instance, instead of pasting a real resident's complaint, describe the situation in general terms.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Check everything before you use it",
                            "text": "<p>Treat AI output as a draft from someone who might be wrong. Check facts, figures, by-law references, dates and names against reliable sources. Read it for tone: is it respectful, accurate and in plain language? If you would not be comfortable defending it as your own work, do not send it.</p>",
                        },
                    ),
                    ("heading", {"text": "Good uses in city work", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li>A 311 team lead asks an approved tool to rewrite a knowledge-base article about garbage collection changes in plainer language, then checks every detail against the official schedule.</li><li>An analyst asks for help writing a spreadsheet formula to count snow-clearing requests by ward, then tests it on a small sample.</li><li>A recreation programmer brainstorms names and descriptions for a new youth program, then edits them.</li><li>A supervisor sorts anonymous survey comments into themes, then reads a sample of the original comments to make sure the summary is fair.</li></ul>",
                    ),
                    ("heading", {"text": "Be open about it", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Follow your City's rules on when to say that AI was used. As a general habit, tell your manager or colleagues when AI helped produce something important, especially anything published or used in a decision. Never present AI-generated images or text as real photos or real quotes.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Check your City's AI policy and use approved tools only.",
                            "Never put personal or confidential information into a tool not approved for it.",
                            "Remove identifying details or use made-up examples when you need help.",
                            "Check every fact, figure and reference before using AI output.",
                            "Be open about AI use in important work.",
                        ],
                    ),
                ],
            },
            {
                "slug": "fairness-bias-and-ai",
                "title": "Fairness, bias and people's rights",
                "minutes": 15,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>AI systems learn from data, and data reflects the past, including past unfairness and gaps. If an AI system learns from data that leaves out some groups, or that records biased decisions, it can repeat that bias quickly and at a large scale. In a city, that can mean some residents get slower service, more scrutiny or fewer benefits than others.</p>",
                    ),
                    ("heading", {"text": "How bias creeps in", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li><strong>Gaps in the data:</strong> a tool that ranks road repairs using 311 reports may send crews mostly to neighbourhoods where people report more often, not where roads are worst.</li><li><strong>Biased past decisions:</strong> a tool that learns from years of past inspection decisions may copy any unfair patterns in which properties were inspected.</li><li><strong>Stand-ins:</strong> even if a system does not use race, income or disability directly, details like postal code or language preference can act as stand-ins for them.</li><li><strong>Design choices:</strong> a voice system on a phone line may work poorly for some accents, or a chatbot may fail people who write in simple or non-standard English.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "title": "Fairness is a legal duty too",
                            "text": "<p>Cities must respect human rights and privacy law, and treat residents fairly and equally. Using a computer system does not change those duties. If a tool produces unfair results, the City is still responsible. It cannot hand that responsibility to a vendor or to the software.</p>",
                        },
                    ),
                    ("heading", {"text": "Keeping a human in the loop", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>For decisions that affect people's rights, money, services or safety, AI should support human judgment, not replace it. A “human in the loop” means a trained person reviews the AI's suggestion and makes the decision. For that review to mean something:</p><ul><li>The reviewer understands what the tool does and where it tends to go wrong.</li><li>The reviewer has the time and authority to disagree with the tool.</li><li>Disagreements are tracked, so patterns of error can be found and fixed.</li></ul><p>If staff simply approve every suggestion because they are too busy, the human in the loop exists only on paper. Trusting a machine more than we should is sometimes called automation bias, and everyone is prone to it.</p>",
                    ),
                    (
                        "heading",
                        {"text": "Questions to ask about any AI use", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<ol><li>Who could be harmed if this tool is wrong, and how badly?</li><li>Has it been tested to see how well it works for different groups of residents?</li><li>Can we explain to a resident how a decision about them was made?</li><li>Can people question or appeal the result, and reach a person?</li><li>Who is checking how it performs over time?</li></ol>",
                    ),
                    (
                        "takeaways",
                        [
                            "AI can repeat and spread unfairness found in its data.",
                            "Details like postal code can act as stand-ins for protected characteristics.",
                            "The City remains responsible for fair treatment, whatever tool it uses.",
                            "Human review only works if reviewers have the knowledge, time and authority to disagree.",
                            "Ask who could be harmed, and how people can question a result.",
                        ],
                    ),
                ],
            },
            {
                "slug": "being-open-about-ai",
                "title": "Being open and accountable about AI",
                "minutes": 12,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>Public trust depends on people understanding how their government makes decisions. When AI plays a part in a service, residents should be able to know that, and the City must be able to explain and stand behind the result.</p>",
                    ),
                    ("heading", {"text": "Openness in practice", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li><strong>Tell people when they are dealing with AI.</strong> If a chatbot answers questions on the City website, say clearly that it is an automated tool, and offer an easy way to reach a person.</li><li><strong>Explain decisions in plain language.</strong> If AI helped rank or flag a case, the resident should be able to get an understandable explanation of the main reasons.</li><li><strong>Label AI-generated content</strong> where your City's policy requires it, especially images and audio.</li><li><strong>Publish information</strong> about significant AI systems the City uses, where City policy calls for it.</li></ul>",
                    ),
                    ("heading", {"text": "Accountability", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Every AI system the City uses should have a named owner who is responsible for how it performs. Before a new AI tool is used in a service, expect reviews such as a privacy impact assessment, a security review and an assessment of the risks to residents. The higher the risk, the more testing, oversight and documentation are needed. A tool that drafts meeting notes needs less review than one that helps decide who gets a housing subsidy.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Keep a simple record",
                            "text": "<p>When AI helps produce something that matters, such as a report, a public notice or an analysis for a decision, keep a short record of which tool you used, what you asked and how you checked the result. It takes a minute and makes your work easier to review or defend later.</p>",
                        },
                    ),
                    (
                        "heading",
                        {"text": "Watching performance over time", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<p>AI systems can change in ways that are hard to notice. A vendor may update the tool. The world may change, so the patterns the tool learned no longer hold. For example, a model built before a new transit line opened may predict ridership poorly afterwards. System owners should check results regularly, watch for complaints and unusual patterns, and have a plan to pause or switch off a tool if it causes harm.</p>",
                    ),
                    ("heading", {"text": "Speaking up", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>If you see an AI tool producing results that seem wrong, unfair or unsafe, report it to your supervisor and the system owner. Front-line staff are often the first to notice that something is off. Your observation could prevent harm to many residents.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Tell people when they are dealing with AI, and offer a way to reach a person.",
                            "Residents should be able to get a plain-language explanation of AI-assisted decisions.",
                            "Every AI system needs a named owner, and review that matches its level of risk.",
                            "Keep a short record when AI helps with important work.",
                            "Report AI results that seem wrong, unfair or unsafe.",
                        ],
                    ),
                ],
            },
            {
                "slug": "going-further-assessing-an-ai-idea",
                "title": "Going further: assessing an AI idea",
                "minutes": 10,
                "required": False,
                "body": [
                    (
                        "paragraph",
                        "<p>You may be asked to help decide whether AI could improve a service, or you may have an idea of your own. This module gives you a simple way to think an idea through before it goes to the people who will formally review it.</p>",
                    ),
                    (
                        "heading",
                        {"text": "Start with the problem, not the tool", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<p>Describe the problem in plain terms first: “Inspectors spend hours each week writing similar follow-up letters,” or “311 agents struggle to find answers among 2,000 knowledge-base articles.” Then ask whether AI is the best fix. Sometimes a simpler change, such as a better template, clearer categories or removing a step, solves the problem more cheaply and with less risk.</p>",
                    ),
                    ("heading", {"text": "A quick assessment", "size": "h2"}),
                    (
                        "paragraph",
                        "<ol><li><strong>Benefit:</strong> what will be better, and for whom? How will we measure it?</li><li><strong>Data:</strong> what information would the tool need? Does it include personal information? Is the data accurate and complete enough?</li><li><strong>Impact if wrong:</strong> what happens when the tool makes a mistake? Is it a minor inconvenience, or could it affect someone's rights, money or safety?</li><li><strong>Human role:</strong> who checks the output, and do they have the time and knowledge to catch errors?</li><li><strong>People affected:</strong> have we talked to the residents and staff who would use it or be affected by it? Could it work worse for some groups?</li><li><strong>Exit plan:</strong> how would we pause or stop it, and what would we fall back on?</li></ol>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Pilot small",
                            "text": "<p>If an idea passes a first look, try it as a small, time-limited pilot with clear measures of success, for example one team, one task and three months. Compare the results with the current way of working.</p>",
                        },
                    ),
                    ("heading", {"text": "Example", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>A public health team wanted to use AI to draft inspection summary letters. Their assessment showed clear time savings, low risk as long as an inspector reviewed every draft, and no need to use personal information beyond what an approved tool could handle. They ran a three-month pilot with four inspectors, tracked time saved and errors caught, and asked restaurant owners whether the letters were clear. The results then went through the City's review process before any wider rollout.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Describe the problem before choosing AI as the solution.",
                            "Weigh benefit, data, impact if wrong, human role, people affected and an exit plan.",
                            "A simpler, non-AI fix is sometimes the better choice.",
                            "Test promising ideas as small, time-limited pilots with clear measures.",
                        ],
                    ),
                ],
            },
            {
                "slug": "check-your-knowledge-ai",
                "title": "Check your knowledge",
                "minutes": 10,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>This knowledge check asks how you would handle realistic situations involving AI at work, from protecting information in a chatbot to spotting unfair results and being open with residents.</p><p>You need 75% to pass, and you can try up to three times. Read each explanation carefully: the reasoning matters as much as the answer.</p>",
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 6. Leading and living through change
    # ------------------------------------------------------------------
    {
        "slug": "leading-through-change",
        "title": "Leading and living through change",
        "summary": "New systems, new processes, new ways of working: learn how people experience change, how to explain it well, and how to support your team and yourself along the way.",
        "description": "<p>Public service is always changing. New technology arrives, processes are redesigned, teams are reorganized and residents' expectations shift. Change can bring real improvements, but it is also hard, and how it is led and supported makes a big difference to whether it succeeds.</p><p>This course is for people leaders and for everyone else. Supervisors and team leads will find practical ways to explain change and support their teams through it. All staff will learn how to look after themselves, support co-workers and make their voice heard when things are changing around them.</p>",
        "level": "intermediate",
        "duration_minutes": 70,
        "topics": ["change management", "leadership"],
        "audience": "Supervisors, team leads and managers who lead change, and any staff member going through change at work.",
        "outcomes": [
            "Describe how people commonly experience change at work",
            "Explain a change clearly, starting with why it is happening",
            "Support a team through the dip in confidence and productivity that change brings",
            "Look after your own well-being and support co-workers during change",
        ],
        "validity_months": None,
        "prerequisites": [],
        "modules": [
            {
                "slug": "how-people-experience-change",
                "title": "How people experience change",
                "minutes": 12,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>New technology, new processes, reorganizations, new leaders, new service standards: change is constant in public service. Whether you lead a team or are part of one, understanding how people experience change makes it easier to get through, and to bring others with you.</p>",
                    ),
                    ("heading", {"text": "Change is personal", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>A new system might look like a simple upgrade on a project plan. For the people using it, it can mean losing skills they took years to master, uncertainty about their role, extra work during the switch, and worry about making mistakes in front of residents. A 311 agent who could handle any call in the old system may suddenly feel like a beginner again.</p><p>It is normal for people to feel a mix of things: curiosity, relief, frustration, anxiety, even a sense of loss for the old way. These reactions are not signs of weakness or a bad attitude. They are what happens when something familiar ends.</p>",
                    ),
                    ("heading", {"text": "A common pattern", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Many people go through something like three phases, though rarely in a neat order:</p><ol><li><strong>Letting go:</strong> the old way is ending. People often focus on what they are losing.</li><li><strong>The messy middle:</strong> the old way is gone, but the new way does not feel normal yet. Productivity often dips, mistakes rise and people feel unsettled. This is also when fresh ideas can appear.</li><li><strong>Settling in:</strong> the new way starts to feel routine. People build confidence and find new ways to do good work.</li></ol><p>People move through these phases at different speeds. Leaders, who often heard about a change months earlier, may already be settling in while their teams are just starting to let go.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "title": "Pushback is information",
                            "text": "<p>When people push back on a change, they are often pointing to a real problem: a step that does not work in the field, a gap in training, or extra workload nobody planned for. Listen before you label it as resistance.</p>",
                        },
                    ),
                    (
                        "heading",
                        {"text": "What helps people through change", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<ul><li>Understanding why the change is happening</li><li>Knowing what will stay the same, not just what is changing</li><li>Time and support to learn, including permission to be slower at first</li><li>A say in how the change is carried out in their own work</li><li>Seeing leaders be honest about what they know and do not know</li></ul>",
                    ),
                    (
                        "takeaways",
                        [
                            "Change is personal and can bring loss, uncertainty and extra work.",
                            "Mixed emotions during change are normal, not a sign of a bad attitude.",
                            "Expect a messy middle where confidence and productivity dip.",
                            "People, including leaders, move through change at different speeds.",
                            "Pushback often points to real problems worth fixing.",
                        ],
                    ),
                ],
            },
            {
                "slug": "explaining-the-why",
                "title": "Explaining the why",
                "minutes": 12,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>People are much more willing to put effort into a change when they understand why it matters. Yet many change announcements focus on dates, features and logistics, and barely mention the reason. Whether you are a manager announcing a change or a team member explaining it to residents or co-workers, start with the why.</p>",
                    ),
                    ("heading", {"text": "A simple structure", "size": "h2"}),
                    (
                        "paragraph",
                        "<ol><li><strong>Why:</strong> what problem are we solving, and for whom? “Residents cannot check the status of their requests, so they call 311 again and again.”</li><li><strong>What:</strong> what is changing, and what is staying the same? “We are moving to a new case system. The call types and your team stay the same.”</li><li><strong>How it affects you:</strong> what will people need to do differently, and what support will they get? “Everyone gets four hours of hands-on training before launch, and extra help on the floor for the first two weeks.”</li><li><strong>When:</strong> the key dates, and what happens at each one.</li><li><strong>Where to go with questions:</strong> a named person or channel.</li></ol>",
                    ),
                    (
                        "heading",
                        {"text": "Be honest about the hard parts", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<p>People can tell when they are being sold something. If the first weeks will be bumpy, say so. If some details are not decided yet, say that too, and say when you expect to know. “I don't know yet, but I'll find out and get back to you by Friday” builds more trust than a confident guess that turns out to be wrong.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Say it more than once",
                            "text": "<p>People need to hear important messages several times, in different ways, before they sink in. Use team meetings, short emails, one-on-one conversations and shift huddles. Ask people to explain the change back in their own words. It shows you what has landed and what has not.</p>",
                        },
                    ),
                    ("heading", {"text": "Two-way, not one-way", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Communicating about change is not only about telling. Create real chances for people to ask questions and raise concerns, and then show what you did with them. Front-line staff often spot practical problems that planners missed. When a concern leads to a fix, tell people: “Several of you said the new form doesn't work on tablets in the field. We've asked the vendor to fix that before launch.” This shows that speaking up makes a difference.</p>",
                    ),
                    (
                        "heading",
                        {"text": "Explaining change to residents", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<p>Residents are affected by change too: a new online portal, new snow-clearing priorities or a different garbage schedule. Use plain language, focus on what they need to do and when, and give them a way to get help. Front-line staff should hear the key messages before residents do, so they are never caught off guard by a question about a change they have not heard of.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Start with why the change is happening, then what, how, when and where to ask.",
                            "Say what is staying the same as well as what is changing.",
                            "Be honest about uncertainty and bumpy periods.",
                            "Repeat key messages in different ways, and check what has landed.",
                            "Make it two-way: act on concerns and show people what changed because of them.",
                        ],
                    ),
                ],
            },
            {
                "slug": "supporting-your-team-through-change",
                "title": "Supporting your team through change",
                "minutes": 15,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>This lesson is written mainly for supervisors and team leads, but much of it applies to anyone who supports co-workers. During change, the people closest to a team have the biggest effect on how it goes, often more than senior leaders.</p>",
                    ),
                    (
                        "heading",
                        {"text": "Understand the impact on each person", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<p>The same change affects people differently. A new mobile inspection app may delight one inspector and stress out another who has used paper forms for 25 years, or the other way around. Have short one-on-one conversations and ask:</p><ul><li>What do you think this change will mean for your day-to-day work?</li><li>What worries you about it?</li><li>What would help you feel ready?</li></ul><p>Listen more than you talk. You will not be able to solve everything, but people who feel heard cope better.</p>",
                    ),
                    ("heading", {"text": "Make room to learn", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li>Protect time for training. Asking people to learn a new system while keeping the same call targets sends a clear message that learning does not matter.</li><li>Expect a temporary dip in productivity and plan for it, for example by adjusting targets, scheduling extra staff for the first weeks or pausing non-urgent projects.</li><li>Find “change champions”: team members who pick up the new way quickly and are willing to help others. Give them time to do it.</li><li>Make it safe to make mistakes while learning, and to ask basic questions.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Watch the workload",
                            "text": "<p>Change often adds work on top of normal duties: training, testing, and running old and new systems side by side. If the extra load is not recognized and managed, people burn out and the change gets the blame. Be honest with your own manager about what your team can realistically take on.</p>",
                        },
                    ),
                    ("heading", {"text": "Involve people in the how", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Leaders often cannot change <em>whether</em> a change happens, but teams can often shape <em>how</em> it happens in their area. Ask your team to help design the details: how to schedule training around shifts, how to handle the first busy Monday, and which quick-reference guides would help. People support what they help build.</p>",
                    ),
                    ("heading", {"text": "Notice and respond", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Watch for signs that someone is struggling, such as withdrawing, irritability, more sick days or a drop in the quality of their work. Check in privately and kindly, and remind people about the employee assistance program and other supports. Recognize effort and progress along the way, not just the final result. “Our first week on the new system was hard, and we still answered every call on a snow day” is worth saying out loud.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Ask each person how the change affects them, and listen.",
                            "Protect time to learn and plan for a temporary dip in productivity.",
                            "Use change champions, and give them time to help others.",
                            "Manage the extra workload that change brings, and be honest about limits.",
                            "Involve the team in how the change happens, and recognize progress along the way.",
                        ],
                    ),
                ],
            },
            {
                "slug": "looking-after-yourself-during-change",
                "title": "Looking after yourself during change",
                "minutes": 10,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>Whatever your role, you go through change yourself. Leaders are expected to support others while dealing with their own uncertainty. Front-line staff are asked to learn new tools while residents keep calling. Taking care of yourself is not selfish. It is what lets you keep doing good work.</p>",
                    ),
                    (
                        "heading",
                        {"text": "Focus on what you can control", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<p>During change, much is outside your control: the timeline, the budget and decisions made above you. Spending your energy on those can leave you drained. Try sorting your worries into three groups:</p><ul><li><strong>What I control:</strong> how I prepare, how I ask for help, how I treat others</li><li><strong>What I can influence:</strong> giving feedback on the new process, suggesting training ideas</li><li><strong>What I cannot control:</strong> the launch date, the choice of system</li></ul><p>Put your effort into the first two groups.</p>",
                    ),
                    ("heading", {"text": "Practical habits", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li><strong>Ask questions early.</strong> Confusion grows when it is left alone, and others probably share your question.</li><li><strong>Learn in small bites.</strong> Practise a new system for 15 minutes a day rather than cramming.</li><li><strong>Keep your routines</strong> where you can: breaks, sleep, physical activity and time with people who matter to you.</li><li><strong>Talk about it</strong> with co-workers, a mentor or friends. Venting a little is healthy; getting stuck in constant complaint is not.</li><li><strong>Notice your wins.</strong> The first time you finish a task in the new system without checking the guide is worth celebrating.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "title": "Support is available",
                            "text": "<p>If stress is affecting your sleep, your health or your life outside work, reach out. Most public sector employers offer a confidential employee assistance program with counselling and other supports. Talking to your supervisor, or to a union or association representative, can also help, especially with workload.</p>",
                        },
                    ),
                    ("heading", {"text": "Being a good colleague", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>You do not need a title to help others through change. Share a shortcut you discovered. Offer to sit with someone who is struggling. Avoid spreading rumours: if you hear something worrying, ask someone who knows. Small acts of support make a big difference to how a team gets through a hard stretch.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Put your energy into what you can control or influence.",
                            "Ask questions early and learn a little at a time.",
                            "Protect your routines, and talk things through with others.",
                            "Use confidential supports such as the employee assistance program when you need them.",
                            "Anyone can help co-workers through change.",
                        ],
                    ),
                ],
            },
            {
                "slug": "going-further-making-change-last",
                "title": "Going further: making change last",
                "minutes": 10,
                "required": False,
                "body": [
                    (
                        "paragraph",
                        "<p>Launch day is not the end of a change. Many changes look successful at launch and then quietly slide back. Staff return to old spreadsheets, workarounds multiply, and the new system becomes “the thing we update at the end of the day”. Making change last takes attention for months afterwards.</p>",
                    ),
                    ("heading", {"text": "Signs a change is slipping", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li>People keep their own side records because they do not trust the new system.</li><li>New staff are taught the old way by their peers.</li><li>Managers stop asking about the new process or its measures.</li><li>The same complaints come up at every meeting, with no response.</li></ul>",
                    ),
                    ("heading", {"text": "What leaders can do", "size": "h2"}),
                    (
                        "paragraph",
                        "<ol><li><strong>Keep measuring and sharing results.</strong> Show the team what has improved, such as fewer repeat calls or faster permits, and be honest about what has not.</li><li><strong>Fix the rough edges.</strong> Collect the problems people raise and fix the most common ones quickly. Nothing kills support faster than known problems that never get fixed.</li><li><strong>Update the supporting pieces.</strong> Job descriptions, onboarding, procedures, performance measures and forms should all reflect the new way. If they still describe the old way, people will drift back to it.</li><li><strong>Retire the old way.</strong> Where possible, switch off old systems and remove old forms once the new ones are stable, with plenty of notice.</li><li><strong>Recognize people.</strong> Thank those who helped, and share stories of the change making a real difference for residents.</li></ol>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Hold a look-back",
                            "text": "<p>Three to six months after a major change, bring the team together to discuss what worked, what you would do differently and what still needs fixing. Share the lessons with the next team that goes through a similar change.</p>",
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "Building a team that handles change well",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        "<p>Teams that have been through change together, and were treated well, handle the next change better. Trust is built through honesty, involvement and follow-through. Each change you lead well makes the next one easier.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Changes can slide back after launch without ongoing attention.",
                            "Watch for side records, old-way training and unanswered complaints.",
                            "Keep measuring, fix rough edges and update procedures and onboarding.",
                            "Retire the old way once the new one is stable.",
                            "Hold a look-back and share what you learned.",
                        ],
                    ),
                ],
            },
            {
                "slug": "check-your-knowledge-change",
                "title": "Check your knowledge",
                "minutes": 10,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>This knowledge check asks how you would respond to common moments during a change at work, whether you lead a team or are part of one.</p><p>You need 70% to pass, and you can try as many times as you like. There is often more than one reasonable response in real life, so read the explanations to understand why one answer is the strongest.</p>",
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 7. Accessible customer service
    # ------------------------------------------------------------------
    {
        "slug": "accessible-customer-service",
        "title": "Accessible customer service",
        "summary": "Serve every resident with dignity and respect. Learn your responsibilities under Ontario's accessibility law and practical ways to welcome and communicate with people with disabilities.",
        "description": "<p>Many residents who use city services have a disability, and many of those disabilities cannot be seen. Accessible customer service means making sure people with disabilities can use our services with the same dignity, independence and quality as everyone else.</p><p>Ontario's Accessibility for Ontarians with Disabilities Act (AODA) requires public sector organizations to train their staff and volunteers on accessible customer service. This course explains what the law expects of the City and of you, in plain language, and gives you practical tips you can use at the counter, on the phone, in the field and online. You will be asked to complete it every two years.</p>",
        "level": "introductory",
        "duration_minutes": 60,
        "topics": ["accessibility", "customer service"],
        "audience": "All City employees and volunteers, and anyone who serves the public or helps set City policies and practices.",
        "outcomes": [
            "Describe the City's customer service duties under the AODA",
            "Communicate in ways that take a person's disability into account",
            "Welcome service animals, support persons and assistive devices",
            "Give proper notice of service disruptions and handle accessibility feedback",
        ],
        "validity_months": 24,
        "prerequisites": [],
        "modules": [
            {
                "slug": "accessibility-and-your-responsibilities",
                "title": "Accessibility and your responsibilities",
                "minutes": 12,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>About one in four Canadians aged 15 and older has a disability. Some disabilities are visible, such as using a wheelchair or a white cane. Many are not: hearing loss, low vision, chronic pain, mental health conditions, learning disabilities, autism or a brain injury. Disabilities can be permanent or temporary, and some come and go. Anyone can become disabled at any point in life.</p><p>Accessible customer service means making sure people with disabilities can use City services with the same dignity, independence and quality as everyone else. It is about how we communicate, how we welcome people and the tools and help they bring with them, and how we respond when something is not working.</p>",
                    ),
                    ("heading", {"text": "The law in Ontario", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Ontario's <strong>Accessibility for Ontarians with Disabilities Act</strong> (AODA) sets accessibility requirements for organizations in the province, including municipalities. Its customer service requirements cover everyone who deals with the public on the City's behalf, and everyone who helps develop City policies and practices. In plain terms, the City must:</p><ul><li>have policies on how it provides services to people with disabilities, and follow them</li><li>communicate with people in ways that take their disability into account</li><li>welcome people with their service animals and support persons, and let people use their own assistive devices</li><li>let the public know when facilities or services that people with disabilities rely on are temporarily unavailable</li><li>have a way for people to give feedback about how services are provided to people with disabilities, and respond to it</li><li>train staff and volunteers on accessible customer service, and keep records of that training</li><li>make documents about these policies available, in an accessible format when someone asks</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "title": "Part of a bigger commitment",
                            "text": "<p>The AODA works alongside human rights law, which protects people with disabilities from discrimination and requires the City to accommodate their needs. Meeting the customer service requirements is the starting point, not the finish line.</p>",
                        },
                    ),
                    ("heading", {"text": "A guiding principle", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Focus on the person, not the disability. Ask, “How can I help?” rather than assuming what someone needs. Most of the time, accessible service is simply good service: patience, clear communication, flexibility and respect. You do not need to know a person's diagnosis to serve them well, and you should not ask about it.</p><p>If you are unsure what to do, ask the person, and ask your supervisor about the City's accessibility policies and supports.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Many disabilities cannot be seen, and anyone can become disabled.",
                            "The AODA sets customer service duties for the City and everyone who serves the public for it.",
                            "Those duties cover communication, service animals, support persons, assistive devices, disruptions, feedback and training.",
                            "Focus on the person: ask how you can help, and never ask about a diagnosis.",
                        ],
                    ),
                ],
            },
            {
                "slug": "communicating-with-everyone",
                "title": "Communicating in ways that work for everyone",
                "minutes": 15,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>Good communication looks different for different people. The City must communicate with people in a way that takes their disability into account. In practice, that means being flexible, asking what works and offering different ways to give and receive information.</p>",
                    ),
                    ("heading", {"text": "General tips", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li>Speak directly to the person, not to their support person, interpreter or companion.</li><li>Ask before you help. If the person accepts, ask how you can help best.</li><li>Be patient. Some people need more time to speak, understand or respond. Do not finish their sentences.</li><li>Use plain language and check understanding. Ask “Does that make sense?” or offer to explain another way.</li><li>If you do not understand someone, say so politely and ask them to repeat or try another way. Do not pretend to understand.</li><li>Use respectful language, and follow the person's lead in how they describe themselves. Avoid outdated terms such as “handicapped” or “confined to a wheelchair”.</li></ul>",
                    ),
                    ("heading", {"text": "Tips for specific situations", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li><strong>People who are blind or have low vision:</strong> say who you are when you approach. Offer to read written information aloud or to describe the surroundings. If you guide someone, offer your arm rather than pulling them, and tell them when you are leaving.</li><li><strong>People who are Deaf or hard of hearing:</strong> get their attention first, face them and keep your mouth visible. Reduce background noise if you can, and offer to write things down. On the phone, be ready for calls made through a relay service.</li><li><strong>People with speech disabilities:</strong> give them time. Ask questions that can be answered with yes or no when that helps. Do not assume that a speech disability means an intellectual disability.</li><li><strong>People with intellectual or developmental disabilities:</strong> use clear, simple language, give one piece of information at a time and confirm understanding. Treat adults as adults.</li><li><strong>People with mental health disabilities:</strong> stay calm and respectful. If someone seems distressed, listen, give them space and focus on what you can do to help with their request.</li><li><strong>People who use mobility devices:</strong> do not touch or move a wheelchair, walker or cane without permission. For longer conversations, sit so you are at eye level.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "On the phone and in writing",
                            "text": "<p>For 311 and other phone services, speak clearly at a normal pace, and be patient with relay calls, which take longer. For written information, offer other formats when asked, such as large print, an accessible electronic document, or going over a letter by phone. Work with your supervisor to arrange formats you cannot produce yourself.</p>",
                        },
                    ),
                    ("heading", {"text": "When you are not sure", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>You will not always know the right thing to do, and that is okay. Ask the person what works best for them, listen, and follow their lead. People with disabilities are the experts on their own needs.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Speak directly to the person, and ask before helping.",
                            "Be patient, use plain language and check understanding.",
                            "Adapt to the person: read aloud, write things down, give time, sit at eye level.",
                            "Offer information in other formats when asked.",
                            "When unsure, ask the person what works best for them.",
                        ],
                    ),
                ],
            },
            {
                "slug": "service-animals-and-support-persons",
                "title": "Service animals, support persons and assistive devices",
                "minutes": 12,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>Many people with disabilities rely on an assistive device, a service animal or a support person to get around, communicate and live independently. The City must welcome all three in the parts of its facilities that are open to the public.</p>",
                    ),
                    ("heading", {"text": "Assistive devices", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>An assistive device is any tool that helps a person with daily living, such as a wheelchair, walker, hearing aid, communication board, magnifier, oxygen tank or screen reader. People may use their own devices when they use City services. If the City offers devices on site, such as a portable hearing loop at a service counter or a pool lift at an aquatic centre, know where they are, how they work and how to report one that is broken.</p>",
                    ),
                    ("heading", {"text": "Service animals", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>A service animal helps a person with a disability. Dogs are the most common, but not the only kind. Service animals guide people who are blind, alert people who are Deaf to sounds, detect seizures or low blood sugar, and help people with mental health disabilities stay calm and safe.</p><ul><li>Welcome service animals in all areas open to the public, unless another law specifically keeps animals out of that area, such as a food preparation area in a City kitchen.</li><li>If it is not obvious that the animal is a service animal, for example because it has no vest or harness, you may ask for documentation from a regulated health professional confirming that the person needs the animal because of a disability. You may not ask what the disability is.</li><li>Do not touch, feed, talk to or distract a service animal. It is working.</li><li>The person is responsible for the care and control of their animal.</li><li>If the law keeps an animal out of an area, explain why and offer another way to provide the service.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Allergies and fears",
                            "text": "<p>If another customer or a co-worker has a severe allergy to or fear of animals, the answer is not to turn away the person with the service animal. Look for a solution that works for everyone, such as more space between people or a different room. Ask your supervisor if you need help.</p>",
                        },
                    ),
                    ("heading", {"text": "Support persons", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>A support person helps a person with a disability with communication, mobility, personal care or using services. They may be a paid worker, a family member or a friend. Welcome support persons in all public areas.</p><ul><li>Speak to the person with the disability, not the support person, unless the person asks you to do otherwise.</li><li>If a program or facility charges admission, the City must tell people in advance what fee, if any, applies to a support person.</li><li>Before discussing private matters in front of a support person, make sure the person with the disability agrees.</li><li>The City can require someone to bring a support person only in rare cases, after consulting with them, where it is needed to protect their health or safety or that of others and there is no other reasonable way to do so.</li></ul>",
                    ),
                    (
                        "takeaways",
                        [
                            "People may use their own assistive devices when using City services.",
                            "Welcome service animals in public areas unless another law excludes animals there.",
                            "If needed, ask for documentation from a regulated health professional, but never ask about the disability.",
                            "Welcome support persons, speak to the person with the disability and give advance notice of any fees.",
                            "Solve allergy or fear concerns without turning the person away.",
                        ],
                    ),
                ],
            },
            {
                "slug": "service-disruptions-and-feedback",
                "title": "Service disruptions and feedback",
                "minutes": 11,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>Accessibility can break down when something people depend on stops working. An elevator at a community centre is out of service. The accessible entrance to City Hall is closed for construction. The automatic door at a library branch is broken. A pool lift is being repaired. For many people, these are not small inconveniences. They can mean the service is not available to them at all.</p>",
                    ),
                    (
                        "heading",
                        {"text": "Letting people know about disruptions", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<p>When a facility or service that people with disabilities use is temporarily unavailable, whether the disruption is planned or unexpected, the City must let the public know. A good notice says:</p><ul><li>what is not available</li><li>why</li><li>how long it is expected to last</li><li>what alternatives are available, such as another entrance, another location or another way to get the service</li></ul><p>Post the notice where people will see it: at the affected site, on the City website and social media, and with 311 so agents can answer questions. For planned work, give notice in advance. For unexpected breakdowns, give notice as soon as possible.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Tell 311 and the front desk",
                            "text": "<p>If you work at a facility and notice that something has broken, such as an elevator, ramp, door opener or hearing loop, report it right away through your facility's process, and make sure front-line staff and 311 know. Many residents call before they travel to make sure they can get in.</p>",
                        },
                    ),
                    ("heading", {"text": "Example", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>A recreation centre's only elevator breaks down on a Saturday morning, and a class is scheduled in the second-floor studio. The supervisor posts signs at the main entrance and at the elevator, asks the communications team to post an update online and lets 311 know. Staff call registered participants to offer a spot in the same class in the ground-floor gym. The notice says when the repair is expected, and it is updated when the elevator is working again.</p>",
                    ),
                    ("heading", {"text": "Welcoming feedback", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>The City must have a process for people to give feedback about how services are provided to people with disabilities, and must tell people how their feedback will be handled. People should be able to give feedback in different ways, such as in person, by phone, by email, online or in writing, and in an accessible format if they need one.</p><p>If someone gives you feedback, thank them, listen without becoming defensive and pass it on through the proper process. If you can fix the problem on the spot, do. Feedback is how the City finds barriers it did not know about.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Disruptions to accessible features can block people from a service entirely.",
                            "Notices say what is unavailable, why, for how long and what the alternatives are.",
                            "Post notices on site, online and with 311, in advance when the work is planned.",
                            "Accept feedback in many ways and formats, and pass it on through the proper process.",
                        ],
                    ),
                ],
            },
            {
                "slug": "check-your-knowledge-accessibility",
                "title": "Check your knowledge",
                "minutes": 10,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>This knowledge check confirms your understanding of accessible customer service and the City's duties under the AODA. The questions describe situations you may meet at a counter, on the phone or at a City facility.</p><p>You need 80% to pass, and you can try up to three times. If you need this knowledge check in another format, or need more time, ask your supervisor or the training team.</p>",
                    ),
                ],
            },
        ],
    },
    # ------------------------------------------------------------------
    # 8. Getting started with CaseConnect
    # ------------------------------------------------------------------
    {
        "slug": "new-case-management-system",
        "title": "Getting started with CaseConnect, the new 311 case management system",
        "summary": "Everything you need for your first weeks in CaseConnect: logging in, creating good cases, routing and updating them, closing them well and protecting residents' privacy.",
        "description": "<p>CaseConnect is the City's new system for managing 311 service requests. It brings 311 agents, department staff and field crews together on one shared record for every request, and it gives residents a case number and automatic updates so they always know where things stand.</p><p>This course walks you through the everyday tasks you will do in CaseConnect, with examples from real city requests such as potholes, streetlights and fallen trees. Complete it before your CaseConnect access is switched on. Your team's super user and the quick reference guides on the staff intranet can help with anything this course does not cover.</p>",
        "level": "introductory",
        "duration_minutes": 72,
        "topics": ["311", "customer service", "privacy"],
        "audience": "311 agents, department staff, supervisors and field staff who create, work on or close service requests.",
        "outcomes": [
            "Log in to CaseConnect and find your way around the home screen",
            "Create a complete case, without duplicates, that crews can act on",
            "Route, update and close cases so residents stay informed",
            "Protect residents' personal information in every case",
        ],
        "validity_months": None,
        "prerequisites": [],
        "modules": [
            {
                "slug": "caseconnect-at-a-glance",
                "title": "CaseConnect at a glance",
                "minutes": 10,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>CaseConnect is the City's new system for managing 311 service requests, from the first call, email or online report to the moment the work is done and the resident is told. It replaces the old 311 request tracker, along with the separate spreadsheets and shared inboxes some departments used alongside it.</p>",
                    ),
                    ("heading", {"text": "Why the City is changing", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>The old tracker could not share information well with departments. A 311 agent would log a request about a broken streetlight and then email it to Roads. Updates were recorded in different places, so when the resident called back, the agent often could not tell them anything. Residents told us, through surveys and repeat calls, that their biggest frustration was not knowing what was happening with their request.</p><p>CaseConnect puts everything in one place. 311 agents, department staff and field crews all work on the same case. Residents get a case number and automatic updates, and can check the status online.</p>",
                    ),
                    ("heading", {"text": "What changes for you", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li><strong>311 agents</strong> create cases in CaseConnect and can see their status, instead of emailing departments.</li><li><strong>Department staff and supervisors</strong> receive cases in their team queue, assign them and keep them up to date.</li><li><strong>Field staff</strong>, such as road crews and by-law officers, view and update their assigned cases on a City phone or tablet.</li><li><strong>Everyone</strong> records updates in the case itself, not in separate email chains or spreadsheets.</li></ul>",
                    ),
                    (
                        "heading",
                        {"text": "What happens to the old system", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<p>From launch day, all new requests go into CaseConnect. The old tracker becomes read-only for 12 months so you can look up past requests. Open requests from the old system are moved into CaseConnect before launch, and each one keeps its old request number in a field on the case so you can match them up.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Getting help",
                            "text": "<p>For the first two weeks, trained super users will be on hand in every 311 and department team to answer questions. After that, use the quick reference guides on the staff intranet or ask your team's super user. For login or technical problems, contact the IT service desk. Send ideas for improving CaseConnect through the feedback form on its home screen.</p>",
                        },
                    ),
                    (
                        "takeaways",
                        [
                            "CaseConnect handles 311 requests from first contact to closing, in one shared record.",
                            "It replaces the old tracker and departmental spreadsheets and inboxes.",
                            "All updates go in the case, so anyone can tell a resident where things stand.",
                            "The old tracker stays read-only for 12 months for looking up past requests.",
                            "Super users, quick reference guides and the IT service desk are there to help.",
                        ],
                    ),
                ],
            },
            {
                "slug": "logging-in-and-finding-your-way",
                "title": "Logging in and finding your way",
                "minutes": 10,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>CaseConnect works in a web browser on City computers, and in the CaseConnect app on City-issued phones and tablets. You do not need a new username or password.</p>",
                    ),
                    ("heading", {"text": "Logging in", "size": "h2"}),
                    (
                        "paragraph",
                        "<ol><li>Open CaseConnect from the tile on the staff intranet home page, or open the app on your City device.</li><li>Sign in with your usual City username and password. CaseConnect uses the City's single sign-on.</li><li>Approve the multi-factor authentication prompt on your phone.</li><li>The first time you log in, open <strong>My profile</strong> and check that your name, team and role are correct. If anything is wrong, tell your supervisor, because your role controls what you can see and do.</li></ol>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Never share your login",
                            "text": "<p>Every action in CaseConnect is recorded under the name of the person who is logged in. Do not let anyone work under your login, and lock your screen when you step away. If a co-worker needs access, their supervisor can request it.</p>",
                        },
                    ),
                    ("heading", {"text": "The home screen", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li><strong>My Work</strong> lists the cases assigned to you, with the most urgent and oldest at the top.</li><li><strong>Team Queue</strong> shows cases sent to your team that nobody has taken yet. Supervisors assign cases from here, and some teams let staff pick their own.</li><li><strong>Search</strong>, at the top of every screen, finds cases by case number, address, resident name or phone number. Searching by address is usually the fastest way to spot a duplicate.</li><li><strong>New Case</strong> opens a blank case form.</li><li><strong>Map</strong> shows open cases on a map, which helps field crews plan their routes.</li></ul>",
                    ),
                    ("heading", {"text": "Case numbers and statuses", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Every case gets a number made of the letters CC, a dash and seven digits, for example CC-0012345. Always give residents their case number. Every case also has a status:</p><ul><li><strong>New:</strong> created, but not yet assigned to a person</li><li><strong>Assigned:</strong> a staff member owns it</li><li><strong>In progress:</strong> work has started</li><li><strong>On hold:</strong> waiting for something, such as parts, better weather or information from the resident</li><li><strong>Closed:</strong> the work is done or no action will be taken, and the resident has been told why</li></ul>",
                    ),
                    (
                        "takeaways",
                        [
                            "Log in with your usual City account through single sign-on and MFA.",
                            "Check your profile on first login, because your role controls what you can do.",
                            "Never share your login: every action is recorded under your name.",
                            "My Work, Team Queue, Search, New Case and Map are your main tools.",
                            "Give residents their CC case number, and keep the status accurate.",
                        ],
                    ),
                ],
            },
            {
                "slug": "creating-a-good-case",
                "title": "Creating a good case",
                "minutes": 15,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>A good case gives the people who do the work everything they need, the first time. A vague or incomplete case leads to wasted trips, phone tag and frustrated residents. Most cases are created by 311 agents, but department staff can create them too, for example a crew member who spots a damaged sign.</p>",
                    ),
                    ("heading", {"text": "Step 1: Check for duplicates", "size": "h3"}),
                    (
                        "paragraph",
                        "<p>Before creating a new case, search by address. When you enter a location and a category, CaseConnect also shows <strong>Possible duplicates</strong>: open cases of the same type nearby. If the caller is reporting the same problem, such as a streetlight that three neighbours have already reported, do not create a new case. Open the existing case and choose <strong>Add contact</strong>, so the caller also gets updates. Duplicate cases split information and can send two crews to the same job.</p>",
                    ),
                    (
                        "heading",
                        {"text": "Step 2: Choose the right category", "size": "h3"},
                    ),
                    (
                        "paragraph",
                        "<p>The category decides which team receives the case and how urgent it is. Pick the most specific category that fits, such as <em>Roads – Pothole</em> or <em>Water – No water service</em>. If you are unsure, use the category search and read the short description that appears, or check the quick reference guide. Avoid <em>Other</em> unless nothing else fits. Cases in <em>Other</em> go to a 311 supervisor to sort, which adds delay.</p>",
                    ),
                    (
                        "heading",
                        {"text": "Step 3: Pin down the location", "size": "h3"},
                    ),
                    (
                        "paragraph",
                        "<p>Type the address and select it from the list, or drop a pin on the map. For places without an address, such as a park path, add landmarks in the location notes: “north side of the path, about 20 metres past the playground”. A precise location is the most useful thing you can give a field crew.</p>",
                    ),
                    (
                        "heading",
                        {"text": "Step 4: Describe the problem clearly", "size": "h3"},
                    ),
                    (
                        "paragraph",
                        "<p>Write the description so that someone who has never spoken to the resident can act on it. Include what the problem is, exactly where, how big or serious it is, and how long it has been there. For example: “Pothole about 50 cm wide and deep enough to damage tires, in the eastbound curb lane in front of 112 Birch St. Resident says it has been there about a week.” Stick to facts, and leave out opinions about the resident or their neighbours.</p>",
                    ),
                    (
                        "heading",
                        {
                            "text": "Step 5: Contact details and confirmation",
                            "size": "h3",
                        },
                    ),
                    (
                        "paragraph",
                        "<p>Ask whether the resident wants updates. If they do, record a phone number or email address and how they prefer to be contacted. Residents may stay anonymous; the case is still created, but they will not get updates. Before you save, read the key details back to the resident. After saving, give them the case number and tell them what happens next, using the expected response time shown on the case.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "tip",
                            "title": "Add photos when you can",
                            "text": "<p>Residents reporting online can attach photos, and field staff can add them from their devices. A photo of a fallen tree or a damaged sign helps the team bring the right equipment. Avoid photos that show people's faces or licence plates unless they are truly needed.</p>",
                        },
                    ),
                    (
                        "takeaways",
                        [
                            "Search for duplicates first, and add the caller to an existing case when it matches.",
                            "Choose the most specific category, and avoid Other when you can.",
                            "Give a precise location, with landmarks where there is no address.",
                            "Write a factual description that a crew can act on without calling back.",
                            "Confirm details, then give the resident the case number and next steps.",
                        ],
                    ),
                ],
            },
            {
                "slug": "routing-updating-and-closing-cases",
                "title": "Routing, updating and closing cases",
                "minutes": 15,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>Once a case is saved, CaseConnect sends it to a team queue based on its category and location. From there, the case moves through its statuses until it is closed. Everyone who works on it has a part to play in keeping it moving and keeping the resident informed.</p>",
                    ),
                    (
                        "heading",
                        {"text": "When a case lands in the wrong place", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<p>Sometimes a case reaches the wrong team. For example, a tree branch blocking a sidewalk goes to Roads when it belongs to Forestry. Do not ignore it or close it. Instead:</p><ol><li>Open the case and choose <strong>Reassign</strong>.</li><li>Select the correct team. If you do not know which team it belongs to, choose <strong>Return to 311</strong> so a supervisor can sort it out.</li><li>Add a short reason, such as “Tree on City boulevard: Forestry responsibility.”</li></ol><p>The reason helps the next team, and it helps 311 fix the category rules if the same mistake keeps happening.</p>",
                    ),
                    (
                        "heading",
                        {"text": "Internal notes and public updates", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<p>There are two kinds of updates, and choosing the right one matters:</p><ul><li><strong>Internal note:</strong> seen only by City staff. Use it for work details, such as “Crew booked for Thursday; needs traffic control.”</li><li><strong>Public update:</strong> sent to the resident and shown on the online status page. Write it in plain, polite language, such as “A crew is scheduled to repair this pothole this week.”</li></ul><p>Check which type you have selected before you post. Never put other residents' information, staff opinions or sensitive details in a public update.</p>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Keep the status honest",
                            "text": "<p>Update the status as the work changes. If a case is waiting for parts or better weather, set it to <strong>On hold</strong> and choose a reason, so the resident and 311 know why. A case that sits in <strong>Assigned</strong> for weeks with no notes leads to repeat calls, and those calls take time away from other residents.</p>",
                        },
                    ),
                    ("heading", {"text": "Closing a case", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Close a case when the work is done, or when the City will not be taking action, for example because the problem is on private property. To close a case:</p><ol><li>Choose <strong>Close case</strong>.</li><li>Select a resolution code, such as <em>Repaired</em>, <em>Referred to another agency</em>, <em>Duplicate</em> or <em>No action – private property</em>.</li><li>Write a closing message for the resident. Say what was done, or why no action was taken, and what they can do next if needed.</li></ol><p>A closing message that just says “Closed” helps nobody. Compare it with: “Our crew repaired the pothole on May 14. Thank you for reporting it.” If the same problem comes back within 30 days, reopen the case instead of starting a new one.</p>",
                    ),
                    (
                        "takeaways",
                        [
                            "Reassign misrouted cases with a reason, or return them to 311 if unsure.",
                            "Use internal notes for staff details and public updates for residents.",
                            "Keep statuses accurate, and use On hold with a reason when work is waiting.",
                            "Close with a resolution code and a clear, plain-language message.",
                            "Reopen a case if the problem returns within 30 days.",
                        ],
                    ),
                ],
            },
            {
                "slug": "privacy-in-caseconnect",
                "title": "Privacy and good records in CaseConnect",
                "minutes": 12,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>CaseConnect holds personal information about thousands of residents: names, addresses, phone numbers, email addresses and details of their concerns. Some cases are sensitive, such as a complaint about a neighbour, a report of an unsafe building or a request that mentions someone's health. Residents trust the City to protect this information, and the City has legal duties to do so.</p>",
                    ),
                    ("heading", {"text": "Look only at what you need", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>Only open cases you need for your work. Looking up a case out of curiosity, about a neighbour, a relative, a co-worker or someone in the news, is a privacy breach, even if you never share what you saw. CaseConnect keeps an audit log of every case viewed and every change made, by whom and when, and these logs are reviewed.</p>",
                    ),
                    ("heading", {"text": "Record only what you need", "size": "h2"}),
                    (
                        "paragraph",
                        "<ul><li>Ask only for the contact details needed to follow up.</li><li>Do not record health information or personal circumstances unless they are needed to deliver the service. For example, you might note that a resident uses a wheelchair and needs the sidewalk in front of their home cleared. Even then, record only what is needed.</li><li>Do not record opinions about residents, such as “difficult caller”. If something must be noted for staff safety, describe the facts and follow your team's guidance.</li></ul>",
                    ),
                    (
                        "callout",
                        {
                            "kind": "note",
                            "title": "Residents can see their records",
                            "text": "<p>Residents can ask for access to the information the City holds about them, including case notes. Write every note as if the resident will read it, because they may.</p>",
                        },
                    ),
                    ("heading", {"text": "Protecting complainants", "size": "h2"}),
                    (
                        "paragraph",
                        "<p>For some case types, such as by-law complaints about neighbours, the identity of the person who complained is kept confidential. CaseConnect marks these cases as <strong>Sensitive</strong> and hides the complainant's contact details from staff who do not need them. Never tell anyone who made a complaint, and never put the complainant's details in a public update or share them with the person the complaint is about.</p>",
                    ),
                    (
                        "heading",
                        {"text": "Keep information in CaseConnect", "size": "h2"},
                    ),
                    (
                        "paragraph",
                        "<ul><li>Do not copy case details into personal spreadsheets, notebooks or personal email.</li><li>Do not export reports that include resident details unless your role requires it, and then store them only in an approved location.</li><li>If a resident emails you directly about a case, add the relevant information to the case and reply through the proper channel.</li><li>If you notice a privacy mistake, such as a public update with the wrong information or a case shared with the wrong person, tell your supervisor right away so it can be reported to the privacy office.</li></ul>",
                    ),
                    (
                        "takeaways",
                        [
                            "Open only the cases you need for your work; every view is logged.",
                            "Record only the personal information needed to deliver the service.",
                            "Write every note as if the resident will read it.",
                            "Keep complainants' identities confidential.",
                            "Keep case information in CaseConnect, and report privacy mistakes right away.",
                        ],
                    ),
                ],
            },
            {
                "slug": "check-your-knowledge-caseconnect",
                "title": "Check your knowledge",
                "minutes": 10,
                "required": True,
                "body": [
                    (
                        "paragraph",
                        "<p>This knowledge check walks through common moments in CaseConnect: a duplicate report, a misrouted case, choosing between an internal note and a public update, closing a case and protecting privacy.</p><p>You need 80% to pass before your CaseConnect access is switched on. You can try as many times as you need, and your team's super user can help if a topic is still unclear.</p>",
                    ),
                ],
            },
        ],
    },
]

LEARNING_PATHS = [
    {
        "slug": "digital-foundations",
        "title": "Digital foundations",
        "intro": "<p>Technology now touches almost every city job, from the tablet in a plow truck to the spreadsheet behind a program budget. This path builds the everyday skills every staff member needs to use data, technology and AI safely and well.</p><p>Start with working with data, then learn to protect City systems and information, and finish with the responsible use of AI tools. Together, these courses take about three and a half hours.</p>",
        "courses": ["working-with-data", "cybersecurity-essentials", "responsible-ai"],
    },
    {
        "slug": "leading-modern-services",
        "title": "Leading modern public services",
        "intro": "<p>Residents expect city services that are simple, reliable and built around their needs. This path is for team leads, managers and anyone who improves services or leads projects.</p><p>You will learn to design services around the people who use them, deliver improvements in small, accountable steps, and help your team through the change that comes with new ways of working.</p>",
        "courses": [
            "human-centred-service-design",
            "agile-delivery",
            "leading-through-change",
        ],
    },
    {
        "slug": "front-line-service-essentials",
        "title": "Front-line service essentials",
        "intro": "<p>For staff who serve residents every day at the counter, on the phone and in the field. This path covers serving people with disabilities with dignity, keeping residents' information and City systems safe, and getting started in CaseConnect, the new 311 case management system.</p>",
        "courses": [
            "accessible-customer-service",
            "cybersecurity-essentials",
            "new-case-management-system",
        ],
    },
]

# Knowledge checks, keyed by the slug of the course's last module.
QUIZZES = {
    "check-your-knowledge-service-design": {
        "pass_mark": 70,
        "attempts_allowed": 3,
        "questions_per_attempt": 6,
        "questions": [
            {
                "type": "single",
                "text": "A 311 agent notices that many residents call twice about the same kind of water bill problem. From a human-centred point of view, what is the best first step?",
                "explanation": "Human-centred work starts by understanding the problem. Front-line observations about repeat contact are useful evidence, and they need to reach the people who can look across the whole billing journey.",
                "options": [
                    {
                        "text": "Write down the pattern and share it with the people who can look at the whole billing journey.",
                        "correct": True,
                        "feedback": "Right. Front-line observations are valuable evidence, and the cause may cross several teams.",
                    },
                    {
                        "text": "Ask Water Billing to redesign the bill right away.",
                        "correct": False,
                        "feedback": "Jumping to a fix before understanding the cause may solve the wrong problem.",
                    },
                    {
                        "text": "Tell callers to read their bill more carefully.",
                        "correct": False,
                        "feedback": "This puts the burden on residents and does not address why the bill confuses people.",
                    },
                    {
                        "text": "Nothing. Repeat calls are normal for billing questions.",
                        "correct": False,
                        "feedback": "Repeat contact is often a sign that a service is not meeting people's needs.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "You are interviewing residents about applying for permits. Which question is most likely to give you reliable, useful information?",
                "explanation": "Asking about a specific past experience reveals what people actually did and why. Hypothetical and leading questions produce polite guesses and biased answers.",
                "options": [
                    {
                        "text": "“Tell me about the last time you applied for a permit. What happened first?”",
                        "correct": True,
                        "feedback": "Yes. It asks about a real, specific experience in the person's own words.",
                    },
                    {
                        "text": "“Would you use an app to apply for permits?”",
                        "correct": False,
                        "feedback": "Hypothetical questions invite polite guesses rather than real experiences.",
                    },
                    {
                        "text": "“Don't you agree the current form is too long?”",
                        "correct": False,
                        "feedback": "This is a leading question. It suggests the answer you want to hear.",
                    },
                    {
                        "text": "“On a scale of 1 to 10, how satisfied are you with City services?”",
                        "correct": False,
                        "feedback": "A rating can be useful in a survey, but it does not tell you what happened or why.",
                    },
                ],
            },
            {
                "type": "multiple",
                "text": "Which of these belong on a journey map? (Choose all that apply.)",
                "explanation": "A journey map follows the person step by step, showing what they do, how they feel and where things go wrong, including steps that happen outside City systems.",
                "options": [
                    {
                        "text": "The steps the person takes",
                        "correct": True,
                        "feedback": "Yes. The steps are the backbone of the map.",
                    },
                    {
                        "text": "How the person feels at each step",
                        "correct": True,
                        "feedback": "Yes. Feelings show where people are confused, worried or frustrated.",
                    },
                    {
                        "text": "Pain points where things slow down or break",
                        "correct": True,
                        "feedback": "Yes. Pain points show where to focus improvement.",
                    },
                    {
                        "text": "The department's organization chart",
                        "correct": False,
                        "feedback": "An organization chart describes us, not the resident's experience.",
                    },
                    {
                        "text": "Only the steps that happen inside City systems",
                        "correct": False,
                        "feedback": "A journey map also includes steps before and after contact with the City, such as searching or waiting.",
                    },
                ],
            },
            {
                "type": "truefalse",
                "text": "During a usability test, you should explain how the prototype works whenever a participant hesitates, so the session keeps moving.",
                "correct": False,
                "explanation": "Where people hesitate or get stuck is the most useful finding. Step in only if a participant is completely stuck, and note what happened.",
            },
            {
                "type": "truefalse",
                "text": "Rough, unfinished prototypes often get more honest feedback than polished ones.",
                "correct": True,
                "explanation": "People are more willing to criticize something that looks unfinished, and rough prototypes are cheap to change.",
            },
            {
                "type": "short",
                "text": "What do we call the one-page picture that shows each step a person goes through to use a service, including their feelings and pain points?",
                "accepted": [
                    "journey map",
                    "customer journey map",
                    "service journey map",
                    "user journey map",
                    "a journey map",
                ],
                "explanation": "A journey map shows the whole experience from the person's point of view, which helps a team agree on where the biggest problems are.",
            },
            {
                "type": "multiple",
                "text": "You are planning interviews with parents about recreation registration. Which practices are appropriate? (Choose all that apply.)",
                "explanation": "Respectful research means informed consent, including people who struggle with the service, offering accommodations, protecting notes and listening rather than defending.",
                "options": [
                    {
                        "text": "Explain how you will use what they tell you, and ask for consent before recording",
                        "correct": True,
                        "feedback": "Yes. People need to know how their information will be used.",
                    },
                    {
                        "text": "Include a parent who gave up on registering last year",
                        "correct": True,
                        "feedback": "Yes. People who gave up can reveal the biggest barriers.",
                    },
                    {
                        "text": "Offer a phone interview or an interpreter if needed",
                        "correct": True,
                        "feedback": "Yes. Accommodations let more people take part.",
                    },
                    {
                        "text": "Save notes with names in your personal cloud account so you can work from home",
                        "correct": False,
                        "feedback": "Notes with personal information belong in approved City locations only.",
                    },
                    {
                        "text": "Defend the current process if a parent criticizes it",
                        "correct": False,
                        "feedback": "You are there to listen. Defending the service discourages honest answers.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "A journey-mapping session has found twelve pain points. What is the best way to decide where to start?",
                "explanation": "Focus first on the problems that affect the most people, or those with the fewest alternatives, that cause repeat contact or errors, and that the team can realistically change.",
                "options": [
                    {
                        "text": "Pick pain points that affect many people or cause repeat contact, and that the team can realistically change",
                        "correct": True,
                        "feedback": "Right. This balances impact with what is achievable.",
                    },
                    {
                        "text": "Start with the pain point the most senior person cares about most",
                        "correct": False,
                        "feedback": "Seniority is not evidence. Use impact on residents and staff to decide.",
                    },
                    {
                        "text": "Try to fix all twelve at once so nothing is left out",
                        "correct": False,
                        "feedback": "Spreading effort across everything usually means nothing gets fixed well.",
                    },
                    {
                        "text": "Start with the easiest one, even if hardly anyone is affected",
                        "correct": False,
                        "feedback": "Quick wins can help, but not if they leave the problems that matter most untouched.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "Your team wants to know why people abandon the online dog licence form. Which method will tell you the most?",
                "explanation": "Watching people try the real task shows where and why they get stuck. Opinions and internal guesses are useful, but they are not evidence of behaviour.",
                "options": [
                    {
                        "text": "Watch a few residents try to complete the form and note where they stop",
                        "correct": True,
                        "feedback": "Yes. Observing the real task shows where people get stuck and why.",
                    },
                    {
                        "text": "Ask the web team which fields they think are confusing",
                        "correct": False,
                        "feedback": "Staff guesses are a starting point, not evidence of what residents do.",
                    },
                    {
                        "text": "Send a survey asking residents to rate the form from 1 to 5",
                        "correct": False,
                        "feedback": "A rating tells you how people feel, not where or why they gave up.",
                    },
                    {
                        "text": "Add more help text to every field",
                        "correct": False,
                        "feedback": "This is a fix before you know the cause, and longer forms can make things worse.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "Which group should you include when testing a new online service?",
                "explanation": "Testing with the people who will use the service, including those who find it hardest, shows the problems that matter. Colleagues already know how City services work.",
                "options": [
                    {
                        "text": "Residents who will use it, including people who find online services hard",
                        "correct": True,
                        "feedback": "Right. The hardest cases often show the biggest problems.",
                    },
                    {
                        "text": "Colleagues on the project team, because they understand the goals",
                        "correct": False,
                        "feedback": "The team knows too much about the service to find the problems residents meet.",
                    },
                    {
                        "text": "Only tech-savvy residents, so the feedback is detailed",
                        "correct": False,
                        "feedback": "Leaving out people who struggle hides the barriers you most need to find.",
                    },
                ],
            },
            {
                "type": "truefalse",
                "text": "Front-line staff, such as 311 agents and counter clerks, are a useful source of insight into residents' needs.",
                "correct": True,
                "explanation": "Front-line staff hear about problems every day. Their observations are evidence worth collecting, alongside research with residents.",
            },
            {
                "type": "truefalse",
                "text": "Once a service has launched, human-centred design work is finished.",
                "correct": False,
                "explanation": "Needs change and new problems appear. Keep learning from real use after launch and keep improving the service.",
            },
        ],
    },
    "check-your-knowledge-data": {
        "pass_mark": 70,
        "attempts_allowed": None,
        "questions_per_attempt": 6,
        "questions": [
            {
                "type": "single",
                "text": "Most building permits are decided in about 8 days, but a few complex files take more than 150 days. Which summary best describes a typical application?",
                "explanation": "The median is the middle value when all values are sorted, so a few very long cases do not pull it upward the way they pull up the average.",
                "options": [
                    {
                        "text": "The median number of days",
                        "correct": True,
                        "feedback": "Right. The median is not pulled around by a few extreme cases.",
                    },
                    {
                        "text": "The average (mean) number of days",
                        "correct": False,
                        "feedback": "The few very long files will pull the average well above a typical case.",
                    },
                    {
                        "text": "The longest time any application took",
                        "correct": False,
                        "feedback": "The longest case describes the worst case, not a typical one.",
                    },
                    {
                        "text": "The total number of days for all applications",
                        "correct": False,
                        "feedback": "A total depends on how many applications there were and says little about a typical case.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "Ward A had 1,200 pothole reports last spring and Ward B had 400. Ward A has three times as many kilometres of road as Ward B. What is the most accurate conclusion?",
                "explanation": "When groups are different sizes, compare rates. Here, both wards had the same number of reports per kilometre of road.",
                "options": [
                    {
                        "text": "Both wards had about the same number of reports per kilometre of road.",
                        "correct": True,
                        "feedback": "Right. 1,200 reports on three times as much road is the same rate as 400.",
                    },
                    {
                        "text": "Ward A's roads are in much worse condition than Ward B's.",
                        "correct": False,
                        "feedback": "The raw totals ignore that Ward A has far more road.",
                    },
                    {
                        "text": "Ward B's crews are three times as effective.",
                        "correct": False,
                        "feedback": "Report counts say nothing about crew effectiveness.",
                    },
                    {
                        "text": "Ward A residents complain more than Ward B residents.",
                        "correct": False,
                        "feedback": "Once road length is considered, the rate of reports is the same.",
                    },
                ],
            },
            {
                "type": "multiple",
                "text": "Which of these are good spreadsheet practices? (Choose all that apply.)",
                "explanation": "Keeping the original, using one consistent date format and documenting the data make a spreadsheet trustworthy. Zeros for missing values and merged header cells cause errors.",
                "options": [
                    {
                        "text": "Keeping a copy of the original data before you clean it",
                        "correct": True,
                        "feedback": "Yes. You can always go back and check your changes.",
                    },
                    {
                        "text": "Writing all dates in one format, such as 2024-03-05",
                        "correct": True,
                        "feedback": "Yes. Consistent dates avoid mix-ups and sorting errors.",
                    },
                    {
                        "text": "Adding a “Read me” tab that explains the source and the columns",
                        "correct": True,
                        "feedback": "Yes. It helps the next person understand and trust the data.",
                    },
                    {
                        "text": "Entering 0 when a day's attendance count is missing",
                        "correct": False,
                        "feedback": "A zero says the facility was empty. Record missing values as missing.",
                    },
                    {
                        "text": "Merging header cells to group related columns",
                        "correct": False,
                        "feedback": "Merged cells break sorting, filtering and analysis. Use one clear header row.",
                    },
                ],
            },
            {
                "type": "truefalse",
                "text": "If 311 data shows fewer reported problems in a neighbourhood, you can conclude that the neighbourhood has fewer problems.",
                "correct": False,
                "explanation": "311 data only shows what people report. Language, trust or not knowing about 311 can mean some neighbourhoods report less, even when problems are just as common.",
            },
            {
                "type": "truefalse",
                "text": "The value axis of a bar chart should normally start at zero.",
                "correct": True,
                "explanation": "Starting a bar chart's axis above zero exaggerates differences and can make a small change look huge.",
            },
            {
                "type": "short",
                "text": "What is the name for the middle value in a list of numbers sorted from smallest to largest?",
                "accepted": ["median", "the median"],
                "explanation": "The median is the middle value. It is often a better picture of a typical case than the average when a few values are extreme.",
            },
            {
                "type": "multiple",
                "text": "A community group asks for information about 311 noise complaints in its area. Which steps protect residents' privacy? (Choose all that apply.)",
                "explanation": "Share summaries rather than raw records, and combine or hide very small numbers. Addresses and dates can identify people even without names.",
                "options": [
                    {
                        "text": "Share counts by area and month instead of individual records",
                        "correct": True,
                        "feedback": "Yes. Summaries give the group what it needs without exposing individuals.",
                    },
                    {
                        "text": "Combine or hide very small numbers that could point to one household",
                        "correct": True,
                        "feedback": "Yes. Small numbers can identify people in a small area.",
                    },
                    {
                        "text": "Remove callers' names but keep street addresses and dates",
                        "correct": False,
                        "feedback": "An address with a date and complaint type can still identify the caller and the neighbour.",
                    },
                    {
                        "text": "Email the full export so the group can do its own analysis",
                        "correct": False,
                        "feedback": "Raw records contain personal information and should not be shared this way.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "A report shows that months with more recreation program registrations also have more calls about park maintenance. What is the best response?",
                "explanation": "Two things rising together does not mean one causes the other. A third factor, such as the season and the weather, may explain both.",
                "options": [
                    {
                        "text": "Look for something else that could explain both, such as the time of year",
                        "correct": True,
                        "feedback": "Right. Summer likely brings more programs and more park use at the same time.",
                    },
                    {
                        "text": "Conclude that program participants are damaging parks",
                        "correct": False,
                        "feedback": "That assumes cause from a pattern that has a simpler explanation.",
                    },
                    {
                        "text": "Reduce program registrations to cut maintenance calls",
                        "correct": False,
                        "feedback": "Acting on a cause that has not been shown could harm a service for no benefit.",
                    },
                    {
                        "text": "Ignore the report because the data must be wrong",
                        "correct": False,
                        "feedback": "The data may be fine. It is the conclusion that needs care.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "A spreadsheet of recreation registrations has the same family listed twice with slightly different spellings. What is the best first step?",
                "explanation": "Check and fix duplicates at the source, and write down how you did it, so totals are right and others can repeat the cleaning.",
                "options": [
                    {
                        "text": "Check the records, merge the duplicate and note what you changed",
                        "correct": True,
                        "feedback": "Yes. Fixing it carefully and recording the change keeps the data trustworthy.",
                    },
                    {
                        "text": "Leave it: one duplicate will not change the totals much",
                        "correct": False,
                        "feedback": "Small errors add up, and duplicates can skew counts per family.",
                    },
                    {
                        "text": "Delete both records to be safe",
                        "correct": False,
                        "feedback": "Deleting real registrations loses information and makes the totals wrong.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "Which chart is usually best for showing how the number of 311 calls changed month by month over two years?",
                "explanation": "A line chart shows change over time clearly. Pie charts compare parts of one whole and are hard to read with many slices.",
                "options": [
                    {
                        "text": "A line chart",
                        "correct": True,
                        "feedback": "Right. Lines make trends over time easy to see.",
                    },
                    {
                        "text": "A pie chart with one slice per month",
                        "correct": False,
                        "feedback": "Twenty-four slices are impossible to compare, and pie charts do not show trends.",
                    },
                    {
                        "text": "A table of every call",
                        "correct": False,
                        "feedback": "The detail hides the trend you want to show.",
                    },
                ],
            },
            {
                "type": "truefalse",
                "text": "Removing names from a small data set is always enough to stop people from being identified.",
                "correct": False,
                "explanation": "In small groups, other details (such as a street, an age and a date) can identify a person. Combine or suppress small numbers before sharing.",
            },
            {
                "type": "truefalse",
                "text": "When you share a chart, you should say where the data came from and what period it covers.",
                "correct": True,
                "explanation": "Stating the source and the period lets readers judge the chart and check it. Without them, numbers are easy to misread.",
            },
        ],
    },
    "check-your-knowledge-agile": {
        "pass_mark": 70,
        "attempts_allowed": 3,
        "questions_per_attempt": 6,
        "questions": [
            {
                "type": "single",
                "text": "What is the main reason agile teams release a small, working version of a service early?",
                "explanation": "Early releases let teams learn from real use and catch problems while they are still cheap to fix, which lowers the risk of building the wrong thing.",
                "options": [
                    {
                        "text": "To learn from real use and lower the risk of building the wrong thing",
                        "correct": True,
                        "feedback": "Right. Real use teaches the team what to build next.",
                    },
                    {
                        "text": "To avoid having to follow procurement rules",
                        "correct": False,
                        "feedback": "Agile teams still follow procurement and all other rules.",
                    },
                    {
                        "text": "So the team can skip user testing later",
                        "correct": False,
                        "feedback": "Agile teams keep testing with users throughout.",
                    },
                    {
                        "text": "Because small releases never have problems",
                        "correct": False,
                        "feedback": "Small releases can have problems. They are just easier to find and fix.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "A team is building an online pothole reporting service. Which first release best reflects slicing the work by value?",
                "explanation": "Slicing by value means building a thin version that works end to end, so real users get something useful and every part of the system is tested early.",
                "options": [
                    {
                        "text": "Residents can report a pothole with a map pin, it reaches the crew's queue and they get a confirmation",
                        "correct": True,
                        "feedback": "Right. It is small, but it works from end to end.",
                    },
                    {
                        "text": "A complete database for every issue type, with no screens yet",
                        "correct": False,
                        "feedback": "This is slicing by layer. Nobody can use it yet.",
                    },
                    {
                        "text": "The full public website design, not connected to anything",
                        "correct": False,
                        "feedback": "A design that does not connect to the crews delivers no value yet.",
                    },
                    {
                        "text": "A detailed requirements document for all future features",
                        "correct": False,
                        "feedback": "Documents alone do not let you learn from real use.",
                    },
                ],
            },
            {
                "type": "multiple",
                "text": "Which of these describe a daily stand-up? (Choose all that apply.)",
                "explanation": "A stand-up is a short coordination meeting where team members share what they are doing and what is blocking them. Detailed problem-solving happens afterwards.",
                "options": [
                    {
                        "text": "It is short, usually 15 minutes or less",
                        "correct": True,
                        "feedback": "Yes. Keeping it short keeps it useful.",
                    },
                    {
                        "text": "Team members raise anything that is blocking their work",
                        "correct": True,
                        "feedback": "Yes. Surfacing blockers early is a main purpose.",
                    },
                    {
                        "text": "It helps the team coordinate from day to day",
                        "correct": True,
                        "feedback": "Yes. It keeps everyone working together.",
                    },
                    {
                        "text": "It is mainly a status report to the manager",
                        "correct": False,
                        "feedback": "A stand-up is for the team to coordinate, not for reporting up.",
                    },
                    {
                        "text": "It is where the team solves every problem in detail",
                        "correct": False,
                        "feedback": "Detailed problem-solving happens afterwards, with only the people who need to be there.",
                    },
                ],
            },
            {
                "type": "truefalse",
                "text": "Because agile teams release in small steps, they can skip privacy and accessibility reviews.",
                "correct": False,
                "explanation": "Agile teams follow all government rules. They check privacy, security and accessibility throughout the work, and early releases must still meet these standards.",
            },
            {
                "type": "truefalse",
                "text": "Stopping a project at the end of the alpha stage because the approach is not working can be a good outcome.",
                "correct": True,
                "explanation": "Each stage ends with a decision to continue, change direction or stop. Stopping early saves public money that would otherwise be spent on something that does not work.",
            },
            {
                "type": "short",
                "text": "What is the name of the meeting at the end of a cycle where the team reflects on how it worked and decides what to do differently?",
                "accepted": [
                    "retrospective",
                    "retro",
                    "sprint retrospective",
                    "a retrospective",
                ],
                "explanation": "In a retrospective, the team looks at what went well and what did not, and picks one or two improvements to try in the next cycle.",
            },
            {
                "type": "multiple",
                "text": "Which practices help an agile team stay accountable to Council and the public? (Choose all that apply.)",
                "explanation": "Regular demos, a decision log and raising risks early make progress and problems visible. Working around rules or dropping documentation weakens accountability.",
                "options": [
                    {
                        "text": "Holding regular demos of working results",
                        "correct": True,
                        "feedback": "Yes. Decision-makers see what is real, not what is on paper.",
                    },
                    {
                        "text": "Keeping a short log of decisions, with reasons",
                        "correct": True,
                        "feedback": "Yes. It shows who decided what, when and why.",
                    },
                    {
                        "text": "Raising risks early and openly",
                        "correct": True,
                        "feedback": "Yes. Problems found early are cheaper to fix.",
                    },
                    {
                        "text": "Working around purchasing rules to move faster",
                        "correct": False,
                        "feedback": "Procurement rules protect fairness and value for money. Never work around them.",
                    },
                    {
                        "text": "Replacing all records with verbal updates",
                        "correct": False,
                        "feedback": "Required records still need to be kept in official City systems.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "Which of these is the best-written user story?",
                "explanation": "A good user story names who needs something, what they need and why, which keeps the team focused on people's needs rather than on technical tasks.",
                "options": [
                    {
                        "text": "As a resident renewing my dog licence, I want to pay online, so that I don't have to visit City Hall.",
                        "correct": True,
                        "feedback": "Right. It names the user, the need and the reason.",
                    },
                    {
                        "text": "Build a payment page with credit card support.",
                        "correct": False,
                        "feedback": "This is a technical task. It does not say who needs it or why.",
                    },
                    {
                        "text": "The system shall support 500 users at once.",
                        "correct": False,
                        "feedback": "This is a technical requirement, not a need from a user's point of view.",
                    },
                    {
                        "text": "Improve the licensing experience.",
                        "correct": False,
                        "feedback": "This is too vague to build or test.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "Halfway through a cycle, a manager asks the team to add an urgent new feature. What is the most agile response?",
                "explanation": "Agile teams welcome change, but through the backlog: the product owner weighs the new request against what is planned, and the team agrees what moves.",
                "options": [
                    {
                        "text": "Add it to the backlog and let the product owner decide with the team what it replaces",
                        "correct": True,
                        "feedback": "Yes. Priorities change openly, and the team stays focused.",
                    },
                    {
                        "text": "Quietly add it on top of the planned work",
                        "correct": False,
                        "feedback": "Hidden extra work overloads the team and makes plans unreliable.",
                    },
                    {
                        "text": "Refuse, because plans cannot change until the next cycle",
                        "correct": False,
                        "feedback": "Agile means adapting to change, not refusing it.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "What does a product owner mainly do on an agile team?",
                "explanation": "The product owner decides the order of the work so the team always works on what delivers the most value, and keeps in touch with users and stakeholders.",
                "options": [
                    {
                        "text": "Decides the order of the work, based on value to users",
                        "correct": True,
                        "feedback": "Right. The product owner owns the backlog's priorities.",
                    },
                    {
                        "text": "Writes all the code",
                        "correct": False,
                        "feedback": "The whole team builds the product; the product owner sets priorities.",
                    },
                    {
                        "text": "Assigns tasks to each team member every morning",
                        "correct": False,
                        "feedback": "Agile teams organise their own work; the product owner does not micromanage.",
                    },
                ],
            },
            {
                "type": "truefalse",
                "text": "Showing unfinished work to users at a regular review is a normal part of agile delivery.",
                "correct": True,
                "explanation": "Regular reviews of working pieces, even unfinished ones, give early feedback while changes are still cheap.",
            },
            {
                "type": "truefalse",
                "text": "In an agile project, documentation is never needed.",
                "correct": False,
                "explanation": "Agile values working services over heavy paperwork, but public services still need the records that accountability, privacy and handover require.",
            },
        ],
    },
    "check-your-knowledge-cybersecurity": {
        "pass_mark": 80,
        "attempts_allowed": None,
        "questions_per_attempt": 6,
        "questions": [
            {
                "type": "single",
                "text": "You receive an email from a regular contractor asking you to update their banking details before the next payment. The logo and signature look right. What should you do?",
                "explanation": "Requests to change payment details are a classic fraud. Check them using contact details you already have, never those in the message, and follow the department's process.",
                "options": [
                    {
                        "text": "Call the vendor at the phone number already on file, and follow the process for banking changes",
                        "correct": True,
                        "feedback": "Right. Checking through a separate, trusted channel defeats this kind of fraud.",
                    },
                    {
                        "text": "Reply to the email and ask them to confirm the request",
                        "correct": False,
                        "feedback": "If the email is fake, the attacker will simply confirm it.",
                    },
                    {
                        "text": "Call the number in the email signature to confirm",
                        "correct": False,
                        "feedback": "An attacker can put their own number in the signature.",
                    },
                    {
                        "text": "Update the details, since the email looks genuine",
                        "correct": False,
                        "feedback": "Fake emails often look genuine. Appearance is not proof.",
                    },
                ],
            },
            {
                "type": "multiple",
                "text": "Which of these are warning signs of a phishing message? (Choose all that apply.)",
                "explanation": "Pressure to act fast, unusual requests such as gift cards, and links that lead somewhere unexpected are all common signs of phishing.",
                "options": [
                    {
                        "text": "Pressure to act within the hour or lose access",
                        "correct": True,
                        "feedback": "Yes. Urgency is used to stop you from thinking it through.",
                    },
                    {
                        "text": "A request to buy gift cards for a senior manager",
                        "correct": True,
                        "feedback": "Yes. This is a common scam request.",
                    },
                    {
                        "text": "A link whose real address does not match the organization it claims to be from",
                        "correct": True,
                        "feedback": "Yes. Always check where a link really goes.",
                    },
                    {
                        "text": "A meeting reminder from a co-worker for a meeting you both set up",
                        "correct": False,
                        "feedback": "An expected message with no unusual request is not, on its own, a warning sign.",
                    },
                ],
            },
            {
                "type": "truefalse",
                "text": "An email with perfect spelling and grammar is probably safe.",
                "correct": False,
                "explanation": "Attackers now use tools that write flawless, convincing messages. Focus on what the message asks you to do, not on how well it is written.",
            },
            {
                "type": "single",
                "text": "Your phone shows an MFA prompt asking you to approve a login, but you are not trying to log in. What should you do?",
                "explanation": "An unexpected MFA prompt usually means someone has your password. Denying the prompt, changing your password and reporting it stops the attacker.",
                "options": [
                    {
                        "text": "Deny it, change your password and report it to the IT service desk",
                        "correct": True,
                        "feedback": "Right. This blocks the attacker and lets IT investigate.",
                    },
                    {
                        "text": "Approve it to make the prompts stop",
                        "correct": False,
                        "feedback": "Approving it would let the attacker into your account.",
                    },
                    {
                        "text": "Ignore it, because it is probably a glitch",
                        "correct": False,
                        "feedback": "It may mean your password has been stolen. It needs action.",
                    },
                    {
                        "text": "Approve it, then change your password later",
                        "correct": False,
                        "feedback": "Once approved, the attacker is already in. Never approve a prompt you did not start.",
                    },
                ],
            },
            {
                "type": "short",
                "text": "What is the general term for a fake message that pretends to come from a trusted source to trick you into clicking, sharing information or sending money?",
                "accepted": [
                    "phishing",
                    "phishing email",
                    "a phishing email",
                    "phishing message",
                    "phish",
                ],
                "explanation": "Phishing is the most common way cyber attacks begin. It can arrive by email, text, phone call or social media.",
            },
            {
                "type": "single",
                "text": "Which of these is the strongest choice for your City account?",
                "explanation": "Length and uniqueness matter most. A long passphrase of random words that you use nowhere else is hard to crack and safe from breaches at other sites.",
                "options": [
                    {
                        "text": "A passphrase of four or more random words that you use nowhere else",
                        "correct": True,
                        "feedback": "Right. Long, random and unique is the winning combination.",
                    },
                    {
                        "text": "Winter2025!",
                        "correct": False,
                        "feedback": "Seasons and years are among the first things attackers try.",
                    },
                    {
                        "text": "Your pet's name followed by your birth year",
                        "correct": False,
                        "feedback": "Personal details are easy to find on social media.",
                    },
                    {
                        "text": "The same strong password you use for online banking",
                        "correct": False,
                        "feedback": "Reusing a password means a breach elsewhere puts the City at risk.",
                    },
                ],
            },
            {
                "type": "multiple",
                "text": "You think your computer may have been infected after you opened an attachment. Which actions are right? (Choose all that apply.)",
                "explanation": "Phone IT right away, disconnect from the network while leaving the computer on, and write down what happened. Hiding it or spreading the file makes things worse.",
                "options": [
                    {
                        "text": "Phone the IT service desk right away",
                        "correct": True,
                        "feedback": "Yes. Speed limits the damage.",
                    },
                    {
                        "text": "Disconnect from the network by unplugging the cable or turning off Wi-Fi",
                        "correct": True,
                        "feedback": "Yes. This helps stop the infection from spreading.",
                    },
                    {
                        "text": "Write down what you opened and when",
                        "correct": True,
                        "feedback": "Yes. These details help IT respond.",
                    },
                    {
                        "text": "Turn the computer off and say nothing",
                        "correct": False,
                        "feedback": "Turning it off can erase clues, and staying silent gives attackers time.",
                    },
                    {
                        "text": "Forward the attachment to co-workers to see if it affects them too",
                        "correct": False,
                        "feedback": "This could spread the infection across the City.",
                    },
                ],
            },
            {
                "type": "truefalse",
                "text": "You should report a suspicious email even if you did not click anything in it.",
                "correct": True,
                "explanation": "Reports help IT warn others and block similar messages before someone else falls for them.",
            },
            {
                "type": "single",
                "text": "You find a USB stick in the parking lot with a label that says “Salaries 2026”. What should you do?",
                "explanation": "Unknown USB sticks are a common way to spread malware. Do not plug it in; hand it to IT or security so they can deal with it safely.",
                "options": [
                    {
                        "text": "Hand it to the IT service desk without plugging it in",
                        "correct": True,
                        "feedback": "Yes. Let IT handle it safely.",
                    },
                    {
                        "text": "Plug it into your work computer to find the owner",
                        "correct": False,
                        "feedback": "This could infect your computer and the City's network.",
                    },
                    {
                        "text": "Plug it into a home computer instead",
                        "correct": False,
                        "feedback": "Malware can still steal information or spread from a home computer.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "You need to send a file with residents' personal information to a colleague in another division. What is the safest way?",
                "explanation": "Share personal information only through approved City tools, with the people who need it. Personal email and public file-sharing sites are not approved.",
                "options": [
                    {
                        "text": "Share it through the City's approved file-sharing tool with only that colleague",
                        "correct": True,
                        "feedback": "Right. Approved tools protect the data and record who has access.",
                    },
                    {
                        "text": "Email it to their personal address so they can open it at home",
                        "correct": False,
                        "feedback": "Personal email is outside the City's protections.",
                    },
                    {
                        "text": "Upload it to a free public file-sharing site and send the link",
                        "correct": False,
                        "feedback": "Anyone with the link might open it, and the City cannot protect it.",
                    },
                ],
            },
            {
                "type": "truefalse",
                "text": "It is safe to leave your computer unlocked when you step away for only a minute.",
                "correct": False,
                "explanation": "A minute is enough for someone to read or send something in your name. Lock your screen every time you step away.",
            },
            {
                "type": "truefalse",
                "text": "Installing updates promptly on your work devices helps protect against attacks.",
                "correct": True,
                "explanation": "Updates fix security holes that attackers know about. Delaying them leaves those holes open.",
            },
        ],
    },
    "check-your-knowledge-ai": {
        "pass_mark": 75,
        "attempts_allowed": 3,
        "questions_per_attempt": 6,
        "questions": [
            {
                "type": "single",
                "text": "A colleague pastes a resident's complaint, including their name, address and account number, into a free public AI chatbot to get a summary. What is the main problem?",
                "explanation": "Personal information must not go into AI tools that are not approved for it. Public tools may store what you type or use it to train future versions.",
                "options": [
                    {
                        "text": "Personal information was put into a tool that is not approved for it",
                        "correct": True,
                        "feedback": "Right. The information may now be stored outside the City's control.",
                    },
                    {
                        "text": "The summary might be too short",
                        "correct": False,
                        "feedback": "Length is a minor issue compared with the privacy risk.",
                    },
                    {
                        "text": "AI tools cannot summarize complaints",
                        "correct": False,
                        "feedback": "They often can. The problem is what information was shared, and where.",
                    },
                    {
                        "text": "Nothing, as long as the summary is checked for accuracy",
                        "correct": False,
                        "feedback": "Checking accuracy does not undo sharing personal information with an unapproved tool.",
                    },
                ],
            },
            {
                "type": "short",
                "text": "What is the common term for when an AI tool confidently produces information that is false or made up?",
                "accepted": [
                    "hallucination",
                    "hallucinations",
                    "hallucinating",
                    "a hallucination",
                ],
                "explanation": "Generative AI produces likely-sounding text rather than checked facts, so it can invent by-law numbers, quotes or sources that sound real.",
            },
            {
                "type": "multiple",
                "text": "Which of these are generally good uses of an approved AI tool, as long as you check the results? (Choose all that apply.)",
                "explanation": "AI helps with drafting, rewording, formulas and brainstorming. Decisions about individuals and legal advice need human judgment and proper authority.",
                "options": [
                    {
                        "text": "Rewriting a public notice in plainer language",
                        "correct": True,
                        "feedback": "Yes, as long as you check every detail against the official source.",
                    },
                    {
                        "text": "Suggesting a spreadsheet formula, then testing it on sample data",
                        "correct": True,
                        "feedback": "Yes. Testing it yourself is the key step.",
                    },
                    {
                        "text": "Brainstorming names for a new recreation program",
                        "correct": True,
                        "feedback": "Yes. Low-risk creative help is a good fit.",
                    },
                    {
                        "text": "Deciding whether a resident qualifies for a fee reduction",
                        "correct": False,
                        "feedback": "Decisions about individual residents need a person with proper authority.",
                    },
                    {
                        "text": "Writing legal advice for a resident about a property dispute",
                        "correct": False,
                        "feedback": "AI tools should not give legal advice, and City staff should not give it either.",
                    },
                ],
            },
            {
                "type": "truefalse",
                "text": "If an AI system does not use income or race as inputs, it cannot produce results that are unfair to low-income or racialized residents.",
                "correct": False,
                "explanation": "Other details, such as postal code or language preference, can act as stand-ins for income or race, and gaps in the data can also lead to unfair results.",
            },
            {
                "type": "single",
                "text": "Which situation best shows a meaningful “human in the loop”?",
                "explanation": "Human review only works when the reviewer understands the tool, has time to look closely and has the authority to overrule it.",
                "options": [
                    {
                        "text": "A trained reviewer checks each flagged case, has time to look into it and can overrule the tool",
                        "correct": True,
                        "feedback": "Right. Knowledge, time and authority make the review real.",
                    },
                    {
                        "text": "A clerk clicks “approve” on 300 AI suggestions a day to keep up",
                        "correct": False,
                        "feedback": "This review exists only on paper. It is a sign of automation bias.",
                    },
                    {
                        "text": "The vendor checks the system once a year",
                        "correct": False,
                        "feedback": "A yearly vendor check is not human review of individual decisions.",
                    },
                    {
                        "text": "Residents can email if they think the tool is wrong, but nobody reads the emails",
                        "correct": False,
                        "feedback": "A complaint channel that nobody reviews provides no oversight.",
                    },
                ],
            },
            {
                "type": "truefalse",
                "text": "When AI helps produce a City document, the staff member who uses it is still responsible for its accuracy.",
                "correct": True,
                "explanation": "AI is a tool. You remain responsible for anything you send, publish or decide with its help.",
            },
            {
                "type": "multiple",
                "text": "A proposed tool would rank streets for repair using 311 reports. Which concerns should you raise? (Choose all that apply.)",
                "explanation": "311 data reflects who reports, not just where problems are. Rankings need to be checked against other evidence, and staff need to keep their own judgment.",
                "options": [
                    {
                        "text": "Neighbourhoods where fewer people call 311 may rank lower even if their roads are worse",
                        "correct": True,
                        "feedback": "Yes. Gaps in who reports become gaps in service.",
                    },
                    {
                        "text": "Staff may trust the ranking without checking it",
                        "correct": True,
                        "feedback": "Yes. Automation bias is a real risk.",
                    },
                    {
                        "text": "The ranking is not being compared with crews' own road inspections",
                        "correct": True,
                        "feedback": "Yes. Other evidence helps catch blind spots.",
                    },
                    {
                        "text": "The tool might produce its ranking too quickly",
                        "correct": False,
                        "feedback": "Speed is not the concern. Fairness and accuracy are.",
                    },
                    {
                        "text": "Ranking repairs is never allowed",
                        "correct": False,
                        "feedback": "Setting priorities is normal. The question is whether the method is fair and checked.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "The City launches a website chatbot to answer questions about garbage collection. Which practice best supports openness?",
                "explanation": "People should know when they are dealing with an automated tool, and should always be able to reach a person.",
                "options": [
                    {
                        "text": "Clearly say it is an automated tool, and offer an easy way to reach a person",
                        "correct": True,
                        "feedback": "Right. This is honest and keeps a human option open.",
                    },
                    {
                        "text": "Give the chatbot a human name and photo so residents feel comfortable",
                        "correct": False,
                        "feedback": "This could mislead people into thinking they are talking to a person.",
                    },
                    {
                        "text": "Hide the chatbot's limits to keep trust high",
                        "correct": False,
                        "feedback": "Hiding limits damages trust when people discover them.",
                    },
                    {
                        "text": "Let residents reach a person only after ten chatbot questions",
                        "correct": False,
                        "feedback": "Making it hard to reach a person is a barrier, especially for those the tool serves poorly.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "An AI tool drafts a reply to a resident that cites a by-law section. What should you do before sending it?",
                "explanation": "AI tools can invent or misquote sources. Check every fact and citation against the real source before anything goes out.",
                "options": [
                    {
                        "text": "Check the by-law section yourself before sending",
                        "correct": True,
                        "feedback": "Yes. You are responsible for what you send.",
                    },
                    {
                        "text": "Send it: AI tools quote laws accurately",
                        "correct": False,
                        "feedback": "AI tools can produce confident but wrong citations.",
                    },
                    {
                        "text": "Ask the AI tool whether it is sure",
                        "correct": False,
                        "feedback": "The tool can confirm its own mistakes; check the real source.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "Which of these is the best reason to tell residents that a service uses AI?",
                "explanation": "Openness lets residents understand how decisions about them are made, ask questions and ask for a person. It builds trust.",
                "options": [
                    {
                        "text": "So residents understand how decisions are made and can ask for a person",
                        "correct": True,
                        "feedback": "Right. Openness supports trust and the right to ask.",
                    },
                    {
                        "text": "Because it makes the service look modern",
                        "correct": False,
                        "feedback": "Openness is about accountability, not image.",
                    },
                    {
                        "text": "So the City is not responsible for the results",
                        "correct": False,
                        "feedback": "The City stays responsible for results, whatever tool it uses.",
                    },
                ],
            },
            {
                "type": "truefalse",
                "text": "An AI tool trained on past decisions can repeat the unfairness that was in those decisions.",
                "correct": True,
                "explanation": "AI learns patterns from its data, including unfair ones. Check results for bias, especially for groups that were treated unfairly before.",
            },
            {
                "type": "truefalse",
                "text": "If a vendor says its AI tool is unbiased, the City does not need to test it.",
                "correct": False,
                "explanation": "The City remains accountable. Ask for evidence and test the tool with local data before and after it is used.",
            },
        ],
    },
    "check-your-knowledge-change": {
        "pass_mark": 70,
        "attempts_allowed": None,
        "questions_per_attempt": 6,
        "questions": [
            {
                "type": "single",
                "text": "An experienced inspector says the new mobile inspection app “will never work in the field”. What is the best first response from their supervisor?",
                "explanation": "Pushback often points to a real problem. Asking for specifics treats the concern as useful information and may reveal something the project team missed.",
                "options": [
                    {
                        "text": "Ask what specific problems they expect, since the concern may point to a real issue",
                        "correct": True,
                        "feedback": "Right. Listening first may uncover a problem worth fixing.",
                    },
                    {
                        "text": "Remind them that the decision is final",
                        "correct": False,
                        "feedback": "This shuts down the conversation and may hide a real problem.",
                    },
                    {
                        "text": "Sign them up for extra training because they are resistant",
                        "correct": False,
                        "feedback": "Labelling the concern as resistance skips the step of understanding it.",
                    },
                    {
                        "text": "Ignore the comment, since they will come around",
                        "correct": False,
                        "feedback": "Ignoring concerns tells people that speaking up does not matter.",
                    },
                ],
            },
            {
                "type": "short",
                "text": "When you announce a change, which should you explain first: the what, the when or the why? (Answer in one word.)",
                "accepted": ["why", "the why"],
                "explanation": "People put more effort into a change when they understand why it matters, so start with the problem being solved and who it helps.",
            },
            {
                "type": "multiple",
                "text": "Which actions help a team through the dip in productivity after a new system goes live? (Choose all that apply.)",
                "explanation": "Planning for the dip, protecting learning time and supporting change champions help people build confidence. Unchanged targets and discouraging questions make the dip worse.",
                "options": [
                    {
                        "text": "Adjusting targets or adding staff for the first few weeks",
                        "correct": True,
                        "feedback": "Yes. Planning for the dip takes pressure off while people learn.",
                    },
                    {
                        "text": "Protecting time for training",
                        "correct": True,
                        "feedback": "Yes. It shows that learning matters.",
                    },
                    {
                        "text": "Giving change champions time to help co-workers",
                        "correct": True,
                        "feedback": "Yes. Peer help is often the fastest way to learn.",
                    },
                    {
                        "text": "Keeping call targets the same to show confidence in the team",
                        "correct": False,
                        "feedback": "Unchanged targets signal that learning does not count and add stress.",
                    },
                    {
                        "text": "Discouraging basic questions so people learn faster",
                        "correct": False,
                        "feedback": "People need to feel safe asking questions while they learn.",
                    },
                ],
            },
            {
                "type": "truefalse",
                "text": "It is normal for people to feel a mix of emotions, including frustration or a sense of loss, during a change at work.",
                "correct": True,
                "explanation": "Mixed reactions are what happens when something familiar ends. They are not signs of weakness or a bad attitude.",
            },
            {
                "type": "truefalse",
                "text": "If a leader does not know the answer to a question about a change, it is best to give a confident guess so the team does not worry.",
                "correct": False,
                "explanation": "Honesty builds trust. Saying “I don't know yet, but I'll find out by Friday” is better than a guess that turns out to be wrong.",
            },
            {
                "type": "single",
                "text": "During a major change, which of these is within your control?",
                "explanation": "Putting energy into what you control, such as how you prepare and ask for help, is more useful than worrying about decisions made elsewhere.",
                "options": [
                    {
                        "text": "How you prepare and when you ask for help",
                        "correct": True,
                        "feedback": "Right. This is where your effort makes the most difference.",
                    },
                    {
                        "text": "The launch date",
                        "correct": False,
                        "feedback": "Launch dates are usually set elsewhere. You may be able to give feedback, but you do not control it.",
                    },
                    {
                        "text": "Which system was chosen",
                        "correct": False,
                        "feedback": "The choice of system is usually made above your role.",
                    },
                    {
                        "text": "The project budget",
                        "correct": False,
                        "feedback": "Budgets are set by others. Focus on what you can control or influence.",
                    },
                ],
            },
            {
                "type": "multiple",
                "text": "Which of these make communication about a change more effective? (Choose all that apply.)",
                "explanation": "Repeating messages in different ways, checking understanding and showing what happened to people's concerns make communication two-way and help messages stick.",
                "options": [
                    {
                        "text": "Repeating key messages through different channels",
                        "correct": True,
                        "feedback": "Yes. People need to hear important messages several times.",
                    },
                    {
                        "text": "Asking people to explain the change back in their own words",
                        "correct": True,
                        "feedback": "Yes. It shows you what has landed and what has not.",
                    },
                    {
                        "text": "Showing what you did with the concerns people raised",
                        "correct": True,
                        "feedback": "Yes. It proves that speaking up makes a difference.",
                    },
                    {
                        "text": "Telling front-line staff after residents have heard the news",
                        "correct": False,
                        "feedback": "Front-line staff should hear key messages first so they can answer residents' questions.",
                    },
                    {
                        "text": "Sending one detailed email and considering the job done",
                        "correct": False,
                        "feedback": "A single message rarely sinks in, and it gives people no way to respond.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "Why might a manager and their team feel very differently about the same change at the same time?",
                "explanation": "Leaders often hear about a change months before their teams, so they may already be settling in while their team is just starting to let go of the old way.",
                "options": [
                    {
                        "text": "The manager often learned about it earlier and has had more time to adjust",
                        "correct": True,
                        "feedback": "Right. People move through change at different speeds, starting at different times.",
                    },
                    {
                        "text": "Managers care less about how the work gets done",
                        "correct": False,
                        "feedback": "This is not the reason, and it is not a fair assumption.",
                    },
                    {
                        "text": "Front-line teams are naturally against change",
                        "correct": False,
                        "feedback": "Pushback usually has real reasons behind it, not a natural dislike of change.",
                    },
                    {
                        "text": "Managers always get more training",
                        "correct": False,
                        "feedback": "Training may differ, but timing is the more common reason.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "A team member has gone quiet since the new scheduling system was announced. What is a good first step?",
                "explanation": "Silence can hide worry or confusion. A private, open conversation helps you understand what the change means for that person.",
                "options": [
                    {
                        "text": "Ask them privately how the change affects them and listen",
                        "correct": True,
                        "feedback": "Yes. Listening first shows you what support they need.",
                    },
                    {
                        "text": "Assume they are fine, since they have not complained",
                        "correct": False,
                        "feedback": "Quiet does not mean comfortable; people often keep concerns to themselves.",
                    },
                    {
                        "text": "Point them to the announcement email again",
                        "correct": False,
                        "feedback": "Repeating the message does not find out what is worrying them.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "What is the main benefit of involving staff early in planning a change?",
                "explanation": "People who help shape a change understand it better, spot practical problems sooner and are more likely to support it.",
                "options": [
                    {
                        "text": "They spot practical problems early and are more likely to support it",
                        "correct": True,
                        "feedback": "Right. Involvement builds both better plans and commitment.",
                    },
                    {
                        "text": "It means the manager does not have to make any decisions",
                        "correct": False,
                        "feedback": "Leaders still decide; involvement improves those decisions.",
                    },
                    {
                        "text": "It guarantees that nobody will resist the change",
                        "correct": False,
                        "feedback": "Involvement helps, but some concerns are normal and worth hearing.",
                    },
                ],
            },
            {
                "type": "truefalse",
                "text": "Saying a key message about a change once, in one email, is usually enough.",
                "correct": False,
                "explanation": "People need to hear important messages several times, in different ways, before they take them in. Repeat them and check they were understood.",
            },
            {
                "type": "truefalse",
                "text": "Celebrating early successes can help a team keep going through a long change.",
                "correct": True,
                "explanation": "Recognizing early wins shows that the change is working and that people's effort matters, which keeps momentum.",
            },
        ],
    },
    "check-your-knowledge-accessibility": {
        "pass_mark": 80,
        "attempts_allowed": 3,
        "questions_per_attempt": 6,
        "questions": [
            {
                "type": "single",
                "text": "A person arrives at a recreation centre with a dog that has no vest or harness and says it is a service animal. What may you do?",
                "explanation": "When it is not obvious that an animal is a service animal, you may ask for documentation from a regulated health professional. You may not ask about the person's disability.",
                "options": [
                    {
                        "text": "Ask for documentation from a regulated health professional confirming they need the animal because of a disability",
                        "correct": True,
                        "feedback": "Right. This is allowed when it is not obvious that the animal is a service animal.",
                    },
                    {
                        "text": "Ask the person what their disability is",
                        "correct": False,
                        "feedback": "You must not ask about a person's disability or diagnosis.",
                    },
                    {
                        "text": "Ask the dog to perform a task to prove it is trained",
                        "correct": False,
                        "feedback": "Testing the animal is not appropriate and not how service animals are identified.",
                    },
                    {
                        "text": "Refuse entry because the dog is not wearing a vest",
                        "correct": False,
                        "feedback": "A vest is not required. The person may be able to provide documentation instead.",
                    },
                ],
            },
            {
                "type": "multiple",
                "text": "A community centre elevator is out of service for repairs. What should the public notice include? (Choose all that apply.)",
                "explanation": "A disruption notice says what is unavailable, why, how long it is expected to last and what alternatives exist.",
                "options": [
                    {
                        "text": "The reason for the disruption",
                        "correct": True,
                        "feedback": "Yes. People should know why the service is unavailable.",
                    },
                    {
                        "text": "How long the disruption is expected to last",
                        "correct": True,
                        "feedback": "Yes. People need this to plan.",
                    },
                    {
                        "text": "What alternatives are available",
                        "correct": True,
                        "feedback": "Yes. Alternatives help people still get the service.",
                    },
                    {
                        "text": "The name of the contractor doing the repair",
                        "correct": False,
                        "feedback": "This does not help people plan their visit.",
                    },
                    {
                        "text": "A list of people who usually use the elevator",
                        "correct": False,
                        "feedback": "This would be a serious privacy breach.",
                    },
                ],
            },
            {
                "type": "truefalse",
                "text": "When a person arrives with a support person, you should direct your questions to the support person because it is faster.",
                "correct": False,
                "explanation": "Speak directly to the person with the disability, unless they ask you to do otherwise.",
            },
            {
                "type": "truefalse",
                "text": "Many disabilities cannot be seen.",
                "correct": True,
                "explanation": "Hearing loss, chronic pain, mental health conditions, learning disabilities and many others are not visible, so never assume someone does not have a disability.",
            },
            {
                "type": "short",
                "text": "What is the term for a person who accompanies someone with a disability to help with communication, mobility, personal care or using services?",
                "accepted": ["support person", "a support person", "support persons"],
                "explanation": "Support persons may be paid workers, family members or friends, and must be welcomed in all areas of City facilities that are open to the public.",
            },
            {
                "type": "single",
                "text": "A Deaf resident comes to the permit counter with a sign language interpreter. Who should you look at and speak to?",
                "explanation": "Always speak directly to the person you are serving. The interpreter's role is to communicate your words, not to take part in the conversation.",
                "options": [
                    {
                        "text": "The resident",
                        "correct": True,
                        "feedback": "Right. Face the resident and speak to them directly.",
                    },
                    {
                        "text": "The interpreter",
                        "correct": False,
                        "feedback": "Speaking to the interpreter leaves the resident out of their own conversation.",
                    },
                    {
                        "text": "Whoever seems to be following along best",
                        "correct": False,
                        "feedback": "The resident is the person you are serving, so speak to them.",
                    },
                    {
                        "text": "Your screen, so you read the details out accurately",
                        "correct": False,
                        "feedback": "Looking away makes communication harder. Face the resident.",
                    },
                ],
            },
            {
                "type": "multiple",
                "text": "Which are examples of communicating in a way that takes a person's disability into account? (Choose all that apply.)",
                "explanation": "Adapting how you communicate, such as reading aloud, writing notes or giving extra time, meets people's needs. Assumptions and rushing do not.",
                "options": [
                    {
                        "text": "Offering to read a form aloud to a person with low vision",
                        "correct": True,
                        "feedback": "Yes. This gives the person the information in a way that works for them.",
                    },
                    {
                        "text": "Writing notes back and forth with a person who is hard of hearing",
                        "correct": True,
                        "feedback": "Yes. Offering another way to communicate is a simple, effective step.",
                    },
                    {
                        "text": "Giving a person with a speech disability time to finish speaking",
                        "correct": True,
                        "feedback": "Yes. Patience is one of the most important accessibility skills.",
                    },
                    {
                        "text": "Speaking loudly and slowly to everyone who uses a wheelchair",
                        "correct": False,
                        "feedback": "Using a wheelchair says nothing about hearing or understanding.",
                    },
                    {
                        "text": "Finishing a person's sentences to save them effort",
                        "correct": False,
                        "feedback": "This can be disrespectful and may get the message wrong. Wait and listen.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "A customer tells you they are allergic to dogs when a person arrives with a service dog. What is the best approach?",
                "explanation": "The person with the service animal must not simply be turned away. Look for a solution that meets everyone's needs, and ask your supervisor for help if needed.",
                "options": [
                    {
                        "text": "Look for a solution that works for both, such as more space or a different area",
                        "correct": True,
                        "feedback": "Right. Both people's needs can usually be met with some flexibility.",
                    },
                    {
                        "text": "Ask the person with the service dog to leave",
                        "correct": False,
                        "feedback": "Turning away the person with the service animal is not an acceptable first response.",
                    },
                    {
                        "text": "Ask the person with the allergy to leave",
                        "correct": False,
                        "feedback": "The goal is a solution that works for everyone, not to exclude someone.",
                    },
                    {
                        "text": "Tell the person with the service dog to come back another day",
                        "correct": False,
                        "feedback": "This denies them service when other solutions are available.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "A resident asks for a document in a format they can use with their screen reader. What should you do?",
                "explanation": "Under the AODA, provide information in an accessible format or with communication support on request, in a timely way and at no extra cost.",
                "options": [
                    {
                        "text": "Provide it in an accessible format, such as a tagged PDF or a Word file, in a timely way and at no cost",
                        "correct": True,
                        "feedback": "Yes. Accessible formats on request are a requirement.",
                    },
                    {
                        "text": "Tell them only the printed version is available",
                        "correct": False,
                        "feedback": "Refusing an accessible format is a barrier the AODA asks us to remove.",
                    },
                    {
                        "text": "Charge a fee to cover the conversion",
                        "correct": False,
                        "feedback": "Accessible formats must cost the person no more than the regular format.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "You are not sure how best to help a customer who uses a wheelchair at a busy counter. What is the best approach?",
                "explanation": "Ask the person if and how you can help. They know their needs best; do not assume or touch their mobility aid without permission.",
                "options": [
                    {
                        "text": "Ask them whether and how you can help",
                        "correct": True,
                        "feedback": "Right. The person knows best what they need.",
                    },
                    {
                        "text": "Push their wheelchair to the front of the line",
                        "correct": False,
                        "feedback": "Never move someone's mobility aid without their permission.",
                    },
                    {
                        "text": "Speak to the person with them instead",
                        "correct": False,
                        "feedback": "Speak directly to the customer, not to the people with them.",
                    },
                ],
            },
            {
                "type": "truefalse",
                "text": "Public feedback about accessibility must be accepted in more than one way, such as in person, by phone or in writing.",
                "correct": True,
                "explanation": "The AODA asks that people can give feedback in ways that work for them, and that feedback is available in accessible formats on request.",
            },
            {
                "type": "truefalse",
                "text": "If a customer does not ask for help, you should never offer it.",
                "correct": False,
                "explanation": "You may offer help politely; then respect the answer. Many people will not ask, and an offer can remove a barrier.",
            },
        ],
    },
    "check-your-knowledge-caseconnect": {
        "pass_mark": 80,
        "attempts_allowed": None,
        "questions_per_attempt": 6,
        "questions": [
            {
                "type": "single",
                "text": "A resident calls about a broken streetlight. CaseConnect shows an open case for the same light, reported by a neighbour yesterday. What should you do?",
                "explanation": "Adding the caller to the existing case keeps all the information in one place, avoids sending two crews, and still gives the caller updates.",
                "options": [
                    {
                        "text": "Open the existing case and use Add contact so the caller also gets updates",
                        "correct": True,
                        "feedback": "Right. One problem, one case, and everyone who reported it stays informed.",
                    },
                    {
                        "text": "Create a new case so the resident gets their own case number",
                        "correct": False,
                        "feedback": "A duplicate case splits information and can send two crews to one job.",
                    },
                    {
                        "text": "Close the older case and create a new one",
                        "correct": False,
                        "feedback": "This loses the history and leaves the first resident without updates.",
                    },
                    {
                        "text": "Tell the resident to call back in a week",
                        "correct": False,
                        "feedback": "Adding them to the existing case means they will get updates without calling back.",
                    },
                ],
            },
            {
                "type": "short",
                "text": "Before creating a new case, what should you search for so the same problem is not recorded twice?",
                "accepted": [
                    "duplicates",
                    "duplicate",
                    "duplicate cases",
                    "duplicate case",
                    "possible duplicates",
                ],
                "explanation": "Searching by address and checking Possible duplicates keeps each problem in a single case.",
            },
            {
                "type": "single",
                "text": "A case about a fallen tree branch arrives in the Roads team queue, but it is Forestry's responsibility. What should you do?",
                "explanation": "Reassigning with a reason moves the case to the right team and helps 311 fix category rules if the same mistake keeps happening.",
                "options": [
                    {
                        "text": "Reassign it to Forestry and add a short reason",
                        "correct": True,
                        "feedback": "Right. The case keeps its history and reaches the right team.",
                    },
                    {
                        "text": "Close it with the resolution code Duplicate",
                        "correct": False,
                        "feedback": "It is not a duplicate, and closing it leaves the problem unresolved.",
                    },
                    {
                        "text": "Leave it in the queue, because Forestry will find it",
                        "correct": False,
                        "feedback": "Forestry cannot see another team's queue, so the case will sit unworked.",
                    },
                    {
                        "text": "Email Forestry the details and close the case",
                        "correct": False,
                        "feedback": "This takes the work out of CaseConnect, so nobody can track it.",
                    },
                ],
            },
            {
                "type": "multiple",
                "text": "Which of these belong in an internal note rather than a public update? (Choose all that apply.)",
                "explanation": "Internal notes are for work details only staff need. Public updates are plain-language messages meant for the resident.",
                "options": [
                    {
                        "text": "Crew booked for Thursday; needs traffic control",
                        "correct": True,
                        "feedback": "Yes. This is a work detail for staff.",
                    },
                    {
                        "text": "Light is over a ditch, so send the bucket truck",
                        "correct": True,
                        "feedback": "Yes. Equipment details are for the crew.",
                    },
                    {
                        "text": "A crew is scheduled to repair this pothole this week.",
                        "correct": False,
                        "feedback": "This is written for the resident and belongs in a public update.",
                    },
                    {
                        "text": "Our crew repaired the pothole on May 14. Thank you for reporting it.",
                        "correct": False,
                        "feedback": "This is a clear message for the resident, suitable for a public update or closing message.",
                    },
                ],
            },
            {
                "type": "truefalse",
                "text": "Looking up a neighbour's case out of curiosity is acceptable as long as you do not tell anyone what you saw.",
                "correct": False,
                "explanation": "Opening a case you do not need for your work is a privacy breach, whether or not you share what you saw. Every view is recorded in the audit log.",
            },
            {
                "type": "truefalse",
                "text": "Residents can ask to see the information the City holds about them, including case notes.",
                "correct": True,
                "explanation": "That is why every note should be factual and respectful, written as if the resident will read it.",
            },
            {
                "type": "multiple",
                "text": "Which details belong in a good new case? (Choose all that apply.)",
                "explanation": "A good case has the most specific category, a precise location and a factual description. Opinions and unnecessary personal details do not belong.",
                "options": [
                    {
                        "text": "The most specific category that fits",
                        "correct": True,
                        "feedback": "Yes. The category decides which team gets the case and how urgent it is.",
                    },
                    {
                        "text": "A precise location, with landmarks if there is no address",
                        "correct": True,
                        "feedback": "Yes. A precise location saves crews time.",
                    },
                    {
                        "text": "A factual description, including how long the problem has been there",
                        "correct": True,
                        "feedback": "Yes. It lets the crew act without calling back.",
                    },
                    {
                        "text": "Your opinion of the resident's attitude",
                        "correct": False,
                        "feedback": "Opinions about residents do not belong in a case.",
                    },
                    {
                        "text": "The resident's date of birth, just in case",
                        "correct": False,
                        "feedback": "Collect only the personal information needed to deliver the service.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "Which closing message is best?",
                "explanation": "A good closing message tells the resident in plain language what was done, or why no action was taken, and what they can do next if needed.",
                "options": [
                    {
                        "text": "Our crew repaired the pothole on May 14. Thank you for reporting it.",
                        "correct": True,
                        "feedback": "Right. It is clear, specific and polite.",
                    },
                    {
                        "text": "Closed.",
                        "correct": False,
                        "feedback": "This tells the resident nothing about what happened.",
                    },
                    {
                        "text": "Done per crew.",
                        "correct": False,
                        "feedback": "This is internal shorthand, not a message for a resident.",
                    },
                    {
                        "text": "Resolution code 04 applied.",
                        "correct": False,
                        "feedback": "Residents will not know what a resolution code means.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "A resident calls for an update on their case, but the last note is three weeks old. What should you do?",
                "explanation": "Tell the resident honestly where the case stands, then follow up with the team that owns it and record what you did in the case.",
                "options": [
                    {
                        "text": "Give the status you can see, follow up with the owning team and note it in the case",
                        "correct": True,
                        "feedback": "Yes. Honest updates and a recorded follow-up keep everyone informed.",
                    },
                    {
                        "text": "Tell them it is being worked on, without checking",
                        "correct": False,
                        "feedback": "Guessing can mislead the resident and nobody follows up.",
                    },
                    {
                        "text": "Close the old case and open a new one",
                        "correct": False,
                        "feedback": "A new case loses the history and makes the wait look shorter than it is.",
                    },
                ],
            },
            {
                "type": "single",
                "text": "Which case title is the most useful?",
                "explanation": "A good title says what and where, so anyone scanning a queue can understand and route it without opening the case.",
                "options": [
                    {
                        "text": "Streetlight out at 45 Elm St, pole 1123",
                        "correct": True,
                        "feedback": "Right. What and where, at a glance.",
                    },
                    {
                        "text": "Resident called",
                        "correct": False,
                        "feedback": "This says nothing about the problem.",
                    },
                    {
                        "text": "URGENT!!! PLEASE FIX",
                        "correct": False,
                        "feedback": "Urgency belongs in the priority field, and the title still says nothing about the problem.",
                    },
                ],
            },
            {
                "type": "truefalse",
                "text": "You should share your CaseConnect login with a colleague who is waiting for their own account, so they can start work.",
                "correct": False,
                "explanation": "Every action in CaseConnect is recorded under the person logged in. Shared logins break that record and put residents' information at risk.",
            },
            {
                "type": "truefalse",
                "text": "Case notes should be written so that they would be fair and accurate if the resident read them.",
                "correct": True,
                "explanation": "Residents can ask to see the information held about them. Write facts, not opinions, in plain, respectful language.",
            },
        ],
    },
}
