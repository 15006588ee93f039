/* test-schedule.c — plans, working days, daylight saving, the meeting log,
 * significant discussions and attention
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "pw-match.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-schedule.h"

typedef struct
{
  PwStore *store;
  gint64   programme;
  gint64   mentee;
  gint64   mentor;
} Fixture;

static gint64
add_person (Fixture    *f,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *email = g_strdelimit (g_strdup_printf ("%s@example.org", name), " ", '.');
  g_autoptr(PwPerson) p = pw_person_new (name, email);

  g_assert_true (pw_person_repo_insert (f->store, p, &error));
  g_assert_no_error (error);
  return pw_person_get_id (p);
}

static gint64
make_programme (Fixture    *f,
                const char *start,
                const char *end,
                int         per_month,
                int         minutes,
                int         target)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwProgramme) programme = pw_programme_new ("Thinking Partners");

  pw_programme_set_start_date (programme, start);
  pw_programme_set_end_date (programme, end);
  pw_programme_set_meetings_per_month (programme, per_month);
  pw_programme_set_meeting_minutes (programme, minutes);
  pw_programme_set_min_discussions (programme, target);
  pw_programme_set_discussion_minutes (programme, 30);
  pw_programme_set_first_contact_days (programme, 14);
  g_assert_true (pw_programme_repo_insert (f->store, programme, &error));
  g_assert_no_error (error);
  return pw_programme_get_id (programme);
}

/* A pair approved at noon UTC on @approved, without planning yet. */
static gint64
make_pair (Fixture    *f,
           gint64      programme,
           const char *approved)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *stamp = g_strdup_printf ("%sT12:00:00Z", approved);
  sqlite3_stmt *stmt;

  stmt = pw_store_prepare (f->store,
                           "INSERT INTO pair (programme_id, mentee_id, mentor_id, state, approved) "
                           "VALUES (?, ?, ?, 'approved', ?)",
                           &error);
  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, programme);
  sqlite3_bind_int64 (stmt, 2, f->mentee);
  sqlite3_bind_int64 (stmt, 3, f->mentor);
  sqlite3_bind_text (stmt, 4, stamp, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (pw_store_step (f->store, stmt, &error), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  return pw_store_last_insert_id (f->store);
}

static void
set_zone (Fixture    *f,
          gint64      programme,
          const char *tzid)
{
  g_autoptr(GError) error = NULL;
  g_auto(PwScheduleSettings) settings = { 0 };

  g_assert_true (pw_schedule_settings_load (f->store, programme, &settings, &error));
  g_free (settings.tzid);
  settings.tzid = g_strdup (tzid);
  g_assert_true (pw_schedule_settings_save (f->store, programme, &settings, &error));
  g_assert_no_error (error);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = pw_store_open (":memory:", &error);
  g_assert_no_error (error);
  f->mentee = add_person (f, "Ana Lopez");
  f->mentor = add_person (f, "Sam Green");
  f->programme = make_programme (f, "2024-01-02", "2024-12-31", 1, 45, 12);
  set_zone (f, f->programme, "Europe/London");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_assert_finalize_object (f->store);
}

/* "YYYY-MM-DD HH:MM kind" for each meeting of @pair (sessions included). */
static GStrv
describe (Fixture *f,
          gint64   programme,
          gint64   pair)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = pw_schedule_list (f->store, programme, pair, &error);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PwMeeting) m = g_list_model_get_item (list, i);
      g_autofree char *when = g_date_time_format (pw_meeting_get_start (m), "%Y-%m-%d %H:%M");
      g_autofree char *line = g_strdup_printf ("%s %s", when, pw_meeting_kind_to_nick (pw_meeting_get_kind (m)));

      g_strv_builder_add (b, line);
    }

  return g_strv_builder_end (b);
}

