/* test-workspace-window.c — a pair's workspace driven through its widgets
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "test-workspace-window"

#include <adwaita.h>
#include <string.h>

#include "gui-helpers.h"
#include "pw-force-field-diagram.h"
#include "pw-match.h"
#include "pw-programme-repo.h"
#include "pw-sample.h"
#include "pw-schedule.h"
#include "pw-store.h"
#include "pw-worksheet-editor.h"
#include "pw-workspace-window.h"
#include "pw-workspace.h"
#include "pw-workspaces-page.h"

typedef struct
{
  char      *dir;
  PwStore   *store;
  gint64     programme_id;
  gint64     pair_id;
  GtkWindow *window;
} Fixture;

/* Helpers */

static void
type_into (GtkWidget  *root,
           const char *field,
           const char *text)
{
  GtkWidget *view = gui_test_find_widget (root, GTK_TYPE_TEXT_VIEW, field);

  g_assert_nonnull (view);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static void
click (GtkWidget  *root,
       const char *label)
{
  GtkWidget *button = gui_test_find_widget (root, GTK_TYPE_BUTTON, label);

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  gui_test_iterate ();
}

static void
close_window (Fixture *fixture)
{
  gui_test_destroy_window (g_steal_pointer (&fixture->window));
}

static PwWorkspaceWindow *
open_window (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  PwWorkspaceWindow *window = pw_workspace_window_new (fixture->store, fixture->pair_id, &error);

  g_assert_no_error (error);
  g_assert_nonnull (window);
  fixture->window = GTK_WINDOW (window);
  gtk_window_set_default_size (fixture->window, 900, 800);
  gtk_window_present (fixture->window);
  gui_test_iterate ();

  return window;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PwMatchRun) run = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GError) error = NULL;

  fixture->store = gui_test_temp_store (&fixture->dir, &fixture->programme_id);

  run = pw_match_prepare (fixture->store, fixture->programme_id, &error);
  g_assert_no_error (error);
  g_assert_true (pw_match_solve (run, FALSE, 0, NULL, &error));
  g_assert_true (pw_match_save_proposals (run, &error));
  g_assert_true (pw_pairs_approve_all (fixture->store, fixture->programme_id, &error));
  g_assert_no_error (error);

  pairs = pw_pairs_list (fixture->store, fixture->programme_id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, >, 0);
  fixture->pair_id = ((PwPair *) pairs->pdata[0])->id;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    close_window (fixture);

  gui_test_temp_store_free (fixture->store, fixture->dir);
}

static void
assert_pdf (const char *path)
{
  g_autofree char *contents = NULL;
  g_autofree char *pdfinfo = g_find_program_in_path ("pdfinfo");
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (length, >, 4);
  g_assert_true (memcmp (contents, "%PDF", 4) == 0);

  if (pdfinfo != NULL)
    {
      const char *argv[] = { pdfinfo, path, NULL };
      g_autofree char *out = NULL;
      const char *pages;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                   &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      pages = strstr (out, "Pages:");
      g_assert_nonnull (pages);
      g_assert_cmpint (atoi (pages + strlen ("Pages:")), >=, 1);
    }
  else
    {
      /* Without poppler: count the page objects in the file itself. */
      guint n = 0;

      for (const char *p = contents; (p = g_strstr_len (p, length - (p - contents), "/Type /Page")) != NULL; p++)
        if (p[strlen ("/Type /Page")] != 's')
          n++;
      g_assert_cmpuint (n, >=, 1);
    }
}

/* Tests */

