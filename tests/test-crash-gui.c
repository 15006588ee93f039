/* test-crash-gui.c — the app killed mid-edit keeps its last committed edit
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The test runs itself again as a child ("--child DB") that shows the
 * Setup page and types a new programme name again and again, telling the
 * parent after each edit has been written. The parent kills it with
 * SIGKILL at a random moment and checks that the database opens whole and
 * holds the last edit the child reported (or the one after, written just
 * before the kill).
 */
#include "config.h"

#define G_LOG_DOMAIN "test-crash-gui"

#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "pw-programme-repo.h"
#include "pw-setup-page.h"
#include "pw-store.h"

#define KILLS 3

static GtkWidget *
find_entry_row (GtkWidget  *root,
                const char *title)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_ENTRY_ROW (child) &&
          g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child)), title) == 0)
        return child;
      if ((found = find_entry_row (child, title)) != NULL)
        return found;
    }

  return NULL;
}

static int
run_child (const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autoptr(PwProgramme) programme = NULL;
  GtkWidget *page, *entry;
  GtkWindow *window;

  adw_init ();
  store = pw_store_open (db, &error);
  g_assert_no_error (error);
  programme = pw_programme_repo_get (store, 1, &error);
  g_assert_no_error (error);

  page = pw_setup_page_new (store, programme);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_child (window, page);
  gtk_window_present (window);
  entry = find_entry_row (page, "Name");
  g_assert_nonnull (entry);

  for (guint i = 1; ; i++)
    {
      g_autofree char *name = g_strdup_printf ("Edit %u", i);

      /* As a person types: the page writes each change at once. */
      gtk_editable_set_text (GTK_EDITABLE (entry), name);
      while (g_main_context_iteration (NULL, FALSE))
        ;
      printf ("%u\n", i);
      fflush (stdout);
    }

  return 0;
}

static void
test_kill_mid_edit (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pw-test-crash-gui-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "pairwise.db", NULL);
  const char *self = g_test_get_filename (G_TEST_BUILT, "test-crash-gui", NULL);

  g_assert_no_error (error);
  {
    g_autoptr(PwStore) store = pw_store_open (db, &error);
    g_autoptr(PwProgramme) programme = pw_programme_new ("Original");

    g_assert_no_error (error);
    pw_programme_set_start_date (programme, "2027-01-04");
    pw_programme_set_end_date (programme, "2027-12-17");
    g_assert_true (pw_programme_repo_insert (store, programme, &error));
    g_assert_cmpint (pw_programme_get_id (programme), ==, 1);
  }

  for (guint k = 0; k < KILLS; k++)
    {
      const char *argv[] = { self, "--child", db, NULL };
      g_autoptr(GIOChannel) channel = NULL;
      g_autoptr(PwStore) store = NULL;
      g_autoptr(PwProgramme) programme = NULL;
      g_autofree char *want = NULL;
      g_autofree char *next = NULL;
      gint64 stop_at = 0;
      guint last = 0;
      int out_fd, status;
      GPid pid;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);
      channel = g_io_channel_unix_new (out_fd);
      g_io_channel_set_close_on_unref (channel, TRUE);

      for (;;)
        {
          g_autofree char *line = NULL;

          if (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) != G_IO_STATUS_NORMAL)
            g_error ("the editing child stopped by itself");
          last = (guint)g_ascii_strtoull (line, NULL, 10);
          if (stop_at == 0)
            stop_at = g_get_monotonic_time () + g_random_int_range (50, 800) * 1000;
          if (g_get_monotonic_time () >= stop_at)
            break;
        }

      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);

      /* The child may have reported more edits than were read so far. */
      for (;;)
        {
          g_autofree char *line = NULL;

          if (g_io_channel_read_line (channel, &line, NULL, NULL, NULL) != G_IO_STATUS_NORMAL)
            break;
          if (line[strlen (line) - 1] == '\n')
            last = (guint)g_ascii_strtoull (line, NULL, 10);
        }

      store = pw_store_open (db, &error);
      g_assert_no_error (error);
      programme = pw_programme_repo_get (store, 1, &error);
      g_assert_no_error (error);
      want = g_strdup_printf ("Edit %u", last);
      next = g_strdup_printf ("Edit %u", last + 1);
      if (!g_str_equal (pw_programme_get_name (programme), want) &&
          !g_str_equal (pw_programme_get_name (programme), next))
        g_error ("killed after “%s” was written, the database holds “%s”",
                 want, pw_programme_get_name (programme));
      {
        sqlite3_stmt *stmt = pw_store_prepare (store, "PRAGMA integrity_check", &error);

        g_assert_cmpint (pw_store_step (store, stmt, &error), ==, SQLITE_ROW);
        g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
        sqlite3_reset (stmt);
      }
      g_test_message ("kill %u: after edit %u, found “%s”", k + 1, last, pw_programme_get_name (programme));
    }

  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);
        g_remove (path);
      }
    g_rmdir (dir);
  }
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);

  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/crash-gui/kill-mid-edit", test_kill_mid_edit);

  return g_test_run ();
}
