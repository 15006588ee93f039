/* pw-workshop-agenda.c — the two-day programme-design workshop, as data
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The prompts are the facilitator's script: questions to put to the room,
 * in the order they work best, each one answerable by the people present.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-workshop"

#include <glib/gi18n.h>

#include "pw-workshop.h"

#define STRV(...) ((const char * const[]) { __VA_ARGS__, NULL })
#define NONE      ((const char * const[]) { NULL })

static const PwWorkshopItem agenda[] = {
  /* Day one: setting up the scheme */
  {
    "definition", 1, N_("What Mentoring Is, and What This Program Is For"), 30,
    STRV (N_("In one sentence each: what is mentoring, and how is it different from managing, training and coaching?"),
          N_("Reverse mentoring turns the usual direction round: the junior colleague mentors the senior one. What could our seniors learn that nobody is teaching them now?"),
          N_("Pick no more than three purposes. Which one would we defend first if the budget were cut?"),
          N_("Do we call it “reverse mentoring” or give it a name of its own? Who would the word “reverse” put off?"),
          N_("A year from now the program has worked. What has changed, and who noticed first?")),
    STRV ("name", "kind", "purposes", "purpose-other"),
    PW_WORKSHOP_SCREEN_PROMPTS, -1,
  },
  {
    "mentees", 1, N_("Who the Mentees Are and How They Benefit"), 25,
    STRV (N_("Describe the typical mentee in two lines: role, grade, where they sit, what they are short of."),
          N_("What will a mentee be able to do after a year that they cannot do today?"),
          N_("Who needs this most but is least likely to put themselves forward? How do we reach them?"),
          N_("What would make a senior colleague feel safe admitting what they do not know?")),
    STRV ("target-audience"),
    PW_WORKSHOP_SCREEN_PROMPTS, -1,
  },
  {
    "scope", 1, N_("Scope: The Current Role, Career Development or a Future Goal"), 20,
    STRV (N_("Is the program about doing today’s job better, about the next career step, or about a goal further out?"),
          N_("If a mentee brings a topic outside the scope, what does the mentor say?"),
          N_("Which topics are out of bounds altogether — pay, performance ratings, named colleagues?")),
    STRV ("scope"),
    PW_WORKSHOP_SCREEN_PROMPTS, -1,
  },
  {
    "demand", 1, N_("Likely Demand"), 20,
    STRV (N_("How many mentees do we expect in the first cohort? Show of hands: who thinks more than that?"),
          N_("How many mentors can we find who have the time, and how many mentees can each take on?"),
          N_("If twice as many people apply as we can match, who goes first and how do we tell the others?"),
          N_("When does the program start and end? Twelve months is usual: is there a reason to differ?")),
    STRV ("expected-demand", "start-date", "end-date"),
    PW_WORKSHOP_SCREEN_PROMPTS, -1,
  },
  {
    "organisation", 1, N_("How the Organization Benefits"), 25,
    STRV (N_("What will the board see at the end of the year that it would pay for?"),
          N_("Name the measures: retention of young staff, digital skills, inclusion, new ideas taken up."),
          N_("Which of these can we count today, so that we have a baseline to compare with?"),
          N_("Write each goal so that someone outside this room could tell whether it was met.")),
    STRV ("goals"),
    PW_WORKSHOP_SCREEN_PROMPTS, -1,
  },
  {
    "mentee-eligibility", 1, N_("Mentee Eligibility"), 30,
    STRV (N_("Which grades may be mentees? In reverse mentoring, usually the senior ones."),
          N_("Are any departments in or out, and why?"),
          N_("Do we want positive action for under-represented groups? If so, which groups, and who may see that information?"),
          N_("How long must someone have been with us before they take part?"),
          N_("Say each rule aloud as a sentence. Would the person it excludes think it fair?")),
    STRV (PW_DECISION_MENTEE_RULES, PW_DECISION_REVERSE_PRESET, "sensitive-enabled"),
    PW_WORKSHOP_SCREEN_PROMPTS, -1,
  },
  {
    "mentor-eligibility", 1, N_("Mentor Eligibility"), 30,
    STRV (N_("Should mentors come from inside the mentee’s department, or from outside it?"),
          N_("Senior in grade, the same level with more experience — or, for reverse mentoring, junior to the mentee?"),
          N_("Same discipline, or deliberately a different one?"),
          N_("What must a mentor bring: time each month, a topic to offer, a completed questionnaire?"),
          N_("Who would be a brilliant mentor and would be shut out by these rules?")),
    STRV (PW_DECISION_MENTOR_RULES, PW_DECISION_REVERSE_PRESET, "pair-seniority", "pair-discipline"),
    PW_WORKSHOP_SCREEN_PROMPTS, -1,
  },
  {
    "guidance", 1, N_("Guidance for Mentors"), 45,
    STRV (N_("Code of conduct: write down three things every mentor does and three things no mentor does."),
          N_("Confidentiality: what stays between the two of them, and what must be disclosed — to whom, and how is the mentee told first?"),
          N_("Reporting concerns: if a mentor is worried about a mentee’s safety or conduct, who do they call, and how fast?"),
          N_("The Mentor Me agreement: what must each pair agree in the first meeting?"),
          N_("Keeping notes: who keeps them, what goes in them, and who may read them?"),
          N_("Ending the relationship: how does a pair close well, and how does either side ask for a new match without blame?"),
          N_("Evaluating outcomes: what will each side be asked at the end, and will they know that from the start?")),
    STRV ("code-of-conduct", "confidentiality", "concerns"),
    PW_WORKSHOP_SCREEN_PROMPTS, -1,
  },
  {
    "mentor-needs", 1, N_("What a Mentor Needs from the Organization"), 20,
    STRV (N_("How many hours a month of protected time does a mentor get, and who tells their manager?"),
          N_("How is mentoring recognized: in appraisal, in a certificate, by the executive team?"),
          N_("Where do mentors go when they are stuck? A peer group, a named coordinator, a monthly drop-in?"),
          N_("What would make a junior mentor stop after two meetings? How do we prevent it?")),
    STRV ("protected-hours", "recognition", "peer-support"),
    PW_WORKSHOP_SCREEN_PROMPTS, -1,
  },
  {
    "matching", 1, N_("Matching"), 40,
    STRV (N_("Criteria or blind date: do we match people on what they want and offer, or at random and let chemistry work?"),
          N_("The generational divide: how far apart in grade or age should a pair be for both sides to learn?"),
          N_("Similarity and contrast: too alike and we make clones; too different and the pair cannot talk. Where is the healthy middle?"),
          N_("Career influence: nobody may mentor someone who manages them, appraises them or sits on their promotion panel. Who else should be kept apart?"),
          N_("Set the weights: which criterion matters most to this room?")),
    STRV (PW_DECISION_MATCH_WEIGHTS),
    PW_WORKSHOP_SCREEN_PROMPTS, -1,
  },
  {
    "demonstration", 1, N_("Live Demonstration: Criteria Against Blind Date"), 20,
    STRV (N_("The same people, matched twice: once on the criteria we just weighted, once at random."),
          N_("Look at the lowest pair’s score on each side. Which pair would you rather be in?"),
          N_("Run the blind date again. Does the picture change? What does that tell us about luck?")),
    NONE,
    PW_WORKSHOP_SCREEN_DEMONSTRATION, -1,
  },
  {
    "scheduling", 1, N_("Scheduling"), 25,
    STRV (N_("How often should a pair meet: once a month, twice? How long is a meeting — 45 minutes is a good start."),
          N_("At least twelve significant discussions of half an hour or more in a year: is that realistic here?"),
          N_("Within how many days must the mentor contact the mentee after the match? Two weeks is usual."),
          N_("In person, video, phone, email: which are allowed, and which work on the front line?")),
    STRV ("meetings-per-month", "meeting-minutes", "min-discussions", "discussion-minutes",
          "first-contact-days", "contact-forms"),
    PW_WORKSHOP_SCREEN_PROMPTS, -1,
  },
  {
    "first-meeting", 1, N_("First-Meeting Essentials"), 25,
    STRV (N_("Expectations: what does each side hope for, and what is unrealistic? Say it in the first meeting."),
          N_("Agree the Mentor Me agreement together: meetings, contact, confidentiality, how to end."),
          N_("The action learning cycle: experience, reflect, conclude, plan — and then act before the next meeting."),
          N_("What should every pair leave the first meeting with, written down?")),
    NONE,
    PW_WORKSHOP_SCREEN_PROMPTS, -1,
  },

  /* Day two: mentor competencies */
  {
    "self-assessment", 2, N_("Self-Assessment: Where Do You Start?"), 20,
    STRV (N_("Rate yourself from 1 (new to me) to 5 (I do this well and could teach it) on each competency."),
          N_("Answers are anonymous: no names, only the room’s totals, and nothing shows below three answers."),
          N_("Look at the room’s lowest mean: that is where today spends most time.")),
    NONE,
    PW_WORKSHOP_SCREEN_SELF_ASSESSMENT, -1,
  },
  {
    "active-listening", 2, N_("Active Listening"), 35,
    STRV (N_("In pairs: one speaks for three minutes about a problem at work; the other only listens. Then swap."),
          N_("What did the listener do with their face, hands and silence that helped?"),
          N_("Summarize what you heard in one sentence, and ask: “Have I got that right?”"),
          N_("What pulls you out of listening — planning your answer, your phone, your own story?")),
    NONE, PW_WORKSHOP_SCREEN_PROMPTS, PW_COMPETENCY_ACTIVE_LISTENING,
  },
  {
    "quality-questions", 2, N_("Quality Questions"), 30,
    STRV (N_("Open questions start with what, how, who and when. Turn three closed questions into open ones."),
          N_("Which question has someone asked you that changed how you saw a problem?"),
          N_("Why can “why” sound like an accusation? What can you ask instead?"),
          N_("Practice: ask one question, then wait ten seconds before saying anything else.")),
    NONE, PW_WORKSHOP_SCREEN_PROMPTS, PW_COMPETENCY_QUALITY_QUESTIONS,
  },
  {
    "feedback", 2, N_("Giving and Receiving Feedback"), 30,
    STRV (N_("Describe what you saw, its effect, and what you would like instead — not what the person is."),
          N_("In reverse mentoring the junior gives feedback upward. What makes that safe, and what makes it risky?"),
          N_("How will the senior show that feedback was welcome, even when it stung?"),
          N_("Practice in threes: one gives feedback, one receives, one observes and reports back.")),
    NONE, PW_WORKSHOP_SCREEN_PROMPTS, PW_COMPETENCY_FEEDBACK,
  },
  {
    "reframing", 2, N_("Reframing"), 25,
    STRV (N_("Take a complaint — “nobody reads my emails” — and say it three other ways."),
          N_("What changes when a problem becomes a question: “How might I…?”"),
          N_("When does reframing help, and when does it sound as if you are not taking the problem seriously?")),
    NONE, PW_WORKSHOP_SCREEN_PROMPTS, PW_COMPETENCY_REFRAMING,
  },
  {
    "priorities", 2, N_("Setting Priorities"), 25,
    STRV (N_("Help the mentee list everything on their mind, then sort it: urgent, important, neither."),
          N_("Of everything on the list, what one thing would make the most difference by the next meeting?"),
          N_("What will the mentee stop doing to make room for it?")),
    NONE, PW_WORKSHOP_SCREEN_PROMPTS, PW_COMPETENCY_PRIORITIES,
  },
  {
    "owning-solutions", 2, N_("Helping the Mentee Own the Solution"), 25,
    STRV (N_("Whose idea was it? Mentees carry out their own ideas far more often than a mentor’s."),
          N_("Ask “What options do you see?” before offering any of your own."),
          N_("How will the mentee know they have succeeded, and what will they do first?")),
    NONE, PW_WORKSHOP_SCREEN_PROMPTS, PW_COMPETENCY_OWNING_SOLUTIONS,
  },
  {
    "advice", 2, N_("Advice Rather Than Answers"), 20,
    STRV (N_("When is it right to give advice? When the mentee asks, and after they have had their own go."),
          N_("Offer it as one option: “One thing that worked for me was… What would fit you?”"),
          N_("What is the risk when a senior mentee takes a junior mentor’s answer as the answer?")),
    NONE, PW_WORKSHOP_SCREEN_PROMPTS, PW_COMPETENCY_ADVICE,
  },
  {
    "support-challenge", 2, N_("Balancing Support and Challenge"), 25,
    STRV (N_("Draw the grid: low support and low challenge is apathy; high challenge alone is stress; high support alone is comfort. Where is growth?"),
          N_("How do you challenge someone two grades above you without losing the relationship?"),
          N_("What phrase will you use when you think the mentee is avoiding something?")),
    NONE, PW_WORKSHOP_SCREEN_PROMPTS, PW_COMPETENCY_SUPPORT_CHALLENGE,
  },
  {
    "appreciative-inquiry", 2, N_("Appreciative Inquiry"), 25,
    STRV (N_("Start from what works: “Tell me about a time this went really well.”"),
          N_("What made that possible, and how could there be more of it?"),
          N_("Discover, dream, design, deliver: walk one real example through all four.")),
    NONE, PW_WORKSHOP_SCREEN_PROMPTS, PW_COMPETENCY_APPRECIATIVE_INQUIRY,
  },
  {
    "bigger-picture", 2, N_("The Bigger Picture"), 20,
    STRV (N_("How does the mentee’s goal connect with where the organization is going?"),
          N_("Who else should the mentee meet? Mentors open doors to networks as well as ideas."),
          N_("What is happening outside the organization — technology, customers, the sector — that the mentee should know about?")),
    NONE, PW_WORKSHOP_SCREEN_PROMPTS, PW_COMPETENCY_BIGGER_PICTURE,
  },
  {
    "dependency", 2, N_("Signs of Dependency"), 20,
    STRV (N_("The signs: the mentee will not decide without you, contacts you between every meeting, or the meetings never end."),
          N_("What does a mentor who needs to be needed look like?"),
          N_("What would you say to hand the decision back, kindly and clearly?"),
          N_("When should you talk to the coordinator about it?")),
    NONE, PW_WORKSHOP_SCREEN_PROMPTS, PW_COMPETENCY_DEPENDENCY,
  },
  {
    "tools", 2, N_("The Tools: Diaries, Force Field, SWOT, SAND, GROW"), 45,
    STRV (N_("The mentoring diary: after each meeting, what happened, what was learned, what comes next."),
          N_("Force field: list what drives a change and what restrains it; which restraint could be weakened?"),
          N_("SWOT: strengths, weaknesses, opportunities and threats — for the mentee, not the organization."),
          N_("SAND: what to stop, add, nurture and drop."),
          N_("GROW: goal, reality, options, will. Run one real goal through it in pairs, ten minutes each way."),
          N_("Which tool suits which mentee? When would you use none of them?")),
    NONE, PW_WORKSHOP_SCREEN_PROMPTS, -1,
  },
  {
    "evaluation", 2, N_("Evaluation Criteria"), 30,
    STRV (N_("Process: were the objectives clear, and did pairs meet regularly and with purpose?"),
          N_("Content: did the mentee get useful feedback, and could they raise issues and challenge?"),
          N_("Outcome: progress against goals, career development, a wider network."),
          N_("At the end, mentor and mentee each evaluate the other. What three questions must they answer?"),
          N_("What will the program report show the board about the return on its investment?")),
    NONE, PW_WORKSHOP_SCREEN_PROMPTS, -1,
  },
  {
    "alternatives", 2, N_("Alternatives to Mentoring"), 20,
    STRV (N_("Buddying: a peer who shows a newcomer the ropes for the first months."),
          N_("Coaching: a trained coach working to a set goal over a few sessions."),
          N_("Networking: groups where people learn from many colleagues at once."),
          N_("Sponsorship: a senior who advocates for someone’s career in rooms they are not in."),
          N_("For which of the needs we heard yesterday would one of these serve better than mentoring?")),
    NONE, PW_WORKSHOP_SCREEN_PROMPTS, -1,
  },
  {
    "toolkit", 2, N_("The Program Toolkit"), 15,
    STRV (N_("Everything decided over these two days is now the program itself."),
          N_("Export the toolkit: the design, the rules, the code of conduct, the agreement template, the schedule and the evaluation plan."),
          N_("Who owns each next step, and by when?")),
    NONE,
    PW_WORKSHOP_SCREEN_TOOLKIT, -1,
  },
};

