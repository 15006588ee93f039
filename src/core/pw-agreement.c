/* pw-agreement.c — the Mentor Me agreement of a pair
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-agreement"

#include <glib/gi18n.h>

#include "pw-agreement.h"
#include "pw-enums.h"
#include "pw-programme.h"
#include "pw-programme-repo.h"
#include "pw-record-private.h"
#include "pw-workspace-private.h"

struct _PwAgreement
{
  GObject   parent_instance;

  gint64    pair_id;
  char     *mentee_gains;
  char     *mentor_offers;
  char     *unrealistic;
  int       meetings_per_month;
  int       contact_forms;
  int       confidentiality_agreed;
  char     *reassignment;
  char     *end_date;
  char     *mentee_accepted;
  char     *mentor_accepted;
  char     *confidentiality_policy;
  gboolean  saved;
};

G_DEFINE_FINAL_TYPE (PwAgreement, pw_agreement, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (PwAgreementState, pw_agreement_state,
                    G_DEFINE_ENUM_VALUE (PW_AGREEMENT_DRAFT, "draft"),
                    G_DEFINE_ENUM_VALUE (PW_AGREEMENT_ACCEPTED_BY_MENTEE, "accepted-by-mentee"),
                    G_DEFINE_ENUM_VALUE (PW_AGREEMENT_ACCEPTED_BY_MENTOR, "accepted-by-mentor"),
                    G_DEFINE_ENUM_VALUE (PW_AGREEMENT_ACCEPTED, "accepted"))

enum {
  PROP_0,
  PROP_PAIR_ID,
  PROP_MENTEE_GAINS,
  PROP_MENTOR_OFFERS,
  PROP_UNREALISTIC,
  PROP_MEETINGS_PER_MONTH,
  PROP_CONTACT_FORMS,
  PROP_CONFIDENTIALITY_AGREED,
  PROP_REASSIGNMENT,
  PROP_END_DATE,
  PROP_MENTEE_ACCEPTED,
  PROP_MENTOR_ACCEPTED,
  PROP_STATE,
  PROP_CONFIDENTIALITY_POLICY,
  PROP_SAVED,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The terms: editing one clears the acceptances. */
#define FIRST_TERM PROP_MENTEE_GAINS
#define LAST_TERM  PROP_END_DATE

static const gsize field_offsets [N_PROPS] = {
  [PROP_PAIR_ID]                = G_STRUCT_OFFSET (PwAgreement, pair_id),
  [PROP_MENTEE_GAINS]           = G_STRUCT_OFFSET (PwAgreement, mentee_gains),
  [PROP_MENTOR_OFFERS]          = G_STRUCT_OFFSET (PwAgreement, mentor_offers),
  [PROP_UNREALISTIC]            = G_STRUCT_OFFSET (PwAgreement, unrealistic),
  [PROP_MEETINGS_PER_MONTH]     = G_STRUCT_OFFSET (PwAgreement, meetings_per_month),
  [PROP_CONTACT_FORMS]          = G_STRUCT_OFFSET (PwAgreement, contact_forms),
  [PROP_CONFIDENTIALITY_AGREED] = G_STRUCT_OFFSET (PwAgreement, confidentiality_agreed),
  [PROP_REASSIGNMENT]           = G_STRUCT_OFFSET (PwAgreement, reassignment),
  [PROP_END_DATE]               = G_STRUCT_OFFSET (PwAgreement, end_date),
  [PROP_MENTEE_ACCEPTED]        = G_STRUCT_OFFSET (PwAgreement, mentee_accepted),
  [PROP_MENTOR_ACCEPTED]        = G_STRUCT_OFFSET (PwAgreement, mentor_accepted),
  [PROP_CONFIDENTIALITY_POLICY] = G_STRUCT_OFFSET (PwAgreement, confidentiality_policy),
  [PROP_SAVED]                  = G_STRUCT_OFFSET (PwAgreement, saved),
};

#define FIELD_PTR(self, prop) G_STRUCT_MEMBER_P ((self), field_offsets[(prop)])

static const char * const term_fields[] = {
  "mentee-gains", "mentor-offers", "unrealistic", "meetings-per-month",
  "contact-forms", "confidentiality-agreed", "reassignment", "end-date", NULL
};

static const char *
str (const char *s)
{
  return s ? s : "";
}

