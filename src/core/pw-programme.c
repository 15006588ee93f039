/* pw-programme.c — a mentoring programme and its setup
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-programme"

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pw-enums.h"
#include "pw-programme.h"

struct _PwProgramme
{
  GObject          parent_instance;

  gint64           id;
  char            *uuid;
  char            *name;
  PwProgrammeKind  kind;
  PwPurpose        purposes;
  char            *purpose_other;
  GStrv            goals;
  char            *target_audience;
  PwScope          scope;
  int              expected_demand;
  char            *start_date;
  char            *end_date;
  int              meetings_per_month;
  int              meeting_minutes;
  int              min_discussions;
  int              discussion_minutes;
  int              first_contact_days;
  PwContactForm    contact_forms;
  char            *code_of_conduct;
  char            *confidentiality;
  char            *concerns;
  int              protected_hours;
  char            *recognition;
  char            *peer_support;
  gboolean         sensitive_enabled;
  PwPairSeniority  pair_seniority;
  PwPairDiscipline pair_discipline;
};

G_DEFINE_FINAL_TYPE (PwProgramme, pw_programme, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  PROP_NAME,
  PROP_KIND,
  PROP_PURPOSES,
  PROP_PURPOSE_OTHER,
  PROP_GOALS,
  PROP_TARGET_AUDIENCE,
  PROP_SCOPE,
  PROP_EXPECTED_DEMAND,
  PROP_START_DATE,
  PROP_END_DATE,
  PROP_MEETINGS_PER_MONTH,
  PROP_MEETING_MINUTES,
  PROP_MIN_DISCUSSIONS,
  PROP_DISCUSSION_MINUTES,
  PROP_FIRST_CONTACT_DAYS,
  PROP_CONTACT_FORMS,
  PROP_CODE_OF_CONDUCT,
  PROP_CONFIDENTIALITY,
  PROP_CONCERNS,
  PROP_PROTECTED_HOURS,
  PROP_RECOGNITION,
  PROP_PEER_SUPPORT,
  PROP_SENSITIVE_ENABLED,
  PROP_PAIR_SENIORITY,
  PROP_PAIR_DISCIPLINE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* Where each property lives in the struct, so that get/set_property, the
 * copy and the JSON form share one description instead of 25 switches. */
static const gsize field_offsets [N_PROPS] = {
  [PROP_ID]                 = G_STRUCT_OFFSET (PwProgramme, id),
  [PROP_UUID]               = G_STRUCT_OFFSET (PwProgramme, uuid),
  [PROP_NAME]               = G_STRUCT_OFFSET (PwProgramme, name),
  [PROP_KIND]               = G_STRUCT_OFFSET (PwProgramme, kind),
  [PROP_PURPOSES]           = G_STRUCT_OFFSET (PwProgramme, purposes),
  [PROP_PURPOSE_OTHER]      = G_STRUCT_OFFSET (PwProgramme, purpose_other),
  [PROP_GOALS]              = G_STRUCT_OFFSET (PwProgramme, goals),
  [PROP_TARGET_AUDIENCE]    = G_STRUCT_OFFSET (PwProgramme, target_audience),
  [PROP_SCOPE]              = G_STRUCT_OFFSET (PwProgramme, scope),
  [PROP_EXPECTED_DEMAND]    = G_STRUCT_OFFSET (PwProgramme, expected_demand),
  [PROP_START_DATE]         = G_STRUCT_OFFSET (PwProgramme, start_date),
  [PROP_END_DATE]           = G_STRUCT_OFFSET (PwProgramme, end_date),
  [PROP_MEETINGS_PER_MONTH] = G_STRUCT_OFFSET (PwProgramme, meetings_per_month),
  [PROP_MEETING_MINUTES]    = G_STRUCT_OFFSET (PwProgramme, meeting_minutes),
  [PROP_MIN_DISCUSSIONS]    = G_STRUCT_OFFSET (PwProgramme, min_discussions),
  [PROP_DISCUSSION_MINUTES] = G_STRUCT_OFFSET (PwProgramme, discussion_minutes),
  [PROP_FIRST_CONTACT_DAYS] = G_STRUCT_OFFSET (PwProgramme, first_contact_days),
  [PROP_CONTACT_FORMS]      = G_STRUCT_OFFSET (PwProgramme, contact_forms),
  [PROP_CODE_OF_CONDUCT]    = G_STRUCT_OFFSET (PwProgramme, code_of_conduct),
  [PROP_CONFIDENTIALITY]    = G_STRUCT_OFFSET (PwProgramme, confidentiality),
  [PROP_CONCERNS]           = G_STRUCT_OFFSET (PwProgramme, concerns),
  [PROP_PROTECTED_HOURS]    = G_STRUCT_OFFSET (PwProgramme, protected_hours),
  [PROP_RECOGNITION]        = G_STRUCT_OFFSET (PwProgramme, recognition),
  [PROP_PEER_SUPPORT]       = G_STRUCT_OFFSET (PwProgramme, peer_support),
  [PROP_SENSITIVE_ENABLED]  = G_STRUCT_OFFSET (PwProgramme, sensitive_enabled),
  [PROP_PAIR_SENIORITY]     = G_STRUCT_OFFSET (PwProgramme, pair_seniority),
  [PROP_PAIR_DISCIPLINE]    = G_STRUCT_OFFSET (PwProgramme, pair_discipline),
};

