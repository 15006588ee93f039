/* pw-programme-repo.c — programmes in the store
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-programme-repo"

#include <string.h>

#include <glib/gi18n.h>

#include "pw-programme-repo.h"

#define SETUP_COLUMNS                                                         \
  "name, kind, purposes, purpose_other, goals, target_audience, scope, "      \
  "expected_demand, start_date, end_date, meetings_per_month, "               \
  "meeting_minutes, min_discussions, discussion_minutes, first_contact_days, " \
  "contact_forms, code_of_conduct, confidentiality, concerns, "               \
  "protected_hours, recognition, peer_support, sensitive_enabled, "          \
  "pair_seniority, pair_discipline"

#define SELECT_PROGRAMME \
  "SELECT id, uuid, " SETUP_COLUMNS " FROM programme"

static const char * const kind_names[] = { "reverse", "traditional", "peer" };

static char *
goals_to_json (const char * const *goals)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; goals != NULL && goals[i] != NULL; i++)
    json_builder_add_string_value (builder, goals[i]);
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static GStrv
goals_from_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *root;

  if (text != NULL && json_parser_load_from_data (parser, text, -1, NULL))
    {
      root = json_parser_get_root (parser);
      if (root != NULL && JSON_NODE_HOLDS_ARRAY (root))
        {
          JsonArray *array = json_node_get_array (root);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              const char *goal = json_array_get_string_element (array, i);
              if (goal != NULL)
                g_strv_builder_add (builder, goal);
            }
        }
    }

  return g_strv_builder_end (builder);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  const char *text = (const char *)sqlite3_column_text (stmt, col);

  return text ? text : "";
}

static PwProgramme *
programme_from_row (sqlite3_stmt *stmt)
{
  PwProgramme *programme = g_object_new (PW_TYPE_PROGRAMME, NULL);
  g_auto(GStrv) goals = goals_from_json (column_text (stmt, 6));
  const char *kind = column_text (stmt, 3);
  int c = 0;

  pw_programme_set_id (programme, sqlite3_column_int64 (stmt, c++));
  pw_programme_set_uuid (programme, column_text (stmt, c++));
  pw_programme_set_name (programme, column_text (stmt, c++));
  c++; /* kind, below */
  for (guint i = 0; i < G_N_ELEMENTS (kind_names); i++)
    if (g_str_equal (kind, kind_names[i]))
      pw_programme_set_kind (programme, i);
  pw_programme_set_purposes (programme, sqlite3_column_int (stmt, c++));
  pw_programme_set_purpose_other (programme, column_text (stmt, c++));
  c++; /* goals, above */
  pw_programme_set_goals (programme, (const char * const *)goals);
  pw_programme_set_target_audience (programme, column_text (stmt, c++));
  pw_programme_set_scope (programme, sqlite3_column_int (stmt, c++));
  pw_programme_set_expected_demand (programme, sqlite3_column_int (stmt, c++));
  pw_programme_set_start_date (programme, column_text (stmt, c++));
  pw_programme_set_end_date (programme, column_text (stmt, c++));
  pw_programme_set_meetings_per_month (programme, sqlite3_column_int (stmt, c++));
  pw_programme_set_meeting_minutes (programme, sqlite3_column_int (stmt, c++));
  pw_programme_set_min_discussions (programme, sqlite3_column_int (stmt, c++));
  pw_programme_set_discussion_minutes (programme, sqlite3_column_int (stmt, c++));
  pw_programme_set_first_contact_days (programme, sqlite3_column_int (stmt, c++));
  pw_programme_set_contact_forms (programme, sqlite3_column_int (stmt, c++));
  pw_programme_set_code_of_conduct (programme, column_text (stmt, c++));
  pw_programme_set_confidentiality (programme, column_text (stmt, c++));
  pw_programme_set_concerns (programme, column_text (stmt, c++));
  pw_programme_set_protected_hours (programme, sqlite3_column_int (stmt, c++));
  pw_programme_set_recognition (programme, column_text (stmt, c++));
  pw_programme_set_peer_support (programme, column_text (stmt, c++));
  pw_programme_set_sensitive_enabled (programme, sqlite3_column_int (stmt, c++) != 0);
  pw_programme_set_pair_seniority (programme, CLAMP (sqlite3_column_int (stmt, c), 0, PW_PAIR_SENIORITY_JUNIOR));
  c++;
  pw_programme_set_pair_discipline (programme, CLAMP (sqlite3_column_int (stmt, c), 0, PW_PAIR_DISCIPLINE_DIFFERENT));
  c++;

  return programme;
}