static PwMeeting *
nth_in (Fixture       *f,
        gint64         programme,
        gint64         pair,
        PwMeetingKind  kind,
        guint          n)
{
  g_autoptr(GListModel) list = pw_schedule_list (f->store, programme, pair, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PwMeeting) m = g_list_model_get_item (list, i);

      if (pw_meeting_get_kind (m) == kind && n-- == 0)
        return g_steal_pointer (&m);
    }

  g_assert_not_reached ();
}

static PwMeeting *
nth_of_kind (Fixture       *f,
             gint64         pair,
             PwMeetingKind  kind,
             guint          n)
{
  return nth_in (f, f->programme, pair, kind, n);
}

static GDateTime *
noon (const char *day)
{
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  int y, m, d;

  g_assert_cmpint (sscanf (day, "%d-%d-%d", &y, &m, &d), ==, 3);
  return g_date_time_new (tz, y, m, d, 12, 0, 0);
}

static void
test_month_ends_leap_year_closures (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_auto(GStrv) plan = NULL;
  gint64 pair;
  /* Approved Tuesday 16 January 2024: first contact due 30 January, first
   * meeting on Wednesday 31 January, then the last day of each month —
   * 29 February in the leap year — or the next working day. Easter Monday
   * and New Year's Eve are closure days. */
  static const char * const expected[] = {
    "2024-01-02 10:00 kick-off",
    "2024-01-30 10:00 first-contact",
    "2024-01-31 10:00 first-meeting",
    "2024-02-29 10:00 regular",   /* leap day */
    "2024-04-02 10:00 regular",   /* 31 March is a Sunday, 1 April Easter Monday */
    "2024-04-30 10:00 regular",
    "2024-05-31 10:00 regular",
    "2024-07-01 10:00 regular",   /* 30 June is a Sunday */
    "2024-07-31 10:00 regular",
    "2024-09-02 10:00 regular",   /* 31 August is a Saturday */
    "2024-09-30 10:00 regular",
    "2024-10-31 10:00 regular",
    "2024-12-02 10:00 regular",   /* 30 November is a Saturday */
    "2024-12-30 10:00 closing",   /* 31 December is closed: the working day before */
    "2024-12-30 10:00 regular",
    NULL
  };

  g_assert_true (pw_schedule_closure_add (f->store, f->programme, "2024-04-01", "Easter Monday", &error));
  g_assert_true (pw_schedule_closure_add (f->store, f->programme, "2024-12-31", "New Year's Eve", &error));
  g_assert_no_error (error);

  pair = make_pair (f, f->programme, "2024-01-16");
  g_assert_true (pw_schedule_plan_pair_full (f->store, pair, NULL, PW_SCHEDULE_PLAN_NONE, &warnings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 0);

  plan = describe (f, f->programme, pair);
  g_assert_cmpstrv (plan, expected);

  /* Planning again does not duplicate. */
  g_assert_true (pw_schedule_plan_pair (f->store, pair, &error));
  g_clear_pointer (&plan, g_strfreev);
  plan = describe (f, f->programme, pair);
  g_assert_cmpstrv (plan, expected);
}

static void
test_weekends_and_closures_skipped (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_auto(GStrv) closures = NULL;
  gint64 programme, pair;

  /* Twice a month over a year with a closed Christmas fortnight. */
  programme = make_programme (f, "2025-09-01", "2026-08-31", 2, 60, 12);
  for (int d = 22; d <= 31; d++)
    {
      g_autofree char *day = g_strdup_printf ("2025-12-%02d", d);
      g_assert_true (pw_schedule_closure_add (f->store, programme, day, "Christmas", &error));
    }
  closures = pw_schedule_closures_get (f->store, programme, &error);
  g_assert_cmpuint (g_strv_length (closures), ==, 10);

  pair = make_pair (f, programme, "2025-09-01");
  g_assert_true (pw_schedule_plan_pair (f->store, pair, &error));
  g_assert_no_error (error);

  list = pw_schedule_list (f->store, programme, pair, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), >=, 24);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PwMeeting) m = g_list_model_get_item (list, i);
      g_autofree char *day = g_date_time_format (pw_meeting_get_start (m), "%Y-%m-%d");
      int wd = g_date_time_get_day_of_week (pw_meeting_get_start (m));

      g_assert_cmpint (wd, <=, 5);
      g_assert_false (g_strv_contains ((const char * const *)closures, day));
      g_assert_cmpstr (day, >=, "2025-09-01");
      g_assert_cmpstr (day, <=, "2026-08-31");
    }

  /* Closure days must be dates. */
  g_assert_false (pw_schedule_closure_add (f->store, programme, "2025-13-01", NULL, &error));
  g_assert_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "YYYY-MM-DD"));
}

