/* pw-ics.c — meetings as iCalendar (RFC 5545), through libical
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-ics"

#include <stdlib.h>

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "pw-bundle.h"
#include "pw-ics.h"
#include "pw-match.h"
#include "pw-meeting-private.h"
#include "pw-programme-repo.h"
#include "pw-schedule.h"

/* A zone the calendar uses, and its first meeting. */
typedef struct
{
  icaltimezone *zone;
  time_t        first;
} ZoneUse;

static icaltimezone *
builtin_zone (const char *tzid)
{
  if (tzid == NULL || tzid[0] == '\0' || g_str_equal (tzid, "UTC") || g_str_equal (tzid, "Etc/UTC"))
    return NULL;

  return icaltimezone_get_builtin_timezone (tzid);
}

/* The name the file uses for the meeting's zone, or NULL for UTC. The
 * computer's zone goes out by name when libical knows it. */
static const char *
zone_name_for (PwMeeting *meeting)
{
  const char *tzid = pw_meeting_get_tzid (meeting);

  if (tzid[0] == '\0')
    tzid = g_time_zone_get_identifier (g_date_time_get_timezone (pw_meeting_get_start (meeting)));

  return builtin_zone (tzid) != NULL ? tzid : NULL;
}

static struct icaltimetype
utc_time (gint64 unix_time)
{
  return icaltime_from_timet_with_zone ((time_t)unix_time, 0, icaltimezone_get_utc_timezone ());
}

static struct icaltimetype
stamp_of (PwMeeting *meeting)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (pw_meeting_get_modified (meeting), utc);

  return utc_time (when != NULL ? g_date_time_to_unix (when) : 0);
}

static const char *
form_label (PwContactForm form)
{
  switch (form)
    {
    case PW_CONTACT_IN_PERSON: return _("In person");
    case PW_CONTACT_VIDEO:     return _("Video call");
    case PW_CONTACT_PHONE:     return _("Phone call");
    case PW_CONTACT_EMAIL:     return _("Email");
    case PW_CONTACT_NONE:
    default:                   return NULL;
    }
}

static char *
description_of (PwMeeting *meeting)
{
  GString *text = g_string_new (pw_meeting_get_agenda (meeting));
  const char *form = form_label (pw_meeting_get_contact_form (meeting));
  const char *link = pw_meeting_get_link (meeting);

  if (form != NULL)
    {
      if (text->len > 0)
        g_string_append (text, "\n\n");
      /* TRANSLATORS: "How: Video call" */
      g_string_append_printf (text, _("How: %s"), form);
    }

  /* Many calendars show DESCRIPTION but not URL. */
  if (link[0] != '\0')
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, _("Link: %s"), link);
    }

  return g_string_free (text, FALSE);
}

static icalcomponent *
event_of (PwMeeting  *meeting,
          gboolean    pair_ended,
          GHashTable *zones)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  GDateTime *start = pw_meeting_get_start (meeting);
  const char *zone_name = zone_name_for (meeting);
  const char *place = pw_meeting_get_place (meeting);
  const char *link = pw_meeting_get_link (meeting);
  PwMeetingStatus status = pw_meeting_get_status (meeting);
  g_autofree char *title = pw_meeting_dup_title (meeting);
  g_autofree char *description = description_of (meeting);
  struct icaltimetype dtstart;
  icalproperty *prop;
  gboolean cancelled;

  icalcomponent_add_property (event, icalproperty_new_uid (pw_meeting_get_uid (meeting)));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp_of (meeting)));
  icalcomponent_add_property (event, icalproperty_new_sequence (pw_meeting_get_sequence (meeting)));

  if (zone_name != NULL)
    {
      icaltimezone *zone = builtin_zone (zone_name);
      ZoneUse *use = g_hash_table_lookup (zones, zone_name);
      time_t t = (time_t)g_date_time_to_unix (start);

      dtstart = icaltime_null_time ();
      dtstart.year = g_date_time_get_year (start);
      dtstart.month = g_date_time_get_month (start);
      dtstart.day = g_date_time_get_day_of_month (start);
      dtstart.hour = g_date_time_get_hour (start);
      dtstart.minute = g_date_time_get_minute (start);
      dtstart.second = 0;
      dtstart.is_date = 0;
      dtstart = icaltime_set_timezone (&dtstart, zone);
      prop = icalproperty_new_dtstart (dtstart);
      icalproperty_add_parameter (prop, icalparameter_new_tzid (zone_name));

      if (use == NULL)
        {
          use = g_new0 (ZoneUse, 1);
          use->zone = zone;
          use->first = t;
          g_hash_table_insert (zones, g_strdup (zone_name), use);
        }
      use->first = MIN (use->first, t);
    }
  else
    prop = icalproperty_new_dtstart (utc_time (g_date_time_to_unix (start)));
  icalcomponent_add_property (event, prop);

  icalcomponent_add_property (event,
                              icalproperty_new_duration (icaldurationtype_from_int (pw_meeting_get_minutes (meeting) * 60)));
  icalcomponent_add_property (event, icalproperty_new_summary (title));

  if (place[0] != '\0')
    icalcomponent_add_property (event, icalproperty_new_location (place));
  else if (pw_meeting_get_contact_form (meeting) != PW_CONTACT_IN_PERSON &&
           form_label (pw_meeting_get_contact_form (meeting)) != NULL)
    icalcomponent_add_property (event,
                                icalproperty_new_location (form_label (pw_meeting_get_contact_form (meeting))));
  if (link[0] != '\0')
    icalcomponent_add_property (event, icalproperty_new_url (link));
  if (description[0] != '\0')
    icalcomponent_add_property (event, icalproperty_new_description (description));

  cancelled = status == PW_MEETING_CANCELLED || (pair_ended && status == PW_MEETING_PLANNED);
  icalcomponent_add_property (event,
                              icalproperty_new_status (cancelled ? ICAL_STATUS_CANCELLED : ICAL_STATUS_CONFIRMED));

  /* A deadline, not time spent: it should not block anyone's diary. */
  if (pw_meeting_get_kind (meeting) == PW_MEETING_FIRST_CONTACT)
    icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_TRANSPARENT));

  return event;
}

