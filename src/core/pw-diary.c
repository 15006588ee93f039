/* pw-diary.c — the mentoring diary: private to the pair
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-diary"

#include <glib/gi18n.h>

#include "pw-diary.h"
#include "pw-programme.h"
#include "pw-record-private.h"
#include "pw-workspace-private.h"

struct _PwDiaryEntry
{
  GObject  parent_instance;

  gint64   id;
  gint64   pair_id;
  char    *date;
  gint64   meeting_id;
  char    *topics;
  char    *reflections;
  char    *actions;
  int      raised_by;
  int      actions_by;
};

G_DEFINE_FINAL_TYPE (PwDiaryEntry, pw_diary_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PAIR_ID,
  PROP_DATE,
  PROP_MEETING_ID,
  PROP_TOPICS,
  PROP_REFLECTIONS,
  PROP_ACTIONS,
  PROP_RAISED_BY,
  PROP_ACTIONS_BY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const gsize field_offsets [N_PROPS] = {
  [PROP_ID]          = G_STRUCT_OFFSET (PwDiaryEntry, id),
  [PROP_PAIR_ID]     = G_STRUCT_OFFSET (PwDiaryEntry, pair_id),
  [PROP_DATE]        = G_STRUCT_OFFSET (PwDiaryEntry, date),
  [PROP_MEETING_ID]  = G_STRUCT_OFFSET (PwDiaryEntry, meeting_id),
  [PROP_TOPICS]      = G_STRUCT_OFFSET (PwDiaryEntry, topics),
  [PROP_REFLECTIONS] = G_STRUCT_OFFSET (PwDiaryEntry, reflections),
  [PROP_ACTIONS]     = G_STRUCT_OFFSET (PwDiaryEntry, actions),
  [PROP_RAISED_BY]   = G_STRUCT_OFFSET (PwDiaryEntry, raised_by),
  [PROP_ACTIONS_BY]  = G_STRUCT_OFFSET (PwDiaryEntry, actions_by),
};

static const char * const entry_fields[] = {
  "date", "meeting-id", "topics", "reflections", "actions", "raised-by", "actions-by", NULL
};

/* In JSON an entry names its meeting by UID ("meeting"): IDs are local. */
static const char * const json_fields[] = {
  "date", "topics", "reflections", "actions", "raised-by", "actions-by", NULL
};

static const char *
str (const char *s)
{
  return s ? s : "";
}

static void
pw_diary_entry_finalize (GObject *object)
{
  PwDiaryEntry *self = (PwDiaryEntry *)object;

  g_clear_pointer (&self->date, g_free);
  g_clear_pointer (&self->topics, g_free);
  g_clear_pointer (&self->reflections, g_free);
  g_clear_pointer (&self->actions, g_free);

  G_OBJECT_CLASS (pw_diary_entry_parent_class)->finalize (object);
}

static void
pw_diary_entry_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  pw_record_get_field (pspec, G_STRUCT_MEMBER_P (object, field_offsets[prop_id]), value);
}

static void
pw_diary_entry_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  pw_record_set_field (object, pspec, G_STRUCT_MEMBER_P (object, field_offsets[prop_id]), value);
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)

