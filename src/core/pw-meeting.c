/* pw-meeting.c — one meeting of a pair, or one of the programme's sessions
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-meeting"

#include <glib/gi18n.h>

#include "pw-meeting.h"
#include "pw-meeting-private.h"

struct _PwMeeting
{
  GObject          parent_instance;

  gint64           id;
  char            *uid;
  gint64           programme_id;
  gint64           pair_id;
  PwMeetingKind    kind;
  GDateTime       *start;
  char            *tzid;
  int              minutes;
  PwContactForm    contact_form;
  char            *place;
  char            *link;
  char            *agenda;
  PwMeetingStatus  status;
  int              held_minutes;
  int              sequence;
  char            *modified;
  char            *who;
};

G_DEFINE_FINAL_TYPE (PwMeeting, pw_meeting, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (PwMeetingKind, pw_meeting_kind,
                    G_DEFINE_ENUM_VALUE (PW_MEETING_FIRST_CONTACT, "first-contact"),
                    G_DEFINE_ENUM_VALUE (PW_MEETING_FIRST_MEETING, "first-meeting"),
                    G_DEFINE_ENUM_VALUE (PW_MEETING_REGULAR, "regular"),
                    G_DEFINE_ENUM_VALUE (PW_MEETING_KICK_OFF, "kick-off"),
                    G_DEFINE_ENUM_VALUE (PW_MEETING_CLOSING, "closing"))

G_DEFINE_ENUM_TYPE (PwMeetingStatus, pw_meeting_status,
                    G_DEFINE_ENUM_VALUE (PW_MEETING_PLANNED, "planned"),
                    G_DEFINE_ENUM_VALUE (PW_MEETING_HELD, "held"),
                    G_DEFINE_ENUM_VALUE (PW_MEETING_MISSED, "missed"),
                    G_DEFINE_ENUM_VALUE (PW_MEETING_CANCELLED, "cancelled"))

enum {
  PROP_0,
  PROP_ID,
  PROP_UID,
  PROP_PROGRAMME_ID,
  PROP_PAIR_ID,
  PROP_KIND,
  PROP_START,
  PROP_TZID,
  PROP_MINUTES,
  PROP_CONTACT_FORM,
  PROP_PLACE,
  PROP_LINK,
  PROP_AGENDA,
  PROP_STATUS,
  PROP_HELD_MINUTES,
  PROP_SEQUENCE,
  PROP_WHO,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char * const kind_nicks[] = {
  "first-contact", "first-meeting", "regular", "kick-off", "closing",
};

static const char * const status_nicks[] = {
  "planned", "held", "missed", "cancelled",
};

static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value == NULL)
    value = "";

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
pw_meeting_finalize (GObject *object)
{
  PwMeeting *self = (PwMeeting *)object;

  g_clear_pointer (&self->uid, g_free);
  g_clear_pointer (&self->start, g_date_time_unref);
  g_clear_pointer (&self->tzid, g_free);
  g_clear_pointer (&self->place, g_free);
  g_clear_pointer (&self->link, g_free);
  g_clear_pointer (&self->agenda, g_free);
  g_clear_pointer (&self->modified, g_free);
  g_clear_pointer (&self->who, g_free);

  G_OBJECT_CLASS (pw_meeting_parent_class)->finalize (object);
}

static void
pw_meeting_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PwMeeting *self = PW_MEETING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_UID:
      g_value_set_string (value, self->uid);
      break;
    case PROP_PROGRAMME_ID:
      g_value_set_int64 (value, self->programme_id);
      break;
    case PROP_PAIR_ID:
      g_value_set_int64 (value, self->pair_id);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_START:
      g_value_set_boxed (value, self->start);
      break;
    case PROP_TZID:
      g_value_set_string (value, self->tzid);
      break;
    case PROP_MINUTES:
      g_value_set_int (value, self->minutes);
      break;
    case PROP_CONTACT_FORM:
      g_value_set_uint (value, self->contact_form);
      break;
    case PROP_PLACE:
      g_value_set_string (value, self->place);
      break;
    case PROP_LINK:
      g_value_set_string (value, self->link);
      break;
    case PROP_AGENDA:
      g_value_set_string (value, self->agenda);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_HELD_MINUTES:
      g_value_set_int (value, self->held_minutes);
      break;
    case PROP_SEQUENCE:
      g_value_set_int (value, self->sequence);
      break;
    case PROP_WHO:
      g_value_set_string (value, self->who);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_meeting_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PwMeeting *self = PW_MEETING (object);

  switch (prop_id)
    {
    case PROP_PAIR_ID:
      pw_meeting_set_pair_id (self, g_value_get_int64 (value));
      break;
    case PROP_START:
      pw_meeting_set_start (self, g_value_get_boxed (value));
      break;
    case PROP_MINUTES:
      pw_meeting_set_minutes (self, g_value_get_int (value));
      break;
    case PROP_CONTACT_FORM:
      pw_meeting_set_contact_form (self, g_value_get_uint (value));
      break;
    case PROP_PLACE:
      pw_meeting_set_place (self, g_value_get_string (value));
      break;
    case PROP_LINK:
      pw_meeting_set_link (self, g_value_get_string (value));
      break;
    case PROP_AGENDA:
      pw_meeting_set_agenda (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_meeting_class_init (PwMeetingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;
  GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pw_meeting_finalize;
  object_class->get_property = pw_meeting_get_property;
  object_class->set_property = pw_meeting_set_property;

  properties [PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties [PROP_UID] = g_param_spec_string ("uid", NULL, NULL, "", ro);
  properties [PROP_PROGRAMME_ID] = g_param_spec_int64 ("programme-id", NULL, NULL, 0, G_MAXINT64, 0, ro);
  properties [PROP_PAIR_ID] = g_param_spec_int64 ("pair-id", NULL, NULL, 0, G_MAXINT64, 0, rw);
  properties [PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, PW_TYPE_MEETING_KIND,
                                              PW_MEETING_REGULAR, ro);
  properties [PROP_START] = g_param_spec_boxed ("start", NULL, NULL, G_TYPE_DATE_TIME, rw);
  properties [PROP_TZID] = g_param_spec_string ("tzid", NULL, NULL, "", ro);
  properties [PROP_MINUTES] = g_param_spec_int ("minutes", NULL, NULL, 1, 1440, 45, rw);
  properties [PROP_CONTACT_FORM] = g_param_spec_uint ("contact-form", NULL, NULL, 0, G_MAXUINT, 0, rw);
  properties [PROP_PLACE] = g_param_spec_string ("place", NULL, NULL, "", rw);
  properties [PROP_LINK] = g_param_spec_string ("link", NULL, NULL, "", rw);
  properties [PROP_AGENDA] = g_param_spec_string ("agenda", NULL, NULL, "", rw);
  properties [PROP_STATUS] = g_param_spec_enum ("status", NULL, NULL, PW_TYPE_MEETING_STATUS,
                                                PW_MEETING_PLANNED, ro);
  properties [PROP_HELD_MINUTES] = g_param_spec_int ("held-minutes", NULL, NULL, 0, 1440, 0, ro);
  properties [PROP_SEQUENCE] = g_param_spec_int ("sequence", NULL, NULL, 0, G_MAXINT, 0, ro);
  properties [PROP_WHO] = g_param_spec_string ("who", NULL, NULL, "", ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_meeting_init (PwMeeting *self)
{
  self->uid = g_strdup ("");
  self->tzid = g_strdup ("");
  self->place = g_strdup ("");
  self->link = g_strdup ("");
  self->agenda = g_strdup ("");
  self->modified = g_strdup ("");
  self->who = g_strdup ("");
  self->minutes = 45;
  self->kind = PW_MEETING_REGULAR;
}

const char *
pw_meeting_kind_to_nick (PwMeetingKind kind)
{
  g_return_val_if_fail ((guint)kind < G_N_ELEMENTS (kind_nicks), "regular");

  return kind_nicks[kind];
}

gboolean
pw_meeting_kind_from_nick (const char    *nick,
                           PwMeetingKind *out)
{
  for (guint i = 0; nick != NULL && i < G_N_ELEMENTS (kind_nicks); i++)
    if (g_str_equal (nick, kind_nicks[i]))
      {
        *out = i;
        return TRUE;
      }

  return FALSE;
}

const char *
pw_meeting_kind_label (PwMeetingKind kind)
{
  switch (kind)
    {
    case PW_MEETING_FIRST_CONTACT: return _("First contact due");
    case PW_MEETING_FIRST_MEETING: return _("First meeting");
    case PW_MEETING_REGULAR:       return _("Mentoring meeting");
    case PW_MEETING_KICK_OFF:      return _("Kick-off workshop");
    case PW_MEETING_CLOSING:       return _("Closing session");
    default:                       return "";
    }
}

const char *
pw_meeting_status_to_nick (PwMeetingStatus status)
{
  g_return_val_if_fail ((guint)status < G_N_ELEMENTS (status_nicks), "planned");

  return status_nicks[status];
}

gboolean
pw_meeting_status_from_nick (const char      *nick,
                             PwMeetingStatus *out)
{
  for (guint i = 0; nick != NULL && i < G_N_ELEMENTS (status_nicks); i++)
    if (g_str_equal (nick, status_nicks[i]))
      {
        *out = i;
        return TRUE;
      }

  return FALSE;
}

const char *
pw_meeting_status_label (PwMeetingStatus status)
{
  switch (status)
    {
    case PW_MEETING_PLANNED:   return _("planned");
    case PW_MEETING_HELD:      return _("held");
    case PW_MEETING_MISSED:    return _("missed");
    case PW_MEETING_CANCELLED: return _("cancelled");
    default:                   return "";
    }
}

const char *
pw_contact_form_to_nick (PwContactForm form)
{
  switch (form)
    {
    case PW_CONTACT_IN_PERSON: return "in-person";
    case PW_CONTACT_VIDEO:     return "video";
    case PW_CONTACT_PHONE:     return "phone";
    case PW_CONTACT_EMAIL:     return "email";
    case PW_CONTACT_NONE:
    default:                   return "";
    }
}

gboolean
pw_contact_form_from_nick (const char    *nick,
                           PwContactForm *out)
{
  static const PwContactForm forms[] = {
    PW_CONTACT_NONE, PW_CONTACT_IN_PERSON, PW_CONTACT_VIDEO, PW_CONTACT_PHONE, PW_CONTACT_EMAIL,
  };

  for (guint i = 0; nick != NULL && i < G_N_ELEMENTS (forms); i++)
    if (g_str_equal (nick, pw_contact_form_to_nick (forms[i])))
      {
        *out = forms[i];
        return TRUE;
      }

  return FALSE;
}

GTimeZone *
pw_meeting_zone_for_tzid (const char *tzid)
{
  GTimeZone *tz = NULL;

  if (tzid != NULL && tzid[0] != '\0')
    tz = g_time_zone_new_identifier (tzid);

  return tz != NULL ? tz : g_time_zone_new_local ();
}

/**
 * pw_meeting_new:
 * @kind: what the meeting is for
 * @start: when it starts; its zone becomes the meeting's zone
 * @minutes: the planned length
 *
 * Returns: (transfer full): an unsaved meeting
 */
