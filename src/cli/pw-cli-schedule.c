/* pw-cli-schedule.c — pairwise-cli schedule: plans, the meeting log, .ics
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-cli"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pw-cli.h"
#include "pw-ics.h"
#include "pw-match.h"
#include "pw-programme-repo.h"
#include "pw-schedule.h"

typedef struct
{
  const char *verb;
  gint64      programme_id;
  gint64      pair_id;
  gint64      meeting_id;
  const char *output;
  const char *from;
  const char *today;
  const char *to;
  const char *status;
  const char *minutes;
  const char *form;
  const char *place;
  const char *link;
  const char *agenda;
  const char *kind;
  const char *timezone;
  const char *time;
  const char *label;
  GPtrArray  *add_days;
  GPtrArray  *remove_days;
  gboolean    strict;
  gboolean    replace;
  gboolean    all;
} Options;

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage:"));
  fprintf (out, "  pairwise-cli schedule plan --programme ID [--pair ID] [--from YYYY-MM-DD] [--strict] [--replace]\n");
  fprintf (out, "  pairwise-cli schedule check --programme ID [--from YYYY-MM-DD]\n");
  fprintf (out, "  pairwise-cli schedule list --programme ID [--pair ID] [--json]\n");
  fprintf (out, "  pairwise-cli schedule ics --programme ID [--pair ID] [-o FILE]\n");
  fprintf (out, "  pairwise-cli schedule add --programme ID [--pair ID] --at \"YYYY-MM-DD HH:MM\" [--kind KIND]\n"
                "        [--minutes N] [--form in-person|video|phone|email] [--place TEXT] [--link URL] [--agenda TEXT]\n");
  fprintf (out, "  pairwise-cli schedule move MEETING-ID --to \"YYYY-MM-DD HH:MM\"\n");
  fprintf (out, "  pairwise-cli schedule log MEETING-ID held|missed|cancelled|planned [--minutes N]\n");
  fprintf (out, "  pairwise-cli schedule attention --programme ID [--today YYYY-MM-DD] [--all] [--json]\n");
  fprintf (out, "  pairwise-cli schedule closures --programme ID [--add YYYY-MM-DD [--label TEXT]] [--remove YYYY-MM-DD]\n");
  fprintf (out, "  pairwise-cli schedule settings --programme ID [--timezone ZONE] [--time HH:MM]\n");
}

static gboolean
take_id (const char *verb,
         const char *option,
         const char *value,
         gint64     *out)
{
  if (!pw_cli_parse_id (value, out))
    {
      pw_cli_fail (_("schedule %s: %s takes an ID (a number), not “%s”."), verb, option, value);
      return FALSE;
    }
  return TRUE;
}

/* "YYYY-MM-DD HH:MM" (or with a T) in @tz. */
static GDateTime *
parse_when (const char *text,
            GTimeZone  *tz)
{
  unsigned y, mo, d, h, mi;
  char sep;
  int end = 0;

  if (text == NULL ||
      sscanf (text, "%4u-%2u-%2u%c%2u:%2u%n", &y, &mo, &d, &sep, &h, &mi, &end) != 6 ||
      (sep != ' ' && sep != 'T') || text[end] != '\0' || strlen (text) != 16 ||
      !g_date_valid_dmy (d, mo, y) || h > 23 || mi > 59)
    return NULL;

  return g_date_time_new (tz, y, mo, d, h, mi, 0);
}

static gboolean
parse_minutes (const char *text,
               int        *out)
{
  guint64 n;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, 1440, &n, NULL))
    return FALSE;

  *out = (int)n;
  return TRUE;
}

static void
print_warnings (GPtrArray *warnings)
{
  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      PwScheduleWarning *w = g_ptr_array_index (warnings, i);

      fprintf (stderr, _("pairwise-cli: warning: %s\n"), w->message);
    }
}

static char *
start_text (PwMeeting *meeting)
{
  const char *tzid = pw_meeting_get_tzid (meeting);
  g_autofree char *local = g_date_time_format (pw_meeting_get_start (meeting), "%Y-%m-%d %H:%M");

  return tzid[0] != '\0' ? g_strdup_printf ("%s %s", local, tzid) : g_steal_pointer (&local);
}

