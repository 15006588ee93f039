/* test-workshop.c — the workshop's agenda, state, decisions and toolkit
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "test-workshop"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "pw-eligibility.h"
#include "pw-match.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-sample.h"
#include "pw-toolkit.h"
#include "pw-workshop.h"

typedef struct
{
  char        *dir;
  PwStore     *store;
  PwProgramme *programme;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *grades[] = { "Band 1", "Band 2", "Band 3", "Band 4", "Band 5",
                           "Band 6", "Band 7", "Band 8", "Band 9", NULL };

  fixture->dir = g_dir_make_tmp ("pairwise-workshop-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "pairwise.db", NULL);
  fixture->store = pw_store_open (path, &error);
  g_assert_no_error (error);

  pw_grade_scale_set (fixture->store, grades, &error);
  g_assert_no_error (error);

  fixture->programme = pw_programme_new ("Thinking Partners");
  pw_programme_set_kind (fixture->programme, PW_PROGRAMME_KIND_TRADITIONAL);
  pw_programme_set_start_date (fixture->programme, "2026-09-01");
  pw_programme_set_end_date (fixture->programme, "2027-09-01");
  pw_programme_repo_insert (fixture->store, fixture->programme, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_assert_finalize_object (fixture->programme);
  g_assert_finalize_object (fixture->store);

  dir = g_dir_open (fixture->dir, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (fixture->dir, name, NULL);
      g_assert_no_errno (g_remove (child));
    }
  g_assert_no_errno (g_rmdir (fixture->dir));
  g_free (fixture->dir);
}

static PwWorkshop *
load (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  PwWorkshop *workshop;

  workshop = pw_workshop_load (fixture->store, fixture->programme, &error);
  g_assert_no_error (error);
  g_assert_nonnull (workshop);

  return workshop;
}

static PwProgramme *
stored (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  PwProgramme *programme;

  programme = pw_programme_repo_get (fixture->store, pw_programme_get_id (fixture->programme), &error);
  g_assert_no_error (error);

  return programme;
}

/* The agenda */

static void
test_agenda (void)
{
  guint n = pw_workshop_agenda_get_n_items ();
  const char * const *fields = pw_programme_list_fields ();
  guint competencies = 0;
  gboolean demo = FALSE, assessment = FALSE, toolkit = FALSE;

  g_assert_cmpuint (n, >=, 25);
  g_assert_cmpuint (pw_workshop_agenda_get_item (0)->day, ==, 1);
  g_assert_cmpuint (pw_workshop_agenda_get_item (n - 1)->day, ==, 2);
  g_assert_cmpint (pw_workshop_agenda_find ("scope"), >=, 0);
  g_assert_cmpint (pw_workshop_agenda_find ("no-such-item"), ==, -1);

  /* Each day fits a working day with breaks. */
  g_assert_cmpuint (pw_workshop_agenda_day_minutes (1), <=, 7 * 60);
  g_assert_cmpuint (pw_workshop_agenda_day_minutes (2), <=, 7 * 60);

  for (guint i = 0; i < n; i++)
    {
      const PwWorkshopItem *item = pw_workshop_agenda_get_item (i);

      g_assert_cmpuint (item->minutes, >, 0);
      g_assert_cmpuint (pw_workshop_item_get_n_prompts (item), >=, 3);
      g_assert_cmpint (pw_workshop_agenda_find (item->id), ==, (int) i);
      if (i > 0)
        g_assert_cmpuint (item->day, >=, pw_workshop_agenda_get_item (i - 1)->day);

      /* Every decision is a real setup field or a known decision. */
      for (guint d = 0; item->decisions[d] != NULL; d++)
        g_assert_true (g_strv_contains (fields, item->decisions[d]) ||
                       g_str_has_prefix (item->decisions[d], "eligibility:") ||
                       g_str_equal (item->decisions[d], PW_DECISION_MATCH_WEIGHTS));

      competencies += item->competency >= 0;
      demo |= item->screen == PW_WORKSHOP_SCREEN_DEMONSTRATION;
      assessment |= item->screen == PW_WORKSHOP_SCREEN_SELF_ASSESSMENT;
      toolkit |= item->screen == PW_WORKSHOP_SCREEN_TOOLKIT;
    }

  g_assert_cmpuint (competencies, ==, PW_N_COMPETENCIES);
  g_assert_true (demo && assessment && toolkit);
  g_assert_true (pw_workshop_item_captures (pw_workshop_agenda_get_item (pw_workshop_agenda_find ("scope")), "scope"));
  g_assert_true (pw_workshop_item_captures (pw_workshop_agenda_get_item (pw_workshop_agenda_find ("matching")),
                                            PW_DECISION_MATCH_WEIGHTS));
}

