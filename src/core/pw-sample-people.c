/* pw-sample-people.c — the people of the sample organisation
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#define G_LOG_DOMAIN "pw-sample-people"

#include "pw-person-private.h"
#include "pw-person-repo.h"
#include "pw-sample.h"

/* Like the programme in pw-sample.c, the people are content in the voice of
 * an invented British organisation and are deliberately not translated.
 * Every person, answer and anecdote is made up; any likeness to a real
 * person is accidental. */

/* The programme's topic list. The people below use the same macros, so a
 * topic they offer or want is always on the list. */
#define TECH       "Technology and AI tools"
#define SOCIAL     "Social media"
#define HYBRID     "Hybrid and remote working"
#define DIVERSITY  "Diversity and inclusion"
#define NEURO      "Neurodiversity"
#define FRONTLINE  "Life on the front line"
#define CUSTOMER   "Customer experience"
#define DATA       "Data and dashboards"
#define CLIMATE    "Climate and sustainability"
#define WELLBEING  "Wellbeing and mental health"
#define GENZ       "Gen Z at work"
#define ACCESS     "Accessibility"

static const char * const sample_topics[] = {
  TECH, SOCIAL, HYBRID, DIVERSITY, NEURO, FRONTLINE,
  CUSTOMER, DATA, CLIMATE, WELLBEING, GENZ, ACCESS,
  NULL
};

static const char * const sample_grades[] = {
  "Band 1", "Band 2", "Band 3", "Band 4", "Band 5",
  "Band 6", "Band 7", "Band 8", "Band 9",
  NULL
};

/* One person, as a coordinator would type them in. @email and @manager are
 * local parts of an address at PW_SAMPLE_EMAIL_DOMAIN; every other member is
 * the text of the person field of the same name (NULL: left blank). */
typedef struct
{
  const char *email;
  const char *manager;         /* NULL only for the chief executive */
  gboolean    directory_only;  /* in the directory, not in the programme */

  const char *name;
  const char *job_title;
  const char *department;
  const char *location;
  const char *discipline;
  const char *grade;
  const char *org_start;
  const char *role_start;
  const char *responsibilities;

  const char *role_wanted;
  const char *strengths;
  const char *development_areas;
  const char *challenges;
  const char *experiences;
  const char *ideal_relationship;

  const char *self_description;
  const char *three_years;
  const char *passions;
  const char *work_life_balance;
  const char *preferred_contact;

  const char *hours_per_month;
  const char *time_available;
  const char *capacity;
  const char *reverse_meaning;
  const char *topics_offered;
  const char *topics_wanted;

  const char *age_band;
  const char *gender;
  const char *ethnicity;
  const char *disability;
} SamplePerson;

#define FIELD(name, member) { name, G_STRUCT_OFFSET (SamplePerson, member) }

static const struct
{
  const char *field;
  glong       offset;
} sample_fields[] = {
  FIELD ("job-title",          job_title),
  FIELD ("department",         department),
  FIELD ("location",           location),
  FIELD ("discipline",         discipline),
  FIELD ("grade",              grade),
  FIELD ("org-start",          org_start),
  FIELD ("role-start",         role_start),
  FIELD ("responsibilities",   responsibilities),
  FIELD ("role-wanted",        role_wanted),
  FIELD ("strengths",          strengths),
  FIELD ("development-areas",  development_areas),
  FIELD ("challenges",         challenges),
  FIELD ("experiences",        experiences),
  FIELD ("ideal-relationship", ideal_relationship),
  FIELD ("self-description",   self_description),
  FIELD ("three-years",        three_years),
  FIELD ("passions",           passions),
  FIELD ("work-life-balance",  work_life_balance),
  FIELD ("preferred-contact",  preferred_contact),
  FIELD ("hours-per-month",    hours_per_month),
  FIELD ("time-available",     time_available),
  FIELD ("capacity",           capacity),
  FIELD ("reverse-meaning",    reverse_meaning),
  FIELD ("topics-offered",     topics_offered),
  FIELD ("topics-wanted",      topics_wanted),
  FIELD ("age-band",           age_band),
  FIELD ("gender",             gender),
  FIELD ("ethnicity",          ethnicity),
  FIELD ("disability",         disability),
};

#undef FIELD

/* The reporting line, top down:
 *
 *   chief executive
 *   └ directors and the heads in the Executive Office (Band 9, 8, 7)
 *     └ heads of service (Band 7–8)
 *       └ team managers (Band 5–6), and a few Band 7 senior managers
 *         └ officers, operatives, advisors, apprentices (Band 1–4)
 *           └ in the contact centre, advisors under a team leader
 *
 * 22 of the Band 1–4 colleagues want to mentor; 19 of the Band 7–9 leaders
 * (and one Band 6 manager who is outside the target audience) want a mentor.
 * Topics overlap on purpose but not evenly: climate, neurodiversity and
 * accessibility are wanted more than offered, and several of their few
 * mentors sit in the reporting line of the people who want them. */
