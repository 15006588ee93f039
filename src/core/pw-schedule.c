/* pw-schedule.c — planning a pair's year, the meeting log, attention
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-schedule"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libical/ical.h>

#include "pw-meeting-private.h"
#include "pw-pair-progress-private.h"
#include "pw-programme-repo.h"
#include "pw-schedule.h"

G_DEFINE_QUARK (pw-schedule-error-quark, pw_schedule_error)

/* What a plan is made of, before it is written. */
typedef struct
{
  PwMeetingKind kind;
  GDate         date;
  int           minutes;
} PlanItem;

/* The programme's rules, as planning needs them. */
typedef struct
{
  GDate       start;
  GDate       end;
  GHashTable *closures;  /* "YYYY-MM-DD" */
  int         per_month;
  int         minutes;
  int         first_contact_days;
  int         discussion_minutes;
  int         target;
} PlanRules;

/* One pair, as the schedule needs it. */
typedef struct
{
  gint64  id;
  gint64  programme_id;
  char   *state;
  char   *approved;   /* UTC timestamp or NULL */
  char   *who;
} PairInfo;

#define MEETING_SELECT \
  "SELECT m.id, m.uid, m.programme_id, coalesce (m.pair_id, 0), m.kind, m.start_local, m.tzid, " \
  "m.minutes, m.contact_form, m.place, m.link, m.agenda, m.status, coalesce (m.held_minutes, 0), " \
  "m.sequence, m.modified, p.mentee_id, coalesce (a.name, ''), p.mentor_id, coalesce (b.name, ''), " \
  "pr.name " \
  "FROM meeting m JOIN programme pr ON pr.id = m.programme_id " \
  "LEFT JOIN pair p ON p.id = m.pair_id " \
  "LEFT JOIN person a ON a.id = p.mentee_id " \
  "LEFT JOIN person b ON b.id = p.mentor_id "

