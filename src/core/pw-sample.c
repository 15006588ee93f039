/* pw-sample.c — the sample programme behind "Try a Sample Program"
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-sample"

#include <string.h>

#include "pw-programme.h"
#include "pw-programme-repo.h"
#include "pw-eligibility.h"
#include "pw-person-repo.h"
#include "pw-sample.h"

/* The sample is content, not interface: it is written in the voice of its
 * (British, invented) organisation and is deliberately not translated. */

static const char * const sample_goals[] = {
  "Pair every member of the Executive Team and every head of service with a "
  "front-line colleague within the first three months.",
  "Senior participants use the resident self-service portal, Teams channels "
  "and our social media accounts unaided, and can explain how residents under "
  "30 reach us.",
  "Every pair holds at least 12 significant discussions of 30 minutes or more "
  "over the year.",
  "Mentors bring at least three practical changes to policy or process to the "
  "Executive Team, which answers each one in writing within a month.",
  "Raise agreement with \"Senior leaders understand what my job involves\" in "
  "the staff survey from 41% to 55%.",
  "At least 80% of mentors say the programme helped their own development, "
  "in the end-of-programme survey.",
  NULL
};

static const char sample_purpose_other[] =
  "Give the Executive Team and heads of service a first-hand view of the "
  "front line — the contact centre, the repairs vans and the estates — so "
  "that decisions about services are made by people who have seen how they "
  "land.";

static const char sample_target_audience[] =
  "Mentees: the Executive Team, heads of service and senior managers "
  "(Band 7–9), about 60 people, of whom we expect 24 to take part in this "
  "first year.\n\n"
  "Mentors: colleagues at Band 1–4 from every department, especially the "
  "Customer Contact Centre, Repairs and Maintenance, Income and Financial "
  "Inclusion and the estates teams; apprentices and graduate trainees are "
  "welcome. Colleagues under 30 or with less than five years' service are "
  "encouraged to apply. As positive action, members of the staff networks "
  "(Race Equality, Disability and Wellbeing, LGBTQ+) are offered places "
  "first.";

static const char sample_code_of_conduct[] =
  "We meet as equals. Grade and job title stay at the door: the mentor leads "
  "the conversation, and the mentee comes to learn, not to manage.\n\n"
  "Keep the commitment. Turn up on time, give at least two working days' "
  "notice if you need to move a meeting, and rearrange it rather than drop "
  "it. Two missed meetings in a row and the coordinator will check in with "
  "you both.\n\n"
  "Be curious and respectful. Ask questions, listen to the answer, and "
  "challenge ideas rather than people. Disagreement is welcome; put-downs, "
  "jokes at someone's expense and \"that's not how we do things here\" are "
  "not.\n\n"
  "No favours. Taking part is not a route to promotion, a transfer or a "
  "reference, and a mentee never uses the relationship to influence a "
  "mentor's pay, grading, performance review or workload — nor the other "
  "way round.\n\n"
  "Our Dignity at Work policy and Code of Conduct for Staff apply in every "
  "meeting, in person or online.";

static const char sample_confidentiality[] =
  "What is said between a mentor and a mentee stays between them. Neither "
  "shares the other's words, examples or opinions with managers, colleagues "
  "or the programme team without asking first, and neither passes on "
  "anything that would identify a resident or a colleague.\n\n"
  "The programme team records only that a pair has met, when and for how "
  "long, and the end-of-programme evaluation. Your manager is told that you "
  "are taking part, nothing more. Ideas you choose to take to the Executive "
  "Team are shared in your name only if you agree; otherwise they go forward "
  "anonymously.\n\n"
  "There are three exceptions, where confidentiality cannot hold:\n"
  "• a risk of harm to you, to someone else or to a resident — including any "
  "safeguarding concern about a child or an adult at risk;\n"
  "• illegal activity, such as fraud, theft or a serious breach of data "
  "protection law;\n"
  "• a serious breach of policy, such as bullying, harassment or "
  "discrimination.\n\n"
  "In those cases the person who heard it tells the programme coordinator or "
  "the Safeguarding Lead the same working day. Wherever it is safe to do so, "
  "they tell the other person first that they are going to.";

