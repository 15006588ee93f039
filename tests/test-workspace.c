/* test-workspace.c — the pair workspace: agreement, plan, diary,
 * worksheets with history, signs of dependency, closing
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-workspace.h"

typedef struct
{
  PwStore *store;
  gint64   programme_id;
  gint64   pair_id;       /* active */
  gint64   proposed_id;
} Fixture;

static gint64
insert_pair (PwStore    *store,
             gint64      programme_id,
             gint64      mentee_id,
             gint64      mentor_id,
             const char *state)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = pw_store_prepare (store,
                                         "INSERT INTO pair (programme_id, mentee_id, mentor_id, state) "
                                         "VALUES (?, ?, ?, ?)", &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int64 (stmt, 2, mentee_id);
  sqlite3_bind_int64 (stmt, 3, mentor_id);
  sqlite3_bind_text (stmt, 4, state, -1, SQLITE_STATIC);
  g_assert_cmpint (pw_store_step (store, stmt, &error), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  return pw_store_last_insert_id (store);
}

static gint64
add_person (PwStore    *store,
            const char *name,
            const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwPerson) p = pw_person_new (name, email);

  g_assert_true (pw_person_repo_insert (store, p, &error));
  g_assert_no_error (error);
  return pw_person_get_id (p);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwProgramme) programme = pw_programme_new ("Thinking Partners");
  gint64 a, b, c;

  f->store = pw_store_open (":memory:", &error);
  g_assert_no_error (error);

  pw_programme_set_meetings_per_month (programme, 2);
  pw_programme_set_contact_forms (programme, PW_CONTACT_VIDEO | PW_CONTACT_EMAIL);
  pw_programme_set_confidentiality (programme, "What is said stays between the two of you.");
  g_assert_true (pw_programme_repo_insert (f->store, programme, &error));
  f->programme_id = pw_programme_get_id (programme);

  a = add_person (f->store, "Ama Senior", "ama@example.org");
  b = add_person (f->store, "Ben Junior", "ben@example.org");
  c = add_person (f->store, "Cai Other", "cai@example.org");
  f->pair_id = insert_pair (f->store, f->programme_id, a, b, "active");
  f->proposed_id = insert_pair (f->store, f->programme_id, c, b, "proposed");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
}

static int notified;

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    data)
{
  notified++;
}

static void
test_agreement_defaults (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwAgreement) agreement = pw_agreement_load (f->store, f->pair_id, &error);
  g_autoptr(PwProgramme) programme = pw_programme_repo_get (f->store, f->programme_id, &error);

  g_assert_no_error (error);
  g_assert_false (pw_agreement_get_saved (agreement));
  g_assert_cmpint (pw_agreement_get_meetings_per_month (agreement), ==, 2);
  g_assert_cmpuint (pw_agreement_get_contact_forms (agreement), ==, PW_CONTACT_VIDEO | PW_CONTACT_EMAIL);
  g_assert_cmpstr (pw_agreement_get_end_date (agreement), ==, pw_programme_get_end_date (programme));
  g_assert_cmpstr (pw_agreement_get_confidentiality_policy (agreement), ==,
                   "What is said stays between the two of you.");
  g_assert_cmpint (pw_agreement_get_state (agreement), ==, PW_AGREEMENT_DRAFT);
}