static void
test_grow_saved_as_typed (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char * const fields[] = { "goal", "reality", "options", "will" };
  static const char * const values[] = {
    "Present to the board with confidence",
    "I rehearse alone & freeze at <questions>",
    "Practise with my mentor; watch recordings",
    "Two rehearsals before the March board",
  };
  PwWorkspaceWindow *window = open_window (fixture);
  GtkWidget *editor = pw_workspace_window_get_worksheet_editor (window, PW_WORKSHEET_GROW);
  g_autoptr(PwWorksheet) stored = NULL;
  g_autoptr(GListModel) versions = NULL;
  g_autoptr(GError) error = NULL;

  pw_workspace_window_show_page (window, "worksheets");
  gui_test_iterate ();
  g_assert_nonnull (editor);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    type_into (editor, fields[i], values[i]);

  /* Not yet: the pause has not passed. */
  versions = pw_worksheet_list_versions (fixture->store, fixture->pair_id, PW_WORKSHEET_GROW, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 0);
  g_clear_object (&versions);

  gui_test_wait_ms (PW_WORKSHEET_SAVE_DELAY_MS + 200);
  close_window (fixture);

  stored = pw_worksheet_load (fixture->store, fixture->pair_id, PW_WORKSHEET_GROW, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_cmpstr (pw_worksheet_get_field (stored, fields[i]), ==, values[i]);
  g_assert_cmpint (pw_worksheet_get_version (stored), ==, 1);

  /* One pause, one version: not one a keystroke. */
  versions = pw_worksheet_list_versions (fixture->store, fixture->pair_id, PW_WORKSHEET_GROW, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 1);
}

static void
test_grow_history_restore (Fixture       *fixture,
                           gconstpointer  data)
{
  PwWorkspaceWindow *window = open_window (fixture);
  GtkWidget *editor = pw_workspace_window_get_worksheet_editor (window, PW_WORKSHEET_GROW);
  g_autoptr(PwWorksheet) stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *view;

  type_into (editor, "goal", "First thought");
  gui_test_wait_ms (PW_WORKSHEET_SAVE_DELAY_MS + 200);
  type_into (editor, "goal", "Second thought");
  gui_test_wait_ms (PW_WORKSHEET_SAVE_DELAY_MS + 200);

  /* Version 1 opens read-only; restoring it makes version 3. */
  pw_worksheet_editor_show_version (PW_WORKSHEET_EDITOR (editor), 1);
  gui_test_iterate ();
  view = gui_test_find_widget (editor, GTK_TYPE_TEXT_VIEW, "goal");
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
  click (editor, "_Restore");

  stored = pw_worksheet_load (fixture->store, fixture->pair_id, PW_WORKSHEET_GROW, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_worksheet_get_version (stored), ==, 3);
  g_assert_cmpstr (pw_worksheet_get_field (stored, "goal"), ==, "First thought");
  view = gui_test_find_widget (editor, GTK_TYPE_TEXT_VIEW, "goal");
  g_assert_true (gtk_text_view_get_editable (GTK_TEXT_VIEW (view)));
}

static void
set_force (GtkWidget  *list,
           guint       index,
           const char *description,
           int         strength)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), index);
  GtkWidget *spin;

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), description);
  spin = gui_test_find_widget (GTK_WIDGET (row), GTK_TYPE_SPIN_BUTTON, NULL);
  g_assert_nonnull (spin);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), strength);
}