#define FIELD(self, prop, type) (*(type *)G_STRUCT_MEMBER_P ((self), field_offsets[(prop)]))

/* The fields a coordinator sets, in the order the CLI lists them. */
static const char * const setup_fields[] = {
  "name", "kind", "purposes", "purpose-other", "goals", "target-audience",
  "scope", "expected-demand", "start-date", "end-date", "meetings-per-month",
  "meeting-minutes", "min-discussions", "discussion-minutes",
  "first-contact-days", "contact-forms", "code-of-conduct", "confidentiality",
  "concerns", "protected-hours", "recognition", "peer-support",
  "sensitive-enabled", "pair-seniority", "pair-discipline", NULL
};

static gboolean
set_string (PwProgramme *self,
            guint        prop,
            const char  *value)
{
  char **field = &FIELD (self, prop, char *);

  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

static gboolean
set_int (PwProgramme *self,
         guint        prop,
         int          value)
{
  int *field = &FIELD (self, prop, int);

  if (*field == value)
    return FALSE;

  *field = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  return TRUE;
}

/* Enums, flags and booleans are all int-sized. */
static gboolean
set_from_value (PwProgramme  *self,
                guint         prop,
                const GValue *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (properties[prop]);

  if (type == G_TYPE_STRING)
    return set_string (self, prop, g_value_get_string (value));
  else if (type == G_TYPE_INT)
    return set_int (self, prop, g_value_get_int (value));
  else if (type == G_TYPE_BOOLEAN)
    return set_int (self, prop, g_value_get_boolean (value) ? TRUE : FALSE);
  else if (G_TYPE_IS_ENUM (type))
    return set_int (self, prop, g_value_get_enum (value));
  else if (G_TYPE_IS_FLAGS (type))
    return set_int (self, prop, (int)g_value_get_flags (value));
  else if (type == G_TYPE_INT64)
    {
      if (self->id == g_value_get_int64 (value))
        return FALSE;
      self->id = g_value_get_int64 (value);
      g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
      return TRUE;
    }
  else if (type == G_TYPE_STRV)
    {
      pw_programme_set_goals (self, g_value_get_boxed (value));
      return TRUE;
    }

  g_assert_not_reached ();
  return FALSE;
}

static void
get_to_value (PwProgramme *self,
              guint        prop,
              GValue      *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (properties[prop]);

  if (type == G_TYPE_STRING)
    g_value_set_string (value, FIELD (self, prop, char *));
  else if (type == G_TYPE_INT)
    g_value_set_int (value, FIELD (self, prop, int));
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, FIELD (self, prop, int));
  else if (G_TYPE_IS_ENUM (type))
    g_value_set_enum (value, FIELD (self, prop, int));
  else if (G_TYPE_IS_FLAGS (type))
    g_value_set_flags (value, (guint)FIELD (self, prop, int));
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, self->id);
  else if (type == G_TYPE_STRV)
    g_value_set_boxed (value, self->goals);
  else
    g_assert_not_reached ();
}

static void
pw_programme_finalize (GObject *object)
{
  PwProgramme *self = (PwProgramme *)object;

  for (guint prop = 1; prop < N_PROPS; prop++)
    if (G_PARAM_SPEC_VALUE_TYPE (properties[prop]) == G_TYPE_STRING)
      g_clear_pointer (&FIELD (self, prop, char *), g_free);
  g_clear_pointer (&self->goals, g_strfreev);

  G_OBJECT_CLASS (pw_programme_parent_class)->finalize (object);
}