static void
test_agreement_states (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwAgreement) agreement = pw_agreement_load (f->store, f->pair_id, &error);
  g_autoptr(PwAgreement) again = NULL;
  g_autoptr(PwAgreement) third = NULL;

  g_object_set (agreement,
                "mentee-gains", "Confidence with social media",
                "mentor-offers", "An hour a fortnight and honest feedback",
                "unrealistic", "Becoming an influencer in a month",
                "confidentiality-agreed", TRUE,
                "reassignment", "Either of us tells the coordinator; no reasons needed.",
                NULL);
  g_assert_true (pw_agreement_save (f->store, agreement, &error));
  g_assert_no_error (error);

  g_assert_true (pw_agreement_accept (agreement, PW_SIDE_MENTEE, "2026-01-10", &error));
  g_assert_cmpint (pw_agreement_get_state (agreement), ==, PW_AGREEMENT_ACCEPTED_BY_MENTEE);
  g_assert_true (pw_agreement_save (f->store, agreement, &error));

  again = pw_agreement_load (f->store, f->pair_id, &error);
  g_assert_cmpint (pw_agreement_get_state (again), ==, PW_AGREEMENT_ACCEPTED_BY_MENTEE);
  g_assert_true (pw_agreement_accept (again, PW_SIDE_MENTOR, "2026-01-12", &error));
  g_assert_cmpint (pw_agreement_get_state (again), ==, PW_AGREEMENT_ACCEPTED);
  g_assert_cmpstr (pw_agreement_get_accepted (again, PW_SIDE_MENTEE), ==, "2026-01-10");
  g_assert_cmpstr (pw_agreement_get_accepted (again, PW_SIDE_MENTOR), ==, "2026-01-12");
  g_assert_true (pw_agreement_save (f->store, again, &error));

  /* Only a real change notifies and clears. */
  g_signal_connect (again, "notify", G_CALLBACK (count_notify_cb), NULL);
  notified = 0;
  g_object_set (again, "mentee-gains", "Confidence with social media", NULL);
  g_assert_cmpint (notified, ==, 0);
  g_assert_cmpint (pw_agreement_get_state (again), ==, PW_AGREEMENT_ACCEPTED);

  /* Editing after acceptance clears both. */
  g_object_set (again, "meetings-per-month", 3, NULL);
  g_assert_cmpint (notified, >=, 4);  /* the term, two acceptances, the state */
  g_assert_cmpint (pw_agreement_get_state (again), ==, PW_AGREEMENT_DRAFT);
  g_assert_cmpstr (pw_agreement_get_accepted (again, PW_SIDE_MENTEE), ==, "");
  g_assert_true (pw_agreement_save (f->store, again, &error));

  third = pw_agreement_load (f->store, f->pair_id, &error);
  g_assert_cmpint (pw_agreement_get_state (third), ==, PW_AGREEMENT_DRAFT);
  g_assert_cmpint (pw_agreement_get_meetings_per_month (third), ==, 3);

  g_assert_false (pw_agreement_accept (third, PW_SIDE_MENTOR, "12/01/2026", &error));
  g_assert_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
}

static void
test_proposed_pair_refused (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwAgreement) agreement = pw_agreement_load (f->store, f->proposed_id, &error);

  g_assert_null (agreement);
  g_assert_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_STATE);
  g_clear_error (&error);

  g_assert_null (pw_worksheet_load (f->store, 9999, PW_WORKSHEET_GROW, 0, &error));
  g_assert_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_NO_PAIR);
}