static JsonNode *
meeting_to_json (PwMeeting *meeting)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GDateTime) utc = g_date_time_to_utc (pw_meeting_get_start (meeting));
  g_autofree char *local = g_date_time_format (pw_meeting_get_start (meeting), "%Y-%m-%dT%H:%M");
  g_autofree char *utc_text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, pw_meeting_get_id (meeting));
  json_builder_set_member_name (b, "uid");
  json_builder_add_string_value (b, pw_meeting_get_uid (meeting));
  json_builder_set_member_name (b, "pair_id");
  json_builder_add_int_value (b, pw_meeting_get_pair_id (meeting));
  json_builder_set_member_name (b, "kind");
  json_builder_add_string_value (b, pw_meeting_kind_to_nick (pw_meeting_get_kind (meeting)));
  json_builder_set_member_name (b, "start");
  json_builder_add_string_value (b, local);
  json_builder_set_member_name (b, "tzid");
  json_builder_add_string_value (b, pw_meeting_get_tzid (meeting));
  json_builder_set_member_name (b, "start_utc");
  json_builder_add_string_value (b, utc_text);
  json_builder_set_member_name (b, "minutes");
  json_builder_add_int_value (b, pw_meeting_get_minutes (meeting));
  json_builder_set_member_name (b, "contact_form");
  json_builder_add_string_value (b, pw_contact_form_to_nick (pw_meeting_get_contact_form (meeting)));
  json_builder_set_member_name (b, "place");
  json_builder_add_string_value (b, pw_meeting_get_place (meeting));
  json_builder_set_member_name (b, "link");
  json_builder_add_string_value (b, pw_meeting_get_link (meeting));
  json_builder_set_member_name (b, "agenda");
  json_builder_add_string_value (b, pw_meeting_get_agenda (meeting));
  json_builder_set_member_name (b, "status");
  json_builder_add_string_value (b, pw_meeting_status_to_nick (pw_meeting_get_status (meeting)));
  json_builder_set_member_name (b, "held_minutes");
  json_builder_add_int_value (b, pw_meeting_get_held_minutes (meeting));
  json_builder_set_member_name (b, "sequence");
  json_builder_add_int_value (b, pw_meeting_get_sequence (meeting));
  json_builder_set_member_name (b, "who");
  json_builder_add_string_value (b, pw_meeting_get_who (meeting));
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