static void
pair_info_clear (PairInfo *info)
{
  g_clear_pointer (&info->state, g_free);
  g_clear_pointer (&info->approved, g_free);
  g_clear_pointer (&info->who, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PairInfo, pair_info_clear)

static void
plan_rules_clear (PlanRules *rules)
{
  g_clear_pointer (&rules->closures, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PlanRules, plan_rules_clear)

/* Transactions: join the caller's, or run our own. */

static gboolean
tx_begin (PwStore   *store,
          gboolean  *own,
          GError   **error)
{
  *own = !pw_store_in_transaction (store);

  return !*own || pw_store_begin (store, error);
}

static gboolean
tx_end (PwStore   *store,
        gboolean   own,
        gboolean   ok,
        GError   **error)
{
  if (!own)
    return ok;

  if (!ok)
    {
      pw_store_rollback (store);
      return FALSE;
    }

  if (!pw_store_commit (store, error))
    return FALSE;

  pw_store_emit_changed (store, "meeting");
  return TRUE;
}

/* Runs a prepared, bound statement that returns no rows. */
static gboolean
run (PwStore       *store,
     sqlite3_stmt  *stmt,
     GError       **error)
{
  int rc = pw_store_step (store, stmt, error);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return rc >= 0;
}

static void
warn (GPtrArray             *warnings,
      PwScheduleWarningCode  code,
      char                  *message)
{
  PwScheduleWarning *w;

  if (warnings == NULL)
    {
      g_debug ("%s", message);
      g_free (message);
      return;
    }

  w = g_new0 (PwScheduleWarning, 1);
  w->code = code;
  w->message = message;
  g_ptr_array_add (warnings, w);
}

/* Dates */

static gboolean
parse_day (const char *iso,
           GDate      *out)
{
  unsigned y, m, d;
  char tail;

  g_date_clear (out, 1);
  if (iso == NULL || sscanf (iso, "%4u-%2u-%2u%c", &y, &m, &d, &tail) < 3 ||
      strlen (iso) < 10 || iso[4] != '-' || iso[7] != '-' ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_set_dmy (out, d, m, y);
  return TRUE;
}

static void
format_day (const GDate *date,
            char         out[11])
{
  g_snprintf (out, 11, "%04u-%02u-%02u",
              g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

static void
date_of (GDateTime *dt,
         GDate     *out)
{
  g_date_clear (out, 1);
  g_date_set_dmy (out, g_date_time_get_day_of_month (dt),
                  g_date_time_get_month (dt), g_date_time_get_year (dt));
}

static gboolean
parse_time (const char *text,
            int        *hour,
            int        *minute)
{
  unsigned h, m;

  if (text == NULL || strlen (text) != 5 || text[2] != ':' ||
      !g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]) ||
      !g_ascii_isdigit (text[3]) || !g_ascii_isdigit (text[4]) ||
      sscanf (text, "%2u:%2u", &h, &m) != 2 || h > 23 || m > 59)
    return FALSE;

  *hour = h;
  *minute = m;
  return TRUE;
}

/* Working days: Monday to Friday, not one of the programme's closure days. */
static gboolean
is_working_day (const PlanRules *rules,
                const GDate     *date)
{
  GDateWeekday wd = g_date_get_weekday (date);
  char key[11];

  if (wd == G_DATE_SATURDAY || wd == G_DATE_SUNDAY)
    return FALSE;

  format_day (date, key);
  return rules->closures == NULL || !g_hash_table_contains (rules->closures, key);
}

static void
forward_to_working_day (const PlanRules *rules,
                        GDate           *date)
{
  /* Closure days are finite, so this ends. */
  while (!is_working_day (rules, date))
    g_date_add_days (date, 1);
}

static void
back_to_working_day (const PlanRules *rules,
                     GDate           *date)
{
  while (!is_working_day (rules, date))
    g_date_subtract_days (date, 1);
}

/* The programme */

static GHashTable *
load_closures (PwStore     *store,
               gint64       programme_id,
               GError     **error)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = pw_store_prepare (store, "SELECT day FROM closure_day WHERE programme_id = ? ORDER BY day", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    g_hash_table_add (set, g_strdup ((const char *)sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  if (rc < 0)
    return NULL;

  return g_steal_pointer (&set);
}

static gboolean
load_rules (PwStore      *store,
            PwProgramme  *programme,
            PlanRules    *rules,
            GError      **error)
{
  memset (rules, 0, sizeof *rules);

  if (!parse_day (pw_programme_get_start_date (programme), &rules->start) ||
      !parse_day (pw_programme_get_end_date (programme), &rules->end))
    {
      g_set_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_INVALID,
                   _("Program %lld has no valid start and end dates: set them in the program setup first."),
                   (long long)pw_programme_get_id (programme));
      return FALSE;
    }

  rules->closures = load_closures (store, pw_programme_get_id (programme), error);
  if (rules->closures == NULL)
    return FALSE;

  rules->per_month = CLAMP (pw_programme_get_meetings_per_month (programme),
                            PW_MEETINGS_PER_MONTH_MIN, PW_MEETINGS_PER_MONTH_MAX);
  rules->minutes = pw_programme_get_meeting_minutes (programme);
  rules->first_contact_days = MAX (0, pw_programme_get_first_contact_days (programme));
  rules->discussion_minutes = pw_programme_get_discussion_minutes (programme);
  rules->target = MAX (0, pw_programme_get_min_discussions (programme));
  return TRUE;
}

static PwProgramme *
get_programme (PwStore  *store,
               gint64    programme_id,
               GError  **error)
{
  g_autoptr(GError) local = NULL;
  PwProgramme *programme = pw_programme_repo_get (store, programme_id, &local);

  if (programme == NULL)
    {
      if (g_error_matches (local, PW_STORE_ERROR, PW_STORE_ERROR_NOT_FOUND))
        g_set_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_NOT_FOUND,
                     _("There is no program %lld. Run “pairwise-cli programme list” to see the IDs."),
                     (long long)programme_id);
      else
        g_propagate_error (error, g_steal_pointer (&local));
    }

  return programme;
}

static char *
who_of (sqlite3_stmt *stmt,
        int           mentee_id_col)
{
  const char *mentee = (const char *)sqlite3_column_text (stmt, mentee_id_col + 1);
  const char *mentor = (const char *)sqlite3_column_text (stmt, mentee_id_col + 3);

  /* An erased person leaves anonymous history behind. */
  if (mentee == NULL || mentee[0] == '\0')
    mentee = _("(erased)");
  if (mentor == NULL || mentor[0] == '\0')
    mentor = _("(erased)");

  /* TRANSLATORS: the mentee and the mentor of a pair */
  return g_strdup_printf (_("%s and %s"), mentee, mentor);
}

static gboolean
get_pair (PwStore   *store,
          gint64     pair_id,
          PairInfo  *info,
          GError   **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = pw_store_prepare (store,
                           "SELECT p.programme_id, p.state, p.approved, p.mentee_id, coalesce (a.name, ''), "
                           "p.mentor_id, coalesce (b.name, '') FROM pair p "
                           "LEFT JOIN person a ON a.id = p.mentee_id "
                           "LEFT JOIN person b ON b.id = p.mentor_id WHERE p.id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, pair_id);
  rc = pw_store_step (store, stmt, error);
  if (rc == SQLITE_ROW)
    {
      info->id = pair_id;
      info->programme_id = sqlite3_column_int64 (stmt, 0);
      info->state = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      info->approved = g_strdup ((const char *)sqlite3_column_text (stmt, 2));
      info->who = who_of (stmt, 3);
    }
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_NOT_FOUND,
                 _("There is no pair %lld. Run “pairwise-cli pairs list --programme ID” to see the IDs."),
                 (long long)pair_id);

  return rc == SQLITE_ROW;
}

static gboolean
pair_is_current (const PairInfo *info)
{
  return g_strcmp0 (info->state, "approved") == 0 || g_strcmp0 (info->state, "active") == 0;
}

/* The local date of the pair's approval in @tz, or today's. */
static void
approval_date (const PairInfo *info,
               GTimeZone      *tz,
               GDate          *out)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (info->approved != NULL)
    when = g_date_time_new_from_iso8601 (info->approved, utc);
  if (when == NULL)
    when = g_date_time_new_now_utc ();

  local = g_date_time_to_timezone (when, tz);
  date_of (local, out);
}

/* Settings */

void
pw_schedule_warning_free (PwScheduleWarning *warning)
{
  if (warning == NULL)
    return;

  g_free (warning->message);
  g_free (warning);
}

void
pw_schedule_settings_clear (PwScheduleSettings *settings)
{
  g_clear_pointer (&settings->tzid, g_free);
  g_clear_pointer (&settings->meeting_time, g_free);
}

gboolean
pw_schedule_settings_load (PwStore             *store,
                           gint64               programme_id,
                           PwScheduleSettings  *settings,
                           GError             **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  settings->tzid = g_strdup ("");
  settings->meeting_time = g_strdup ("10:00");
  settings->kickoff_minutes = 120;
  settings->closing_minutes = 90;

  stmt = pw_store_prepare (store,
                           "SELECT tzid, meeting_time, kickoff_minutes, closing_minutes "
                           "FROM schedule_settings WHERE programme_id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  rc = pw_store_step (store, stmt, error);
  if (rc == SQLITE_ROW)
    {
      g_free (settings->tzid);
      settings->tzid = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
      g_free (settings->meeting_time);
      settings->meeting_time = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
      settings->kickoff_minutes = sqlite3_column_int (stmt, 2);
      settings->closing_minutes = sqlite3_column_int (stmt, 3);
    }
  sqlite3_reset (stmt);

  return rc >= 0;
}

static gboolean
check_tzid (const char  *tzid,
            GError     **error)
{
  g_autoptr(GTimeZone) tz = NULL;

  if (tzid == NULL || tzid[0] == '\0')
    return TRUE;

  tz = g_time_zone_new_identifier (tzid);
  /* The export needs libical to know the zone too, for its VTIMEZONE. */
  if (tz == NULL ||
      (!g_str_equal (tzid, "UTC") && icaltimezone_get_builtin_timezone (tzid) == NULL))
    {
      g_set_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_INVALID,
                   _("“%s” is not a time zone Pairwise knows: use a name such as "
                     "Europe/London or America/New_York, or leave it empty for this computer’s zone."),
                   tzid);
      return FALSE;
    }

  return TRUE;
}

gboolean
pw_schedule_settings_save (PwStore                  *store,
                           gint64                    programme_id,
                           const PwScheduleSettings *settings,
                           GError                  **error)
{
  g_auto(PwScheduleSettings) old = { 0 };
  sqlite3_stmt *stmt;
  gboolean own;
  gboolean ok;
  int h, m;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (settings != NULL, FALSE);

  if (!check_tzid (settings->tzid, error) ||
      !pw_schedule_settings_load (store, programme_id, &old, error))
    return FALSE;

  if (!parse_time (settings->meeting_time, &h, &m))
    {
      g_set_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_INVALID,
                   _("Meeting time “%s” is not a time of day: write it as HH:MM, for example 10:00."),
                   settings->meeting_time ? settings->meeting_time : "");
      return FALSE;
    }

  if (settings->kickoff_minutes < 15 || settings->kickoff_minutes > 480 ||
      settings->closing_minutes < 15 || settings->closing_minutes > 480)
    {
      g_set_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_INVALID,
                   _("The kick-off workshop and the closing session last from 15 to 480 minutes; "
                     "%d and %d are outside that."),
                   settings->kickoff_minutes, settings->closing_minutes);
      return FALSE;
    }

  stmt = pw_store_prepare (store,
                           "INSERT INTO schedule_settings (programme_id, tzid, meeting_time, "
                           "kickoff_minutes, closing_minutes) VALUES (?1, ?2, ?3, ?4, ?5) "
                           "ON CONFLICT (programme_id) DO UPDATE SET tzid = ?2, meeting_time = ?3, "
                           "kickoff_minutes = ?4, closing_minutes = ?5",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_text (stmt, 2, settings->tzid ? settings->tzid : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, settings->meeting_time, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 4, settings->kickoff_minutes);
  sqlite3_bind_int (stmt, 5, settings->closing_minutes);

  if (!tx_begin (store, &own, error))
    {
      sqlite3_clear_bindings (stmt);
      return FALSE;
    }

  ok = run (store, stmt, error);

  /* Meetings keep their wall-clock time in the programme's new zone. */
  if (ok && g_strcmp0 (old.tzid, settings->tzid ? settings->tzid : "") != 0)
    {
      stmt = pw_store_prepare (store,
                               "UPDATE meeting SET tzid = ?2, sequence = sequence + 1, "
                               "modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                               "WHERE programme_id = ?1 AND tzid = ?3",
                               error);
      ok = stmt != NULL;
      if (ok)
        {
          sqlite3_bind_int64 (stmt, 1, programme_id);
          sqlite3_bind_text (stmt, 2, settings->tzid ? settings->tzid : "", -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (stmt, 3, old.tzid, -1, SQLITE_TRANSIENT);
          ok = run (store, stmt, error);
        }
    }

  return tx_end (store, own, ok, error);
}

GTimeZone *
pw_schedule_get_timezone (PwStore *store,
                          gint64   programme_id)
{
  g_auto(PwScheduleSettings) settings = { 0 };

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  if (!pw_schedule_settings_load (store, programme_id, &settings, NULL))
    return g_time_zone_new_local ();

  return pw_meeting_zone_for_tzid (settings.tzid);
}

/* Closure days */

GStrv
pw_schedule_closures_get (PwStore  *store,
                          gint64    programme_id,
                          GError  **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  stmt = pw_store_prepare (store, "SELECT day FROM closure_day WHERE programme_id = ? ORDER BY day", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc < 0)
    return NULL;

  return g_strv_builder_end (builder);
}

gboolean
pw_schedule_closure_add (PwStore     *store,
                         gint64       programme_id,
                         const char  *iso_date,
                         const char  *label,
                         GError     **error)
{
  g_autoptr(PwProgramme) programme = NULL;
  sqlite3_stmt *stmt;
  gboolean own;
  GDate day;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  if (!parse_day (iso_date, &day) || strlen (iso_date) != 10)
    {
      g_set_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_INVALID,
                   _("Closure day “%s” is not a date: write it as YYYY-MM-DD, for example 2026-12-25."),
                   iso_date ? iso_date : "");
      return FALSE;
    }

  programme = get_programme (store, programme_id, error);
  if (programme == NULL)
    return FALSE;

  stmt = pw_store_prepare (store,
                           "INSERT INTO closure_day (programme_id, day, label) VALUES (?1, ?2, ?3) "
                           "ON CONFLICT (programme_id, day) DO UPDATE SET label = ?3",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_text (stmt, 2, iso_date, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, label ? label : "", -1, SQLITE_TRANSIENT);

  if (!tx_begin (store, &own, error))
    {
      sqlite3_clear_bindings (stmt);
      return FALSE;
    }

  return tx_end (store, own, run (store, stmt, error), error);
}

gboolean
pw_schedule_closure_remove (PwStore     *store,
                            gint64       programme_id,
                            const char  *iso_date,
                            GError     **error)
{
  sqlite3_stmt *stmt;
  gboolean own;
  gboolean ok;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  stmt = pw_store_prepare (store, "DELETE FROM closure_day WHERE programme_id = ? AND day = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_text (stmt, 2, iso_date ? iso_date : "", -1, SQLITE_TRANSIENT);

  if (!tx_begin (store, &own, error))
    {
      sqlite3_clear_bindings (stmt);
      return FALSE;
    }

  ok = run (store, stmt, error);
  if (ok && pw_store_changes (store) == 0)
    {
      g_set_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_NOT_FOUND,
                   _("%s is not a closure day of program %lld; nothing was removed."),
                   iso_date ? iso_date : "", (long long)programme_id);
      ok = FALSE;
    }

  return tx_end (store, own, ok, error);
}

char *
pw_schedule_closure_get_label (PwStore     *store,
                               gint64       programme_id,
                               const char  *iso_date,
                               GError     **error)
{
  g_autofree char *label = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  stmt = pw_store_prepare (store, "SELECT label FROM closure_day WHERE programme_id = ? AND day = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_text (stmt, 2, iso_date ? iso_date : "", -1, SQLITE_TRANSIENT);
  rc = pw_store_step (store, stmt, error);
  if (rc == SQLITE_ROW)
    label = g_strdup (sqlite3_column_text (stmt, 0) ? (const char *) sqlite3_column_text (stmt, 0) : "");
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc < 0)
    return NULL;
  if (label == NULL)
    g_set_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_NOT_FOUND,
                 _("%s is not a closure day of program %lld."),
                 iso_date ? iso_date : "", (long long) programme_id);

  return g_steal_pointer (&label);
}

/* Planning */

static void
add_item (GArray        *items,
          PwMeetingKind  kind,
          const GDate   *date,
          int            minutes)
{
  PlanItem item = { kind, *date, minutes };

  g_array_append_val (items, item);
}

/* The pair's meetings from @from (the approval date) at @per_month a
 * month. Meeting k after the first falls k / n months and (k mod n) × 30 / n
 * days after the first meeting, each counted from the first meeting so that
 * month ends do not drift (31 January, 29 February, 31 March, …), then on
 * the next working day. */
static void
plan_pair_items (const PlanRules *rules,
                 const GDate     *from,
                 int              per_month,
                 GArray          *items)
{
  GDate deadline = *from;
  GDate first;
  GDate prev;

  g_date_add_days (&deadline, rules->first_contact_days);
  forward_to_working_day (rules, &deadline);
  if (g_date_compare (&deadline, &rules->end) > 0)
    return;
  add_item (items, PW_MEETING_FIRST_CONTACT, &deadline, PW_SCHEDULE_FIRST_CONTACT_MINUTES);

  first = deadline;
  g_date_add_days (&first, 1);
  if (g_date_compare (&first, &rules->start) < 0)
    first = rules->start;
  forward_to_working_day (rules, &first);
  if (g_date_compare (&first, &rules->end) > 0)
    return;
  add_item (items, PW_MEETING_FIRST_MEETING, &first, rules->minutes);
  prev = first;

  for (int k = 1; ; k++)
    {
      GDate ideal = first;
      GDate day;

      g_date_add_months (&ideal, k / per_month);
      g_date_add_days (&ideal, (k % per_month) * 30 / per_month);
      if (g_date_compare (&ideal, &rules->end) > 0)
        break;

      day = ideal;
      forward_to_working_day (rules, &day);
      if (g_date_compare (&day, &prev) <= 0)
        {
          day = prev;
          g_date_add_days (&day, 1);
          forward_to_working_day (rules, &day);
        }

      if (g_date_compare (&day, &rules->end) > 0)
        {
          /* Near the end, the working day before will do. */
          day = ideal;
          back_to_working_day (rules, &day);
          if (g_date_compare (&day, &prev) <= 0)
            continue;
        }

      add_item (items, PW_MEETING_REGULAR, &day, rules->minutes);
      prev = day;
    }
}

/* Meetings in @items that can become significant discussions. */
static guint
count_capable (const PlanRules *rules,
               GArray          *items,
               int              minutes)
{
  guint n = 0;

  if (minutes < rules->discussion_minutes)
    return 0;

  for (guint i = 0; i < items->len; i++)
    {
      PlanItem *item = &g_array_index (items, PlanItem, i);

      if (item->kind == PW_MEETING_FIRST_MEETING || item->kind == PW_MEETING_REGULAR)
        n++;
    }

  return n;
}

static guint
capable_at (const PlanRules *rules,
            const GDate     *from,
            int              per_month)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (PlanItem));

  plan_pair_items (rules, from, per_month, items);
  return count_capable (rules, items, rules->minutes);
}