PwMeeting *
pw_meeting_new (PwMeetingKind  kind,
                GDateTime     *start,
                int            minutes)
{
  PwMeeting *self;

  g_return_val_if_fail (start != NULL, NULL);
  g_return_val_if_fail (minutes > 0, NULL);

  self = g_object_new (PW_TYPE_MEETING, NULL);
  self->kind = kind;
  self->minutes = minutes;
  self->start = g_date_time_ref (start);
  g_free (self->tzid);
  self->tzid = g_strdup (g_time_zone_get_identifier (g_date_time_get_timezone (start)));
  return self;
}

gint64
pw_meeting_get_id (PwMeeting *self)
{
  g_return_val_if_fail (PW_IS_MEETING (self), 0);

  return self->id;
}

const char *
pw_meeting_get_uid (PwMeeting *self)
{
  g_return_val_if_fail (PW_IS_MEETING (self), NULL);

  return self->uid;
}

gint64
pw_meeting_get_programme_id (PwMeeting *self)
{
  g_return_val_if_fail (PW_IS_MEETING (self), 0);

  return self->programme_id;
}

gint64
pw_meeting_get_pair_id (PwMeeting *self)
{
  g_return_val_if_fail (PW_IS_MEETING (self), 0);

  return self->pair_id;
}

void
pw_meeting_set_pair_id (PwMeeting *self,
                        gint64     pair_id)
{
  g_return_if_fail (PW_IS_MEETING (self));

  if (self->pair_id == pair_id)
    return;

  self->pair_id = pair_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PAIR_ID]);
}

