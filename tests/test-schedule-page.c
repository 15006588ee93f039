/* test-schedule-page.c — the Schedule section: moving a meeting through
 * the editor, the pair filter, the log, attention and reminders
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "test-schedule-page"

#include <adwaita.h>

#include "gui-helpers.h"
#include "pw-closure-days-dialog.h"
#include "pw-match.h"
#include "pw-meeting-editor.h"
#include "pw-programme-repo.h"
#include "pw-sample.h"
#include "pw-schedule-page.h"
#include "pw-schedule.h"
#include "pw-store.h"
#include "pw-workspace-window.h"

typedef struct
{
  char      *dir;
  PwStore   *store;
  gint64     id;
  gint64     pairs[2];    /* two approved pairs */
  GtkWindow *window;
  GtkWidget *page;
} Fixture;

/* Helpers */

static PwMeeting *
first_of_kind (Fixture       *fixture,
               gint64         pair_id,
               PwMeetingKind  kind)
{
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;

  list = pw_schedule_list (fixture->store, fixture->id, pair_id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PwMeeting) m = g_list_model_get_item (list, i);

      if (pw_meeting_get_kind (m) == kind && pw_meeting_get_pair_id (m) == pair_id)
        return g_steal_pointer (&m);
    }

  return NULL;
}

static PwPairProgress *
progress_of (PwSchedulePage *page,
             gint64          pair_id)
{
  GListModel *progress = pw_schedule_page_get_progress (page);

  for (guint i = 0; i < g_list_model_get_n_items (progress); i++)
    {
      g_autoptr(PwPairProgress) p = g_list_model_get_item (progress, i);

      if (pw_pair_progress_get_pair_id (p) == pair_id)
        return g_steal_pointer (&p);
    }

  return NULL;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(GError) error = NULL;

  if (data == NULL)
    {
      g_autoptr(PwMatchRun) run = NULL;
      g_autoptr(GPtrArray) pairs = NULL;

      fixture->store = gui_test_temp_store (&fixture->dir, &fixture->id);

      /* Match the sample and approve two pairs: approval plans their year. */
      run = pw_match_prepare (fixture->store, fixture->id, &error);
      g_assert_no_error (error);
      g_assert_true (pw_match_solve (run, FALSE, 0, NULL, &error));
      g_assert_no_error (error);
      g_assert_true (pw_match_save_proposals (run, &error));
      g_assert_no_error (error);

      pairs = pw_pairs_list (fixture->store, fixture->id, FALSE, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (pairs->len, >=, 2);
      for (guint i = 0; i < 2; i++)
        {
          fixture->pairs[i] = ((PwPair *) pairs->pdata[i])->id;
          g_assert_true (pw_pair_approve (fixture->store, fixture->pairs[i], &error));
          g_assert_no_error (error);
        }

      programme = pw_programme_repo_get (fixture->store, fixture->id, &error);
      g_assert_no_error (error);
    }
  else
    {
      fixture->store = gui_test_temp_store (&fixture->dir, NULL);
      programme = gui_test_add_programme (fixture->store, "Nobody Yet");
      fixture->id = pw_programme_get_id (programme);
    }

  fixture->page = pw_schedule_page_new (fixture->store, programme);
  fixture->window = gui_test_show_in_window (fixture->page, 1000, 700);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gui_test_destroy_window (fixture->window);
  gui_test_temp_store_free (fixture->store, fixture->dir);
}

/* Tests */

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  GtkStack *stack = GTK_STACK (gui_test_find_widget (fixture->page, GTK_TYPE_STACK, NULL));

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (pw_schedule_page_get_meetings (PW_SCHEDULE_PAGE (fixture->page))), ==, 0);
}

