/* test-import-dialog.c — the CSV import dialog: guessed mapping, the
 * validation report, and an import off the main thread
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "test-import-dialog"

#include <adwaita.h>

#include "gui-helpers.h"
#include "pw-import-dialog.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-store.h"

typedef struct
{
  char    *dir;
  PwStore *store;
  gint64   id;
} Fixture;

/* Helpers */

static const char *
selected_label (GtkWidget  *dialog,
                const char *header)
{
  GtkWidget *row = gui_test_find_widget (dialog, ADW_TYPE_COMBO_ROW, header);

  g_assert_nonnull (row);
  return gtk_string_object_get_string (adw_combo_row_get_selected_item (ADW_COMBO_ROW (row)));
}

static GFile *
write_csv (Fixture    *fixture,
           const char *name,
           const char *contents)
{
  g_autofree char *path = g_build_filename (fixture->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);

  return g_file_new_for_path (path);
}

static GtkWidget *
open_dialog (Fixture *fixture)
{
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog;

  programme = pw_programme_repo_get (fixture->store, fixture->id, &error);
  g_assert_no_error (error);

  dialog = pw_import_dialog_new (fixture->store, programme);
  gtk_window_present (GTK_WINDOW (dialog));
  gui_test_iterate ();

  return dialog;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PwProgramme) programme = NULL;

  fixture->store = gui_test_temp_store (&fixture->dir, NULL);
  programme = gui_test_add_programme (fixture->store, "Thinking Partners");
  fixture->id = pw_programme_get_id (programme);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gui_test_temp_store_free (fixture->store, fixture->dir);
}

/* Tests */

static const char good_csv[] =
  "Full Name,E-mail,Dept,Line Manager\r\n"
  "Dana Okafor,dana.okafor@example.org,Executive Office,\r\n"
  "Sam Whitley,sam.whitley@example.org,Repairs and Maintenance,dana.okafor@example.org\r\n"
  "\"Lee, Jordan\",jordan.lee@example.org,\"Repairs and Maintenance\",sam.whitley@example.org\r\n"
  "Ann & Co <b>bold</b>,ann@example.org,Digital and Data,Dana Okafor\r\n";

static void
test_guessed_mapping (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = write_csv (fixture, "people.csv", good_csv);
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog = open_dialog (fixture);
  GtkWidget *column_view;

  g_assert_true (pw_import_dialog_set_file (PW_IMPORT_DIALOG (dialog), file, &error));
  g_assert_no_error (error);
  gui_test_iterate ();

  /* The headers' guesses, shown in each column's row. */
  g_assert_cmpstr (selected_label (dialog, "Full Name"), ==, "Name");
  g_assert_cmpstr (selected_label (dialog, "E-mail"), ==, "Email");
  g_assert_cmpstr (selected_label (dialog, "Dept"), ==, "Department");
  g_assert_cmpstr (selected_label (dialog, "Line Manager"), ==, "Manager (email or name)");

  /* The preview has a column per CSV column. */
  {
    g_autoptr(GPtrArray) views = NULL;

    views = gui_test_find_all (dialog, GTK_TYPE_COLUMN_VIEW, NULL);
    g_assert_cmpuint (views->len, ==, 1);
    column_view = views->pdata[0];
    g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (GTK_COLUMN_VIEW (column_view))), ==, 4);
  }

  /* Changing a row changes the mapping; a field goes to one column only. */
  adw_combo_row_set_selected (ADW_COMBO_ROW (gui_test_find_widget (dialog, ADW_TYPE_COMBO_ROW, "Dept")), 0);
  g_assert_cmpstr (pw_people_import_get_mapping (pw_import_dialog_get_import (PW_IMPORT_DIALOG (dialog)), 2), ==, "");
  g_assert_cmpstr (selected_label (dialog, "Dept"), ==, "Ignore");

  /* Import waits for a validation. */
  g_assert_false (gtk_widget_is_sensitive (gui_test_find_action_button (dialog, "import.run")));

  gui_test_destroy_window (GTK_WINDOW (dialog));
}