PwMeetingKind
pw_meeting_get_kind (PwMeeting *self)
{
  g_return_val_if_fail (PW_IS_MEETING (self), PW_MEETING_REGULAR);

  return self->kind;
}

GDateTime *
pw_meeting_get_start (PwMeeting *self)
{
  g_return_val_if_fail (PW_IS_MEETING (self), NULL);

  return self->start;
}

void
pw_meeting_set_start (PwMeeting *self,
                      GDateTime *start)
{
  g_autoptr(GTimeZone) tz = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_if_fail (PW_IS_MEETING (self));
  g_return_if_fail (start != NULL);

  tz = pw_meeting_zone_for_tzid (self->tzid);
  local = g_date_time_to_timezone (start, tz);

  if (self->start != NULL && g_date_time_equal (self->start, local) &&
      g_date_time_get_utc_offset (self->start) == g_date_time_get_utc_offset (local))
    return;

  g_clear_pointer (&self->start, g_date_time_unref);
  self->start = g_steal_pointer (&local);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_START]);
}

GDateTime *
pw_meeting_get_end (PwMeeting *self)
{
  g_return_val_if_fail (PW_IS_MEETING (self), NULL);

  return g_date_time_add_minutes (self->start, self->minutes);
}

const char *
pw_meeting_get_tzid (PwMeeting *self)
{
  g_return_val_if_fail (PW_IS_MEETING (self), NULL);

  return self->tzid;
}