static JsonNode *
progress_to_json (PwPairProgress *p)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(GFlagsClass) klass = g_type_class_ref (PW_TYPE_ATTENTION);
  const char * const *reasons = pw_pair_progress_get_reasons (p);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "pair_id");
  json_builder_add_int_value (b, pw_pair_progress_get_pair_id (p));
  json_builder_set_member_name (b, "who");
  json_builder_add_string_value (b, pw_pair_progress_get_who (p));
  json_builder_set_member_name (b, "planned");
  json_builder_add_int_value (b, pw_pair_progress_get_planned (p));
  json_builder_set_member_name (b, "held");
  json_builder_add_int_value (b, pw_pair_progress_get_held (p));
  json_builder_set_member_name (b, "missed");
  json_builder_add_int_value (b, pw_pair_progress_get_missed (p));
  json_builder_set_member_name (b, "significant");
  json_builder_add_int_value (b, pw_pair_progress_get_significant (p));
  json_builder_set_member_name (b, "target");
  json_builder_add_int_value (b, pw_pair_progress_get_target (p));
  json_builder_set_member_name (b, "expected");
  json_builder_add_int_value (b, pw_pair_progress_get_expected (p));
  json_builder_set_member_name (b, "reachable");
  json_builder_add_int_value (b, pw_pair_progress_get_reachable (p));
  json_builder_set_member_name (b, "days_since_last");
  json_builder_add_int_value (b, pw_pair_progress_get_days_since_last (p));
  json_builder_set_member_name (b, "last_meeting");
  json_builder_add_string_value (b, pw_pair_progress_get_last_meeting (p));
  json_builder_set_member_name (b, "first_contact_due");
  json_builder_add_string_value (b, pw_pair_progress_get_first_contact_due (p));
  json_builder_set_member_name (b, "first_contact_done");
  json_builder_add_boolean_value (b, pw_pair_progress_get_first_contact_done (p));
  json_builder_set_member_name (b, "attention");
  json_builder_begin_array (b);
  for (guint i = 0; i < klass->n_values; i++)
    if (pw_pair_progress_get_attention (p) & klass->values[i].value)
      json_builder_add_string_value (b, klass->values[i].value_nick);
  json_builder_end_array (b);
  json_builder_set_member_name (b, "reasons");
  json_builder_begin_array (b);
  for (guint i = 0; reasons != NULL && reasons[i] != NULL; i++)
    json_builder_add_string_value (b, reasons[i]);
  json_builder_end_array (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

static int
schedule_plan (PwCliContext *ctx,
               PwStore      *store,
               Options      *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify)pw_schedule_warning_free);
  PwSchedulePlanFlags flags = PW_SCHEDULE_PLAN_NONE;
  guint planned = 0;

  if (o->strict)
    flags |= PW_SCHEDULE_PLAN_STRICT;
  if (o->replace)
    flags |= PW_SCHEDULE_PLAN_REPLACE;

  pairs = pw_pairs_list (store, o->programme_id, FALSE, &error);
  if (pairs == NULL)
    return pw_cli_fail ("schedule plan: %s", error->message);

  /* All pairs or none: a strict failure leaves nothing half planned. */
  if (!pw_store_begin (store, &error))
    return pw_cli_fail ("schedule plan: %s", error->message);

  for (guint i = 0; i < pairs->len; i++)
    {
      PwPair *pair = g_ptr_array_index (pairs, i);
      g_autoptr(GPtrArray) found = NULL;

      if (o->pair_id != 0 && pair->id != o->pair_id)
        continue;
      if (o->pair_id == 0 && pair->state != PW_PAIR_APPROVED && pair->state != PW_PAIR_ACTIVE)
        continue;

      if (!pw_schedule_plan_pair_full (store, pair->id, o->from, flags, &found, &error))
        {
          pw_store_rollback (store);
          return pw_cli_fail ("schedule plan: %s", error->message);
        }

      g_ptr_array_extend_and_steal (warnings, g_steal_pointer (&found));
      planned++;
    }

  if (o->pair_id != 0 && planned == 0)
    {
      pw_store_rollback (store);
      return pw_cli_fail (_("schedule plan: program %lld has no pair %lld. Run “pairwise-cli pairs list "
                            "--programme %lld” to see its pairs."),
                          (long long)o->programme_id, (long long)o->pair_id, (long long)o->programme_id);
    }

  if (!pw_store_commit (store, &error))
    return pw_cli_fail ("schedule plan: %s", error->message);
  pw_store_emit_changed (store, "meeting");

  print_warnings (warnings);
  if (!ctx->json)
    printf (g_dngettext (GETTEXT_PACKAGE, "%u pair has a meeting plan.\n",
                         "%u pairs have a meeting plan.\n", planned),
            planned);
  else
    printf ("{ \"pairs\" : %u, \"warnings\" : %u }\n", planned, warnings->len);

  return PW_CLI_EXIT_OK;
}

static int
schedule_list (PwCliContext *ctx,
               PwStore      *store,
               Options      *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) meetings = pw_schedule_list (store, o->programme_id, o->pair_id, &error);
  guint n;

  if (meetings == NULL)
    return pw_cli_fail ("schedule list: %s", error->message);

  n = g_list_model_get_n_items (meetings);

  if (ctx->json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PwMeeting) meeting = g_list_model_get_item (meetings, i);

          json_array_add_element (array, meeting_to_json (meeting));
        }
      json_node_set_array (root, array);
      pw_cli_print_json (root);
      return PW_CLI_EXIT_OK;
    }

  if (n == 0)
    printf ("%s\n", _("No meetings planned yet. Approve pairs, or run “pairwise-cli schedule plan --programme ID”."));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwMeeting) meeting = g_list_model_get_item (meetings, i);
      g_autofree char *when = start_text (meeting);
      g_autofree char *title = pw_meeting_dup_title (meeting);

      printf ("%lld\t%s\t%d min\t%s\t%s\n", (long long)pw_meeting_get_id (meeting), when,
              pw_meeting_get_minutes (meeting), pw_meeting_status_label (pw_meeting_get_status (meeting)),
              title);
    }

  return PW_CLI_EXIT_OK;
}

