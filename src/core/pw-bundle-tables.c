/* pw-bundle-tables.c — the programme's tables in a bundle
 *
 * Everything a programme gathers after its setup and people, table by
 * table: eligibility rules and overrides, matching settings, forbidden
 * pairs, rematch priority, career influence, the schedule (settings,
 * closure days, meetings) and evaluation (questionnaires, questions,
 * responses, answers). Each table is described once below, with the SQL
 * that reads it and the SQL that writes it back; people travel as their
 * email and rows of another table as their index in the bundle.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-bundle"

#include <glib/gi18n.h>

#include "pw-bundle-private.h"
#include "pw-person.h"

typedef enum
{
  COL_TEXT,        /* TEXT NOT NULL */
  COL_TEXT_NULL,   /* TEXT, or null */
  COL_INT,         /* INTEGER NOT NULL */
  COL_INT_NULL,    /* INTEGER, or null */
  COL_BOOL,        /* 0 or 1 in the table, false or true in the bundle */
  COL_PERSON,      /* a person's ID in the table, their email in the bundle */
  COL_ARRAY,       /* JSON text in the table, the JSON list itself in the bundle */
  COL_OBJECT,      /* likewise, a JSON object */
  COL_REF,         /* another table's row: its ID, or its index in the bundle */
} ColumnType;

typedef struct
{
  const char  *member;
  ColumnType   type;
  PwBundleRef  ref;       /* COL_REF */
} Column;

#define MAX_COLUMNS 15

typedef struct
{
  PwBundleTables  group;
  const char     *member;
  /* ?1 is the programme. With @records, the first column is the row's ID;
   * then one column for each of @columns, in order. */
  const char     *select;
  /* ?1 is the programme; ?2… are @columns in order. */
  const char     *insert;
  int             records;  /* a PwBundleRef, or -1 */
  /* When @insert may find nothing to write (it names a row by a key),
   * the member that named it: no row written is an error there, said
   * with @not_found. */
  const char     *must_find;
  const char     *not_found;
  Column          columns[MAX_COLUMNS + 1];
} Table;