void
pw_meeting_set_tzid (PwMeeting  *self,
                     const char *tzid)
{
  g_autoptr(GTimeZone) tz = NULL;

  g_return_if_fail (PW_IS_MEETING (self));

  if (!set_string (&self->tzid, tzid))
    return;

  tz = pw_meeting_zone_for_tzid (self->tzid);
  if (self->start != NULL)
    {
      GDateTime *moved = g_date_time_to_timezone (self->start, tz);

      g_date_time_unref (self->start);
      self->start = moved;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_START]);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_TZID]);
}

int
pw_meeting_get_minutes (PwMeeting *self)
{
  g_return_val_if_fail (PW_IS_MEETING (self), 0);

  return self->minutes;
}

void
pw_meeting_set_minutes (PwMeeting *self,
                        int        minutes)
{
  g_return_if_fail (PW_IS_MEETING (self));
  g_return_if_fail (minutes > 0 && minutes <= 1440);

  if (self->minutes == minutes)
    return;

  self->minutes = minutes;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_MINUTES]);
}

PwContactForm
pw_meeting_get_contact_form (PwMeeting *self)
{
  g_return_val_if_fail (PW_IS_MEETING (self), PW_CONTACT_NONE);

  return self->contact_form;
}

void
pw_meeting_set_contact_form (PwMeeting     *self,
                             PwContactForm  form)
{
  g_return_if_fail (PW_IS_MEETING (self));
  /* One form a meeting, not a set. */
  g_return_if_fail ((form & (form - 1)) == 0 && (form & ~PW_CONTACT_ALL) == 0);

  if (self->contact_form == form)
    return;

  self->contact_form = form;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_CONTACT_FORM]);
}

const char *
pw_meeting_get_place (PwMeeting *self)
{
  g_return_val_if_fail (PW_IS_MEETING (self), NULL);

  return self->place;
}

void
pw_meeting_set_place (PwMeeting  *self,
                      const char *place)
{
  g_return_if_fail (PW_IS_MEETING (self));

  if (set_string (&self->place, place))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PLACE]);
}