static void
set_accepted (PwAgreement *self,
              guint        prop,
              const char  *date)
{
  char **field = FIELD_PTR (self, prop);

  if (g_strcmp0 (str (*field), str (date)) == 0)
    return;

  g_free (*field);
  *field = g_strdup (str (date));
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
pw_agreement_finalize (GObject *object)
{
  PwAgreement *self = (PwAgreement *)object;

  for (guint prop = 1; prop < N_PROPS; prop++)
    if (properties[prop] != NULL && field_offsets[prop] != 0 &&
        G_PARAM_SPEC_VALUE_TYPE (properties[prop]) == G_TYPE_STRING)
      g_clear_pointer ((char **)FIELD_PTR (self, prop), g_free);

  G_OBJECT_CLASS (pw_agreement_parent_class)->finalize (object);
}

static void
pw_agreement_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  PwAgreement *self = PW_AGREEMENT (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, pw_agreement_get_state (self));
      break;

    case PROP_PAIR_ID ... PROP_MENTOR_ACCEPTED:
    case PROP_CONFIDENTIALITY_POLICY:
    case PROP_SAVED:
      pw_record_get_field (pspec, FIELD_PTR (self, prop_id), value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_agreement_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  PwAgreement *self = PW_AGREEMENT (object);

  switch (prop_id)
    {
    case PROP_PAIR_ID:
      self->pair_id = g_value_get_int64 (value);
      break;

    case FIRST_TERM ... LAST_TERM:
      if (pw_record_set_field (object, pspec, FIELD_PTR (self, prop_id), value))
        pw_agreement_withdraw (self, PW_SIDE_BOTH);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static void
pw_agreement_class_init (PwAgreementClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_agreement_finalize;
  object_class->get_property = pw_agreement_get_property;
  object_class->set_property = pw_agreement_set_property;

  properties [PROP_PAIR_ID] =
    g_param_spec_int64 ("pair-id", "Pair", NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_MENTEE_GAINS] =
    g_param_spec_string ("mentee-gains", N_("What the mentee wants to gain"), NULL, "", RW);
  properties [PROP_MENTOR_OFFERS] =
    g_param_spec_string ("mentor-offers", N_("What the mentor can offer"), NULL, "", RW);
  properties [PROP_UNREALISTIC] =
    g_param_spec_string ("unrealistic", N_("Expectations that are not realistic"), NULL, "", RW);
  properties [PROP_MEETINGS_PER_MONTH] =
    g_param_spec_int ("meetings-per-month", N_("Meetings a month"), NULL,
                      PW_MEETINGS_PER_MONTH_MIN, PW_MEETINGS_PER_MONTH_MAX, 1, RW);
  properties [PROP_CONTACT_FORMS] =
    g_param_spec_flags ("contact-forms", N_("Contact forms"), NULL,
                        PW_TYPE_CONTACT_FORM, PW_CONTACT_ALL, RW);
  properties [PROP_CONFIDENTIALITY_AGREED] =
    g_param_spec_boolean ("confidentiality-agreed", N_("Confidentiality agreed"), NULL, FALSE, RW);
  properties [PROP_REASSIGNMENT] =
    g_param_spec_string ("reassignment", N_("Asking for a new match without blame"), NULL, "", RW);
  properties [PROP_END_DATE] =
    g_param_spec_string ("end-date", N_("End date"), NULL, "", RW);
  properties [PROP_MENTEE_ACCEPTED] =
    g_param_spec_string ("mentee-accepted", N_("Accepted by the mentee on"), NULL, "", RO);
  properties [PROP_MENTOR_ACCEPTED] =
    g_param_spec_string ("mentor-accepted", N_("Accepted by the mentor on"), NULL, "", RO);
  properties [PROP_STATE] =
    g_param_spec_enum ("state", N_("State"), NULL,
                       PW_TYPE_AGREEMENT_STATE, PW_AGREEMENT_DRAFT, RO);
  properties [PROP_CONFIDENTIALITY_POLICY] =
    g_param_spec_string ("confidentiality-policy", N_("The program’s confidentiality policy"),
                         NULL, "", RO);
  properties [PROP_SAVED] =
    g_param_spec_boolean ("saved", "Saved", NULL, FALSE, RO);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  pw_record_mark_date (properties [PROP_END_DATE]);
}

static void
pw_agreement_init (PwAgreement *self)
{
  self->meetings_per_month = 1;
  self->contact_forms = PW_CONTACT_ALL;
}

const char * const *
pw_agreement_list_fields (void)
{
  return term_fields;
}

gint64
pw_agreement_get_pair_id (PwAgreement *self)
{
  g_return_val_if_fail (PW_IS_AGREEMENT (self), 0);
  return self->pair_id;
}

const char *
pw_agreement_get_mentee_gains (PwAgreement *self)
{
  g_return_val_if_fail (PW_IS_AGREEMENT (self), NULL);
  return str (self->mentee_gains);
}

const char *
pw_agreement_get_mentor_offers (PwAgreement *self)
{
  g_return_val_if_fail (PW_IS_AGREEMENT (self), NULL);
  return str (self->mentor_offers);
}

const char *
pw_agreement_get_unrealistic (PwAgreement *self)
{
  g_return_val_if_fail (PW_IS_AGREEMENT (self), NULL);
  return str (self->unrealistic);
}

int
pw_agreement_get_meetings_per_month (PwAgreement *self)
{
  g_return_val_if_fail (PW_IS_AGREEMENT (self), 0);
  return self->meetings_per_month;
}

guint
pw_agreement_get_contact_forms (PwAgreement *self)
{
  g_return_val_if_fail (PW_IS_AGREEMENT (self), 0);
  return (guint)self->contact_forms;
}

gboolean
pw_agreement_get_confidentiality_agreed (PwAgreement *self)
{
  g_return_val_if_fail (PW_IS_AGREEMENT (self), FALSE);
  return self->confidentiality_agreed;
}

const char *
pw_agreement_get_reassignment (PwAgreement *self)
{
  g_return_val_if_fail (PW_IS_AGREEMENT (self), NULL);
  return str (self->reassignment);
}

const char *
pw_agreement_get_end_date (PwAgreement *self)
{
  g_return_val_if_fail (PW_IS_AGREEMENT (self), NULL);
  return str (self->end_date);
}

const char *
pw_agreement_get_confidentiality_policy (PwAgreement *self)
{
  g_return_val_if_fail (PW_IS_AGREEMENT (self), NULL);
  return str (self->confidentiality_policy);
}

/**
 * pw_agreement_get_accepted:
 * @role: %PW_SIDE_MENTEE or %PW_SIDE_MENTOR
 *
 * Returns: the date @role accepted the agreement, or "" if they have not
 */
const char *
pw_agreement_get_accepted (PwAgreement *self,
                           PwSide       role)
{
  g_return_val_if_fail (PW_IS_AGREEMENT (self), NULL);
  g_return_val_if_fail (role == PW_SIDE_MENTEE || role == PW_SIDE_MENTOR, NULL);

  return str (role == PW_SIDE_MENTEE ? self->mentee_accepted : self->mentor_accepted);
}

PwAgreementState
pw_agreement_get_state (PwAgreement *self)
{
  gboolean mentee, mentor;

  g_return_val_if_fail (PW_IS_AGREEMENT (self), PW_AGREEMENT_DRAFT);

  mentee = str (self->mentee_accepted)[0] != '\0';
  mentor = str (self->mentor_accepted)[0] != '\0';

  if (mentee && mentor)
    return PW_AGREEMENT_ACCEPTED;
  if (mentee)
    return PW_AGREEMENT_ACCEPTED_BY_MENTEE;
  if (mentor)
    return PW_AGREEMENT_ACCEPTED_BY_MENTOR;
  return PW_AGREEMENT_DRAFT;
}

gboolean
pw_agreement_get_saved (PwAgreement *self)
{
  g_return_val_if_fail (PW_IS_AGREEMENT (self), FALSE);
  return self->saved;
}

gboolean
pw_agreement_accept (PwAgreement  *self,
                     PwSide        role,
                     const char   *iso_date,
                     GError      **error)
{
  g_autofree char *today = NULL;
  g_autoptr(GDate) date = NULL;

  g_return_val_if_fail (PW_IS_AGREEMENT (self), FALSE);
  g_return_val_if_fail (role == PW_SIDE_MENTEE || role == PW_SIDE_MENTOR, FALSE);

  if (iso_date == NULL)
    iso_date = today = pw_date_today ();

  date = pw_date_parse (iso_date);
  if (date == NULL)
    {
      g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                   _("Acceptance date “%s” is not a date: write it as YYYY-MM-DD, "
                     "for example 2026-09-01."), iso_date);
      return FALSE;
    }

  set_accepted (self, role == PW_SIDE_MENTEE ? PROP_MENTEE_ACCEPTED : PROP_MENTOR_ACCEPTED, iso_date);
  return TRUE;
}

void
pw_agreement_withdraw (PwAgreement *self,
                       PwSide       role)
{
  g_return_if_fail (PW_IS_AGREEMENT (self));

  g_object_freeze_notify (G_OBJECT (self));
  if (role != PW_SIDE_MENTOR)
    set_accepted (self, PROP_MENTEE_ACCEPTED, "");
  if (role != PW_SIDE_MENTEE)
    set_accepted (self, PROP_MENTOR_ACCEPTED, "");
  g_object_thaw_notify (G_OBJECT (self));
}

/* Reads the stored row, if any, into @self; FALSE with @error on failure. */
static gboolean
read_row (PwStore     *store,
          PwAgreement *self,
          gboolean    *found,
          GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = pw_store_prepare (store,
                           "SELECT mentee_gains, mentor_offers, unrealistic, meetings_per_month, "
                           "contact_forms, confidentiality_agreed, reassignment, end_date, "
                           "mentee_accepted, mentor_accepted FROM agreement WHERE pair_id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->pair_id);
  rc = pw_store_step (store, stmt, error);
  *found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW)
    {
      pw_record_read (G_OBJECT (self), term_fields, stmt, 0);
      /* After the terms, which would clear them. */
      set_accepted (self, PROP_MENTEE_ACCEPTED, (const char *)sqlite3_column_text (stmt, 8));
      set_accepted (self, PROP_MENTOR_ACCEPTED, (const char *)sqlite3_column_text (stmt, 9));
    }
  sqlite3_reset (stmt);

  return rc >= 0;
}

PwAgreement *
pw_agreement_load (PwStore  *store,
                   gint64    pair_id,
                   GError  **error)
{
  g_autoptr(PwAgreement) self = NULL;
  g_autoptr(PwProgramme) programme = NULL;
  gint64 programme_id = 0;
  gboolean found = FALSE;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  if (!pw_workspace_check_pair (store, pair_id, &programme_id, error))
    return NULL;

  programme = pw_programme_repo_get (store, programme_id, error);
  if (programme == NULL)
    return NULL;

  self = g_object_new (PW_TYPE_AGREEMENT, "pair-id", pair_id, NULL);
  self->confidentiality_policy = g_strdup (pw_programme_get_confidentiality (programme));

  if (!read_row (store, self, &found, error))
    return NULL;

  if (found)
    self->saved = TRUE;
  else
    g_object_set (self,
                  "meetings-per-month", pw_programme_get_meetings_per_month (programme),
                  "contact-forms", pw_programme_get_contact_forms (programme),
                  "end-date", pw_programme_get_end_date (programme),
                  NULL);

  return g_steal_pointer (&self);
}

static gboolean
write_row (PwStore      *store,
           PwAgreement  *self,
           GError      **error)
{
  sqlite3_stmt *stmt;

  stmt = pw_store_prepare (store,
                           "INSERT INTO agreement (pair_id, mentee_gains, mentor_offers, unrealistic, "
                           "meetings_per_month, contact_forms, confidentiality_agreed, reassignment, "
                           "end_date, mentee_accepted, mentor_accepted) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) "
                           "ON CONFLICT (pair_id) DO UPDATE SET mentee_gains = ?2, mentor_offers = ?3, "
                           "unrealistic = ?4, meetings_per_month = ?5, contact_forms = ?6, "
                           "confidentiality_agreed = ?7, reassignment = ?8, end_date = ?9, "
                           "mentee_accepted = ?10, mentor_accepted = ?11, "
                           "modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->pair_id);
  pw_record_bind (G_OBJECT (self), term_fields, stmt, 2);
  sqlite3_bind_text (stmt, 10, str (self->mentee_accepted), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 11, str (self->mentor_accepted), -1, SQLITE_TRANSIENT);

  return pw_record_exec (store, stmt, "agreement", error);
}

/**
 * pw_agreement_save:
 *
 * Stores the terms with the acceptances @self holds. Agreements only come
 * from pw_agreement_load() and clear their acceptances when a term
 * changes, so what is stored as accepted is always what was accepted.
 */
gboolean
pw_agreement_save (PwStore      *store,
                   PwAgreement  *self,
                   GError      **error)
{
  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (PW_IS_AGREEMENT (self), FALSE);

  if (!pw_workspace_check_pair (store, self->pair_id, NULL, error) ||
      !write_row (store, self, error))
    return FALSE;

  if (!self->saved)
    {
      self->saved = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SAVED]);
    }
  return TRUE;
}

static void
append_line (GString    *out,
             const char *label,
             const char *value)
{
  g_string_append_printf (out, "%s\n  %s\n", label, value[0] ? value : _("(not filled in)"));
}

char *
pw_agreement_to_text (PwAgreement *self)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *forms = NULL;
  g_autofree char *meetings = NULL;

  g_return_val_if_fail (PW_IS_AGREEMENT (self), NULL);

  forms = pw_record_to_string (G_OBJECT (self), "contact-forms");
  meetings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d meeting a month", "%d meetings a month",
                                           self->meetings_per_month),
                              self->meetings_per_month);

  g_string_append_printf (out, "%s\n\n", _("Mentor Me agreement"));
  append_line (out, _("What the mentee wants to gain"), str (self->mentee_gains));
  append_line (out, _("What the mentor can offer"), str (self->mentor_offers));
  append_line (out, _("Expectations that are not realistic"), str (self->unrealistic));
  append_line (out, _("How often we meet"), meetings);
  append_line (out, _("How we keep in touch"), forms);
  append_line (out, _("The program’s confidentiality policy"), str (self->confidentiality_policy));
  append_line (out, _("Confidentiality agreed"), self->confidentiality_agreed ? _("yes") : _("no"));
  append_line (out, _("Asking for a new match without blame"), str (self->reassignment));
  append_line (out, _("End date"), str (self->end_date));
  append_line (out, _("Accepted by the mentee on"), str (self->mentee_accepted));
  append_line (out, _("Accepted by the mentor on"), str (self->mentor_accepted));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
