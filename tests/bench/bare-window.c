/* bare-window.c — the floor for start-up: a bare libadwaita application
 * with one window, launched by bench-gui exactly as it launches pairwise
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * It does what any GNOME app must before its first frame (GTK and
 * libadwaita start, the application registers, a window with a header bar
 * and a status page is shown) and nothing more. On the window's first
 * frame it prints "first_frame_us N", CLOCK_MONOTONIC in microseconds like
 * pairwise with PAIRWISE_BENCH_FIRST_FRAME=1, and quits.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-bench-bare"

#include <stdio.h>
#include <sys/resource.h>

#include <adwaita.h>

static void
first_frame_cb (GdkFrameClock *clock,
                GApplication  *app)
{
  struct rusage usage;

  g_signal_handlers_disconnect_by_func (clock, first_frame_cb, app);
  getrusage (RUSAGE_SELF, &usage);
  printf ("first_frame_us %" G_GINT64_FORMAT "\nfirst_frame_cpu_ms %.1f\n",
          g_get_monotonic_time (),
          (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
          (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0);
  fflush (stdout);
  g_application_quit (app);
}

static void
window_realized_cb (GtkWidget    *window,
                    GApplication *app)
{
  g_signal_handlers_disconnect_by_func (window, window_realized_cb, app);
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (first_frame_cb), app);
}

static void
activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_status_page_new ();

  adw_status_page_set_title (ADW_STATUS_PAGE (page), "Bare");
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (page), "system-users-symbolic");
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), page);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);

  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  g_signal_connect (window, "realize", G_CALLBACK (window_realized_cb), app);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = NULL;

  app = adw_application_new ("io.github.pairwise.BenchBare", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "activate", G_CALLBACK (activate_cb), NULL);

  return g_application_run (G_APPLICATION (app), argc, argv);
}
