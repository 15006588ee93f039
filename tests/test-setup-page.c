/* test-setup-page.c — the Setup section writes every change as it happens
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "test-setup-page"

#include <adwaita.h>

#include "gui-helpers.h"
#include "pw-programme-repo.h"
#include "pw-setup-page.h"
#include "pw-store.h"

typedef struct
{
  char    *dir;
  PwStore *store;
  gint64   id;
} Fixture;

/* Helpers */

static GtkWidget *
row_widget (GtkWidget  *page,
            const char *row_title,
            GType       type)
{
  GtkWidget *row = gui_test_find_widget (page, ADW_TYPE_PREFERENCES_ROW, row_title);
  GtkWidget *widget;

  g_assert_nonnull (row);
  widget = gui_test_find_widget (row, type, NULL);
  g_assert_nonnull (widget);

  return widget;
}

/* The calendar of the date row titled @row_title, which the page builds
 * when its popover first opens: opened, showing the stored date. */
static GtkCalendar *
open_calendar (GtkWidget  *page,
               const char *row_title)
{
  GtkWidget *row = gui_test_find_widget (page, ADW_TYPE_ACTION_ROW, row_title);
  GtkWidget *button;
  GtkWidget *calendar;

  g_assert_nonnull (row);
  g_assert_null (gui_test_find_widget (row, GTK_TYPE_CALENDAR, NULL));
  button = gui_test_find_widget (row, GTK_TYPE_MENU_BUTTON, NULL);
  g_assert_nonnull (button);
  /* Scrolled into view first, as a click would find it: a popover cannot
   * point at a button off the screen. */
  gtk_widget_grab_focus (button);
  g_assert_true (gui_test_wait_for_frame (page));
  gtk_menu_button_popup (GTK_MENU_BUTTON (button));
  gui_test_iterate ();

  calendar = gui_test_find_widget (row, GTK_TYPE_CALENDAR, NULL);
  g_assert_nonnull (calendar);
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_ancestor (calendar, GTK_TYPE_POPOVER)));

  return GTK_CALENDAR (calendar);
}

/* Closes the calendar's popover, as Escape would, before its window goes:
 * a popover left open over a destroyed window is not what a user does. */
static void
close_calendar (GtkCalendar *calendar)
{
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER)));
  gui_test_iterate ();
}

static GtkWidget *
open_page (Fixture    *fixture,
           GtkWindow **window)
{
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *page;

  programme = pw_programme_repo_get (fixture->store, fixture->id, &error);
  g_assert_no_error (error);

  page = pw_setup_page_new (fixture->store, programme);
  *window = gui_test_show_in_window (page, 800, 600);
  /* The whole form, not only its first frame's. */
  g_assert_true (gui_test_wait_for_frame (page));

  return page;
}

static PwProgramme *
stored (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  PwProgramme *programme;

  programme = pw_programme_repo_get (fixture->store, fixture->id, &error);
  g_assert_no_error (error);

  return programme;
}

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;

  fixture->store = gui_test_temp_store (&fixture->dir, NULL);
  programme = pw_programme_new ("Original");
  pw_programme_set_start_date (programme, "2026-09-01");
  pw_programme_set_end_date (programme, "2027-09-01");
  pw_programme_repo_insert (fixture->store, programme, &error);
  g_assert_no_error (error);
  fixture->id = pw_programme_get_id (programme);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gui_test_temp_store_free (fixture->store, fixture->dir);
}

