/* test-window.c — the start page, the sample, and deleting with Undo
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "test-window"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "pw-programme-repo.h"
#include "pw-programme-row.h"
#include "pw-programme-view.h"
#include "pw-window.h"

typedef struct
{
  char     *dir;
  PwStore  *store;
  PwWindow *window;
} Fixture;

/* Helpers */

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_assert_no_errno (g_remove (child));
    }
  g_assert_no_errno (g_rmdir (path));
}

static void
collect (GtkWidget *root,
         GType      type,
         GPtrArray *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type))
        g_ptr_array_add (out, child);
      collect (child, type, out);
    }
}

/* The first widget of @type that is on screen. */
static GtkWidget *
find_shown (GtkWidget *root,
            GType      type)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();

  collect (root, type, all);
  for (guint i = 0; i < all->len; i++)
    if (gtk_widget_get_mapped (all->pdata[i]))
      return all->pdata[i];

  return NULL;
}

static GPtrArray *
shown_rows (PwWindow *window)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new ();
  GPtrArray *shown = g_ptr_array_new ();

  collect (GTK_WIDGET (window), PW_TYPE_PROGRAMME_ROW, all);
  for (guint i = 0; i < all->len; i++)
    if (gtk_widget_get_mapped (all->pdata[i]))
      g_ptr_array_add (shown, all->pdata[i]);

  return shown;
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label,
             const char *icon_name)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  collect (root, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      GtkButton *button = buttons->pdata[i];

      if ((label != NULL && g_strcmp0 (gtk_button_get_label (button), label) == 0) ||
          (icon_name != NULL && g_strcmp0 (gtk_button_get_icon_name (button), icon_name) == 0))
        return GTK_WIDGET (button);
    }

  return NULL;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) toplevel = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (toplevel))
        return ADW_MESSAGE_DIALOG (toplevel);
    }

  return NULL;
}

static guint
count_programmes (PwStore *store)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  list = pw_programme_repo_list (store, &error);
  g_assert_no_error (error);

  return g_list_model_get_n_items (list);
}

static gint64
insert_programme (PwStore    *store,
                  const char *name)
{
  g_autoptr(PwProgramme) programme = pw_programme_new (name);
  g_autoptr(GError) error = NULL;

  pw_programme_repo_insert (store, programme, &error);
  g_assert_no_error (error);

  return pw_programme_get_id (programme);
}

static void
open_window (Fixture *fixture)
{
  fixture->window = pw_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  iterate ();
}