/* Binds the setup columns in SETUP_COLUMNS order, starting at @first. */
static void
bind_setup (sqlite3_stmt *stmt,
            int           first,
            PwProgramme  *programme,
            char        **goals_json)
{
  int p = first;

  *goals_json = goals_to_json (pw_programme_get_goals (programme));

  sqlite3_bind_text (stmt, p++, pw_programme_get_name (programme), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, p++, kind_names[pw_programme_get_kind (programme)], -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, p++, pw_programme_get_purposes (programme));
  sqlite3_bind_text (stmt, p++, pw_programme_get_purpose_other (programme), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, p++, *goals_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, p++, pw_programme_get_target_audience (programme), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, p++, pw_programme_get_scope (programme));
  sqlite3_bind_int (stmt, p++, pw_programme_get_expected_demand (programme));
  sqlite3_bind_text (stmt, p++, pw_programme_get_start_date (programme), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, p++, pw_programme_get_end_date (programme), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, p++, pw_programme_get_meetings_per_month (programme));
  sqlite3_bind_int (stmt, p++, pw_programme_get_meeting_minutes (programme));
  sqlite3_bind_int (stmt, p++, pw_programme_get_min_discussions (programme));
  sqlite3_bind_int (stmt, p++, pw_programme_get_discussion_minutes (programme));
  sqlite3_bind_int (stmt, p++, pw_programme_get_first_contact_days (programme));
  sqlite3_bind_int (stmt, p++, pw_programme_get_contact_forms (programme));
  sqlite3_bind_text (stmt, p++, pw_programme_get_code_of_conduct (programme), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, p++, pw_programme_get_confidentiality (programme), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, p++, pw_programme_get_concerns (programme), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, p++, pw_programme_get_protected_hours (programme));
  sqlite3_bind_text (stmt, p++, pw_programme_get_recognition (programme), -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, p++, pw_programme_get_peer_support (programme), -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, p++, pw_programme_get_sensitive_enabled (programme) ? 1 : 0);
  sqlite3_bind_int (stmt, p++, pw_programme_get_pair_seniority (programme));
  sqlite3_bind_int (stmt, p++, pw_programme_get_pair_discipline (programme));
}

static gboolean
not_found (gint64   id,
           GError **error)
{
  g_set_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_FOUND,
               _("There is no program with ID %lld: list them with "
                 "“pairwise-cli programme list”."),
               (long long)id);
  return FALSE;
}

/* Runs @stmt to completion inside its own transaction unless one is open. */
static gboolean
run_in_transaction (PwStore       *store,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  gboolean own = !pw_store_in_transaction (store);

  if (own && !pw_store_begin (store, error))
    return FALSE;

  if (pw_store_step (store, stmt, error) < 0)
    {
      if (own)
        pw_store_rollback (store);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (own && !pw_store_commit (store, error))
    return FALSE;

  if (own)
    pw_store_emit_changed (store, "programme");

  return TRUE;
}

GListModel *
pw_programme_repo_list (PwStore  *store,
                        GError  **error)
{
  g_autoptr(GListStore) list = g_list_store_new (PW_TYPE_PROGRAMME);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  stmt = pw_store_prepare (store,
                           SELECT_PROGRAMME " WHERE trashed = 0 ORDER BY start_date DESC, id DESC",
                           error);
  if (stmt == NULL)
    return NULL;

  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(PwProgramme) programme = programme_from_row (stmt);
      g_list_store_append (list, programme);
    }
  sqlite3_reset (stmt);

  if (rc < 0)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&list));
}

