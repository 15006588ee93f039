/* test-organisation.c — the grade scale dialog, the programme's topics, and
 * exporting and importing a programme from the window
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "test-organisation"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "gui-helpers.h"
#include "pw-grade-scale-dialog.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-sample.h"
#include "pw-setup-page.h"
#include "pw-window.h"

static AdwEntryRow *
nth_row (GtkListBox *list,
         guint       n)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, n);

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  return ADW_ENTRY_ROW (row);
}

static void
test_grade_scale_dialog (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = NULL;
  PwStore *store = gui_test_temp_store (&dir, NULL);
  g_autoptr(PwPerson) person = pw_person_new ("Holder", "holder@example.org");
  g_autoptr(PwPerson) reloaded = NULL;
  PwGradeScaleDialog *dialog;
  AdwEntryRow *new_row;
  g_auto(GStrv) scale = NULL;
  g_auto(GStrv) after_move = NULL;

  g_assert_no_error (error);
  dialog = PW_GRADE_SCALE_DIALOG (pw_grade_scale_dialog_new (store));
  gtk_window_present (GTK_WINDOW (dialog));
  gui_test_iterate ();

  /* Typing a grade and pressing the apply button adds it at the top end. */
  new_row = pw_grade_scale_dialog_get_new_row (dialog);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *name = g_strdup_printf ("Band %u", i + 1);
      gtk_editable_set_text (GTK_EDITABLE (new_row), name);
      g_signal_emit_by_name (new_row, "apply");
      gui_test_iterate ();
    }
  scale = pw_grade_scale_get (store, &error);
  g_assert_cmpuint (g_strv_length (scale), ==, 3);
  g_assert_cmpstr (scale[2], ==, "Band 3");

  /* Someone holds Band 2; renaming it keeps them on it. */
  pw_person_set_field (person, "grade", "Band 2", NULL);
  g_assert_true (pw_person_repo_insert (store, person, &error));
  {
    AdwEntryRow *row = nth_row (pw_grade_scale_dialog_get_list (dialog), 1);
    gtk_editable_set_text (GTK_EDITABLE (row), "Band 2 (senior)");
    g_signal_emit_by_name (row, "apply");
    gui_test_iterate ();
  }
  reloaded = pw_person_repo_get (store, pw_person_get_id (person), &error);
  g_assert_cmpstr (pw_person_get_grade (reloaded), ==, "Band 2 (senior)");

  /* A duplicate is refused and nothing changes. */
  gtk_editable_set_text (GTK_EDITABLE (new_row), "band 1");
  g_signal_emit_by_name (new_row, "apply");
  gui_test_iterate ();
  g_clear_pointer (&scale, g_strfreev);
  scale = pw_grade_scale_get (store, &error);
  g_assert_cmpuint (g_strv_length (scale), ==, 3);

  /* Moving the first grade down swaps the order. */
  {
    GtkWidget *down = gui_test_find_widget (GTK_WIDGET (nth_row (pw_grade_scale_dialog_get_list (dialog), 0)),
                                            GTK_TYPE_BUTTON, "Move Down");

    g_assert_nonnull (down);
    g_assert_true (gtk_widget_get_sensitive (down));
    g_signal_emit_by_name (down, "clicked");
  }
  gui_test_iterate ();
  after_move = pw_grade_scale_get (store, &error);
  g_assert_cmpstr (after_move[0], ==, "Band 2 (senior)");
  g_assert_cmpstr (after_move[1], ==, "Band 1");

  gtk_window_destroy (GTK_WINDOW (dialog));
  gui_test_iterate ();
  gui_test_temp_store_free (store, dir);
}

static void
test_topics_row (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = NULL;
  PwStore *store = gui_test_temp_store (&dir, NULL);
  g_autoptr(PwProgramme) programme = pw_programme_new ("Topics");
  g_auto(GStrv) topics = NULL;
  GtkWindow *window;
  GtkWidget *page;
  AdwEntryRow *row;

  g_assert_true (pw_programme_repo_insert (store, programme, &error));
  page = pw_setup_page_new (store, programme);
  window = gui_test_show_in_window (page, -1, -1);

  row = ADW_ENTRY_ROW (gui_test_find_widget (page, ADW_TYPE_ENTRY_ROW, "Topics"));
  g_assert_nonnull (row);

  gtk_editable_set_text (GTK_EDITABLE (row), "Social media, , AI tools ,Hybrid working");
  g_signal_emit_by_name (row, "apply");
  gui_test_iterate ();
  topics = pw_programme_topics_get (store, pw_programme_get_id (programme), &error);
  g_assert_cmpuint (g_strv_length (topics), ==, 3);
  g_assert_cmpstr (topics[1], ==, "AI tools");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row)), ==, "Social media, AI tools, Hybrid working");

  /* A duplicate shows the error on the row and is not stored. */
  gtk_editable_set_text (GTK_EDITABLE (row), "AI tools, ai tools");
  g_signal_emit_by_name (row, "apply");
  gui_test_iterate ();
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (row), "error"));
  g_clear_pointer (&topics, g_strfreev);
  topics = pw_programme_topics_get (store, pw_programme_get_id (programme), &error);
  g_assert_cmpuint (g_strv_length (topics), ==, 3);

  gtk_window_destroy (window);
  gui_test_iterate ();
  gui_test_temp_store_free (store, dir);
}

static void
test_export_import (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = NULL;
  PwStore *store = gui_test_temp_store (&dir, NULL);
  g_autofree char *other_path = g_build_filename (dir, "other.db", NULL);
  g_autofree char *bundle_path = g_build_filename (dir, "bundle.json", NULL);
  g_autoptr(GFile) bundle = g_file_new_for_path (bundle_path);
  g_autoptr(PwStore) other = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autofree char *text = NULL;
  PwWindow *window;
  gint64 id, imported;
  GStatBuf st;

  id = pw_sample_create (store, &error);
  g_assert_no_error (error);

  window = pw_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  pw_window_open_programme (window, id);
  gui_test_iterate ();
  g_assert_true (pw_window_export_bundle_file (window, bundle, PW_BUNDLE_FLAGS_NONE));
  g_assert_cmpint (g_stat (bundle_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (bundle_path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "\"includes_sensitive\" : false"));
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();

  other = pw_store_open (other_path, &error);
  window = pw_window_new (NULL, other);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_iterate ();
  imported = pw_window_import_bundle_file (window, bundle);
  gui_test_iterate ();
  g_assert_cmpint (imported, >, 0);
  g_assert_nonnull (pw_window_get_programme (window));
  g_assert_cmpint (pw_programme_get_id (pw_window_get_programme (window)), ==, imported);
  people = pw_person_repo_list_enrolled (other, imported, &error);
  g_assert_cmpuint (g_list_model_get_n_items (people), >=, 55);
  gtk_window_destroy (GTK_WINDOW (window));
  gui_test_iterate ();

  g_clear_object (&other);
  gui_test_temp_store_free (store, dir);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add_func ("/organisation/grade-scale-dialog", test_grade_scale_dialog);
  g_test_add_func ("/organisation/topics-row", test_topics_row);
  g_test_add_func ("/organisation/export-import", test_export_import);

  return g_test_run ();
}