static void
test_daylight_saving (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  gint64 programme, pair;
  gboolean saw_winter = FALSE, saw_summer = FALSE, saw_autumn = FALSE;

  /* Weekly-ish meetings through both changes of 2027 (28 March, 31 October). */
  programme = make_programme (f, "2027-01-04", "2027-12-17", 4, 45, 12);
  set_zone (f, programme, "Europe/London");
  pair = make_pair (f, programme, "2027-01-04");
  g_assert_true (pw_schedule_plan_pair (f->store, pair, &error));
  g_assert_no_error (error);

  list = pw_schedule_list (f->store, programme, pair, &error);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PwMeeting) m = g_list_model_get_item (list, i);
      GDateTime *start = pw_meeting_get_start (m);
      g_autofree char *day = g_date_time_format (start, "%Y-%m-%d");
      GTimeSpan offset = g_date_time_get_utc_offset (start);

      g_assert_cmpstr (pw_meeting_get_tzid (m), ==, "Europe/London");
      /* Always 10:00 on the wall clock… */
      g_assert_cmpint (g_date_time_get_hour (start), ==, 10);
      g_assert_cmpint (g_date_time_get_minute (start), ==, 0);

      /* …which is 10:00 or 09:00 UTC depending on the season. */
      if (strcmp (day, "2027-03-28") < 0)
        {
          g_assert_cmpint (offset, ==, 0);
          saw_winter = TRUE;
        }
      else if (strcmp (day, "2027-10-31") < 0)
        {
          g_assert_cmpint (offset, ==, G_TIME_SPAN_HOUR);
          saw_summer = TRUE;
        }
      else
        {
          g_assert_cmpint (offset, ==, 0);
          saw_autumn = TRUE;
        }
    }
  g_assert_true (saw_winter && saw_summer && saw_autumn);

  /* Moving a winter meeting into summer keeps 10:00 local. */
  {
    g_autoptr(PwMeeting) m = nth_in (f, programme, pair, PW_MEETING_REGULAR, 0);
    g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
    g_autoptr(GDateTime) friday = g_date_time_new (tz, 2027, 3, 26, 10, 0, 0);
    g_autoptr(GDateTime) monday = g_date_time_new (tz, 2027, 3, 29, 10, 0, 0);
    g_autoptr(PwMeeting) moved = NULL;

    g_assert_true (pw_schedule_move (f->store, pw_meeting_get_id (m), friday, NULL, &error));
    g_assert_true (pw_schedule_move (f->store, pw_meeting_get_id (m), monday, NULL, &error));
    moved = pw_schedule_get (f->store, pw_meeting_get_id (m), &error);
    g_assert_cmpint (g_date_time_get_hour (pw_meeting_get_start (moved)), ==, 10);
    g_assert_cmpint (g_date_time_get_utc_offset (pw_meeting_get_start (moved)), ==, G_TIME_SPAN_HOUR);
    /* Three days apart on the wall clock, an hour less in real time. */
    g_assert_cmpint (g_date_time_difference (monday, friday), ==, 3 * G_TIME_SPAN_DAY - G_TIME_SPAN_HOUR);
    g_assert_cmpint (pw_meeting_get_sequence (moved), ==, 2);
  }
}