static int
schedule_ics (PwCliContext *ctx,
              PwStore      *store,
              Options      *o)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (o->output != NULL)
    {
      if (!pw_ics_export_file (store, o->programme_id, o->pair_id, o->output, &error))
        return pw_cli_fail ("schedule ics: %s", error->message);
      return PW_CLI_EXIT_OK;
    }

  text = pw_ics_export (store, o->programme_id, o->pair_id, &error);
  if (text == NULL)
    return pw_cli_fail ("schedule ics: %s", error->message);

  fputs (text, stdout);
  return PW_CLI_EXIT_OK;
}

static int
schedule_add (PwCliContext *ctx,
              PwStore      *store,
              Options      *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GTimeZone) tz = pw_schedule_get_timezone (store, o->programme_id);
  g_autoptr(GDateTime) start = parse_when (o->to, tz);
  g_autoptr(PwMeeting) meeting = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  PwMeetingKind kind = o->pair_id != 0 ? PW_MEETING_REGULAR : PW_MEETING_KICK_OFF;
  PwContactForm form = PW_CONTACT_NONE;
  int minutes = 45;

  if (start == NULL)
    return pw_cli_fail (_("schedule add: --at “%s” is not a date and time: write it as "
                          "\"YYYY-MM-DD HH:MM\", for example \"2026-09-14 10:00\"."),
                        o->to ? o->to : "");
  if (o->kind != NULL && !pw_meeting_kind_from_nick (o->kind, &kind))
    return pw_cli_fail (_("schedule add: --kind is first-contact, first-meeting, regular, kick-off "
                          "or closing, not “%s”."), o->kind);
  if (o->minutes != NULL && !parse_minutes (o->minutes, &minutes))
    return pw_cli_fail (_("schedule add: --minutes takes a length from 1 to 1440, not “%s”."), o->minutes);
  if (o->form != NULL && (!pw_contact_form_from_nick (o->form, &form) || form == PW_CONTACT_NONE))
    return pw_cli_fail (_("schedule add: --form is in-person, video, phone or email, not “%s”."), o->form);

  meeting = pw_meeting_new (kind, start, minutes);
  pw_meeting_set_pair_id (meeting, o->pair_id);
  pw_meeting_set_contact_form (meeting, form);
  pw_meeting_set_place (meeting, o->place);
  pw_meeting_set_link (meeting, o->link);
  pw_meeting_set_agenda (meeting, o->agenda);

  if (!pw_schedule_add (store, o->programme_id, meeting, &warnings, &error))
    return pw_cli_fail ("schedule add: %s", error->message);

  print_warnings (warnings);
  if (ctx->json)
    {
      g_autoptr(JsonNode) node = meeting_to_json (meeting);
      pw_cli_print_json (node);
    }
  else
    printf ("%lld\n", (long long)pw_meeting_get_id (meeting));

  return PW_CLI_EXIT_OK;
}

static int
schedule_move (PwCliContext *ctx,
               PwStore      *store,
               Options      *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwMeeting) meeting = NULL;
  g_autoptr(PwMeeting) moved = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *when = NULL;

  if (o->to == NULL)
    return pw_cli_fail (_("schedule move: say when with --to \"YYYY-MM-DD HH:MM\"."));

  meeting = pw_schedule_get (store, o->meeting_id, &error);
  if (meeting == NULL)
    return pw_cli_fail ("schedule move: %s", error->message);

  /* Wall-clock time in the meeting's own zone. */
  start = parse_when (o->to, g_date_time_get_timezone (pw_meeting_get_start (meeting)));
  if (start == NULL)
    return pw_cli_fail (_("schedule move: --to “%s” is not a date and time: write it as "
                          "\"YYYY-MM-DD HH:MM\", for example \"2026-09-14 10:00\"."), o->to);

  if (!pw_schedule_move (store, o->meeting_id, start, &warnings, &error))
    return pw_cli_fail ("schedule move: %s", error->message);

  print_warnings (warnings);
  moved = pw_schedule_get (store, o->meeting_id, &error);
  if (moved == NULL)
    return pw_cli_fail ("schedule move: %s", error->message);

  when = start_text (moved);
  if (ctx->json)
    {
      g_autoptr(JsonNode) node = meeting_to_json (moved);
      pw_cli_print_json (node);
    }
  else
    printf (_("Meeting %lld is now on %s.\n"), (long long)o->meeting_id, when);

  return PW_CLI_EXIT_OK;
}