pw_agreement_write_json (PwStore      *store,
                         gint64        pair_id,
                         JsonBuilder  *builder,
                         GError      **error)
{
  g_autoptr(PwAgreement) self = g_object_new (PW_TYPE_AGREEMENT, "pair-id", pair_id, NULL);
  gboolean found = FALSE;

  if (!read_row (store, self, &found, error))
    return FALSE;
  if (!found)
    return TRUE;

  json_builder_set_member_name (builder, "agreement");
  json_builder_begin_object (builder);
  pw_record_add_json (G_OBJECT (self), term_fields, builder);
  json_builder_set_member_name (builder, "mentee_accepted");
  json_builder_add_string_value (builder, str (self->mentee_accepted));
  json_builder_set_member_name (builder, "mentor_accepted");
  json_builder_add_string_value (builder, str (self->mentor_accepted));
  json_builder_end_object (builder);
  return TRUE;
}

gboolean
pw_agreement_read_json (PwStore      *store,
                        gint64        pair_id,
                        JsonNode     *node,
                        const char   *where,
                        GError      **error)
{
  g_autoptr(PwAgreement) self = g_object_new (PW_TYPE_AGREEMENT, "pair-id", pair_id, NULL);
  JsonObject *object;
  const char *accepted[2];

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                   _("%s: expected an object."), where);
      return FALSE;
    }

  object = json_node_get_object (node);
  if (!pw_record_read_json (G_OBJECT (self), term_fields, object, where, error))
    return FALSE;

  accepted[0] = pw_json_string (object, "mentee_accepted", "");
  accepted[1] = pw_json_string (object, "mentor_accepted", "");
  for (guint i = 0; i < 2; i++)
    {
      if (accepted[i] == NULL)
        {
          g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                       _("%s.%s: expected a date in quotes."), where,
                       i == 0 ? "mentee_accepted" : "mentor_accepted");
          return FALSE;
        }
      if (accepted[i][0] != '\0' &&
          !pw_agreement_accept (self, i == 0 ? PW_SIDE_MENTEE : PW_SIDE_MENTOR, accepted[i], error))
        {
          g_prefix_error (error, "%s: ", where);
          return FALSE;
        }
    }

  return write_row (store, self, error);
}