static void
test_bad_file (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GFile) file = write_csv (fixture, "bad.csv",
                                     "Full Name,E-mail,Dept,Line Manager\n"
                                     "Dana Okafor,dana.okafor@example.org,Executive Office,\n"
                                     ",nobody@example.org,Finance,\n"
                                     "Sam Whitley,not-an-email,Finance,\n"
                                     "Jo Bright,dana.okafor@example.org,Finance,\n"
                                     "Kit Moss,kit@example.org,Finance,someone.else@example.org\n");
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog = open_dialog (fixture);
  GListModel *directory;
  gboolean line3 = FALSE, line4 = FALSE, line5 = FALSE, line6 = FALSE;

  g_assert_true (pw_import_dialog_set_file (PW_IMPORT_DIALOG (dialog), file, &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (dialog, "import.validate", NULL);
  gui_test_iterate ();

  /* Every problem is listed with its line and column. */
  rows = gui_test_find_all (dialog, ADW_TYPE_ACTION_ROW, NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *subtitle = adw_action_row_get_subtitle (rows->pdata[i]);

      if (subtitle == NULL || !gtk_widget_get_mapped (rows->pdata[i]))
        continue;
      line3 |= g_str_has_prefix (subtitle, "Line 3,");
      line4 |= g_str_has_prefix (subtitle, "Line 4,");
      line5 |= g_str_has_prefix (subtitle, "Line 5,");
      line6 |= g_str_has_prefix (subtitle, "Line 6,");
    }
  g_assert_true (line3);  /* no name */
  g_assert_true (line4);  /* a malformed email */
  g_assert_true (line5);  /* the same email twice */
  g_assert_true (line6);  /* a manager nobody knows */
  g_assert_cmpuint (pw_people_import_get_n_problems (pw_import_dialog_get_import (PW_IMPORT_DIALOG (dialog))), >=, 4);

  /* Import stays off, and nothing was written. */
  g_assert_false (gtk_widget_is_sensitive (gui_test_find_action_button (dialog, "import.run")));
  gtk_widget_activate_action (dialog, "import.run", NULL);
  gui_test_iterate ();
  g_assert_false (pw_import_dialog_get_busy (PW_IMPORT_DIALOG (dialog)));

  directory = pw_person_repo_list_all (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (directory), ==, 0);
  g_object_unref (directory);

  gui_test_destroy_window (GTK_WINDOW (dialog));
}

static void
imported_cb (PwImportDialog *dialog,
             guint           added,
             guint           updated,
             guint           skipped,
             guint          *out)
{
  out[0] = added;
  out[1] = updated;
  out[2] = skipped;
  out[3] = 1;
}

static gboolean
import_done (gpointer result)
{
  return ((guint *) result)[3] != 0;
}

static void
test_import (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GFile) file = write_csv (fixture, "people.csv", good_csv);
  g_autoptr(PwPerson) sam = NULL;
  g_autoptr(PwPerson) jordan = NULL;
  g_autoptr(PwPerson) ann = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog = open_dialog (fixture);
  guint result[4] = { 0 };
  gboolean saw_busy = FALSE;

  g_assert_true (pw_import_dialog_set_file (PW_IMPORT_DIALOG (dialog), file, &error));
  g_assert_no_error (error);

  gtk_widget_activate_action (dialog, "import.validate", NULL);
  gui_test_iterate ();
  g_assert_cmpuint (pw_people_import_get_n_problems (pw_import_dialog_get_import (PW_IMPORT_DIALOG (dialog))), ==, 0);
  g_assert_true (gtk_widget_is_sensitive (gui_test_find_action_button (dialog, "import.run")));

  /* Validation wrote nothing. */
  people = pw_person_repo_list_all (fixture->store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 0);
  g_clear_object (&people);

  g_object_ref (dialog);
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), result);
  gtk_widget_activate_action (dialog, "import.run", NULL);
  saw_busy = pw_import_dialog_get_busy (PW_IMPORT_DIALOG (dialog));

  /* Wait for the worker: the store is not touched meanwhile. */
  g_assert_true (gui_test_wait_until (import_done, result, 20000));

  g_assert_true (saw_busy);
  g_assert_cmpuint (result[0], ==, 4);
  g_assert_cmpuint (result[1], ==, 0);
  g_assert_false (pw_import_dialog_get_busy (PW_IMPORT_DIALOG (dialog)));
  /* Done: the dialog closed itself. */
  g_assert_false (gtk_widget_get_visible (dialog));
  g_assert_finalize_object (dialog);

  /* In the directory, enrolled, with their managers. */
  people = pw_person_repo_list_enrolled (fixture->store, fixture->id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 4);

  sam = pw_person_repo_find_by_email (fixture->store, "sam.whitley@example.org", &error);
  g_assert_no_error (error);
  jordan = pw_person_repo_find_by_email (fixture->store, "jordan.lee@example.org", &error);
  g_assert_no_error (error);
  ann = pw_person_repo_find_by_email (fixture->store, "ann@example.org", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_person_get_name (jordan), ==, "Lee, Jordan");
  g_assert_cmpstr (pw_person_get_name (ann), ==, "Ann & Co <b>bold</b>");
  g_assert_cmpint (pw_person_get_manager_id (jordan), ==, pw_person_get_id (sam));
  g_assert_true (pw_person_repo_is_enrolled (fixture->store, fixture->id, pw_person_get_id (jordan)));
}

static void
test_unreadable_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GFile) file = write_csv (fixture, "latin1.csv", "Name,Email\nJos\xe9,jose@example.org\n");
  g_autoptr(GError) error = NULL;
  GtkWidget *dialog = open_dialog (fixture);

  g_assert_false (pw_import_dialog_set_file (PW_IMPORT_DIALOG (dialog), file, &error));
  g_assert_nonnull (error);
  g_assert_null (pw_import_dialog_get_import (PW_IMPORT_DIALOG (dialog)));
  g_assert_false (gtk_widget_get_visible (gui_test_find_action_button (dialog, "import.run")));

  gui_test_destroy_window (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/import-dialog/guessed-mapping", Fixture, NULL, fixture_set_up, test_guessed_mapping, fixture_tear_down);
  g_test_add ("/import-dialog/bad-file", Fixture, NULL, fixture_set_up, test_bad_file, fixture_tear_down);
  g_test_add ("/import-dialog/import", Fixture, NULL, fixture_set_up, test_import, fixture_tear_down);
  g_test_add ("/import-dialog/unreadable-file", Fixture, NULL, fixture_set_up, test_unreadable_file, fixture_tear_down);

  return g_test_run ();
}