static const SamplePerson sample_people[] = {

  /* Executive Office ---------------------------------------------------- */

  {
    .email = "catherine.mellor",
    .name = "Catherine Mellor",
    .job_title = "Chief Executive",
    .department = "Executive Office",
    .location = "Brackenford Hub",
    .discipline = "Leadership",
    .grade = "Band 9",
    .org_start = "2019-04-01",
    .role_start = "2019-04-01",
    .responsibilities =
      "I lead the association and the Executive Team, and I answer to the "
      "Board for everything from building safety to the budget. I chair the "
      "Executive Team on Tuesdays and represent us with the council, the "
      "regulator and our lenders.",
    .role_wanted = "mentee",
    .strengths =
      "Seeing the whole board. Staying calm when something goes badly wrong, "
      "and being straight with the Board about it.",
    .development_areas =
      "I've become the person who reads the summary of the summary. I want "
      "to hear the unfiltered version of what our residents and our front "
      "line live with every day, and I want to be at home on the channels "
      "our younger residents actually use.",
    .challenges =
      "The Ombudsman's complaint handling code, damp and mould, and a "
      "cost-of-living crisis that shows up in our rent collection every "
      "month. And an organisation that still tells me what it thinks I want "
      "to hear.",
    .experiences =
      "Twenty years in local government before housing. I started as a rent "
      "collector in Oldham in 1994, which I mention more often than my team "
      "would like.",
    .ideal_relationship =
      "Someone who won't be polite. I'd like a mentor who takes me "
      "somewhere — a van, the call queue, an estate walkabout — rather than "
      "a meeting room.",
    .self_description = "Impatient, optimistic, a bit old-fashioned about letters.",
    .three_years =
      "Handing over an organisation that residents would describe as one "
      "that listens.",
    .passions = "Fell walking, brass bands (I play the cornet, badly) and crosswords.",
    .work_life_balance =
      "Poor, honestly. I'm trying to stop sending emails on Sundays — my "
      "mentor is welcome to hold me to that.",
    .preferred_contact = "in-person, video",
    .hours_per_month = "2",
    .time_available = "Friday mornings are protected. Otherwise Janet keeps the diary.",
    .reverse_meaning =
      "Being told how things are by someone who has no reason to soften it. "
      "It also sends a signal: if I can learn from an apprentice, so can "
      "every manager here.",
    .topics_wanted = SOCIAL ", " FRONTLINE ", " GENZ,
    .age_band = "45–54",
    .gender = "Woman",
    .ethnicity = "White British",
    .disability = "No",
  },

  {
    .email = "elizabeth.armitage",
    .manager = "catherine.mellor",
    .name = "Elizabeth Armitage",
    .job_title = "Head of Governance",
    .department = "Executive Office",
    .location = "Brackenford Hub",
    .discipline = "Governance",
    .grade = "Band 8",
    .org_start = "2010-01-11",
    .role_start = "2016-07-01",
    .responsibilities =
      "Board and committee business, the risk register, regulatory returns "
      "and data protection.",
    .role_wanted = "mentee",
    .strengths = "Detail. Drafting. Knowing which policy says what.",
    .development_areas =
      "I am anxious about social media: I see it as a risk to be managed, "
      "and I know that's not the whole story. And I have never really "
      "understood what it is like to take a call from an angry resident.",
    .challenges = "Getting ready for the regulator's inspection next year.",
    .ideal_relationship = "Patient, please! I'm a slow adopter, but I do get there.",
    .self_description = "Conscientious. Introverted.",
    .passions = "Choral singing and Victorian novels.",
    .work_life_balance = "Fine.",
    .preferred_contact = "in-person, email",
    .hours_per_month = "2",
    .time_available = "Flexible, except Board weeks (the first week of the month).",
    .topics_wanted = SOCIAL ", " FRONTLINE ", " CUSTOMER,
  },

  {
    .email = "louise.marsden",
    .manager = "catherine.mellor",
    .name = "Louise Marsden",
    .job_title = "Head of Communications",
    .department = "Executive Office",
    .location = "Homeworking",
    .discipline = "Communications",
    .grade = "Band 7",
    .org_start = "2020-09-07",
    .role_start = "2020-09-07",
    .responsibilities =
      "Internal and external communications, the website, the press office "
      "and our social media accounts — which, yes, I run, which is why I'm "
      "slightly embarrassed to be asking for help.",
    .role_wanted = "mentee",
    .strengths = "Writing, handling the press, finding the story.",
    .development_areas =
      "TikTok. I know we should be there and I don't know how to be there "
      "without being cringe. And the accessibility of what we publish: I "
      "know our PDFs are terrible.",
    .challenges = "A team of three, 18,500 homes, and every director wanting a video.",
    .experiences = "Ten years on the Brackenford Courier before it went online-only.",
    .ideal_relationship = "Show me what you'd scroll past, and why.",
    .self_description = "Nosy, in a professional capacity.",
    .three_years = "Running a comms team that residents actually follow.",
    .passions = "Open-water swimming, true-crime podcasts and a cockapoo called Mabel.",
    .work_life_balance = "Homeworking three days a week has changed my life.",
    .preferred_contact = "video, phone",
    .hours_per_month = "3",
    .time_available = "Most afternoons.",
    .reverse_meaning =
      "Learning from the people who live on the platforms I'm supposed to "
      "be managing.",
    .topics_wanted = SOCIAL ", " GENZ ", " ACCESS,
    .age_band = "35–44",
    .gender = "Woman",
  },

  {
    .email = "janet.holroyd",
    .manager = "catherine.mellor",
    .name = "Janet Holroyd",
    .job_title = "Executive Assistant to the Chief Executive",
    .department = "Executive Office",
    .location = "Brackenford Hub",
    .discipline = "Business support",
    .grade = "Band 4",
    .org_start = "2002-05-13",
    .role_start = "2019-04-01",
    .responsibilities = "The Chief Executive's diary, Board papers, and keeping the Executive Team on time.",
    .role_wanted = "either",
    .strengths = "Organising. Knowing who to ring.",
    .self_description = "I've been here longer than the furniture.",
    .hours_per_month = "2",
    .reverse_meaning = "Not sure yet — Priya asked me to fill this in so the diaries work!",
  },

  /* Housing Management -------------------------------------------------- */

  {
    .email = "gillian.ashworth",
    .manager = "catherine.mellor",
    .name = "Gillian Ashworth",
    .job_title = "Director of Housing and Communities",
    .department = "Housing Management",
    .location = "Brackenford Hub",
    .discipline = "Housing management",
    .grade = "Band 9",
    .org_start = "2008-09-01",
    .role_start = "2017-02-01",
    .responsibilities =
      "Neighbourhood management, tenancy services, the estates teams and "
      "Independent Living: about 380 staff and every tenancy we hold.",
    .role_wanted = "mentee",
    .strengths =
      "I know the estates and I know our policies inside out. Good at "
      "getting partners — police, council, NHS — round one table.",
    .development_areas =
      "Frankly, I don't understand why so many tenants don't answer our "
      "letters. We send a letter, then a second letter, then a firmer "
      "letter, and then we're at the door wondering why nobody told us the "
      "boiler had gone. I want to understand how people under 35 want to "
      "hear from us, and whether the letters are the problem or we are.",
    .challenges = "Damp and mould cases, arrears going up, and the regulator's inspection next year.",
    .experiences =
      "I was a neighbourhood officer on the Moor Lane estate for six years, "
      "so I do know the front line. I'm just aware it was a while ago.",
    .ideal_relationship = "Regular, honest, practical. Show me things on your phone.",
    .self_description = "Determined. Occasionally a dinosaur, as my daughter tells me.",
    .three_years =
      "Still here, with satisfaction above 80% and far fewer complaints that "
      "start with \"nobody got back to me\".",
    .passions = "My allotment, my grandchildren, Brackenford Rovers (season ticket, for my sins).",
    .work_life_balance = "Better than it was. I leave at six and mostly stay off Teams after that.",
    .preferred_contact = "in-person, phone",
    .hours_per_month = "2",
    .time_available = "Wednesday afternoons. I'll come to whichever site suits you.",
    .reverse_meaning = "Admitting I don't know something, in front of someone who does.",
    .topics_wanted = SOCIAL ", " CUSTOMER ", " GENZ ", " DIVERSITY,
    .age_band = "55–64",
    .gender = "Woman",
    .ethnicity = "White British",
  },

  {
    .email = "farah.siddiqui",
    .manager = "gillian.ashworth",
    .name = "Farah Siddiqui",
    .job_title = "Head of Neighbourhoods",
    .department = "Housing Management",
    .location = "Riverside Hub",
    .discipline = "Housing management",
    .grade = "Band 8",
    .org_start = "2011-08-22",
    .role_start = "2019-10-01",
    .responsibilities =
      "Six neighbourhood teams, the estates service and anti-social "
      "behaviour: 140 staff across three hubs.",
    .role_wanted = "mentee",
    .strengths = "Partnership work, difficult conversations, knowing what's going on in the neighbourhoods.",
    .development_areas =
      "Using data to decide where we spend our time, rather than chasing "
      "whoever shouts loudest. And I'd like to understand how our younger "
      "officers use their phones on patch — they seem to solve things faster "
      "than our systems allow.",
    .challenges =
      "Anti-social behaviour on Northfield, officer caseloads of 450 "
      "tenancies and more, and keeping new officers past their first year.",
    .experiences =
      "I started here as a housing apprentice in 2011. I'm a trustee of a "
      "refugee women's charity.",
    .ideal_relationship =
      "A neighbourhood officer from another patch, or someone from the "
      "contact centre. Not one of mine.",
    .three_years = "Director of Housing.",
    .passions = "Running (the Brackenford Half every year), baking, Bollywood films.",
    .work_life_balance = "Patchy. In Ramadan I try to finish early.",
    .preferred_contact = "in-person, phone",
    .hours_per_month = "2",
    .time_available = "Mondays and Fridays, 9 till 11.",
    .reverse_meaning = "Flipping who's the expert in the room.",
    .topics_wanted = DATA ", " TECH ", " WELLBEING,
    .age_band = "35–44",
    .gender = "Woman",
    .ethnicity = "British Pakistani",
  },

  {
    .email = "kevin.walsh",
    .manager = "farah.siddiqui",
    .name = "Kevin Walsh",
    .job_title = "Neighbourhood Team Manager (North)",
    .department = "Housing Management",
    .location = "Riverside Hub",
    .discipline = "Housing management",
    .grade = "Band 6",
    .org_start = "2009-11-02",
    .role_start = "2018-01-15",
    .responsibilities = "I manage eight neighbourhood officers covering Northfield, Moor Lane and Castle View.",
    .role_wanted = "either",
    .strengths = "Calm in a crisis. Known on the estates.",
    .development_areas = "Managing people through change without burning them out.",
    .challenges = "Caseloads.",
    .self_description = "Steady.",
    .preferred_contact = "phone",
    .hours_per_month = "2",
    .reverse_meaning = "I'm in the middle, so happy to mentor or be mentored, whatever helps.",
    .topics_offered = FRONTLINE,
    .topics_wanted = WELLBEING,
  },

  {
    .email = "nadia.akhtar",
    .manager = "kevin.walsh",
    .name = "Nadia Akhtar",
    .job_title = "Neighbourhood Officer",
    .department = "Housing Management",
    .location = "Riverside Hub",
    .discipline = "Housing management",
    .grade = "Band 4",
    .org_start = "2019-07-01",
    .role_start = "2021-04-12",
    .responsibilities =
      "I look after 430 tenancies on Northfield and Moor Lane: tenancy "
      "checks, anti-social behaviour, neighbour disputes, safeguarding "
      "referrals, and sending anyone who is struggling with their rent to "
      "the Income team before it gets serious.",
    .role_wanted = "mentor",
    .strengths =
      "I speak English, Urdu and Punjabi, so a lot of families on Northfield "
      "will talk to me when they won't talk to \"the housing\". I'm good at "
      "calming a room down. And I know which WhatsApp groups the mums on the "
      "estate use, which is how news really travels.",
    .development_areas = "Confidence in meetings with senior people. Report writing.",
    .challenges =
      "The caseload is huge. I end up translating letters for tenants in my "
      "own time, because a translated letter from us takes three weeks.",
    .experiences =
      "I interpreted for my parents from the age of eight — GP, school, the "
      "council. I know what it's like to get a letter you can't read from an "
      "organisation that holds your home.",
    .ideal_relationship =
      "Someone who actually wants to come out on patch with me. I'd like "
      "them to leave with at least one thing they're going to change.",
    .self_description = "Chatty, stubborn, loyal. My mum says bossy.",
    .three_years = "Team manager, hopefully here.",
    .passions = "Henna art, cricket (watching my brothers lose), cooking for the whole street at Eid.",
    .work_life_balance = "I have a three-year-old, so I'm strict about finishing at half four.",
    .preferred_contact = "in-person, phone",
    .hours_per_month = "3",
    .time_available = "Tuesday and Wednesday mornings. Not Fridays.",
    .capacity = "1",
    .reverse_meaning =
      "Someone senior finally hearing why tenants don't open our letters — "
      "and it's not because they don't care.",
    .topics_offered = DIVERSITY ", " FRONTLINE ", " CUSTOMER,
    .age_band = "25–34",
    .gender = "Woman",
    .ethnicity = "British Pakistani",
    .disability = "No",
  },

  {
    .email = "callum.fletcher",
    .manager = "kevin.walsh",
    .name = "Callum Fletcher",
    .job_title = "Neighbourhood Officer",
    .department = "Housing Management",
    .location = "Riverside Hub",
    .discipline = "Housing management",
    .grade = "Band 4",
    .org_start = "2020-02-03",
    .role_start = "2020-02-03",
    .responsibilities = "A patch of about 400 homes on Castle View: anti-social behaviour, tenancy fraud, estate inspections.",
    .role_wanted = "mentor",
    .strengths =
      "I'm a mental health first aider. I'm good with people who are in a "
      "bad place, because I've been there.",
    .development_areas = "Time management. Saying no.",
    .challenges = "Hoarding cases, and a lot of vulnerable tenants with nowhere to refer them.",
    .experiences =
      "I had a breakdown in my first year here and came back on a phased "
      "return. I talk about it openly now, because it helps other people "
      "say something sooner than I did.",
    .ideal_relationship =
      "Honest and human. Happy to talk about wellbeing at a senior level — I "
      "think leaders underestimate how heavy this job is.",
    .self_description = "Laid-back on the outside.",
    .three_years = "A specialist role in tenancy sustainment or mental health.",
    .passions = "Rugby league (Brackenford Bulldogs), the gym, PlayStation.",
    .work_life_balance = "Much better since I turned work notifications off on my phone.",
    .preferred_contact = "in-person, video",
    .hours_per_month = "2",
    .time_available = "Thursday afternoons.",
    .reverse_meaning = "Senior people learning what the job actually costs the people doing it.",
    .topics_offered = WELLBEING ", " FRONTLINE,
    .age_band = "25–34",
    .gender = "Man",
  },

  {
    .email = "lorraine.firth",
    .manager = "farah.siddiqui",
    .name = "Lorraine Firth",
    .job_title = "Estates Services Manager",
    .department = "Housing Management",
    .location = "Northgate Depot",
    .discipline = "Estates",
    .grade = "Band 5",
    .org_start = "1999-08-16",
    .role_start = "2014-03-03",
    .responsibilities = "The estates caretaking and grounds team: 22 operatives, 5 vans, 160 blocks.",
    .role_wanted = "either",
    .strengths = "I know every bin store in Brackenford.",
    .development_areas = "Computers, if I'm honest. The new rota system.",
    .challenges = "Fly-tipping. Recruiting.",
    .preferred_contact = "phone",
    .hours_per_month = "2",
    .reverse_meaning =
      "I'd have a go at being mentored by one of my lot, to be fair — "
      "they're better on the tablets than me.",
    .topics_wanted = TECH,
    .age_band = "55–64",
  },

  {
    .email = "jordan.mensah",
    .manager = "lorraine.firth",
    .name = "Jordan Mensah",
    .job_title = "Estates Operative",
    .department = "Housing Management",
    .location = "Northgate Depot",
    .discipline = "Estates",
    .grade = "Band 2",
    .org_start = "2022-05-09",
    .role_start = "2022-05-09",
    .responsibilities =
      "Caretaking on the Northfield blocks: cleaning, bulk waste, graffiti, "
      "checking fire doors, reporting repairs.",
    .role_wanted = "mentor",
    .strengths =
      "I notice things. I'm on the estates every day, so residents stop me "
      "and tell me stuff they'd never ring in.",
    .development_areas = "Want to pass my driving test and get on the van rota. Maybe an NVQ.",
    .challenges = "Lifts out for weeks and residents blaming us.",
    .experiences = "Played semi-pro football till I did my knee at 19.",
    .ideal_relationship = "Chilled. Just chatting, proper.",
    .self_description = "Quiet till I know you.",
    .three_years = "Team leader, or a repairs apprenticeship.",
    .passions = "Football, making beats (drill and Afrobeats), my little brother.",
    .work_life_balance = "Good. Early start, early finish.",
    .preferred_contact = "in-person, phone",
    .hours_per_month = "2",
    .time_available = "After 1. We start at 7.",
    .reverse_meaning = "Showing the bosses what Northfield is like at 7 in the morning.",
    .topics_offered = FRONTLINE ", " GENZ,
    .age_band = "16–24",
    .gender = "Man",
    .ethnicity = "Black British – African",
  },

  {
    .email = "precious.moyo",
    .manager = "lorraine.firth",
    .name = "Precious Moyo",
    .job_title = "Estates Operative",
    .department = "Housing Management",
    .location = "Northgate Depot",
    .discipline = "Estates",
    .grade = "Band 2",
    .org_start = "2023-01-16",
    .role_start = "2023-01-16",
    .responsibilities =
      "Cleaning and caretaking on Castle View and at the two Independent "
      "Living schemes nearby. I also do the fortnightly estate walkabouts "
      "with residents.",
    .role_wanted = "mentor",
    .strengths = "I am patient. The residents know me by name.",
    .development_areas =
      "I would like to train in housing. I have a social work degree from "
      "Zimbabwe that is not recognised here.",
    .challenges = "People assume I have no qualifications.",
    .experiences =
      "I came to the UK in 2021 as a care worker and worked nights in a care "
      "home in Keighley before this job.",
    .ideal_relationship =
      "Respectful. I would like my mentee to understand that people on the "
      "front line have a lot of skills you cannot see from the uniform.",
    .self_description = "Hard-working, faithful, and I laugh a lot.",
    .three_years = "Tenancy sustainment officer.",
    .passions = "Church, my daughter, gospel music, cooking sadza for my friends.",
    .work_life_balance = "I sometimes work extra shifts, but Sunday is for church and family.",
    .preferred_contact = "in-person, phone",
    .hours_per_month = "2",
    .time_available = "Weekday afternoons after 2.",
    .reverse_meaning = "Being heard.",
    .topics_offered = DIVERSITY ", " FRONTLINE,
    .age_band = "35–44",
    .gender = "Woman",
    .ethnicity = "Black African",
  },

  {
    .email = "yvonne.campbell",
    .manager = "gillian.ashworth",
    .name = "Yvonne Campbell",
    .job_title = "Head of Tenancy Services",
    .department = "Housing Management",
    .location = "Brackenford Hub",
    .discipline = "Housing management",
    .grade = "Band 7",
    .org_start = "2005-03-07",
    .role_start = "2022-06-01",
    .responsibilities = "Lettings, tenancy sustainment, and the south neighbourhood team.",
    .role_wanted = "mentee",
    .strengths = "Tenancy law, bringing on new managers, and community links in the south of the borough.",
    .development_areas =
      "Neurodiversity: someone close to me at work has just been diagnosed "
      "with ADHD, and I want to get it right rather than read a leaflet. "
      "And diversity and inclusion more widely, from the point of view of "
      "people who are new to the country.",
    .challenges = "Empty homes turnaround, and pressure from the council over temporary accommodation.",
    .experiences =
      "My parents came over on the Windrush and I grew up in Cross Flatts. "
      "I'm on the Race Equality Network steering group.",
    .ideal_relationship = "Two-way. I've got things to give back too.",
    .self_description = "Warm, direct, won't be hurried.",
    .three_years = "Mentoring others formally; maybe a coaching qualification.",
    .passions = "Gospel choir, my grandchildren, dominoes with my dad on Sundays.",
    .work_life_balance = "Good — it only took me fifty years.",
    .preferred_contact = "in-person",
    .hours_per_month = "3",
    .time_available = "Tuesday or Thursday afternoons.",
    .reverse_meaning = "Everybody has something to teach. Grade is not wisdom.",
    .topics_wanted = NEURO ", " DIVERSITY ", " WELLBEING,
    .age_band = "55–64",
    .gender = "Woman",
    .ethnicity = "Black British – Caribbean",
  },

  {
    .email = "imran.butt",
    .manager = "yvonne.campbell",
    .name = "Imran Butt",
    .job_title = "Neighbourhood Team Manager (South)",
    .department = "Housing Management",
    .location = "Brackenford Hub",
    .discipline = "Housing management",
    .grade = "Band 6",
    .org_start = "2013-04-08",
    .role_start = "2021-09-01",
    .responsibilities = "Seven officers on the south patches, plus the tenancy sustainment service.",
    .role_wanted = "either",
    .strengths = "Improving processes. I built the team's caseload tracker in Excel.",
    .development_areas = "Stepping up to head of service.",
    .challenges = "Getting IT to let us use the tracker properly.",
    .preferred_contact = "video, email",
    .hours_per_month = "2",
    .reverse_meaning = "Either way round — I'm in the middle and can learn in both directions.",
    .topics_offered = DATA,
    .topics_wanted = GENZ,
  },

  {
    .email = "siobhan.oconnell-nibhriain",
    .manager = "imran.butt",
    .name = "Siobhán O'Connell-Ní Bhriain",
    .job_title = "Tenancy Sustainment Officer",
    .department = "Housing Management",
    .location = "Brackenford Hub and homeworking",
    .discipline = "Tenancy support",
    .grade = "Band 4",
    .org_start = "2018-10-01",
    .role_start = "2022-01-10",
    .responsibilities =
      "Intensive support for tenants at risk of losing their home: benefits, "
      "debt, hoarding, mental health referrals, furniture grants. A caseload "
      "of about 35.",
    .role_wanted = "mentor",
    .strengths =
      "I hyperfocus, which is brilliant for an impossible benefits case. And "
      "I'm good at noticing what people aren't saying.",
    .development_areas =
      "Organisation, which I'm working on with an Access to Work coach. Not "
      "taking on everyone's problems as my own.",
    .challenges =
      "Working in an open-plan office with ADHD. I do my best work at home "
      "with headphones on, and I've had to fight for that.",
    .experiences =
      "I was diagnosed with ADHD last year, at 31. It explained a lot. I grew "
      "up in Galway, came over for university and never left.",
    .ideal_relationship =
      "Open-minded. I'd really like to talk to a senior manager about "
      "neurodiversity: reasonable adjustments shouldn't depend on having a "
      "nice manager.",
    .self_description = "Enthusiastic, a bit chaotic, very kind (people tell me).",
    .three_years = "Leading a neurodiversity staff network, and maybe a specialist tenancy support role.",
    .passions = "Sea swimming, trad music (I play the fiddle), true crime.",
    .work_life_balance = "Two homeworking days a week make it work.",
    .preferred_contact = "video, phone",
    .hours_per_month = "3",
    .time_available = "Mornings are my best time. Video is fine; please no surprise calls.",
    .reverse_meaning =
      "Making sure the people who write the policies have met the people "
      "they apply to.",
    .topics_offered = NEURO ", " WELLBEING ", " HYBRID,
    .age_band = "25–34",
    .gender = "Woman",
    .ethnicity = "White Irish",
    .disability = "Yes – ADHD",
  },

  /* Independent Living -------------------------------------------------- */

  {
    .email = "deborah.lumb",
    .manager = "gillian.ashworth",
    .name = "Deborah Lumb",
    .job_title = "Head of Independent Living",
    .department = "Independent Living",
    .location = "Elmfield Court",
    .discipline = "Supported housing",
    .grade = "Band 7",
    .org_start = "2014-01-06",
    .role_start = "2019-05-01",
    .responsibilities =
      "Eleven independent living schemes for older people and two supported "
      "housing services for young people leaving care. About 90 staff, many "
      "of them on shifts.",
    .role_wanted = "mentee",
    .strengths = "A care and support background, safeguarding, staying calm.",
    .development_areas =
      "Technology for our residents — video calls, telecare, tablets. Our "
      "residents in their eighties are getting online faster than our "
      "managers are. And the accessibility of everything we send them.",
    .challenges = "Moving the alarm systems from analogue to digital by 2027. Loneliness.",
    .experiences = "A registered nurse for fifteen years before I came into housing.",
    .ideal_relationship = "Practical and hands-on.",
    .self_description = "Organised. Quietly fierce about my residents.",
    .three_years = "Every scheme digitally connected, and a waiting list for our young people's service.",
    .passions = "Gardening, Zumba, Strictly.",
    .work_life_balance = "I'm on the on-call rota one week in six; otherwise good.",
    .preferred_contact = "in-person, phone",
    .hours_per_month = "2",
    .time_available = "Not Mondays (on-call handover).",
    .reverse_meaning =
      "Younger staff seeing our older residents as people rather than \"the "
      "elderly\" — and me learning their tech.",
    .topics_wanted = TECH ", " ACCESS,
    .age_band = "55–64",
    .gender = "Woman",
  },

  {
    .email = "bernadette.quinn",
    .manager = "deborah.lumb",
    .name = "Bernadette Quinn",
    .job_title = "Scheme Manager, Elmfield Court",
    .department = "Independent Living",
    .location = "Elmfield Court",
    .discipline = "Supported housing",
    .grade = "Band 5",
    .org_start = "2007-06-04",
    .role_start = "2016-02-01",
    .responsibilities = "Elmfield Court: 64 flats, a lounge, and a lot of personalities.",
    .role_wanted = "either",
    .strengths = "Patience.",
    .challenges = "Staff sickness.",
    .hours_per_month = "2",
  },

  {
    .email = "kasia.nowak",
    .manager = "bernadette.quinn",
    .name = "Kasia Nowak",
    .job_title = "Independent Living Support Worker",
    .department = "Independent Living",
    .location = "Elmfield Court",
    .discipline = "Support",
    .grade = "Band 3",
    .org_start = "2020-11-02",
    .role_start = "2020-11-02",
    .responsibilities =
      "Daily welfare calls, support plans, help with forms, activities. I "
      "also run Tech Tuesdays, where I help residents set up their tablets "
      "and video-call their grandchildren.",
    .role_wanted = "mentor",
    .strengths =
      "Patience, technology (I set up half the iPads at Elmfield), Polish "
      "and Russian.",
    .development_areas = "I would like to do a Level 3 diploma in management.",
    .challenges =
      "Residents who can't hear the phone or use the app. A lot of our "
      "\"digital by default\" is not accessible for them at all.",
    .experiences = "I came from Kraków in 2014. I worked in a hotel, then for a care agency.",
    .ideal_relationship = "Friendly and regular. Come to a Tech Tuesday!",
    .self_description = "Organised, cheerful, sometimes too honest.",
    .three_years = "Scheme manager.",
    .passions = "Baking (my pierniki are famous at Elmfield), walking in the Dales.",
    .work_life_balance = "Good. Four long days, three off.",
    .preferred_contact = "in-person, video",
    .hours_per_month = "3",
    .time_available = "Tuesdays after Tech Tuesday (from 2pm), or Thursdays.",
    .capacity = "2",
    .reverse_meaning =
      "Showing managers that \"digital\" also means an 87-year-old learning "
      "WhatsApp.",
    .topics_offered = TECH ", " ACCESS ", " FRONTLINE,
    .age_band = "35–44",
    .gender = "Woman",
    .ethnicity = "White – Polish",
  },

  {
    .email = "emmanuel.asante-boateng",
    .manager = "bernadette.quinn",
    .name = "Emmanuel Kwabena Asante-Boateng",
    .job_title = "Independent Living Officer",
    .department = "Independent Living",
    .location = "Riverside Hub",
    .discipline = "Support",
    .grade = "Band 3",
    .org_start = "2021-08-16",
    .role_start = "2023-03-01",
    .responsibilities = "Key work with 16 to 21-year-olds leaving care, at our young people's service at Riverside House.",
    .role_wanted = "either",
    .strengths = "I relate to the young people. Music and football break the ice.",
    .development_areas = "Writing support plans quicker.",
    .experiences = "I was in care myself from 14.",
    .ideal_relationship = "Not sure yet.",
    .preferred_contact = "phone",
    .hours_per_month = "2",
    .reverse_meaning =
      "Could go either way. I'd mentor on what care leavers need, or be "
      "mentored on getting into management.",
    .topics_offered = GENZ ", " WELLBEING,
    .age_band = "25–34",
    .gender = "Man",
    .ethnicity = "Black British – African",
  },

  /* Repairs and Maintenance --------------------------------------------- */

  {
    .email = "rajesh.malhotra",
    .manager = "catherine.mellor",
    .name = "Rajesh Malhotra",
    .job_title = "Director of Property",
    .department = "Repairs and Maintenance",
    .location = "Northgate Depot",
    .discipline = "Property and asset management",
    .grade = "Band 9",
    .org_start = "2015-06-01",
    .role_start = "2020-01-06",
    .responsibilities =
      "Repairs, planned investment, building and fire safety, and the "
      "development programme. About 420 staff and a £60m budget.",
    .role_wanted = "mentee",
    .strengths =
      "An engineering background, good with numbers and contractors, and "
      "I'm at the depot most mornings, so the trades know me.",
    .development_areas =
      "I run the service on dashboards that are two weeks out of date, and I "
      "suspect the real picture is on the lads' WhatsApp groups. I want to "
      "understand the tools our operatives use, and which of ours they "
      "quietly ignore. Also sustainability: the retrofit programme needs me "
      "to speak the language of people half my age.",
    .challenges =
      "Damp and mould, a backlog after the winter, and getting operatives to "
      "use the new job app instead of writing notes on their hands.",
    .experiences =
      "Chartered surveyor. I grew up on a council estate in Leicester and "
      "was the first in my family to go to university.",
    .ideal_relationship =
      "Someone from the depot floor or the planners — though ideally not "
      "inside Repairs: nobody is honest with the director in their own chain.",
    .self_description = "Practical, a bit of a worrier, quite funny once you get to know me (I'm told).",
    .three_years = "The net zero plan on track, and a repairs service residents trust.",
    .passions = "Cricket (I still turn out for Brackenford 3rds) and cooking for far too many people.",
    .work_life_balance = "The depot starts at 7:30, so I try to finish by 5.",
    .preferred_contact = "in-person, phone",
    .hours_per_month = "3",
    .time_available = "Early mornings before 9, or Thursday afternoons.",
    .reverse_meaning = "Turning the org chart upside down for an hour a month, and meaning it.",
    .topics_wanted = TECH ", " DATA ", " CLIMATE ", " FRONTLINE,
    .age_band = "45–54",
    .gender = "Man",
    .ethnicity = "British Indian",
  },

  {
    .email = "gary.pickersgill",
    .manager = "rajesh.malhotra",
    .name = "Gary Pickersgill",
    .job_title = "Head of Repairs",
    .department = "Repairs and Maintenance",
    .location = "Northgate Depot",
    .discipline = "Repairs",
    .grade = "Band 8",
    .org_start = "1996-09-02",
    .role_start = "2016-11-01",
    .responsibilities =
      "The in-house repairs service: 210 trades, planners and supervisors, "
      "58,000 jobs a year, the depot and the van fleet.",
    .role_wanted = "mentee",
    .strengths =
      "I started here as an apprentice joiner in 1996, so there's not much I "
      "haven't done. I can read a job sheet and tell you what went wrong.",
    .development_areas =
      "The apprentices run rings round me on the phone. Tyler showed me the "
      "depot's TikTok and it had more views than our annual report. I need "
      "to understand it, not ban it. Also what a repair looks like from the "
      "resident's side of the door.",
    .challenges =
      "Damp and mould jobs have doubled in two years. Operatives hate the "
      "new job app. We can't recruit gas engineers.",
    .experiences = "Forty years on the tools and off them, thirty of them here.",
    .ideal_relationship = "Somebody not in Repairs. I'd like to see the other end of the call — the contact centre, maybe.",
    .self_description = "Old school, but I'll listen.",
    .three_years = "Retired, probably. I'd like to leave the depot in good hands and with decent kit.",
    .passions = "Fishing, Brackenford Rovers, the caravan at Filey.",
    .work_life_balance = "At the depot at quarter to seven for 28 years. My wife says I need a mentor for that.",
    .preferred_contact = "in-person, phone",
    .hours_per_month = "2",
    .time_available = "Afternoons after 2. Not Mondays.",
    .reverse_meaning = "Swallowing my pride, basically.",
    .topics_wanted = SOCIAL ", " CUSTOMER ", " TECH,
    .age_band = "55–64",
    .gender = "Man",
    .ethnicity = "White British",
  },

  {
    .email = "darren.hirst",
    .manager = "gary.pickersgill",
    .name = "Darren Hirst",
    .job_title = "Repairs Team Manager (North)",
    .department = "Repairs and Maintenance",
    .location = "Northgate Depot",
    .discipline = "Repairs",
    .grade = "Band 6",
    .org_start = "2004-04-19",
    .role_start = "2019-08-05",
    .responsibilities = "Responsive repairs in the north: 34 operatives, two supervisors, two apprentices.",
    .role_wanted = "either",
    .strengths = "Scheduling, sorting problems on the fly.",
    .development_areas = "Complaints — the formal side.",
    .challenges = "Sickness absence, vans breaking down.",
    .preferred_contact = "phone",
    .hours_per_month = "2",
    .reverse_meaning = "Happy to do whatever, but I'd rather the apprentices got the chance to mentor.",
  },

  {
    .email = "tyler.booth",
    .manager = "darren.hirst",
    .name = "Tyler Booth",
    .job_title = "Apprentice Multi-Trade Operative",
    .department = "Repairs and Maintenance",
    .location = "Northgate Depot",
    .discipline = "Repairs – multi-trade",
    .grade = "Band 1",
    .org_start = "2025-09-01",
    .role_start = "2025-09-01",
    .responsibilities =
      "Second-year apprentice, out on the van with Jamal most days: "
      "plumbing, joinery, bits of plastering. I also run the depot WhatsApp "
      "group (120 people) and I started our TikTok, @brackenforddepot, "
      "which is on 14k followers.",
    .role_wanted = "mentor",
    .strengths =
      "Social media — I know what gets views and what doesn't. Making "
      "videos. Getting on with residents, specially the younger ones who "
      "won't ring the repairs line.",
    .development_areas = "My maths for the Level 3. Getting taken seriously when I suggest stuff.",
    .challenges =
      "College one day a week and catching up the rest. The job app crashes "
      "when there's no signal in the tower blocks.",
    .experiences =
      "Left school with not much. Did a media course at college before I "
      "switched to trades, so I'm probably the only plasterer who can edit "
      "video.",
    .ideal_relationship = "Chill, but we actually do stuff. I want my mentee to post something by the end.",
    .self_description = "Funny. Bit cheeky. Grafter.",
    .three_years = "Qualified, on my own van, and doing the depot's comms properly as part of my job.",
    .passions = "Making videos, the gym, Brackenford Rovers, my car.",
    .work_life_balance = "Good. Finish at half 3 and go gym.",
    .preferred_contact = "in-person, video",
    .hours_per_month = "2",
    .time_available = "After half 3, or Wednesday dinnertimes on Teams when I'm at college.",
    .reverse_meaning = "The big bosses learning off an apprentice. Sounds mad but that's the point.",
    .topics_offered = SOCIAL ", " GENZ ", " FRONTLINE ", " TECH,
    .age_band = "16–24",
    .gender = "Man",
    .ethnicity = "White British",
  },

  {
    .email = "jamal.ahmed",
    .manager = "darren.hirst",
    .name = "Jamal Ahmed",
    .job_title = "Multi-Trade Operative",
    .department = "Repairs and Maintenance",
    .location = "Northgate Depot",
    .discipline = "Repairs – multi-trade",
    .grade = "Band 3",
    .org_start = "2016-03-14",
    .role_start = "2016-03-14",
    .responsibilities =
      "Responsive repairs across the north: leaks, doors, windows, damp and "
      "mould treatments. I train the apprentices on my van.",
    .role_wanted = "mentor",
    .strengths =
      "I explain things simply, to residents and to apprentices. Patient. "
      "Most of my residents know my first name and ask for me.",
    .development_areas = "I'd like to go for supervisor, but I've not done an interview since I started.",
    .challenges =
      "Going back three times to the same damp job because the cause is in "
      "the building, and that's not on my job sheet.",
    .experiences = "I'm inside eight homes a day. I know more about how our tenants live than anyone in head office.",
    .ideal_relationship = "Come out on the van for a morning. Then we talk.",
    .self_description = "Steady. Family man.",
    .three_years = "Supervisor.",
    .passions = "Boxing (I coach the juniors at the community centre), my kids, doing up old bikes.",
    .work_life_balance = "Fine, apart from overtime in winter.",
    .preferred_contact = "in-person, phone",
    .hours_per_month = "2",
    .time_available = "Thursday afternoons.",
    .reverse_meaning = "Giving the people at the top eyes on the ground.",
    .topics_offered = FRONTLINE ", " CUSTOMER ", " DIVERSITY,
    .age_band = "35–44",
    .gender = "Man",
    .ethnicity = "British Bangladeshi",
  },

  {
    .email = "sunita.mistry",
    .manager = "gary.pickersgill",
    .name = "Sunita Mistry",
    .job_title = "Planning Team Leader",
    .department = "Repairs and Maintenance",
    .location = "Northgate Depot",
    .discipline = "Repairs planning",
    .grade = "Band 5",
    .org_start = "2012-07-02",
    .role_start = "2020-10-12",
    .responsibilities = "I lead the six repairs planners who schedule about 1,100 jobs a week.",
    .role_wanted = "either",
    .strengths = "Scheduling, calm on the phone, Excel.",
    .development_areas = "Leadership — I'd like a proper qualification.",
    .preferred_contact = "video, in-person",
    .hours_per_month = "2",
    .reverse_meaning = "I'd mentor or be mentored, whichever is more useful.",
    .topics_offered = DATA ", " HYBRID,
    .topics_wanted = WELLBEING,
    .age_band = "35–44",
    .gender = "Woman",
    .ethnicity = "British Indian",
  },

  {
    .email = "chloe.dyson",
    .manager = "sunita.mistry",
    .name = "Chloe Dyson",
    .job_title = "Repairs Planner",
    .department = "Repairs and Maintenance",
    .location = "Northgate Depot and homeworking",
    .discipline = "Repairs planning",
    .grade = "Band 3",
    .org_start = "2021-02-22",
    .role_start = "2021-02-22",
    .responsibilities =
      "I schedule responsive repairs for the north team: I match jobs to "
      "trades and vans, chase materials and ring residents to book "
      "appointments.",
    .role_wanted = "mentor",
    .strengths =
      "I built a Power BI dashboard of no-access visits in my own time, and "
      "it shows exactly where we waste trips. I'm quick on systems.",
    .development_areas = "Confidence presenting to managers. Getting my dashboard used officially.",
    .challenges = "We plan from three systems that don't talk to each other.",
    .experiences = "I worked in a mobile network's call centre before this, so I know what good (and bad) looks like.",
    .ideal_relationship = "A mentee who wants to see the data, not just hear about it.",
    .self_description = "Nerdy about spreadsheets.",
    .three_years = "A data role, maybe in Digital and Data.",
    .passions = "Crochet, Taylor Swift, my nephew, Excel (genuinely).",
    .work_life_balance = "Three days at the depot, two at home. It works.",
    .preferred_contact = "video, in-person",
    .hours_per_month = "3",
    .time_available = "My home days, Monday and Friday, are easiest.",
    .reverse_meaning = "Getting senior people to see what we see.",
    .topics_offered = DATA ", " HYBRID ", " CUSTOMER,
    .age_band = "25–34",
    .gender = "Woman",
  },

  {
    .email = "aisha.patel",
    .manager = "sunita.mistry",
    .name = "Aisha Patel",
    .job_title = "Trainee Building Surveyor",
    .department = "Repairs and Maintenance",
    .location = "Northgate Depot",
    .discipline = "Surveying",
    .grade = "Band 4",
    .org_start = "2023-09-04",
    .role_start = "2023-09-04",
    .responsibilities =
      "Damp and mould surveys, stock condition surveys, and retrofit "
      "assessments for the Warm Homes programme. I'm on the RICS degree "
      "apprenticeship one day a week.",
    .role_wanted = "mentor",
    .strengths =
      "Retrofit and energy: my project at college was on heat pumps in "
      "terraced houses. Thermal imaging. I'm the one who explains EPC "
      "ratings to the rest of the team.",
    .development_areas = "Public speaking. Residents who are angry before I've even arrived.",
    .challenges = "Damp and mould caused by fuel poverty is not something a survey alone can fix.",
    .experiences = "I grew up in a damp back-to-back in Brackenford, so this is personal.",
    .ideal_relationship =
      "Someone who wants to get into the detail of retrofit and net zero — "
      "and maybe come along to a survey.",
    .self_description = "Determined, geeky about buildings, slightly anxious.",
    .three_years = "Chartered, and leading on retrofit.",
    .passions = "Climate campaigning, bouldering, Bollywood dance classes.",
    .work_life_balance = "Hard in exam season.",
    .preferred_contact = "in-person, video",
    .hours_per_month = "4",
    .time_available = "Tuesday or Thursday afternoons.",
    .capacity = "2",
    .reverse_meaning =
      "Climate is my generation's problem. I want to share what I know with "
      "the people who set the budget.",
    .topics_offered = CLIMATE ", " TECH ", " FRONTLINE,
    .age_band = "16–24",
    .gender = "Woman",
    .ethnicity = "British Indian",
  },

  {
    .email = "neil.brearley",
    .manager = "rajesh.malhotra",
    .name = "Neil Brearley",
    .job_title = "Head of Property Compliance",
    .department = "Repairs and Maintenance",
    .location = "Northgate Depot",
    .discipline = "Building safety",
    .grade = "Band 7",
    .org_start = "2018-02-05",
    .role_start = "2021-11-01",
    .responsibilities =
      "The big six: gas, electrical, fire, asbestos, water and lifts. The "
      "building safety case for our four high-rise blocks.",
    .role_wanted = "mentee",
    .strengths = "Regulation, risk, audit. Very thorough.",
    .development_areas =
      "Talking to residents — especially young families in the high-rises — "
      "about building safety without frightening them. And accessible "
      "safety information: evacuation plans for disabled residents.",
    .challenges = "Access refusals for gas checks. Residents don't answer our letters (sound familiar?).",
    .experiences = "Twelve years in the fire service before this.",
    .ideal_relationship = "Blunt feedback welcome.",
    .passions = "Mountain biking, the dog, home brewing.",
    .preferred_contact = "in-person",
    .hours_per_month = "2",
    .time_available = "Wednesday mornings.",
    .reverse_meaning = "A different lens on risk.",
    .topics_wanted = CUSTOMER ", " ACCESS ", " SOCIAL,
    .age_band = "45–54",
    .gender = "Man",
  },

  {
    .email = "ryan.kowalczyk",
    .manager = "neil.brearley",
    .name = "Ryan Kowalczyk",
    .job_title = "Gas Engineer",
    .department = "Repairs and Maintenance",
    .location = "Northgate Depot",
    .discipline = "Gas",
    .grade = "Band 4",
    .org_start = "2017-01-09",
    .role_start = "2019-06-03",
    .responsibilities = "Gas servicing, breakdowns and annual safety checks.",
    .role_wanted = "either",
    .strengths = "Gas Safe registered, nine years.",
  },

  /* Development and Regeneration ---------------------------------------- */

  {
    .email = "oluwaseun.adeyemi-richardson-okonkwo",
    .manager = "rajesh.malhotra",
    .name = "Oluwaseun Adeyemi-Richardson-Okonkwo",
    .job_title = "Head of Development and Regeneration",
    .department = "Development and Regeneration",
    .location = "Brackenford Hub",
    .discipline = "Development",
    .grade = "Band 8",
    .org_start = "2017-05-15",
    .role_start = "2022-03-01",
    .responsibilities =
      "The new-build programme (about 250 homes a year) and the Castle View "
      "regeneration: land, planning, contractors and resident consultation.",
    .role_wanted = "mentee",
    .strengths = "Deals, planning, the council. People call me Seun — please do.",
    .development_areas =
      "Consultation that reaches beyond the same twelve people at the "
      "community centre. I'd like to understand how younger residents want "
      "to be consulted, and how we get the climate message right.",
    .challenges = "Build costs, planning delays, and the Castle View ballot next spring.",
    .experiences =
      "Lived in Lagos until I was twelve; trained as an architect in "
      "Manchester. My name has never fitted on a form, which has made me "
      "very patient with IT systems.",
    .ideal_relationship = "Someone who'll tell me when our consultation leaflets are unreadable.",
    .self_description = "Optimistic. Talkative.",
    .three_years = "Castle View on site.",
    .passions = "Architecture, jollof rice debates, Afrobeats, Manchester United.",
    .work_life_balance = "Poor during the ballot, I expect.",
    .preferred_contact = "video, in-person",
    .hours_per_month = "2",
    .time_available = "Friday afternoons.",
    .reverse_meaning = "Designing with the generation who will live in what we build.",
    .topics_wanted = CLIMATE ", " SOCIAL ", " GENZ,
    .age_band = "45–54",
    .gender = "Man",
    .ethnicity = "Black British – African",
  },

  {
    .email = "hamza.qureshi",
    .manager = "oluwaseun.adeyemi-richardson-okonkwo",
    .name = "Hamza Qureshi",
    .job_title = "Regeneration Project Manager",
    .department = "Development and Regeneration",
    .location = "Castle View site office",
    .discipline = "Regeneration",
    .grade = "Band 6",
    .org_start = "2019-01-07",
    .role_start = "2023-06-01",
    .responsibilities =
      "Day-to-day running of the Castle View regeneration: consultation "
      "events, rehousing, and the contractor.",
    .role_wanted = "mentee",
    .strengths = "Community engagement, Arabic and Urdu, good with a spreadsheet.",
    .development_areas =
      "I know I'm not the target group, but I'd love a reverse mentor on "
      "climate and sustainability. I'm expected to talk about it at every "
      "consultation event and I'm winging it.",
    .challenges = "Rehousing 96 households before demolition.",
    .ideal_relationship = "Anyone who knows their stuff on net zero.",
    .preferred_contact = "video",
    .hours_per_month = "2",
    .reverse_meaning = "Learning from whoever knows more, whatever their grade.",
    .topics_wanted = CLIMATE ", " SOCIAL,
  },

  {
    .email = "zoe.lefevre",
    .manager = "hamza.qureshi",
    .name = "Zoë Lefèvre",
    .job_title = "Graduate Trainee (Development)",
    .department = "Development and Regeneration",
    .location = "Brackenford Hub and homeworking",
    .discipline = "Development",
    .grade = "Band 4",
    .org_start = "2025-09-01",
    .role_start = "2025-09-01",
    .responsibilities =
      "Two-year graduate scheme. On my current rotation with the Castle View "
      "team I'm writing the consultation plan, working on the carbon "
      "assessment for the new homes and running the regeneration Instagram.",
    .role_wanted = "mentor",
    .strengths =
      "Sustainability (MSc in Climate Change Management), design software, "
      "social media. Bilingual French and English.",
    .development_areas =
      "Understanding how decisions actually get made here. Confidence with "
      "contractors who call me \"love\".",
    .challenges = "Working out the unwritten rules.",
    .experiences = "Grew up between Lyon and Sheffield, and spent a year at a housing co-op in Vienna.",
    .ideal_relationship = "Honest, curious, and a bit of fun.",
    .self_description = "Idealistic, but practical about it.",
    .three_years = "A development manager on zero-carbon schemes.",
    .passions = "Climbing, vintage clothes, cycling everywhere.",
    .work_life_balance = "Good — I guard my weekends in the Peak District.",
    .preferred_contact = "video, in-person",
    .hours_per_month = "3",
    .time_available = "Any afternoon with a week's notice.",
    .reverse_meaning = "A two-way street: I bring fresh ideas, they bring the context.",
    .topics_offered = CLIMATE ", " GENZ ", " HYBRID ", " SOCIAL,
    .age_band = "25–34",
    .gender = "Woman",
    .ethnicity = "White – other",
  },

  {
    .email = "connor.mcbride",
    .manager = "hamza.qureshi",
    .name = "Connor McBride",
    .job_title = "Resident Engagement Assistant",
    .department = "Development and Regeneration",
    .location = "Castle View site office",
    .discipline = "Community engagement",
    .grade = "Band 3",
    .org_start = "2022-10-03",
    .role_start = "2022-10-03",
    .responsibilities =
      "Drop-ins and door-knocking on Castle View, the residents' Facebook "
      "group, and the monthly newsletter.",
    .role_wanted = "mentor",
    .strengths =
      "Running a Facebook group of 1,800 residents without it turning into "
      "a war. Design (Canva).",
    .development_areas = "Writing formal reports.",
    .challenges = "Rumours. One post and the whole estate thinks they're being evicted.",
    .experiences = "Grew up on Castle View. My nan still lives there.",
    .ideal_relationship = "Someone who wants to know what residents are really saying.",
    .self_description = "Sociable.",
    .three_years = "Community engagement officer.",
    .passions = "Darts, festivals, my Staffie (Biscuit).",
    .preferred_contact = "phone, in-person",
    .hours_per_month = "2",
    .time_available = "Mornings.",
    .reverse_meaning = "Letting the people who grew up on our estates shape them.",
    .topics_offered = SOCIAL ", " CUSTOMER,
    .age_band = "16–24",
    .gender = "Man",
    .ethnicity = "White British",
  },

  /* Customer Contact Centre --------------------------------------------- */

  {
    .email = "claire.donnelly",
    .manager = "catherine.mellor",
    .name = "Claire Donnelly",
    .job_title = "Director of Customer and Digital",
    .department = "Customer Contact Centre",
    .location = "Brackenford Hub",
    .discipline = "Customer experience",
    .grade = "Band 9",
    .org_start = "2021-03-15",
    .role_start = "2021-03-15",
    .responsibilities =
      "The Customer Contact Centre, digital services and data. I own the "
      "customer strategy and the new self-service portal.",
    .role_wanted = "mentee",
    .strengths =
      "Transformation programmes, decisions led by data, energy. I came "
      "from retail banking, so I've done a digital channel shift before.",
    .development_areas =
      "Understanding our customers — not bank customers. Residents who are "
      "digitally excluded, and young residents who will only talk to us on "
      "Instagram. And I want to understand AI tools properly rather than "
      "nodding along in vendor meetings.",
    .challenges =
      "Portal take-up is 23%. Waiting times are too long on Mondays. The "
      "Board wants AI \"somewhere\" by next year.",
    .experiences = "Five years in Singapore, running a contact centre of 600 people.",
    .ideal_relationship = "Challenge me. I talk fast, so I need someone who'll tell me when I've stopped listening.",
    .self_description = "Curious, restless, competitive.",
    .three_years = "A chief executive, ideally in housing.",
    .passions = "Triathlon, podcasts, my two boys' football.",
    .work_life_balance = "A juggle. I'm at the Hub on Mondays and Thursdays.",
    .preferred_contact = "video, in-person",
    .hours_per_month = "3",
    .time_available = "Monday or Thursday lunchtimes at the Hub; video any time if booked a week ahead.",
    .reverse_meaning = "Access to an expert I'd never otherwise be allowed to book.",
    .topics_wanted = TECH ", " ACCESS ", " SOCIAL,
    .age_band = "45–54",
    .gender = "Woman",
    .ethnicity = "White Irish",
  },

  {
    .email = "nicola.brennan",
    .manager = "claire.donnelly",
    .name = "Nicola Brennan",
    .job_title = "Head of Customer Experience",
    .department = "Customer Contact Centre",
    .location = "Brackenford Hub",
    .discipline = "Customer service",
    .grade = "Band 8",
    .org_start = "2013-09-09",
    .role_start = "2021-05-04",
    .responsibilities = "The Customer Contact Centre (65 advisors), complaints, and customer insight.",
    .role_wanted = "mentee",
    .strengths = "Complaints, coaching, a grip on operations.",
    .development_areas =
      "Accessibility. We have a deaf colleague in the centre now, and I've "
      "realised how little of our service works for BSL users. And "
      "neurodiversity: several advisors have told me a call centre is a "
      "nightmare of an environment for them.",
    .challenges = "Contacts up 20% year on year. Ombudsman findings.",
    .experiences = "I started as an advisor in a gas company's call centre at 17.",
    .ideal_relationship = "Someone from outside the contact centre — my own team might not be candid with me.",
    .self_description = "A straight-talking Scouser, but I listen.",
    .three_years = "Director.",
    .passions = "Liverpool FC, my kids' dance competitions, the Peloton.",
    .work_life_balance = "Working on it.",
    .preferred_contact = "in-person, video",
    .hours_per_month = "3",
    .time_available = "Tuesday or Wednesday afternoons.",
    .reverse_meaning = "Humility, mostly.",
    .topics_wanted = ACCESS ", " NEURO ", " WELLBEING,
    .age_band = "45–54",
    .gender = "Woman",
    .ethnicity = "White British",
  },

  {
    .email = "joanne.fairclough",
    .manager = "nicola.brennan",
    .name = "Joanne Fairclough",
    .job_title = "Contact Centre Operations Manager",
    .department = "Customer Contact Centre",
    .location = "Brackenford Hub",
    .discipline = "Customer service",
    .grade = "Band 7",
    .org_start = "2010-06-14",
    .role_start = "2020-01-13",
    .responsibilities =
      "The day-to-day running of the contact centre: rotas, call "
      "performance, the team leaders, and the hybrid model for advisors.",
    .role_wanted = "mentee",
    .strengths = "Workforce planning, numbers, keeping calm on storm days.",
    .development_areas =
      "Leading a hybrid team: half my advisors are at home and I'm not sure "
      "I'm reaching them. Social media as a contact channel.",
    .challenges = "Absence, people leaving in their first six months, the Monday peak.",
    .ideal_relationship = "Relaxed, regular.",
    .self_description = "Practical.",
    .passions = "Caravanning, crime novels.",
    .work_life_balance = "OK.",
    .preferred_contact = "in-person, phone",
    .hours_per_month = "2",
    .time_available = "Thursday mornings.",
    .reverse_meaning = "Learning what it's like to be new here now.",
    .topics_wanted = HYBRID ", " SOCIAL ", " GENZ,
    .age_band = "45–54",
    .gender = "Woman",
  },

  {
    .email = "leanne.barraclough",
    .manager = "joanne.fairclough",
    .name = "Leanne Barraclough",
    .job_title = "Customer Contact Team Leader",
    .department = "Customer Contact Centre",
    .location = "Brackenford Hub",
    .discipline = "Customer service",
    .grade = "Band 5",
    .org_start = "2015-02-02",
    .role_start = "2022-08-01",
    .responsibilities = "A team of 14 advisors: call quality, coaching, the rota.",
    .role_wanted = "either",
    .strengths = "Coaching. Knowing the systems.",
    .development_areas = "Managing people older than me.",
    .preferred_contact = "in-person",
    .hours_per_month = "2",
    .reverse_meaning = "Happy to mentor for the programme, but I'd probably get more out of being mentored.",
    .topics_offered = CUSTOMER,
  },

  {
    .email = "jade.whitaker",
    .manager = "leanne.barraclough",
    .name = "Jade Whitaker",
    .job_title = "Customer Service Advisor",
    .department = "Customer Contact Centre",
    .location = "Brackenford Hub",
    .discipline = "Customer service",
    .grade = "Band 2",
    .org_start = "2023-04-17",
    .role_start = "2023-04-17",
    .responsibilities = "Calls, webchat and emails about repairs, rent and anti-social behaviour. About 70 contacts a day.",
    .role_wanted = "mentor",
    .strengths =
      "Calming angry callers down. I'm quick on the systems and I know what "
      "residents actually ring about.",
    .development_areas = "I'd like to move into complaints or training.",
    .challenges =
      "Getting the blame for things like repair delays that aren't down to "
      "us. Reading scripts that don't fit what the caller is asking.",
    .experiences =
      "I was a Brackenford Homes tenant before I worked here — I still am. "
      "I know what it's like waiting three weeks for a boiler with a baby.",
    .ideal_relationship = "Someone who'll actually sit and listen to a few calls with me.",
    .self_description = "Loud, loyal, and good at my job.",
    .three_years = "Team leader.",
    .passions = "Nails, TikTok, Love Island, my daughter Lexi.",
    .work_life_balance = "Hard — childcare.",
    .preferred_contact = "in-person, phone",
    .hours_per_month = "2",
    .time_available = "Tuesday mornings after the call peak.",
    .reverse_meaning = "Seniors getting a reality check, in a nice way.",
    .topics_offered = CUSTOMER ", " FRONTLINE ", " SOCIAL,
    .age_band = "25–34",
    .gender = "Woman",
    .ethnicity = "White British",
  },

  {
    .email = "mohammed.iqbal",
    .manager = "leanne.barraclough",
    .name = "Mohammed Iqbal",
    .job_title = "Customer Service Advisor",
    .department = "Customer Contact Centre",
    .location = "Brackenford Hub and homeworking",
    .discipline = "Customer service",
    .grade = "Band 2",
    .org_start = "2024-06-03",
    .role_start = "2024-06-03",
    .responsibilities = "Calls and webchat. I also help the team leaders test the new AI call summaries.",
    .role_wanted = "mentor",
    .strengths =
      "AI tools. I use ChatGPT and Copilot every day, and the prompts I wrote "
      "for the team cut our after-call notes in half. Building PCs. "
      "Explaining tech without the jargon.",
    .development_areas = "Public speaking. Getting into Digital and Data.",
    .challenges = "A part-time computer science degree with the Open University on top of a full-time job.",
    .experiences = "I started an esports club at sixth form that's still going.",
    .ideal_relationship = "Someone who wants to try things rather than talk about them. Bring your laptop.",
    .self_description = "Curious, quiet, helpful.",
    .three_years = "In the Digital team, maybe as an automation developer.",
    .passions = "Gaming, AI, Man City, cooking with my mum.",
    .work_life_balance = "Busy with uni, but OK.",
    .preferred_contact = "video, email",
    .hours_per_month = "4",
    .time_available = "Wednesdays and Fridays (home days), any time if it's booked.",
    .capacity = "2",
    .reverse_meaning = "Helping leaders understand AI before they buy it.",
    .topics_offered = TECH ", " GENZ ", " SOCIAL,
    .age_band = "16–24",
    .gender = "Man",
    .ethnicity = "British Pakistani",
  },

  {
    .email = "ellie.greenwood",
    .manager = "leanne.barraclough",
    .name = "Ellie Greenwood",
    .job_title = "Customer Service Advisor",
    .department = "Customer Contact Centre",
    .location = "Brackenford Hub",
    .discipline = "Customer service",
    .grade = "Band 2",
    .org_start = "2024-02-12",
    .role_start = "2024-02-12",
    .responsibilities = "Webchat, email, and our new video relay service for residents who use BSL.",
    .role_wanted = "mentor",
    .strengths =
      "I'm deaf and a BSL user, and I helped set up our video relay "
      "service. I know what accessible customer service looks like, because "
      "I rarely get it.",
    .development_areas = "I'd like to train colleagues in deaf awareness.",
    .challenges = "Meetings without captions. Colleagues who shout.",
    .experiences = "Two seasons in the GB deaf women's futsal squad.",
    .ideal_relationship = "Please turn captions on. And book an interpreter through Priya — it's paid for.",
    .self_description = "Determined, funny, direct.",
    .three_years = "Accessibility lead.",
    .passions = "Futsal, photography, BSL poetry.",
    .preferred_contact = "video, email, in-person",
    .hours_per_month = "2",
    .time_available = "Mornings, with an interpreter booked at least five days ahead.",
    .reverse_meaning =
      "Senior people experiencing, even for an hour, how our services feel "
      "to someone who can't use the phone.",
    .topics_offered = ACCESS ", " DIVERSITY,
    .age_band = "25–34",
    .gender = "Woman",
    .disability = "Yes – deaf (BSL user)",
  },

  {
    .email = "adebola.ogunleye",
    .manager = "joanne.fairclough",
    .name = "Adebola Ogunleye",
    .job_title = "Customer Contact Team Leader",
    .department = "Customer Contact Centre",
    .location = "Homeworking",
    .discipline = "Customer service",
    .grade = "Band 5",
    .org_start = "2017-11-20",
    .role_start = "2023-01-09",
    .responsibilities = "I lead the homeworking team: 12 advisors spread across Brackenford and beyond.",
    .role_wanted = "either",
    .strengths = "Leading a team I rarely see, Teams, keeping people connected.",
    .development_areas = "Strategic thinking.",
    .challenges = "Loneliness in remote teams.",
    .preferred_contact = "video",
    .hours_per_month = "2",
    .reverse_meaning = "Sharing how we make hybrid actually work.",
    .topics_offered = HYBRID ", " WELLBEING,
    .age_band = "35–44",
    .gender = "Woman",
    .ethnicity = "Black British – African",
  },

  {
    .email = "bethany.clough",
    .manager = "adebola.ogunleye",
    .name = "Bethany Clough",
    .job_title = "Customer Service Advisor",
    .department = "Customer Contact Centre",
    .location = "Homeworking",
    .discipline = "Customer service",
    .grade = "Band 2",
    .org_start = "2025-03-10",
    .role_start = "2025-03-10",
    .responsibilities = "Calls and emails.",
    .hours_per_month = "2",
  },

  /* Digital and Data ----------------------------------------------------- */

  {
    .email = "tomasz.wisniewski",
    .manager = "claire.donnelly",
    .name = "Tomasz Wiśniewski",
    .job_title = "Head of Digital and Data",
    .department = "Digital and Data",
    .location = "Brackenford Hub and homeworking",
    .discipline = "Digital",
    .grade = "Band 8",
    .org_start = "2019-09-02",
    .role_start = "2022-01-04",
    .responsibilities = "IT, the resident portal, data and business intelligence, cyber security. A team of 28.",
    .role_wanted = "mentee",
    .strengths = "Systems thinking, architecture, managing suppliers.",
    .development_areas =
      "I build for residents I've never met. I'd like to understand the "
      "front line and the contact centre, so our portal and apps fit real "
      "jobs. And Gen Z colleagues: we lose young developers to fintech after "
      "eighteen months.",
    .challenges = "A legacy housing management system, cyber threats, AI hype.",
    .experiences = "Came from Poznań in 2006; my first job here was nights in a warehouse.",
    .ideal_relationship = "Someone from a team that uses our systems and hates them.",
    .self_description = "Calm, analytical, dry sense of humour.",
    .three_years = "The housing management system replaced without anyone noticing. Ha.",
    .passions = "Chess, sourdough, running.",
    .work_life_balance = "Good. Homeworking helps.",
    .preferred_contact = "video, in-person",
    .hours_per_month = "2",
    .time_available = "Flexible.",
    .reverse_meaning = "User research, frankly — but with a relationship.",
    .topics_wanted = FRONTLINE ", " GENZ ", " CUSTOMER,
    .age_band = "35–44",
    .gender = "Man",
    .ethnicity = "White – Polish",
  },

  {
    .email = "wei.chen",
    .manager = "tomasz.wisniewski",
    .name = "Wei Chen",
    .job_title = "Data and Insight Manager",
    .department = "Digital and Data",
    .location = "Homeworking",
    .discipline = "Data and analytics",
    .grade = "Band 6",
    .org_start = "2020-05-11",
    .role_start = "2023-02-01",
    .responsibilities =
      "The BI platform, the KPI dashboards for the Executive Team and the "
      "Board, and the regulator's tenant satisfaction measures.",
    .role_wanted = "either",
    .strengths = "Power BI, SQL, statistics.",
    .development_areas = "Influencing senior leaders who don't trust the numbers.",
    .challenges = "Data quality from the housing system.",
    .preferred_contact = "video, email",
    .hours_per_month = "2",
    .reverse_meaning = "Could mentor on data, or be mentored on influencing.",
    .topics_offered = DATA,
    .age_band = "35–44",
    .gender = "Woman",
    .ethnicity = "British Chinese",
  },

  {
    .email = "harpreet.kaur",
    .manager = "wei.chen",
    .name = "Harpreet Kaur",
    .job_title = "Data Analyst Apprentice",
    .department = "Digital and Data",
    .location = "Brackenford Hub",
    .discipline = "Data and analytics",
    .grade = "Band 3",
    .org_start = "2024-09-02",
    .role_start = "2024-09-02",
    .responsibilities =
      "Level 4 data analyst apprenticeship. I build dashboards for Income "
      "and Repairs and I'm cleaning up our address data.",
    .role_wanted = "mentor",
    .strengths = "Power BI, Python (learning), explaining charts to people who don't like charts.",
    .development_areas = "Presenting. Understanding the housing side.",
    .challenges = "Real data is messier than anything on my course.",
    .experiences =
      "First in my family to work in an office. I volunteer in the langar "
      "at the gurdwara on Sundays.",
    .ideal_relationship = "Someone who's curious about data, even if they're scared of it.",
    .self_description = "Quiet but determined.",
    .three_years = "A fully qualified data analyst.",
    .passions = "Bhangra, badminton, K-dramas.",
    .work_life_balance = "Good.",
    .preferred_contact = "video, in-person",
    .hours_per_month = "2",
    .time_available = "Thursday afternoons.",
    .reverse_meaning = "Helping leaders trust what the numbers are telling them.",
    .topics_offered = DATA ", " TECH ", " GENZ,
    .age_band = "16–24",
    .gender = "Woman",
    .ethnicity = "British Indian",
  },

  {
    .email = "sam.oduya",
    .manager = "wei.chen",
    .name = "Sam Oduya",
    .job_title = "Junior Developer",
    .department = "Digital and Data",
    .location = "Homeworking",
    .discipline = "Software development",
    .grade = "Band 4",
    .org_start = "2023-01-03",
    .role_start = "2023-01-03",
    .responsibilities =
      "Building and fixing the resident portal and our internal apps, and "
      "accessibility testing (WCAG 2.2) of everything we ship.",
    .role_wanted = "mentor",
    .strengths =
      "Web accessibility, automation, noticing patterns. I'm autistic and "
      "open about it; it makes me very good at spotting where a process "
      "breaks.",
    .development_areas = "Meetings with stakeholders (I prefer a written agenda in advance). Estimating.",
    .challenges = "Noise on office days. Requests that don't say what they want.",
    .experiences = "Self-taught. I left a philosophy degree to do a coding bootcamp.",
    .ideal_relationship =
      "A written agenda in advance, the same time each month, on video or "
      "in a quiet room. I'll be direct and I'd like the same back.",
    .self_description = "Precise, honest, interested in how things work.",
    .three_years = "Accessibility specialist or senior developer.",
    .passions = "Mechanical keyboards, birdwatching, science fiction.",
    .work_life_balance = "Homeworking is the reasonable adjustment that makes my job possible.",
    .preferred_contact = "video, email",
    .hours_per_month = "2",
    .time_available = "Tuesdays 10:00–11:00, every month.",
    .reverse_meaning = "Helping leaders see neurodivergent staff as an asset, not an adjustment.",
    .topics_offered = NEURO ", " ACCESS ", " TECH,
    .age_band = "25–34",
    .gender = "Non-binary",
    .ethnicity = "Mixed – White and Black African",
    .disability = "Yes – autistic",
  },

  {
    .email = "harvey.lister",
    .manager = "wei.chen",
    .name = "Harvey Lister",
    .job_title = "Digital Support Officer",
    .department = "Digital and Data",
    .location = "Brackenford Hub",
    .discipline = "IT support",
    .grade = "Band 3",
    .org_start = "2022-07-18",
    .role_start = "2022-07-18",
    .responsibilities =
      "The IT service desk: laptops, phones, Teams, password resets, kit for "
      "new starters. I'm rolling Copilot out to the pilot group.",
    .role_wanted = "mentor",
    .strengths = "I know every tool we pay for, and which ones nobody uses. Good with nervous users.",
    .development_areas = "I'd like to move into cyber security.",
    .challenges = "Everyone wants it fixed now.",
    .ideal_relationship =
      "I'd happily sit with a director, sort out their laptop and their "
      "Teams and actually show them the shortcuts.",
    .self_description = "Helpful, geeky.",
    .three_years = "Cyber security analyst.",
    .passions = "Retro games, F1, gigs.",
    .work_life_balance = "Good.",
    .preferred_contact = "in-person, video",
    .hours_per_month = "2",
    .time_available = "Afternoons.",
    .reverse_meaning = "Getting senior people comfortable with the tools we've already got.",
    .topics_offered = TECH ", " HYBRID,
    .age_band = "16–24",
    .gender = "Man",
  },

  /* Finance --------------------------------------------------------------- */

  {
    .email = "stephen.okafor",
    .manager = "catherine.mellor",
    .name = "Stephen Okafor",
    .job_title = "Director of Finance and Resources",
    .department = "Finance",
    .location = "Brackenford Hub",
    .discipline = "Finance",
    .grade = "Band 9",
    .org_start = "2012-10-01",
    .role_start = "2018-05-01",
    .responsibilities =
      "Finance, treasury, Income and Financial Inclusion, and People and "
      "Culture. Company secretary to the Board.",
    .role_wanted = "mentee",
    .strengths = "Numbers, risk, governance. Keeping my head when the auditors don't.",
    .development_areas =
      "Leading people who don't look like me or think like me: my teams are "
      "getting younger, and I need to understand how they see work. Hybrid "
      "working is the argument I keep having with myself.",
    .challenges = "Rent arrears, interest rates, and recruiting into finance.",
    .experiences =
      "Qualified with a Big Four firm in Lagos and London. Came to "
      "Brackenford for my wife's job and stayed for the people.",
    .ideal_relationship = "Structured — an agenda helps me — but I'm happy to go off it.",
    .self_description = "Careful. Loyal. Quietly stubborn.",
    .three_years = "Still here, with a finance team that people want to start their career in.",
    .passions = "The church choir, Arsenal, and teaching my daughter chess (she now wins).",
    .work_life_balance = "Good. I protect my weekends.",
    .preferred_contact = "in-person, video, email",
    .hours_per_month = "2",
    .time_available = "Tuesday afternoons.",
    .reverse_meaning = "Listening without fixing.",
    .topics_wanted = HYBRID ", " GENZ ", " WELLBEING,
    .age_band = "55–64",
    .gender = "Man",
    .ethnicity = "Black British – African",
  },

  {
    .email = "alistair.cunningham",
    .manager = "stephen.okafor",
    .name = "Alistair Cunningham",
    .job_title = "Head of Finance",
    .department = "Finance",
    .location = "Brackenford Hub",
    .discipline = "Finance",
    .grade = "Band 8",
    .org_start = "2016-04-04",
    .role_start = "2016-04-04",
    .responsibilities = "Financial planning, management accounts, the annual budget and business plan, treasury.",
    .role_wanted = "mentee",
    .strengths = "Modelling, long-term planning, explaining finance to people who aren't in finance.",
    .development_areas =
      "Honestly, I'm not sure what I want from this — Stephen asked the "
      "heads to take part. I'm open to being surprised. Perhaps how younger "
      "colleagues think about work and careers, as I can't hold on to "
      "trainees.",
    .challenges = "The business plan stress tests; covenant headroom.",
    .ideal_relationship = "Low-key.",
    .self_description = "Reserved.",
    .passions = "Golf, Scottish rugby, single malts.",
    .work_life_balance = "Fine, outside year-end.",
    .preferred_contact = "in-person, email",
    .hours_per_month = "2",
    .time_available = "Not in June (year-end).",
    .topics_wanted = GENZ ", " HYBRID,
  },

  {
    .email = "martin.holt",
    .manager = "alistair.cunningham",
    .name = "Martin Holt",
    .job_title = "Financial Controller",
    .department = "Finance",
    .location = "Brackenford Hub",
    .discipline = "Finance",
    .grade = "Band 7",
    .org_start = "2009-02-16",
    .role_start = "2015-09-01",
    .responsibilities = "Financial accounts, the audit, oversight of payroll.",
    .role_wanted = "either",
    .hours_per_month = "2",
    .reverse_meaning = "My manager put my name forward. I'll give it a go.",
  },

  {
    .email = "rachel.sutcliffe",
    .manager = "alistair.cunningham",
    .name = "Rachel Sutcliffe",
    .job_title = "Finance Business Partner",
    .department = "Finance",
    .location = "Brackenford Hub",
    .discipline = "Finance",
    .grade = "Band 6",
    .org_start = "2017-08-14",
    .role_start = "2021-04-06",
    .responsibilities =
      "Business partnering with Repairs and Housing, supporting budget "
      "holders. I supervise two finance assistants and an apprentice.",
    .role_wanted = "either",
    .strengths = "Translating numbers into plain English.",
    .development_areas = "Managing senior stakeholders.",
    .preferred_contact = "in-person, video",
    .hours_per_month = "2",
    .reverse_meaning = "I'd like to be mentored by someone from outside finance.",
    .topics_wanted = DIVERSITY,
  },

  {
    .email = "georgia.hartley",
    .manager = "rachel.sutcliffe",
    .name = "Georgia Hartley",
    .job_title = "Finance Assistant",
    .department = "Finance",
    .location = "Brackenford Hub",
    .discipline = "Finance",
    .grade = "Band 2",
    .org_start = "2022-01-10",
    .role_start = "2022-01-10",
    .responsibilities = "The purchase ledger, supplier queries, month-end journals.",
    .role_wanted = "either",
    .strengths = "Accuracy.",
    .development_areas = "AAT Level 3.",
    .hours_per_month = "2",
    .reverse_meaning = "Not sure I've got much to teach a director, but happy to try.",
    .topics_offered = GENZ,
  },

  {
    .email = "ikram.ali",
    .manager = "rachel.sutcliffe",
    .name = "Ikram Ali",
    .job_title = "Apprentice Accountant",
    .department = "Finance",
    .location = "Brackenford Hub",
    .discipline = "Finance",
    .grade = "Band 2",
    .org_start = "2024-09-09",
    .role_start = "2024-09-09",
    .responsibilities =
      "AAT apprenticeship: bank reconciliations, helping with the budget "
      "packs. I've automated some of the month-end checks with Power Query.",
    .role_wanted = "mentor",
    .strengths =
      "Excel, Power Query, learning fast. Social media — I run a small "
      "money-tips account for students (8k followers).",
    .development_areas = "Confidence to speak up in meetings.",
    .challenges = "Nobody my age in the team.",
    .experiences = "I wear the hijab and I'm often the only one in the room. I'd like to talk about that.",
    .ideal_relationship = "Someone open to hearing what it's like being young and Muslim in a finance team.",
    .self_description = "Ambitious, thoughtful.",
    .three_years = "Studying for ACCA.",
    .passions = "Personal finance content, netball, calligraphy.",
    .work_life_balance = "Good.",
    .preferred_contact = "in-person, video",
    .hours_per_month = "2",
    .time_available = "Wednesdays.",
    .reverse_meaning = "Showing leaders that the next generation of finance looks different.",
    .topics_offered = GENZ ", " DATA ", " SOCIAL ", " DIVERSITY,
    .age_band = "16–24",
    .gender = "Woman",
    .ethnicity = "British Pakistani",
  },

  /* Income and Financial Inclusion --------------------------------------- */

  {
    .email = "shabana.hussain",
    .manager = "stephen.okafor",
    .name = "Shabana Hussain",
    .job_title = "Head of Income and Financial Inclusion",
    .department = "Income and Financial Inclusion",
    .location = "Brackenford Hub",
    .discipline = "Income management",
    .grade = "Band 7",
    .org_start = "2011-03-21",
    .role_start = "2020-08-03",
    .responsibilities =
      "Rent collection (£92m a year), arrears, financial inclusion advice "
      "and the hardship fund.",
    .role_wanted = "mentee",
    .strengths = "Income strategy, welfare benefits, compassionate but firm.",
    .development_areas =
      "Digital payments and self-service: residents under 30 don't use "
      "direct debits and barely use cards. And how to talk about money on "
      "social media without shaming anybody.",
    .challenges = "Arrears up 14% since the move to Universal Credit. Burnout in the team.",
    .experiences = "Ten years as a Housing Benefit officer at the council.",
    .ideal_relationship = "Practical.",
    .self_description = "Determined.",
    .three_years = "Arrears back under 3%.",
    .passions = "Walking, my book club, Bake Off.",
    .work_life_balance = "Not great in March.",
    .preferred_contact = "in-person, video",
    .hours_per_month = "2",
    .time_available = "Tuesday mornings.",
    .reverse_meaning = "Fresh eyes on old problems.",
    .topics_wanted = TECH ", " SOCIAL ", " WELLBEING,
    .age_band = "45–54",
    .gender = "Woman",
    .ethnicity = "British Pakistani",
  },

  {
    .email = "paul.ainsworth",
    .manager = "shabana.hussain",
    .name = "Paul Ainsworth",
    .job_title = "Income Team Manager",
    .department = "Income and Financial Inclusion",
    .location = "Brackenford Hub",
    .discipline = "Income management",
    .grade = "Band 6",
    .org_start = "2006-10-09",
    .role_start = "2017-12-01",
    .responsibilities = "Twelve income officers and two financial inclusion advisers.",
    .role_wanted = "either",
    .hours_per_month = "2",
  },

  {
    .email = "daniel.osei",
    .manager = "paul.ainsworth",
    .name = "Daniel Osei",
    .job_title = "Income Officer",
    .department = "Income and Financial Inclusion",
    .location = "Brackenford Hub and homeworking",
    .discipline = "Income management",
    .grade = "Band 3",
    .org_start = "2021-11-15",
    .role_start = "2021-11-15",
    .responsibilities =
      "A caseload of 600 tenancies in arrears: payment plans, Universal "
      "Credit managed payments, and court action as the very last resort.",
    .role_wanted = "mentor",
    .strengths = "I can talk to anyone about money without making them feel small. I know Universal Credit inside out.",
    .development_areas = "Leadership.",
    .challenges = "People choosing between heating and rent.",
    .experiences = "A year at a debt advice charity before this. I speak Twi.",
    .ideal_relationship = "Regular and honest.",
    .self_description = "Calm. Thoughtful.",
    .three_years = "Team manager, or a financial inclusion specialist.",
    .passions = "Basketball, church, and a podcast I co-host about money for young people.",
    .work_life_balance = "Good.",
    .preferred_contact = "phone, video",
    .hours_per_month = "2",
    .time_available = "Friday afternoons.",
    .reverse_meaning = "Bringing the real cost of living into the boardroom.",
    .topics_offered = FRONTLINE ", " CUSTOMER ", " SOCIAL,
    .age_band = "25–34",
    .gender = "Man",
    .ethnicity = "Black British – African",
  },

  {
    .email = "lucy.brook",
    .manager = "paul.ainsworth",
    .name = "Lucy Brook",
    .job_title = "Financial Inclusion Adviser",
    .department = "Income and Financial Inclusion",
    .location = "Riverside Hub",
    .discipline = "Money advice",
    .grade = "Band 4",
    .org_start = "2019-03-04",
    .role_start = "2022-05-16",
    .responsibilities =
      "Benefit checks, grant applications, energy advice and food bank "
      "referrals. Last year I helped tenants claim £410,000 in benefits they "
      "were entitled to and weren't getting.",
    .role_wanted = "mentor",
    .strengths = "Benefits, patience, being on the tenant's side.",
    .development_areas = "I'd like to learn how to influence policy.",
    .challenges = "Some days are very heavy. Vicarious trauma is real.",
    .experiences = "Single parent and care leaver, and I'm open about both.",
    .ideal_relationship = "Someone who will take the wellbeing side seriously, not just the numbers.",
    .self_description = "Kind, practical, quietly angry about poverty.",
    .three_years = "Leading the financial inclusion team.",
    .passions = "Wild swimming, charity shops, my two girls.",
    .work_life_balance = "Flexible hours make it possible.",
    .preferred_contact = "in-person, phone",
    .hours_per_month = "2",
    .time_available = "School hours only: 9:30 to 2:30.",
    .reverse_meaning = "Putting a face to the numbers on the arrears report.",
    .topics_offered = WELLBEING ", " CUSTOMER ", " FRONTLINE,
    .age_band = "35–44",
    .gender = "Woman",
    .ethnicity = "White British",
  },

  /* People and Culture ---------------------------------------------------- */

  {
    .email = "marcus.adebayo",
    .manager = "stephen.okafor",
    .name = PW_SAMPLE_HEAD_OF_PEOPLE,
    .job_title = PW_SAMPLE_HEAD_OF_PEOPLE_ROLE,
    .department = "People and Culture",
    .location = "Brackenford Hub",
    .discipline = "HR",
    .grade = "Band 8",
    .org_start = "2018-06-18",
    .role_start = "2018-06-18",
    .responsibilities =
      "HR, learning and organisational development, wellbeing, equality, "
      "diversity and inclusion, and pay. Escalation contact for Thinking "
      "Partners.",
    .role_wanted = "mentee",
    .strengths = "Employee relations, coaching, EDI strategy.",
    .development_areas =
      "What our Gen Z colleagues want from work: 31% of new starters leave "
      "within a year. Neurodiversity is a gap in our policies.",
    .challenges = "Recruiting trades and finance staff; the pay award.",
    .experiences = "Royal Logistic Corps, then HR in the NHS.",
    .ideal_relationship =
      "Because I'm the escalation contact for this programme, please pair me "
      "with someone outside People and Culture who is not in any live "
      "casework.",
    .self_description = "Calm, curious, fond of a dad joke.",
    .three_years = "Director of People.",
    .passions = "Parkrun, jazz, coaching an under-11s football team.",
    .work_life_balance = "Pretty good.",
    .preferred_contact = "in-person, video",
    .hours_per_month = "2",
    .time_available = "Wednesday afternoons.",
    .reverse_meaning = "Practising what we preach about listening.",
    .topics_wanted = GENZ ", " NEURO ", " DIVERSITY,
    .age_band = "45–54",
    .gender = "Man",
    .ethnicity = "Black British – African",
  },

  {
    /* The coordinator runs the programme rather than taking part in it. */
    .email = "priya.raman",
    .manager = "marcus.adebayo",
    .directory_only = TRUE,
    .name = PW_SAMPLE_COORDINATOR,
    .job_title = PW_SAMPLE_COORDINATOR_ROLE,
    .department = "People and Culture",
    .location = "Brackenford Hub",
    .discipline = "Organisational development",
    .grade = "Band 6",
    .org_start = "2016-01-11",
    .role_start = "2021-07-01",
    .responsibilities =
      "Leadership development, the apprenticeship programme, and Thinking "
      "Partners, which I coordinate. Open hour on Thursdays, 12–1, in Room "
      "2.14 or on Teams.",
    .preferred_contact = "in-person, video, email",
  },

  {
    .email = "maya.thompson",
    .manager = "priya.raman",
    .name = "Maya Thompson",
    .job_title = "HR Apprentice",
    .department = "People and Culture",
    .location = "Brackenford Hub",
    .discipline = "HR",
    .grade = "Band 1",
    .org_start = "2025-09-08",
    .role_start = "2025-09-08",
    .responsibilities =
      "Level 3 HR apprenticeship: recruitment admin, inductions for new "
      "starters, and helping Priya with the Thinking Partners sign-ups.",
    .role_wanted = "mentor",
    .strengths =
      "Social media — I ran my sixth form's Instagram. I know what young "
      "people want from a job: flexibility, being trusted, and a manager who "
      "replies on Teams.",
    .development_areas = "Professional writing. Employment law.",
    .challenges = "Imposter syndrome. Everyone here seems to have a degree.",
    .experiences = "Probably the youngest person in the building. I'm also a young carer for my mum.",
    .ideal_relationship = "Someone who actually wants to hear what Gen Z think, not just laugh at it.",
    .self_description = "Chatty, creative, organised.",
    .three_years = "HR advisor, maybe doing my CIPD Level 5.",
    .passions = "Musical theatre, TikTok, my cat.",
    .work_life_balance = "Good, but caring for my mum comes first.",
    .preferred_contact = "in-person, video",
    .hours_per_month = "2",
    .time_available = "Any day but Wednesday (college).",
    .reverse_meaning = "Young people having a voice at the top.",
    .topics_offered = GENZ ", " SOCIAL ", " WELLBEING,
    .age_band = "16–24",
    .gender = "Woman",
    .ethnicity = "Mixed – White and Black Caribbean",
  },

  {
    .email = "grace.nwosu",
    .manager = "priya.raman",
    .name = "Grace Nwosu",
    .job_title = "Learning and Development Advisor",
    .department = "People and Culture",
    .location = "Brackenford Hub",
    .discipline = "Learning and development",
    .grade = "Band 4",
    .org_start = "2021-04-26",
    .role_start = "2021-04-26",
    .responsibilities =
      "Induction, e-learning, the logistics of the leadership programme, and "
      "the mentor circles for Thinking Partners.",
    .role_wanted = "either",
    .strengths = "Facilitation, designing courses.",
    .development_areas = "Evaluation.",
    .preferred_contact = "in-person, video",
    .hours_per_month = "2",
    .reverse_meaning =
      "I run the mentor circles, so I'll mostly sit this year out — but put "
      "me down as either in case you're short.",
    .topics_offered = DIVERSITY ", " HYBRID,
  },

  /* In the directory, not in the programme -------------------------------- */

  {
    .email = "graham.pollard",
    .manager = "darren.hirst",
    .directory_only = TRUE,
    .name = "Graham Pollard",
    .job_title = "Electrician",
    .department = "Repairs and Maintenance",
    .location = "Northgate Depot",
    .discipline = "Electrical",
    .grade = "Band 3",
    .org_start = "1998-05-11",
    .role_start = "1998-05-11",
    .responsibilities = "Electrical repairs and five-yearly electrical safety tests.",
  },

  {
    .email = "hannah.leigh",
    .manager = "martin.holt",
    .directory_only = TRUE,
    .name = "Hannah Leigh",
    .job_title = "Payroll Officer",
    .department = "Finance",
    .location = "Brackenford Hub",
    .discipline = "Payroll",
    .grade = "Band 4",
    .org_start = "2019-10-21",
    .role_start = "2019-10-21",
    .responsibilities = "Monthly payroll for 1,200 staff, pensions and expenses.",
  },

  {
    .email = "abdirahman.warsame",
    .manager = "lorraine.firth",
    .directory_only = TRUE,
    .name = "Abdirahman Warsame",
    .job_title = "Estates Operative",
    .department = "Housing Management",
    .location = "Northgate Depot",
    .discipline = "Estates",
    .grade = "Band 2",
    .org_start = "2024-11-04",
    .role_start = "2024-11-04",
    .responsibilities = "Caretaking and grounds maintenance on the Moor Lane estate.",
  },
};