static const Table tables[] = {
  { PW_BUNDLE_TABLES_SETUP, "eligibility_rules",
    "SELECT rule_set, grp, kind, op, field, vals, number FROM eligibility_rule "
    "WHERE programme_id = ?1 ORDER BY id",
    "INSERT INTO eligibility_rule (programme_id, rule_set, grp, kind, op, field, vals, number) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    -1,
    NULL, NULL,
    { { "set", COL_TEXT }, { "group", COL_INT }, { "kind", COL_TEXT }, { "op", COL_TEXT },
      { "field", COL_TEXT }, { "values", COL_ARRAY }, { "number", COL_INT } } },

  { PW_BUNDLE_TABLES_SETUP, "eligibility_overrides",
    "SELECT o.person_id, o.rule_set, o.eligible, o.justification, o.created "
    "FROM eligibility_override o JOIN person p ON p.id = o.person_id "
    "WHERE o.programme_id = ?1 ORDER BY o.created, p.email, o.rule_set",
    "INSERT INTO eligibility_override (programme_id, person_id, rule_set, eligible, justification, created) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    -1,
    NULL, NULL,
    { { "person", COL_PERSON }, { "set", COL_TEXT }, { "eligible", COL_BOOL },
      { "justification", COL_TEXT }, { "created", COL_TEXT } } },

  { PW_BUNDLE_TABLES_SETUP, "match_settings",
    "SELECT settings FROM match_settings WHERE programme_id = ?1",
    "INSERT INTO match_settings (programme_id, settings) VALUES (?1, ?2)",
    -1,
    NULL, NULL,
    { { "settings", COL_OBJECT } } },

  { PW_BUNDLE_TABLES_SETUP, "forbidden_pairs",
    "SELECT f.mentee_id, f.mentor_id FROM forbidden_pair f "
    "JOIN person me ON me.id = f.mentee_id JOIN person mo ON mo.id = f.mentor_id "
    "WHERE f.programme_id = ?1 ORDER BY me.email, mo.email",
    "INSERT INTO forbidden_pair (programme_id, mentee_id, mentor_id) VALUES (?1, ?2, ?3)",
    -1,
    NULL, NULL,
    { { "mentee", COL_PERSON }, { "mentor", COL_PERSON } } },

  { PW_BUNDLE_TABLES_SETUP, "rematch_priority",
    "SELECT r.person_id, r.since FROM rematch_priority r JOIN person p ON p.id = r.person_id "
    "WHERE r.programme_id = ?1 ORDER BY r.since, p.email",
    "INSERT INTO rematch_priority (programme_id, person_id, since) VALUES (?1, ?2, ?3)",
    -1,
    NULL, NULL,
    { { "person", COL_PERSON }, { "since", COL_TEXT } } },

  /* Database-wide: the links between the bundle's own people. One the
   * database already holds is kept as it is. */
  { PW_BUNDLE_TABLES_SETUP, "career_influence",
    "SELECT c.person_id, c.influencer_id, c.note FROM career_influence c "
    "JOIN person p ON p.id = c.person_id JOIN person i ON i.id = c.influencer_id "
    "WHERE ?1 IS NOT NULL ORDER BY p.email, i.email",
    "INSERT OR IGNORE INTO career_influence (person_id, influencer_id, note) "
    "SELECT ?2, ?3, ?4 WHERE ?1 IS NOT NULL",
    -1,
    NULL, NULL,
    { { "person", COL_PERSON }, { "influencer", COL_PERSON }, { "note", COL_TEXT } } },

  { PW_BUNDLE_TABLES_SETUP, "schedule_settings",
    "SELECT tzid, meeting_time, kickoff_minutes, closing_minutes FROM schedule_settings "
    "WHERE programme_id = ?1",
    "INSERT INTO schedule_settings (programme_id, tzid, meeting_time, kickoff_minutes, closing_minutes) "
    "VALUES (?1, ?2, ?3, ?4, ?5)",
    -1,
    NULL, NULL,
    { { "tzid", COL_TEXT }, { "meeting_time", COL_TEXT }, { "kickoff_minutes", COL_INT },
      { "closing_minutes", COL_INT } } },

  { PW_BUNDLE_TABLES_SETUP, "closure_days",
    "SELECT day, label FROM closure_day WHERE programme_id = ?1 ORDER BY day",
    "INSERT INTO closure_day (programme_id, day, label) VALUES (?1, ?2, ?3)",
    -1,
    NULL, NULL,
    { { "day", COL_TEXT }, { "label", COL_TEXT } } },

  /* A meeting keeps its UID: calendars that imported it know it by that. */
  { PW_BUNDLE_TABLES_MEETINGS, "meetings",
    "SELECT pair_id, uid, kind, start_local, tzid, minutes, contact_form, place, link, agenda, "
    "status, held_minutes, sequence, created, modified FROM meeting "
    "WHERE programme_id = ?1 ORDER BY start_local, uid",
    "INSERT INTO meeting (programme_id, pair_id, uid, kind, start_local, tzid, minutes, contact_form, "
    "place, link, agenda, status, held_minutes, sequence, created, modified) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
    -1,
    NULL, NULL,
    { { "pair", COL_REF, PW_BUNDLE_REF_PAIR }, { "uid", COL_TEXT }, { "kind", COL_TEXT },
      { "start", COL_TEXT }, { "tzid", COL_TEXT }, { "minutes", COL_INT },
      { "contact_form", COL_TEXT }, { "place", COL_TEXT }, { "link", COL_TEXT },
      { "agenda", COL_TEXT }, { "status", COL_TEXT }, { "held_minutes", COL_INT_NULL },
      { "sequence", COL_INT }, { "created", COL_TEXT }, { "modified", COL_TEXT } } },

  { PW_BUNDLE_TABLES_EVALUATION, "questionnaires",
    "SELECT id, slug, version, title, intro, created FROM questionnaire "
    "WHERE programme_id = ?1 ORDER BY slug, version",
    "INSERT INTO questionnaire (programme_id, slug, version, title, intro, created) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    PW_BUNDLE_REF_QUESTIONNAIRE,
    NULL, NULL,
    { { "slug", COL_TEXT }, { "version", COL_INT }, { "title", COL_TEXT }, { "intro", COL_TEXT },
      { "created", COL_TEXT } } },

  { PW_BUNDLE_TABLES_EVALUATION, "questions",
    "SELECT q.questionnaire_id, q.position, q.key, q.text, q.type, q.criterion FROM question q "
    "JOIN questionnaire n ON n.id = q.questionnaire_id "
    "WHERE n.programme_id = ?1 ORDER BY n.slug, n.version, q.position",
    "INSERT INTO question (questionnaire_id, position, key, text, type, criterion) "
    "SELECT ?2, ?3, ?4, ?5, ?6, ?7 WHERE ?1 IS NOT NULL",
    -1,
    NULL, NULL,
    { { "questionnaire", COL_REF, PW_BUNDLE_REF_QUESTIONNAIRE }, { "position", COL_INT },
      { "key", COL_TEXT }, { "text", COL_TEXT }, { "type", COL_TEXT }, { "criterion", COL_TEXT } } },

  /* Who answered is kept whether or not they signed: it is how the
   * coordinator knows whom to remind. "named" says whether reports may
   * show the name. */
  { PW_BUNDLE_TABLES_EVALUATION, "responses",
    "SELECT r.id, r.questionnaire_id, r.respondent_id, r.pair_id, r.named, r.source, r.submitted "
    "FROM response r JOIN questionnaire n ON n.id = r.questionnaire_id "
    "WHERE n.programme_id = ?1 ORDER BY n.slug, n.version, r.submitted, r.id",
    "INSERT INTO response (questionnaire_id, respondent_id, pair_id, named, source, submitted) "
    "SELECT ?2, ?3, ?4, ?5, ?6, ?7 WHERE ?1 IS NOT NULL",
    PW_BUNDLE_REF_RESPONSE,
    NULL, NULL,
    { { "questionnaire", COL_REF, PW_BUNDLE_REF_QUESTIONNAIRE }, { "respondent", COL_PERSON },
      { "pair", COL_REF, PW_BUNDLE_REF_PAIR }, { "named", COL_BOOL }, { "source", COL_TEXT },
      { "submitted", COL_TEXT } } },

  /* An answer names its question by key, within its response's questionnaire. */
  { PW_BUNDLE_TABLES_EVALUATION, "answers",
    "SELECT a.response_id, q.key, a.number, a.text FROM answer a "
    "JOIN response r ON r.id = a.response_id JOIN questionnaire n ON n.id = r.questionnaire_id "
    "JOIN question q ON q.id = a.question_id "
    "WHERE n.programme_id = ?1 ORDER BY n.slug, n.version, r.submitted, r.id, q.position",
    "INSERT INTO answer (response_id, question_id, number, text) "
    "SELECT ?2, q.id, ?4, ?5 FROM question q JOIN response r ON r.questionnaire_id = q.questionnaire_id "
    "WHERE r.id = ?2 AND q.key = ?3 AND ?1 IS NOT NULL",
    -1,
    "question", N_("no question of this response’s questionnaire has that key."),
    { { "response", COL_REF, PW_BUNDLE_REF_RESPONSE }, { "question", COL_TEXT },
      { "number", COL_INT_NULL }, { "text", COL_TEXT_NULL } } },
};