static const char sample_concerns[] =
  "If something in your pairing is not working, or you are worried about how "
  "you are being treated, contact the programme coordinator, "
  PW_SAMPLE_COORDINATOR ", " PW_SAMPLE_COORDINATOR_ROLE " in People and "
  "Culture (" PW_SAMPLE_COORDINATOR_EMAIL ", extension 4417). You can also "
  "drop in to her weekly open hour, Thursdays 12:00–13:00 in Room 2.14 at "
  "Brackenford Hub or on Teams.\n\n"
  "If you would rather not go to the coordinator, or the concern is about "
  "her, contact " PW_SAMPLE_HEAD_OF_PEOPLE ", " PW_SAMPLE_HEAD_OF_PEOPLE_ROLE
  " (" PW_SAMPLE_HEAD_OF_PEOPLE_EMAIL "), or use the confidential Speak "
  "Up line (extension 4400, or the Speak Up form on the intranet, which can "
  "be anonymous).\n\n"
  "You will hear back within two working days, and you will agree the next "
  "step together within ten working days. Either of you can ask to end a "
  "pairing at any time, without giving reasons and without blame: the "
  "coordinator will offer a new partner within three weeks, and the person "
  "left waiting is matched first.\n\n"
  "Anything that falls under the exceptions to confidentiality — risk of "
  "harm, illegal activity or a serious breach of policy — is reported the "
  "same working day.";

static const char sample_recognition[] =
  "Mentoring counts as development in your annual My Contribution "
  "conversation, and your manager is asked to record it there. Every mentor "
  "receives a certificate signed by the Chief Executive at the closing "
  "event, and — if you wish — a feature in the staff newsletter. Time spent "
  "in meetings, the kick-off workshop and the mentor circles is paid working "
  "time, and travel between sites is reimbursed.";

static const char sample_peer_support[] =
  "Mentor circles every six weeks: 60 minutes, in person at Brackenford Hub "
  "with a Teams link for colleagues on site or on shifts, facilitated by the "
  "programme coordinator. Mentors share what works, practise difficult "
  "conversations and ask for advice — without naming their mentees. A "
  "private Teams channel, moderated by the coordinator, stays open between "
  "circles.";

/* The tables a sample writes, for the "changed" signal. */
static const char * const sample_tables[] = {
  "programme", "grade", "programme_topic", "person", "enrolment",
};

/* The first day of next month: a cohort starts on a month boundary. */
static char *
next_month_start (void)
{
  g_autofree char *today = pw_date_today ();
  g_autofree char *next = pw_date_add_months (today, 1);

  g_assert (next != NULL && strlen (next) >= 7);

  return g_strdup_printf ("%.7s-01", next);
}

/**
 * pw_sample_create:
 * @store: the store to add the sample to
 * @error: return location for a #GError
 *
 * Adds the sample programme, %PW_SAMPLE_PROGRAMME_NAME of
 * %PW_SAMPLE_ORGANISATION: a reverse-mentoring programme that starts on the
 * first day of next month and runs for twelve months, with its grade scale,
 * topics and people (see pw_sample_add_people()), all in one transaction.
 * Calling it again adds another programme, which enrols the same people:
 * the directory is shared.
 *
 * Returns: the new programme's id, or 0 with @error set
 */
/* The rules the sample organisation agreed in its design workshop: the
 * reverse preset, and people take the role they asked for. */