/* Why a plan from @from cannot reach the target, in words, or NULL if it
 * can. */
static char *
explain_shortfall (const PlanRules        *rules,
                   const GDate            *from,
                   PwScheduleWarningCode  *code)
{
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (PlanItem));
  char from_s[11], end_s[11];
  guint meetings, capable;

  plan_pair_items (rules, from, rules->per_month, items);
  capable = count_capable (rules, items, rules->minutes);
  if ((int)capable >= rules->target)
    return NULL;

  format_day (from, from_s);
  format_day (&rules->end, end_s);
  meetings = count_capable (rules, items, G_MAXINT);
  *code = PW_SCHEDULE_WARNING_TARGET_UNREACHABLE;

  if (meetings == 0)
    {
      *code = PW_SCHEDULE_WARNING_NOTHING_TO_PLAN;
      return g_strdup_printf (_("The program ends on %s, too soon after %s for a first meeting "
                                "(first contact is due %d days after approval): no meetings were planned."),
                              end_s, from_s, rules->first_contact_days);
    }

  if (rules->minutes < rules->discussion_minutes)
    return g_strdup_printf (_("Meetings of %d minutes are shorter than the %d minutes a significant "
                              "discussion needs, so none of the %u planned meetings counts toward the "
                              "target of %d. Plan meetings of at least %d minutes."),
                            rules->minutes, rules->discussion_minutes, meetings, rules->target,
                            rules->discussion_minutes);

  for (int n = rules->per_month + 1; n <= PW_MEETINGS_PER_MONTH_MAX; n++)
    if ((int)capable_at (rules, from, n) >= rules->target)
      return g_strdup_printf (_("From %s to the program’s end on %s there is room for %u meetings "
                                "at %d a month, but the target is %d significant discussions. "
                                "Meet %d times a month to reach it, or lower the target."),
                              from_s, end_s, meetings, rules->per_month, rules->target, n);

  return g_strdup_printf (_("From %s to the program’s end on %s there is room for %u meetings "
                            "at %d a month, but the target is %d significant discussions, more "
                            "than even %d meetings a month would allow. Lower the target or "
                            "extend the program."),
                          from_s, end_s, meetings, rules->per_month, rules->target,
                          PW_MEETINGS_PER_MONTH_MAX);
}