PwProgramme *
pw_programme_repo_get (PwStore  *store,
                       gint64    id,
                       GError  **error)
{
  PwProgramme *programme = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  stmt = pw_store_prepare (store, SELECT_PROGRAMME " WHERE id = ?", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, id);
  rc = pw_store_step (store, stmt, error);
  if (rc == SQLITE_ROW)
    programme = programme_from_row (stmt);
  sqlite3_reset (stmt);

  if (rc == SQLITE_DONE)
    not_found (id, error);

  return programme;
}

/**
 * pw_programme_repo_insert:
 *
 * Validates and stores a new programme, setting its ID.
 */
gboolean
pw_programme_repo_insert (PwStore      *store,
                          PwProgramme  *programme,
                          GError      **error)
{
  g_autofree char *goals_json = NULL;
  sqlite3_stmt *stmt;
  gboolean own;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (PW_IS_PROGRAMME (programme), FALSE);
  g_return_val_if_fail (pw_programme_get_id (programme) == 0, FALSE);

  if (!pw_programme_validate (programme, error))
    return FALSE;

  stmt = pw_store_prepare (store,
                           "INSERT INTO programme (uuid, " SETUP_COLUMNS ") VALUES "
                           "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, pw_programme_get_uuid (programme), -1, SQLITE_TRANSIENT);
  bind_setup (stmt, 2, programme, &goals_json);

  own = !pw_store_in_transaction (store);
  if (own && !pw_store_begin (store, error))
    return FALSE;

  if (pw_store_step (store, stmt, error) < 0)
    {
      if (own)
        pw_store_rollback (store);
      return FALSE;
    }
  sqlite3_reset (stmt);

  if (own && !pw_store_commit (store, error))
    return FALSE;

  pw_programme_set_id (programme, pw_store_last_insert_id (store));

  if (own)
    pw_store_emit_changed (store, "programme");

  return TRUE;
}

/**
 * pw_programme_repo_update:
 *
 * Validates and writes every setup field of @programme in one transaction.
 * An invalid programme changes nothing.
 */
gboolean
pw_programme_repo_update (PwStore      *store,
                          PwProgramme  *programme,
                          GError      **error)
{
  g_autofree char *goals_json = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (PW_IS_PROGRAMME (programme), FALSE);

  id = pw_programme_get_id (programme);

  if (!pw_programme_validate (programme, error))
    return FALSE;

  stmt = pw_store_prepare (store,
                           "UPDATE programme SET "
                           "name = ?1, kind = ?2, purposes = ?3, purpose_other = ?4, "
                           "goals = ?5, target_audience = ?6, scope = ?7, "
                           "expected_demand = ?8, start_date = ?9, end_date = ?10, "
                           "meetings_per_month = ?11, meeting_minutes = ?12, "
                           "min_discussions = ?13, discussion_minutes = ?14, "
                           "first_contact_days = ?15, contact_forms = ?16, "
                           "code_of_conduct = ?17, confidentiality = ?18, concerns = ?19, "
                           "protected_hours = ?20, recognition = ?21, peer_support = ?22, "
                           "sensitive_enabled = ?23, pair_seniority = ?24, pair_discipline = ?25, "
                           "modified = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                           "WHERE id = ?26",
                           error);
  if (stmt == NULL)
    return FALSE;

  bind_setup (stmt, 1, programme, &goals_json);
  sqlite3_bind_int64 (stmt, 26, id);

  if (!run_in_transaction (store, stmt, error))
    return FALSE;

  if (pw_store_changes (store) == 0)
    return not_found (id, error);

  return TRUE;
}

/**
 * pw_programme_next_cohort_name:
 *
 * "Thinking Partners 2026" → "Thinking Partners 2027"; a name without a
 * trailing year gets " (Next Cohort)".
 */
char *
pw_programme_next_cohort_name (const char *name)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (name ? name : ""));
  gsize len = strlen (trimmed);

  if (len >= 4 &&
      g_ascii_isdigit (trimmed[len - 1]) && g_ascii_isdigit (trimmed[len - 2]) &&
      g_ascii_isdigit (trimmed[len - 3]) && g_ascii_isdigit (trimmed[len - 4]) &&
      (len == 4 || !g_ascii_isdigit (trimmed[len - 5])))
    {
      guint64 year = g_ascii_strtoull (trimmed + len - 4, NULL, 10);

      trimmed[len - 4] = '\0';
      return g_strdup_printf ("%s%" G_GUINT64_FORMAT, trimmed, year + 1);
    }

  /* Translators: the name of a program duplicated for its next cohort */
  return g_strdup_printf (_("%s (Next Cohort)"), trimmed);
}