static void
test_significant_discussions (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwPairProgress) p = NULL;
  g_autoptr(GDateTime) now = noon ("2024-07-15");
  gint64 pair = make_pair (f, f->programme, "2024-01-16");
  g_autoptr(PwMeeting) first = NULL;
  g_autoptr(PwMeeting) r0 = NULL, r1 = NULL, r2 = NULL, r3 = NULL;

  g_assert_true (pw_schedule_plan_pair (f->store, pair, &error));
  first = nth_of_kind (f, pair, PW_MEETING_FIRST_MEETING, 0);
  r0 = nth_of_kind (f, pair, PW_MEETING_REGULAR, 0);
  r1 = nth_of_kind (f, pair, PW_MEETING_REGULAR, 1);
  r2 = nth_of_kind (f, pair, PW_MEETING_REGULAR, 2);
  r3 = nth_of_kind (f, pair, PW_MEETING_REGULAR, 3);

  g_assert_true (pw_schedule_log (f->store, pw_meeting_get_id (first), PW_MEETING_HELD, 45, &error));
  g_assert_true (pw_schedule_log (f->store, pw_meeting_get_id (r0), PW_MEETING_HELD, 29, &error)); /* too short */
  g_assert_true (pw_schedule_log (f->store, pw_meeting_get_id (r1), PW_MEETING_HELD, 30, &error)); /* just enough */
  g_assert_true (pw_schedule_log (f->store, pw_meeting_get_id (r2), PW_MEETING_MISSED, 0, &error));
  g_assert_true (pw_schedule_log (f->store, pw_meeting_get_id (r3), PW_MEETING_CANCELLED, 0, &error));
  g_assert_no_error (error);

  /* A held meeting needs a real length. */
  g_assert_false (pw_schedule_log (f->store, pw_meeting_get_id (r2), PW_MEETING_HELD, 0, &error));
  g_assert_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_INVALID);
  g_clear_error (&error);

  p = pw_schedule_pair_progress (f->store, pair, now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pw_pair_progress_get_held (p), ==, 3);
  g_assert_cmpuint (pw_pair_progress_get_significant (p), ==, 2);
  g_assert_cmpuint (pw_pair_progress_get_missed (p), ==, 1);
  g_assert_cmpuint (pw_pair_progress_get_planned (p), ==, 11);  /* 12 less the cancelled one */
  g_assert_cmpuint (pw_pair_progress_get_target (p), ==, 12);
  g_assert_true (pw_pair_progress_get_first_contact_done (p));
  g_assert_cmpstr (pw_pair_progress_get_last_meeting (p), ==, "2024-04-01");  /* no closure days here */
  g_assert_cmpint (pw_pair_progress_get_days_since_last (p), ==, 105);

  {
    g_autoptr(PwMeeting) m = pw_schedule_get (f->store, pw_meeting_get_id (r1), &error);

    g_assert_true (pw_meeting_is_significant (m, 30));
    g_assert_false (pw_meeting_is_significant (m, 31));
    g_assert_cmpint (pw_meeting_get_held_minutes (m), ==, 30);
  }
}

static void
test_first_contact_overdue (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwPairProgress) on_time = NULL;
  g_autoptr(PwPairProgress) late = NULL;
  g_autoptr(PwPairProgress) done = NULL;
  g_autoptr(GDateTime) due_day = noon ("2024-01-30");
  g_autoptr(GDateTime) day_after = noon ("2024-01-31");
  g_autoptr(PwMeeting) contact = NULL;
  g_autoptr(GListModel) attention = NULL;
  gint64 pair = make_pair (f, f->programme, "2024-01-16");

  g_assert_true (pw_schedule_plan_pair (f->store, pair, &error));

  on_time = pw_schedule_pair_progress (f->store, pair, due_day, &error);
  g_assert_cmpstr (pw_pair_progress_get_first_contact_due (on_time), ==, "2024-01-30");
  g_assert_false (pw_pair_progress_get_attention (on_time) & PW_ATTENTION_FIRST_CONTACT_MISSED);

  late = pw_schedule_pair_progress (f->store, pair, day_after, &error);
  g_assert_true (pw_pair_progress_get_attention (late) & PW_ATTENTION_FIRST_CONTACT_MISSED);
  g_assert_nonnull (strstr (pw_pair_progress_get_reasons (late)[0], "First contact was due on 2024-01-30"));

  attention = pw_schedule_attention (f->store, f->programme, day_after, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (attention), ==, 1);

  contact = nth_of_kind (f, pair, PW_MEETING_FIRST_CONTACT, 0);
  g_assert_true (pw_schedule_log (f->store, pw_meeting_get_id (contact), PW_MEETING_HELD, 10, &error));
  done = pw_schedule_pair_progress (f->store, pair, day_after, &error);
  g_assert_false (pw_pair_progress_get_attention (done) & PW_ATTENTION_FIRST_CONTACT_MISSED);
  /* A first contact is not a discussion. */
  g_assert_cmpuint (pw_pair_progress_get_significant (done), ==, 0);
}

