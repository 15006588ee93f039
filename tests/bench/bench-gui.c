/* bench-gui.c — start-up, opening big sections, and memory, against a bare
 * libadwaita window
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage:
 *   bench-gui startup RUNS DB ID  launch to first frame of the real pairwise
 *                                 binary, and of bare-window (the floor for
 *                                 any GTK app on this machine), both spawned
 *                                 the same way, best of RUNS each: on an
 *                                 empty database, on DB at its start page,
 *                                 and on DB reopening programme ID as it
 *                                 does at start when that was open last;
 *                                 with each, the least CPU time (all its
 *                                 threads, Mesa's renderer's among them)
 *                                 of a run from launch to first frame,
 *                                 steadier than the wall clock on a busy
 *                                 machine
 *   bench-gui sections DB ID      opening programme ID's People and Matching
 *                                 sections, and peak memory with them open
 *
 * Needs a display (tests/bench/run starts Xvfb) and, for start-up, a session
 * bus as on a desktop (run wraps it in dbus-run-session). Prints "name
 * value" lines. The launched programs print the monotonic time of their
 * first frame and exit: pairwise does so with PAIRWISE_BENCH_FIRST_FRAME=1.
 */
#include "config.h"

#define _GNU_SOURCE  /* RUSAGE_THREAD */

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <adwaita.h>
#include <glib/gstdio.h>

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

/* Spawns @argv with @envp and returns the milliseconds from just before
 * the spawn to the first frame it reports; keeps in *@best_cpu the least
 * CPU time to that frame it reports. */
static double
launch (const char * const *argv,
        char              **envp,
        double             *best_cpu)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  gint64 start, frame = 0;
  double cpu = 0;
  int status = 0;

  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, envp, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (out == NULL ||
      sscanf (out, "first_frame_us %" G_GINT64_FORMAT "\nfirst_frame_cpu_ms %lf", &frame, &cpu) != 2)
    g_error ("%s printed no frame time (status %d): %s", argv[0], status, err ? err : "");
  *best_cpu = MIN (*best_cpu, cpu);

  return (frame - start) / 1000.0;
}

static int
run_startup (int         runs,
             const char *db,
             gint64      id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) empty_store = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *empty_db = NULL;
  g_autofree char *config = NULL;
  g_autofree char *keyfile = NULL;
  g_autofree char *keyfile_text = NULL;
  g_auto(GStrv) env = NULL;
  g_auto(GStrv) restore_env = NULL;
  const char *bare_argv[] = { PW_BENCH_BARE, NULL };
  const char *empty_argv[] = { PW_BENCH_APP, "--db", NULL, NULL };
  const char *app_argv[] = { PW_BENCH_APP, "--db", db, NULL };
  double bare = G_MAXDOUBLE, empty = G_MAXDOUBLE, app = G_MAXDOUBLE, restore = G_MAXDOUBLE;
  double bare_cpu = G_MAXDOUBLE, empty_cpu = G_MAXDOUBLE, app_cpu = G_MAXDOUBLE, restore_cpu = G_MAXDOUBLE;

  tmp = g_dir_make_tmp ("pw-bench-gui-XXXXXX", &error);
  if (tmp == NULL)
    g_error ("%s", error->message);

  /* An empty database as a first start leaves it: schema, no programmes. */
  empty_db = g_build_filename (tmp, "empty.db", NULL);
  empty_store = pw_store_open (empty_db, &error);
  if (empty_store == NULL)
    g_error ("%s", error->message);
  g_clear_object (&empty_store);
  empty_argv[2] = empty_db;

  env = g_get_environ ();
  env = g_environ_setenv (env, "PAIRWISE_BENCH_FIRST_FRAME", "1", TRUE);

  /* The programme open when Pairwise last closed, in a settings file as
   * on a desktop without dconf. */
  config = g_build_filename (tmp, "config", NULL);
  keyfile = g_build_filename (config, "glib-2.0", "settings", "keyfile", NULL);
  keyfile_text = g_strdup_printf ("[io/github/pairwise/Pairwise]\nlast-programme=%" G_GINT64_FORMAT "\n", id);
  {
    g_autofree char *folder = g_path_get_dirname (keyfile);

    if (g_mkdir_with_parents (folder, 0700) != 0)
      g_error ("Cannot create %s", folder);
  }
  restore_env = g_strdupv (env);
  restore_env = g_environ_setenv (restore_env, "GSETTINGS_BACKEND", "keyfile", TRUE);
  restore_env = g_environ_setenv (restore_env, "XDG_CONFIG_HOME", config, TRUE);

  for (int r = 0; r < runs; r++)
    {
      /* The app writes the key back as it opens the programme: set it
       * again for every run. */
      if (!g_file_set_contents (keyfile, keyfile_text, -1, &error))
        g_error ("%s", error->message);

      bare = MIN (bare, launch (bare_argv, env, &bare_cpu));
      empty = MIN (empty, launch (empty_argv, env, &empty_cpu));
      app = MIN (app, launch (app_argv, env, &app_cpu));
      restore = MIN (restore, launch (app_argv, restore_env, &restore_cpu));
    }

  printf ("bare_startup_ms %.1f\n"
          "startup_empty_ms %.1f\n"
          "startup_ms %.1f\n"
          "startup_restore_ms %.1f\n"
          "bare_startup_cpu_ms %.1f\n"
          "startup_empty_cpu_ms %.1f\n"
          "startup_cpu_ms %.1f\n"
          "startup_restore_cpu_ms %.1f\n",
          bare, empty, app, restore,
          bare_cpu, empty_cpu, app_cpu, restore_cpu);

  {
    g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", tmp);

    if (system (cmd) != 0)
      g_warning ("Cannot remove %s", tmp);
  }

  return 0;
}

/* This thread's CPU time: steadier than the wall clock on a busy machine. */
static double
thread_cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_THREAD, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static double
time_section (PwProgrammeView *view,
              const char      *section)
{
  gint64 start = g_get_monotonic_time ();
  gint64 built;
  double cpu0 = thread_cpu_ms (), cpu1;

  pw_programme_view_show_section (view, section);
  built = g_get_monotonic_time ();
  cpu1 = thread_cpu_ms ();
  wait_for_frame (GTK_WIDGET (view));
  /* Where the time goes: building the page, then its first frame. */
  printf ("# %s: built in %.1f ms, painted %.1f ms later; CPU %.1f + %.1f ms\n", section,
           (built - start) / 1000.0, (g_get_monotonic_time () - built) / 1000.0,
           cpu1 - cpu0, thread_cpu_ms () - cpu1);
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

  {
    gint64 t0 = g_get_monotonic_time ();

    wait_for_frame (GTK_WIDGET (window));
    printf ("# a frame with nothing new: %.1f ms\n", (g_get_monotonic_time () - t0) / 1000.0);
  }
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
  if (argc >= 5 && g_str_equal (argv[1], "startup"))
    return run_startup (MAX (1, atoi (argv[2])), argv[3], g_ascii_strtoll (argv[4], NULL, 10));

  if (argc >= 4 && g_str_equal (argv[1], "sections"))
    return run_sections (argv[2], g_ascii_strtoll (argv[3], NULL, 10));

  if (argc >= 2 && g_str_equal (argv[1], "bare-rss"))
    return run_bare_rss ();

  fprintf (stderr, "usage: bench-gui startup RUNS DB ID | sections DB ID | bare-rss\n");
  return 2;
}
