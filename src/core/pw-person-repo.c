/* pw-person-repo.c — the people directory, enrolments, grades and topics
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-person-repo"

#include <string.h>

#include <glib/gi18n.h>

#include "pw-person-repo-private.h"

/* The person columns are the field table's names with underscores. The
 * statements are built once from that constant table (never from data) and
 * interned, because pw_store_prepare() caches by the SQL's address. */
typedef struct
{
  const char *select;   /* SELECT id, uuid, manager_id, fields… FROM person */
  const char *insert;
  const char *insert_at;  /* with created and modified given */
  const char *update;
} PersonSql;

#define FIRST_FIELD_COLUMN 3

static const PersonSql *
person_sql (void)
{
  static PersonSql sql;
  static gsize initialised = 0;

  if (g_once_init_enter (&initialised))
    {
      g_autoptr(GString) columns = g_string_new (NULL);
      g_autoptr(GString) params = g_string_new (NULL);
      g_autoptr(GString) sets = g_string_new (NULL);
      g_autofree char *select = NULL;
      g_autofree char *insert = NULL;
      g_autofree char *insert_at = NULL;
      g_autofree char *update = NULL;

      for (guint i = 0; i < PW_PERSON_N_FIELDS; i++)
        {
          g_autofree char *column = g_strdelimit (g_strdup (pw_person_fields[i].name), "-", '_');

          g_string_append_printf (columns, ", %s", column);
          g_string_append_printf (params, ", ?%u", i + 4);
          g_string_append_printf (sets, "%s = ?%u, ", column, i + 4);
        }

      select = g_strdup_printf ("SELECT id, uuid, manager_id%s FROM person", columns->str);
      insert = g_strdup_printf ("INSERT INTO person (id, uuid, manager_id%s) VALUES (?1, ?2, ?3%s)",
                                columns->str, params->str);
      insert_at = g_strdup_printf ("INSERT INTO person (id, uuid, manager_id%s, created, modified) "
                                   "VALUES (?1, ?2, ?3%s, ?%u, ?%u)",
                                   columns->str, params->str,
                                   PW_PERSON_N_FIELDS + 4, PW_PERSON_N_FIELDS + 4);
      update = g_strdup_printf ("UPDATE person SET uuid = ?2, manager_id = ?3, %s"
                                "modified = strftime('%%Y-%%m-%%dT%%H:%%M:%%SZ', 'now') "
                                "WHERE id = ?1",
                                sets->str);

      sql.select = g_intern_string (select);
      sql.insert = g_intern_string (insert);
      sql.insert_at = g_intern_string (insert_at);
      sql.update = g_intern_string (update);
      g_once_init_leave (&initialised, 1);
    }

  return &sql;
}

static const char * const role_nicks[] = { "either", "mentor", "mentee" };

static void
person_key_clear (gpointer data)
{
  PwPersonKey *key = data;

  g_clear_pointer (&key->name, g_free);
  g_clear_pointer (&key->email, g_free);
}

/**
 * pw_person_append_json_string:
 *
 * Escapes as json-glib's generator does (the topics columns were written
 * by it): quote, backslash and \b \f \n \r \t by name, other control
 * characters and DEL as \u00XX, everything else (UTF-8 included) as it
 * is. Unlike json-glib 1.6, 0x1F is escaped too, which JSON requires.
 */
void
pw_person_append_json_string (GString    *out,
                              const char *text,
                              gssize      length)
{
  static const char hex[] = "0123456789abcdef";
  const char *end;
  const char *run;

  g_assert (text != NULL);

  end = text + (length < 0 ? strlen (text) : (gsize)length);
  g_string_append_c (out, '"');

  run = text;
  for (const char *p = text; p < end; p++)
    {
      guchar c = (guchar)*p;
      const char *named = NULL;

      if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f)
        continue;

      /* Plain bytes go in runs, not one by one. */
      g_string_append_len (out, run, p - run);
      run = p + 1;

      switch (c)
        {
        case '"':  named = "\\\""; break;
        case '\\': named = "\\\\"; break;
        case '\b': named = "\\b"; break;
        case '\f': named = "\\f"; break;
        case '\n': named = "\\n"; break;
        case '\r': named = "\\r"; break;
        case '\t': named = "\\t"; break;
        default: break;
        }

      if (named != NULL)
        g_string_append (out, named);
      else
        {
          g_string_append (out, "\\u00");
          g_string_append_c (out, hex[c >> 4]);
          g_string_append_c (out, hex[c & 0xf]);
        }
    }
  g_string_append_len (out, run, end - run);
  g_string_append_c (out, '"');
}

/**
 * pw_person_topics_to_json:
 *
 * Returns: (transfer full): @topics as the topics columns store them
 */