static void
test_move_meeting (Fixture       *fixture,
                   gconstpointer  data)
{
  PwSchedulePage *page = PW_SCHEDULE_PAGE (fixture->page);
  g_autoptr(PwMeeting) meeting = first_of_kind (fixture, fixture->pairs[0], PW_MEETING_FIRST_MEETING);
  g_autoptr(PwMeeting) moved = NULL;
  g_autoptr(PwMeeting) unchanged = NULL;
  g_autoptr(GDateTime) day = g_date_time_new_local (2027, 2, 10, 0, 0, 0);   /* a Wednesday */
  g_autoptr(GDateTime) outside = g_date_time_new_local (2028, 3, 1, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  GtkStack *stack = GTK_STACK (gui_test_find_widget (fixture->page, GTK_TYPE_STACK, NULL));
  PwMeetingEditor *editor;
  GtkCalendar *calendar;
  GtkSpinButton *hour;
  GtkSpinButton *minute;
  gint64 id;
  gboolean found = FALSE;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "content");
  g_assert_nonnull (meeting);
  id = pw_meeting_get_id (meeting);

  editor = pw_schedule_page_edit_meeting (page, id);
  g_assert_nonnull (editor);
  gui_test_iterate ();

  calendar = GTK_CALENDAR (gui_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_CALENDAR, NULL));
  hour = GTK_SPIN_BUTTON (gui_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_SPIN_BUTTON, "hour_spin"));
  minute = GTK_SPIN_BUTTON (gui_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_SPIN_BUTTON, "minute_spin"));
  g_assert_nonnull (calendar);
  g_assert_nonnull (hour);
  g_assert_nonnull (minute);

  gtk_calendar_select_day (calendar, day);
  gtk_spin_button_set_value (hour, 14);
  gtk_spin_button_set_value (minute, 30);
  gui_test_iterate ();
  g_assert_null (pw_meeting_editor_get_warning (editor));

  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  gui_test_iterate ();

  /* The store has the new start. */
  list = pw_schedule_list (fixture->store, fixture->id, fixture->pairs[0], &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PwMeeting) m = g_list_model_get_item (list, i);

      if (pw_meeting_get_id (m) != id)
        continue;
      found = TRUE;
      g_assert_cmpint (g_date_time_get_year (pw_meeting_get_start (m)), ==, 2027);
      g_assert_cmpint (g_date_time_get_month (pw_meeting_get_start (m)), ==, 2);
      g_assert_cmpint (g_date_time_get_day_of_month (pw_meeting_get_start (m)), ==, 10);
      g_assert_cmpint (g_date_time_get_hour (pw_meeting_get_start (m)), ==, 14);
      g_assert_cmpint (g_date_time_get_minute (pw_meeting_get_start (m)), ==, 30);
    }
  g_assert_true (found);

  /* The page followed the store. */
  moved = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (pw_schedule_page_get_meetings (page)); i++)
    {
      g_autoptr(PwMeeting) m = g_list_model_get_item (pw_schedule_page_get_meetings (page), i);

      if (pw_meeting_get_id (m) == id)
        moved = g_steal_pointer (&m);
    }
  g_assert_nonnull (moved);
  g_assert_cmpint (g_date_time_get_hour (pw_meeting_get_start (moved)), ==, 14);

  /* Outside the programme's dates: the warning shows before saving, and
   * nothing is written by showing it. */
  editor = pw_schedule_page_edit_meeting (page, id);
  gui_test_iterate ();
  calendar = GTK_CALENDAR (gui_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_CALENDAR, NULL));
  gtk_calendar_select_day (calendar, outside);
  gui_test_iterate ();
  g_assert_nonnull (pw_meeting_editor_get_warning (editor));
  g_assert_nonnull (strstr (pw_meeting_editor_get_warning (editor), "outside the program"));
  g_assert_true (gtk_widget_get_visible (gui_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_PREFERENCES_GROUP, "warning_group")));

  unchanged = pw_schedule_get (fixture->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_get_year (pw_meeting_get_start (unchanged)), ==, 2027);

  /* Saved anyway: it is allowed, with the warning seen. */
  g_assert_true (pw_meeting_editor_save (editor));
  gtk_window_destroy (GTK_WINDOW (editor));
  gui_test_iterate ();
  g_clear_object (&unchanged);
  unchanged = pw_schedule_get (fixture->store, id, &error);
  g_assert_cmpint (g_date_time_get_year (pw_meeting_get_start (unchanged)), ==, 2028);
}