static const struct
{
  const char *name;
  const char *label;
} competencies[PW_N_COMPETENCIES] = {
  { "active-listening", N_("Active listening") },
  { "quality-questions", N_("Asking quality questions") },
  { "feedback", N_("Giving and receiving feedback") },
  { "reframing", N_("Reframing") },
  { "priorities", N_("Setting priorities") },
  { "owning-solutions", N_("Helping the mentee own solutions") },
  { "advice", N_("Advice rather than answers") },
  { "support-challenge", N_("Balancing support and challenge") },
  { "appreciative-inquiry", N_("Appreciative inquiry") },
  { "bigger-picture", N_("Seeing the bigger picture") },
  { "dependency", N_("Recognizing signs of dependency") },
};

guint
pw_workshop_agenda_get_n_items (void)
{
  return G_N_ELEMENTS (agenda);
}

const PwWorkshopItem *
pw_workshop_agenda_get_item (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (agenda), NULL);

  return &agenda[index];
}

int
pw_workshop_agenda_find (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (agenda); i++)
    if (g_str_equal (agenda[i].id, id))
      return (int) i;

  return -1;
}

guint
pw_workshop_agenda_day_minutes (guint day)
{
  guint total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (agenda); i++)
    if (agenda[i].day == day)
      total += agenda[i].minutes;

  return total;
}

