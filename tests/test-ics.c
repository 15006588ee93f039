/* test-ics.c — the iCalendar export, parsed back with libical
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <libical/ical.h>

#include "pw-ics.h"
#include "pw-match.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-schedule.h"

#define PLACE  "Room 4, Floor 2; East wing"
#define AGENDA "Agree goals; review the diary, then plan.\nSecond line: café, naïve, Zoë, 日本語 — “quotes”"
#define LINK   "https://meet.example.org/ana-sam?x=1;y=2"

typedef struct
{
  PwStore *store;
  gint64   programme;
  gint64   pair;
  gint64   other_pair;
  char    *dir;
} Fixture;

static gint64
add_person (PwStore    *store,
            const char *name,
            const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwPerson) p = pw_person_new (name, email);

  g_assert_true (pw_person_repo_insert (store, p, &error));
  g_assert_no_error (error);
  return pw_person_get_id (p);
}

static gint64
add_pair (Fixture *f,
          gint64   mentee,
          gint64   mentor)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = pw_store_prepare (f->store,
                           "INSERT INTO pair (programme_id, mentee_id, mentor_id, state, approved) "
                           "VALUES (?, ?, ?, 'approved', '2027-01-04T09:00:00Z')",
                           &error);
  sqlite3_bind_int64 (stmt, 1, f->programme);
  sqlite3_bind_int64 (stmt, 2, mentee);
  sqlite3_bind_int64 (stmt, 3, mentor);
  g_assert_cmpint (pw_store_step (f->store, stmt, &error), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  id = pw_store_last_insert_id (f->store);
  g_assert_true (pw_schedule_plan_pair (f->store, id, &error));
  g_assert_no_error (error);
  return id;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwProgramme) programme = pw_programme_new ("Thinking Partners, 2027; pilot");
  g_auto(PwScheduleSettings) settings = { 0 };
  gint64 ana, sam, zoe, li;

  f->store = pw_store_open (":memory:", &error);
  g_assert_no_error (error);
  pw_programme_set_start_date (programme, "2027-01-04");
  pw_programme_set_end_date (programme, "2027-12-17");
  g_assert_true (pw_programme_repo_insert (f->store, programme, &error));
  f->programme = pw_programme_get_id (programme);

  g_assert_true (pw_schedule_settings_load (f->store, f->programme, &settings, &error));
  g_free (settings.tzid);
  settings.tzid = g_strdup ("Europe/London");
  g_assert_true (pw_schedule_settings_save (f->store, f->programme, &settings, &error));

  ana = add_person (f->store, "Ana López", "ana@example.org");
  sam = add_person (f->store, "Sam Green", "sam@example.org");
  zoe = add_person (f->store, "Zoë Lefèvre", "zoe@example.org");
  li = add_person (f->store, "李 明", "li@example.org");
  f->pair = add_pair (f, ana, sam);
  f->other_pair = add_pair (f, zoe, li);

  f->dir = g_dir_make_tmp ("pw-test-ics-XXXXXX", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_remove (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_assert_finalize_object (f->store);
}

static PwMeeting *
meeting_of (Fixture       *f,
            gint64         pair,
            PwMeetingKind  kind,
            guint          n)
{
  g_autoptr(GListModel) list = pw_schedule_list (f->store, f->programme, pair, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PwMeeting) m = g_list_model_get_item (list, i);

      if (pw_meeting_get_kind (m) == kind && (pair == 0 || pw_meeting_get_pair_id (m) == pair) && n-- == 0)
        return g_steal_pointer (&m);
    }

  g_assert_not_reached ();
}

static icalcomponent *
find_event (icalcomponent *calendar,
            const char    *uid)
{
  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    if (g_strcmp0 (icalcomponent_get_uid (c), uid) == 0)
      return c;

  return NULL;
}

static guint
count_events (icalcomponent *calendar)
{
  guint n = 0;

  for (icalcomponent *c = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       c != NULL;
       c = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    n++;

  return n;
}

static const char *
tzid_param (icalcomponent *event)
{
  icalproperty *p = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
  icalparameter *tzid = p ? icalproperty_get_first_parameter (p, ICAL_TZID_PARAMETER) : NULL;

  return tzid ? icalparameter_get_tzid (tzid) : NULL;
}

/* RFC 5545 §3.1: CRLF line ends, lines of at most 75 octets; folding
 * must not split a UTF-8 character. */