static void
test_plan_progress (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwGoal) goal = pw_goal_new (f->pair_id, "Post weekly on the intranet");
  g_autoptr(PwGoal) second = pw_goal_new (f->pair_id, "Run a team retrospective");
  g_autoptr(PwGoal) blank = pw_goal_new (f->pair_id, "   ");
  g_autoptr(GListModel) goals = NULL;
  g_autoptr(GListModel) marks = NULL;
  PwProgress progress;
  const char *descriptions[] = { "Draft three posts", "Publish the first", "Get feedback", "Start a vlog" };
  PwBenchmarkStatus statuses[] = { PW_BENCHMARK_DONE, PW_BENCHMARK_DONE, PW_BENCHMARK_OPEN, PW_BENCHMARK_DROPPED };

  g_object_set (goal,
                "specific", "One post a week about our team's work",
                "measurable", "Twelve posts by the end",
                "achievable", "Half an hour a week",
                "relevant", "Visibility of the team",
                "time-bound", "2026-06-30",
                NULL);
  g_assert_true (pw_goal_save (f->store, goal, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pw_goal_get_id (goal), >, 0);
  g_assert_true (pw_goal_save (f->store, second, &error));

  g_assert_false (pw_goal_save (f->store, blank, &error));
  g_assert_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (descriptions); i++)
    {
      g_autoptr(PwBenchmark) b = pw_benchmark_new (pw_goal_get_id (goal), descriptions[i], "2026-03-01");

      pw_benchmark_set_status (b, statuses[i]);
      g_assert_true (pw_benchmark_save (f->store, b, &error));
      g_assert_no_error (error);
    }

  {
    g_autoptr(PwBenchmark) bad = pw_benchmark_new (pw_goal_get_id (goal), "Bad date", "March");

    g_assert_false (pw_benchmark_save (f->store, bad, &error));
    g_assert_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "due-date"));
    g_clear_error (&error);
  }

  pw_goal_set_achieved (second, TRUE);
  g_assert_true (pw_goal_save (f->store, second, &error));

  g_assert_true (pw_action_plan_progress (f->store, f->pair_id, &progress, &error));
  g_assert_cmpuint (progress.goals, ==, 2);
  g_assert_cmpuint (progress.goals_achieved, ==, 1);
  g_assert_cmpuint (progress.benchmarks, ==, 3);   /* the dropped one is left out */
  g_assert_cmpuint (progress.benchmarks_dropped, ==, 1);
  g_assert_cmpuint (progress.benchmarks_done, ==, 2);
  g_assert_cmpfloat_with_epsilon (progress.fraction, 2.0 / 3.0, 1e-9);

  goals = pw_action_plan_list_goals (f->store, f->pair_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (goals), ==, 2);
  {
    g_autoptr(PwGoal) first = g_list_model_get_item (goals, 0);
    g_autofree char *measurable = NULL;

    g_object_get (first, "measurable", &measurable, NULL);
    g_assert_cmpstr (pw_goal_get_title (first), ==, "Post weekly on the intranet");
    g_assert_cmpstr (measurable, ==, "Twelve posts by the end");
    marks = pw_action_plan_list_benchmarks (f->store, pw_goal_get_id (first), &error);
    g_assert_cmpuint (g_list_model_get_n_items (marks), ==, 4);
  }

  g_assert_true (pw_goal_delete (f->store, pw_goal_get_id (goal), &error));
  g_assert_true (pw_action_plan_progress (f->store, f->pair_id, &progress, &error));
  g_assert_cmpuint (progress.benchmarks, ==, 0);
  g_assert_cmpfloat (progress.fraction, ==, 0.0);
}

static void
fill (PwWorksheet *sheet)
{
  const char * const *fields = pw_worksheet_kind_get_fields (pw_worksheet_get_kind (sheet));

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *text = g_strdup_printf ("%s: “text”, with commas\nand lines", fields[i]);
      pw_worksheet_set_field (sheet, fields[i], text);
    }
}