static PwContactForm
default_form (PwProgramme   *programme,
              PwMeetingKind  kind)
{
  static const PwContactForm meeting_order[] = {
    PW_CONTACT_IN_PERSON, PW_CONTACT_VIDEO, PW_CONTACT_PHONE, PW_CONTACT_EMAIL,
  };
  static const PwContactForm contact_order[] = {
    PW_CONTACT_EMAIL, PW_CONTACT_PHONE, PW_CONTACT_VIDEO, PW_CONTACT_IN_PERSON,
  };
  const PwContactForm *order = kind == PW_MEETING_FIRST_CONTACT ? contact_order : meeting_order;
  PwContactForm allowed = pw_programme_get_contact_forms (programme);

  for (guint i = 0; i < G_N_ELEMENTS (meeting_order); i++)
    if (allowed & order[i])
      return order[i];

  return PW_CONTACT_NONE;
}

static const char *
default_agenda (PwMeetingKind kind)
{
  switch (kind)
    {
    case PW_MEETING_FIRST_CONTACT:
      return _("The mentor gets in touch with the mentee by this date to introduce "
               "themselves and arrange the first meeting.");
    case PW_MEETING_FIRST_MEETING:
      return _("First-meeting essentials:\n"
               "• Agree expectations: what each of you wants from the relationship, "
               "and how often and how you will meet.\n"
               "• Complete the Mentor Me agreement: goals, confidentiality, boundaries, "
               "and how either of you can end it.\n"
               "• Walk through the action learning cycle: experience, reflect, learn, plan.");
    case PW_MEETING_REGULAR:
      return _("Review progress on the action plan, talk through a current challenge, "
               "and agree the next actions.");
    case PW_MEETING_KICK_OFF:
      return _("Program kick-off workshop for all mentors and mentees: the program’s "
               "purpose, the roles, the code of conduct and how to raise concerns.");
    case PW_MEETING_CLOSING:
      return _("Closing session: reflect on the year, share what was learned, and give "
               "feedback both ways.");
    default:
      return "";
    }
}

static char *
new_uid (void)
{
  g_autofree char *uuid = g_uuid_string_random ();

  return g_strdup_printf ("%s@pairwise.io.github", uuid);
}