/* Which table a reference points into, to name it in messages. */
static const char * const ref_tables[PW_BUNDLE_N_REFS] = {
  [PW_BUNDLE_REF_PAIR] = "pairs",
  [PW_BUNDLE_REF_QUESTIONNAIRE] = "questionnaires",
  [PW_BUNDLE_REF_RESPONSE] = "responses",
};

void
pw_bundle_refs_init (PwBundleRefs *refs)
{
  for (guint i = 0; i < PW_BUNDLE_N_REFS; i++)
    {
      refs->ids[i] = g_array_new (FALSE, FALSE, sizeof (gint64));
      refs->index[i] = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
    }
}

void
pw_bundle_refs_clear (PwBundleRefs *refs)
{
  for (guint i = 0; i < PW_BUNDLE_N_REFS; i++)
    {
      g_clear_pointer (&refs->ids[i], g_array_unref);
      g_clear_pointer (&refs->index[i], g_hash_table_unref);
    }
}

void
pw_bundle_refs_add (PwBundleRefs *refs,
                    PwBundleRef   ref,
                    gint64        id)
{
  g_array_append_val (refs->ids[ref], id);
  g_hash_table_insert (refs->index[ref], g_memdup2 (&id, sizeof id),
                       GUINT_TO_POINTER (refs->ids[ref]->len));
}