static void
assert_folded (const char *text)
{
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_utf8_validate (text, -1, NULL));
  g_assert_true (g_str_has_suffix (text, "\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
    }
}

static void
test_fields (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwMeeting) first = meeting_of (f, f->pair, PW_MEETING_FIRST_MEETING, 0);
  g_autoptr(PwMeeting) summer = NULL;
  g_autoptr(PwMeeting) cancelled = meeting_of (f, f->pair, PW_MEETING_REGULAR, 1);
  g_autoptr(PwMeeting) kickoff = meeting_of (f, 0, PW_MEETING_KICK_OFF, 0);
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) july = g_date_time_new (london, 2027, 7, 6, 10, 0, 0);
  g_autofree char *text = NULL;
  icalcomponent *calendar;
  icalcomponent *event;
  icalcomponent *vtz;
  icaltimezone *zone;
  struct icaltimetype start;
  struct icaldurationtype duration;

  pw_meeting_set_place (first, PLACE);
  pw_meeting_set_agenda (first, AGENDA);
  pw_meeting_set_link (first, LINK);
  pw_meeting_set_contact_form (first, PW_CONTACT_VIDEO);
  g_assert_true (pw_schedule_update (f->store, first, &error));
  g_assert_true (pw_schedule_log (f->store, pw_meeting_get_id (cancelled), PW_MEETING_CANCELLED, 0, &error));
  summer = meeting_of (f, f->pair, PW_MEETING_REGULAR, 5);
  g_assert_true (pw_schedule_move (f->store, pw_meeting_get_id (summer), july, NULL, &error));
  g_assert_no_error (error);

  text = pw_ics_export (f->store, f->programme, f->pair, &error);
  g_assert_no_error (error);
  assert_folded (text);

  /* libical escaped the text as RFC 5545 asks. */
  g_assert_nonnull (strstr (text, "Room 4\\, Floor 2\\; East wing"));
  g_assert_nonnull (strstr (text, "\\n"));
  g_assert_null (strstr (text, "\r\n\r\n"));

  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_cmpint (icalcomponent_count_errors (calendar), ==, 0);
  g_assert_cmpstr (icalproperty_get_x (icalcomponent_get_first_property (calendar, ICAL_X_PROPERTY)),
                   ==, "Thinking Partners, 2027; pilot");

  /* The pair's file: kick-off, first contact, first meeting, ten more
   * (19 December is after the end), closing — not the other pair's. */
  g_assert_cmpuint (count_events (calendar), ==, 14);

  /* One VTIMEZONE, named as the events name it. */
  vtz = icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT);
  g_assert_nonnull (vtz);
  g_assert_cmpstr (icalproperty_get_tzid (icalcomponent_get_first_property (vtz, ICAL_TZID_PROPERTY)),
                   ==, "Europe/London");
  g_assert_null (icalcomponent_get_next_component (calendar, ICAL_VTIMEZONE_COMPONENT));
  zone = icalcomponent_get_timezone (calendar, "Europe/London");
  g_assert_nonnull (zone);

  event = find_event (calendar, pw_meeting_get_uid (first));
  g_assert_nonnull (event);
  g_assert_cmpstr (tzid_param (event), ==, "Europe/London");
  start = icalproperty_get_dtstart (icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY));
  g_assert_cmpstr (icaltime_as_ical_string (start), ==, "20270119T100000");
  duration = icalcomponent_get_duration (event);
  g_assert_cmpint (icaldurationtype_as_int (duration), ==, 45 * 60);
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "First meeting: Ana López and Sam Green");
  g_assert_cmpstr (icalcomponent_get_location (event), ==, PLACE);
  g_assert_cmpstr (icalproperty_get_url (icalcomponent_get_first_property (event, ICAL_URL_PROPERTY)), ==, LINK);
  g_assert_true (g_str_has_prefix (icalcomponent_get_description (event), AGENDA "\n\nHow: Video call\nLink: " LINK));
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CONFIRMED);
  g_assert_cmpint (icalcomponent_get_sequence (event), ==, 1);

  /* In winter 10:00 in London is 10:00 UTC; in summer 09:00 UTC. */
  {
    struct icaltimetype t = start;
    t = icaltime_set_timezone (&t, zone);
    t = icaltime_convert_to_zone (t, icaltimezone_get_utc_timezone ());
    g_assert_cmpint (t.hour, ==, 10);
  }
  event = find_event (calendar, pw_meeting_get_uid (summer));
  g_assert_nonnull (event);
  {
    struct icaltimetype t = icalproperty_get_dtstart (icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY));

    g_assert_cmpstr (icaltime_as_ical_string (t), ==, "20270706T100000");
    t = icaltime_set_timezone (&t, zone);
    t = icaltime_convert_to_zone (t, icaltimezone_get_utc_timezone ());
    g_assert_cmpint (t.hour, ==, 9);
  }

  event = find_event (calendar, pw_meeting_get_uid (cancelled));
  g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CANCELLED);

  event = find_event (calendar, pw_meeting_get_uid (kickoff));
  g_assert_cmpstr (icalcomponent_get_summary (event), ==, "Kick-off workshop: Thinking Partners, 2027; pilot");
  g_assert_cmpint (icaldurationtype_as_int (icalcomponent_get_duration (event)), ==, 120 * 60);

  icalcomponent_free (calendar);
}