static gboolean
insert_row (PwStore        *store,
            gint64          programme_id,
            gint64          pair_id,
            PwMeetingKind   kind,
            const char     *start_local,
            const char     *tzid,
            int             minutes,
            PwContactForm   form,
            const char     *place,
            const char     *link,
            const char     *agenda,
            GError        **error)
{
  g_autofree char *uid = new_uid ();
  sqlite3_stmt *stmt;

  stmt = pw_store_prepare (store,
                           "INSERT INTO meeting (uid, programme_id, pair_id, kind, start_local, tzid, "
                           "minutes, contact_form, place, link, agenda) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, programme_id);
  if (pair_id != 0)
    sqlite3_bind_int64 (stmt, 3, pair_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_text (stmt, 4, pw_meeting_kind_to_nick (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, start_local, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, tzid ? tzid : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 7, minutes);
  sqlite3_bind_text (stmt, 8, pw_contact_form_to_nick (form), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 9, place ? place : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 10, link ? link : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, agenda ? agenda : "", -1, SQLITE_TRANSIENT);

  return run (store, stmt, error);
}

static gboolean
insert_item (PwStore                  *store,
             PwProgramme              *programme,
             gint64                    pair_id,
             const PwScheduleSettings *settings,
             const PlanItem           *item,
             GError                  **error)
{
  char day[11];
  g_autofree char *start = NULL;

  format_day (&item->date, day);
  start = g_strdup_printf ("%sT%s", day, settings->meeting_time);

  return insert_row (store, pw_programme_get_id (programme), pair_id, item->kind, start,
                     settings->tzid, item->minutes, default_form (programme, item->kind),
                     "", "", default_agenda (item->kind), error);
}

static gint64
count_where (PwStore     *store,
             const char  *sql,
             gint64       a,
             const char  *b,
             GError     **error)
{
  sqlite3_stmt *stmt = pw_store_prepare (store, sql, error);
  gint64 n = -1;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_int64 (stmt, 1, a);
  if (b != NULL)
    sqlite3_bind_text (stmt, 2, b, -1, SQLITE_TRANSIENT);
  if (pw_store_step (store, stmt, error) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  return n;
}

/* The kick-off workshop on the first working day of the programme, the
 * closing session on its last; each once a programme. */
static gboolean
ensure_sessions (PwStore                  *store,
                 PwProgramme              *programme,
                 const PlanRules          *rules,
                 const PwScheduleSettings *settings,
                 GError                  **error)
{
  static const PwMeetingKind kinds[] = { PW_MEETING_KICK_OFF, PW_MEETING_CLOSING };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      GDate day = kinds[i] == PW_MEETING_KICK_OFF ? rules->start : rules->end;
      PlanItem item;
      gint64 n;

      n = count_where (store,
                       "SELECT count(*) FROM meeting WHERE programme_id = ?1 AND pair_id IS NULL AND kind = ?2",
                       pw_programme_get_id (programme), pw_meeting_kind_to_nick (kinds[i]), error);
      if (n < 0)
        return FALSE;
      if (n > 0)
        continue;

      if (kinds[i] == PW_MEETING_KICK_OFF)
        forward_to_working_day (rules, &day);
      else
        back_to_working_day (rules, &day);
      if (g_date_compare (&day, &rules->start) < 0 || g_date_compare (&day, &rules->end) > 0)
        continue;

      item.kind = kinds[i];
      item.date = day;
      item.minutes = kinds[i] == PW_MEETING_KICK_OFF ? settings->kickoff_minutes : settings->closing_minutes;
      if (!insert_item (store, programme, 0, settings, &item, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
plan_in_transaction (PwStore              *store,
                     gint64                pair_id,
                     const char           *from,
                     PwSchedulePlanFlags   flags,
                     GPtrArray            *warnings,
                     GError              **error)
{
  g_auto(PairInfo) pair = { 0 };
  g_auto(PlanRules) rules = { 0 };
  g_auto(PwScheduleSettings) settings = { 0 };
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (PlanItem));
  g_autofree char *shortfall = NULL;
  PwScheduleWarningCode code = PW_SCHEDULE_WARNING_TARGET_UNREACHABLE;
  GDate from_day;
  GDate replan_day;
  gint64 existing;

  if (!get_pair (store, pair_id, &pair, error))
    return FALSE;

  if (!pair_is_current (&pair))
    {
      g_set_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_STATE,
                   _("Pair %lld is %s: only approved and active pairs get a meeting plan. "
                     "Approve it first."),
                   (long long)pair_id, pair.state);
      return FALSE;
    }

  programme = get_programme (store, pair.programme_id, error);
  if (programme == NULL ||
      !load_rules (store, programme, &rules, error) ||
      !pw_schedule_settings_load (store, pair.programme_id, &settings, error))
    return FALSE;

  tz = pw_meeting_zone_for_tzid (settings.tzid);

  if (from != NULL)
    {
      if (!parse_day (from, &from_day))
        {
          g_set_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_INVALID,
                       _("“%s” is not a date: write it as YYYY-MM-DD, for example 2026-09-01."), from);
          return FALSE;
        }
    }
  else
    approval_date (&pair, tz, &from_day);

  shortfall = explain_shortfall (&rules, &from_day, &code);
  if (shortfall != NULL && (flags & PW_SCHEDULE_PLAN_STRICT) != 0)
    {
      g_set_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_UNREACHABLE,
                   _("Pair %lld: %s"), (long long)pair_id, shortfall);
      return FALSE;
    }

  existing = count_where (store, "SELECT count(*) FROM meeting WHERE pair_id = ?1", pair_id, NULL, error);
  if (existing < 0)
    return FALSE;

  g_date_clear (&replan_day, 1);
  if (existing > 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (tz);
      char replan_s[11];
      sqlite3_stmt *stmt;

      if ((flags & PW_SCHEDULE_PLAN_REPLACE) == 0)
        return TRUE;

      /* Replanning keeps the past and everything logged. */
      date_of (now, &replan_day);
      format_day (&replan_day, replan_s);
      stmt = pw_store_prepare (store,
                               "DELETE FROM meeting WHERE pair_id = ?1 AND status = 'planned' "
                               "AND start_local >= ?2",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, pair_id);
      sqlite3_bind_text (stmt, 2, replan_s, -1, SQLITE_TRANSIENT);
      if (!run (store, stmt, error))
        return FALSE;
    }

  if (!ensure_sessions (store, programme, &rules, &settings, error))
    return FALSE;

  plan_pair_items (&rules, &from_day, rules.per_month, items);
  for (guint i = 0; i < items->len; i++)
    {
      PlanItem *item = &g_array_index (items, PlanItem, i);

      if (g_date_valid (&replan_day))
        {
          gint64 kept;

          if (g_date_compare (&item->date, &replan_day) < 0)
            continue;

          /* One first contact and one first meeting a pair. */
          kept = count_where (store, "SELECT count(*) FROM meeting WHERE pair_id = ?1 AND kind = ?2",
                              pair_id, pw_meeting_kind_to_nick (item->kind), error);
          if (kept < 0)
            return FALSE;
          if (kept > 0 && item->kind != PW_MEETING_REGULAR)
            continue;
        }

      if (!insert_item (store, programme, pair_id, &settings, item, error))
        return FALSE;
    }

  if (shortfall != NULL)
    warn (warnings, code, g_strdup_printf (_("Pair %lld (%s): %s"), (long long)pair_id, pair.who, shortfall));

  return TRUE;
}

gboolean
pw_schedule_plan_pair_full (PwStore              *store,
                            gint64                pair_id,
                            const char           *from,
                            PwSchedulePlanFlags   flags,
                            GPtrArray           **warnings,
                            GError              **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)pw_schedule_warning_free);
  gboolean own;
  gboolean ok;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!tx_begin (store, &own, error))
    return FALSE;

  ok = plan_in_transaction (store, pair_id, from, flags, found, error);
  if (!tx_end (store, own, ok, error))
    return FALSE;

  if (warnings != NULL)
    *warnings = g_steal_pointer (&found);

  return TRUE;
}

gboolean
pw_schedule_plan_pair (PwStore  *store,
                       gint64    pair_id,
                       GError  **error)
{
  return pw_schedule_plan_pair_full (store, pair_id, NULL, PW_SCHEDULE_PLAN_NONE, NULL, error);
}

gboolean
pw_schedule_check_cadence (PwStore     *store,
                           gint64       programme_id,
                           const char  *from,
                           GError     **error)
{
  g_autoptr(PwProgramme) programme = NULL;
  g_auto(PlanRules) rules = { 0 };
  g_autofree char *shortfall = NULL;
  PwScheduleWarningCode code;
  GDate from_day;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  programme = get_programme (store, programme_id, error);
  if (programme == NULL || !load_rules (store, programme, &rules, error))
    return FALSE;

  if (from == NULL)
    {
      /* Approved on the first day: first contact then leaves no gap. */
      from_day = rules.start;
    }
  else if (!parse_day (from, &from_day))
    {
      g_set_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_INVALID,
                   _("“%s” is not a date: write it as YYYY-MM-DD, for example 2026-09-01."), from);
      return FALSE;
    }

  shortfall = explain_shortfall (&rules, &from_day, &code);
  if (shortfall != NULL)
    {
      g_set_error_literal (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_UNREACHABLE, shortfall);
      return FALSE;
    }

  return TRUE;
}

/* Meetings */