static void
test_pair_filter (Fixture       *fixture,
                  gconstpointer  data)
{
  PwSchedulePage *page = PW_SCHEDULE_PAGE (fixture->page);
  GListModel *meetings = pw_schedule_page_get_meetings (page);
  GtkDropDown *dropdown = GTK_DROP_DOWN (gui_test_find_widget (fixture->page, GTK_TYPE_DROP_DOWN, NULL));
  guint all = g_list_model_get_n_items (meetings);
  guint one;
  guint sessions = 0;

  g_assert_nonnull (dropdown);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (dropdown)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (pw_schedule_page_get_progress (page)), ==, 2);

  gtk_drop_down_set_selected (dropdown, 2);
  gui_test_iterate ();
  g_assert_cmpint (pw_schedule_page_get_pair (page), ==, fixture->pairs[1]);

  one = g_list_model_get_n_items (meetings);
  g_assert_cmpuint (one, >, 0);
  g_assert_cmpuint (one, <, all);
  for (guint i = 0; i < one; i++)
    {
      g_autoptr(PwMeeting) m = g_list_model_get_item (meetings, i);

      /* The pair's own meetings, and the programme's sessions. */
      if (pw_meeting_get_pair_id (m) == 0)
        sessions++;
      else
        g_assert_cmpint (pw_meeting_get_pair_id (m), ==, fixture->pairs[1]);
    }
  g_assert_cmpuint (sessions, >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (pw_schedule_page_get_progress (page)), ==, 1);

  gtk_drop_down_set_selected (dropdown, 0);
  gui_test_iterate ();
  g_assert_cmpint (pw_schedule_page_get_pair (page), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, all);
}

static void
test_agenda_weeks (Fixture       *fixture,
                   gconstpointer  data)
{
  PwSchedulePage *page = PW_SCHEDULE_PAGE (fixture->page);
  g_autoptr(PwMeeting) first = first_of_kind (fixture, fixture->pairs[0], PW_MEETING_FIRST_MEETING);
  g_autofree char *day = g_date_time_format (pw_meeting_get_start (first), "%Y-%m-%d");
  GListModel *agenda = pw_schedule_page_get_agenda (page);
  g_autoptr(GObject) head = NULL;
  gboolean seen = FALSE;

  pw_schedule_page_show_date (page, day);
  head = g_list_model_get_item (agenda, 0);
  g_assert_true (GTK_IS_STRING_OBJECT (head));

  /* The week begins on a Monday on or before the meeting. */
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (head)), <=, day);
  for (guint i = 1; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (agenda, i);

      if (PW_IS_MEETING (item) && pw_meeting_get_id (PW_MEETING (item)) == pw_meeting_get_id (first))
        seen = TRUE;
    }
  g_assert_true (seen);

  /* Next week: the first meeting is behind. */
  gtk_widget_activate_action (fixture->page, "schedule.next", NULL);
  g_clear_object (&head);
  head = g_list_model_get_item (agenda, 0);
  g_assert_cmpstr (gtk_string_object_get_string (GTK_STRING_OBJECT (head)), >, day);
}

static void
test_log_held (Fixture       *fixture,
               gconstpointer  data)
{
  PwSchedulePage *page = PW_SCHEDULE_PAGE (fixture->page);
  g_autoptr(PwMeeting) meeting = first_of_kind (fixture, fixture->pairs[0], PW_MEETING_FIRST_MEETING);
  g_autoptr(PwPairProgress) before = progress_of (page, fixture->pairs[0]);
  g_autoptr(PwPairProgress) after = NULL;
  g_autoptr(PwPairProgress) cancelled = NULL;

  g_assert_nonnull (before);
  g_assert_cmpuint (pw_pair_progress_get_held (before), ==, 0);
  g_assert_cmpuint (pw_pair_progress_get_significant (before), ==, 0);

  gtk_widget_activate_action (fixture->page, "schedule.log-held", "x", pw_meeting_get_id (meeting));
  gui_test_iterate ();

  after = progress_of (page, fixture->pairs[0]);
  g_assert_cmpuint (pw_pair_progress_get_held (after), ==, 1);
  g_assert_cmpuint (pw_pair_progress_get_significant (after), ==, 1);
  g_assert_cmpuint (pw_pair_progress_get_planned (after), ==, pw_pair_progress_get_planned (before));

  /* Cancelling takes it out of the plan. */
  gtk_widget_activate_action (fixture->page, "schedule.cancel", "x", pw_meeting_get_id (meeting));
  gui_test_iterate ();
  cancelled = progress_of (page, fixture->pairs[0]);
  g_assert_cmpuint (pw_pair_progress_get_held (cancelled), ==, 0);
  g_assert_cmpuint (pw_pair_progress_get_planned (cancelled), ==, pw_pair_progress_get_planned (before) - 1);
}