static void
pw_diary_entry_class_init (PwDiaryEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_diary_entry_finalize;
  object_class->get_property = pw_diary_entry_get_property;
  object_class->set_property = pw_diary_entry_set_property;

  properties [PROP_ID] = g_param_spec_int64 ("id", "ID", NULL, 0, G_MAXINT64, 0, RO);
  properties [PROP_PAIR_ID] =
    g_param_spec_int64 ("pair-id", "Pair", NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties [PROP_DATE] = g_param_spec_string ("date", N_("Date"), NULL, "", RW);
  properties [PROP_MEETING_ID] =
    g_param_spec_int64 ("meeting-id", N_("Meeting"), NULL, 0, G_MAXINT64, 0, RW);
  properties [PROP_TOPICS] =
    g_param_spec_string ("topics", N_("Topics discussed"), NULL, "", RW);
  properties [PROP_REFLECTIONS] =
    g_param_spec_string ("reflections", N_("Reflections"), NULL, "", RW);
  properties [PROP_ACTIONS] =
    g_param_spec_string ("actions", N_("Actions agreed"), NULL, "", RW);
  properties [PROP_RAISED_BY] =
    g_param_spec_enum ("raised-by", N_("Topics raised by"), NULL, PW_TYPE_SIDE, PW_SIDE_MENTEE, RW);
  properties [PROP_ACTIONS_BY] =
    g_param_spec_enum ("actions-by", N_("Actions set by"), NULL, PW_TYPE_SIDE, PW_SIDE_MENTEE, RW);

  g_object_class_install_properties (object_class, N_PROPS, properties);
  pw_record_mark_date (properties [PROP_DATE]);
}

static void
pw_diary_entry_init (PwDiaryEntry *self)
{
}

const char * const *
pw_diary_entry_list_fields (void)
{
  return entry_fields;
}

/**
 * pw_diary_entry_new:
 * @iso_date: (nullable): the day of the meeting; %NULL for today
 */
PwDiaryEntry *
pw_diary_entry_new (gint64      pair_id,
                    const char *iso_date)
{
  g_autofree char *today = iso_date ? NULL : pw_date_today ();

  return g_object_new (PW_TYPE_DIARY_ENTRY,
                       "pair-id", pair_id,
                       "date", iso_date ? iso_date : today,
                       NULL);
}

gint64
pw_diary_entry_get_id (PwDiaryEntry *self)
{
  g_return_val_if_fail (PW_IS_DIARY_ENTRY (self), 0);
  return self->id;
}

gint64
pw_diary_entry_get_pair_id (PwDiaryEntry *self)
{
  g_return_val_if_fail (PW_IS_DIARY_ENTRY (self), 0);
  return self->pair_id;
}

const char *
pw_diary_entry_get_date (PwDiaryEntry *self)
{
  g_return_val_if_fail (PW_IS_DIARY_ENTRY (self), NULL);
  return str (self->date);
}

gint64
pw_diary_entry_get_meeting_id (PwDiaryEntry *self)
{
  g_return_val_if_fail (PW_IS_DIARY_ENTRY (self), 0);
  return self->meeting_id;
}

const char *
pw_diary_entry_get_topics (PwDiaryEntry *self)
{
  g_return_val_if_fail (PW_IS_DIARY_ENTRY (self), NULL);
  return str (self->topics);
}

const char *
pw_diary_entry_get_reflections (PwDiaryEntry *self)
{
  g_return_val_if_fail (PW_IS_DIARY_ENTRY (self), NULL);
  return str (self->reflections);
}

const char *
pw_diary_entry_get_actions (PwDiaryEntry *self)
{
  g_return_val_if_fail (PW_IS_DIARY_ENTRY (self), NULL);
  return str (self->actions);
}

PwSide
pw_diary_entry_get_raised_by (PwDiaryEntry *self)
{
  g_return_val_if_fail (PW_IS_DIARY_ENTRY (self), PW_SIDE_MENTEE);
  return self->raised_by;
}

PwSide
pw_diary_entry_get_actions_by (PwDiaryEntry *self)
{
  g_return_val_if_fail (PW_IS_DIARY_ENTRY (self), PW_SIDE_MENTEE);
  return self->actions_by;
}

GListModel *
pw_diary_list (PwStore  *store,
               gint64    pair_id,
               GError  **error)
{
  g_autoptr(GListStore) entries = g_list_store_new (PW_TYPE_DIARY_ENTRY);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  stmt = pw_store_prepare (store,
                           "SELECT id, date, meeting_id, topics, reflections, actions, raised_by, "
                           "actions_by FROM diary_entry WHERE pair_id = ? ORDER BY date, id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, pair_id);
  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(PwDiaryEntry) entry = g_object_new (PW_TYPE_DIARY_ENTRY, "pair-id", pair_id, NULL);

      entry->id = sqlite3_column_int64 (stmt, 0);
      pw_record_read (G_OBJECT (entry), entry_fields, stmt, 1);
      g_list_store_append (entries, entry);
    }
  sqlite3_reset (stmt);

  if (rc < 0)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&entries));
}

gboolean
pw_diary_entry_save (PwStore       *store,
                     PwDiaryEntry  *entry,
                     GError       **error)
{
  g_autoptr(GDate) date = NULL;
  sqlite3_stmt *stmt;
  gboolean insert;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (PW_IS_DIARY_ENTRY (entry), FALSE);

  date = pw_date_parse (str (entry->date));
  if (date == NULL)
    {
      g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                   _("date: “%s” is not a date: write it as YYYY-MM-DD, for example 2026-09-01."),
                   str (entry->date));
      return FALSE;
    }

  if (!pw_workspace_check_pair (store, entry->pair_id, NULL, error))
    return FALSE;

  insert = entry->id == 0;
  if (insert)
    stmt = pw_store_prepare (store,
                             "INSERT INTO diary_entry (pair_id, date, meeting_id, topics, reflections, "
                             "actions, raised_by, actions_by) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                             error);
  else
    stmt = pw_store_prepare (store,
                             "UPDATE diary_entry SET date = ?2, meeting_id = ?3, topics = ?4, "
                             "reflections = ?5, actions = ?6, raised_by = ?7, actions_by = ?8 "
                             "WHERE id = ?9 AND pair_id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, entry->pair_id);
  pw_record_bind (G_OBJECT (entry), entry_fields, stmt, 2);
  if (!insert)
    sqlite3_bind_int64 (stmt, 9, entry->id);

  if (!pw_record_exec (store, stmt, "diary_entry", error))
    return FALSE;

  if (insert)
    {
      entry->id = pw_store_last_insert_id (store);
      g_object_notify_by_pspec (G_OBJECT (entry), properties[PROP_ID]);
    }
  else if (pw_store_changes (store) == 0)
    {
      g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no diary entry %lld for pair %lld."),
                   (long long)entry->id, (long long)entry->pair_id);
      return FALSE;
    }

  return TRUE;
}