static void
test_six_weeks_silence (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwMeeting) first = NULL;
  g_autoptr(PwPairProgress) at_42 = NULL;
  g_autoptr(PwPairProgress) at_43 = NULL;
  g_autoptr(GDateTime) day_42 = noon ("2024-03-13");  /* 31 January + 42 days */
  g_autoptr(GDateTime) day_43 = noon ("2024-03-14");
  gint64 pair = make_pair (f, f->programme, "2024-01-16");

  g_assert_true (pw_schedule_plan_pair (f->store, pair, &error));
  first = nth_of_kind (f, pair, PW_MEETING_FIRST_MEETING, 0);
  g_assert_true (pw_schedule_log (f->store, pw_meeting_get_id (first), PW_MEETING_HELD, 60, &error));

  at_42 = pw_schedule_pair_progress (f->store, pair, day_42, &error);
  g_assert_cmpint (pw_pair_progress_get_days_since_last (at_42), ==, 42);
  g_assert_false (pw_pair_progress_get_attention (at_42) & PW_ATTENTION_SILENT);

  at_43 = pw_schedule_pair_progress (f->store, pair, day_43, &error);
  g_assert_cmpint (pw_pair_progress_get_days_since_last (at_43), ==, 43);
  g_assert_true (pw_pair_progress_get_attention (at_43) & PW_ATTENTION_SILENT);
}

static void
test_behind_target (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwPairProgress) behind = NULL;
  g_autoptr(PwPairProgress) level = NULL;
  /* 2024-01-02 to 2024-12-31 is 364 days; on 1 July 181 have passed:
   * 12 × 181 / 364 = 5.97, so 5 are expected. */
  g_autoptr(GDateTime) july = noon ("2024-07-01");
  gint64 pair = make_pair (f, f->programme, "2024-01-16");

  g_assert_true (pw_schedule_plan_pair (f->store, pair, &error));
  for (guint i = 0; i < 4; i++)
    {
      g_autoptr(PwMeeting) m = i == 0 ? nth_of_kind (f, pair, PW_MEETING_FIRST_MEETING, 0)
                                      : nth_of_kind (f, pair, PW_MEETING_REGULAR, i - 1);
      g_assert_true (pw_schedule_log (f->store, pw_meeting_get_id (m), PW_MEETING_HELD, 45, &error));
    }

  behind = pw_schedule_pair_progress (f->store, pair, july, &error);
  g_assert_cmpuint (pw_pair_progress_get_expected (behind), ==, 5);
  g_assert_cmpuint (pw_pair_progress_get_significant (behind), ==, 4);
  g_assert_true (pw_pair_progress_get_attention (behind) & PW_ATTENTION_BEHIND);

  {
    g_autoptr(PwMeeting) m = nth_of_kind (f, pair, PW_MEETING_REGULAR, 3);
    g_assert_true (pw_schedule_log (f->store, pw_meeting_get_id (m), PW_MEETING_HELD, 45, &error));
  }
  level = pw_schedule_pair_progress (f->store, pair, july, &error);
  g_assert_cmpuint (pw_pair_progress_get_significant (level), ==, 5);
  g_assert_false (pw_pair_progress_get_attention (level) & PW_ATTENTION_BEHIND);
  g_assert_false (pw_pair_progress_get_attention (level) & PW_ATTENTION_PLAN_SHORT);
}