static void
test_stable_uids (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *once = NULL;
  g_autofree char *twice = NULL;
  g_autofree char *after = NULL;
  g_autoptr(PwMeeting) m = meeting_of (f, f->pair, PW_MEETING_REGULAR, 0);
  g_autoptr(GTimeZone) london = g_time_zone_new_identifier ("Europe/London");
  g_autoptr(GDateTime) later = g_date_time_new (london, 2027, 2, 23, 15, 30, 0);
  g_autofree char *whole = NULL;
  icalcomponent *calendar;
  icalcomponent *event;

  once = pw_ics_export (f->store, f->programme, f->pair, &error);
  twice = pw_ics_export (f->store, f->programme, f->pair, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (once, ==, twice);

  g_assert_true (pw_schedule_move (f->store, pw_meeting_get_id (m), later, NULL, &error));
  after = pw_ics_export (f->store, f->programme, f->pair, &error);
  calendar = icalparser_parse_string (after);
  event = find_event (calendar, pw_meeting_get_uid (m));
  g_assert_nonnull (event);
  g_assert_cmpint (icalcomponent_get_sequence (event), ==, 1);
  g_assert_cmpstr (icaltime_as_ical_string (icalcomponent_get_dtstart (event)), ==, "20270223T153000");
  g_assert_cmpuint (count_events (calendar), ==, 14);
  icalcomponent_free (calendar);

  /* The whole programme: both pairs, the sessions once, same UIDs. */
  whole = pw_ics_export (f->store, f->programme, 0, &error);
  calendar = icalparser_parse_string (whole);
  g_assert_cmpuint (count_events (calendar), ==, 26);
  g_assert_nonnull (find_event (calendar, pw_meeting_get_uid (m)));
  icalcomponent_free (calendar);
}

static void
test_ended_pair_and_file (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "pair.ics", NULL);
  g_autofree char *text = NULL;
  g_autoptr(PwMeeting) m = meeting_of (f, f->other_pair, PW_MEETING_REGULAR, 3);
  icalcomponent *calendar;
  GStatBuf st;

  g_assert_true (pw_pair_end (f->store, f->other_pair, FALSE, 0, "", &error));
  g_assert_true (pw_ics_export_file (f->store, f->programme, f->other_pair, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  calendar = icalparser_parse_string (text);
  g_assert_cmpint (icalcomponent_get_status (find_event (calendar, pw_meeting_get_uid (m))), ==,
                   ICAL_STATUS_CANCELLED);
  icalcomponent_free (calendar);

  /* A pair of another programme is refused with words. */
  g_assert_null (pw_ics_export (f->store, f->programme, 99, &error));
  g_assert_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/ics/fields", Fixture, NULL, fixture_setup, test_fields, fixture_teardown);
  g_test_add ("/ics/stable-uids", Fixture, NULL, fixture_setup, test_stable_uids, fixture_teardown);
  g_test_add ("/ics/ended-pair-file", Fixture, NULL, fixture_setup, test_ended_pair_and_file, fixture_teardown);

  return g_test_run ();
}