const char *
pw_workshop_item_get_title (const PwWorkshopItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  return _(item->title);
}

guint
pw_workshop_item_get_n_prompts (const PwWorkshopItem *item)
{
  g_return_val_if_fail (item != NULL, 0);

  return g_strv_length ((char **) item->prompts);
}

const char *
pw_workshop_item_get_prompt (const PwWorkshopItem *item,
                             guint                 index)
{
  g_return_val_if_fail (item != NULL, NULL);
  g_return_val_if_fail (index < pw_workshop_item_get_n_prompts (item), NULL);

  return _(item->prompts[index]);
}

gboolean
pw_workshop_item_captures (const PwWorkshopItem *item,
                           const char           *decision)
{
  g_return_val_if_fail (item != NULL, FALSE);

  return decision != NULL && g_strv_contains (item->decisions, decision);
}

const char *
pw_workshop_day_title (guint day)
{
  return day == 1 ? _("Day One: Setting Up the Scheme") : _("Day Two: Mentor Competencies");
}

const char *
pw_competency_name (PwCompetency competency)
{
  g_return_val_if_fail (competency < PW_N_COMPETENCIES, NULL);

  return competencies[competency].name;
}

const char *
pw_competency_label (PwCompetency competency)
{
  g_return_val_if_fail (competency < PW_N_COMPETENCIES, NULL);

  return _(competencies[competency].label);
}
