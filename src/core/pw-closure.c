/* pw-closure.c — closing a mentoring relationship and reflecting on it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-closure"

#include <glib/gi18n.h>

#include "pw-closure.h"
#include "pw-programme.h"
#include "pw-record-private.h"
#include "pw-workspace-private.h"

struct _PwClosure
{
  GObject  parent_instance;

  gint64   pair_id;
  int      goals_reviewed;
  char    *covered;
  char    *mentee_started;
  char    *mentee_reached;
  char    *mentor_started;
  char    *mentor_reached;
  char    *answers[2][PW_N_CLOSING_QUESTIONS];  /* [role][question] */
  char    *closed;
};

G_DEFINE_FINAL_TYPE (PwClosure, pw_closure, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PAIR_ID,
  PROP_GOALS_REVIEWED,
  PROP_COVERED,
  PROP_MENTEE_STARTED,
  PROP_MENTEE_REACHED,
  PROP_MENTOR_STARTED,
  PROP_MENTOR_REACHED,
  PROP_MENTEE_GAINED,
  PROP_MENTEE_WORKED,
  PROP_MENTEE_CHANGE,
  PROP_MENTEE_NEXT,
  PROP_MENTOR_GAINED,
  PROP_MENTOR_WORKED,
  PROP_MENTOR_CHANGE,
  PROP_MENTOR_NEXT,
  PROP_CLOSED,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const gsize field_offsets [N_PROPS] = {
  [PROP_PAIR_ID]        = G_STRUCT_OFFSET (PwClosure, pair_id),
  [PROP_GOALS_REVIEWED] = G_STRUCT_OFFSET (PwClosure, goals_reviewed),
  [PROP_COVERED]        = G_STRUCT_OFFSET (PwClosure, covered),
  [PROP_MENTEE_STARTED] = G_STRUCT_OFFSET (PwClosure, mentee_started),
  [PROP_MENTEE_REACHED] = G_STRUCT_OFFSET (PwClosure, mentee_reached),
  [PROP_MENTOR_STARTED] = G_STRUCT_OFFSET (PwClosure, mentor_started),
  [PROP_MENTOR_REACHED] = G_STRUCT_OFFSET (PwClosure, mentor_reached),
  [PROP_MENTEE_GAINED]  = G_STRUCT_OFFSET (PwClosure, answers[0][PW_CLOSING_GAINED]),
  [PROP_MENTEE_WORKED]  = G_STRUCT_OFFSET (PwClosure, answers[0][PW_CLOSING_WORKED]),
  [PROP_MENTEE_CHANGE]  = G_STRUCT_OFFSET (PwClosure, answers[0][PW_CLOSING_CHANGE]),
  [PROP_MENTEE_NEXT]    = G_STRUCT_OFFSET (PwClosure, answers[0][PW_CLOSING_NEXT]),
  [PROP_MENTOR_GAINED]  = G_STRUCT_OFFSET (PwClosure, answers[1][PW_CLOSING_GAINED]),
  [PROP_MENTOR_WORKED]  = G_STRUCT_OFFSET (PwClosure, answers[1][PW_CLOSING_WORKED]),
  [PROP_MENTOR_CHANGE]  = G_STRUCT_OFFSET (PwClosure, answers[1][PW_CLOSING_CHANGE]),
  [PROP_MENTOR_NEXT]    = G_STRUCT_OFFSET (PwClosure, answers[1][PW_CLOSING_NEXT]),
  [PROP_CLOSED]         = G_STRUCT_OFFSET (PwClosure, closed),
};

#define FIELD_PTR(self, prop) G_STRUCT_MEMBER_P ((self), field_offsets[(prop)])

/* The checklist and answers, in stored order ("closed" is kept apart). */
static const char * const closure_fields[] = {
  "goals-reviewed", "covered", "mentee-started", "mentee-reached", "mentor-started",
  "mentor-reached", "mentee-gained", "mentee-worked", "mentee-change", "mentee-next",
  "mentor-gained", "mentor-worked", "mentor-change", "mentor-next", NULL
};

static const char *
str (const char *s)
{
  return s ? s : "";
}

static gboolean
blank (const char *s)
{
  for (; s != NULL && *s != '\0'; s = g_utf8_next_char (s))
    if (!g_unichar_isspace (g_utf8_get_char (s)))
      return FALSE;
  return TRUE;
}

static void
pw_closure_finalize (GObject *object)
{
  PwClosure *self = (PwClosure *)object;

  for (guint prop = PROP_COVERED; prop <= PROP_CLOSED; prop++)
    g_clear_pointer ((char **)FIELD_PTR (self, prop), g_free);

  G_OBJECT_CLASS (pw_closure_parent_class)->finalize (object);
}

static void
pw_closure_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  PwClosure *self = PW_CLOSURE (object);

  if (prop_id == PROP_COMPLETE)
    g_value_set_boolean (value, pw_closure_get_complete (self));
  else if (prop_id > 0 && prop_id < N_PROPS)
    pw_record_get_field (pspec, FIELD_PTR (self, prop_id), value);
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
pw_closure_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  PwClosure *self = PW_CLOSURE (object);

  if (prop_id == PROP_PAIR_ID)
    self->pair_id = g_value_get_int64 (value);
  else if (prop_id >= PROP_GOALS_REVIEWED && prop_id <= PROP_MENTOR_NEXT)
    {
      gboolean was_complete = pw_closure_get_complete (self);

      if (pw_record_set_field (object, pspec, FIELD_PTR (self, prop_id), value) &&
          was_complete != pw_closure_get_complete (self))
        g_object_notify_by_pspec (object, properties[PROP_COMPLETE]);
    }
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static void
pw_closure_class_init (PwClosureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_closure_finalize;
  object_class->get_property = pw_closure_get_property;
  object_class->set_property = pw_closure_set_property;

  properties [PROP_PAIR_ID] =
    g_param_spec_int64 ("pair-id", "Pair", NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_GOALS_REVIEWED] =
    g_param_spec_boolean ("goals-reviewed", N_("Goals reviewed together"), NULL, FALSE, RW);
  properties [PROP_COVERED] =
    g_param_spec_string ("covered", N_("What the relationship covered"), NULL, "", RW);
  properties [PROP_MENTEE_STARTED] =
    g_param_spec_string ("mentee-started", N_("Where the mentee started"), NULL, "", RW);
  properties [PROP_MENTEE_REACHED] =
    g_param_spec_string ("mentee-reached", N_("Where the mentee got to"), NULL, "", RW);
  properties [PROP_MENTOR_STARTED] =
    g_param_spec_string ("mentor-started", N_("Where the mentor started"), NULL, "", RW);
  properties [PROP_MENTOR_REACHED] =
    g_param_spec_string ("mentor-reached", N_("Where the mentor got to"), NULL, "", RW);

  for (guint r = 0; r < 2; r++)
    for (guint q = 0; q < PW_N_CLOSING_QUESTIONS; q++)
      {
        guint prop = PROP_MENTEE_GAINED + r * PW_N_CLOSING_QUESTIONS + q;

        properties [prop] =
          g_param_spec_string (pw_closing_question_field (q, r), NULL, NULL, "", RW);
      }

  properties [PROP_CLOSED] = g_param_spec_string ("closed", N_("Closed on"), NULL, "", RO);
  properties [PROP_COMPLETE] =
    g_param_spec_boolean ("complete", N_("Checklist complete"), NULL, FALSE, RO);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_closure_init (PwClosure *self)
{
}

const char * const *
pw_closure_list_fields (void)
{
  return closure_fields;
}

const char *
pw_closing_question_text (PwClosingQuestion question,
                          PwSide            role)
{
  g_return_val_if_fail (question < PW_N_CLOSING_QUESTIONS, NULL);
  g_return_val_if_fail (role == PW_SIDE_MENTEE || role == PW_SIDE_MENTOR, NULL);

  switch (question)
    {
    case PW_CLOSING_GAINED:
      return role == PW_SIDE_MENTEE ? _("What have you gained from working with your mentor?")
                                    : _("What have you gained from working with your mentee?");
    case PW_CLOSING_WORKED:
      return _("What worked well in the relationship?");
    case PW_CLOSING_CHANGE:
      return _("What would you do differently another time?");
    case PW_CLOSING_NEXT:
      return _("What will you do next with what you learned?");
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
pw_closing_question_field (PwClosingQuestion question,
                           PwSide            role)
{
  static const char * const names[2][PW_N_CLOSING_QUESTIONS] = {
    { "mentee-gained", "mentee-worked", "mentee-change", "mentee-next" },
    { "mentor-gained", "mentor-worked", "mentor-change", "mentor-next" },
  };

  g_return_val_if_fail (question < PW_N_CLOSING_QUESTIONS, NULL);
  g_return_val_if_fail (role == PW_SIDE_MENTEE || role == PW_SIDE_MENTOR, NULL);

  return names[role][question];
}

gint64
pw_closure_get_pair_id (PwClosure *self)
{
  g_return_val_if_fail (PW_IS_CLOSURE (self), 0);
  return self->pair_id;
}

const char *
pw_closure_get_closed (PwClosure *self)
{
  g_return_val_if_fail (PW_IS_CLOSURE (self), NULL);
  return str (self->closed);
}

GStrv
pw_closure_list_missing (PwClosure *self)
{
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();

  g_return_val_if_fail (PW_IS_CLOSURE (self), NULL);

  if (!self->goals_reviewed)
    g_strv_builder_add (missing, _("review the goals together"));
  if (blank (self->covered))
    g_strv_builder_add (missing, _("say what the relationship covered"));
  if (blank (self->mentee_started) || blank (self->mentee_reached))
    g_strv_builder_add (missing, _("say where the mentee started and where they got to"));
  if (blank (self->mentor_started) || blank (self->mentor_reached))
    g_strv_builder_add (missing, _("say where the mentor started and where they got to"));

  return g_strv_builder_end (missing);
}

gboolean
pw_closure_get_complete (PwClosure *self)
{
  g_auto(GStrv) missing = NULL;

  g_return_val_if_fail (PW_IS_CLOSURE (self), FALSE);

  missing = pw_closure_list_missing (self);
  return missing[0] == NULL;
}

static gboolean
read_row (PwStore    *store,
          PwClosure  *self,
          gboolean   *found,
          GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = pw_store_prepare (store,
                           "SELECT goals_reviewed, covered, mentee_started, mentee_reached, "
                           "mentor_started, mentor_reached, mentee_gained, mentee_worked, "
                           "mentee_change, mentee_next, mentor_gained, mentor_worked, mentor_change, "
                           "mentor_next, closed FROM pair_closure WHERE pair_id = ?",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->pair_id);
  rc = pw_store_step (store, stmt, error);
  *found = rc == SQLITE_ROW;
  if (rc == SQLITE_ROW)
    {
      pw_record_read (G_OBJECT (self), closure_fields, stmt, 0);
      g_free (self->closed);
      self->closed = g_strdup ((const char *)sqlite3_column_text (stmt, 14));
    }
  sqlite3_reset (stmt);

  return rc >= 0;
}

PwClosure *
pw_closure_load (PwStore  *store,
                 gint64    pair_id,
                 GError  **error)
{
  g_autoptr(PwClosure) self = NULL;
  gboolean found;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  if (!pw_workspace_check_pair (store, pair_id, NULL, error))
    return NULL;

  self = g_object_new (PW_TYPE_CLOSURE, "pair-id", pair_id, NULL);
  if (!read_row (store, self, &found, error))
    return NULL;

  return g_steal_pointer (&self);
}

static gboolean
write_row (PwStore    *store,
           PwClosure  *self,
           GError    **error)
{
  sqlite3_stmt *stmt;

  stmt = pw_store_prepare (store,
                           "INSERT OR REPLACE INTO pair_closure (pair_id, goals_reviewed, covered, "
                           "mentee_started, mentee_reached, mentor_started, mentor_reached, "
                           "mentee_gained, mentee_worked, mentee_change, mentee_next, mentor_gained, "
                           "mentor_worked, mentor_change, mentor_next, closed) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, self->pair_id);
  pw_record_bind (G_OBJECT (self), closure_fields, stmt, 2);
  sqlite3_bind_text (stmt, 16, str (self->closed), -1, SQLITE_TRANSIENT);

  return pw_record_exec (store, stmt, "pair_closure", error);
}

gboolean
pw_closure_save (PwStore    *store,
                 PwClosure  *self,
                 GError    **error)
{
  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (PW_IS_CLOSURE (self), FALSE);

  return pw_workspace_check_pair (store, self->pair_id, NULL, error) &&
         write_row (store, self, error);
}

static void
set_closed (PwClosure  *self,
            const char *date)
{
  if (g_strcmp0 (str (self->closed), str (date)) == 0)
    return;

  g_free (self->closed);
  self->closed = g_strdup (str (date));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSED]);
}

gboolean
pw_closure_close (PwStore     *store,
                  PwClosure   *self,
                  const char  *iso_date,
                  GError     **error)
{
  g_autofree char *today = NULL;
  g_autoptr(GDate) date = NULL;
  g_auto(GStrv) missing = NULL;
  g_autofree char *previous = NULL;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (PW_IS_CLOSURE (self), FALSE);

  missing = pw_closure_list_missing (self);
  if (missing[0] != NULL)
    {
      g_autofree char *list = g_strjoinv ("; ", missing);

      g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INCOMPLETE,
                   _("Pair %lld cannot be closed yet: first %s."), (long long)self->pair_id, list);
      return FALSE;
    }

  if (iso_date == NULL)
    iso_date = today = pw_date_today ();
  date = pw_date_parse (iso_date);
  if (date == NULL)
    {
      g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                   _("closed: “%s” is not a date: write it as YYYY-MM-DD, for example 2026-09-01."),
                   iso_date);
      return FALSE;
    }

  previous = g_strdup (str (self->closed));
  set_closed (self, iso_date);
  if (!pw_closure_save (store, self, error))
    {
      set_closed (self, previous);
      return FALSE;
    }

  return TRUE;
}

gboolean
pw_closure_write_json (PwStore      *store,
                       gint64        pair_id,
                       JsonBuilder  *builder,
                       GError      **error)
{
  g_autoptr(PwClosure) self = g_object_new (PW_TYPE_CLOSURE, "pair-id", pair_id, NULL);
  gboolean found = FALSE;

  if (!read_row (store, self, &found, error))
    return FALSE;
  if (!found)
    return TRUE;

  json_builder_set_member_name (builder, "closure");
  json_builder_begin_object (builder);
  pw_record_add_json (G_OBJECT (self), closure_fields, builder);
  json_builder_set_member_name (builder, "closed");
  json_builder_add_string_value (builder, str (self->closed));
  json_builder_end_object (builder);
  return TRUE;
}

gboolean
pw_closure_read_json (PwStore      *store,
                      gint64        pair_id,
                      JsonNode     *node,
                      const char   *where,
                      GError      **error)
{
  g_autoptr(PwClosure) self = g_object_new (PW_TYPE_CLOSURE, "pair-id", pair_id, NULL);
  const char *closed;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                   _("%s: expected an object."), where);
      return FALSE;
    }

  if (!pw_record_read_json (G_OBJECT (self), closure_fields, json_node_get_object (node), where, error))
    return FALSE;

  closed = pw_json_string (json_node_get_object (node), "closed", "");
  if (closed == NULL)
    {
      g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                   _("%s.closed: expected a date in quotes."), where);
      return FALSE;
    }
  if (closed[0] != '\0')
    {
      g_autoptr(GDate) date = pw_date_parse (closed);

      if (date == NULL)
        {
          g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                       _("%s.closed: “%s” is not a date: write it as YYYY-MM-DD."), where, closed);
          return FALSE;
        }
    }
  set_closed (self, closed);

  return write_row (store, self, error);
}