/* Tests */

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(GPtrArray) goal_rows = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *text = NULL;
  const char * const *goals;
  GtkWindow *window;
  GtkWidget *page;
  GtkWidget *goal;

  page = open_page (fixture, &window);

  gtk_editable_set_text (GTK_EDITABLE (gui_test_find_widget (page, ADW_TYPE_ENTRY_ROW, "Name")), "Thinking Partners 2026");
  gtk_editable_set_text (GTK_EDITABLE (gui_test_find_widget (page, ADW_TYPE_ENTRY_ROW, "Target audience")), "Heads of service");
  adw_combo_row_set_selected (ADW_COMBO_ROW (gui_test_find_widget (page, ADW_TYPE_COMBO_ROW, "Kind")), PW_PROGRAMME_KIND_PEER);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (row_widget (page, "Meetings a month", GTK_TYPE_SPIN_BUTTON)), 2);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (row_widget (page, "Meeting length", GTK_TYPE_SPIN_BUTTON)), 60);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (row_widget (page, "First contact within", GTK_TYPE_SPIN_BUTTON)), 10);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (row_widget (page, "Encourage innovation", GTK_TYPE_CHECK_BUTTON)), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (row_widget (page, "A future goal", GTK_TYPE_CHECK_BUTTON)), TRUE);
  gtk_switch_set_active (GTK_SWITCH (row_widget (page, "Email", GTK_TYPE_SWITCH)), FALSE);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (gui_test_find_widget (page, GTK_TYPE_TEXT_VIEW, NULL))),
                            "We meet as equals.", -1);

  end = g_date_time_new_local (2027, 8, 31, 0, 0, 0);
  {
    GtkCalendar *calendar = open_calendar (page, "End date");

    gtk_calendar_select_day (calendar, end);
    close_calendar (calendar);
  }

  /* Two new goals: one written, one left empty and so dropped. */
  gtk_widget_activate_action (page, "setup.add-goal", NULL);
  gtk_widget_activate_action (page, "setup.add-goal", NULL);
  goal_rows = gui_test_find_all (page, ADW_TYPE_ENTRY_ROW, "Goal");
  g_assert_cmpuint (goal_rows->len, ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (goal_rows->pdata[0]), "Every head of service learns the new portal");
  gui_test_iterate ();

  gui_test_destroy_window (window);

  /* The store has it all. */
  programme = stored (fixture);
  g_assert_cmpstr (pw_programme_get_name (programme), ==, "Thinking Partners 2026");
  g_assert_cmpstr (pw_programme_get_target_audience (programme), ==, "Heads of service");
  g_assert_cmpint (pw_programme_get_kind (programme), ==, PW_PROGRAMME_KIND_PEER);
  g_assert_cmpint (pw_programme_get_meetings_per_month (programme), ==, 2);
  g_assert_cmpint (pw_programme_get_meeting_minutes (programme), ==, 60);
  g_assert_cmpint (pw_programme_get_first_contact_days (programme), ==, 10);
  g_assert_true (pw_programme_get_purposes (programme) & PW_PURPOSE_INNOVATION);
  g_assert_true (pw_programme_get_scope (programme) & PW_SCOPE_FUTURE_GOAL);
  g_assert_cmpint (pw_programme_get_contact_forms (programme), ==, PW_CONTACT_ALL & ~PW_CONTACT_EMAIL);
  g_assert_cmpstr (pw_programme_get_code_of_conduct (programme), ==, "We meet as equals.");
  g_assert_cmpstr (pw_programme_get_start_date (programme), ==, "2026-09-01");
  g_assert_cmpstr (pw_programme_get_end_date (programme), ==, "2027-08-31");
  goals = pw_programme_get_goals (programme);
  g_assert_cmpuint (g_strv_length ((char **) goals), ==, 1);
  g_assert_cmpstr (goals[0], ==, "Every head of service learns the new portal");

  /* A fresh page shows it all again. */
  page = open_page (fixture, &window);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gui_test_find_widget (page, ADW_TYPE_ENTRY_ROW, "Name"))), ==, "Thinking Partners 2026");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (gui_test_find_widget (page, ADW_TYPE_COMBO_ROW, "Kind"))), ==, PW_PROGRAMME_KIND_PEER);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (row_widget (page, "Meeting length", GTK_TYPE_SPIN_BUTTON))), ==, 60);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (row_widget (page, "Encourage innovation", GTK_TYPE_CHECK_BUTTON))));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (row_widget (page, "Improve retention", GTK_TYPE_CHECK_BUTTON))));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (row_widget (page, "Email", GTK_TYPE_SWITCH))));
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (row_widget (page, "Phone", GTK_TYPE_SWITCH))));
  text = buffer_text (GTK_TEXT_VIEW (gui_test_find_widget (page, GTK_TYPE_TEXT_VIEW, NULL)));
  g_assert_cmpstr (text, ==, "We meet as equals.");
  g_ptr_array_unref (goal_rows);
  goal_rows = gui_test_find_all (page, ADW_TYPE_ENTRY_ROW, "Goal");
  g_assert_cmpuint (goal_rows->len, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (goal_rows->pdata[0])), ==, "Every head of service learns the new portal");

  /* Removing the goal removes it from the store. */
  goal = gui_test_find_widget (GTK_WIDGET (goal_rows->pdata[0]), GTK_TYPE_BUTTON, "Remove Goal");
  g_assert_nonnull (goal);
  g_signal_emit_by_name (goal, "clicked");
  gui_test_iterate ();
  gui_test_destroy_window (window);

  g_clear_object (&programme);
  programme = stored (fixture);
  g_assert_cmpuint (g_strv_length ((char **) pw_programme_get_goals (programme)), ==, 0);
}