char *
pw_person_topics_to_json (const char * const *topics)
{
  GString *out;

  if (topics == NULL || topics[0] == NULL)
    return g_strdup ("[]");

  out = g_string_new ("[");
  for (guint i = 0; topics[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      pw_person_append_json_string (out, topics[i], -1);
    }
  g_string_append_c (out, ']');

  return g_string_free (out, FALSE);
}

/* Reads the array of strings pw_person_topics_to_json() wrote, without a JsonParser:
 * loading 10,000 people parses 20,000 of these. Returns NULL on anything
 * it does not expect, for the full parser to take over. */
static GStrv
strv_from_json_fast (const char *p)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GString) item = g_string_new (NULL);

  if (*p++ != '[')
    return NULL;

  for (;;)
    {
      while (*p == ' ')
        p++;
      if (*p == ']')
        return g_strv_builder_end (builder);
      if (*p++ != '"')
        return NULL;

      g_string_truncate (item, 0);
      while (*p != '"')
        {
          if (*p == '\0')
            return NULL;
          if (*p != '\\')
            {
              g_string_append_c (item, *p++);
              continue;
            }
          p++;
          switch (*p++)
            {
            case '"':  g_string_append_c (item, '"'); break;
            case '\\': g_string_append_c (item, '\\'); break;
            case '/':  g_string_append_c (item, '/'); break;
            case 'n':  g_string_append_c (item, '\n'); break;
            case 't':  g_string_append_c (item, '\t'); break;
            case 'r':  g_string_append_c (item, '\r'); break;
            case 'b':  g_string_append_c (item, '\b'); break;
            case 'f':  g_string_append_c (item, '\f'); break;
            default:   return NULL;  /* \u escapes: leave them to json-glib */
            }
        }
      p++;
      g_strv_builder_add (builder, item->str);

      while (*p == ' ')
        p++;
      if (*p == ',')
        p++;
      else if (*p != ']')
        return NULL;
    }
}

static GStrv
strv_from_json (const char *text)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  GStrv fast;

  /* Most people have no topics: skip the parser for "[]". */
  if (text == NULL || text[0] == '\0' || g_str_equal (text, "[]"))
    return g_new0 (char *, 1);

  if ((fast = strv_from_json_fast (text)) != NULL)
    return fast;

  builder = g_strv_builder_new ();
  root = json_from_string (text, NULL);
  if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
    {
      JsonArray *array = json_node_get_array (root);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          const char *item = json_array_get_string_element (array, i);
          if (item != NULL)
            g_strv_builder_add (builder, item);
        }
    }

  return g_strv_builder_end (builder);
}

static PwPerson *
person_from_row (sqlite3_stmt *stmt)
{
  PwPerson *person = g_object_new (PW_TYPE_PERSON, NULL);

  pw_person_load_identity (person,
                           sqlite3_column_int64 (stmt, 0),
                           (const char *)sqlite3_column_text (stmt, 1),
                           sqlite3_column_int64 (stmt, 2));

  for (guint i = 0; i < PW_PERSON_N_FIELDS; i++)
    {
      int col = FIRST_FIELD_COLUMN + i;
      const char *text = (const char *)sqlite3_column_text (stmt, col);

      switch (pw_person_fields[i].kind)
        {
        case PW_FIELD_TEXT:
        case PW_FIELD_DATE:
          pw_person_load_text (person, i, text);
          break;
        case PW_FIELD_NUMBER:
        case PW_FIELD_CONTACT:
          pw_person_load_number (person, i, sqlite3_column_int (stmt, col));
          break;
        case PW_FIELD_ROLE:
          for (guint k = 0; k < G_N_ELEMENTS (role_nicks); k++)
            if (g_strcmp0 (text, role_nicks[k]) == 0)
              pw_person_load_number (person, i, k);
          break;
        case PW_FIELD_TOPICS:
          pw_person_load_topics (person, i, strv_from_json (text));
          break;
        default:
          g_assert_not_reached ();
        }
    }

  pw_person_load_done (person);
  return person;
}

void
pw_person_row_init (PwPersonRow *row)
{
  memset (row, 0, sizeof *row);
  memset (row->length, 0xff, sizeof row->length);  /* -1 each */

  for (guint i = 0; i < PW_PERSON_N_FIELDS; i++)
    switch (pw_person_fields[i].kind)
      {
      case PW_FIELD_TEXT:
      case PW_FIELD_DATE:
        row->text[i] = i == PW_PERSON_FIELD_GRADE ? NULL : "";
        break;
      case PW_FIELD_ROLE:
        row->text[i] = role_nicks[PW_ROLE_EITHER];
        break;
      case PW_FIELD_TOPICS:
        row->text[i] = "[]";
        break;
      case PW_FIELD_NUMBER:
      case PW_FIELD_CONTACT:
        row->number[i] = i == PW_PERSON_FIELD_CAPACITY ? 1 : 0;
        break;
      default:
        g_assert_not_reached ();
      }
}