static int
schedule_log (PwCliContext *ctx,
              PwStore      *store,
              Options      *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwMeeting) meeting = NULL;
  PwMeetingStatus status;
  int minutes = 0;

  if (o->status == NULL || !pw_meeting_status_from_nick (o->status, &status))
    return pw_cli_fail (_("schedule log: say held, missed, cancelled or planned, not “%s”."),
                        o->status ? o->status : "");
  if (o->minutes != NULL && status != PW_MEETING_HELD)
    return pw_cli_fail (_("schedule log: --minutes is the real length of a held meeting; "
                          "leave it out for %s."), o->status);
  if (o->minutes != NULL && !parse_minutes (o->minutes, &minutes))
    return pw_cli_fail (_("schedule log: --minutes takes a length from 1 to 1440, not “%s”."), o->minutes);

  meeting = pw_schedule_get (store, o->meeting_id, &error);
  if (meeting == NULL)
    return pw_cli_fail ("schedule log: %s", error->message);

  /* Held as planned unless told otherwise. */
  if (status == PW_MEETING_HELD && o->minutes == NULL)
    minutes = pw_meeting_get_minutes (meeting);

  if (!pw_schedule_log (store, o->meeting_id, status, minutes, &error))
    return pw_cli_fail ("schedule log: %s", error->message);

  if (!ctx->json)
    {
      if (status == PW_MEETING_HELD)
        printf (_("Meeting %lld: held, %d minutes.\n"), (long long)o->meeting_id, minutes);
      else
        printf (_("Meeting %lld: %s.\n"), (long long)o->meeting_id, pw_meeting_status_label (status));
    }
  else
    {
      g_autoptr(PwMeeting) logged = pw_schedule_get (store, o->meeting_id, NULL);
      g_autoptr(JsonNode) node = logged ? meeting_to_json (logged) : NULL;

      if (node != NULL)
        pw_cli_print_json (node);
    }

  return PW_CLI_EXIT_OK;
}

static int
schedule_attention (PwCliContext *ctx,
                    PwStore      *store,
                    Options      *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GListModel) list = NULL;
  guint n;

  if (o->today != NULL)
    {
      g_autoptr(GTimeZone) tz = pw_schedule_get_timezone (store, o->programme_id);
      g_autofree char *noon = g_strdup_printf ("%s 12:00", o->today);

      now = parse_when (noon, tz);
      if (now == NULL)
        return pw_cli_fail (_("schedule attention: --today “%s” is not a date: write it as YYYY-MM-DD."),
                            o->today);
    }

  list = o->all ? pw_schedule_progress_list (store, o->programme_id, now, &error)
                : pw_schedule_attention (store, o->programme_id, now, &error);
  if (list == NULL)
    return pw_cli_fail ("schedule attention: %s", error->message);

  n = g_list_model_get_n_items (list);

  if (ctx->json)
    {
      g_autoptr(JsonArray) array = json_array_new ();
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PwPairProgress) p = g_list_model_get_item (list, i);

          json_array_add_element (array, progress_to_json (p));
        }
      json_node_set_array (root, array);
      pw_cli_print_json (root);
      return PW_CLI_EXIT_OK;
    }

  if (n == 0)
    printf ("%s\n", _("No pair needs attention."));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPairProgress) p = g_list_model_get_item (list, i);
      const char * const *reasons = pw_pair_progress_get_reasons (p);

      printf (_("Pair %lld (%s): %u of %u meetings held, %u of %u significant discussions\n"),
              (long long)pw_pair_progress_get_pair_id (p), pw_pair_progress_get_who (p),
              pw_pair_progress_get_held (p), pw_pair_progress_get_planned (p),
              pw_pair_progress_get_significant (p), pw_pair_progress_get_target (p));
      for (guint k = 0; reasons != NULL && reasons[k] != NULL; k++)
        printf ("  %s\n", reasons[k]);
    }

  return PW_CLI_EXIT_OK;
}

