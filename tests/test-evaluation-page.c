/* test-evaluation-page.c — entering an answer through the widgets; the
 * dashboard's charts and their text alternatives
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "test-evaluation-page"

#include <string.h>

#include <adwaita.h>

#include "gui-helpers.h"
#include "pw-evaluation-chart.h"
#include "pw-evaluation-page.h"
#include "pw-evaluation.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"

typedef struct
{
  char        *dir;
  PwStore     *store;
  PwProgramme *programme;
  GtkWindow   *window;
  GtkWidget   *page;
} Fixture;

/* As a click does; gtk_widget_activate() on a button waits for a timeout. */
static void
click (GtkWidget *button)
{
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = gui_test_temp_store (&f->dir, NULL);
  f->programme = gui_test_add_programme (f->store, "Thinking Partners");

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *a = g_strdup_printf ("Mentor %u", i);
      g_autofree char *b = g_strdup_printf ("Mentee %u", i);
      g_autofree char *ae = g_strdup_printf ("mentor%u@example.org", i);
      g_autofree char *be = g_strdup_printf ("mentee%u@example.org", i);
      g_autoptr(PwPerson) mentor = pw_person_new (a, ae);
      g_autoptr(PwPerson) mentee = pw_person_new (b, be);
      sqlite3_stmt *stmt;

      g_assert_true (pw_person_repo_insert (f->store, mentor, &error));
      g_assert_true (pw_person_repo_insert (f->store, mentee, &error));
      stmt = pw_store_prepare (f->store, "INSERT INTO pair (programme_id, mentee_id, mentor_id, state) "
                                         "VALUES (?, ?, ?, 'active')", &error);
      g_assert_no_error (error);
      sqlite3_bind_int64 (stmt, 1, pw_programme_get_id (f->programme));
      sqlite3_bind_int64 (stmt, 2, pw_person_get_id (mentee));
      sqlite3_bind_int64 (stmt, 3, pw_person_get_id (mentor));
      g_assert_cmpint (pw_store_step (f->store, stmt, &error), ==, SQLITE_DONE);
    }

  f->page = pw_evaluation_page_new (f->store, f->programme);
  f->window = gui_test_show_in_window (f->page, 900, 700);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (f->window);
  gui_test_iterate ();
  g_clear_object (&f->programme);
  gui_test_temp_store_free (f->store, f->dir);
}

