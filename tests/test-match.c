/* test-match.c — scoring, hard rules, explanations and the pair lifecycle
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pw-match.h"
#include "pw-person-private.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"

static const char *scale[] = { "Band 1", "Band 2", "Band 3", "Band 4", "Band 5",
                               "Band 6", "Band 7", "Band 8", "Band 9", NULL };

typedef struct
{
  PwStore *store;
  gint64   programme;
} Fixture;

static gint64
add (Fixture    *f,
     const char *name,
     const char *grade,
     const char *role,
     gint64      manager,
     const char *offered,
     const char *wanted)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *email = g_strdup_printf ("%s@example.org", name);
  g_autoptr(PwPerson) p = pw_person_new (name, email);

  pw_person_set_field (p, "grade", grade, NULL);
  pw_person_set_field (p, "role-wanted", role, NULL);
  pw_person_set_field (p, "topics-offered", offered ? offered : "", NULL);
  pw_person_set_field (p, "topics-wanted", wanted ? wanted : "", NULL);
  pw_person_set_manager_id (p, manager);
  g_assert_true (pw_person_repo_insert (f->store, p, &error));
  g_assert_no_error (error);
  g_assert_true (pw_person_repo_enrol (f->store, f->programme, pw_person_get_id (p), &error));
  return pw_person_get_id (p);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwProgramme) programme = pw_programme_new ("Match");
  g_autoptr(PwRule) mentees = NULL;
  g_autoptr(PwRule) mentors = NULL;

  f->store = pw_store_open (":memory:", &error);
  g_assert_no_error (error);
  g_assert_true (pw_programme_repo_insert (f->store, programme, &error));
  f->programme = pw_programme_get_id (programme);
  g_assert_true (pw_grade_scale_set (f->store, scale, &error));

  mentees = pw_rule_parse (PW_RULE_SET_MENTEE, "role-wanted in mentee", &error);
  mentors = pw_rule_parse (PW_RULE_SET_MENTOR, "role-wanted in mentor", &error);
  g_assert_true (pw_eligibility_add_rule_to_store (f->store, f->programme, mentees, &error));
  g_assert_true (pw_eligibility_add_rule_to_store (f->store, f->programme, mentors, &error));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
}

static int
index_of (PwMatchRun *run,
          gboolean    mentee,
          gint64      id)
{
  guint n = mentee ? pw_match_get_n_mentees (run) : pw_match_get_n_mentors (run);

  for (guint i = 0; i < n; i++)
    if (pw_person_get_id (mentee ? pw_match_get_mentee (run, i) : pw_match_get_mentor (run, i)) == id)
      return i;
  return -1;
}

static gint64
mentor_of (PwMatchRun *run,
           gint64      mentee_id)
{
  int i = index_of (run, TRUE, mentee_id);
  int j = i >= 0 ? pw_match_get_assignment (run, i) : -1;

  return j >= 0 ? pw_person_get_id (pw_match_get_mentor (run, j)) : 0;
}

static void
test_chain_and_topics (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwMatchRun) run = NULL;
  g_autofree char *why = NULL;
  gint64 ceo, director, head, officer, outsider;

  /* A chain three levels deep: the officer reports (via two managers) to
   * the CEO, who wants to learn exactly what the officer offers. */
  ceo = add (f, "ceo", "Band 9", "mentee", 0, NULL, "TikTok, AI");
  director = add (f, "director", "Band 8", "either", ceo, NULL, NULL);
  head = add (f, "head", "Band 6", "either", director, NULL, NULL);
  officer = add (f, "officer", "Band 2", "mentor", head, "TikTok, AI", NULL);
  outsider = add (f, "outsider", "Band 3", "mentor", 0, "AI", NULL);

  run = pw_match_prepare (f->store, f->programme, &error);
  g_assert_no_error (error);
  g_assert_true (pw_match_solve (run, FALSE, 0, NULL, &error));

  g_assert_cmpstr (pw_match_blocked_reason (run, index_of (run, TRUE, ceo), index_of (run, FALSE, officer)),
                   ==, "one is in the other’s reporting line");
  g_assert_cmpint (mentor_of (run, ceo), ==, outsider);

  why = pw_match_explain_pair (run, index_of (run, TRUE, ceo));
  g_assert_nonnull (strstr (why, "outsider mentors ceo"));
  g_assert_nonnull (strstr (why, "Topic fit: 50 of 100 × weight 10 = 500 (offers AI)"));
  g_assert_nonnull (strstr (why, "No other mentor was possible."));
  (void)director;
}