static void
test_unreachable_cadence (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(PwPairProgress) p = NULL;
  g_autoptr(GDateTime) march = noon ("2024-03-04");
  PwScheduleWarning *w;
  gint64 late, shorter, programme;

  /* Approved two months in, a monthly pair has room for 10 meetings. */
  late = make_pair (f, f->programme, "2024-03-01");
  g_assert_false (pw_schedule_plan_pair_full (f->store, late, NULL, PW_SCHEDULE_PLAN_STRICT, NULL, &error));
  g_assert_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_UNREACHABLE);
  g_assert_nonnull (strstr (error->message, "room for 10 meetings at 1 a month"));
  g_assert_nonnull (strstr (error->message, "target is 12"));
  g_assert_nonnull (strstr (error->message, "Meet 2 times a month"));
  g_clear_error (&error);
  list = pw_schedule_list (f->store, f->programme, late, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);  /* strict: nothing written */

  /* Without strict, the plan is made and the shortfall explained. */
  g_assert_true (pw_schedule_plan_pair_full (f->store, late, NULL, PW_SCHEDULE_PLAN_NONE, &warnings, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (warnings->len, ==, 1);
  w = g_ptr_array_index (warnings, 0);
  g_assert_cmpint (w->code, ==, PW_SCHEDULE_WARNING_TARGET_UNREACHABLE);
  g_assert_nonnull (strstr (w->message, "Ana Lopez and Sam Green"));
  p = pw_schedule_pair_progress (f->store, late, march, &error);
  g_assert_true (pw_pair_progress_get_attention (p) & PW_ATTENTION_PLAN_SHORT);
  g_assert_cmpuint (pw_pair_progress_get_reachable (p), ==, 10);

  /* From the start the programme's cadence is fine… */
  g_assert_true (pw_schedule_check_cadence (f->store, f->programme, NULL, &error));
  g_assert_no_error (error);
  /* …but not when even eight a month cannot do it. */
  g_assert_false (pw_schedule_check_cadence (f->store, f->programme, "2024-12-01", &error));
  g_assert_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_UNREACHABLE);
  g_clear_error (&error);

  /* Meetings shorter than a significant discussion never count. */
  programme = make_programme (f, "2024-01-02", "2024-12-31", 2, 20, 12);
  g_assert_false (pw_schedule_check_cadence (f->store, programme, NULL, &error));
  g_assert_nonnull (strstr (error->message, "Meetings of 20 minutes are shorter than the 30 minutes"));
  g_clear_error (&error);
  shorter = make_pair (f, programme, "2024-01-02");
  g_clear_pointer (&warnings, g_ptr_array_unref);
  g_assert_true (pw_schedule_plan_pair_full (f->store, shorter, NULL, 0, &warnings, &error));
  g_assert_cmpuint (warnings->len, ==, 1);
}