static void
pw_programme_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PwProgramme *self = PW_PROGRAMME (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  get_to_value (self, prop_id, value);
}

static void
pw_programme_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PwProgramme *self = PW_PROGRAMME (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  set_from_value (self, prop_id, value);
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)

static GParamSpec *
string_param (const char *name,
              const char *nick)
{
  return g_param_spec_string (name, nick, NULL, "", RW);
}

static GParamSpec *
int_param (const char *name,
           const char *nick,
           int         min,
           int         max,
           int         def)
{
  return g_param_spec_int (name, nick, NULL, min, max, def, RW);
}

static void
pw_programme_class_init (PwProgrammeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_programme_finalize;
  object_class->get_property = pw_programme_get_property;
  object_class->set_property = pw_programme_set_property;

  /* The nick is the field's name as a coordinator reads it in messages. */
  properties [PROP_ID] =
    g_param_spec_int64 ("id", "ID", NULL, 0, G_MAXINT64, 0, RW);
  properties [PROP_UUID] = string_param ("uuid", "UUID");
  properties [PROP_NAME] = string_param ("name", N_("Name"));
  properties [PROP_KIND] =
    g_param_spec_enum ("kind", N_("Kind"), NULL,
                       PW_TYPE_PROGRAMME_KIND, PW_PROGRAMME_KIND_REVERSE, RW);
  properties [PROP_PURPOSES] =
    g_param_spec_flags ("purposes", N_("Purposes"), NULL, PW_TYPE_PURPOSE, 0, RW);
  properties [PROP_PURPOSE_OTHER] = string_param ("purpose-other", N_("Other purpose"));
  properties [PROP_GOALS] =
    g_param_spec_boxed ("goals", N_("Goals"), NULL, G_TYPE_STRV, RW);
  properties [PROP_TARGET_AUDIENCE] = string_param ("target-audience", N_("Target audience"));
  properties [PROP_SCOPE] =
    g_param_spec_flags ("scope", N_("Scope"), NULL, PW_TYPE_SCOPE, 0, RW);
  properties [PROP_EXPECTED_DEMAND] =
    int_param ("expected-demand", N_("Expected demand"), 0, 100000, 0);
  properties [PROP_START_DATE] = string_param ("start-date", N_("Start date"));
  properties [PROP_END_DATE] = string_param ("end-date", N_("End date"));
  properties [PROP_MEETINGS_PER_MONTH] =
    int_param ("meetings-per-month", N_("Meetings a month"),
               PW_MEETINGS_PER_MONTH_MIN, PW_MEETINGS_PER_MONTH_MAX, 1);
  properties [PROP_MEETING_MINUTES] =
    int_param ("meeting-minutes", N_("Meeting length"),
               PW_MEETING_MINUTES_MIN, PW_MEETING_MINUTES_MAX, 45);
  properties [PROP_MIN_DISCUSSIONS] =
    int_param ("min-discussions", N_("Significant discussions"), 0, 200, 12);
  properties [PROP_DISCUSSION_MINUTES] =
    int_param ("discussion-minutes", N_("Significant discussion length"), 5, 240, 30);
  properties [PROP_FIRST_CONTACT_DAYS] =
    int_param ("first-contact-days", N_("First contact within"), 1, 90, 14);
  properties [PROP_CONTACT_FORMS] =
    g_param_spec_flags ("contact-forms", N_("Contact forms"), NULL,
                        PW_TYPE_CONTACT_FORM, PW_CONTACT_ALL, RW);
  properties [PROP_CODE_OF_CONDUCT] = string_param ("code-of-conduct", N_("Code of conduct"));
  properties [PROP_CONFIDENTIALITY] =
    string_param ("confidentiality", N_("Confidentiality and disclosure"));
  properties [PROP_CONCERNS] = string_param ("concerns", N_("Reporting concerns"));
  properties [PROP_PROTECTED_HOURS] =
    int_param ("protected-hours", N_("Protected hours a month"), 0, 160, 0);
  properties [PROP_RECOGNITION] = string_param ("recognition", N_("Recognition"));
  properties [PROP_PEER_SUPPORT] = string_param ("peer-support", N_("Peer support"));
  properties [PROP_SENSITIVE_ENABLED] =
    g_param_spec_boolean ("sensitive-enabled", N_("Sensitive characteristics"), NULL, FALSE, RW);
  properties [PROP_PAIR_SENIORITY] =
    g_param_spec_enum ("pair-seniority", N_("Mentor’s seniority"), NULL,
                       PW_TYPE_PAIR_SENIORITY, PW_PAIR_SENIORITY_ANY, RW);
  properties [PROP_PAIR_DISCIPLINE] =
    g_param_spec_enum ("pair-discipline", N_("Discipline of the pair"), NULL,
                       PW_TYPE_PAIR_DISCIPLINE, PW_PAIR_DISCIPLINE_EITHER, RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_programme_init (PwProgramme *self)
{
  g_autofree char *today = pw_date_today ();

  for (guint prop = 1; prop < N_PROPS; prop++)
    {
      GParamSpec *pspec = properties[prop];
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

      if (type == G_TYPE_STRING)
        FIELD (self, prop, char *) = g_strdup ("");
      else if (type == G_TYPE_INT)
        FIELD (self, prop, int) = G_PARAM_SPEC_INT (pspec)->default_value;
    }

  g_free (self->uuid);
  self->uuid = g_uuid_string_random ();
  self->kind = PW_PROGRAMME_KIND_REVERSE;
  self->contact_forms = PW_CONTACT_ALL;
  self->goals = g_new0 (char *, 1);
  g_free (self->start_date);
  self->start_date = g_strdup (today);
  g_free (self->end_date);
  self->end_date = pw_date_add_months (today, 12);
}

GQuark
pw_programme_error_quark (void)
{
  return g_quark_from_static_string ("pw-programme-error-quark");
}

PwProgramme *
pw_programme_new (const char *name)
{
  return g_object_new (PW_TYPE_PROGRAMME, "name", name, NULL);
}

/**
 * pw_programme_copy_setup:
 *
 * Returns: (transfer full): a new, unsaved programme with the same setup
 * (a fresh UUID, no ID).
 */
PwProgramme *
pw_programme_copy_setup (PwProgramme *self)
{
  PwProgramme *copy;

  g_return_val_if_fail (PW_IS_PROGRAMME (self), NULL);

  copy = g_object_new (PW_TYPE_PROGRAMME, NULL);
  for (guint i = 0; setup_fields[i] != NULL; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (self), setup_fields[i], &value);
      g_object_set_property (G_OBJECT (copy), setup_fields[i], &value);
    }

  return copy;
}

#define STRING_ACCESSORS(field, PROP)                                       \
const char *                                                                \
pw_programme_get_##field (PwProgramme *self)                                \
{                                                                           \
  g_return_val_if_fail (PW_IS_PROGRAMME (self), NULL);                      \
  return self->field;                                                       \
}                                                                           \
void                                                                        \
pw_programme_set_##field (PwProgramme *self,                                \
                          const char  *value)                               \
{                                                                           \
  g_return_if_fail (PW_IS_PROGRAMME (self));                                \
  set_string (self, PROP, value);                                           \
}