void
pw_person_row_init_from_person (PwPersonRow *row,
                                PwPerson    *person,
                                GPtrArray   *keep)
{
  memset (row, 0, sizeof *row);
  memset (row->length, 0xff, sizeof row->length);  /* -1 each */
  row->id = pw_person_get_id (person);
  row->uuid = pw_person_get_uuid (person);
  row->manager_id = pw_person_get_manager_id (person);

  for (guint i = 0; i < PW_PERSON_N_FIELDS; i++)
    switch (pw_person_fields[i].kind)
      {
      case PW_FIELD_TEXT:
      case PW_FIELD_DATE:
        row->text[i] = pw_person_get_text (person, i);
        /* No grade is NULL, so the foreign key to the scale holds. */
        if (i == PW_PERSON_FIELD_GRADE && row->text[i][0] == '\0')
          row->text[i] = NULL;
        break;
      case PW_FIELD_NUMBER:
      case PW_FIELD_CONTACT:
        row->number[i] = pw_person_get_number (person, i);
        break;
      case PW_FIELD_ROLE:
        row->text[i] = role_nicks[pw_person_get_number (person, i)];
        break;
      case PW_FIELD_TOPICS:
        {
          char *json = pw_person_topics_to_json (i == PW_PERSON_FIELD_TOPICS_OFFERED
                                                 ? pw_person_get_topics_offered (person)
                                                 : pw_person_get_topics_wanted (person));
          g_ptr_array_add (keep, json);
          row->text[i] = json;
        }
        break;
      default:
        g_assert_not_reached ();
      }
}

/* The strings are bound SQLITE_STATIC: the row's owner keeps them until
 * the statement has run. */
static void
bind_row (sqlite3_stmt      *stmt,
          const PwPersonRow *row)
{
  if (row->id != 0)
    sqlite3_bind_int64 (stmt, 1, row->id);
  else
    sqlite3_bind_null (stmt, 1);
  sqlite3_bind_text (stmt, 2, row->uuid, -1, SQLITE_STATIC);
  if (row->manager_id != 0)
    sqlite3_bind_int64 (stmt, 3, row->manager_id);
  else
    sqlite3_bind_null (stmt, 3);

  for (guint i = 0; i < PW_PERSON_N_FIELDS; i++)
    {
      int param = 4 + i;

      switch (pw_person_fields[i].kind)
        {
        case PW_FIELD_NUMBER:
        case PW_FIELD_CONTACT:
          sqlite3_bind_int (stmt, param, row->number[i]);
          break;
        default:
          if (row->text[i] != NULL)
            sqlite3_bind_text (stmt, param, row->text[i], row->length[i], SQLITE_STATIC);
          else
            sqlite3_bind_null (stmt, param);
          break;
        }
    }

  if (row->created != NULL)
    sqlite3_bind_text (stmt, 4 + PW_PERSON_N_FIELDS, row->created, -1, SQLITE_STATIC);
}

static gboolean
not_found (gint64   id,
           GError **error)
{
  g_set_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_FOUND,
               _("There is no person with ID %lld in the directory."), (long long)id);
  return FALSE;
}

/* Runs one prepared, bound statement as its own transaction unless the
 * caller has one open; says "changed" for @table when it committed. */
static gboolean
run_write (PwStore       *store,
           sqlite3_stmt  *stmt,
           const char    *table,
           GError       **error)
{
  gboolean own = !pw_store_in_transaction (store);
  int rc;

  if (own && !pw_store_begin (store, error))
    {
      sqlite3_reset (stmt);
      return FALSE;
    }

  rc = pw_store_step (store, stmt, error);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc < 0)
    {
      if (own)
        pw_store_rollback (store);
      return FALSE;
    }

  if (own)
    {
      if (!pw_store_commit (store, error))
        return FALSE;
      pw_store_emit_changed (store, table);
    }

  return TRUE;
}

static GListModel *
list_query (PwStore     *store,
            const char  *sql,
            gint64       bind_id,
            GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (PW_TYPE_PERSON);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  stmt = pw_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  if (bind_id != 0)
    sqlite3_bind_int64 (stmt, 1, bind_id);

  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (items, person_from_row (stmt));
  sqlite3_reset (stmt);

  if (rc < 0)
    return NULL;

  /* One splice, one items-changed, rather than 10,000. */
  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

GListModel *
pw_person_repo_list_all (PwStore  *store,
                         GError  **error)
{
  static const char *sql;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  if (sql == NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s ORDER BY name COLLATE NOCASE, id",
                                               person_sql ()->select);
      sql = g_intern_string (text);
    }

  return list_query (store, sql, 0, error);
}

GListModel *
pw_person_repo_list_enrolled (PwStore  *store,
                              gint64    programme_id,
                              GError  **error)
{
  static const char *sql;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  if (sql == NULL)
    {
      g_autofree char *text =
        g_strdup_printf ("%s WHERE id IN (SELECT person_id FROM enrolment WHERE programme_id = ?1) "
                         "ORDER BY name COLLATE NOCASE, id",
                         person_sql ()->select);
      sql = g_intern_string (text);
    }

  return list_query (store, sql, programme_id, error);
}