static void
test_worksheets_saved_and_reloaded (Fixture       *f,
                                    gconstpointer  data)
{
  for (PwWorksheetKind kind = PW_WORKSHEET_GROW; kind <= PW_WORKSHEET_FORCE_FIELD; kind++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PwWorksheet) sheet = pw_worksheet_load (f->store, f->pair_id, kind, 0, &error);
      g_autoptr(PwWorksheet) loaded = NULL;
      g_autoptr(JsonNode) a = NULL;
      g_autoptr(JsonNode) b = NULL;
      const char * const *fields = pw_worksheet_kind_get_fields (kind);

      g_assert_no_error (error);
      g_assert_cmpint (pw_worksheet_get_version (sheet), ==, 0);
      g_assert_cmpuint (g_strv_length ((char **)fields), ==, kind == PW_WORKSHEET_FORCE_FIELD ? 2 : 4);
      for (guint i = 0; fields[i] != NULL; i++)
        {
          g_assert_nonnull (pw_worksheet_field_label (kind, fields[i]));
          g_assert_nonnull (pw_worksheet_field_prompt (kind, fields[i]));
        }

      fill (sheet);
      if (kind == PW_WORKSHEET_FORCE_FIELD)
        {
          pw_worksheet_add_force (sheet, PW_FORCE_FOR, "Support from the team", 4);
          pw_worksheet_add_force (sheet, PW_FORCE_AGAINST, "No time", 2);
        }
      g_assert_true (pw_worksheet_save (f->store, sheet, &error));
      g_assert_no_error (error);
      g_assert_cmpint (pw_worksheet_get_version (sheet), ==, 1);
      g_assert_cmpstr (pw_worksheet_get_saved (sheet), !=, "");

      loaded = pw_worksheet_load (f->store, f->pair_id, kind, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpint (pw_worksheet_get_version (loaded), ==, 1);
      for (guint i = 0; fields[i] != NULL; i++)
        g_assert_cmpstr (pw_worksheet_get_field (loaded, fields[i]), ==, pw_worksheet_get_field (sheet, fields[i]));
      a = pw_worksheet_content_to_json (sheet);
      b = pw_worksheet_content_to_json (loaded);
      g_assert_true (json_node_equal (a, b));
    }

  /* GROW's own fields. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PwWorksheet) grow = pw_worksheet_load (f->store, f->pair_id, PW_WORKSHEET_GROW, 0, &error);

    g_assert_true (pw_worksheet_has_field (grow, "goal"));
    g_assert_true (pw_worksheet_has_field (grow, "will"));
    g_assert_false (pw_worksheet_has_field (grow, "threats"));
  }
}

static void
test_worksheet_history (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwWorksheet) sheet = pw_worksheet_new (f->pair_id, PW_WORKSHEET_SWOT);
  g_autoptr(PwWorksheet) old = NULL;
  g_autoptr(PwWorksheet) latest = NULL;
  g_autoptr(GListModel) versions = NULL;

  pw_worksheet_set_field (sheet, "strengths", "Listening");
  g_assert_true (pw_worksheet_save (f->store, sheet, &error));
  pw_worksheet_set_field (sheet, "strengths", "Listening, and asking");
  pw_worksheet_set_field (sheet, "threats", "Reorganisation");
  g_assert_true (pw_worksheet_save (f->store, sheet, &error));
  g_assert_cmpint (pw_worksheet_get_version (sheet), ==, 2);

  /* Saving what is already saved makes no new version. */
  g_assert_true (pw_worksheet_save (f->store, sheet, &error));
  g_assert_cmpint (pw_worksheet_get_version (sheet), ==, 2);

  versions = pw_worksheet_list_versions (f->store, f->pair_id, PW_WORKSHEET_SWOT, &error);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 2);
  {
    g_autoptr(PwWorksheet) newest = g_list_model_get_item (versions, 0);
    g_assert_cmpint (pw_worksheet_get_version (newest), ==, 2);
  }

  old = pw_worksheet_load (f->store, f->pair_id, PW_WORKSHEET_SWOT, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_worksheet_get_field (old, "strengths"), ==, "Listening");
  g_assert_cmpstr (pw_worksheet_get_field (old, "threats"), ==, "");

  latest = pw_worksheet_load (f->store, f->pair_id, PW_WORKSHEET_SWOT, 0, &error);
  g_assert_cmpstr (pw_worksheet_get_field (latest, "threats"), ==, "Reorganisation");

  /* An old version loaded and saved becomes the newest. */
  g_assert_true (pw_worksheet_save (f->store, old, &error));
  g_assert_cmpint (pw_worksheet_get_version (old), ==, 3);

  g_assert_null (pw_worksheet_load (f->store, f->pair_id, PW_WORKSHEET_SWOT, 9, &error));
  g_assert_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_NOT_FOUND);
}