static void
test_unmatched_diagnosis_and_capacity (Fixture       *f,
                                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwMatchRun) run = NULL;
  g_autofree char *why = NULL;
  gint64 boss, a, b, c, mentor;
  PwFairness fairness;

  boss = add (f, "boss", "Band 9", "mentee", 0, NULL, NULL);
  a = add (f, "a", "Band 8", "mentee", 0, NULL, "AI");
  b = add (f, "b", "Band 8", "mentee", 0, NULL, "AI");
  c = add (f, "c", "Band 7", "mentee", 0, NULL, "Excel");
  mentor = add (f, "mentor", "Band 2", "mentor", boss, "AI", NULL);
  {
    g_autoptr(PwPerson) p = pw_person_repo_get (f->store, mentor, &error);
    pw_person_set_field (p, "capacity", "2", NULL);
    g_assert_true (pw_person_repo_update (f->store, p, &error));
  }

  run = pw_match_prepare (f->store, f->programme, &error);
  g_assert_true (pw_match_solve (run, FALSE, 0, NULL, &error));

  /* Capacity 2: two of the three free mentees, the AI-minded ones. */
  g_assert_cmpint (mentor_of (run, a), ==, mentor);
  g_assert_cmpint (mentor_of (run, b), ==, mentor);
  g_assert_cmpint (mentor_of (run, c), ==, 0);
  g_assert_cmpint (mentor_of (run, boss), ==, 0);

  why = pw_match_explain_unmatched (run, index_of (run, TRUE, c));
  g_assert_cmpstr (why, ==, "c has no mentor: 1 mentor: already full.");
  g_free (why);
  why = pw_match_explain_unmatched (run, index_of (run, TRUE, boss));
  g_assert_cmpstr (why, ==, "boss has no mentor: 1 mentor: one is in the other’s reporting line.");

  pw_match_fairness (run, &fairness);
  g_assert_cmpuint (fairness.matched, ==, 2);
  g_assert_cmpuint (fairness.unmatched, ==, 2);
}

static void
test_lifecycle_and_rematch (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwMatchRun) run = NULL;
  g_autoptr(PwMatchRun) again = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gint64 senior, junior, other;
  PwPair *pair;

  senior = add (f, "senior", "Band 8", "mentee", 0, NULL, "AI");
  junior = add (f, "junior", "Band 2", "mentor", 0, "AI", NULL);
  other = add (f, "other", "Band 3", "mentor", 0, "Excel", NULL);

  run = pw_match_prepare (f->store, f->programme, &error);
  g_assert_true (pw_match_solve (run, FALSE, 0, NULL, &error));
  g_assert_cmpint (mentor_of (run, senior), ==, junior);
  g_assert_true (pw_match_save_proposals (run, &error));
  g_assert_no_error (error);

  pairs = pw_pairs_list (f->store, f->programme, FALSE, &error);
  g_assert_cmpuint (pairs->len, ==, 1);
  pair = g_ptr_array_index (pairs, 0);
  g_assert_cmpint (pair->state, ==, PW_PAIR_PROPOSED);
  g_assert_nonnull (strstr (pair->explanation, "junior mentors senior"));

  /* Only approved or active pairs can end; only proposed ones approve. */
  g_assert_false (pw_pair_end (f->store, pair->id, TRUE, senior, "x", &error));
  g_assert_error (error, PW_MATCH_ERROR, PW_MATCH_ERROR_STATE);
  g_clear_error (&error);
  g_assert_true (pw_pair_approve (f->store, pair->id, &error));
  g_assert_false (pw_pair_approve (f->store, pair->id, &error));
  g_clear_error (&error);
  g_assert_true (pw_pair_activate (f->store, pair->id, &error));

  /* Rematch without blame: the senior asked; the junior is left waiting. */
  g_assert_true (pw_pair_end (f->store, pair->id, TRUE, junior, "Diaries never lined up", &error));
  g_assert_no_error (error);

  again = pw_match_prepare (f->store, f->programme, &error);
  g_assert_true (pw_match_solve (again, FALSE, 0, NULL, &error));
  g_assert_cmpstr (pw_match_blocked_reason (again, index_of (again, TRUE, senior), index_of (again, FALSE, junior)),
                   ==, "they were paired before and the pair ended");
  g_assert_cmpint (mentor_of (again, senior), ==, other);

  after = pw_pairs_list (f->store, f->programme, TRUE, &error);
  g_assert_cmpuint (after->len, ==, 1);
  g_assert_cmpstr (((PwPair *)g_ptr_array_index (after, 0))->end_kind, ==, "rematched");
}