static PwPerson *
get_one (PwStore     *store,
         const char  *sql,
         gint64       id,
         const char  *email,
         GError     **error)
{
  PwPerson *person = NULL;
  sqlite3_stmt *stmt;
  int rc;

  stmt = pw_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  if (email != NULL)
    sqlite3_bind_text (stmt, 1, email, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_int64 (stmt, 1, id);

  rc = pw_store_step (store, stmt, error);
  if (rc == SQLITE_ROW)
    person = person_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    {
      if (email != NULL)
        g_set_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_FOUND,
                     _("Nobody in the directory has the email address “%s”."), email);
      else
        not_found (id, error);
    }

  return person;
}

PwPerson *
pw_person_repo_get (PwStore  *store,
                    gint64    id,
                    GError  **error)
{
  static const char *sql;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  if (sql == NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s WHERE id = ?1", person_sql ()->select);
      sql = g_intern_string (text);
    }

  return get_one (store, sql, id, NULL, error);
}

PwPerson *
pw_person_repo_find_by_email (PwStore     *store,
                              const char  *email,
                              GError     **error)
{
  static const char *sql;
  g_autofree char *trimmed = NULL;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (email != NULL, NULL);

  if (sql == NULL)
    {
      g_autofree char *text = g_strdup_printf ("%s WHERE email = ?1", person_sql ()->select);
      sql = g_intern_string (text);
    }

  trimmed = g_strstrip (g_strdup (email));
  return get_one (store, sql, 0, trimmed, error);
}

static gboolean
explain_constraint (PwStore            *store,
                    const PwPersonRow  *row,
                    GError            **error)
{
  /* Turn the schema's refusals into words a coordinator can act on. */
  if (error != NULL && *error != NULL &&
      g_error_matches (*error, PW_STORE_ERROR, PW_STORE_ERROR_CONSTRAINT))
    {
      const char *grade = row->text[PW_PERSON_FIELD_GRADE];

      if (strstr ((*error)->message, "person.email") != NULL)
        {
          g_clear_error (error);
          g_set_error (error, PW_STORE_ERROR, PW_STORE_ERROR_CONSTRAINT,
                       _("Someone in the directory already has the email address “%s”."),
                       row->text[PW_PERSON_FIELD_EMAIL]);
        }
      else if (strstr ((*error)->message, "FOREIGN KEY") != NULL &&
               grade != NULL && pw_grade_scale_position (store, grade) < 0)
        {
          g_clear_error (error);
          g_set_error (error, PW_STORE_ERROR, PW_STORE_ERROR_CONSTRAINT,
                       _("Grade “%s” is not on the organization’s grade scale: add it to "
                         "the scale or choose one of its grades."),
                       grade);
        }
    }

  return FALSE;
}

static gboolean
insert_row (PwStore            *store,
            sqlite3_stmt       *stmt,
            const PwPersonRow  *row,
            gint64             *id,
            GError            **error)
{
  bind_row (stmt, row);
  if (!run_write (store, stmt, "person", error))
    return explain_constraint (store, row, error);

  if (id != NULL)
    *id = pw_store_last_insert_id (store);
  return TRUE;
}

gboolean
pw_person_repo_insert_row (PwStore            *store,
                           const PwPersonRow  *row,
                           gint64             *id,
                           GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (row != NULL && row->uuid != NULL, FALSE);

  stmt = pw_store_prepare (store,
                           row->created != NULL ? person_sql ()->insert_at : person_sql ()->insert,
                           error);
  if (stmt == NULL)
    return FALSE;

  return insert_row (store, stmt, row, id, error);
}

