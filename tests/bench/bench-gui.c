/* bench-gui.c — start-up, opening big sections, and memory, against a bare
 * libadwaita window
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage:
 *   bench-gui startup RUNS DB     launch-to-first-frame: Pairwise's window on
 *                                 DB, and a bare AdwApplicationWindow (the
 *                                 floor for any GTK app on this machine)
 *   bench-gui sections DB ID      opening programme ID's People and Matching
 *                                 sections, and peak memory with them open
 *
 * Needs a display (tests/bench/run starts Xvfb). Prints "name value" lines.
 * Internally, `bench-gui child app|bare DB` is the program being launched:
 * it prints the monotonic time of its first frame and exits.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <adwaita.h>

#include "pw-programme-view.h"
#include "pw-store.h"
#include "pw-window.h"

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  gboolean *painted = user_data;

  *painted = TRUE;
}

/* Iterates until @widget's window has painted a frame. */
static void
wait_for_frame (GtkWidget *widget)
{
  GdkFrameClock *clock;
  gboolean painted = FALSE;
  gulong id;

  while (!gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);

  clock = gtk_widget_get_frame_clock (widget);
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, id);
}

static int
run_child (const char *mode,
           const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  GtkWidget *window;

  gtk_init ();
  adw_init ();

  if (g_str_equal (mode, "bare"))
    {
      GtkWidget *page = adw_status_page_new ();

      window = adw_window_new ();
      adw_status_page_set_title (ADW_STATUS_PAGE (page), "Bare");
      adw_window_set_content (ADW_WINDOW (window), page);
    }
  else
    {
      store = pw_store_open (db, &error);
      if (store == NULL)
        g_error ("%s", error->message);
      window = GTK_WIDGET (pw_window_new (NULL, store));
    }

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);
  printf ("first_frame_us %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  fflush (stdout);
  return 0;
}

static double
launch (const char *self_path,
        const char *mode,
        const char *db)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { self_path, "child", mode, db, NULL };
  gint64 start = g_get_monotonic_time ();
  gint64 frame = 0;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error))
    g_error ("%s", error->message);
  if (out == NULL || sscanf (out, "first_frame_us %" G_GINT64_FORMAT, &frame) != 1)
    g_error ("the %s window printed no frame time (status %d)", mode, status);

  return (frame - start) / 1000.0;
}

static double
time_section (PwProgrammeView *view,
              const char      *section)
{
  gint64 start = g_get_monotonic_time ();

  pw_programme_view_show_section (view, section);
  wait_for_frame (GTK_WIDGET (view));
  return (g_get_monotonic_time () - start) / 1000.0;
}

static PwProgrammeView *
find_view (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      PwProgrammeView *found;

      if (PW_IS_PROGRAMME_VIEW (child))
        return PW_PROGRAMME_VIEW (child);
      if ((found = find_view (child)) != NULL)
        return found;
    }
  return NULL;
}

static int
run_sections (const char *db,
              gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  PwProgrammeView *view;
  PwWindow *window;
  struct rusage usage;
  double people, matching;

  gtk_init ();
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  store = pw_store_open (db, &error);
  if (store == NULL)
    g_error ("%s", error->message);

  window = pw_window_new (NULL, store);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  pw_window_open_programme (window, id);
  wait_for_frame (GTK_WIDGET (window));

  view = find_view (GTK_WIDGET (window));
  if (view == NULL)
    g_error ("the programme did not open");

  people = time_section (view, "people");
  matching = time_section (view, "matching");
  /* Back to People: the peak with everyone listed. */
  pw_programme_view_show_section (view, "people");
  wait_for_frame (GTK_WIDGET (window));

  getrusage (RUSAGE_SELF, &usage);
  printf ("people_ms %.1f\nmatching_ms %.1f\npeak_rss_kb %ld\n", people, matching, usage.ru_maxrss);
  return 0;
}

static int
run_bare_rss (void)
{
  struct rusage usage;
  GtkWidget *window;

  gtk_init ();
  adw_init ();
  window = adw_window_new ();
  adw_window_set_content (ADW_WINDOW (window), adw_status_page_new ());
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frame (window);
  getrusage (RUSAGE_SELF, &usage);
  printf ("bare_peak_rss_kb %ld\n", usage.ru_maxrss);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  if (argc >= 4 && g_str_equal (argv[1], "child"))
    return run_child (argv[2], argv[3]);

  if (argc >= 4 && g_str_equal (argv[1], "startup"))
    {
      int runs = MAX (1, atoi (argv[2]));
      double best_app = G_MAXDOUBLE, best_bare = G_MAXDOUBLE;

      for (int r = 0; r < runs; r++)
        {
          best_bare = MIN (best_bare, launch (argv[0], "bare", argv[3]));
          best_app = MIN (best_app, launch (argv[0], "app", argv[3]));
        }
      printf ("startup_ms %.1f\nbare_startup_ms %.1f\n", best_app, best_bare);
      return 0;
    }

  if (argc >= 4 && g_str_equal (argv[1], "sections"))
    return run_sections (argv[2], g_ascii_strtoll (argv[3], NULL, 10));

  if (argc >= 2 && g_str_equal (argv[1], "bare-rss"))
    return run_bare_rss ();

  fprintf (stderr, "usage: bench-gui startup RUNS DB | sections DB ID | bare-rss\n");
  return 2;
}