static void
test_force_field_totals (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwWorksheet) sheet = pw_worksheet_new (f->pair_id, PW_WORKSHEET_FORCE_FIELD);
  g_autoptr(PwWorksheet) loaded = NULL;
  PwForce *force;

  pw_worksheet_set_field (sheet, "change", "Move the team to a shared calendar");
  g_assert_cmpint (pw_worksheet_get_balance (sheet), ==, 0);

  g_signal_connect (sheet, "notify::balance", G_CALLBACK (count_notify_cb), NULL);
  notified = 0;

  pw_worksheet_add_force (sheet, PW_FORCE_FOR, "Fewer missed meetings", 5);
  pw_worksheet_add_force (sheet, PW_FORCE_FOR, "The director wants it", 3);
  force = pw_worksheet_add_force (sheet, PW_FORCE_AGAINST, "Habit", 4);
  pw_worksheet_add_force (sheet, PW_FORCE_AGAINST, "Training time", 2);

  g_assert_cmpint (pw_worksheet_get_total (sheet, PW_FORCE_FOR), ==, 8);
  g_assert_cmpint (pw_worksheet_get_total (sheet, PW_FORCE_AGAINST), ==, 6);
  g_assert_cmpint (pw_worksheet_get_balance (sheet), ==, 2);
  g_assert_cmpint (notified, ==, 4);

  /* A strength changed in place updates the totals. */
  pw_force_set_strength (force, 1);
  g_assert_cmpint (pw_worksheet_get_total (sheet, PW_FORCE_AGAINST), ==, 3);
  g_assert_cmpint (pw_worksheet_get_balance (sheet), ==, 5);

  pw_worksheet_remove_force (sheet, PW_FORCE_FOR, 0);
  g_assert_cmpint (pw_worksheet_get_total (sheet, PW_FORCE_FOR), ==, 3);
  g_assert_cmpint (pw_worksheet_get_balance (sheet), ==, 0);

  g_assert_true (pw_worksheet_save (f->store, sheet, &error));
  loaded = pw_worksheet_load (f->store, f->pair_id, PW_WORKSHEET_FORCE_FIELD, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_worksheet_get_total (loaded, PW_FORCE_FOR), ==, 3);
  g_assert_cmpint (pw_worksheet_get_total (loaded, PW_FORCE_AGAINST), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (pw_worksheet_get_forces (loaded, PW_FORCE_AGAINST)), ==, 2);

  /* Strengths stay within 1–5. */
  g_test_expect_message ("pw-worksheet", G_LOG_LEVEL_CRITICAL, "*strength*");
  g_assert_null (pw_worksheet_add_force (sheet, PW_FORCE_FOR, "Too strong", 6));
  g_test_assert_expected_messages ();
}

static void
add_entry (Fixture    *f,
           const char *date,
           PwSide      raised_by,
           const char *actions,
           PwSide      actions_by)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwDiaryEntry) entry = pw_diary_entry_new (f->pair_id, date);

  g_object_set (entry,
                "topics", "Something to talk about",
                "raised-by", raised_by,
                "actions", actions,
                "actions-by", actions_by,
                NULL);
  g_assert_true (pw_diary_entry_save (f->store, entry, &error));
  g_assert_no_error (error);
}

static gboolean
has_signal (GPtrArray        *signals,
            PwDependencyKind  kind)
{
  for (guint i = 0; i < signals->len; i++)
    if (((PwDependencySignal *)g_ptr_array_index (signals, i))->kind == kind)
      return TRUE;
  return FALSE;
}

static void
test_diary (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwDiaryEntry) entry = pw_diary_entry_new (f->pair_id, "2026-02-01");
  g_autoptr(PwDiaryEntry) bad = pw_diary_entry_new (f->pair_id, "yesterday");
  g_autoptr(GListModel) entries = NULL;

  add_entry (f, "2026-03-01", PW_SIDE_MENTEE, "", PW_SIDE_MENTEE);
  g_object_set (entry, "meeting-id", (gint64)42, "reflections", "Went well", NULL);
  g_assert_true (pw_diary_entry_save (f->store, entry, &error));

  g_assert_false (pw_diary_entry_save (f->store, bad, &error));
  g_assert_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID);
  g_clear_error (&error);

  entries = pw_diary_list (f->store, f->pair_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 2);
  {
    g_autoptr(PwDiaryEntry) first = g_list_model_get_item (entries, 0);

    g_assert_cmpstr (pw_diary_entry_get_date (first), ==, "2026-02-01");
    g_assert_cmpint (pw_diary_entry_get_meeting_id (first), ==, 42);
    g_assert_cmpstr (pw_diary_entry_get_reflections (first), ==, "Went well");
  }

  g_assert_true (pw_diary_entry_delete (f->store, pw_diary_entry_get_id (entry), &error));
  g_assert_false (pw_diary_entry_delete (f->store, pw_diary_entry_get_id (entry), &error));
  g_assert_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_NOT_FOUND);
}