const char *
pw_meeting_get_link (PwMeeting *self)
{
  g_return_val_if_fail (PW_IS_MEETING (self), NULL);

  return self->link;
}

void
pw_meeting_set_link (PwMeeting  *self,
                     const char *link)
{
  g_return_if_fail (PW_IS_MEETING (self));

  if (set_string (&self->link, link))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LINK]);
}

const char *
pw_meeting_get_agenda (PwMeeting *self)
{
  g_return_val_if_fail (PW_IS_MEETING (self), NULL);

  return self->agenda;
}

void
pw_meeting_set_agenda (PwMeeting  *self,
                       const char *agenda)
{
  g_return_if_fail (PW_IS_MEETING (self));

  if (set_string (&self->agenda, agenda))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AGENDA]);
}

PwMeetingStatus
pw_meeting_get_status (PwMeeting *self)
{
  g_return_val_if_fail (PW_IS_MEETING (self), PW_MEETING_PLANNED);

  return self->status;
}

int
pw_meeting_get_held_minutes (PwMeeting *self)
{
  g_return_val_if_fail (PW_IS_MEETING (self), 0);

  return self->held_minutes;
}

int
pw_meeting_get_sequence (PwMeeting *self)
{
  g_return_val_if_fail (PW_IS_MEETING (self), 0);

  return self->sequence;
}

const char *
pw_meeting_get_modified (PwMeeting *self)
{
  g_return_val_if_fail (PW_IS_MEETING (self), NULL);

  return self->modified;
}

const char *
pw_meeting_get_who (PwMeeting *self)
{
  g_return_val_if_fail (PW_IS_MEETING (self), NULL);

  return self->who;
}

void
pw_meeting_set_who (PwMeeting  *self,
                    const char *who)
{
  g_return_if_fail (PW_IS_MEETING (self));

  if (set_string (&self->who, who))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WHO]);
}

void
pw_meeting_set_stored (PwMeeting       *self,
                       gint64           id,
                       const char      *uid,
                       gint64           programme_id,
                       PwMeetingStatus  status,
                       int              held_minutes,
                       int              sequence,
                       const char      *modified)
{
  g_return_if_fail (PW_IS_MEETING (self));

  g_object_freeze_notify (G_OBJECT (self));

  if (self->id != id)
    {
      self->id = id;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_ID]);
    }
  if (set_string (&self->uid, uid))
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_UID]);
  if (self->programme_id != programme_id)
    {
      self->programme_id = programme_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_PROGRAMME_ID]);
    }
  if (self->status != status)
    {
      self->status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_STATUS]);
    }
  if (self->held_minutes != held_minutes)
    {
      self->held_minutes = held_minutes;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_HELD_MINUTES]);
    }
  if (self->sequence != sequence)
    {
      self->sequence = sequence;
      g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEQUENCE]);
    }
  set_string (&self->modified, modified);

  g_object_thaw_notify (G_OBJECT (self));
}

char *
pw_meeting_dup_start_local (PwMeeting *self)
{
  g_return_val_if_fail (PW_IS_MEETING (self), NULL);

  return g_date_time_format (self->start, "%Y-%m-%dT%H:%M");
}

char *
pw_meeting_dup_title (PwMeeting *self)
{
  g_return_val_if_fail (PW_IS_MEETING (self), NULL);

  if (self->who[0] == '\0')
    return g_strdup (pw_meeting_kind_label (self->kind));

  /* TRANSLATORS: "First meeting: Ana Lopez and Sam Green" */
  return g_strdup_printf (_("%s: %s"), pw_meeting_kind_label (self->kind), self->who);
}

gboolean
pw_meeting_is_significant (PwMeeting *self,
                           int        discussion_minutes)
{
  g_return_val_if_fail (PW_IS_MEETING (self), FALSE);

  /* The first-contact deadline is a contact, not a discussion. */
  return (self->kind == PW_MEETING_FIRST_MEETING || self->kind == PW_MEETING_REGULAR) &&
         self->status == PW_MEETING_HELD &&
         self->held_minutes >= discussion_minutes;
}