#define INT_ACCESSORS(field, PROP, type)                                    \
type                                                                        \
pw_programme_get_##field (PwProgramme *self)                                \
{                                                                           \
  g_return_val_if_fail (PW_IS_PROGRAMME (self), 0);                         \
  return self->field;                                                       \
}                                                                           \
void                                                                        \
pw_programme_set_##field (PwProgramme *self,                                \
                          type         value)                               \
{                                                                           \
  GParamSpec *pspec = properties[PROP];                                     \
  g_return_if_fail (PW_IS_PROGRAMME (self));                                \
  if (G_IS_PARAM_SPEC_INT (pspec))                                          \
    g_return_if_fail ((int)value >= G_PARAM_SPEC_INT (pspec)->minimum &&    \
                      (int)value <= G_PARAM_SPEC_INT (pspec)->maximum);     \
  set_int (self, PROP, (int)value);                                         \
}

STRING_ACCESSORS (uuid, PROP_UUID)
STRING_ACCESSORS (name, PROP_NAME)
STRING_ACCESSORS (purpose_other, PROP_PURPOSE_OTHER)
STRING_ACCESSORS (target_audience, PROP_TARGET_AUDIENCE)
STRING_ACCESSORS (start_date, PROP_START_DATE)
STRING_ACCESSORS (end_date, PROP_END_DATE)
STRING_ACCESSORS (code_of_conduct, PROP_CODE_OF_CONDUCT)
STRING_ACCESSORS (confidentiality, PROP_CONFIDENTIALITY)
STRING_ACCESSORS (concerns, PROP_CONCERNS)
STRING_ACCESSORS (recognition, PROP_RECOGNITION)
STRING_ACCESSORS (peer_support, PROP_PEER_SUPPORT)