gboolean
pw_person_writer_init (PwPersonWriter  *writer,
                       PwStore         *store,
                       GError         **error)
{
  g_return_val_if_fail (writer != NULL, FALSE);
  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  writer->store = store;
  writer->insert = pw_store_prepare (store, person_sql ()->insert_at, error);
  writer->enrol = pw_store_prepare (store,
                                    "INSERT INTO enrolment (programme_id, person_id, enrolled) "
                                    "VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                                    error);

  writer->enrol_range = pw_store_prepare (store,
                                          "INSERT INTO enrolment (programme_id, person_id, enrolled) "
                                          "SELECT ?1, id, ?4 FROM person WHERE id BETWEEN ?2 AND ?3 "
                                          "ON CONFLICT DO NOTHING",
                                          error);

  return writer->insert != NULL && writer->enrol != NULL && writer->enrol_range != NULL;
}

gboolean
pw_person_writer_insert (PwPersonWriter     *writer,
                         const PwPersonRow  *row,
                         gint64             *id,
                         GError            **error)
{
  g_return_val_if_fail (writer != NULL && writer->insert != NULL, FALSE);
  g_return_val_if_fail (row != NULL && row->uuid != NULL && row->created != NULL, FALSE);

  return insert_row (writer->store, writer->insert, row, id, error);
}

gboolean
pw_person_writer_enrol (PwPersonWriter  *writer,
                        gint64           programme_id,
                        gint64           person_id,
                        const char      *when,
                        GError         **error)
{
  g_return_val_if_fail (writer != NULL && writer->enrol != NULL, FALSE);
  g_return_val_if_fail (when != NULL, FALSE);

  sqlite3_bind_int64 (writer->enrol, 1, programme_id);
  sqlite3_bind_int64 (writer->enrol, 2, person_id);
  sqlite3_bind_text (writer->enrol, 3, when, -1, SQLITE_STATIC);
  return run_write (writer->store, writer->enrol, "enrolment", error);
}

gboolean
pw_person_writer_enrol_range (PwPersonWriter  *writer,
                              gint64           programme_id,
                              gint64           first_id,
                              gint64           last_id,
                              const char      *when,
                              GError         **error)
{
  g_return_val_if_fail (writer != NULL && writer->enrol_range != NULL, FALSE);
  g_return_val_if_fail (when != NULL, FALSE);

  sqlite3_bind_int64 (writer->enrol_range, 1, programme_id);
  sqlite3_bind_int64 (writer->enrol_range, 2, first_id);
  sqlite3_bind_int64 (writer->enrol_range, 3, last_id);
  sqlite3_bind_text (writer->enrol_range, 4, when, -1, SQLITE_STATIC);
  return run_write (writer->store, writer->enrol_range, "enrolment", error);
}

gboolean
pw_person_repo_update_row (PwStore            *store,
                           const PwPersonRow  *row,
                           GError            **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (row != NULL && row->uuid != NULL, FALSE);
  g_return_val_if_fail (row->created == NULL, FALSE);

  stmt = pw_store_prepare (store, person_sql ()->update, error);
  if (stmt == NULL)
    return FALSE;

  bind_row (stmt, row);
  if (!run_write (store, stmt, "person", error))
    return explain_constraint (store, row, error);

  if (pw_store_changes (store) == 0)
    return not_found (row->id, error);

  return TRUE;
}

gboolean
pw_person_repo_set_manager (PwStore  *store,
                            gint64    id,
                            gint64    manager_id,
                            GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  stmt = pw_store_prepare (store,
                           "UPDATE person SET manager_id = ?2, "
                           "modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (manager_id != 0)
    sqlite3_bind_int64 (stmt, 2, manager_id);
  else
    sqlite3_bind_null (stmt, 2);
  if (!run_write (store, stmt, "person", error))
    return FALSE;

  if (pw_store_changes (store) == 0)
    return not_found (id, error);

  return TRUE;
}

gboolean
pw_person_repo_insert (PwStore   *store,
                       PwPerson  *person,
                       GError   **error)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  PwPersonRow row;
  gint64 id;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (PW_IS_PERSON (person), FALSE);
  g_return_val_if_fail (pw_person_get_id (person) == 0, FALSE);

  if (!pw_person_validate (person, error))
    return FALSE;

  pw_person_row_init_from_person (&row, person, keep);
  if (!pw_person_repo_insert_row (store, &row, &id, error))
    return FALSE;

  pw_person_set_id (person, id);
  return TRUE;
}

gboolean
pw_person_repo_update (PwStore   *store,
                       PwPerson  *person,
                       GError   **error)
{
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_free);
  PwPersonRow row;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (PW_IS_PERSON (person), FALSE);

  if (!pw_person_validate (person, error))
    return FALSE;

  pw_person_row_init_from_person (&row, person, keep);
  return pw_person_repo_update_row (store, &row, error);
}

GArray *
pw_person_repo_list_keys (PwStore  *store,
                          GError  **error)
{
  g_autoptr(GArray) keys = g_array_new (FALSE, FALSE, sizeof (PwPersonKey));
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  g_array_set_clear_func (keys, person_key_clear);

  stmt = pw_store_prepare (store, "SELECT id, name, email FROM person", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      PwPersonKey key = {
        sqlite3_column_int64 (stmt, 0),
        g_strdup ((const char *)sqlite3_column_text (stmt, 1)),
        g_strdup ((const char *)sqlite3_column_text (stmt, 2)),
      };

      g_array_append_val (keys, key);
    }
  sqlite3_reset (stmt);

  if (rc < 0)
    return NULL;

  return g_steal_pointer (&keys);
}

