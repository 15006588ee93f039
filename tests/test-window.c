/* test-window.c — the start page, the sample, and deleting with Undo
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "test-window"

#include <adwaita.h>

#include "gui-helpers.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-programme-row.h"
#include "pw-programme-view.h"
#include "pw-start-page.h"
#include "pw-window.h"

typedef struct
{
  char     *dir;
  PwStore  *store;
  PwWindow *window;
} Fixture;

/* Helpers */

/* The first widget of @type that is on screen. */
static GtkWidget *
find_shown (GtkWidget *root,
            GType      type)
{
  g_autoptr(GPtrArray) all = gui_test_find_all (root, type, NULL);

  for (guint i = 0; i < all->len; i++)
    if (gtk_widget_get_mapped (all->pdata[i]))
      return all->pdata[i];

  return NULL;
}

static GPtrArray *
shown_rows (PwWindow *window)
{
  g_autoptr(GPtrArray) all = gui_test_find_all (GTK_WIDGET (window), PW_TYPE_PROGRAMME_ROW, NULL);
  GPtrArray *shown = g_ptr_array_new ();

  for (guint i = 0; i < all->len; i++)
    if (gtk_widget_get_mapped (all->pdata[i]))
      g_ptr_array_add (shown, all->pdata[i]);

  return shown;
}

static GtkWidget *
find_icon_button (GtkWidget  *root,
                  const char *icon_name)
{
  g_autoptr(GPtrArray) buttons = gui_test_find_all (root, GTK_TYPE_BUTTON, NULL);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_button_get_icon_name (buttons->pdata[i]), icon_name) == 0)
      return buttons->pdata[i];

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
  g_autoptr(PwProgramme) programme = gui_test_add_programme (store, name);

  return pw_programme_get_id (programme);
}

static void
open_window (Fixture *fixture)
{
  fixture->window = pw_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  gui_test_iterate ();
}

static void
close_window (Fixture *fixture)
{
  gui_test_destroy_window (GTK_WINDOW (g_steal_pointer (&fixture->window)));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* Every test starts on the start page. */
  g_settings_reset (settings, "last-programme");
  g_settings_reset (settings, "retention-months");

  fixture->store = gui_test_temp_store (&fixture->dir, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  if (fixture->window != NULL)
    close_window (fixture);

  gui_test_temp_store_free (fixture->store, fixture->dir);
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
  g_assert_nonnull (gui_test_find_widget (status, GTK_TYPE_BUTTON, "_New Program"));
  g_assert_nonnull (gui_test_find_widget (status, GTK_TYPE_BUTTON, "_Try a Sample Program"));

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.try-sample", NULL);
  gui_test_iterate ();

  g_assert_cmpuint (count_programmes (fixture->store), ==, 1);
  view = find_shown (GTK_WIDGET (fixture->window), PW_TYPE_PROGRAMME_VIEW);
  g_assert_nonnull (view);
  g_assert_cmpstr (pw_programme_get_name (pw_programme_view_get_programme (PW_PROGRAMME_VIEW (view))),
                   ==, "Thinking Partners");
  g_assert_null (find_shown (GTK_WIDGET (fixture->window), ADW_TYPE_STATUS_PAGE));

  /* Back to the list, which now shows the sample. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-start", NULL);
  gui_test_iterate ();
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
  gui_test_iterate ();

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
  g_autoptr(GPtrArray) rows = NULL;
  GtkWidget *view;

  open_window (fixture);
  g_assert_null (find_shown (GTK_WIDGET (fixture->window), PW_TYPE_PROGRAMME_VIEW));
  pw_window_open_programme (fixture->window, id);
  gui_test_iterate ();
  close_window (fixture);

  /* The next window opens where the last one left off… */
  open_window (fixture);
  view = find_shown (GTK_WIDGET (fixture->window), PW_TYPE_PROGRAMME_VIEW);
  g_assert_nonnull (view);
  g_assert_cmpint (pw_programme_get_id (pw_programme_view_get_programme (PW_PROGRAMME_VIEW (view))), ==, id);

  /* …without building the start page it does not show, until it does. */
  g_assert_null (gui_test_find_widget (GTK_WIDGET (fixture->window), PW_TYPE_START_PAGE, NULL));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-start", NULL);
  gui_test_iterate ();
  g_assert_null (find_shown (GTK_WIDGET (fixture->window), PW_TYPE_PROGRAMME_VIEW));
  rows = shown_rows (fixture->window);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "Thinking Partners 2026");
}