/**
 * pw_programme_repo_duplicate:
 * @new_name: (nullable): the copy's name; %NULL for the next cohort's name
 *
 * Copies a programme's setup (not its people) as next year's cohort: the
 * dates move on by the programme's own length.
 *
 * Returns: (transfer full): the stored copy
 */
PwProgramme *
pw_programme_repo_duplicate (PwStore     *store,
                             gint64       id,
                             const char  *new_name,
                             GError     **error)
{
  g_autoptr(PwProgramme) original = NULL;
  g_autoptr(PwProgramme) copy = NULL;
  g_autoptr(GDate) start = NULL;
  g_autoptr(GDate) end = NULL;
  g_autofree char *name = NULL;
  g_autofree char *new_start = NULL;
  g_autofree char *new_end = NULL;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  original = pw_programme_repo_get (store, id, error);
  if (original == NULL)
    return NULL;

  copy = pw_programme_copy_setup (original);
  name = new_name ? g_strdup (new_name)
                  : pw_programme_next_cohort_name (pw_programme_get_name (original));
  pw_programme_set_name (copy, name);

  /* The next cohort starts when this one ends and runs as long. */
  start = pw_date_parse (pw_programme_get_start_date (original));
  end = pw_date_parse (pw_programme_get_end_date (original));
  if (start != NULL && end != NULL)
    {
      int days = g_date_days_between (start, end);

      new_start = pw_date_format (end);
      g_date_add_days (end, days);
      new_end = pw_date_format (end);
      pw_programme_set_start_date (copy, new_start);
      pw_programme_set_end_date (copy, new_end);
    }

  if (!pw_programme_repo_insert (store, copy, error))
    return NULL;

  return g_steal_pointer (&copy);
}

gboolean
pw_programme_repo_delete (PwStore  *store,
                          gint64    id,
                          GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  stmt = pw_store_prepare (store, "DELETE FROM programme WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, id);
  if (!run_in_transaction (store, stmt, error))
    return FALSE;

  if (pw_store_changes (store) == 0)
    return not_found (id, error);

  return TRUE;
}

gboolean
pw_programme_repo_trash (PwStore  *store,
                         gint64    id,
                         gboolean  trashed,
                         GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  stmt = pw_store_prepare (store, "UPDATE programme SET trashed = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, trashed ? 1 : 0);
  sqlite3_bind_int64 (stmt, 2, id);
  if (!run_in_transaction (store, stmt, error))
    return FALSE;

  if (pw_store_changes (store) == 0)
    return not_found (id, error);

  return TRUE;
}

gboolean
pw_programme_repo_purge_trash (PwStore  *store,
                               GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  stmt = pw_store_prepare (store, "DELETE FROM programme WHERE trashed = 1", error);
  if (stmt == NULL)
    return FALSE;

  return run_in_transaction (store, stmt, error);
}