static void
test_enter_answer (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwQuestionnaire) q = pw_evaluation_get_questionnaire (f->store, pw_programme_get_id (f->programme),
                                                                   "mentee-final", 0, &error);
  g_autoptr(GPtrArray) respondents = NULL;
  g_autoptr(PwResponse) stored = NULL;
  g_autofree char *support_title = NULL;
  g_autofree char *punctual_title = NULL;
  const PwQuestion *support, *punctual, *improve;
  GtkWidget *row, *button, *entry;

  g_assert_no_error (error);
  support = pw_questionnaire_find_question (q, "support");
  punctual = pw_questionnaire_find_question (q, "punctual");
  improve = pw_questionnaire_find_question (q, "improve");
  support_title = g_markup_escape_text (support->text, -1);
  punctual_title = g_markup_escape_text (punctual->text, -1);

  /* Choose the questionnaire and the person, as someone would. */
  row = gui_test_find_widget (f->page, ADW_TYPE_COMBO_ROW, "Questionnaire");
  g_assert_nonnull (row);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 3);
  gui_test_iterate ();
  row = gui_test_find_widget (f->page, ADW_TYPE_COMBO_ROW, "Respondent");
  g_assert_nonnull (row);
  g_assert_cmpuint (g_list_model_get_n_items (adw_combo_row_get_model (ADW_COMBO_ROW (row))), ==, 3);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), 1);
  gui_test_iterate ();

  row = gui_test_find_widget (f->page, ADW_TYPE_ACTION_ROW, support_title);
  g_assert_nonnull (row);
  button = gui_test_find_widget (row, GTK_TYPE_TOGGLE_BUTTON, "4");
  g_assert_nonnull (button);
  click (button);
  row = gui_test_find_widget (f->page, ADW_TYPE_ACTION_ROW, punctual_title);
  button = gui_test_find_widget (row, GTK_TYPE_TOGGLE_BUTTON, "2");
  click (button);
  click (gui_test_find_widget (row, GTK_TYPE_TOGGLE_BUTTON, "5"));
  entry = gui_test_find_widget (f->page, ADW_TYPE_ENTRY_ROW, improve->text);
  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "Fewer cancellations.");

  button = gui_test_find_widget (f->page, GTK_TYPE_BUTTON, "Save Answer");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_is_sensitive (button));
  click (button);
  gui_test_iterate ();

  respondents = pw_evaluation_list_respondents (f->store, pw_programme_get_id (f->programme), "mentee-final", &error);
  g_assert_no_error (error);
  g_assert_cmpint (((PwRespondent *)g_ptr_array_index (respondents, 0))->response_id, ==, 0);
  g_assert_cmpint (((PwRespondent *)g_ptr_array_index (respondents, 1))->response_id, >, 0);
  stored = pw_evaluation_get_response (f->store, ((PwRespondent *)g_ptr_array_index (respondents, 1))->response_id,
                                       &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_response_get_answer (stored, "support")->number, ==, 4);
  g_assert_cmpint (pw_response_get_answer (stored, "punctual")->number, ==, 5);
  g_assert_cmpstr (pw_response_get_answer (stored, "improve")->text, ==, "Fewer cancellations.");
  g_assert_null (pw_response_get_answer (stored, "valuable"));
  g_assert_false (stored->named);

  /* Who has answered updates, and the dashboard counts the answer. */
  g_assert_nonnull (gui_test_find_widget (f->page, GTK_TYPE_LABEL, "Answered"));
  g_assert_cmpuint (pw_evaluation_page_get_dashboard (PW_EVALUATION_PAGE (f->page))->responses_received, ==, 1);
}

static void
test_dashboard_charts (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) charts = gui_test_find_all (f->page, PW_TYPE_EVALUATION_CHART, NULL);
  g_autoptr(GtkSnapshot) snapshot = NULL;
  g_autoptr(GskRenderNode) node = NULL;

  /* Participation, meetings and the monthly trend; no score has enough answers. */
  g_assert_cmpuint (charts->len, ==, 3);
  for (guint i = 0; i < charts->len; i++)
    {
      const char *words = pw_evaluation_chart_get_description (g_ptr_array_index (charts, i));

      g_assert_nonnull (words);
      g_assert_cmpuint (strlen (words), >, 10);
      g_assert_cmpint (gtk_accessible_get_accessible_role (g_ptr_array_index (charts, i)), ==,
                       GTK_ACCESSIBLE_ROLE_IMG);
    }
  g_assert_nonnull (strstr (pw_evaluation_chart_get_description (g_ptr_array_index (charts, 0)),
                            "Pairs matched: 3."));
  g_assert_nonnull (gui_test_find_widget (f->page, GTK_TYPE_LABEL, "too few answers to show"));

  /* The charts draw something, in light and in dark. */
  for (int dark = 0; dark < 2; dark++)
    {
      adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                          dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
      gui_test_iterate ();
      snapshot = gtk_snapshot_new ();
      GTK_WIDGET_GET_CLASS (g_ptr_array_index (charts, 0))->snapshot (g_ptr_array_index (charts, 0), snapshot);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      g_assert_nonnull (node);
      g_clear_pointer (&node, gsk_render_node_unref);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

int
main (int   argc,
      char *argv[])
{
  /* Accessibility and animations as GTK has them by default. */
  gui_test_init_full (&argc, &argv, GUI_TEST_INIT_NONE);

  g_test_add ("/evaluation-page/enter-answer", Fixture, NULL, fixture_setup, test_enter_answer, fixture_teardown);
  g_test_add ("/evaluation-page/dashboard-charts", Fixture, NULL, fixture_setup, test_dashboard_charts,
              fixture_teardown);

  return g_test_run ();
}