static void
test_move_warnings (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) outside = NULL;
  g_autoptr(GPtrArray) weekend = NULL;
  g_autoptr(GPtrArray) fine = NULL;
  g_autoptr(PwMeeting) m = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) next_year = g_date_time_new (tz, 2025, 1, 15, 14, 30, 0);
  g_autoptr(GDateTime) saturday = g_date_time_new (tz, 2024, 3, 9, 10, 0, 0);
  g_autoptr(GDateTime) tuesday = g_date_time_new (tz, 2024, 3, 12, 10, 0, 0);
  g_autoptr(GDateTime) utc_time = g_date_time_new_utc (2024, 6, 12, 13, 0, 0);
  g_autoptr(PwMeeting) moved = NULL;
  gint64 pair = make_pair (f, f->programme, "2024-01-16");

  g_assert_true (pw_schedule_plan_pair (f->store, pair, &error));
  m = nth_of_kind (f, pair, PW_MEETING_REGULAR, 0);

  g_assert_true (pw_schedule_move (f->store, pw_meeting_get_id (m), next_year, &outside, &error));
  g_assert_cmpuint (outside->len, ==, 1);
  g_assert_cmpint (((PwScheduleWarning *)g_ptr_array_index (outside, 0))->code, ==,
                   PW_SCHEDULE_WARNING_OUTSIDE_PROGRAMME);
  g_assert_nonnull (strstr (((PwScheduleWarning *)g_ptr_array_index (outside, 0))->message,
                            "outside the program’s dates (2024-01-02 to 2024-12-31)"));

  g_assert_true (pw_schedule_move (f->store, pw_meeting_get_id (m), saturday, &weekend, &error));
  g_assert_cmpint (((PwScheduleWarning *)g_ptr_array_index (weekend, 0))->code, ==,
                   PW_SCHEDULE_WARNING_NOT_WORKING_DAY);

  g_assert_true (pw_schedule_move (f->store, pw_meeting_get_id (m), tuesday, &fine, &error));
  g_assert_cmpuint (fine->len, ==, 0);

  /* A time in another zone lands at the same instant in the programme's. */
  g_assert_true (pw_schedule_move (f->store, pw_meeting_get_id (m), utc_time, NULL, &error));
  moved = pw_schedule_get (f->store, pw_meeting_get_id (m), &error);
  g_assert_cmpint (g_date_time_get_hour (pw_meeting_get_start (moved)), ==, 14);
  g_assert_cmpstr (pw_meeting_get_uid (moved), ==, pw_meeting_get_uid (m));
}

static void
test_add_update (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) when = g_date_time_new (tz, 2024, 5, 14, 16, 0, 0);
  g_autoptr(PwMeeting) extra = pw_meeting_new (PW_MEETING_REGULAR, when, 60);
  g_autoptr(PwMeeting) kickoff = pw_meeting_new (PW_MEETING_KICK_OFF, when, 60);
  g_autoptr(PwMeeting) loaded = NULL;
  g_autoptr(PwProgramme) programme = NULL;
  gint64 pair = make_pair (f, f->programme, "2024-01-16");

  g_assert_true (pw_schedule_plan_pair (f->store, pair, &error));

  pw_meeting_set_pair_id (extra, pair);
  pw_meeting_set_contact_form (extra, PW_CONTACT_VIDEO);
  pw_meeting_set_link (extra, "https://meet.example.org/ana-sam");
  g_assert_true (pw_schedule_add (f->store, f->programme, extra, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pw_meeting_get_id (extra), >, 0);
  g_assert_true (g_str_has_suffix (pw_meeting_get_uid (extra), "@pairwise.io.github"));

  pw_meeting_set_place (extra, "Room 4");
  g_assert_true (pw_schedule_update (f->store, extra, &error));
  loaded = pw_schedule_get (f->store, pw_meeting_get_id (extra), &error);
  g_assert_cmpstr (pw_meeting_get_place (loaded), ==, "Room 4");
  g_assert_cmpstr (pw_meeting_get_who (loaded), ==, "Ana Lopez and Sam Green");
  g_assert_cmpint (pw_meeting_get_sequence (loaded), ==, 1);

  /* One kick-off a programme. */
  g_assert_false (pw_schedule_add (f->store, f->programme, kickoff, NULL, &error));
  g_assert_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_INVALID);
  g_clear_error (&error);

  /* A contact form the programme does not allow. */
  programme = pw_programme_repo_get (f->store, f->programme, &error);
  pw_programme_set_contact_forms (programme, PW_CONTACT_IN_PERSON);
  g_assert_true (pw_programme_repo_update (f->store, programme, &error));
  pw_meeting_set_contact_form (loaded, PW_CONTACT_PHONE);
  g_assert_false (pw_schedule_update (f->store, loaded, &error));
  g_assert_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_INVALID);
}