/* A row builds its menu when first opened, and the menu's items work. */
static void
test_row_menu (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  GtkMenuButton *button;
  GtkPopover *popover;
  GMenuModel *model;

  insert_programme (fixture->store, "Thinking Partners 2026");
  open_window (fixture);
  rows = shown_rows (fixture->window);
  g_assert_cmpuint (rows->len, ==, 1);

  button = GTK_MENU_BUTTON (gui_test_find_widget (rows->pdata[0], GTK_TYPE_MENU_BUTTON, "Program Menu"));
  g_assert_nonnull (button);
  g_assert_null (gtk_menu_button_get_popover (button));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));

  gtk_menu_button_popup (button);
  gui_test_iterate ();
  popover = gtk_menu_button_get_popover (button);
  g_assert_true (GTK_IS_POPOVER_MENU (popover));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (popover)));
  model = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (model);
  /* Rename and duplicate; then delete. */
  g_assert_cmpint (g_menu_model_get_n_items (model), ==, 2);

  /* From the popover, the row's actions reach the start page. */
  gtk_widget_activate_action (GTK_WIDGET (popover), "row.rename", NULL);
  gui_test_iterate ();
  g_assert_nonnull (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_window_destroy (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gui_test_iterate ();

  /* Opened again, the same menu. */
  gtk_menu_button_popdown (button);
  gtk_menu_button_popup (button);
  gui_test_iterate ();
  g_assert_true (gtk_menu_button_get_popover (button) == popover);
  gtk_menu_button_popdown (button);
}

/* The retention offer reads whole records: not before the first frame. */
static void
test_retention_after_frame (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(PwPerson) person = pw_person_new ("Done Long Ago", "done@example.org");
  g_autoptr(PwProgramme) programme = gui_test_add_programme (fixture->store, "Pilot 2020");
  g_autoptr(GError) error = NULL;

  pw_programme_set_start_date (programme, "2020-01-06");
  pw_programme_set_end_date (programme, "2020-12-18");
  g_assert_true (pw_programme_repo_update (fixture->store, programme, &error));
  g_assert_no_error (error);
  g_assert_true (pw_person_repo_insert (fixture->store, person, &error));
  g_assert_true (pw_person_repo_enrol (fixture->store, pw_programme_get_id (programme),
                                       pw_person_get_id (person), &error));
  g_assert_no_error (error);
  g_settings_set_uint (settings, "retention-months", 12);

  fixture->window = pw_window_new (NULL, fixture->store);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_null (gui_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, "_Review"));

  g_assert_true (gui_test_wait_for_frame (GTK_WIDGET (fixture->window)));
  g_assert_nonnull (gui_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, "_Review"));
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
  gui_test_iterate ();
  dialog = ADW_MESSAGE_DIALOG (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete “Thinking Partners 2026”?");
  g_assert_cmpint (adw_message_dialog_get_response_appearance (dialog, "delete"), ==, ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_response (dialog, "delete");
  gui_test_iterate ();

  /* …then the programme is gone from the list, and the empty state shows. */
  g_assert_cmpuint (count_programmes (fixture->store), ==, 0);
  g_assert_nonnull (find_shown (GTK_WIDGET (fixture->window), ADW_TYPE_STATUS_PAGE));

  /* Undo brings it back. */
  button = gui_test_find_widget (GTK_WIDGET (fixture->window), GTK_TYPE_BUTTON, "_Undo");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  gui_test_iterate ();
  g_assert_cmpuint (count_programmes (fixture->store), ==, 1);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = shown_rows (fixture->window);
  g_assert_cmpuint (rows->len, ==, 1);

  /* Deleted again and the toast closed without Undo: gone for good. */
  gtk_widget_activate_action (rows->pdata[0], "row.delete", NULL);
  gui_test_iterate ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG)), "delete");
  gui_test_iterate ();
  button = find_icon_button (GTK_WIDGET (fixture->window), "window-close-symbolic");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  gui_test_iterate ();

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
  gui_test_iterate ();
  dialog = ADW_MESSAGE_DIALOG (gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
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
  gui_test_iterate ();

  programme = pw_programme_repo_get (fixture->store, id, NULL);
  g_assert_cmpstr (pw_programme_get_name (programme), ==, "Thinking Partners");

  /* The list follows the store; duplicate makes the next cohort. */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = shown_rows (fixture->window);
  g_assert_cmpstr (adw_preferences_row_get_title (rows->pdata[0]), ==, "Thinking Partners");
  gtk_widget_activate_action (rows->pdata[0], "row.duplicate", NULL);
  gui_test_iterate ();

  list = pw_programme_repo_list (fixture->store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = shown_rows (fixture->window);
  g_assert_cmpuint (rows->len, ==, 2);
  g_assert_nonnull (find_icon_button (GTK_WIDGET (fixture->window), "window-close-symbolic"));
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/window/empty-then-sample", Fixture, NULL, fixture_set_up, test_empty_then_sample, fixture_tear_down);
  g_test_add ("/window/new-programme", Fixture, NULL, fixture_set_up, test_new_programme, fixture_tear_down);
  g_test_add ("/window/reopen-last", Fixture, NULL, fixture_set_up, test_reopen_last, fixture_tear_down);
  g_test_add ("/window/row-menu", Fixture, NULL, fixture_set_up, test_row_menu, fixture_tear_down);
  g_test_add ("/window/retention-after-frame", Fixture, NULL, fixture_set_up, test_retention_after_frame, fixture_tear_down);
  g_test_add ("/window/delete-and-undo", Fixture, NULL, fixture_set_up, test_delete_and_undo, fixture_tear_down);
  g_test_add ("/window/rename-and-duplicate", Fixture, NULL, fixture_set_up, test_rename_and_duplicate, fixture_tear_down);

  return g_test_run ();
}