#undef TECH
#undef SOCIAL
#undef HYBRID
#undef DIVERSITY
#undef NEURO
#undef FRONTLINE
#undef CUSTOMER
#undef DATA
#undef CLIMATE
#undef WELLBEING
#undef GENZ
#undef ACCESS

/* The tables this file writes, for the "changed" signal. */
static const char * const sample_tables[] = {
  "grade", "programme_topic", "person", "enrolment",
};

static const char *
sample_value (const SamplePerson *sp,
              guint               field)
{
  g_assert (field < G_N_ELEMENTS (sample_fields));

  return *(const char * const *)((const guint8 *)sp + sample_fields[field].offset);
}

/* The organisation's own scale, once it has one, wins over the sample's. */
static gboolean
ensure_grade_scale (PwStore  *store,
                    GError  **error)
{
  g_auto(GStrv) current = pw_grade_scale_get (store, error);

  if (current == NULL)
    return FALSE;

  if (current[0] != NULL)
    return TRUE;

  return pw_grade_scale_set (store, sample_grades, error);
}

static PwPerson *
build_person (PwStore             *store,
              const SamplePerson  *sp,
              const char          *email,
              GError             **error)
{
  g_autoptr(PwPerson) person = pw_person_new (sp->name, email);

  for (guint i = 0; i < G_N_ELEMENTS (sample_fields); i++)
    {
      const char *value = sample_value (sp, i);

      if (value == NULL)
        continue;

      /* On a scale of the organisation's own, a Band means nothing: the
       * person is added without a grade rather than not at all. */
      if (g_str_equal (sample_fields[i].field, "grade") &&
          pw_grade_scale_position (store, value) < 0)
        continue;

      if (!pw_person_set_field (person, sample_fields[i].field, value, error))
        {
          g_prefix_error (error, "%s, %s: ", sp->name, sample_fields[i].field);
          return NULL;
        }
    }

  /* Brackenford's three staff groups follow from the band and the
   * department, as its HR system derives them; the background is the
   * discipline's broad family. */
  {
    static const char * const front_line[] = {
      "Repairs and Maintenance", "Housing Management", "Customer Contact Centre",
      "Independent Living", "Income and Financial Inclusion", NULL
    };
    const char *grade = sp->grade ? sp->grade : "";
    int band = g_str_has_prefix (grade, "Band ") ? atoi (grade + 5) : 0;
    const char *group;

    if (band >= 7)
      group = "Leadership";
    else if (band > 0 && band <= 4 && g_strv_contains (front_line, sp->department ? sp->department : ""))
      group = "Front line";
    else
      group = "Professional and support";
    pw_person_set_field (person, "staff-group", group, NULL);
    if (sp->discipline != NULL)
      pw_person_set_field (person, "background",
                           g_strv_contains ((const char * const[]){ "Trades", "Plumbing", "Electrical",
                                                                     "Carpentry", "Gas", "Surveying", NULL },
                                            sp->discipline)
                           ? "Technical and trades" : "Office and professional",
                           NULL);
  }

  return g_steal_pointer (&person);
}