INT_ACCESSORS (kind, PROP_KIND, PwProgrammeKind)
INT_ACCESSORS (purposes, PROP_PURPOSES, PwPurpose)
INT_ACCESSORS (scope, PROP_SCOPE, PwScope)
INT_ACCESSORS (expected_demand, PROP_EXPECTED_DEMAND, int)
INT_ACCESSORS (meetings_per_month, PROP_MEETINGS_PER_MONTH, int)
INT_ACCESSORS (meeting_minutes, PROP_MEETING_MINUTES, int)
INT_ACCESSORS (min_discussions, PROP_MIN_DISCUSSIONS, int)
INT_ACCESSORS (discussion_minutes, PROP_DISCUSSION_MINUTES, int)
INT_ACCESSORS (first_contact_days, PROP_FIRST_CONTACT_DAYS, int)
INT_ACCESSORS (contact_forms, PROP_CONTACT_FORMS, PwContactForm)
INT_ACCESSORS (protected_hours, PROP_PROTECTED_HOURS, int)
INT_ACCESSORS (sensitive_enabled, PROP_SENSITIVE_ENABLED, gboolean)
INT_ACCESSORS (pair_seniority, PROP_PAIR_SENIORITY, PwPairSeniority)
INT_ACCESSORS (pair_discipline, PROP_PAIR_DISCIPLINE, PwPairDiscipline)

gint64
pw_programme_get_id (PwProgramme *self)
{
  g_return_val_if_fail (PW_IS_PROGRAMME (self), 0);

  return self->id;
}

void
pw_programme_set_id (PwProgramme *self,
                     gint64       id)
{
  g_return_if_fail (PW_IS_PROGRAMME (self));

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
}

const char * const *
pw_programme_get_goals (PwProgramme *self)
{
  g_return_val_if_fail (PW_IS_PROGRAMME (self), NULL);

  return (const char * const *)self->goals;
}

void
pw_programme_set_goals (PwProgramme        *self,
                        const char * const *goals)
{
  static const char * const empty[] = { NULL };

  g_return_if_fail (PW_IS_PROGRAMME (self));

  if (goals == NULL)
    goals = empty;

  if (g_strv_equal ((const char * const *)self->goals, goals))
    return;

  g_strfreev (self->goals);
  self->goals = g_strdupv ((char **)goals);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_GOALS]);
}

/* Validation */

gboolean
pw_programme_check_name (const char  *name,
                         GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));

  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_NAME_REQUIRED,
                           _("Name is empty: every program needs a name."));
      return FALSE;
    }

  return TRUE;
}

gboolean
pw_programme_check_date (const char  *field,
                         const char  *iso_date,
                         GError     **error)
{
  g_autoptr(GDate) date = pw_date_parse (iso_date);

  if (date == NULL)
    {
      g_set_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_INVALID_DATE,
                   _("%s “%s” is not a date: write it as YYYY-MM-DD, for example 2026-09-01."),
                   field, iso_date ? iso_date : "");
      return FALSE;
    }

  return TRUE;
}

gboolean
pw_programme_check_dates (const char  *start,
                          const char  *end,
                          GError     **error)
{
  g_autoptr(GDate) start_date = NULL;
  g_autoptr(GDate) end_date = NULL;

  if (!pw_programme_check_date (_("Start date"), start, error) ||
      !pw_programme_check_date (_("End date"), end, error))
    return FALSE;

  start_date = pw_date_parse (start);
  end_date = pw_date_parse (end);

  if (g_date_compare (end_date, start_date) <= 0)
    {
      g_set_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_END_BEFORE_START,
                   _("End date %s is not after the start date %s: choose a later end date."),
                   end, start);
      return FALSE;
    }

  return TRUE;
}

gboolean
pw_programme_check_meetings_per_month (int      n,
                                       GError **error)
{
  if (n < PW_MEETINGS_PER_MONTH_MIN || n > PW_MEETINGS_PER_MONTH_MAX)
    {
      g_set_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_MEETINGS_PER_MONTH,
                   _("Meetings a month must be between %d and %d, not %d."),
                   PW_MEETINGS_PER_MONTH_MIN, PW_MEETINGS_PER_MONTH_MAX, n);
      return FALSE;
    }

  return TRUE;
}