static void
test_attention (Fixture       *fixture,
                gconstpointer  data)
{
  PwSchedulePage *page = PW_SCHEDULE_PAGE (fixture->page);
  g_autoptr(PwMeeting) contact = first_of_kind (fixture, fixture->pairs[0], PW_MEETING_FIRST_CONTACT);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(PwPairProgress) progress = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  GtkRevealer *revealer = GTK_REVEALER (gui_test_find_widget (fixture->page, GTK_TYPE_REVEALER, NULL));
  PwReminders *reminders = pw_schedule_page_get_reminders (page);

  g_assert_nonnull (contact);
  g_assert_false (gtk_revealer_get_reveal_child (revealer));

  /* A week after the first contact was due, and nothing logged. */
  now = g_date_time_add_days (pw_meeting_get_start (contact), 7);
  pw_schedule_page_set_now (page, now);
  gui_test_iterate ();

  g_assert_cmpuint (pw_schedule_page_get_n_attention (page), ==, 2);
  g_assert_true (gtk_revealer_get_reveal_child (revealer));
  progress = progress_of (page, fixture->pairs[0]);
  g_assert_true (pw_pair_progress_get_attention (progress) & PW_ATTENTION_FIRST_CONTACT_MISSED);
  g_assert_nonnull (pw_pair_progress_get_reasons (progress)[0]);

  /* Reminders, once each. */
  g_assert_cmpuint (pw_reminders_check (reminders), ==, 2);
  id = g_strdup_printf ("pw-first-contact-%" G_GINT64_FORMAT, fixture->pairs[0]);
  g_assert_true (pw_reminders_was_sent (reminders, id));
  g_assert_cmpuint (pw_reminders_check (reminders), ==, 0);

  /* Logging the first contact clears it. */
  g_assert_true (pw_schedule_log (fixture->store, pw_meeting_get_id (contact), PW_MEETING_HELD, 15, &error));
  g_assert_no_error (error);
  gui_test_iterate ();
  g_clear_object (&progress);
  progress = progress_of (page, fixture->pairs[0]);
  for (const char * const *r = pw_pair_progress_get_reasons (progress); r && *r; r++)
    g_test_message ("still: %s", *r);
  g_assert_false (pw_pair_progress_get_attention (progress) & PW_ATTENTION_FIRST_CONTACT_MISSED);
  g_clear_object (&progress);
  progress = progress_of (page, fixture->pairs[1]);
  g_assert_true (pw_pair_progress_get_attention (progress) & PW_ATTENTION_FIRST_CONTACT_MISSED);
}

static void
test_reminder_soon (Fixture       *fixture,
                    gconstpointer  data)
{
  PwSchedulePage *page = PW_SCHEDULE_PAGE (fixture->page);
  g_autoptr(PwMeeting) meeting = first_of_kind (fixture, fixture->pairs[1], PW_MEETING_FIRST_MEETING);
  PwReminders *reminders = pw_schedule_page_get_reminders (page);
  g_autoptr(GDateTime) early = g_date_time_add_minutes (pw_meeting_get_start (meeting), -60);
  g_autoptr(GDateTime) soon = g_date_time_add_minutes (pw_meeting_get_start (meeting), -10);
  g_autofree char *id = g_strdup_printf ("pw-meeting-%" G_GINT64_FORMAT "-%" G_GINT64_FORMAT,
                                         pw_meeting_get_id (meeting),
                                         g_date_time_to_unix (pw_meeting_get_start (meeting)));

  pw_reminders_set_now (reminders, early);
  pw_reminders_check (reminders);
  g_assert_false (pw_reminders_was_sent (reminders, id));

  pw_reminders_set_now (reminders, soon);
  g_assert_cmpuint (pw_reminders_check (reminders), >=, 1);
  g_assert_true (pw_reminders_was_sent (reminders, id));
}

static gboolean
has_closure (Fixture    *fixture,
             const char *day)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) days = pw_schedule_closures_get (fixture->store, fixture->id, &error);

  g_assert_no_error (error);
  return g_strv_contains ((const char * const *) days, day);
}