static PwMeeting *
meeting_from_row (sqlite3_stmt *stmt)
{
  PwMeetingKind kind = PW_MEETING_REGULAR;
  PwMeetingStatus status = PW_MEETING_PLANNED;
  PwContactForm form = PW_CONTACT_NONE;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autofree char *who = NULL;
  const char *tzid = (const char *)sqlite3_column_text (stmt, 6);
  const char *start_local = (const char *)sqlite3_column_text (stmt, 5);
  unsigned y = 2000, mo = 1, d = 1, h = 0, mi = 0;
  PwMeeting *meeting;

  pw_meeting_kind_from_nick ((const char *)sqlite3_column_text (stmt, 4), &kind);
  pw_meeting_status_from_nick ((const char *)sqlite3_column_text (stmt, 12), &status);
  pw_contact_form_from_nick ((const char *)sqlite3_column_text (stmt, 8), &form);

  /* The schema's CHECK guarantees the shape. */
  sscanf (start_local, "%4u-%2u-%2uT%2u:%2u", &y, &mo, &d, &h, &mi);
  tz = pw_meeting_zone_for_tzid (tzid);
  start = g_date_time_new (tz, y, mo, d, h, mi, 0);
  if (start == NULL)
    start = g_date_time_new (tz, 2000, 1, 1, 0, 0, 0);

  meeting = pw_meeting_new (kind, start, sqlite3_column_int (stmt, 7));
  pw_meeting_set_tzid (meeting, tzid);
  pw_meeting_set_pair_id (meeting, sqlite3_column_int64 (stmt, 3));
  pw_meeting_set_contact_form (meeting, form);
  pw_meeting_set_place (meeting, (const char *)sqlite3_column_text (stmt, 9));
  pw_meeting_set_link (meeting, (const char *)sqlite3_column_text (stmt, 10));
  pw_meeting_set_agenda (meeting, (const char *)sqlite3_column_text (stmt, 11));
  pw_meeting_set_stored (meeting,
                         sqlite3_column_int64 (stmt, 0),
                         (const char *)sqlite3_column_text (stmt, 1),
                         sqlite3_column_int64 (stmt, 2),
                         status,
                         sqlite3_column_int (stmt, 13),
                         sqlite3_column_int (stmt, 14),
                         (const char *)sqlite3_column_text (stmt, 15));

  if (sqlite3_column_int64 (stmt, 3) != 0)
    who = who_of (stmt, 16);
  else
    who = g_strdup ((const char *)sqlite3_column_text (stmt, 20));
  pw_meeting_set_who (meeting, who);

  return meeting;
}

GListModel *
pw_schedule_list (PwStore  *store,
                  gint64    programme_id,
                  gint64    pair_id,
                  GError  **error)
{
  g_autoptr(GListStore) list = g_list_store_new (PW_TYPE_MEETING);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  stmt = pw_store_prepare (store,
                           MEETING_SELECT
                           "WHERE m.programme_id = ?1 AND (?2 = 0 OR m.pair_id = ?2 OR m.pair_id IS NULL) "
                           "ORDER BY m.start_local, m.id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int64 (stmt, 2, pair_id);
  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(PwMeeting) meeting = meeting_from_row (stmt);

      g_list_store_append (list, meeting);
    }
  sqlite3_reset (stmt);

  if (rc < 0)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&list));
}

PwMeeting *
pw_schedule_get (PwStore  *store,
                 gint64    meeting_id,
                 GError  **error)
{
  PwMeeting *meeting = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  stmt = pw_store_prepare (store, MEETING_SELECT "WHERE m.id = ?1", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  rc = pw_store_step (store, stmt, error);
  if (rc == SQLITE_ROW)
    meeting = meeting_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    g_set_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_NOT_FOUND,
                 _("There is no meeting %lld. Run “pairwise-cli schedule list --programme ID” to see the IDs."),
                 (long long)meeting_id);

  return meeting;
}

/* Warnings for a meeting on @date: outside the programme, or not a working
 * day. */
static void
check_day (const PlanRules *rules,
           gint64           meeting_id,
           const GDate     *date,
           GPtrArray       *warnings)
{
  char day[11], start[11], end[11];

  format_day (date, day);
  format_day (&rules->start, start);
  format_day (&rules->end, end);

  if (g_date_compare (date, &rules->start) < 0 || g_date_compare (date, &rules->end) > 0)
    warn (warnings, PW_SCHEDULE_WARNING_OUTSIDE_PROGRAMME,
          g_strdup_printf (_("Meeting %lld is now on %s, outside the program’s dates (%s to %s). "
                             "Move it again if that was not meant."),
                           (long long)meeting_id, day, start, end));
  else if (!is_working_day (rules, date))
    warn (warnings, PW_SCHEDULE_WARNING_NOT_WORKING_DAY,
          g_strdup_printf (_("Meeting %lld is now on %s, a weekend or closure day. "
                             "Move it again if that was not meant."),
                           (long long)meeting_id, day));
}

static gboolean
check_form (PwProgramme    *programme,
            PwContactForm   form,
            GError        **error)
{
  if (form == PW_CONTACT_NONE || (pw_programme_get_contact_forms (programme) & form) != 0)
    return TRUE;

  g_set_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_INVALID,
               _("The program does not allow “%s” as a contact form: choose one of those in its "
                 "setup, or allow this one there."),
               pw_contact_form_to_nick (form));
  return FALSE;
}

gboolean
pw_schedule_add (PwStore     *store,
                 gint64       programme_id,
                 PwMeeting   *meeting,
                 GPtrArray  **warnings,
                 GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)pw_schedule_warning_free);
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(PwMeeting) stored = NULL;
  g_auto(PlanRules) rules = { 0 };
  g_auto(PwScheduleSettings) settings = { 0 };
  g_autofree char *start_local = NULL;
  PwMeetingKind kind;
  gint64 pair_id;
  gboolean own;
  gboolean ok;
  GDate day;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (PW_IS_MEETING (meeting), FALSE);
  g_return_val_if_fail (pw_meeting_get_id (meeting) == 0, FALSE);

  kind = pw_meeting_get_kind (meeting);
  pair_id = pw_meeting_get_pair_id (meeting);

  if ((kind == PW_MEETING_KICK_OFF || kind == PW_MEETING_CLOSING) != (pair_id == 0))
    {
      g_set_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_INVALID,
                   pair_id == 0
                   ? _("A pair meeting needs its pair: give the pair’s ID.")
                   : _("The kick-off workshop and the closing session belong to the whole "
                       "program, not to one pair: leave the pair out."));
      return FALSE;
    }

  if (pair_id != 0)
    {
      g_auto(PairInfo) pair = { 0 };

      if (!get_pair (store, pair_id, &pair, error))
        return FALSE;
      if (pair.programme_id != programme_id)
        {
          g_set_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_INVALID,
                       _("Pair %lld belongs to program %lld, not %lld."),
                       (long long)pair_id, (long long)pair.programme_id, (long long)programme_id);
          return FALSE;
        }
      if (!pair_is_current (&pair))
        {
          g_set_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_STATE,
                       _("Pair %lld is %s: meetings can be added only for approved and active pairs."),
                       (long long)pair_id, pair.state);
          return FALSE;
        }
    }

  programme = get_programme (store, programme_id, error);
  if (programme == NULL ||
      !load_rules (store, programme, &rules, error) ||
      !pw_schedule_settings_load (store, programme_id, &settings, error) ||
      !check_form (programme, pw_meeting_get_contact_form (meeting), error))
    return FALSE;

  if (pair_id == 0)
    {
      gint64 n = count_where (store,
                              "SELECT count(*) FROM meeting WHERE programme_id = ?1 AND pair_id IS NULL AND kind = ?2",
                              programme_id, pw_meeting_kind_to_nick (kind), error);
      if (n < 0)
        return FALSE;
      if (n > 0)
        {
          g_set_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_INVALID,
                       _("The program already has its %s; move that one instead of adding another."),
                       pw_meeting_kind_label (kind));
          return FALSE;
        }
    }

  pw_meeting_set_tzid (meeting, settings.tzid);
  start_local = pw_meeting_dup_start_local (meeting);
  date_of (pw_meeting_get_start (meeting), &day);

  if (!tx_begin (store, &own, error))
    return FALSE;

  ok = insert_row (store, programme_id, pair_id, kind, start_local, settings.tzid,
                   pw_meeting_get_minutes (meeting), pw_meeting_get_contact_form (meeting),
                   pw_meeting_get_place (meeting), pw_meeting_get_link (meeting),
                   pw_meeting_get_agenda (meeting), error);
  if (ok)
    stored = pw_schedule_get (store, pw_store_last_insert_id (store), error);
  if (!tx_end (store, own, ok && stored != NULL, error))
    return FALSE;

  pw_meeting_set_stored (meeting, pw_meeting_get_id (stored), pw_meeting_get_uid (stored),
                         programme_id, pw_meeting_get_status (stored), 0,
                         pw_meeting_get_sequence (stored), pw_meeting_get_modified (stored));
  pw_meeting_set_who (meeting, pw_meeting_get_who (stored));

  check_day (&rules, pw_meeting_get_id (meeting), &day, found);
  if (warnings != NULL)
    *warnings = g_steal_pointer (&found);

  return TRUE;
}

