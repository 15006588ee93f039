/* test-workshop-window.c — the workshop window: keys, navigation, timer
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "test-workshop-window"

#include <adwaita.h>

#include "gui-helpers.h"
#include "pw-programme-repo.h"
#include "pw-sample.h"
#include "pw-workshop-window.h"

typedef struct
{
  char        *dir;
  PwStore     *store;
  PwProgramme *programme;
  gint64       clock;   /* the test's own monotonic time, microseconds */
} Fixture;

static gint64
fake_clock (gpointer user_data)
{
  Fixture *fixture = user_data;

  return fixture->clock;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 id;

  fixture->store = gui_test_temp_store (&fixture->dir, &id);
  fixture->programme = pw_programme_repo_get (fixture->store, id, &error);
  g_assert_no_error (error);
  fixture->clock = (gint64) 5000 * G_USEC_PER_SEC;
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gui_test_iterate ();
  g_assert_finalize_object (fixture->programme);
  gui_test_temp_store_free (fixture->store, fixture->dir);
}

static PwWorkshopWindow *
open_window (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  PwWorkshopWindow *window;

  window = pw_workshop_window_new (fixture->store, fixture->programme, &error);
  g_assert_no_error (error);
  pw_workshop_window_set_clock (window, fake_clock, fixture);
  gtk_window_present (GTK_WINDOW (window));
  gui_test_iterate ();

  return window;
}

static gboolean
idle (gpointer window)
{
  return !pw_workshop_window_get_busy (window);
}

static void
close_window (PwWorkshopWindow *window)
{
  /* A demonstration still matching holds the window until it is done. */
  g_assert_true (gui_test_wait_until (idle, window, 60000));
  gui_test_destroy_window (GTK_WINDOW (window));
}

static guint
position (PwWorkshopWindow *window)
{
  return pw_workshop_get_position (pw_workshop_window_get_workshop (window));
}

static char *
minutes_text (gint64 seconds)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT ":%02d", seconds / 60, (int) (seconds % 60));
}

typedef struct
{
  PwWorkshopWindow *window;
  const char       *text;
} TimerWait;

static gboolean
timer_shows (gpointer data)
{
  TimerWait *wait = data;

  return g_strcmp0 (pw_workshop_window_get_timer_text (wait->window), wait->text) == 0;
}

/* Waits, in real time, for the ticking timer to show @text. */
static void
assert_timer_shows (PwWorkshopWindow *window,
                    const char       *text)
{
  TimerWait wait = { window, text };

  gui_test_wait_until (timer_shows, &wait, 1000);
  g_assert_cmpstr (pw_workshop_window_get_timer_text (window), ==, text);
}

static void
test_navigation (Fixture       *fixture,
                 gconstpointer  data)
{
  PwWorkshopWindow *window = open_window (fixture);
  guint n = pw_workshop_agenda_get_n_items ();

  g_assert_cmpuint (position (window), ==, 0);

  /* Before the first item there is nothing. */
  g_assert_true (pw_workshop_window_handle_key (window, GDK_KEY_Left, 0));
  g_assert_cmpuint (position (window), ==, 0);

  /* Every forward key moves on, every back key back. */
  g_assert_true (pw_workshop_window_handle_key (window, GDK_KEY_Right, 0));
  g_assert_cmpuint (position (window), ==, 1);
  g_assert_true (pw_workshop_window_handle_key (window, GDK_KEY_Page_Down, 0));
  g_assert_cmpuint (position (window), ==, 2);
  g_assert_true (pw_workshop_window_handle_key (window, GDK_KEY_space, 0));
  g_assert_cmpuint (position (window), ==, 3);
  g_assert_true (pw_workshop_window_handle_key (window, GDK_KEY_Page_Up, 0));
  g_assert_cmpuint (position (window), ==, 2);
  g_assert_true (pw_workshop_window_handle_key (window, GDK_KEY_Left, 0));
  g_assert_cmpuint (position (window), ==, 1);

  /* The window's actions do the same. */
  gtk_widget_activate_action (GTK_WIDGET (window), "workshop.next", NULL);
  gui_test_iterate ();
  g_assert_cmpuint (position (window), ==, 2);
  g_assert_cmpstr (pw_workshop_get_item (pw_workshop_window_get_workshop (window))->id, ==, "scope");

  /* Shortcuts with Control are the application's, not the agenda's. */
  g_assert_false (pw_workshop_window_handle_key (window, GDK_KEY_Right, GDK_CONTROL_MASK));
  g_assert_cmpuint (position (window), ==, 2);

  /* Walk to the end and past it. */
  for (guint i = 0; i < n + 3; i++)
    pw_workshop_window_handle_key (window, GDK_KEY_Right, 0);
  gui_test_iterate ();
  g_assert_cmpuint (position (window), ==, n - 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "workshop.previous", NULL);
  g_assert_cmpuint (position (window), ==, n - 2);
  close_window (window);

  /* Reopened, the workshop resumes where it stopped. */
  window = open_window (fixture);
  g_assert_cmpuint (position (window), ==, n - 2);
  close_window (window);
}