static GArray *
list_ids (PwStore     *store,
          const char  *sql,
          gint64       bind,
          GArray      *ids,
          GError     **error)
{
  sqlite3_stmt *stmt = pw_store_prepare (store, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, bind);
  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  sqlite3_reset (stmt);

  return rc < 0 ? NULL : ids;
}

GArray *
pw_bundle_list_named_people (PwStore  *store,
                             gint64    programme_id,
                             GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  if (list_ids (store,
                "SELECT person_id FROM eligibility_override WHERE programme_id = ?1 "
                "UNION SELECT mentee_id FROM forbidden_pair WHERE programme_id = ?1 "
                "UNION SELECT mentor_id FROM forbidden_pair WHERE programme_id = ?1 "
                "UNION SELECT person_id FROM rematch_priority WHERE programme_id = ?1 "
                "UNION SELECT r.respondent_id FROM response r "
                "  JOIN questionnaire n ON n.id = r.questionnaire_id "
                "  WHERE n.programme_id = ?1 AND r.respondent_id IS NOT NULL "
                "ORDER BY 1",
                programme_id, ids, error) == NULL)
    return NULL;

  return g_steal_pointer (&ids);
}

GArray *
pw_bundle_list_influencers (PwStore  *store,
                            GArray   *people,
                            GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  for (guint i = 0; i < people->len; i++)
    {
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (gint64));

      if (list_ids (store,
                    "SELECT influencer_id FROM career_influence WHERE person_id = ?1 ORDER BY 1",
                    g_array_index (people, gint64, i), found, error) == NULL)
        return NULL;

      for (guint j = 0; j < found->len; j++)
        {
          gint64 id = g_array_index (found, gint64, j);

          if (g_hash_table_add (seen, g_memdup2 (&id, sizeof id)))
            g_array_append_val (ids, id);
        }
    }

  return g_steal_pointer (&ids);
}

/* Whether every person and row the current row names is in the bundle. */
static gboolean
row_travels (sqlite3_stmt *stmt,
             const Table  *table,
             guint         first,
             GHashTable   *people,
             PwBundleRefs *refs)
{
  for (guint c = 0; table->columns[c].member != NULL; c++)
    {
      int i = first + c;
      gint64 id;

      if (sqlite3_column_type (stmt, i) == SQLITE_NULL)
        continue;
      id = sqlite3_column_int64 (stmt, i);
      if (table->columns[c].type == COL_PERSON && !g_hash_table_contains (people, &id))
        return FALSE;
      if (table->columns[c].type == COL_REF &&
          !g_hash_table_contains (refs->index[table->columns[c].ref], &id))
        return FALSE;
    }

  return TRUE;
}