static void
test_closure_days (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GDateTime) christmas = g_date_time_new_local (2026, 12, 25, 0, 0, 0);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  GtkWidget *dialog;
  GtkWidget *row;

  g_signal_emit_by_name (gui_test_find_widget (fixture->page, GTK_TYPE_BUTTON, "closures_button"), "clicked");
  gui_test_iterate ();
  dialog = GTK_WIDGET (gui_test_find_toplevel (PW_TYPE_CLOSURE_DAYS_DIALOG));
  g_assert_nonnull (dialog);

  gtk_calendar_select_day (GTK_CALENDAR (gui_test_find_widget (dialog, GTK_TYPE_CALENDAR, NULL)), christmas);
  gtk_editable_set_text (GTK_EDITABLE (gui_test_find_widget (dialog, ADW_TYPE_ENTRY_ROW, NULL)), "Christmas Day");
  g_signal_emit_by_name (gui_test_find_widget (dialog, GTK_TYPE_BUTTON, "Add the Closure Day"), "clicked");
  gui_test_iterate ();

  g_assert_true (has_closure (fixture, "2026-12-25"));
  label = pw_schedule_closure_get_label (fixture->store, fixture->id, "2026-12-25", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (label, ==, "Christmas Day");
  row = gui_test_find_widget (dialog, ADW_TYPE_ACTION_ROW, "December 25, 2026");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==, "Christmas Day");

  g_signal_emit_by_name (gui_test_find_widget (dialog, GTK_TYPE_BUTTON, "Remove Closure Day"), "clicked");
  gui_test_iterate ();
  g_assert_false (has_closure (fixture, "2026-12-25"));
  g_assert_null (gui_test_find_widget (dialog, GTK_TYPE_BUTTON, "Remove Closure Day"));

  gui_test_destroy_window (GTK_WINDOW (dialog));
}

static void
test_open_workspace (Fixture       *fixture,
                     gconstpointer  data)
{
  PwSchedulePage *page = PW_SCHEDULE_PAGE (fixture->page);
  g_autoptr(PwMeeting) meeting = first_of_kind (fixture, fixture->pairs[0], PW_MEETING_FIRST_MEETING);
  AdwViewStack *views = ADW_VIEW_STACK (gui_test_find_widget (fixture->page, ADW_TYPE_VIEW_STACK, NULL));
  GtkWidget *button;
  GtkWindow *workspace;

  g_assert_null (gui_test_find_toplevel (PW_TYPE_WORKSPACE_WINDOW));

  /* The pair's meetings offer it in their menu… */
  pw_schedule_page_set_pair (page, fixture->pairs[0]);
  gui_test_iterate ();
  g_assert_nonnull (meeting);
  g_assert_true (gtk_widget_activate_action (fixture->page, "schedule.open-workspace", "x",
                                             pw_meeting_get_pair_id (meeting)));
  gui_test_iterate ();
  workspace = gui_test_find_toplevel (PW_TYPE_WORKSPACE_WINDOW);
  g_assert_nonnull (workspace);
  g_assert_cmpint (pw_workspace_window_get_pair_id (PW_WORKSPACE_WINDOW (workspace)), ==, fixture->pairs[0]);
  gui_test_destroy_window (workspace);

  /* …and each progress row has a button for it. */
  adw_view_stack_set_visible_child_name (views, "progress");
  gui_test_iterate ();
  button = gui_test_find_action_button (fixture->page, "schedule.open-workspace");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  gui_test_iterate ();
  workspace = gui_test_find_toplevel (PW_TYPE_WORKSPACE_WINDOW);
  g_assert_nonnull (workspace);
  g_assert_cmpint (pw_workspace_window_get_pair_id (PW_WORKSPACE_WINDOW (workspace)), ==, fixture->pairs[0]);
  gui_test_destroy_window (workspace);
}

int
main (int   argc,
      char *argv[])
{
  /* Accessibility and animations as GTK has them by default. */
  gui_test_init_full (&argc, &argv, GUI_TEST_INIT_NONE);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("/schedule-page/empty", test_empty, "empty");
  ADD ("/schedule-page/move-meeting", test_move_meeting, NULL);
  ADD ("/schedule-page/pair-filter", test_pair_filter, NULL);
  ADD ("/schedule-page/agenda-weeks", test_agenda_weeks, NULL);
  ADD ("/schedule-page/log-held", test_log_held, NULL);
  ADD ("/schedule-page/attention", test_attention, NULL);
  ADD ("/schedule-page/reminder-soon", test_reminder_soon, NULL);
  ADD ("/schedule-page/closure-days", test_closure_days, NULL);
  ADD ("/schedule-page/open-workspace", test_open_workspace, NULL);

#undef ADD

  return g_test_run ();
}