/* The first frame shows the top of the form; the rest comes with the next,
 * and works as ever. */
static void
test_folded_until_frame (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(PwProgramme) saved = NULL;
  GtkWindow *window;
  GtkWidget *page;
  GtkWidget *meetings;

  programme = stored (fixture);
  page = pw_setup_page_new (fixture->store, programme);
  g_assert_true (gtk_widget_is_visible (gui_test_find_widget (page, ADW_TYPE_ENTRY_ROW, "Name")));
  g_assert_true (gtk_widget_is_visible (row_widget (page, "Encourage innovation", GTK_TYPE_CHECK_BUTTON)));
  meetings = row_widget (page, "Meetings a month", GTK_TYPE_SPIN_BUTTON);
  g_assert_false (gtk_widget_is_visible (meetings));
  g_assert_false (gtk_widget_is_visible (row_widget (page, "Email", GTK_TYPE_SWITCH)));

  window = gui_test_show_in_window (page, 800, 600);
  g_assert_true (gui_test_wait_for_frame (page));
  g_assert_true (gtk_widget_is_visible (meetings));
  g_assert_true (gtk_widget_is_visible (row_widget (page, "Email", GTK_TYPE_SWITCH)));
  g_assert_true (gtk_widget_is_visible (gui_test_find_widget (page, GTK_TYPE_TEXT_VIEW, NULL)));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (meetings), 3);
  gui_test_iterate ();
  gui_test_destroy_window (window);

  saved = stored (fixture);
  g_assert_cmpint (pw_programme_get_meetings_per_month (saved), ==, 3);
}

static void
test_empty_name (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(PwProgramme) programme = NULL;
  GtkWindow *window;
  GtkWidget *page;
  GtkWidget *name_row;

  page = open_page (fixture, &window);
  name_row = gui_test_find_widget (page, ADW_TYPE_ENTRY_ROW, "Name");

  gtk_editable_set_text (GTK_EDITABLE (name_row), "   ");
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (name_row), ==, "Name is empty: every program needs a name.");

  programme = stored (fixture);
  g_assert_cmpstr (pw_programme_get_name (programme), ==, "Original");
  g_clear_object (&programme);

  /* Fixing it clears the error and saves. */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Fixed");
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  g_assert_null (gtk_widget_get_tooltip_text (name_row));
  programme = stored (fixture);
  g_assert_cmpstr (pw_programme_get_name (programme), ==, "Fixed");

  gui_test_destroy_window (window);
}