static void
test_typing (Fixture       *fixture,
             gconstpointer  data)
{
  PwWorkshopWindow *window = open_window (fixture);

  gtk_widget_activate_action (GTK_WIDGET (window), "workshop.next", NULL);
  g_assert_cmpuint (position (window), ==, 1);

  /* With the room's notes in focus, Space and the arrows are text. */
  {
    GtkWidget *w = GTK_WIDGET (window);
    GtkWidget *found = NULL;
    GPtrArray *stack = g_ptr_array_new ();

    g_ptr_array_add (stack, w);
    while (stack->len > 0 && found == NULL)
      {
        GtkWidget *top = g_ptr_array_steal_index (stack, stack->len - 1);

        if (GTK_IS_TEXT_VIEW (top) && gtk_widget_has_css_class (top, "workshop-notes"))
          found = top;
        for (GtkWidget *c = gtk_widget_get_first_child (top); c != NULL; c = gtk_widget_get_next_sibling (c))
          g_ptr_array_add (stack, c);
      }
    g_ptr_array_unref (stack);
    g_assert_nonnull (found);
    gtk_widget_grab_focus (found);
  }

  g_assert_false (pw_workshop_window_handle_key (window, GDK_KEY_space, 0));
  g_assert_false (pw_workshop_window_handle_key (window, GDK_KEY_Right, 0));
  g_assert_false (pw_workshop_window_handle_key (window, GDK_KEY_t, 0));
  g_assert_cmpuint (position (window), ==, 1);

  /* Escape gives the keys back to the agenda. */
  g_assert_true (pw_workshop_window_handle_key (window, GDK_KEY_Escape, 0));
  g_assert_true (pw_workshop_window_handle_key (window, GDK_KEY_Right, 0));
  g_assert_cmpuint (position (window), ==, 2);

  close_window (window);
}

static void
test_timer (Fixture       *fixture,
            gconstpointer  data)
{
  PwWorkshopWindow *window = open_window (fixture);
  PwWorkshop *workshop = pw_workshop_window_get_workshop (window);
  gint64 full = (gint64) pw_workshop_get_item (workshop)->minutes * 60;
  g_autofree char *start = minutes_text (full);
  g_autofree char *after = minutes_text (full - 65);
  g_autofree char *second = NULL;

  /* A fresh item shows its full time, standing still. */
  g_assert_cmpstr (pw_workshop_window_get_timer_text (window), ==, start);
  fixture->clock += 30 * G_USEC_PER_SEC;
  gui_test_wait_ms (300);
  g_assert_cmpstr (pw_workshop_window_get_timer_text (window), ==, start);

  /* T starts it; it counts down as the clock moves. */
  g_assert_true (pw_workshop_window_handle_key (window, GDK_KEY_t, 0));
  g_assert_true (pw_workshop_timer_is_running (workshop));
  fixture->clock += 65 * G_USEC_PER_SEC;
  assert_timer_shows (window, after);

  /* S pauses it: time passes, the timer does not. */
  g_assert_true (pw_workshop_window_handle_key (window, GDK_KEY_s, 0));
  g_assert_false (pw_workshop_timer_is_running (workshop));
  fixture->clock += 100 * G_USEC_PER_SEC;
  gui_test_wait_ms (300);
  g_assert_cmpstr (pw_workshop_window_get_timer_text (window), ==, after);

  /* Each item has its own clock; going back finds this one as left. */
  gtk_widget_activate_action (GTK_WIDGET (window), "workshop.next", NULL);
  second = minutes_text ((gint64) pw_workshop_get_item (workshop)->minutes * 60);
  g_assert_cmpstr (pw_workshop_window_get_timer_text (window), ==, second);
  gtk_widget_activate_action (GTK_WIDGET (window), "workshop.previous", NULL);
  g_assert_cmpstr (pw_workshop_window_get_timer_text (window), ==, after);

  /* Overrunning shows how far over. */
  gtk_widget_activate_action (GTK_WIDGET (window), "workshop.toggle-timer", NULL);
  fixture->clock += (full - 65 + 90) * G_USEC_PER_SEC;
  assert_timer_shows (window, "+1:30");

  /* Moving on stops the clock of the item left, at the time it was left;
   * R resets. */
  gtk_widget_activate_action (GTK_WIDGET (window), "workshop.next", NULL);
  g_assert_false (pw_workshop_timer_is_running (workshop));
  fixture->clock += 600 * G_USEC_PER_SEC;
  gtk_widget_activate_action (GTK_WIDGET (window), "workshop.previous", NULL);
  g_assert_cmpstr (pw_workshop_window_get_timer_text (window), ==, "+1:30");
  g_assert_true (pw_workshop_window_handle_key (window, GDK_KEY_r, 0));
  g_assert_cmpstr (pw_workshop_window_get_timer_text (window), ==, start);

  close_window (window);
}

static void
test_demonstration (Fixture       *fixture,
                    gconstpointer  data)
{
  PwWorkshopWindow *window = open_window (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) programmes = NULL;

  pw_workshop_set_position (pw_workshop_window_get_workshop (window),
                            pw_workshop_agenda_find ("demonstration"), &error);
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (window), "workshop.next", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "workshop.previous", NULL);
  g_assert_true (pw_workshop_window_get_busy (window));
  g_assert_true (gui_test_wait_until (idle, window, 60000));

  /* The demonstration ran on a sample of its own. */
  programmes = pw_programme_repo_list (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 1);

  close_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/workshop-window/navigation", Fixture, NULL, fixture_set_up, test_navigation, fixture_tear_down);
  g_test_add ("/workshop-window/typing", Fixture, NULL, fixture_set_up, test_typing, fixture_tear_down);
  g_test_add ("/workshop-window/timer", Fixture, NULL, fixture_set_up, test_timer, fixture_tear_down);
  g_test_add ("/workshop-window/demonstration", Fixture, NULL, fixture_set_up, test_demonstration, fixture_tear_down);

  return g_test_run ();
}