static gboolean
add_sample_rules (PwStore  *store,
                  gint64    programme_id,
                  GError  **error)
{
  static const char * const rules[][2] = {
    { "mentee", "role-wanted in mentee, either" },
    { "mentor", "role-wanted in mentor, either" },
    { "mentor", "hours at-least 2" },
  };
  g_auto(GStrv) scale = pw_grade_scale_get (store, error);

  if (scale == NULL)
    return FALSE;

  /* A database with its own grade scale keeps it; the preset needs ours. */
  if (pw_grade_scale_position (store, "Band 4") >= 0 && pw_grade_scale_position (store, "Band 7") >= 0 &&
      !pw_eligibility_apply_reverse_preset (store, programme_id, "Band 4", "Band 7", error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autoptr(PwRule) rule = pw_rule_parse (g_str_equal (rules[i][0], "mentee") ? PW_RULE_SET_MENTEE
                                                                                  : PW_RULE_SET_MENTOR,
                                              rules[i][1], error);
      if (rule == NULL || !pw_eligibility_add_rule_to_store (store, programme_id, rule, error))
        return FALSE;
    }

  return TRUE;
}

gint64
pw_sample_create (PwStore  *store,
                  GError  **error)
{
  g_autoptr(PwProgramme) programme = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  gboolean own;

  g_return_val_if_fail (PW_IS_STORE (store), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  start = next_month_start ();
  end = pw_date_add_months (start, 12);

  programme = pw_programme_new (PW_SAMPLE_PROGRAMME_NAME);
  pw_programme_set_kind (programme, PW_PROGRAMME_KIND_REVERSE);
  pw_programme_set_purposes (programme,
                             PW_PURPOSE_BRIDGE_GENERATIONS
                             | PW_PURPOSE_DIGITAL_SKILLS
                             | PW_PURPOSE_DIVERSITY_INCLUSION);
  pw_programme_set_purpose_other (programme, sample_purpose_other);
  pw_programme_set_goals (programme, sample_goals);
  pw_programme_set_target_audience (programme, sample_target_audience);
  pw_programme_set_scope (programme,
                          PW_SCOPE_CURRENT_ROLE | PW_SCOPE_CAREER_DEVELOPMENT);
  pw_programme_set_expected_demand (programme, 24);
  pw_programme_set_start_date (programme, start);
  pw_programme_set_end_date (programme, end);
  pw_programme_set_meetings_per_month (programme, 1);
  pw_programme_set_meeting_minutes (programme, 45);
  pw_programme_set_min_discussions (programme, 12);
  pw_programme_set_discussion_minutes (programme, 30);
  pw_programme_set_first_contact_days (programme, 14);
  pw_programme_set_contact_forms (programme,
                                  PW_CONTACT_IN_PERSON
                                  | PW_CONTACT_VIDEO
                                  | PW_CONTACT_PHONE);
  pw_programme_set_code_of_conduct (programme, sample_code_of_conduct);
  pw_programme_set_confidentiality (programme, sample_confidentiality);
  pw_programme_set_concerns (programme, sample_concerns);
  pw_programme_set_protected_hours (programme, 2);
  pw_programme_set_recognition (programme, sample_recognition);
  pw_programme_set_peer_support (programme, sample_peer_support);
  /* Reverse mentoring: the mentor is junior in grade to the mentee. */
  pw_programme_set_pair_seniority (programme, PW_PAIR_SENIORITY_JUNIOR);

  /* All or nothing: a sample without its people would only confuse. */
  own = !pw_store_in_transaction (store);
  if (own && !pw_store_begin (store, error))
    return 0;

  if (!pw_programme_repo_insert (store, programme, error) ||
      !pw_sample_add_people (store, pw_programme_get_id (programme), error) ||
      !add_sample_rules (store, pw_programme_get_id (programme), error))
    {
      if (own)
        pw_store_rollback (store);
      return 0;
    }

  if (own)
    {
      if (!pw_store_commit (store, error))
        return 0;

      for (guint i = 0; i < G_N_ELEMENTS (sample_tables); i++)
        pw_store_emit_changed (store, sample_tables[i]);
    }

  g_debug ("Created the sample programme %" G_GINT64_FORMAT " (%s to %s)",
           pw_programme_get_id (programme), start, end);

  return pw_programme_get_id (programme);
}