gboolean
pw_person_repo_delete (PwStore  *store,
                       gint64    id,
                       GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  stmt = pw_store_prepare (store, "DELETE FROM person WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!run_write (store, stmt, "person", error))
    return FALSE;

  if (pw_store_changes (store) == 0)
    return not_found (id, error);

  return TRUE;
}

gint64
pw_person_repo_count (PwStore  *store,
                      GError  **error)
{
  sqlite3_stmt *stmt;
  gint64 n = -1;

  g_return_val_if_fail (PW_IS_STORE (store), -1);

  stmt = pw_store_prepare (store, "SELECT count(*) FROM person", error);
  if (stmt == NULL)
    return -1;

  if (pw_store_step (store, stmt, error) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return n;
}

GHashTable *
pw_person_repo_names (PwStore  *store,
                      GError  **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  stmt = pw_store_prepare (store, "SELECT id, name FROM person", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    g_hash_table_insert (names,
                         g_memdup2 (&(gint64){ sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)),
                         g_strdup ((const char *)sqlite3_column_text (stmt, 1)));
  sqlite3_reset (stmt);

  if (rc < 0)
    return NULL;

  return g_steal_pointer (&names);
}

static gboolean
enrolment_write (PwStore     *store,
                 const char  *sql,
                 gint64       programme_id,
                 gint64       person_id,
                 GError     **error)
{
  sqlite3_stmt *stmt = pw_store_prepare (store, sql, error);

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  return run_write (store, stmt, "enrolment", error);
}

gboolean
pw_person_repo_enrol (PwStore  *store,
                      gint64    programme_id,
                      gint64    person_id,
                      GError  **error)
{
  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  return enrolment_write (store,
                          "INSERT INTO enrolment (programme_id, person_id) VALUES (?, ?) "
                          "ON CONFLICT DO NOTHING",
                          programme_id, person_id, error);
}

/**
 * pw_person_repo_now:
 *
 * Returns: (transfer full): the time now as the schema's defaults write
 * it (created, modified, enrolled), or %NULL with @error set
 */
char *
pw_person_repo_now (PwStore  *store,
                    GError  **error)
{
  sqlite3_stmt *stmt;
  char *now = NULL;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  stmt = pw_store_prepare (store, "SELECT strftime('%Y-%m-%dT%H:%M:%SZ', 'now')", error);
  if (stmt == NULL)
    return NULL;

  if (pw_store_step (store, stmt, error) == SQLITE_ROW)
    now = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return now;
}

gboolean
pw_person_repo_unenrol (PwStore  *store,
                        gint64    programme_id,
                        gint64    person_id,
                        GError  **error)
{
  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  return enrolment_write (store,
                          "DELETE FROM enrolment WHERE programme_id = ? AND person_id = ?",
                          programme_id, person_id, error);
}

gboolean
pw_person_repo_is_enrolled (PwStore *store,
                            gint64   programme_id,
                            gint64   person_id)
{
  sqlite3_stmt *stmt;
  gboolean enrolled;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  stmt = pw_store_prepare (store,
                           "SELECT 1 FROM enrolment WHERE programme_id = ? AND person_id = ?",
                           NULL);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int64 (stmt, 2, person_id);
  enrolled = pw_store_step (store, stmt, NULL) == SQLITE_ROW;
  sqlite3_reset (stmt);

  return enrolled;
}

static GStrv
names_query (PwStore     *store,
             const char  *sql,
             gint64       bind_id,
             GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  stmt = pw_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  if (bind_id != 0)
    sqlite3_bind_int64 (stmt, 1, bind_id);

  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *)sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  if (rc < 0)
    return NULL;

  return g_strv_builder_end (builder);
}

GStrv
pw_grade_scale_get (PwStore  *store,
                    GError  **error)
{
  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  return names_query (store, "SELECT name FROM grade ORDER BY position", 0, error);
}

int
pw_grade_scale_position (PwStore    *store,
                         const char *grade)
{
  sqlite3_stmt *stmt;
  int position = -1;

  g_return_val_if_fail (PW_IS_STORE (store), -1);

  if (grade == NULL || grade[0] == '\0')
    return -1;

  stmt = pw_store_prepare (store, "SELECT position FROM grade WHERE name = ?", NULL);
  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, grade, -1, SQLITE_TRANSIENT);
  if (pw_store_step (store, stmt, NULL) == SQLITE_ROW)
    position = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return position;
}

static gboolean
check_list (const char * const  *names,
            const char          *what,
            GError             **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (names[i]));
      char *key;

      if (trimmed[0] == '\0')
        {
          g_set_error (error, PW_STORE_ERROR, PW_STORE_ERROR_CONSTRAINT,
                       _("%s %u is empty: give it a name or remove it."), what, i + 1);
          return FALSE;
        }

      key = g_utf8_casefold (trimmed, -1);
      if (!g_hash_table_add (seen, key))
        {
          g_set_error (error, PW_STORE_ERROR, PW_STORE_ERROR_CONSTRAINT,
                       _("“%s” appears twice: each name may appear once."), trimmed);
          return FALSE;
        }
    }

  return TRUE;
}