static void
test_settings (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(PwScheduleSettings) bad = { 0 };
  g_autoptr(GTimeZone) tz = NULL;

  bad.tzid = g_strdup ("Europe/Lndon");
  bad.meeting_time = g_strdup ("10:00");
  bad.kickoff_minutes = 120;
  bad.closing_minutes = 90;
  g_assert_false (pw_schedule_settings_save (f->store, f->programme, &bad, &error));
  g_assert_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Europe/Lndon"));
  g_clear_error (&error);

  g_free (bad.tzid);
  bad.tzid = g_strdup ("America/New_York");
  g_free (bad.meeting_time);
  bad.meeting_time = g_strdup ("24:10");
  g_assert_false (pw_schedule_settings_save (f->store, f->programme, &bad, &error));
  g_assert_nonnull (strstr (error->message, "HH:MM"));
  g_clear_error (&error);

  tz = pw_schedule_get_timezone (f->store, f->programme);
  g_assert_cmpstr (g_time_zone_get_identifier (tz), ==, "Europe/London");
}

static void
test_approve_plans_all_or_nothing (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autofree char *today = pw_date_today ();
  g_autofree char *end = pw_date_add_months (today, 12);
  gint64 programme = make_programme (f, today, end, 1, 45, 12);
  gint64 ok_pair, failing_pair;
  sqlite3_stmt *stmt;

  stmt = pw_store_prepare (f->store,
                           "INSERT INTO pair (programme_id, mentee_id, mentor_id, state) VALUES (?, ?, ?, 'proposed')",
                           &error);
  for (int k = 0; k < 2; k++)
    {
      sqlite3_bind_int64 (stmt, 1, programme);
      sqlite3_bind_int64 (stmt, 2, f->mentee);
      sqlite3_bind_int64 (stmt, 3, f->mentor);
      g_assert_cmpint (pw_store_step (f->store, stmt, &error), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  failing_pair = pw_store_last_insert_id (f->store);
  ok_pair = failing_pair - 1;

  g_assert_true (pw_pair_approve (f->store, ok_pair, &error));
  g_assert_no_error (error);
  list = pw_schedule_list (f->store, programme, ok_pair, &error);
  /* Kick-off, first contact, first meeting, eleven more, closing. */
  g_assert_cmpuint (g_list_model_get_n_items (list), >=, 14);

  /* If planning fails, the pair stays proposed. */
  g_assert_true (pw_store_exec (f->store,
                                "CREATE TEMP TRIGGER no_meetings BEFORE INSERT ON meeting "
                                "BEGIN SELECT RAISE (ABORT, 'refused for the test'); END;",
                                &error));
  g_assert_false (pw_pair_approve (f->store, failing_pair, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  pairs = pw_pairs_list (f->store, programme, TRUE, &error);
  for (guint i = 0; i < pairs->len; i++)
    {
      PwPair *p = g_ptr_array_index (pairs, i);

      if (p->id == failing_pair)
        g_assert_cmpint (p->state, ==, PW_PAIR_PROPOSED);
    }
  g_assert_true (pw_store_exec (f->store, "DROP TRIGGER no_meetings", &error));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("/schedule/plan/month-ends-leap-year-closures", test_month_ends_leap_year_closures);
  ADD ("/schedule/plan/weekends-closures", test_weekends_and_closures_skipped);
  ADD ("/schedule/plan/daylight-saving", test_daylight_saving);
  ADD ("/schedule/plan/unreachable-cadence", test_unreachable_cadence);
  ADD ("/schedule/log/significant", test_significant_discussions);
  ADD ("/schedule/attention/first-contact", test_first_contact_overdue);
  ADD ("/schedule/attention/six-weeks", test_six_weeks_silence);
  ADD ("/schedule/attention/behind", test_behind_target);
  ADD ("/schedule/move/warnings", test_move_warnings);
  ADD ("/schedule/add-update", test_add_update);
  ADD ("/schedule/settings", test_settings);
  ADD ("/schedule/approve-plans", test_approve_plans_all_or_nothing);
#undef ADD

  return g_test_run ();
}