static gboolean
write_table (PwStore       *store,
             gint64         programme_id,
             const Table   *table,
             GHashTable    *people,
             PwBundleRefs  *refs,
             JsonBuilder   *builder,
             GError       **error)
{
  g_autoptr(JsonArray) rows = json_array_new ();
  guint first = table->records >= 0 ? 1 : 0;
  sqlite3_stmt *stmt;
  int rc;

  stmt = pw_store_prepare (store, table->select, error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      JsonObject *row;

      if (!row_travels (stmt, table, first, people, refs))
        continue;
      if (table->records >= 0)
        pw_bundle_refs_add (refs, table->records, sqlite3_column_int64 (stmt, 0));

      row = json_object_new ();
      for (guint c = 0; table->columns[c].member != NULL; c++)
        {
          const Column *column = &table->columns[c];
          int i = first + c;
          gboolean null = sqlite3_column_type (stmt, i) == SQLITE_NULL;
          const char *text = (const char *)sqlite3_column_text (stmt, i);
          gint64 id = sqlite3_column_int64 (stmt, i);

          if (null && column->type != COL_TEXT && column->type != COL_INT &&
              column->type != COL_BOOL)
            {
              json_object_set_null_member (row, column->member);
              continue;
            }

          switch (column->type)
            {
            case COL_TEXT:
            case COL_TEXT_NULL:
              json_object_set_string_member (row, column->member, text ? text : "");
              break;
            case COL_INT:
            case COL_INT_NULL:
              json_object_set_int_member (row, column->member, id);
              break;
            case COL_BOOL:
              json_object_set_boolean_member (row, column->member, id != 0);
              break;
            case COL_PERSON:
              json_object_set_string_member (row, column->member,
                                             pw_person_get_email (g_hash_table_lookup (people, &id)));
              break;
            case COL_ARRAY:
            case COL_OBJECT:
              {
                JsonNode *value = json_from_string (text, NULL);

                /* What the app stored is well formed; if not, the empty value
                 * rather than a bundle that cannot be read back. */
                if (value == NULL ||
                    (column->type == COL_ARRAY && !JSON_NODE_HOLDS_ARRAY (value)) ||
                    (column->type == COL_OBJECT && !JSON_NODE_HOLDS_OBJECT (value)))
                  {
                    g_clear_pointer (&value, json_node_unref);
                    value = column->type == COL_ARRAY
                            ? json_node_init_array (json_node_alloc (), json_array_new ())
                            : json_node_init_object (json_node_alloc (), json_object_new ());
                  }
                json_object_set_member (row, column->member, value);
              }
              break;
            case COL_REF:
              json_object_set_int_member (row, column->member,
                                          GPOINTER_TO_UINT (g_hash_table_lookup (refs->index[column->ref], &id)) - 1);
              break;
            default:
              g_assert_not_reached ();
            }
        }
      json_array_add_object_element (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return FALSE;

  if (json_array_get_length (rows) > 0)
    {
      json_builder_set_member_name (builder, table->member);
      json_builder_add_value (builder, json_node_init_array (json_node_alloc (), rows));
    }

  return TRUE;
}

gboolean
pw_bundle_write_tables (PwStore         *store,
                        gint64           programme_id,
                        PwBundleTables   group,
                        GHashTable      *people,
                        PwBundleRefs    *refs,
                        JsonBuilder     *builder,
                        GError         **error)
{
  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    if (tables[t].group == group &&
        !write_table (store, programme_id, &tables[t], people, refs, builder, error))
      return FALSE;

  return TRUE;
}

typedef struct
{
  const char  *source;
  const char  *where;     /* "meetings[3]" */
  const char  *member;
  GError     **error;
} Place;

static gboolean
bad_value (Place      *place,
           const char *message)
{
  g_set_error (place->error, PW_BUNDLE_ERROR, PW_BUNDLE_ERROR_INVALID,
               "%s:%s.%s: %s", place->source, place->where, place->member, message);
  return FALSE;
}

/* Binds @node, the value of @column, as parameter @param. */
static gboolean
bind_value (sqlite3_stmt *stmt,
            int           param,
            const Column *column,
            JsonNode     *node,
            GHashTable   *people,
            PwBundleRefs *refs,
            Place        *place)
{
  GType held = node && JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (column->type == COL_TEXT || column->type == COL_INT || column->type == COL_BOOL ||
          column->type == COL_ARRAY || column->type == COL_OBJECT)
        return bad_value (place, _("missing."));
      return TRUE;  /* NULL, as cleared; the table says whether it may be */
    }

  switch (column->type)
    {
    case COL_TEXT:
    case COL_TEXT_NULL:
      if (held != G_TYPE_STRING)
        return bad_value (place, _("expected text in quotes."));
      sqlite3_bind_text (stmt, param, json_node_get_string (node), -1, SQLITE_TRANSIENT);
      return TRUE;

    case COL_INT:
    case COL_INT_NULL:
      if (held != G_TYPE_INT64)
        return bad_value (place, _("expected a whole number."));
      sqlite3_bind_int64 (stmt, param, json_node_get_int (node));
      return TRUE;

    case COL_BOOL:
      if (held != G_TYPE_BOOLEAN)
        return bad_value (place, _("expected true or false."));
      sqlite3_bind_int (stmt, param, json_node_get_boolean (node) ? 1 : 0);
      return TRUE;

    case COL_PERSON:
      {
        g_autofree char *key = NULL;
        g_autofree char *message = NULL;
        PwPerson *person;

        if (held != G_TYPE_STRING)
          return bad_value (place, _("expected text in quotes."));
        key = g_utf8_casefold (json_node_get_string (node), -1);
        person = g_hash_table_lookup (people, key);
        if (person == NULL)
          {
            message = g_strdup_printf (_("“%s” is not one of the bundle’s people."),
                                       json_node_get_string (node));
            return bad_value (place, message);
          }
        sqlite3_bind_int64 (stmt, param, pw_person_get_id (person));
        return TRUE;
      }

    case COL_ARRAY:
    case COL_OBJECT:
      {
        g_autofree char *text = NULL;

        if (column->type == COL_ARRAY && !JSON_NODE_HOLDS_ARRAY (node))
          return bad_value (place, _("expected a list."));
        if (column->type == COL_OBJECT && !JSON_NODE_HOLDS_OBJECT (node))
          return bad_value (place, _("expected an object."));
        text = json_to_string (node, FALSE);
        sqlite3_bind_text (stmt, param, text, -1, SQLITE_TRANSIENT);
        return TRUE;
      }

    case COL_REF:
      {
        GArray *ids = refs->ids[column->ref];
        gint64 index;

        if (held != G_TYPE_INT64)
          return bad_value (place, _("expected a whole number."));
        index = json_node_get_int (node);
        if (index < 0 || index >= ids->len)
          {
            g_autofree char *message =
              g_strdup_printf (_("%lld is not the number of an item in “%s” (they are numbered from 0)."),
                               (long long)index, ref_tables[column->ref]);
            return bad_value (place, message);
          }
        sqlite3_bind_int64 (stmt, param, g_array_index (ids, gint64, index));
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

static gboolean
read_table (PwStore       *store,
            gint64         programme_id,
            const Table   *table,
            JsonObject    *root,
            GHashTable    *people,
            PwBundleRefs  *refs,
            const char    *source,
            GError       **error)
{
  JsonNode *node = json_object_get_member (root, table->member);
  g_autoptr(GError) local = NULL;
  sqlite3_stmt *stmt;
  JsonArray *rows;

  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *message = g_strdup_printf (_("%s: expected a list."), table->member);

      g_set_error (error, PW_BUNDLE_ERROR, PW_BUNDLE_ERROR_INVALID, "%s:%s", source, message);
      return FALSE;
    }

  stmt = pw_store_prepare (store, table->insert, error);
  if (stmt == NULL)
    return FALSE;

  rows = json_node_get_array (node);
  for (guint r = 0; r < json_array_get_length (rows); r++)
    {
      JsonNode *element = json_array_get_element (rows, r);
      g_autofree char *where = g_strdup_printf ("%s[%u]", table->member, r);
      Place place = { source, where, NULL, error };
      JsonObject *row;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          g_autofree char *message = g_strdup_printf (_("%s: expected an object."), where);
          g_set_error (error, PW_BUNDLE_ERROR, PW_BUNDLE_ERROR_INVALID, "%s:%s", source, message);
          return FALSE;
        }
      row = json_node_get_object (element);

      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      sqlite3_bind_int64 (stmt, 1, programme_id);
      for (guint c = 0; table->columns[c].member != NULL; c++)
        {
          place.member = table->columns[c].member;
          if (!bind_value (stmt, c + 2, &table->columns[c],
                           json_object_get_member (row, table->columns[c].member),
                           people, refs, &place))
            return FALSE;
        }

      if (pw_store_step (store, stmt, &local) < 0)
        {
          sqlite3_reset (stmt);
          g_set_error (error, PW_BUNDLE_ERROR, PW_BUNDLE_ERROR_INVALID,
                       "%s:%s: %s", source, where, local->message);
          return FALSE;
        }
      sqlite3_reset (stmt);
      if (table->must_find != NULL && pw_store_changes (store) == 0)
        {
          place.member = table->must_find;
          return bad_value (&place, _(table->not_found));
        }

      if (table->records >= 0)
        pw_bundle_refs_add (refs, table->records, pw_store_last_insert_id (store));
    }

  return TRUE;
}

gboolean
pw_bundle_read_tables (PwStore         *store,
                       gint64           programme_id,
                       PwBundleTables   group,
                       JsonObject      *root,
                       GHashTable      *people,
                       PwBundleRefs    *refs,
                       const char      *source,
                       GError         **error)
{
  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    if (tables[t].group == group &&
        !read_table (store, programme_id, &tables[t], root, people, refs, source, error))
      return FALSE;

  return TRUE;
}