gboolean
pw_diary_entry_delete (PwStore  *store,
                       gint64    entry_id,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  stmt = pw_store_prepare (store, "DELETE FROM diary_entry WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, entry_id);
  if (!pw_record_exec (store, stmt, "diary_entry", error))
    return FALSE;

  if (pw_store_changes (store) == 0)
    {
      g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_NOT_FOUND,
                   _("There is no diary entry %lld."), (long long)entry_id);
      return FALSE;
    }

  return TRUE;
}

/* The UID of the pair's meeting @id, or NULL if it has gone. */
static gboolean
meeting_uid (PwStore  *store,
             gint64    pair_id,
             gint64    id,
             char    **uid,
             GError  **error)
{
  sqlite3_stmt *stmt = pw_store_prepare (store, "SELECT uid FROM meeting WHERE id = ? AND pair_id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, pair_id);
  rc = pw_store_step (store, stmt, error);
  *uid = rc == SQLITE_ROW ? g_strdup ((const char *)sqlite3_column_text (stmt, 0)) : NULL;
  sqlite3_reset (stmt);
  return rc >= 0;
}

/* The ID of the pair's meeting with @uid, or 0. */
static gboolean
meeting_id (PwStore     *store,
            gint64       pair_id,
            const char  *uid,
            gint64      *id,
            GError     **error)
{
  sqlite3_stmt *stmt = pw_store_prepare (store, "SELECT id FROM meeting WHERE uid = ? AND pair_id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, pair_id);
  rc = pw_store_step (store, stmt, error);
  *id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return rc >= 0;
}

gboolean
pw_diary_write_json (PwStore      *store,
                     gint64        pair_id,
                     JsonBuilder  *builder,
                     GError      **error)
{
  g_autoptr(GListModel) entries = pw_diary_list (store, pair_id, error);

  if (entries == NULL)
    return FALSE;
  if (g_list_model_get_n_items (entries) == 0)
    return TRUE;

  json_builder_set_member_name (builder, "diary");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
    {
      g_autoptr(PwDiaryEntry) entry = g_list_model_get_item (entries, i);

      json_builder_begin_object (builder);
      pw_record_add_json (G_OBJECT (entry), json_fields, builder);
      json_builder_set_member_name (builder, "meeting");
      if (entry->meeting_id != 0)
        {
          g_autofree char *uid = NULL;

          if (!meeting_uid (store, pair_id, entry->meeting_id, &uid, error))
            return FALSE;
          if (uid != NULL)
            json_builder_add_string_value (builder, uid);
          else
            json_builder_add_null_value (builder);
        }
      else
        json_builder_add_null_value (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

gboolean
pw_diary_read_json (PwStore      *store,
                    gint64        pair_id,
                    JsonNode     *node,
                    const char   *where,
                    GError      **error)
{
  JsonArray *entries;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                   _("%s: expected a list."), where);
      return FALSE;
    }

  entries = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (entries); i++)
    {
      JsonNode *element = json_array_get_element (entries, i);
      g_autofree char *at = g_strdup_printf ("%s[%u]", where, i);
      g_autoptr(PwDiaryEntry) entry = NULL;
      JsonNode *meeting;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                       _("%s: expected an object."), at);
          return FALSE;
        }

      entry = g_object_new (PW_TYPE_DIARY_ENTRY, "pair-id", pair_id, NULL);
      if (!pw_record_read_json (G_OBJECT (entry), json_fields, json_node_get_object (element), at, error))
        return FALSE;
      /* A bundle before version 3 has the "meeting_id" of another
       * database, which means nothing here: it is left out. */
      meeting = json_object_get_member (json_node_get_object (element), "meeting");
      if (meeting != NULL && !JSON_NODE_HOLDS_NULL (meeting))
        {
          if (!JSON_NODE_HOLDS_VALUE (meeting) || json_node_get_value_type (meeting) != G_TYPE_STRING)
            {
              g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                           "%s.meeting: %s", at, _("expected text in quotes."));
              return FALSE;
            }
          if (!meeting_id (store, pair_id, json_node_get_string (meeting), &entry->meeting_id, error))
            return FALSE;
          if (entry->meeting_id == 0)
            {
              g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                           "%s.meeting: %s", at, _("no meeting of this pair has that UID."));
              return FALSE;
            }
        }
      if (!pw_diary_entry_save (store, entry, error))
        {
          g_prefix_error (error, "%s.", at);
          return FALSE;
        }
    }

  return TRUE;
}