static int
schedule_closures (PwCliContext *ctx,
                   PwStore      *store,
                   Options      *o)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) days = NULL;

  if (o->add_days->len > 0 || o->remove_days->len > 0)
    {
      if (!pw_store_begin (store, &error))
        return pw_cli_fail ("schedule closures: %s", error->message);

      for (guint i = 0; i < o->add_days->len; i++)
        if (!pw_schedule_closure_add (store, o->programme_id, g_ptr_array_index (o->add_days, i),
                                      o->label, &error))
          {
            pw_store_rollback (store);
            return pw_cli_fail ("schedule closures: %s", error->message);
          }
      for (guint i = 0; i < o->remove_days->len; i++)
        if (!pw_schedule_closure_remove (store, o->programme_id, g_ptr_array_index (o->remove_days, i),
                                         &error))
          {
            pw_store_rollback (store);
            return pw_cli_fail ("schedule closures: %s", error->message);
          }

      if (!pw_store_commit (store, &error))
        return pw_cli_fail ("schedule closures: %s", error->message);
      pw_store_emit_changed (store, "closure_day");
    }

  days = pw_schedule_closures_get (store, o->programme_id, &error);
  if (days == NULL)
    return pw_cli_fail ("schedule closures: %s", error->message);

  for (guint i = 0; days[i] != NULL; i++)
    printf ("%s\n", days[i]);

  return PW_CLI_EXIT_OK;
}

static int
schedule_settings (PwCliContext *ctx,
                   PwStore      *store,
                   Options      *o)
{
  g_autoptr(GError) error = NULL;
  g_auto(PwScheduleSettings) settings = { 0 };

  if (!pw_schedule_settings_load (store, o->programme_id, &settings, &error))
    return pw_cli_fail ("schedule settings: %s", error->message);

  if (o->timezone != NULL || o->time != NULL)
    {
      if (o->timezone != NULL)
        {
          g_free (settings.tzid);
          settings.tzid = g_strdup (o->timezone);
        }
      if (o->time != NULL)
        {
          g_free (settings.meeting_time);
          settings.meeting_time = g_strdup (o->time);
        }
      if (!pw_schedule_settings_save (store, o->programme_id, &settings, &error))
        return pw_cli_fail ("schedule settings: %s", error->message);
    }

  printf (_("Time zone: %s\n"), settings.tzid[0] != '\0' ? settings.tzid : _("this computer’s"));
  printf (_("Meetings start at: %s\n"), settings.meeting_time);
  return PW_CLI_EXIT_OK;
}