static void
test_out_of_range (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(PwProgramme) programme = NULL;
  GtkWindow *window;
  GtkWidget *page;
  GtkWidget *minutes_row;
  GtkWidget *meetings_row;

  page = open_page (fixture, &window);
  minutes_row = gui_test_find_widget (page, ADW_TYPE_ACTION_ROW, "Meeting length");
  meetings_row = gui_test_find_widget (page, ADW_TYPE_ACTION_ROW, "Meetings a month");

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gui_test_find_widget (minutes_row, GTK_TYPE_SPIN_BUTTON, NULL)), 300);
  g_assert_true (gtk_widget_has_css_class (minutes_row, "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (minutes_row)), ==,
                   "Meeting length must be between 15 and 240 minutes, not 300.");

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gui_test_find_widget (meetings_row, GTK_TYPE_SPIN_BUTTON, NULL)), 9);
  g_assert_true (gtk_widget_has_css_class (meetings_row, "error"));

  programme = stored (fixture);
  g_assert_cmpint (pw_programme_get_meeting_minutes (programme), ==, 45);
  g_assert_cmpint (pw_programme_get_meetings_per_month (programme), ==, 1);
  g_clear_object (&programme);

  /* Back in range: the error goes, the row's own subtitle comes back. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (gui_test_find_widget (minutes_row, GTK_TYPE_SPIN_BUTTON, NULL)), 90);
  g_assert_false (gtk_widget_has_css_class (minutes_row, "error"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (minutes_row)), ==, "45 minutes is recommended");
  programme = stored (fixture);
  g_assert_cmpint (pw_programme_get_meeting_minutes (programme), ==, 90);

  gui_test_destroy_window (window);
}

static void
test_end_before_start (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(GDateTime) early = g_date_time_new_local (2026, 8, 1, 0, 0, 0);
  GtkWindow *window;
  GtkWidget *page;
  GtkWidget *end_row;

  page = open_page (fixture, &window);
  end_row = gui_test_find_widget (page, ADW_TYPE_ACTION_ROW, "End date");
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (end_row)), ==, "12 months");

  {
    GtkCalendar *calendar = open_calendar (page, "End date");
    g_autoptr(GDateTime) shown = gtk_calendar_get_date (calendar);

    /* It opens on the stored date. */
    g_assert_cmpint (g_date_time_get_year (shown), ==, 2027);
    g_assert_cmpint (g_date_time_get_month (shown), ==, 9);
    g_assert_cmpint (g_date_time_get_day_of_month (shown), ==, 1);
    gtk_calendar_select_day (calendar, early);
    close_calendar (calendar);
  }
  g_assert_true (gtk_widget_has_css_class (end_row, "error"));

  programme = stored (fixture);
  g_assert_cmpstr (pw_programme_get_end_date (programme), ==, "2027-09-01");

  gui_test_destroy_window (window);
}

/* The workshop window edits the same programme object: the page follows. */
static void
test_follows_programme (Fixture       *fixture,
                        gconstpointer  data)
{
  PwProgramme *programme;
  const char * const goals[] = { "Grow the network", NULL };
  g_autoptr(GPtrArray) goal_rows = NULL;
  GtkWindow *window;
  GtkWidget *page;
  GtkWidget *spin;

  page = open_page (fixture, &window);
  programme = pw_setup_page_get_programme (PW_SETUP_PAGE (page));
  spin = gui_test_find_widget (page, GTK_TYPE_SPIN_BUTTON, "minutes_spin");
  g_assert_nonnull (spin);

  pw_programme_set_meeting_minutes (programme, 75);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 75);

  pw_programme_set_name (programme, "Renamed Elsewhere");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (gui_test_find_widget (page, ADW_TYPE_ENTRY_ROW, "name_row"))),
                   ==, "Renamed Elsewhere");

  pw_programme_set_goals (programme, goals);
  goal_rows = gui_test_find_all (page, ADW_TYPE_ENTRY_ROW, "Goal");
  g_assert_cmpuint (goal_rows->len, ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (goal_rows->pdata[0])), ==, "Grow the network");

  /* The page's own edits are not read back while the person types. */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), 80);
  g_assert_cmpint (pw_programme_get_meeting_minutes (programme), ==, 80);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin)), ==, 80);

  gui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  gui_test_init (&argc, &argv);

  g_test_add ("/setup-page/round-trip", Fixture, NULL, fixture_set_up, test_round_trip, fixture_tear_down);
  g_test_add ("/setup-page/folded-until-frame", Fixture, NULL, fixture_set_up, test_folded_until_frame, fixture_tear_down);
  g_test_add ("/setup-page/empty-name", Fixture, NULL, fixture_set_up, test_empty_name, fixture_tear_down);
  g_test_add ("/setup-page/out-of-range", Fixture, NULL, fixture_set_up, test_out_of_range, fixture_tear_down);
  g_test_add ("/setup-page/end-before-start", Fixture, NULL, fixture_set_up, test_end_before_start, fixture_tear_down);
  g_test_add ("/setup-page/follows-programme", Fixture, NULL, fixture_set_up, test_follows_programme, fixture_tear_down);

  return g_test_run ();
}