gboolean
pw_programme_check_meeting_minutes (int      minutes,
                                    GError **error)
{
  if (minutes < PW_MEETING_MINUTES_MIN || minutes > PW_MEETING_MINUTES_MAX)
    {
      g_set_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_MEETING_MINUTES,
                   _("Meeting length must be between %d and %d minutes, not %d."),
                   PW_MEETING_MINUTES_MIN, PW_MEETING_MINUTES_MAX, minutes);
      return FALSE;
    }

  return TRUE;
}

/**
 * pw_programme_validate:
 *
 * Checks the rules a stored programme must keep: a name, an end after the
 * start, 1–8 meetings a month of 15–240 minutes.
 */
gboolean
pw_programme_validate (PwProgramme  *self,
                       GError      **error)
{
  g_return_val_if_fail (PW_IS_PROGRAMME (self), FALSE);

  return pw_programme_check_name (self->name, error) &&
         pw_programme_check_dates (self->start_date, self->end_date, error) &&
         pw_programme_check_meetings_per_month (self->meetings_per_month, error) &&
         pw_programme_check_meeting_minutes (self->meeting_minutes, error);
}

/* Text and JSON forms */

static GParamSpec *
find_setup_field (const char  *field,
                  GError     **error)
{
  g_autofree char *canon = g_strdelimit (g_strdup (field), "_", '-');

  if (g_strv_contains (setup_fields, canon))
    return g_object_class_find_property (g_type_class_peek (PW_TYPE_PROGRAMME), canon);

  {
    g_autofree char *all = g_strjoinv (", ", (char **)setup_fields);

    g_set_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_UNKNOWN_FIELD,
                 _("“%s” is not a program field. The fields are: %s."), field, all);
  }
  return NULL;
}

static char *
nicks_of (GType type)
{
  g_autoptr(GString) out = g_string_new (NULL);

  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (out, "%s%s", i ? ", " : "", klass->values[i].value_nick);
    }
  else
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
      for (guint i = 0; i < klass->n_values; i++)
        g_string_append_printf (out, "%s%s", i ? ", " : "", klass->values[i].value_nick);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
parse_value (GParamSpec  *pspec,
             const char  *text,
             GValue      *value,
             GError     **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  const char *label = g_param_spec_get_nick (pspec);

  g_value_init (value, type);

  if (type == G_TYPE_STRING)
    {
      g_value_set_string (value, text);
      return TRUE;
    }

  if (type == G_TYPE_STRV)
    {
      g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
      g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

      for (guint i = 0; lines[i] != NULL; i++)
        {
          g_strstrip (lines[i]);
          if (lines[i][0] != '\0')
            g_strv_builder_add (builder, lines[i]);
        }
      g_value_take_boxed (value, g_strv_builder_end (builder));
      return TRUE;
    }

  if (type == G_TYPE_INT)
    {
      GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);
      g_autofree char *trimmed = g_strstrip (g_strdup (text));
      gint64 n = 0;

      if (!g_ascii_string_to_signed (trimmed, 10, G_MININT, G_MAXINT, &n, NULL))
        n = G_MININT64;
      if (n < ispec->minimum || n > ispec->maximum)
        {
          g_set_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_OUT_OF_RANGE,
                       _("%s must be a whole number from %d to %d, not “%s”."),
                       _(label), ispec->minimum, ispec->maximum, text);
          return FALSE;
        }
      g_value_set_int (value, (int)n);
      return TRUE;
    }

  if (type == G_TYPE_BOOLEAN)
    {
      if (g_strv_contains ((const char *[]){ "true", "yes", "1", "on", NULL }, text))
        g_value_set_boolean (value, TRUE);
      else if (g_strv_contains ((const char *[]){ "false", "no", "0", "off", NULL }, text))
        g_value_set_boolean (value, FALSE);
      else
        {
          g_set_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_INVALID_VALUE,
                       _("%s must be true or false, not “%s”."), _(label), text);
          return FALSE;
        }
      return TRUE;
    }

  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev = g_enum_get_value_by_nick (klass, text);

      if (ev == NULL)
        {
          g_autofree char *choices = nicks_of (type);
          g_set_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_INVALID_VALUE,
                       _("%s “%s” is not known: choose one of %s."), _(label), text, choices);
          return FALSE;
        }
      g_value_set_enum (value, ev->value);
      return TRUE;
    }

  if (G_TYPE_IS_FLAGS (type))
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
      g_auto(GStrv) parts = g_strsplit (text, ",", -1);
      guint flags = 0;

      for (guint i = 0; parts[i] != NULL; i++)
        {
          GFlagsValue *fv;

          g_strstrip (parts[i]);
          if (parts[i][0] == '\0')
            continue;

          fv = g_flags_get_value_by_nick (klass, parts[i]);
          if (fv == NULL)
            {
              g_autofree char *choices = nicks_of (type);
              g_set_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_INVALID_VALUE,
                           _("%s “%s” is not known: choose from %s, separated by commas."),
                           _(label), parts[i], choices);
              return FALSE;
            }
          flags |= fv->value;
        }
      g_value_set_flags (value, flags);
      return TRUE;
    }

  g_assert_not_reached ();
  return FALSE;
}