int
pw_cli_schedule (PwCliContext  *ctx,
                 int            argc,
                 char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autoptr(GPtrArray) add_days = g_ptr_array_new ();
  g_autoptr(GPtrArray) remove_days = g_ptr_array_new ();
  static const char * const verbs[] = {
    "plan", "check", "list", "ics", "add", "move", "log", "attention", "closures", "settings", NULL
  };
  Options o = { 0 };
  gboolean needs_meeting;

  o.verb = argc > 1 ? argv[1] : NULL;
  o.add_days = add_days;
  o.remove_days = remove_days;

  if (o.verb == NULL || g_str_equal (o.verb, "--help") || g_str_equal (o.verb, "-h"))
    {
      print_usage (o.verb ? stdout : stderr);
      return o.verb ? PW_CLI_EXIT_OK : PW_CLI_EXIT_USAGE;
    }

  if (!g_strv_contains (verbs, o.verb))
    return pw_cli_usage_error (_("schedule: “%s” is not a subcommand; use plan, check, list, ics, add, "
                                 "move, log, attention, closures or settings."), o.verb);

  needs_meeting = g_str_equal (o.verb, "move") || g_str_equal (o.verb, "log");

  for (int i = 2; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;

#define TAKE(name, field) \
      if (g_str_equal (arg, name)) \
        { \
          if (value == NULL) \
            return pw_cli_usage_error (_("schedule %s: %s needs a value."), o.verb, name); \
          o.field = value; \
          i++; \
          continue; \
        }

      if ((g_str_equal (arg, "--programme") || g_str_equal (arg, "--program")) && value != NULL)
        {
          if (!take_id (o.verb, "--programme", argv[++i], &o.programme_id))
            return PW_CLI_EXIT_FAILED;
          continue;
        }
      if (g_str_equal (arg, "--pair") && value != NULL)
        {
          if (!take_id (o.verb, "--pair", argv[++i], &o.pair_id))
            return PW_CLI_EXIT_FAILED;
          continue;
        }
      if (g_str_equal (arg, "--add") && value != NULL)
        {
          g_ptr_array_add (add_days, argv[++i]);
          continue;
        }
      if (g_str_equal (arg, "--remove") && value != NULL)
        {
          g_ptr_array_add (remove_days, argv[++i]);
          continue;
        }
      TAKE ("-o", output)
      TAKE ("--output", output)
      TAKE ("--from", from)
      TAKE ("--today", today)
      TAKE ("--to", to)
      TAKE ("--at", to)
      TAKE ("--minutes", minutes)
      TAKE ("--form", form)
      TAKE ("--place", place)
      TAKE ("--link", link)
      TAKE ("--agenda", agenda)
      TAKE ("--kind", kind)
      TAKE ("--timezone", timezone)
      TAKE ("--time", time)
      TAKE ("--label", label)
#undef TAKE
      if (g_str_equal (arg, "--strict"))
        o.strict = TRUE;
      else if (g_str_equal (arg, "--replace"))
        o.replace = TRUE;
      else if (g_str_equal (arg, "--all"))
        o.all = TRUE;
      else if (needs_meeting && o.meeting_id == 0 && arg[0] != '-')
        {
          if (!take_id (o.verb, _("the meeting"), arg, &o.meeting_id))
            return PW_CLI_EXIT_FAILED;
        }
      else if (g_str_equal (o.verb, "log") && o.status == NULL && arg[0] != '-')
        o.status = arg;
      else
        return pw_cli_usage_error (_("schedule %s: unexpected “%s”. Run “pairwise-cli schedule --help”."),
                                   o.verb, arg);
    }

  if (needs_meeting && o.meeting_id == 0)
    return pw_cli_usage_error (_("schedule %s: give the meeting’s ID (see “pairwise-cli schedule list”)."),
                               o.verb);
  if (!needs_meeting && o.programme_id == 0)
    return pw_cli_usage_error (_("schedule %s: say which program with --programme ID."), o.verb);

  store = pw_cli_open_store (ctx);
  if (store == NULL)
    return PW_CLI_EXIT_FAILED;

  if (!needs_meeting)
    {
      g_autoptr(GError) check = NULL;

      g_autoptr(PwProgramme) programme = NULL;

      /* Fail early on a wrong programme ID, with words. */
      programme = pw_programme_repo_get (store, o.programme_id, &check);
      if (programme == NULL)
        return pw_cli_fail ("schedule %s: %s", o.verb, check->message);

      if (g_str_equal (o.verb, "check"))
        {
          if (!pw_schedule_check_cadence (store, o.programme_id, o.from, &check))
            return pw_cli_fail ("schedule check: %s", check->message);
          printf ("%s\n", _("The cadence reaches the target of significant discussions."));
          return PW_CLI_EXIT_OK;
        }
    }

  if (g_str_equal (o.verb, "plan"))
    return schedule_plan (ctx, store, &o);
  if (g_str_equal (o.verb, "list"))
    return schedule_list (ctx, store, &o);
  if (g_str_equal (o.verb, "ics"))
    return schedule_ics (ctx, store, &o);
  if (g_str_equal (o.verb, "add"))
    return schedule_add (ctx, store, &o);
  if (g_str_equal (o.verb, "move"))
    return schedule_move (ctx, store, &o);
  if (g_str_equal (o.verb, "log"))
    return schedule_log (ctx, store, &o);
  if (g_str_equal (o.verb, "attention"))
    return schedule_attention (ctx, store, &o);
  if (g_str_equal (o.verb, "closures"))
    return schedule_closures (ctx, store, &o);

  return schedule_settings (ctx, store, &o);
}