static void
test_determinism_random_locks_forbid (Fixture       *f,
                                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 mentees[6], mentors[6];

  for (guint k = 0; k < 6; k++)
    {
      g_autofree char *me = g_strdup_printf ("mentee%u", k);
      g_autofree char *mo = g_strdup_printf ("mentor%u", k);

      mentees[k] = add (f, me, "Band 8", "mentee", 0, NULL, k % 2 ? "AI" : "Social media");
      mentors[k] = add (f, mo, "Band 2", "mentor", 0, k % 3 ? "AI" : "Social media", NULL);
    }

  {
    g_autoptr(PwMatchRun) r1 = pw_match_prepare (f->store, f->programme, &error);
    g_autoptr(PwMatchRun) r2 = pw_match_prepare (f->store, f->programme, &error);
    g_autoptr(PwMatchRun) b1 = pw_match_prepare (f->store, f->programme, &error);
    g_autoptr(PwMatchRun) b2 = pw_match_prepare (f->store, f->programme, &error);

    g_assert_true (pw_match_solve (r1, FALSE, 0, NULL, &error));
    g_assert_true (pw_match_solve (r2, FALSE, 0, NULL, &error));
    g_assert_true (pw_match_solve (b1, TRUE, 42, NULL, &error));
    g_assert_true (pw_match_solve (b2, TRUE, 42, NULL, &error));
    for (guint k = 0; k < 6; k++)
      {
        g_assert_cmpint (mentor_of (r1, mentees[k]), ==, mentor_of (r2, mentees[k]));
        g_assert_cmpint (mentor_of (b1, mentees[k]), ==, mentor_of (b2, mentees[k]));
        g_assert_cmpint (mentor_of (b1, mentees[k]), !=, 0);
      }
  }

  /* Forbid what the solver chose for mentee 0; it must change. */
  {
    g_autoptr(PwMatchRun) before = pw_match_prepare (f->store, f->programme, &error);
    g_autoptr(PwMatchRun) forbidden = NULL;
    gint64 chosen;

    g_assert_true (pw_match_solve (before, FALSE, 0, NULL, &error));
    chosen = mentor_of (before, mentees[0]);
    g_assert_true (pw_pair_forbid (f->store, f->programme, mentees[0], chosen, TRUE, &error));
    forbidden = pw_match_prepare (f->store, f->programme, &error);
    g_assert_true (pw_match_solve (forbidden, FALSE, 0, NULL, &error));
    g_assert_cmpint (mentor_of (forbidden, mentees[0]), !=, chosen);
    g_assert_cmpstr (pw_match_blocked_reason (forbidden, index_of (forbidden, TRUE, mentees[0]),
                                              index_of (forbidden, FALSE, chosen)),
                     ==, "the coordinator ruled this pair out");
  }

  /* Career influence blocks in either role. */
  g_assert_true (pw_influence_add (f->store, mentees[1], mentors[1], "Appraiser", &error));
  {
    g_autoptr(PwMatchRun) run = pw_match_prepare (f->store, f->programme, &error);
    g_assert_cmpstr (pw_match_blocked_reason (run, index_of (run, TRUE, mentees[1]), index_of (run, FALSE, mentors[1])),
                     ==, "one influences the other’s career");
  }
}

static void
test_settings_round_trip (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  PwMatchSettings s, back;

  pw_match_settings_init (&s);
  s.weights[PW_CRITERION_GROWTH] = 9;
  s.similar[PW_ATTR_LOCATION] = PW_SIMILAR_SAME;
  s.policy = PW_SOLVER_POLICY_SCORE;
  g_assert_true (pw_match_settings_save (f->store, f->programme, &s, &error));
  g_assert_true (pw_match_settings_load (f->store, f->programme, &back, &error));
  g_assert_cmpint (back.weights[PW_CRITERION_GROWTH], ==, 9);
  g_assert_cmpint (back.similar[PW_ATTR_LOCATION], ==, PW_SIMILAR_SAME);
  g_assert_cmpint (back.policy, ==, PW_SOLVER_POLICY_SCORE);

  s.band_low = 90;
  s.band_high = 10;
  g_assert_false (pw_match_settings_save (f->store, f->programme, &s, &error));
  g_assert_error (error, PW_MATCH_ERROR, PW_MATCH_ERROR_INVALID);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add ("/match/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("chain-and-topics", test_chain_and_topics);
  ADD ("unmatched-diagnosis-and-capacity", test_unmatched_diagnosis_and_capacity);
  ADD ("lifecycle-and-rematch", test_lifecycle_and_rematch);
  ADD ("determinism-random-locks-forbid", test_determinism_random_locks_forbid);
  ADD ("settings-round-trip", test_settings_round_trip);
#undef ADD

  return g_test_run ();
}