/**
 * pw_programme_set_field_from_string:
 * @field: a setup field's name, with dashes or underscores
 * @value: its text form
 *
 * Sets one field from text after checking it, as the command line and
 * imports need. Nothing changes when it fails.
 */
gboolean
pw_programme_set_field_from_string (PwProgramme  *self,
                                    const char   *field,
                                    const char   *value,
                                    GError      **error)
{
  g_auto(GValue) parsed = G_VALUE_INIT;
  GParamSpec *pspec;
  const char *name;

  g_return_val_if_fail (PW_IS_PROGRAMME (self), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  pspec = find_setup_field (field, error);
  if (pspec == NULL)
    return FALSE;

  name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "name") && !pw_programme_check_name (value, error))
    return FALSE;
  if (g_str_equal (name, "start-date") &&
      !pw_programme_check_date (_("Start date"), value, error))
    return FALSE;
  if (g_str_equal (name, "end-date") &&
      !pw_programme_check_date (_("End date"), value, error))
    return FALSE;
  if (g_str_equal (name, "meetings-per-month") || g_str_equal (name, "meeting-minutes"))
    {
      gint64 n = 0;
      gboolean ok = g_ascii_string_to_signed (value, 10, G_MININT, G_MAXINT, &n, NULL);

      if (!ok)
        n = -1;
      if (g_str_equal (name, "meetings-per-month")
          ? !pw_programme_check_meetings_per_month ((int)n, error)
          : !pw_programme_check_meeting_minutes ((int)n, error))
        return FALSE;
    }

  if (!parse_value (pspec, value, &parsed, error))
    return FALSE;

  g_object_set_property (G_OBJECT (self), name, &parsed);
  return TRUE;
}

const char * const *
pw_programme_list_fields (void)
{
  return setup_fields;
}

static char *
json_key (const char *property)
{
  return g_strdelimit (g_strdup (property), "-", '_');
}

/**
 * pw_programme_to_json:
 *
 * Returns: (transfer full): the programme as a JSON object whose keys are
 * the fields in snake_case; enums by nick, flags as arrays of nicks.
 */
JsonNode *
pw_programme_to_json (PwProgramme *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (PW_IS_PROGRAMME (self), NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "id");
  json_builder_add_int_value (builder, self->id);
  json_builder_set_member_name (builder, "uuid");
  json_builder_add_string_value (builder, self->uuid);

  for (guint i = 0; setup_fields[i] != NULL; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self), setup_fields[i]);
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *key = json_key (setup_fields[i]);

      g_object_get_property (G_OBJECT (self), setup_fields[i], &value);
      json_builder_set_member_name (builder, key);

      if (type == G_TYPE_STRING)
        json_builder_add_string_value (builder, g_value_get_string (&value));
      else if (type == G_TYPE_INT)
        json_builder_add_int_value (builder, g_value_get_int (&value));
      else if (type == G_TYPE_BOOLEAN)
        json_builder_add_boolean_value (builder, g_value_get_boolean (&value));
      else if (G_TYPE_IS_ENUM (type))
        {
          g_autoptr(GEnumClass) klass = g_type_class_ref (type);
          json_builder_add_string_value (builder,
                                         g_enum_get_value (klass, g_value_get_enum (&value))->value_nick);
        }
      else if (G_TYPE_IS_FLAGS (type))
        {
          g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
          guint flags = g_value_get_flags (&value);

          json_builder_begin_array (builder);
          for (guint k = 0; k < klass->n_values; k++)
            if (flags & klass->values[k].value)
              json_builder_add_string_value (builder, klass->values[k].value_nick);
          json_builder_end_array (builder);
        }
      else if (type == G_TYPE_STRV)
        {
          const char * const *strv = g_value_get_boxed (&value);

          json_builder_begin_array (builder);
          for (guint k = 0; strv != NULL && strv[k] != NULL; k++)
            json_builder_add_string_value (builder, strv[k]);
          json_builder_end_array (builder);
        }
    }

  json_builder_end_object (builder);
  return json_builder_get_root (builder);
}

