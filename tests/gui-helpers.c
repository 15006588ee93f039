/* gui-helpers.c — driving widgets from tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "gui-helpers"

#include <glib/gstdio.h>

#include "gui-helpers.h"
#include "pw-programme-repo.h"
#include "pw-sample.h"

void
gui_test_init (int    *argc,
               char ***argv)
{
  gui_test_init_full (argc, argv, GUI_TEST_INIT_NO_A11Y | GUI_TEST_INIT_NO_ANIMATIONS);
}

void
gui_test_init_full (int               *argc,
                    char            ***argv,
                    GuiTestInitFlags   flags)
{
  if (flags & GUI_TEST_INIT_NO_A11Y)
    g_setenv ("GTK_A11Y", "none", TRUE);
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  if (flags & GUI_TEST_INIT_NO_ANIMATIONS)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

void
gui_test_iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
gui_test_wait_ms (guint ms)
{
  gui_test_wait_until (never, NULL, ms);
}

gboolean
gui_test_wait_until (gboolean (*cond) (gpointer data),
                     gpointer   data,
                     guint      timeout_ms)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add (timeout_ms, set_flag_cb, &timed_out);

  /* Blocking iterations: the timeout wakes the loop if nothing else does. */
  while (!cond (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  if (!timed_out)
    g_source_remove (timeout);
  gui_test_iterate ();

  return cond (data);
}

static void
painted_cb (GdkFrameClock *clock,
            gpointer       user_data)
{
  *(gboolean *) user_data = TRUE;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
is_set (gpointer data)
{
  return *(gboolean *) data;
}

gboolean
gui_test_wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong id;

  if (!gui_test_wait_until (is_mapped, widget, 5000))
    return FALSE;

  clock = gtk_widget_get_frame_clock (widget);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (painted_cb), &painted);
  gtk_widget_queue_draw (widget);
  gui_test_wait_until (is_set, &painted, 5000);
  g_signal_handler_disconnect (clock, id);

  return painted;
}

PwStore *
gui_test_temp_store (char   **dir,
                     gint64  *sample_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  PwStore *store;

  *dir = g_dir_make_tmp ("pairwise-test-XXXXXX", &error);
  g_assert_no_error (error);

  path = g_build_filename (*dir, "pairwise.db", NULL);
  store = pw_store_open (path, &error);
  g_assert_no_error (error);

  if (sample_id != NULL)
    {
      *sample_id = pw_sample_create (store, &error);
      g_assert_no_error (error);
      g_assert_cmpint (*sample_id, >, 0);
    }

  return store;
}

void
gui_test_temp_store_free (PwStore *store,
                          char    *dir)
{
  gui_test_iterate ();
  g_assert_finalize_object (store);
  gui_test_remove_dir (dir);
  g_free (dir);
}

PwProgramme *
gui_test_add_programme (PwStore    *store,
                        const char *name)
{
  g_autoptr(GError) error = NULL;
  PwProgramme *programme = pw_programme_new (name);

  g_assert_true (pw_programme_repo_insert (store, programme, &error));
  g_assert_no_error (error);

  return programme;
}

void
gui_test_remove_dir (const char *path)
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

GtkWindow *
gui_test_show_in_window (GtkWidget *child,
                         int        width,
                         int        height)
{
  GtkWindow *window = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (window, width, height);
  gtk_window_set_child (window, child);
  gtk_window_present (window);
  gui_test_iterate ();

  return window;
}

void
gui_test_destroy_window (GtkWindow *window)
{
  g_object_ref (window);
  gtk_window_destroy (window);
  gui_test_iterate ();
  g_assert_finalize_object (window);
}

static gboolean
has_text (GtkWidget  *widget,
          const char *text)
{
  if (ADW_IS_PREFERENCES_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), text) == 0)
    return TRUE;
  if (ADW_IS_STATUS_PAGE (widget) &&
      g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (widget)), text) == 0)
    return TRUE;
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0)
    return TRUE;
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  if (GTK_IS_INSCRIPTION (widget) && g_strcmp0 (gtk_inscription_get_text (GTK_INSCRIPTION (widget)), text) == 0)
    return TRUE;

  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), text) == 0 ||
         g_strcmp0 (gtk_widget_get_name (widget), text) == 0 ||
         g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), text) == 0;
}

static void
collect (GtkWidget  *root,
         GType       type,
         const char *text,
         GPtrArray  *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && (text == NULL || has_text (child, text)))
        g_ptr_array_add (out, child);
      collect (child, type, text, out);
    }
}

GPtrArray *
gui_test_find_all (GtkWidget  *root,
                   GType       type,
                   const char *text)
{
  GPtrArray *found = g_ptr_array_new ();

  g_assert_true (GTK_IS_WIDGET (root));
  collect (root, type, text, found);

  return found;
}

GtkWidget *
gui_test_find_widget (GtkWidget  *root,
                      GType       type,
                      const char *text)
{
  g_autoptr(GPtrArray) found = gui_test_find_all (root, type, text);

  return found->len > 0 ? found->pdata[0] : NULL;
}

GtkWidget *
gui_test_find_action_button (GtkWidget  *root,
                             const char *action_name)
{
  g_autoptr(GPtrArray) buttons = gui_test_find_all (root, GTK_TYPE_BUTTON, NULL);

  for (guint i = 0; i < buttons->len; i++)
    if (g_strcmp0 (gtk_actionable_get_action_name (buttons->pdata[i]), action_name) == 0)
      return buttons->pdata[i];

  return NULL;
}

GtkWindow *
gui_test_find_toplevel (GType type)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}