gboolean
pw_schedule_update (PwStore    *store,
                    PwMeeting  *meeting,
                    GError    **error)
{
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(PwMeeting) stored = NULL;
  sqlite3_stmt *stmt;
  gboolean own;
  gboolean ok;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (PW_IS_MEETING (meeting), FALSE);

  programme = get_programme (store, pw_meeting_get_programme_id (meeting), error);
  if (programme == NULL || !check_form (programme, pw_meeting_get_contact_form (meeting), error))
    return FALSE;

  stmt = pw_store_prepare (store,
                           "UPDATE meeting SET minutes = ?2, contact_form = ?3, place = ?4, link = ?5, "
                           "agenda = ?6, sequence = sequence + 1, "
                           "modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, pw_meeting_get_id (meeting));
  sqlite3_bind_int (stmt, 2, pw_meeting_get_minutes (meeting));
  sqlite3_bind_text (stmt, 3, pw_contact_form_to_nick (pw_meeting_get_contact_form (meeting)), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, pw_meeting_get_place (meeting), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, pw_meeting_get_link (meeting), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 6, pw_meeting_get_agenda (meeting), -1, SQLITE_TRANSIENT);

  if (!tx_begin (store, &own, error))
    {
      sqlite3_clear_bindings (stmt);
      return FALSE;
    }

  ok = run (store, stmt, error);
  if (ok)
    stored = pw_schedule_get (store, pw_meeting_get_id (meeting), error);
  if (!tx_end (store, own, ok && stored != NULL, error))
    return FALSE;

  pw_meeting_set_stored (meeting, pw_meeting_get_id (stored), pw_meeting_get_uid (stored),
                         pw_meeting_get_programme_id (stored), pw_meeting_get_status (stored),
                         pw_meeting_get_held_minutes (stored), pw_meeting_get_sequence (stored),
                         pw_meeting_get_modified (stored));
  return TRUE;
}

gboolean
pw_schedule_move (PwStore     *store,
                  gint64       meeting_id,
                  GDateTime   *start,
                  GPtrArray  **warnings,
                  GError     **error)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func ((GDestroyNotify)pw_schedule_warning_free);
  g_autoptr(PwMeeting) meeting = NULL;
  g_autoptr(PwProgramme) programme = NULL;
  g_auto(PlanRules) rules = { 0 };
  g_autofree char *start_local = NULL;
  sqlite3_stmt *stmt;
  gboolean own;
  gboolean ok;
  GDate day;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (start != NULL, FALSE);

  meeting = pw_schedule_get (store, meeting_id, error);
  if (meeting == NULL)
    return FALSE;

  programme = get_programme (store, pw_meeting_get_programme_id (meeting), error);
  if (programme == NULL || !load_rules (store, programme, &rules, error))
    return FALSE;

  pw_meeting_set_start (meeting, start);
  start_local = pw_meeting_dup_start_local (meeting);
  date_of (pw_meeting_get_start (meeting), &day);

  stmt = pw_store_prepare (store,
                           "UPDATE meeting SET start_local = ?2, sequence = sequence + 1, "
                           "modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_text (stmt, 2, start_local, -1, SQLITE_TRANSIENT);

  if (!tx_begin (store, &own, error))
    {
      sqlite3_clear_bindings (stmt);
      return FALSE;
    }

  ok = run (store, stmt, error);
  if (!tx_end (store, own, ok, error))
    return FALSE;

  check_day (&rules, meeting_id, &day, found);
  if (warnings != NULL)
    *warnings = g_steal_pointer (&found);

  return TRUE;
}

gboolean
pw_schedule_log (PwStore          *store,
                 gint64            meeting_id,
                 PwMeetingStatus   status,
                 int               held_minutes,
                 GError          **error)
{
  g_autoptr(PwMeeting) meeting = NULL;
  sqlite3_stmt *stmt;
  gboolean own;
  gboolean ok;
  gboolean visible;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  if (status == PW_MEETING_HELD && (held_minutes < 1 || held_minutes > 1440))
    {
      g_set_error (error, PW_SCHEDULE_ERROR, PW_SCHEDULE_ERROR_INVALID,
                   _("A held meeting needs its real length in minutes, from 1 to 1440; "
                     "%d is not one."),
                   held_minutes);
      return FALSE;
    }

  meeting = pw_schedule_get (store, meeting_id, error);
  if (meeting == NULL)
    return FALSE;

  /* Calendars see only whether a meeting is cancelled. */
  visible = (status == PW_MEETING_CANCELLED) != (pw_meeting_get_status (meeting) == PW_MEETING_CANCELLED);

  stmt = pw_store_prepare (store,
                           "UPDATE meeting SET status = ?2, held_minutes = ?3, sequence = sequence + ?4, "
                           "modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, meeting_id);
  sqlite3_bind_text (stmt, 2, pw_meeting_status_to_nick (status), -1, SQLITE_STATIC);
  if (status == PW_MEETING_HELD)
    sqlite3_bind_int (stmt, 3, held_minutes);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int (stmt, 4, visible ? 1 : 0);

  if (!tx_begin (store, &own, error))
    {
      sqlite3_clear_bindings (stmt);
      return FALSE;
    }

  ok = run (store, stmt, error);
  return tx_end (store, own, ok, error);
}

/* Progress and attention */

static GDateTime *
now_or_current (GDateTime *now)
{
  return now != NULL ? g_date_time_ref (now) : g_date_time_new_now_utc ();
}

static PwPairProgress *
progress_of (PwStore     *store,
             PlanRules   *rules,
             GTimeZone   *tz,
             gint64       pair_id,
             GDateTime   *now,
             GError     **error)
{
  g_auto(PairInfo) pair = { 0 };
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(GPtrArray) reasons = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDateTime) local_now = NULL;
  PwPairProgressValues v = { 0 };
  char last_s[11] = "", due_s[11] = "", ref_s[11];
  GDate today, last, due, approved, reference;
  gboolean has_due = FALSE;
  guint n;
  int total_days, elapsed_days;

  if (!get_pair (store, pair_id, &pair, error))
    return NULL;

  meetings = pw_schedule_list (store, pair.programme_id, pair_id, error);
  if (meetings == NULL)
    return NULL;

  local_now = g_date_time_to_timezone (now, tz);
  date_of (local_now, &today);
  approval_date (&pair, tz, &approved);
  g_date_clear (&last, 1);
  g_date_clear (&due, 1);

  v.pair_id = pair_id;
  v.who = pair.who;
  v.target = rules->target;
  v.days_since_last = -1;

  n = g_list_model_get_n_items (meetings);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwMeeting) m = g_list_model_get_item (meetings, i);
      PwMeetingKind kind = pw_meeting_get_kind (m);
      PwMeetingStatus status = pw_meeting_get_status (m);
      GDate day;

      if (pw_meeting_get_pair_id (m) == 0)
        continue;

      date_of (pw_meeting_get_start (m), &day);

      if (kind == PW_MEETING_FIRST_CONTACT)
        {
          due = day;
          has_due = TRUE;
          if (status == PW_MEETING_HELD)
            v.first_contact_done = TRUE;
          continue;
        }

      if (status != PW_MEETING_CANCELLED)
        v.planned++;
      if (status == PW_MEETING_MISSED)
        v.missed++;
      if (status == PW_MEETING_HELD)
        {
          v.held++;
          v.first_contact_done = TRUE;
          if (!g_date_valid (&last) || g_date_compare (&day, &last) > 0)
            last = day;
        }
      if (pw_meeting_is_significant (m, rules->discussion_minutes))
        v.significant++;
      else if (status == PW_MEETING_PLANNED && g_date_compare (&day, &today) >= 0 &&
               pw_meeting_get_minutes (m) >= rules->discussion_minutes)
        v.reachable++;
    }
  v.reachable += v.significant;

  if (!has_due)
    {
      due = approved;
      g_date_add_days (&due, rules->first_contact_days);
    }
  format_day (&due, due_s);
  v.first_contact_due = due_s;

  if (g_date_valid (&last))
    {
      format_day (&last, last_s);
      v.days_since_last = g_date_days_between (&last, &today);
    }
  v.last_meeting = last_s;

  /* Behind: fewer significant discussions than the target times the
   * elapsed fraction of the programme, rounded down. */
  total_days = MAX (1, g_date_days_between (&rules->start, &rules->end));
  elapsed_days = CLAMP (g_date_days_between (&rules->start, &today), 0, total_days);
  v.expected = (guint)(((gint64)rules->target * elapsed_days) / total_days);

  if (pair_is_current (&pair))
    {
      if (!v.first_contact_done && g_date_compare (&today, &due) > 0)
        {
          v.attention |= PW_ATTENTION_FIRST_CONTACT_MISSED;
          g_ptr_array_add (reasons, g_strdup_printf (_("First contact was due on %s and has not been logged."),
                                                     due_s));
        }

      /* Silence counts from the last meeting, else from approval, and
       * only while the programme runs. */
      reference = g_date_valid (&last) ? last : approved;
      if (g_date_compare (&reference, &rules->start) < 0)
        reference = rules->start;
      format_day (&reference, ref_s);
      if (g_date_compare (&today, &rules->end) <= 0 &&
          g_date_days_between (&reference, &today) > PW_SCHEDULE_SILENCE_DAYS)
        {
          v.attention |= PW_ATTENTION_SILENT;
          g_ptr_array_add (reasons,
                           g_date_valid (&last)
                           ? g_strdup_printf (_("No meeting for %d days, since %s: pairs should meet at "
                                                "least every six weeks."),
                                              g_date_days_between (&reference, &today), ref_s)
                           : g_strdup_printf (_("No meeting held in the %d days since %s: pairs should "
                                                "meet at least every six weeks."),
                                              g_date_days_between (&reference, &today), ref_s));
        }

      if (v.significant < v.expected)
        {
          v.attention |= PW_ATTENTION_BEHIND;
          g_ptr_array_add (reasons,
                           g_strdup_printf (_("Behind the target: %u significant discussions held, %u "
                                              "expected by now (%u over the whole program)."),
                                            v.significant, v.expected, v.target));
        }

      if (v.reachable < v.target)
        {
          v.attention |= PW_ATTENTION_PLAN_SHORT;
          g_ptr_array_add (reasons,
                           g_strdup_printf (_("The plan cannot reach the target: at most %u of %u "
                                              "significant discussions, even if every planned meeting "
                                              "is held at full length. Add meetings."),
                                            v.reachable, v.target));
        }
    }

  v.reasons = reasons;
  return pw_pair_progress_new (&v);
}