static void
test_signals (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) some = NULL;
  g_autoptr(GPtrArray) often = NULL;
  g_autoptr(GPtrArray) later = NULL;

  none = pw_workspace_dependency_signals (f->store, f->pair_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (none->len, ==, 0);

  /* Monthly meetings; the mentor raises the last three topics and sets
   * every action. The programme agreed 2 a month: no frequency signal. */
  add_entry (f, "2026-01-05", PW_SIDE_MENTEE, "Read the guide", PW_SIDE_MENTOR);
  add_entry (f, "2026-02-05", PW_SIDE_MENTOR, "Try the tool", PW_SIDE_MENTOR);
  add_entry (f, "2026-03-05", PW_SIDE_MENTOR, "", PW_SIDE_MENTEE);
  add_entry (f, "2026-04-05", PW_SIDE_MENTOR, "Post once", PW_SIDE_MENTOR);

  some = pw_workspace_dependency_signals (f->store, f->pair_id, &error);
  g_assert_true (has_signal (some, PW_DEPENDENCY_NO_OWN_TOPICS));
  g_assert_true (has_signal (some, PW_DEPENDENCY_ACTIONS_BY_MENTOR));
  g_assert_false (has_signal (some, PW_DEPENDENCY_MEETS_TOO_OFTEN));
  for (guint i = 0; i < some->len; i++)
    g_assert_nonnull (strstr (((PwDependencySignal *)g_ptr_array_index (some, i))->message, "mentee"));

  /* Five meetings in April against 2 a month agreed (×2 = 4). The last
   * topic is the mentee's own, so that signal goes. */
  add_entry (f, "2026-04-08", PW_SIDE_MENTOR, "", PW_SIDE_MENTEE);
  add_entry (f, "2026-04-12", PW_SIDE_MENTOR, "", PW_SIDE_MENTEE);
  add_entry (f, "2026-04-12", PW_SIDE_MENTOR, "", PW_SIDE_MENTEE);  /* same day: one meeting */
  add_entry (f, "2026-04-20", PW_SIDE_MENTOR, "", PW_SIDE_MENTEE);
  often = pw_workspace_dependency_signals (f->store, f->pair_id, &error);
  g_assert_false (has_signal (often, PW_DEPENDENCY_MEETS_TOO_OFTEN));  /* 4 days: not more than 4 */
  add_entry (f, "2026-04-25", PW_SIDE_MENTEE, "My own plan", PW_SIDE_MENTEE);
  later = pw_workspace_dependency_signals (f->store, f->pair_id, &error);
  g_assert_true (has_signal (later, PW_DEPENDENCY_MEETS_TOO_OFTEN));
  g_assert_false (has_signal (later, PW_DEPENDENCY_NO_OWN_TOPICS));
  g_assert_false (has_signal (later, PW_DEPENDENCY_ACTIONS_BY_MENTOR));

  /* The agreement's frequency counts over the programme's. */
  {
    g_autoptr(PwAgreement) agreement = pw_agreement_load (f->store, f->pair_id, &error);
    g_autoptr(GPtrArray) relaxed = NULL;

    g_object_set (agreement, "meetings-per-month", 4, NULL);
    g_assert_true (pw_agreement_save (f->store, agreement, &error));
    relaxed = pw_workspace_dependency_signals (f->store, f->pair_id, &error);
    g_assert_false (has_signal (relaxed, PW_DEPENDENCY_MEETS_TOO_OFTEN));
  }
}

