/* fuzz-ics.c — iCalendar text escaping: any name stays inside its value
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The input becomes a person's name and the programme's name; the
 * exported calendar must parse, hold exactly one VEVENT per meeting, and
 * give the name back in SUMMARY.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include <libical/ical.h>

#include "pw-ics.h"
#include "pw-match.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-schedule.h"
#include "pw-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static PwStore *store;
static gint64 programme_id, person_id;
static guint n_meetings;

static void
set_up (void)
{
  g_autoptr(PwProgramme) programme = pw_programme_new ("Fuzz");
  g_autoptr(PwPerson) ana = pw_person_new ("Ana", "ana@example.org");
  g_autoptr(PwPerson) sam = pw_person_new ("Sam", "sam@example.org");
  g_autoptr(GListModel) meetings = NULL;
  sqlite3_stmt *stmt;

  store = pw_store_open (":memory:", NULL);
  pw_programme_set_start_date (programme, "2027-01-04");
  pw_programme_set_end_date (programme, "2027-03-30");
  g_assert (pw_programme_repo_insert (store, programme, NULL));
  g_assert (pw_person_repo_insert (store, ana, NULL));
  g_assert (pw_person_repo_insert (store, sam, NULL));
  programme_id = pw_programme_get_id (programme);
  person_id = pw_person_get_id (ana);

  stmt = pw_store_prepare (store,
                           "INSERT INTO pair (programme_id, mentee_id, mentor_id, state, approved) "
                           "VALUES (?, ?, ?, 'approved', '2027-01-04T09:00:00Z')", NULL);
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  sqlite3_bind_int64 (stmt, 3, pw_person_get_id (sam));
  g_assert (pw_store_step (store, stmt, NULL) == SQLITE_DONE);
  sqlite3_reset (stmt);
  g_assert (pw_schedule_plan_pair (store, pw_store_last_insert_id (store), NULL));

  meetings = pw_schedule_list (store, programme_id, 0, NULL);
  n_meetings = g_list_model_get_n_items (meetings);
  g_assert (n_meetings > 0);
}

/* libical's reader turns CR LF into LF, and libical drops the C0 control
 * characters other than tab and line feed, which RFC 5545 TEXT cannot
 * hold: compare without them. */
static void
drop_cr (char *s)
{
  char *w = s;

  for (char *r = s; *r != '\0'; r++)
    if ((guchar)*r >= 0x20 || *r == '\n' || *r == '\t')
      *w++ = *r;
  *w = '\0';
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *raw = g_strndup ((const char *)data, size);   /* stops at a NUL */
  g_autofree char *name = NULL;
  g_autoptr(PwPerson) person = NULL;
  g_autoptr(PwProgramme) programme = NULL;
  g_autofree char *ics = NULL;
  icalcomponent *calendar, *event;
  guint events = 0, found = 0;

  if (store == NULL)
    set_up ();

  name = g_utf8_make_valid (raw, -1);
  person = pw_person_repo_get (store, person_id, NULL);
  if (!pw_person_set_field (person, "name", name, NULL) ||
      !pw_person_repo_update (store, person, NULL))
    return 0;
  programme = pw_programme_repo_get (store, programme_id, NULL);
  pw_programme_set_name (programme, name);
  pw_programme_repo_update (store, programme, NULL);

  ics = pw_ics_export (store, programme_id, 0, NULL);
  g_assert (ics != NULL);

  calendar = icalparser_parse_string (ics);
  g_assert (calendar != NULL);
  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const char *summary = icalcomponent_get_summary (event);
      g_autofree char *got = g_strdup (summary != NULL ? summary : "");
      g_autofree char *want = g_strdup (pw_person_get_name (person));

      events++;
      drop_cr (got);
      drop_cr (want);
      if (strstr (got, want) != NULL)
        found++;
    }
  icalcomponent_free (calendar);

  /* No line of the name became a component or a property of its own. */
  if (events != n_meetings)
    g_error ("%u VEVENTs for %u meetings: the name broke out of its value", events, n_meetings);
  g_assert (found > 0);

  return 0;
}