/* Clears, writes each name, then finishes, in one transaction. */
static gboolean
write_names (PwStore             *store,
             const char          *clear_sql,
             const char          *insert_sql,
             const char          *finish_sql,
             const char          *table,
             gint64               owner,
             const char * const  *names,
             GError             **error)
{
  gboolean own = !pw_store_in_transaction (store);
  sqlite3_stmt *stmt;

  if (own && !pw_store_begin (store, error))
    return FALSE;

  stmt = pw_store_prepare (store, clear_sql, error);
  if (stmt == NULL)
    goto fail;
  if (owner != 0)
    sqlite3_bind_int64 (stmt, 1, owner);
  if (pw_store_step (store, stmt, error) < 0)
    goto fail;
  sqlite3_reset (stmt);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (names[i]));

      stmt = pw_store_prepare (store, insert_sql, error);
      if (stmt == NULL)
        goto fail;
      sqlite3_bind_text (stmt, 1, trimmed, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int (stmt, 2, i);
      if (owner != 0)
        sqlite3_bind_int64 (stmt, 3, owner);
      if (pw_store_step (store, stmt, error) < 0)
        goto fail;
      sqlite3_reset (stmt);
    }

  if (finish_sql != NULL && !pw_store_exec (store, finish_sql, error))
    goto fail;

  if (own)
    {
      if (!pw_store_commit (store, error))
        return FALSE;
      pw_store_emit_changed (store, table);
    }

  return TRUE;

fail:
  if (own)
    pw_store_rollback (store);
  return FALSE;
}

/**
 * pw_grade_scale_set:
 * @grades: the grade names, lowest first
 *
 * Replaces the scale in one transaction. People keep grades whose names
 * stay on the scale (matched without regard to case); a removed grade
 * leaves its holders without one.
 */
gboolean
pw_grade_scale_set (PwStore             *store,
                    const char * const  *grades,
                    GError             **error)
{
  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  if (!check_list (grades, _("Grade"), error))
    return FALSE;

  /* Positions are moved out of the way first so the new order can reuse
   * them; names that remain are updated in place, keeping references. */
  return write_names (store,
                      "UPDATE grade SET position = -1 - position",
                      "INSERT INTO grade (name, position) VALUES (?1, ?2) "
                      "ON CONFLICT (name) DO UPDATE SET name = excluded.name, position = excluded.position",
                      /* A change of case only is no change to the cascade. */
                      "DELETE FROM grade WHERE position < 0;"
                      "UPDATE person SET grade = (SELECT g.name FROM grade g WHERE g.name = person.grade) "
                      "WHERE grade IS NOT NULL AND grade NOT IN (SELECT name COLLATE BINARY FROM grade)",
                      "grade", 0, grades, error);
}

gboolean
pw_grade_scale_rename (PwStore     *store,
                       const char  *old_name,
                       const char  *new_name,
                       GError     **error)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (new_name ? new_name : ""));
  sqlite3_stmt *stmt;
  int position;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (old_name != NULL, FALSE);

  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, PW_STORE_ERROR, PW_STORE_ERROR_CONSTRAINT,
                           _("A grade needs a name: type one, or remove the grade."));
      return FALSE;
    }

  position = pw_grade_scale_position (store, trimmed);
  if (position >= 0 && position != pw_grade_scale_position (store, old_name))
    {
      g_set_error (error, PW_STORE_ERROR, PW_STORE_ERROR_CONSTRAINT,
                   _("“%s” appears twice: each name may appear once."), trimmed);
      return FALSE;
    }

  stmt = pw_store_prepare (store, "UPDATE grade SET name = ?2 WHERE name = ?1", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, old_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_TRANSIENT);
  if (!run_write (store, stmt, "grade", error))
    return FALSE;

  /* ON UPDATE CASCADE carries holders along, but not a change of case
   * only (NOCASE calls the names equal): do that by hand. */
  stmt = pw_store_prepare (store, "UPDATE person SET grade = ?2 WHERE grade = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, old_name, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, trimmed, -1, SQLITE_TRANSIENT);
  return run_write (store, stmt, "person", error);
}

GStrv
pw_programme_topics_get (PwStore  *store,
                         gint64    programme_id,
                         GError  **error)
{
  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  return names_query (store,
                      "SELECT name FROM programme_topic WHERE programme_id = ? ORDER BY position",
                      programme_id, error);
}

gboolean
pw_programme_topics_set (PwStore             *store,
                         gint64               programme_id,
                         const char * const  *topics,
                         GError             **error)
{
  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  if (!check_list (topics, _("Topic"), error))
    return FALSE;

  return write_names (store,
                      "DELETE FROM programme_topic WHERE programme_id = ?1",
                      "INSERT INTO programme_topic (name, position, programme_id) VALUES (?1, ?2, ?3)",
                      NULL, "programme_topic", programme_id, topics, error);
}

/* Erasure and retention ------------------------------------------------- */