static void
close_window (Fixture *fixture)
{
  GtkWindow *window = GTK_WINDOW (g_steal_pointer (&fixture->window));

  g_object_ref (window);
  gtk_window_destroy (window);
  iterate ();
  g_assert_finalize_object (window);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  /* Every test starts on the start page. */
  g_settings_reset (settings, "last-programme");

  fixture->dir = g_dir_make_tmp ("pairwise-test-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (fixture->dir, "pairwise.db", NULL);
  fixture->store = pw_store_open (path, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    close_window (fixture);

  iterate ();
  g_assert_finalize_object (fixture->store);
  remove_dir (fixture->dir);
  g_free (fixture->dir);
}

/* Tests */

static void
test_empty_then_sample (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *status;
  GtkWidget *view;

  open_window (fixture);

  status = find_shown (GTK_WIDGET (fixture->window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==, "No Programs Yet");
  g_assert_nonnull (find_button (status, "_New Program", NULL));
  g_assert_nonnull (find_button (status, "_Try a Sample Program", NULL));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.try-sample", NULL);
  iterate ();

  g_assert_cmpuint (count_programmes (fixture->store), ==, 1);
  view = find_shown (GTK_WIDGET (fixture->window), PW_TYPE_PROGRAMME_VIEW);
  g_assert_nonnull (view);
  g_assert_cmpstr (pw_programme_get_name (pw_programme_view_get_programme (PW_PROGRAMME_VIEW (view))),
                   ==, "Thinking Partners");
  g_assert_null (find_shown (GTK_WIDGET (fixture->window), ADW_TYPE_STATUS_PAGE));

  /* Back to the list, which now shows the sample. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-start", NULL);
  iterate ();
  g_assert_null (find_shown (GTK_WIDGET (fixture->window), PW_TYPE_PROGRAMME_VIEW));
  rows = shown_rows (fixture->window);
  g_assert_cmpuint (rows->len, ==, 1);
}

static void
test_new_programme (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *view;
  GtkWidget *focus;
  GtkWidget *name_row;

  open_window (fixture);
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-programme", NULL);
  iterate ();

  g_assert_cmpuint (count_programmes (fixture->store), ==, 1);
  view = find_shown (GTK_WIDGET (fixture->window), PW_TYPE_PROGRAMME_VIEW);
  g_assert_nonnull (view);
  g_assert_cmpstr (pw_programme_get_name (pw_programme_view_get_programme (PW_PROGRAMME_VIEW (view))),
                   ==, "New Program");

  /* The name is focused, ready to be typed over. */
  name_row = find_shown (view, ADW_TYPE_ENTRY_ROW);
  g_assert_nonnull (name_row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (name_row)), ==, "Name");
  focus = gtk_window_get_focus (GTK_WINDOW (fixture->window));
  g_assert_nonnull (focus);
  g_assert_true (focus == name_row || gtk_widget_is_ancestor (focus, name_row));
}

static void
test_reopen_last (Fixture       *fixture,
                  gconstpointer  data)
{
  gint64 id = insert_programme (fixture->store, "Thinking Partners 2026");
  GtkWidget *view;

  open_window (fixture);
  g_assert_null (find_shown (GTK_WIDGET (fixture->window), PW_TYPE_PROGRAMME_VIEW));
  pw_window_open_programme (fixture->window, id);
  iterate ();
  close_window (fixture);

  /* The next window opens where the last one left off. */
  open_window (fixture);
  view = find_shown (GTK_WIDGET (fixture->window), PW_TYPE_PROGRAMME_VIEW);
  g_assert_nonnull (view);
  g_assert_cmpint (pw_programme_get_id (pw_programme_view_get_programme (PW_PROGRAMME_VIEW (view))), ==, id);
}

static void
test_delete_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(PwProgramme) gone = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *button;
  gint64 id;

  id = insert_programme (fixture->store, "Thinking Partners 2026");
  open_window (fixture);

  rows = shown_rows (fixture->window);
  g_assert_cmpuint (rows->len, ==, 1);

  /* Delete asks first… */
  gtk_widget_activate_action (rows->pdata[0], "row.delete", NULL);
  iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “Thinking Partners 2026”?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, "delete");
  iterate ();

  /* …then the programme is gone from the list, and the empty state shows. */
  g_assert_cmpuint (count_programmes (fixture->store), ==, 0);
  g_assert_nonnull (find_shown (GTK_WIDGET (fixture->window), ADW_TYPE_STATUS_PAGE));

  /* Undo brings it back. */
  button = find_button (GTK_WIDGET (fixture->window), "_Undo", NULL);
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  iterate ();
  g_assert_cmpuint (count_programmes (fixture->store), ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = shown_rows (fixture->window);
  g_assert_cmpuint (rows->len, ==, 1);

  /* Deleted again and the toast closed without Undo: gone for good. */
  gtk_widget_activate_action (rows->pdata[0], "row.delete", NULL);
  iterate ();
  adw_message_dialog_response (find_dialog (), "delete");
  iterate ();
  button = find_button (GTK_WIDGET (fixture->window), NULL, "window-close-symbolic");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  iterate ();

  gone = pw_programme_repo_get (fixture->store, id, &error);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_FOUND);
  g_assert_null (gone);
}

static void
test_rename_and_duplicate (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(GListModel) list = NULL;
  AdwMessageDialog *dialog;
  GtkEditable *entry;
  gint64 id;

  id = insert_programme (fixture->store, "Thinking Partners 2026");
  open_window (fixture);
  rows = shown_rows (fixture->window);

  gtk_widget_activate_action (rows->pdata[0], "row.rename", NULL);
  iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_assert_cmpstr (gtk_editable_get_text (entry), ==, "Thinking Partners 2026");

  /* An empty name cannot be chosen. */
  gtk_editable_set_text (entry, "");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "rename"));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (entry), "error"));
  gtk_editable_set_text (entry, "Thinking Partners");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "rename"));
  adw_message_dialog_response (dialog, "rename");
  iterate ();

  programme = pw_programme_repo_get (fixture->store, id, NULL);
  g_assert_cmpstr (pw_programme_get_name (programme), ==, "Thinking Partners");

  /* The list follows the store; duplicate makes the next cohort. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = shown_rows (fixture->window);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "Thinking Partners");
  gtk_widget_activate_action (rows->pdata[0], "row.duplicate", NULL);
  iterate ();

  list = pw_programme_repo_list (fixture->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = shown_rows (fixture->window);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_nonnull (find_button (GTK_WIDGET (fixture->window), NULL, "window-close-symbolic"));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_add ("/window/empty-then-sample", Fixture, NULL, fixture_set_up, test_empty_then_sample, fixture_tear_down);
  g_test_add ("/window/new-programme", Fixture, NULL, fixture_set_up, test_new_programme, fixture_tear_down);
  g_test_add ("/window/reopen-last", Fixture, NULL, fixture_set_up, test_reopen_last, fixture_tear_down);
  g_test_add ("/window/delete-and-undo", Fixture, NULL, fixture_set_up, test_delete_and_undo, fixture_tear_down);
  g_test_add ("/window/rename-and-duplicate", Fixture, NULL, fixture_set_up, test_rename_and_duplicate, fixture_tear_down);

  return g_test_run ();
}