static void
test_closing (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwClosure) closure = pw_closure_load (f->store, f->pair_id, &error);
  g_autoptr(PwClosure) loaded = NULL;
  g_auto(GStrv) missing = NULL;

  g_assert_no_error (error);
  g_assert_false (pw_closure_get_complete (closure));
  missing = pw_closure_list_missing (closure);
  g_assert_cmpuint (g_strv_length (missing), ==, 4);

  g_object_set (closure,
                "covered", "Social media, hybrid meetings, what the front line sees",
                "mentee-started", "Never posted", "mentee-reached", "Posts weekly",
                "mentor-started", "Unsure how directors think",
                NULL);
  g_assert_false (pw_closure_close (f->store, closure, "2026-12-01", &error));
  g_assert_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INCOMPLETE);
  g_assert_nonnull (strstr (error->message, "review the goals"));
  g_assert_nonnull (strstr (error->message, "mentor started"));
  g_clear_error (&error);
  g_assert_cmpstr (pw_closure_get_closed (closure), ==, "");

  g_signal_connect (closure, "notify::complete", G_CALLBACK (count_notify_cb), NULL);
  notified = 0;
  g_object_set (closure, "goals-reviewed", TRUE, "mentor-reached", "Pitches ideas upward", NULL);
  g_assert_cmpint (notified, ==, 1);
  g_assert_true (pw_closure_get_complete (closure));
  g_object_set (closure,
                pw_closing_question_field (PW_CLOSING_GAINED, PW_SIDE_MENTEE), "Confidence",
                pw_closing_question_field (PW_CLOSING_NEXT, PW_SIDE_MENTOR), "Mentor someone else",
                NULL);
  g_assert_nonnull (pw_closing_question_text (PW_CLOSING_GAINED, PW_SIDE_MENTOR));

  g_assert_true (pw_closure_close (f->store, closure, "2026-12-01", &error));
  g_assert_no_error (error);

  loaded = pw_closure_load (f->store, f->pair_id, &error);
  g_assert_cmpstr (pw_closure_get_closed (loaded), ==, "2026-12-01");
  g_assert_true (pw_closure_get_complete (loaded));
  {
    g_autofree char *gained = NULL;
    g_object_get (loaded, "mentee-gained", &gained, NULL);
    g_assert_cmpstr (gained, ==, "Confidence");
  }
}

static void
test_cascade (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwWorksheet) sheet = pw_worksheet_new (f->pair_id, PW_WORKSHEET_GROW);
  g_autoptr(PwGoal) goal = pw_goal_new (f->pair_id, "A goal");
  sqlite3_stmt *stmt;

  add_entry (f, "2026-01-01", PW_SIDE_MENTEE, "", PW_SIDE_MENTEE);
  pw_worksheet_set_field (sheet, "goal", "Something");
  g_assert_true (pw_worksheet_save (f->store, sheet, &error));
  g_assert_true (pw_goal_save (f->store, goal, &error));

  g_assert_true (pw_store_exec (f->store, "DELETE FROM pair", &error));
  stmt = pw_store_prepare (f->store,
                           "SELECT (SELECT count(*) FROM diary_entry) + (SELECT count(*) FROM worksheet) "
                           "+ (SELECT count(*) FROM plan_goal)", &error);
  g_assert_cmpint (pw_store_step (f->store, stmt, &error), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 0);
  sqlite3_reset (stmt);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/workspace/agreement/defaults", test_agreement_defaults);
  ADD ("/workspace/agreement/states", test_agreement_states);
  ADD ("/workspace/proposed-pair-refused", test_proposed_pair_refused);
  ADD ("/workspace/plan/progress", test_plan_progress);
  ADD ("/workspace/worksheet/saved-and-reloaded", test_worksheets_saved_and_reloaded);
  ADD ("/workspace/worksheet/history", test_worksheet_history);
  ADD ("/workspace/worksheet/force-field-totals", test_force_field_totals);
  ADD ("/workspace/diary", test_diary);
  ADD ("/workspace/signals", test_signals);
  ADD ("/workspace/closing", test_closing);
  ADD ("/workspace/cascade", test_cascade);
#undef ADD

  return g_test_run ();
}