static gboolean
add_people (PwStore  *store,
            gint64    programme_id,
            GError  **error)
{
  g_autoptr(GHashTable) by_email = NULL;  /* local part → PwPerson */
  g_autoptr(GPtrArray) added = NULL;      /* people inserted now … */
  g_autoptr(GPtrArray) added_from = NULL; /* … and their SamplePerson */

  if (!ensure_grade_scale (store, error))
    return FALSE;

  if (!pw_programme_topics_set (store, programme_id, sample_topics, error))
    return FALSE;

  by_email = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_object_unref);
  added = g_ptr_array_new_with_free_func (g_object_unref);
  added_from = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (sample_people); i++)
    {
      const SamplePerson *sp = &sample_people[i];
      g_autofree char *email = g_strconcat (sp->email, "@", PW_SAMPLE_EMAIL_DOMAIN, NULL);
      g_autoptr(GError) local_error = NULL;
      g_autoptr(PwPerson) person = NULL;

      /* The directory is shared by every programme: a second sample, or a
       * coordinator who has already typed someone in, reuses the person as
       * they are now. */
      person = pw_person_repo_find_by_email (store, email, &local_error);
      if (person == NULL)
        {
          if (!g_error_matches (local_error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_FOUND))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return FALSE;
            }

          person = build_person (store, sp, email, error);
          if (person == NULL || !pw_person_repo_insert (store, person, error))
            return FALSE;

          g_ptr_array_add (added, g_object_ref (person));
          g_ptr_array_add (added_from, (gpointer)sp);
        }

      if (!sp->directory_only &&
          !pw_person_repo_enrol (store, programme_id, pw_person_get_id (person), error))
        return FALSE;

      g_hash_table_insert (by_email, (gpointer)sp->email, g_steal_pointer (&person));
    }

  /* Managers last: their ids exist only once everyone is inserted. */
  for (guint i = 0; i < added->len; i++)
    {
      PwPerson *person = g_ptr_array_index (added, i);
      const SamplePerson *sp = g_ptr_array_index (added_from, i);
      PwPerson *manager;

      if (sp->manager == NULL)
        continue;

      manager = g_hash_table_lookup (by_email, sp->manager);
      g_assert (manager != NULL);

      pw_person_set_manager_id (person, pw_person_get_id (manager));
      if (!pw_person_repo_update (store, person, error))
        return FALSE;
    }

  g_debug ("Sample people: %u added, %u already in the directory",
           added->len, (guint)G_N_ELEMENTS (sample_people) - added->len);

  return TRUE;
}

/**
 * pw_sample_add_people:
 * @store: the store
 * @programme_id: the sample programme
 * @error: return location for a #GError
 *
 * Gives the sample programme its organisation: the grade scale (unless the
 * database already has one), the programme's topic list, and about sixty
 * people of %PW_SAMPLE_ORGANISATION with their questionnaires and reporting
 * lines, enrolled in @programme_id. A few more go into the directory only.
 * People whose email is already in the directory are enrolled as they are.
 *
 * Runs in one transaction, or in the caller's if one is open.
 *
 * Returns: %TRUE on success
 */
gboolean
pw_sample_add_people (PwStore  *store,
                      gint64    programme_id,
                      GError  **error)
{
  gboolean own;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (programme_id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  own = !pw_store_in_transaction (store);
  if (own && !pw_store_begin (store, error))
    return FALSE;

  if (!add_people (store, programme_id, error))
    {
      if (own)
        pw_store_rollback (store);
      return FALSE;
    }

  if (own)
    {
      if (!pw_store_commit (store, error))
        return FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (sample_tables); i++)
        pw_store_emit_changed (store, sample_tables[i]);
    }

  return TRUE;
}