/* The zone's VTIMEZONE from libical's database, cut to the rules in force
 * from the first meeting on, and named as the events name it. */
static icalcomponent *
vtimezone_of (const char    *name,
              const ZoneUse *use)
{
  icalcomponent *vtz = icalcomponent_new_clone (icaltimezone_get_component (use->zone));
  icalproperty *tzid = icalcomponent_get_first_property (vtz, ICAL_TZID_PROPERTY);
  /* History before the first meeting is dropped; the rules stay open
   * ended, so a meeting moved later still has its offset. */
  struct icaltimetype first = utc_time ((gint64)use->first - 366 * 86400);

  icaltimezone_truncate_vtimezone (vtz, first, icaltime_null_time (), 1);
  if (tzid != NULL)
    icalproperty_set_tzid (tzid, name);
  else
    icalcomponent_add_property (vtz, icalproperty_new_tzid (name));

  return vtz;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *)a, *(const char * const *)b);
}

char *
pw_ics_export (PwStore  *store,
               gint64    programme_id,
               gint64    pair_id,
               GError  **error)
{
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GHashTable) ended = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) zones = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) events = g_ptr_array_new ();
  g_autofree const char **names = NULL;
  g_autofree char *prodid = NULL;
  g_autofree char *calname = NULL;
  icalcomponent *calendar;
  icalproperty *prop;
  char *ical;
  char *text;
  guint n_names;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  programme = pw_programme_repo_get (store, programme_id, error);
  if (programme == NULL)
    return NULL;

  meetings = pw_schedule_list (store, programme_id, pair_id, error);
  pairs = pw_pairs_list (store, programme_id, TRUE, error);
  if (meetings == NULL || pairs == NULL)
    return NULL;

  for (guint i = 0; i < pairs->len; i++)
    {
      PwPair *pair = g_ptr_array_index (pairs, i);

      if (pair->state == PW_PAIR_ENDED)
        g_hash_table_add (ended, &pair->id);
    }

  if (pair_id != 0)
    {
      gboolean known = FALSE;

      for (guint i = 0; i < pairs->len && !known; i++)
        known = ((PwPair *)g_ptr_array_index (pairs, i))->id == pair_id;

      if (!known)
        {
          g_set_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_NOT_FOUND,
                       _("Program %lld has no pair %lld. Run “pairwise-cli pairs list --programme %lld” "
                         "to see its pairs."),
                       (long long)programme_id, (long long)pair_id, (long long)programme_id);
          return NULL;
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(PwMeeting) meeting = g_list_model_get_item (meetings, i);
      gint64 id = pw_meeting_get_pair_id (meeting);

      g_ptr_array_add (events, event_of (meeting, g_hash_table_contains (ended, &id), zones));
    }

  calendar = icalcomponent_new_vcalendar ();
  prodid = g_strdup_printf ("-//Pairwise//Pairwise %s//EN", PACKAGE_VERSION);
  icalcomponent_add_property (calendar, icalproperty_new_prodid (prodid));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  calname = g_strdup (pw_programme_get_name (programme));
  prop = icalproperty_new_x (calname);
  icalproperty_set_x_name (prop, "X-WR-CALNAME");
  icalcomponent_add_property (calendar, prop);

  /* Zones first, in a stable order, then the events. */
  names = (const char **)g_hash_table_get_keys_as_array (zones, &n_names);
  qsort (names, n_names, sizeof (char *), compare_names);
  for (guint i = 0; i < n_names; i++)
    icalcomponent_add_component (calendar, vtimezone_of (names[i], g_hash_table_lookup (zones, names[i])));
  for (guint i = 0; i < events->len; i++)
    icalcomponent_add_component (calendar, g_ptr_array_index (events, i));

  ical = icalcomponent_as_ical_string_r (calendar);
  icalcomponent_free (calendar);
  text = g_strdup (ical);
  icalmemory_free_buffer (ical);

  return text;
}

gboolean
pw_ics_export_file (PwStore     *store,
                    gint64       programme_id,
                    gint64       pair_id,
                    const char  *path,
                    GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  text = pw_ics_export (store, programme_id, pair_id, error);
  if (text == NULL)
    return FALSE;

  return pw_write_private_file (path, text, -1, error);
}