static char *
member_as_text (JsonNode    *member,
                GParamSpec  *pspec,
                const char  *key,
                GError     **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (JSON_NODE_HOLDS_ARRAY (member) && (G_TYPE_IS_FLAGS (type) || type == G_TYPE_STRV))
    {
      JsonArray *array = json_node_get_array (member);
      g_autoptr(GString) out = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (!JSON_NODE_HOLDS_VALUE (element) ||
              json_node_get_value_type (element) != G_TYPE_STRING)
            break;
          if (i > 0)
            g_string_append_c (out, type == G_TYPE_STRV ? '\n' : ',');
          g_string_append (out, json_node_get_string (element));
        }
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  if (JSON_NODE_HOLDS_VALUE (member))
    {
      GType vtype = json_node_get_value_type (member);

      if (vtype == G_TYPE_STRING && !G_TYPE_IS_FLAGS (type) && type != G_TYPE_STRV)
        return g_strdup (json_node_get_string (member));
      if (vtype == G_TYPE_INT64 && type == G_TYPE_INT)
        return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (member));
      if (vtype == G_TYPE_BOOLEAN && type == G_TYPE_BOOLEAN)
        return g_strdup (json_node_get_boolean (member) ? "true" : "false");
    }

  g_set_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_INVALID_VALUE,
               _("programme.%s has the wrong type of value."), key);
  return NULL;
}

/**
 * pw_programme_new_from_json:
 *
 * Reads the form pw_programme_to_json() writes; unknown members are an
 * error, missing ones keep their defaults. The ID is not taken over.
 *
 * Returns: (transfer full): a new, unsaved programme, or %NULL
 */
PwProgramme *
pw_programme_new_from_json (JsonNode  *node,
                            GError   **error)
{
  g_autoptr(PwProgramme) self = NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_INVALID_VALUE,
                           _("programme: expected a JSON object."));
      return NULL;
    }

  object = json_node_get_object (node);
  self = g_object_new (PW_TYPE_PROGRAMME, NULL);
  members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *member = json_object_get_member (object, key);
      g_autofree char *text = NULL;
      GParamSpec *pspec;

      if (g_str_equal (key, "id"))
        continue;

      if (g_str_equal (key, "uuid"))
        {
          if (!JSON_NODE_HOLDS_VALUE (member) ||
              json_node_get_value_type (member) != G_TYPE_STRING ||
              !g_uuid_string_is_valid (json_node_get_string (member)))
            {
              g_set_error_literal (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_INVALID_VALUE,
                                   _("programme.uuid is not a UUID."));
              return NULL;
            }
          pw_programme_set_uuid (self, json_node_get_string (member));
          continue;
        }

      pspec = find_setup_field (key, error);
      if (pspec == NULL)
        {
          g_prefix_error (error, "programme.%s: ", key);
          return NULL;
        }

      text = member_as_text (member, pspec, key, error);
      if (text == NULL || !pw_programme_set_field_from_string (self, key, text, error))
        {
          if (text != NULL)
            g_prefix_error (error, "programme.%s: ", key);
          return NULL;
        }
    }

  if (!pw_programme_validate (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

/* Dates */

/**
 * pw_date_parse:
 *
 * Returns: (transfer full) (nullable): the date of a strict YYYY-MM-DD
 * string, or %NULL if it is not one
 */
GDate *
pw_date_parse (const char *iso_date)
{
  unsigned y, m, d;
  char tail;

  if (iso_date == NULL || strlen (iso_date) != 10 ||
      sscanf (iso_date, "%4u-%2u-%2u%c", &y, &m, &d, &tail) != 3 ||
      iso_date[4] != '-' || iso_date[7] != '-' ||
      !g_date_valid_dmy (d, m, y))
    return NULL;

  return g_date_new_dmy (d, m, y);
}

char *
pw_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

char *
pw_date_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* Adding months clamps to the month's end: 31 January + 1 = 28/29 February. */
char *
pw_date_add_months (const char *iso_date,
                    int         months)
{
  g_autoptr(GDate) date = pw_date_parse (iso_date);

  g_return_val_if_fail (date != NULL, NULL);

  if (months >= 0)
    g_date_add_months (date, months);
  else
    g_date_subtract_months (date, -months);

  return pw_date_format (date);
}