/* The rows of one erasure, inside the caller's transaction. */
static gboolean
erase_rows (PwStore   *store,
            PwPerson  *person,
            GError   **error)
{
  static const char * const statements[] = {
    "UPDATE pair SET explanation = '', end_reason = '' WHERE mentee_id = ?1 OR mentor_id = ?1",
    "UPDATE person SET manager_name = '', manager_email = '' "
    "WHERE manager_id = ?1 OR (manager_email <> '' AND manager_email = ?2 COLLATE NOCASE)",
    /* The schema's ON DELETE rules do the rest. */
    "DELETE FROM person WHERE id = ?1",
  };

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      sqlite3_stmt *stmt = pw_store_prepare (store, statements[i], error);
      int rc;

      if (stmt == NULL)
        return FALSE;

      sqlite3_bind_int64 (stmt, 1, pw_person_get_id (person));
      if (sqlite3_bind_parameter_count (stmt) > 1)
        sqlite3_bind_text (stmt, 2, pw_person_get_email (person), -1, SQLITE_TRANSIENT);
      rc = pw_store_step (store, stmt, error);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (rc < 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * pw_person_repo_erase:
 * @person_id: who to erase
 *
 * Removes the person and everything they answered from the directory and
 * from every programme: enrolments, verdict overrides, forbidden pairs,
 * career-influence entries and rematch priority go with them. The pairs
 * they were in stay as anonymous history: their side becomes NULL, and the
 * pair's explanation and end reason, which name them, are cleared. Other
 * people's record of them as a manager is cleared too.
 *
 * The deletion runs with `PRAGMA secure_delete` on, then the database is
 * rebuilt (VACUUM) and the write-ahead log truncated, so that no copy of
 * the erased text remains in the file's free pages or in the log. Backups
 * taken earlier still hold the person until they are pruned.
 *
 * Must not be called inside a transaction (VACUUM cannot run in one).
 */
gboolean
pw_person_repo_erase (PwStore  *store,
                      gint64    person_id,
                      GError  **error)
{
  g_autoptr(PwPerson) person = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (!pw_store_in_transaction (store), FALSE);

  person = pw_person_repo_get (store, person_id, error);
  if (person == NULL || !pw_store_exec (store, "PRAGMA secure_delete = ON", error))
    return FALSE;

  if (pw_store_begin (store, error))
    {
      if (!erase_rows (store, person, error))
        pw_store_rollback (store);
      else if (pw_store_commit (store, error))
        {
          pw_store_emit_changed (store, "person");
          pw_store_emit_changed (store, "enrolment");
          pw_store_emit_changed (store, "pair");

          /* Outside the transaction: rebuild the file, then empty the log. */
          ok = pw_store_exec (store, "VACUUM", error) &&
               pw_store_exec (store, "PRAGMA wal_checkpoint(TRUNCATE)", error);
        }
    }

  pw_store_exec (store, "PRAGMA secure_delete = OFF", NULL);
  return ok;
}

/**
 * pw_person_repo_list_retention:
 * @months: how long ago the programmes must have ended, at least 1
 * @today: (nullable): the date to count back from, %NULL for today
 *
 * The people to offer for erasure under a retention period: those in at
 * least one programme (enrolled or paired) whose programmes all ended
 * more than @months months before @today. People in no programme are not
 * listed: nothing says how long they have been idle.
 *
 * Returns: (transfer full): a list of #PwPerson, by name
 */
GListModel *
pw_person_repo_list_retention (PwStore    *store,
                               guint       months,
                               GDateTime  *today,
                               GError    **error)
{
  static const char *sql;
  g_autoptr(GListStore) list = g_list_store_new (PW_TYPE_PERSON);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDateTime) now = NULL;
  g_autoptr(GDateTime) cutoff = NULL;
  g_autofree char *cutoff_text = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (months > 0, NULL);

  if (sql == NULL)
    {
      g_autofree char *text =
        g_strdup_printf ("WITH membership (person_id, programme_id) AS ("
                         "  SELECT person_id, programme_id FROM enrolment"
                         "  UNION SELECT mentee_id, programme_id FROM pair WHERE mentee_id IS NOT NULL"
                         "  UNION SELECT mentor_id, programme_id FROM pair WHERE mentor_id IS NOT NULL) "
                         "%s WHERE id IN (SELECT person_id FROM membership) "
                         "AND NOT EXISTS (SELECT 1 FROM membership m JOIN programme g ON g.id = m.programme_id "
                         "                WHERE m.person_id = person.id AND g.end_date >= ?1) "
                         "ORDER BY name COLLATE NOCASE, id",
                         person_sql ()->select);
      sql = g_intern_string (text);
    }

  now = today != NULL ? g_date_time_ref (today) : g_date_time_new_now_local ();
  cutoff = g_date_time_add_months (now, -(int)MIN (months, 12 * 1000));
  cutoff_text = g_date_time_format (cutoff, "%Y-%m-%d");

  stmt = pw_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, cutoff_text, -1, SQLITE_TRANSIENT);
  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (items, person_from_row (stmt));
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  if (rc < 0)
    return NULL;

  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}