static void
test_force_field_totals (Fixture       *fixture,
                         gconstpointer  data)
{
  PwWorkspaceWindow *window = open_window (fixture);
  GtkWidget *editor = pw_workspace_window_get_worksheet_editor (window, PW_WORKSHEET_FORCE_FIELD);
  GtkWidget *diagram;
  GtkWidget *for_list;
  GtkWidget *against_list;
  PwWorksheet *worksheet;
  int height = 0;
  g_autoptr(PwWorksheet) stored = NULL;
  g_autoptr(GError) error = NULL;

  pw_workspace_window_show_page (window, "worksheets");
  gui_test_iterate ();

  diagram = gui_test_find_widget (editor, PW_TYPE_FORCE_FIELD_DIAGRAM, NULL);
  for_list = gui_test_find_widget (editor, GTK_TYPE_WIDGET, "forces-for");
  against_list = gui_test_find_widget (editor, GTK_TYPE_WIDGET, "forces-against");
  g_assert_nonnull (diagram);
  g_assert_nonnull (for_list);
  g_assert_nonnull (against_list);
  g_assert_cmpstr (pw_force_field_diagram_get_summary (PW_FORCE_FIELD_DIAGRAM (diagram)), ==,
                   "Forces for total 0, against total 0");

  type_into (editor, "change", "Run the team stand-up on video");
  click (editor, "Add a Force For");
  click (editor, "Add a Force For");
  click (editor, "Add a Force Against");
  set_force (for_list, 0, "Saves travel", 4);
  set_force (for_list, 1, "Mentor shows the tools", 5);
  set_force (against_list, 0, "Habit", 2);
  gui_test_iterate ();

  worksheet = pw_worksheet_editor_get_worksheet (PW_WORKSHEET_EDITOR (editor));
  g_assert_cmpint (pw_worksheet_get_total (worksheet, PW_FORCE_FOR), ==, 9);
  g_assert_cmpint (pw_worksheet_get_total (worksheet, PW_FORCE_AGAINST), ==, 2);
  g_assert_cmpint (pw_worksheet_get_balance (worksheet), ==, 7);
  g_assert_cmpstr (pw_force_field_diagram_get_summary (PW_FORCE_FIELD_DIAGRAM (diagram)), ==,
                   "Forces for total 9, against total 2");
  /* Two rows of arrows at least: the diagram grew with its forces. */
  gtk_widget_measure (diagram, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
  g_assert_cmpint (height, >=, 2 * 44);

  /* Removing a force redraws the totals. */
  click (against_list, "Remove Force");
  g_assert_cmpstr (pw_force_field_diagram_get_summary (PW_FORCE_FIELD_DIAGRAM (diagram)), ==,
                   "Forces for total 9, against total 0");

  gui_test_wait_ms (PW_WORKSHEET_SAVE_DELAY_MS + 200);
  stored = pw_worksheet_load (fixture->store, fixture->pair_id, PW_WORKSHEET_FORCE_FIELD, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_worksheet_get_total (stored, PW_FORCE_FOR), ==, 9);
  g_assert_cmpint (pw_worksheet_get_total (stored, PW_FORCE_AGAINST), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (pw_worksheet_get_forces (stored, PW_FORCE_FOR)), ==, 2);
}

static void
test_agreement_acceptance_cleared (Fixture       *fixture,
                                   gconstpointer  data)
{
  PwWorkspaceWindow *window = open_window (fixture);
  GtkWidget *root = GTK_WIDGET (window);
  g_autoptr(PwAgreement) stored = NULL;
  g_autoptr(GError) error = NULL;

  pw_workspace_window_show_page (window, "agreement");
  gui_test_iterate ();

  type_into (root, "mentee-gains", "Confidence with social media");
  click (root, "Mentee Accepts");
  click (root, "Mentor Accepts");

  stored = pw_agreement_load (fixture->store, fixture->pair_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_agreement_get_state (stored), ==, PW_AGREEMENT_ACCEPTED);
  g_assert_cmpstr (pw_agreement_get_mentee_gains (stored), ==, "Confidence with social media");
  g_assert_cmpstr (pw_agreement_get_accepted (stored, PW_SIDE_MENTEE), !=, "");
  g_clear_object (&stored);

  /* An edit after acceptance: both sides accept again. */
  type_into (root, "mentor-offers", "An hour a fortnight");
  g_assert_nonnull (gui_test_find_widget (root, GTK_TYPE_BUTTON, "Mentee Accepts"));
  g_assert_nonnull (gui_test_find_widget (root, GTK_TYPE_BUTTON, "Mentor Accepts"));
  gui_test_wait_ms (PW_WORKSPACE_SAVE_DELAY_MS + 200);

  stored = pw_agreement_load (fixture->store, fixture->pair_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_agreement_get_state (stored), ==, PW_AGREEMENT_DRAFT);
  g_assert_cmpstr (pw_agreement_get_accepted (stored, PW_SIDE_MENTEE), ==, "");
  g_assert_cmpstr (pw_agreement_get_accepted (stored, PW_SIDE_MENTOR), ==, "");
  g_assert_cmpstr (pw_agreement_get_mentor_offers (stored), ==, "An hour a fortnight");
}

static void
test_pdf_export (Fixture       *fixture,
                 gconstpointer  data)
{
  PwWorkspaceWindow *window = open_window (fixture);
  GtkWidget *editor = pw_workspace_window_get_worksheet_editor (window, PW_WORKSHEET_SWOT);
  g_autofree char *worksheet_pdf = g_build_filename (fixture->dir, "swot.pdf", NULL);
  g_autofree char *agreement_pdf = g_build_filename (fixture->dir, "agreement.pdf", NULL);
  g_autoptr(GError) error = NULL;

  type_into (editor, "strengths", "Knows every system in the building");
  type_into (editor, "threats", "A reorganisation <soon> & rumours");

  g_assert_true (pw_worksheet_editor_export_pdf (PW_WORKSHEET_EDITOR (editor), worksheet_pdf, &error));
  g_assert_no_error (error);
  assert_pdf (worksheet_pdf);

  g_assert_true (pw_workspace_window_print_agreement (window, agreement_pdf, &error));
  g_assert_no_error (error);
  assert_pdf (agreement_pdf);
}

static void
test_plan_and_diary (Fixture       *fixture,
                     gconstpointer  data)
{
  PwWorkspaceWindow *window = open_window (fixture);
  GtkWidget *root = GTK_WIDGET (window);
  g_autoptr(GListModel) goals = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(GError) error = NULL;
  PwProgress progress = { 0 };

  g_assert_true (gtk_widget_activate_action (root, "workspace.add-goal", NULL));
  gui_test_iterate ();
  goals = pw_action_plan_list_goals (fixture->store, fixture->pair_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (goals), ==, 1);
  {
    g_autoptr(PwGoal) goal = g_list_model_get_item (goals, 0);

    g_assert_true (gtk_widget_activate_action (root, "workspace.add-benchmark", "x", pw_goal_get_id (goal)));
    gui_test_iterate ();
  }
  g_assert_true (pw_action_plan_progress (fixture->store, fixture->pair_id, &progress, &error));
  g_assert_cmpuint (progress.benchmarks, ==, 1);

  g_assert_true (gtk_widget_activate_action (root, "workspace.add-entry", NULL));
  gui_test_iterate ();
  entries = pw_diary_list (fixture->store, fixture->pair_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
}

/* A diary entry tied to one of the pair's meetings in the schedule's log. */
static void
test_diary_meeting (Fixture       *fixture,
                    gconstpointer  data)
{
  PwWorkspaceWindow *window = open_window (fixture);
  GtkWidget *root = GTK_WIDGET (window);
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(GListModel) entries = NULL;
  g_autoptr(PwDiaryEntry) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  GtkWidget *combo;
  GtkWidget *date_row;
  GtkWidget *entry_row;
  GListModel *choices;
  gint64 meeting_id = 0;
  guint position = 0;

  g_assert_true (gtk_widget_activate_action (root, "workspace.add-entry", NULL));
  gui_test_iterate ();

  /* The first of the pair's own meetings is listed after "Not tied…". */
  meetings = pw_schedule_list (fixture->store, fixture->programme_id, fixture->pair_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (meetings) && meeting_id == 0; i++)
    {
      g_autoptr(PwMeeting) m = g_list_model_get_item (meetings, i);

      if (pw_meeting_get_pair_id (m) == fixture->pair_id)
        {
          meeting_id = pw_meeting_get_id (m);
          day = g_date_time_format (pw_meeting_get_start (m), "%Y-%m-%d");
        }
    }
  g_assert_cmpint (meeting_id, !=, 0);

  combo = gui_test_find_widget (root, ADW_TYPE_COMBO_ROW, "Meeting");
  g_assert_nonnull (combo);
  choices = adw_combo_row_get_model (ADW_COMBO_ROW (combo));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 0), ==, "Not tied to a meeting");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (combo)), ==, 0);
  position = 1;

  /* An entry without a date takes the meeting's. */
  date_row = gui_test_find_widget (root, ADW_TYPE_ENTRY_ROW, "Date (YYYY-MM-DD)");
  g_assert_nonnull (date_row);
  gtk_editable_set_text (GTK_EDITABLE (date_row), "");
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), position);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (date_row)), ==, day);
  pw_workspace_window_flush (window);

  entries = pw_diary_list (fixture->store, fixture->pair_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (entries), ==, 1);
  stored = g_list_model_get_item (entries, 0);
  g_assert_cmpint (pw_diary_entry_get_meeting_id (stored), ==, meeting_id);
  g_assert_cmpstr (pw_diary_entry_get_date (stored), ==, day);

  /* The entry's row says which meeting it belongs to. */
  entry_row = gtk_widget_get_ancestor (combo, ADW_TYPE_EXPANDER_ROW);
  g_assert_nonnull (strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (entry_row)), "First"));

  /* And back to none. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (combo), 0);
  pw_workspace_window_flush (window);
  g_clear_object (&entries);
  g_clear_object (&stored);
  entries = pw_diary_list (fixture->store, fixture->pair_id, &error);
  stored = g_list_model_get_item (entries, 0);
  g_assert_cmpint (pw_diary_entry_get_meeting_id (stored), ==, 0);
}

static void
test_workspaces_page (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(PwProgramme) programme = pw_programme_repo_get (fixture->store, fixture->programme_id, NULL);
  g_autoptr(GPtrArray) pairs = pw_pairs_list (fixture->store, fixture->programme_id, FALSE, NULL);
  GtkWidget *page = pw_workspaces_page_new (fixture->store, programme);
  GtkWindow *opened;

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (fixture->window, page);
  gtk_window_present (fixture->window);
  gui_test_iterate ();

  g_assert_cmpuint (g_list_model_get_n_items (pw_workspaces_page_get_pairs (PW_WORKSPACES_PAGE (page))), ==,
                    pairs->len);

  /* Opening twice presents the one window. */
  opened = pw_workspace_window_open (fixture->window, fixture->store, fixture->pair_id);
  g_assert_true (PW_IS_WORKSPACE_WINDOW (opened));
  g_assert_true (pw_workspace_window_open (fixture->window, fixture->store, fixture->pair_id) == opened);
  g_object_ref (opened);
  gtk_window_destroy (opened);
  gui_test_iterate ();
  g_assert_finalize_object (opened);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/workspace-window/grow-saved-as-typed", Fixture, NULL, fixture_set_up, test_grow_saved_as_typed, fixture_tear_down);
  g_test_add ("/workspace-window/grow-history-restore", Fixture, NULL, fixture_set_up, test_grow_history_restore, fixture_tear_down);
  g_test_add ("/workspace-window/force-field-totals", Fixture, NULL, fixture_set_up, test_force_field_totals, fixture_tear_down);
  g_test_add ("/workspace-window/agreement-acceptance-cleared", Fixture, NULL, fixture_set_up, test_agreement_acceptance_cleared, fixture_tear_down);
  g_test_add ("/workspace-window/pdf-export", Fixture, NULL, fixture_set_up, test_pdf_export, fixture_tear_down);
  g_test_add ("/workspace-window/plan-and-diary", Fixture, NULL, fixture_set_up, test_plan_and_diary, fixture_tear_down);
  g_test_add ("/workspace-window/diary-meeting", Fixture, NULL, fixture_set_up, test_diary_meeting, fixture_tear_down);
  g_test_add ("/workspace-window/workspaces-page", Fixture, NULL, fixture_set_up, test_workspaces_page, fixture_tear_down);

  return g_test_run ();
}