PwPairProgress *
pw_schedule_pair_progress (PwStore    *store,
                           gint64      pair_id,
                           GDateTime  *now,
                           GError    **error)
{
  g_auto(PairInfo) pair = { 0 };
  g_auto(PlanRules) rules = { 0 };
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) when = NULL;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  if (!get_pair (store, pair_id, &pair, error))
    return NULL;

  programme = get_programme (store, pair.programme_id, error);
  if (programme == NULL || !load_rules (store, programme, &rules, error))
    return NULL;

  tz = pw_schedule_get_timezone (store, pair.programme_id);
  when = now_or_current (now);
  return progress_of (store, &rules, tz, pair_id, when, error);
}

static GListModel *
progress_list (PwStore    *store,
               gint64      programme_id,
               GDateTime  *now,
               gboolean    only_attention,
               GError    **error)
{
  g_autoptr(GListStore) list = g_list_store_new (PW_TYPE_PAIR_PROGRESS);
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_auto(PlanRules) rules = { 0 };
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) when = NULL;
  sqlite3_stmt *stmt;
  int rc;

  programme = get_programme (store, programme_id, error);
  if (programme == NULL || !load_rules (store, programme, &rules, error))
    return NULL;

  stmt = pw_store_prepare (store,
                           "SELECT id FROM pair WHERE programme_id = ? AND state IN ('approved', 'active') "
                           "ORDER BY id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return NULL;

  tz = pw_schedule_get_timezone (store, programme_id);
  when = now_or_current (now);

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(PwPairProgress) progress = NULL;

      progress = progress_of (store, &rules, tz, g_array_index (ids, gint64, i), when, error);
      if (progress == NULL)
        return NULL;
      if (!only_attention || pw_pair_progress_get_attention (progress) != PW_ATTENTION_NONE)
        g_list_store_append (list, progress);
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

GListModel *
pw_schedule_progress_list (PwStore    *store,
                           gint64      programme_id,
                           GDateTime  *now,
                           GError    **error)
{
  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  return progress_list (store, programme_id, now, FALSE, error);
}

GListModel *
pw_schedule_attention (PwStore    *store,
                       gint64      programme_id,
                       GDateTime  *now,
                       GError    **error)
{
  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  return progress_list (store, programme_id, now, TRUE, error);
}