/* Navigation */

static void
test_navigation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PwWorkshop) workshop = load (fixture);
  g_autoptr(PwWorkshop) again = NULL;
  g_autoptr(GError) error = NULL;
  guint n = pw_workshop_agenda_get_n_items ();

  g_assert_cmpuint (pw_workshop_get_position (workshop), ==, 0);
  g_assert_false (pw_workshop_previous (workshop, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pw_workshop_get_position (workshop), ==, 0);

  for (guint i = 1; i < n; i++)
    {
      g_assert_true (pw_workshop_next (workshop, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (pw_workshop_get_position (workshop), ==, i);
    }
  g_assert_false (pw_workshop_next (workshop, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pw_workshop_get_position (workshop), ==, n - 1);

  g_assert_true (pw_workshop_previous (workshop, &error));
  g_assert_cmpuint (pw_workshop_get_position (workshop), ==, n - 2);

  g_assert_false (pw_workshop_set_position (workshop, n, &error));
  g_assert_error (error, PW_WORKSHOP_ERROR, PW_WORKSHOP_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (pw_workshop_set_position (workshop, pw_workshop_agenda_find ("scope"), &error));
  g_assert_no_error (error);

  /* Reopening resumes where the workshop stopped. */
  again = load (fixture);
  g_assert_cmpstr (pw_workshop_get_item (again)->id, ==, "scope");
}

static void
test_timer (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(PwWorkshop) workshop = load (fixture);
  g_autoptr(PwWorkshop) again = NULL;
  g_autoptr(GError) error = NULL;
  gint64 full = (gint64) pw_workshop_get_item (workshop)->minutes * 60;
  gint64 t = 1000 * G_USEC_PER_SEC;

  g_assert_cmpint (pw_workshop_timer_remaining (workshop, t), ==, full);
  g_assert_false (pw_workshop_timer_is_running (workshop));

  pw_workshop_timer_start (workshop, t);
  g_assert_true (pw_workshop_timer_is_running (workshop));
  g_assert_cmpint (pw_workshop_timer_remaining (workshop, t + 10 * G_USEC_PER_SEC), ==, full - 10);
  g_assert_cmpint (pw_workshop_timer_remaining (workshop, t + 10 * G_USEC_PER_SEC + 1), ==, full - 10);

  /* Paused, the clock stands still. */
  pw_workshop_timer_pause (workshop, t + 70 * G_USEC_PER_SEC);
  g_assert_false (pw_workshop_timer_is_running (workshop));
  g_assert_cmpint (pw_workshop_timer_remaining (workshop, t + 500 * G_USEC_PER_SEC), ==, full - 70);

  /* Overrunning reads negative. */
  pw_workshop_timer_start (workshop, t);
  g_assert_cmpint (pw_workshop_timer_remaining (workshop, t + (full - 70 + 5) * G_USEC_PER_SEC), ==, -5);
  pw_workshop_timer_pause (workshop, t + 10 * G_USEC_PER_SEC);

  /* Another item has its own clock; coming back finds this one as left,
   * and so does a reopened workshop. */
  g_assert_true (pw_workshop_next (workshop, &error));
  g_assert_cmpint (pw_workshop_timer_remaining (workshop, t),
                   ==, (gint64) pw_workshop_get_item (workshop)->minutes * 60);
  g_assert_true (pw_workshop_previous (workshop, &error));
  g_assert_cmpint (pw_workshop_timer_remaining (workshop, t), ==, full - 80);

  again = load (fixture);
  g_assert_cmpint (pw_workshop_timer_remaining (again, t), ==, full - 80);
  g_assert_false (pw_workshop_timer_is_running (again));

  pw_workshop_timer_reset (workshop);
  g_assert_cmpint (pw_workshop_timer_remaining (workshop, t), ==, full);
}

static void
test_notes (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(PwWorkshop) workshop = load (fixture);
  g_autoptr(PwWorkshop) again = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (pw_workshop_get_note (workshop, "scope"), ==, "");
  g_assert_true (pw_workshop_set_note (workshop, "scope", "Career steps in, pay out.", &error));
  g_assert_no_error (error);

  again = load (fixture);
  g_assert_cmpstr (pw_workshop_get_note (again, "scope"), ==, "Career steps in, pay out.");
}

/* Decisions reach the stored programme */

static void
test_decisions (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PwWorkshop) workshop = load (fixture);
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  PwEligibility *eligibility;
  PwMatchSettings settings;
  GPtrArray *rules;
  gboolean mentor_rule = FALSE, mentee_rule = FALSE, department_rule = FALSE;

  /* Scope */
  g_assert_true (pw_workshop_set_field (workshop, "scope", "career-development,future-goal", &error));
  g_assert_no_error (error);
  programme = stored (fixture);
  g_assert_cmpuint (pw_programme_get_scope (programme), ==, PW_SCOPE_CAREER_DEVELOPMENT | PW_SCOPE_FUTURE_GOAL);
  g_clear_object (&programme);

  /* The caller's instance is the one changed, so views holding it agree. */
  g_assert_cmpuint (pw_programme_get_scope (fixture->programme), ==, PW_SCOPE_CAREER_DEVELOPMENT | PW_SCOPE_FUTURE_GOAL);

  g_assert_true (pw_workshop_set_field (workshop, "code-of-conduct", "Turn up. Listen first.", &error));
  g_assert_no_error (error);

  /* A bad value changes nothing. */
  g_assert_false (pw_workshop_set_field (workshop, "meetings-per-month", "40", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (pw_workshop_set_field (workshop, "end-date", "2020-01-01", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpstr (pw_programme_get_end_date (fixture->programme), ==, "2027-09-01");
  programme = stored (fixture);
  g_assert_cmpstr (pw_programme_get_end_date (programme), ==, "2027-09-01");
  g_assert_cmpstr (pw_programme_get_code_of_conduct (programme), ==, "Turn up. Listen first.");
  g_clear_object (&programme);

  /* The reverse preset: rules and the programme's direction. */
  g_assert_false (pw_workshop_apply_reverse_preset (workshop, "Band 7", "Band 4", &error));
  g_assert_error (error, PW_WORKSHOP_ERROR, PW_WORKSHOP_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (pw_workshop_apply_reverse_preset (workshop, "Band 4", "Band 7", &error));
  g_assert_no_error (error);
  g_assert_true (pw_workshop_add_rule (workshop, PW_RULE_SET_MENTOR, "department not-in Finance", &error));
  g_assert_no_error (error);
  g_assert_false (pw_workshop_add_rule (workshop, PW_RULE_SET_MENTOR, "shoe-size at-least 9", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  programme = stored (fixture);
  g_assert_cmpint (pw_programme_get_kind (programme), ==, PW_PROGRAMME_KIND_REVERSE);
  g_assert_cmpint (pw_programme_get_pair_seniority (programme), ==, PW_PAIR_SENIORITY_JUNIOR);

  eligibility = pw_eligibility_load (fixture->store, pw_programme_get_id (programme), &error);
  g_assert_no_error (error);
  rules = pw_eligibility_get_rules (eligibility);
  for (guint i = 0; i < rules->len; i++)
    {
      const PwRule *rule = g_ptr_array_index (rules, i);

      if (rule->kind == PW_RULE_GRADE && rule->set == PW_RULE_SET_MENTOR)
        mentor_rule = rule->op == PW_RULE_OP_AT_MOST && g_str_equal (rule->values[0], "Band 4");
      if (rule->kind == PW_RULE_GRADE && rule->set == PW_RULE_SET_MENTEE)
        mentee_rule = rule->op == PW_RULE_OP_AT_LEAST && g_str_equal (rule->values[0], "Band 7");
      if (rule->kind == PW_RULE_DEPARTMENT)
        department_rule = rule->op == PW_RULE_OP_NOT_IN;
    }
  pw_eligibility_free (eligibility);
  g_assert_true (mentor_rule);
  g_assert_true (mentee_rule);
  g_assert_true (department_rule);

  /* Matching weights */
  g_assert_true (pw_workshop_set_weight (workshop, PW_CRITERION_GAP, 9, &error));
  g_assert_no_error (error);
  g_assert_false (pw_workshop_set_weight (workshop, PW_CRITERION_GAP, 11, &error));
  g_assert_error (error, PW_WORKSHOP_ERROR, PW_WORKSHOP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (pw_match_settings_load (fixture->store, pw_programme_get_id (programme), &settings, &error));
  g_assert_no_error (error);
  g_assert_cmpint (settings.weights[PW_CRITERION_GAP], ==, 9);
}

/* The self-assessment */

static void
rate (PwWorkshop *workshop,
      int         listening,
      int         feedback)
{
  g_autoptr(GError) error = NULL;
  int ratings[PW_N_COMPETENCIES] = { 0 };

  ratings[PW_COMPETENCY_ACTIVE_LISTENING] = listening;
  ratings[PW_COMPETENCY_FEEDBACK] = feedback;
  g_assert_true (pw_workshop_add_assessment (workshop, ratings, &error));
  g_assert_no_error (error);
}

static void
test_assessment (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PwWorkshop) workshop = load (fixture);
  g_autoptr(PwWorkshop) again = NULL;
  g_autoptr(GError) error = NULL;
  PwCompetencySummary summary;
  int bad[PW_N_COMPETENCIES] = { 0 };

  /* Nothing rated, or out of range: refused. */
  g_assert_false (pw_workshop_add_assessment (workshop, bad, &error));
  g_assert_error (error, PW_WORKSHOP_ERROR, PW_WORKSHOP_ERROR_INVALID);
  g_clear_error (&error);
  bad[0] = 6;
  g_assert_false (pw_workshop_add_assessment (workshop, bad, &error));
  g_assert_error (error, PW_WORKSHOP_ERROR, PW_WORKSHOP_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpuint (pw_workshop_get_respondents (workshop), ==, 0);

  rate (workshop, 2, 5);
  rate (workshop, 4, 0);

  /* Two answers would point at people: hidden. */
  pw_workshop_get_aggregate (workshop, PW_COMPETENCY_ACTIVE_LISTENING, &summary);
  g_assert_true (summary.suppressed);
  g_assert_cmpfloat (summary.mean, ==, 0);
  g_assert_cmpuint (summary.counts[1] + summary.counts[3], ==, 0);

  rate (workshop, 3, 4);
  pw_workshop_get_aggregate (workshop, PW_COMPETENCY_ACTIVE_LISTENING, &summary);
  g_assert_false (summary.suppressed);
  g_assert_cmpuint (summary.answers, ==, 3);
  g_assert_cmpfloat_with_epsilon (summary.mean, 3.0, 1e-9);
  g_assert_cmpuint (summary.counts[1], ==, 1);
  g_assert_cmpuint (summary.counts[2], ==, 1);
  g_assert_cmpuint (summary.counts[3], ==, 1);

  /* Feedback was left out once: still two answers, still hidden. */
  pw_workshop_get_aggregate (workshop, PW_COMPETENCY_FEEDBACK, &summary);
  g_assert_true (summary.suppressed);
  g_assert_cmpuint (summary.answers, ==, 2);

  /* Kept, and kept as counts only. */
  again = load (fixture);
  g_assert_cmpuint (pw_workshop_get_respondents (again), ==, 3);
  pw_workshop_get_aggregate (again, PW_COMPETENCY_ACTIVE_LISTENING, &summary);
  g_assert_cmpfloat_with_epsilon (summary.mean, 3.0, 1e-9);

  g_assert_true (pw_workshop_clear_assessments (again, &error));
  g_assert_no_error (error);
  pw_workshop_get_aggregate (again, PW_COMPETENCY_ACTIVE_LISTENING, &summary);
  g_assert_true (summary.suppressed);
  g_assert_cmpuint (summary.answers, ==, 0);
}

/* The toolkit */

static guint
count_pages (const char *path)
{
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autofree char *contents = NULL;
  guint pages = 0;
  gsize length;

  if (pdfinfo != NULL)
    {
      g_autofree char *out = NULL;
      const char *argv[] = { pdfinfo, path, NULL };
      g_autoptr(GError) error = NULL;
      const char *line;
      int status;

      g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      line = strstr (out, "Pages:");
      g_assert_nonnull (line);
      return (guint) g_ascii_strtoull (line + strlen ("Pages:"), NULL, 10);
    }

  /* Without poppler-utils: count the page objects. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (const char *p = contents; (p = g_strstr_len (p, length - (p - contents), "/Type /Page")) != NULL; p++)
    if (p[strlen ("/Type /Page")] != 's')
      pages++;

  return pages;
}

static void
test_toolkit (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(PwWorkshop) workshop = load (fixture);
  g_autoptr(PwToolkit) toolkit = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "toolkit.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;

  g_assert_true (pw_workshop_set_field (workshop, "goals", "Every executive posts once a month\nTen ideas from front-line staff adopted", &error));
  g_assert_no_error (error);
  g_assert_true (pw_workshop_set_note (workshop, "scope", "Pay and ratings are out of bounds.", &error));
  g_assert_no_error (error);
  g_assert_true (pw_workshop_apply_reverse_preset (workshop, "Band 4", "Band 7", &error));
  g_assert_no_error (error);

  toolkit = pw_toolkit_collect (fixture->store, fixture->programme, workshop, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pw_toolkit_get_n_sections (toolkit), ==, PW_TOOLKIT_N_SECTIONS + 1);  /* + the notes */

  g_assert_true (pw_toolkit_write_pdf (toolkit, path, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_cmpuint (length, >, 1000);
  g_assert_true (g_str_has_prefix (contents, "%PDF"));
  g_assert_no_errno (g_stat (path, &st));
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);

  /* A cover, then each section on pages of its own. */
  g_assert_cmpuint (count_pages (path), >=, pw_toolkit_get_n_sections (toolkit) + 1);

  /* A folder that does not exist: a clear error, nothing left behind. */
  {
    g_autofree char *bad = g_build_filename (fixture->dir, "missing", "toolkit.pdf", NULL);

    g_assert_false (pw_toolkit_write_pdf (toolkit, bad, &error));
    g_assert_error (error, PW_TOOLKIT_ERROR, PW_TOOLKIT_ERROR_FAILED);
    g_assert_nonnull (strstr (error->message, bad));
  }
}

typedef struct
{
  gboolean  done;
  GError   *error;
} Export;

static void
export_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  Export *export = user_data;

  pw_toolkit_export_finish (result, &export->error);
  export->done = TRUE;
}

static void
test_toolkit_async (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "async.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  Export export = { FALSE, NULL };

  pw_toolkit_export_async (fixture->store, fixture->programme, NULL, file, NULL, export_done_cb, &export);
  while (!export.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (export.error);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/workshop/agenda", test_agenda);
  g_test_add ("/workshop/navigation", Fixture, NULL, fixture_set_up, test_navigation, fixture_tear_down);
  g_test_add ("/workshop/timer", Fixture, NULL, fixture_set_up, test_timer, fixture_tear_down);
  g_test_add ("/workshop/notes", Fixture, NULL, fixture_set_up, test_notes, fixture_tear_down);
  g_test_add ("/workshop/decisions", Fixture, NULL, fixture_set_up, test_decisions, fixture_tear_down);
  g_test_add ("/workshop/assessment", Fixture, NULL, fixture_set_up, test_assessment, fixture_tear_down);
  g_test_add ("/workshop/toolkit", Fixture, NULL, fixture_set_up, test_toolkit, fixture_tear_down);
  g_test_add ("/workshop/toolkit-async", Fixture, NULL, fixture_set_up, test_toolkit_async, fixture_tear_down);

  return g_test_run ();
}
