/* pw-bundle.c — a whole programme as one JSON file
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-bundle"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "pw-bundle.h"
#include "pw-bundle-private.h"
#include "pw-person-private.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-workspace.h"
#include "pw-workspace-private.h"

G_DEFINE_QUARK (pw-bundle-error-quark, pw_bundle_error)

gboolean
pw_write_private_file (const char  *path,
                       const char  *contents,
                       gssize       length,
                       GError     **error)
{
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  return g_file_set_contents_full (path, contents, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT,
                                   0600, error);
}

static int
compare_people (gconstpointer a,
                gconstpointer b)
{
  PwPerson *pa = *(PwPerson **)a;
  PwPerson *pb = *(PwPerson **)b;
  int c = g_ascii_strcasecmp (pw_person_get_email (pa), pw_person_get_email (pb));

  return c != 0 ? c : g_strcmp0 (pw_person_get_uuid (pa), pw_person_get_uuid (pb));
}

static void
add_strv (JsonBuilder        *builder,
          const char         *member,
          const char * const *strv)
{
  json_builder_set_member_name (builder, member);
  json_builder_begin_array (builder);
  for (guint i = 0; strv != NULL && strv[i] != NULL; i++)
    json_builder_add_string_value (builder, strv[i]);
  json_builder_end_array (builder);
}

/* The people of the programme's pairs, without duplicates, in pair order. */
static GArray *
list_pair_people (PwStore  *store,
                  gint64    programme_id,
                  GError  **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  sqlite3_stmt *stmt;
  int rc;

  stmt = pw_store_prepare (store,
                           "SELECT person_id FROM ("
                           "  SELECT mentee_id AS person_id, id FROM pair WHERE programme_id = ?1 "
                           "  UNION ALL SELECT mentor_id, id FROM pair WHERE programme_id = ?1) "
                           "WHERE person_id IS NOT NULL GROUP BY person_id ORDER BY min (id), person_id",
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

  return rc < 0 ? NULL : g_steal_pointer (&ids);
}

typedef struct
{
  gint64   id;
  char    *mentee;       /* email, or NULL for someone erased */
  char    *mentor;
  char    *state;
  gint64   score;
  gboolean locked;
  gboolean random;
  char    *explanation;
  char    *created;
  char    *approved;
  char    *ended;
  char    *end_kind;
} PairRow;

static void
pair_row_clear (gpointer data)
{
  PairRow *row = data;

  g_free (row->mentee);
  g_free (row->mentor);
  g_free (row->state);
  g_free (row->explanation);
  g_free (row->created);
  g_free (row->approved);
  g_free (row->ended);
  g_free (row->end_kind);
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *)sqlite3_column_text (stmt, column));
}

static void
add_nullable (JsonBuilder *builder,
              const char  *member,
              const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

/* Each pair with its workspace; never the coordinator's end_reason. */
static gboolean
write_pairs (PwStore       *store,
             gint64         programme_id,
             gboolean       diaries,
             PwBundleRefs  *refs,
             JsonBuilder   *builder,
             GError       **error)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (PairRow));
  sqlite3_stmt *stmt;
  int rc;

  g_array_set_clear_func (rows, pair_row_clear);

  stmt = pw_store_prepare (store,
                           "SELECT p.id, me.email, mo.email, p.state, p.score, p.locked, p.random, "
                           "p.explanation, p.created, p.approved, p.ended, p.end_kind "
                           "FROM pair p LEFT JOIN person me ON me.id = p.mentee_id "
                           "LEFT JOIN person mo ON mo.id = p.mentor_id "
                           "WHERE p.programme_id = ? ORDER BY p.id",
                           error);
  if (stmt == NULL)
    return FALSE;

  /* Read them all first: the workspace has statements of its own. */
  sqlite3_bind_int64 (stmt, 1, programme_id);
  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      PairRow row = {
        .id = sqlite3_column_int64 (stmt, 0),
        .mentee = column_dup (stmt, 1),
        .mentor = column_dup (stmt, 2),
        .state = column_dup (stmt, 3),
        .score = sqlite3_column_int64 (stmt, 4),
        .locked = sqlite3_column_int (stmt, 5) != 0,
        .random = sqlite3_column_int (stmt, 6) != 0,
        .explanation = column_dup (stmt, 7),
        .created = column_dup (stmt, 8),
        .approved = column_dup (stmt, 9),
        .ended = column_dup (stmt, 10),
        .end_kind = column_dup (stmt, 11),
      };
      g_array_append_val (rows, row);
    }
  sqlite3_reset (stmt);
  if (rc < 0)
    return FALSE;

  json_builder_set_member_name (builder, "pairs");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rows->len; i++)
    {
      PairRow *row = &g_array_index (rows, PairRow, i);

      pw_bundle_refs_add (refs, PW_BUNDLE_REF_PAIR, row->id);
      json_builder_begin_object (builder);
      add_nullable (builder, "mentee", row->mentee);
      add_nullable (builder, "mentor", row->mentor);
      add_nullable (builder, "state", row->state);
      json_builder_set_member_name (builder, "score");
      json_builder_add_int_value (builder, row->score);
      json_builder_set_member_name (builder, "locked");
      json_builder_add_boolean_value (builder, row->locked);
      json_builder_set_member_name (builder, "random");
      json_builder_add_boolean_value (builder, row->random);
      add_nullable (builder, "explanation", row->explanation);
      add_nullable (builder, "created", row->created);
      add_nullable (builder, "approved", row->approved);
      add_nullable (builder, "ended", row->ended);
      add_nullable (builder, "end_kind", row->end_kind);

      /* A proposal has no workspace yet. */
      if (g_strcmp0 (row->state, "proposed") != 0)
        {
          json_builder_set_member_name (builder, "workspace");
          json_builder_begin_object (builder);
          if (!pw_workspace_write_json (store, row->id, diaries, builder, error))
            return FALSE;
          json_builder_end_object (builder);
        }
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return TRUE;
}

/* Adds to @by_id (ID → PwPerson) each of @ids it does not hold yet. */
static gboolean
add_people (PwStore     *store,
            GHashTable  *by_id,
            GArray      *ids,
            GError     **error)
{
  for (guint i = 0; i < ids->len; i++)
    {
      gint64 person_id = g_array_index (ids, gint64, i);
      PwPerson *person;

      if (g_hash_table_contains (by_id, &person_id))
        continue;
      person = pw_person_repo_get (store, person_id, error);
      if (person == NULL)
        return FALSE;
      g_hash_table_insert (by_id, g_memdup2 (&person_id, sizeof person_id), person);
    }

  return TRUE;
}

/**
 * pw_bundle_export:
 *
 * The bundle holds the programme's setup and topics, the grade scale, and
 * its enrolled people with everyone up their reporting lines (so that the
 * rule "never with someone in your reporting chain" travels too); people
 * outside the programme are marked `"enrolled": false`.
 *
 * Then the pairs, each named by its mentee's and mentor's email (IDs are
 * local), with their workspace: agreement, action plan, worksheets with
 * their history, closure. Never the coordinator's private reason for
 * ending a pair. The diaries are private to the pairs: they are only in
 * the bundle with %PW_BUNDLE_WITH_DIARIES, and `"includes_diaries"` says
 * whether they are.
 */
char *
pw_bundle_export (PwStore        *store,
                  gint64          programme_id,
                  PwBundleFlags   flags,
                  GError        **error)
{
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(GListModel) enrolled = NULL;
  g_autoptr(GHashTable) is_enrolled = NULL;
  g_autoptr(GHashTable) by_id = NULL;      /* id → PwPerson, all exported */
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(JsonNode) programme_node = NULL;
  g_auto(GStrv) grades = NULL;
  g_auto(GStrv) topics = NULL;
  g_autoptr(GArray) pair_people = NULL;   /* then everyone else outside the enrolment */
  g_autoptr(GArray) named = NULL;
  g_autoptr(GArray) influencers = NULL;
  g_auto(PwBundleRefs) refs = { { NULL } };
  gboolean sensitive = (flags & PW_BUNDLE_WITH_SENSITIVE) != 0;
  gboolean diaries = (flags & PW_BUNDLE_WITH_DIARIES) != 0;
  char *text;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  pw_bundle_refs_init (&refs);
  programme = pw_programme_repo_get (store, programme_id, error);
  if (programme == NULL)
    return NULL;

  enrolled = pw_person_repo_list_enrolled (store, programme_id, error);
  grades = pw_grade_scale_get (store, error);
  topics = enrolled && grades ? pw_programme_topics_get (store, programme_id, error) : NULL;
  if (enrolled == NULL || grades == NULL || topics == NULL)
    return NULL;

  /* by_id owns keys and people; is_enrolled shares by_id's keys. */
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  is_enrolled = g_hash_table_new (g_int64_hash, g_int64_equal);
  people = g_ptr_array_new ();

  for (guint i = 0; i < g_list_model_get_n_items (enrolled); i++)
    {
      PwPerson *person = g_list_model_get_item (enrolled, i);

      gint64 *key = g_new (gint64, 1);

      *key = pw_person_get_id (person);
      g_hash_table_add (is_enrolled, key);
      g_hash_table_insert (by_id, key, person);
    }

  /* Everyone in a pair travels with it, enrolled or not any more; so does
   * everyone the programme's records name (overrides, forbidden pairs,
   * rematch priority, evaluation), then whoever influences the careers of
   * all those, so that the rule "never with them" travels too. */
  pair_people = list_pair_people (store, programme_id, error);
  named = pair_people ? pw_bundle_list_named_people (store, programme_id, error) : NULL;
  if (named == NULL || !add_people (store, by_id, pair_people, error) ||
      !add_people (store, by_id, named, error))
    return NULL;
  g_array_append_vals (pair_people, named->data, named->len);
  {
    g_autoptr(GArray) so_far = g_array_new (FALSE, FALSE, sizeof (gint64));
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, by_id);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_array_append_val (so_far, *(gint64 *)key);
    influencers = pw_bundle_list_influencers (store, so_far, error);
    if (influencers == NULL || !add_people (store, by_id, influencers, error))
      return NULL;
    g_array_append_vals (pair_people, influencers->data, influencers->len);
  }

  /* Walk up every reporting line, fetching managers outside the programme. */
  for (guint i = 0; i < g_list_model_get_n_items (enrolled) + pair_people->len; i++)
    {
      g_autoptr(PwPerson) start = NULL;
      gint64 manager_id;
      guint guard = 0;

      if (i < g_list_model_get_n_items (enrolled))
        start = g_list_model_get_item (enrolled, i);
      else
        start = g_object_ref (g_hash_table_lookup (by_id, &g_array_index (pair_people, gint64,
                                                                          i - g_list_model_get_n_items (enrolled))));
      manager_id = pw_person_get_manager_id (start);

      while (manager_id != 0 && !g_hash_table_contains (by_id, &manager_id) && guard++ < 1000)
        {
          PwPerson *manager = pw_person_repo_get (store, manager_id, error);

          if (manager == NULL)
            return NULL;
          g_hash_table_insert (by_id, g_memdup2 (&manager_id, sizeof manager_id), manager);
          manager_id = pw_person_get_manager_id (manager);
        }
    }

  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, by_id);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_ptr_array_add (people, value);
    g_ptr_array_sort (people, compare_people);
  }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, PW_BUNDLE_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, PW_BUNDLE_VERSION);
  json_builder_set_member_name (builder, "includes_sensitive");
  json_builder_add_boolean_value (builder, sensitive);
  json_builder_set_member_name (builder, "includes_diaries");
  json_builder_add_boolean_value (builder, diaries);

  programme_node = pw_programme_to_json (programme);
  json_object_remove_member (json_node_get_object (programme_node), "id");
  json_builder_set_member_name (builder, "programme");
  json_builder_add_value (builder, g_steal_pointer (&programme_node));

  add_strv (builder, "grades", (const char * const *)grades);
  add_strv (builder, "topics", (const char * const *)topics);

  json_builder_set_member_name (builder, "people");
  json_builder_begin_array (builder);
  for (guint i = 0; i < people->len; i++)
    {
      PwPerson *person = g_ptr_array_index (people, i);
      gint64 id = pw_person_get_id (person);
      gint64 manager_id = pw_person_get_manager_id (person);
      JsonNode *node = pw_person_to_json (person, sensitive);
      JsonObject *object = json_node_get_object (node);

      json_object_set_boolean_member (object, "enrolled", g_hash_table_contains (is_enrolled, &id));
      if (manager_id != 0)
        {
          PwPerson *manager = g_hash_table_lookup (by_id, &manager_id);
          if (manager != NULL)
            json_object_set_string_member (object, "manager", pw_person_get_email (manager));
        }
      json_builder_add_value (builder, node);
    }
  json_builder_end_array (builder);

  if (!pw_bundle_write_tables (store, programme_id, PW_BUNDLE_TABLES_SETUP, by_id, &refs, builder, error) ||
      !write_pairs (store, programme_id, diaries, &refs, builder, error) ||
      !pw_bundle_write_tables (store, programme_id, PW_BUNDLE_TABLES_MEETINGS, by_id, &refs, builder, error) ||
      !pw_bundle_write_tables (store, programme_id, PW_BUNDLE_TABLES_EVALUATION, by_id, &refs, builder, error))
    return NULL;
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  text = json_generator_to_data (generator, NULL);

  return text;
}

typedef struct
{
  const char *source;
  GError    **error;
} Ctx;

static gboolean
fail (Ctx        *ctx,
      int         code,
      const char *format,
      ...) G_GNUC_PRINTF (3, 4);

static gboolean
fail (Ctx        *ctx,
      int         code,
      const char *format,
      ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_set_error (ctx->error, PW_BUNDLE_ERROR, code, "%s:%s", ctx->source, message);
  return FALSE;
}

static GStrv
read_strv (Ctx        *ctx,
           JsonObject *object,
           const char *member)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL)
    return g_strv_builder_end (builder);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (ctx, PW_BUNDLE_ERROR_INVALID, _("%s: expected a list of names."), member);
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (element) || json_node_get_value_type (element) != G_TYPE_STRING)
        {
          fail (ctx, PW_BUNDLE_ERROR_INVALID, _("%s[%u]: expected a name in quotes."), member, i);
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (element));
    }

  return g_strv_builder_end (builder);
}

static gboolean
merge_grades (Ctx                *ctx,
              PwStore            *store,
              const char * const *bundle_grades)
{
  g_autoptr(GError) local = NULL;
  g_auto(GStrv) have = pw_grade_scale_get (store, &local);

  if (have == NULL)
    return fail (ctx, PW_BUNDLE_ERROR_CONFLICT, " %s", local->message);

  if (have[0] == NULL)
    {
      if (!pw_grade_scale_set (store, bundle_grades, &local))
        return fail (ctx, PW_BUNDLE_ERROR_INVALID, "grades: %s", local->message);
      return TRUE;
    }

  for (guint i = 0; bundle_grades[i] != NULL; i++)
    if (pw_grade_scale_position (store, bundle_grades[i]) < 0)
      return fail (ctx, PW_BUNDLE_ERROR_CONFLICT,
                   _("grades[%u]: grade “%s” is not on this database’s grade scale. Add it "
                     "to the scale first, then import again."),
                   i, bundle_grades[i]);

  return TRUE;
}

/* A member that must be text, or null/absent when @nullable (then *out is
 * NULL); FALSE with the error set otherwise. */
static gboolean
member_string (Ctx         *ctx,
               JsonObject  *object,
               const char  *member,
               guint        i,
               gboolean     nullable,
               const char  *fallback,
               const char **out)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (!nullable && fallback == NULL)
        return fail (ctx, PW_BUNDLE_ERROR_INVALID, _("pairs[%u].%s: missing."), i, member);
      *out = fallback;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return fail (ctx, PW_BUNDLE_ERROR_INVALID, _("pairs[%u].%s: expected text in quotes."), i, member);

  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
member_person (Ctx         *ctx,
               JsonObject  *object,
               const char  *member,
               guint        i,
               GHashTable  *by_email,
               gint64      *out)
{
  g_autofree char *key = NULL;
  const char *email = NULL;
  PwPerson *person;

  if (!member_string (ctx, object, member, i, TRUE, NULL, &email))
    return FALSE;

  *out = 0;
  if (email == NULL)
    return TRUE;   /* someone erased: the pair stays as anonymous history */

  key = g_utf8_casefold (email, -1);
  person = g_hash_table_lookup (by_email, key);
  if (person == NULL)
    return fail (ctx, PW_BUNDLE_ERROR_INVALID,
                 _("pairs[%u].%s: “%s” is not one of the bundle’s people."), i, member, email);

  *out = pw_person_get_id (person);
  return TRUE;
}

static gboolean
member_flag (Ctx        *ctx,
             JsonObject *object,
             const char *member,
             guint       i,
             gboolean   *out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = FALSE;
  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fail (ctx, PW_BUNDLE_ERROR_INVALID, _("pairs[%u].%s: expected true or false."), i, member);

  *out = json_node_get_boolean (node);
  return TRUE;
}

/* The pairs themselves; their workspaces come once the meetings are in. */
static gboolean
read_pairs (Ctx           *ctx,
            PwStore       *store,
            gint64         programme_id,
            JsonNode      *node,
            GHashTable    *by_email,
            PwBundleRefs  *refs)
{
  static const char * const states[] = { "proposed", "approved", "active", "ended", NULL };
  static const char * const end_kinds[] = { "completed", "rematched", NULL };
  JsonArray *pairs;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return fail (ctx, PW_BUNDLE_ERROR_INVALID, _("pairs: expected a list."));

  pairs = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (pairs); i++)
    {
      JsonNode *element = json_array_get_element (pairs, i);
      g_autoptr(GError) local = NULL;
      JsonObject *object;
      JsonNode *member;
      const char *state, *explanation, *created, *approved, *ended, *end_kind;
      gboolean locked, random;
      gint64 mentee_id, mentor_id, score = 0;
      sqlite3_stmt *stmt;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        return fail (ctx, PW_BUNDLE_ERROR_INVALID, _("pairs[%u]: expected an object."), i);
      object = json_node_get_object (element);

      if (!member_person (ctx, object, "mentee", i, by_email, &mentee_id) ||
          !member_person (ctx, object, "mentor", i, by_email, &mentor_id) ||
          !member_string (ctx, object, "state", i, FALSE, NULL, &state) ||
          !member_string (ctx, object, "explanation", i, FALSE, "", &explanation) ||
          !member_string (ctx, object, "created", i, TRUE, NULL, &created) ||
          !member_string (ctx, object, "approved", i, TRUE, NULL, &approved) ||
          !member_string (ctx, object, "ended", i, TRUE, NULL, &ended) ||
          !member_string (ctx, object, "end_kind", i, TRUE, NULL, &end_kind) ||
          !member_flag (ctx, object, "locked", i, &locked) ||
          !member_flag (ctx, object, "random", i, &random))
        return FALSE;

      if (!g_strv_contains (states, state))
        return fail (ctx, PW_BUNDLE_ERROR_INVALID,
                     _("pairs[%u].state: “%s” is not proposed, approved, active or ended."), i, state);
      if (end_kind != NULL && !g_strv_contains (end_kinds, end_kind))
        return fail (ctx, PW_BUNDLE_ERROR_INVALID,
                     _("pairs[%u].end_kind: “%s” is not completed or rematched."), i, end_kind);

      member = json_object_get_member (object, "score");
      if (member != NULL)
        {
          if (!JSON_NODE_HOLDS_VALUE (member) || json_node_get_value_type (member) != G_TYPE_INT64)
            return fail (ctx, PW_BUNDLE_ERROR_INVALID, _("pairs[%u].score: expected a whole number."), i);
          score = json_node_get_int (member);
        }

      stmt = pw_store_prepare (store,
                               "INSERT INTO pair (programme_id, mentee_id, mentor_id, state, score, locked, "
                               "random, explanation, created, approved, ended, end_kind) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                               "coalesce (?9, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), ?10, ?11, ?12)",
                               &local);
      if (stmt == NULL)
        return fail (ctx, PW_BUNDLE_ERROR_INVALID, "pairs[%u]: %s", i, local->message);

      sqlite3_bind_int64 (stmt, 1, programme_id);
      if (mentee_id != 0)
        sqlite3_bind_int64 (stmt, 2, mentee_id);
      if (mentor_id != 0)
        sqlite3_bind_int64 (stmt, 3, mentor_id);
      sqlite3_bind_text (stmt, 4, state, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 5, score);
      sqlite3_bind_int (stmt, 6, locked);
      sqlite3_bind_int (stmt, 7, random);
      sqlite3_bind_text (stmt, 8, explanation, -1, SQLITE_TRANSIENT);
      if (created != NULL)
        sqlite3_bind_text (stmt, 9, created, -1, SQLITE_TRANSIENT);
      if (approved != NULL)
        sqlite3_bind_text (stmt, 10, approved, -1, SQLITE_TRANSIENT);
      if (ended != NULL)
        sqlite3_bind_text (stmt, 11, ended, -1, SQLITE_TRANSIENT);
      if (end_kind != NULL)
        sqlite3_bind_text (stmt, 12, end_kind, -1, SQLITE_TRANSIENT);

      if (pw_store_step (store, stmt, &local) < 0)
        return fail (ctx, PW_BUNDLE_ERROR_INVALID, "pairs[%u]: %s", i, local->message);
      sqlite3_reset (stmt);
      pw_bundle_refs_add (refs, PW_BUNDLE_REF_PAIR, pw_store_last_insert_id (store));
    }

  return TRUE;
}

static gboolean
read_workspaces (Ctx           *ctx,
                 PwStore       *store,
                 JsonNode      *node,
                 PwBundleRefs  *refs,
                 gboolean       with_diaries)
{
  JsonArray *pairs = json_node_get_array (node);

  for (guint i = 0; i < json_array_get_length (pairs); i++)
    {
      JsonNode *member = json_object_get_member (json_array_get_object_element (pairs, i), "workspace");
      g_autofree char *where = g_strdup_printf ("pairs[%u].workspace", i);
      g_autoptr(GError) local = NULL;

      if (member == NULL)
        continue;
      if (!JSON_NODE_HOLDS_OBJECT (member))
        return fail (ctx, PW_BUNDLE_ERROR_INVALID, _("%s: expected an object."), where);
      if (!pw_workspace_read_json (store, g_array_index (refs->ids[PW_BUNDLE_REF_PAIR], gint64, i),
                                   json_node_get_object (member), with_diaries, where, &local))
        return fail (ctx, PW_BUNDLE_ERROR_INVALID, "%s", local->message);
    }

  return TRUE;
}

/**
 * pw_bundle_import:
 *
 * People are matched to the directory by email: someone already there is
 * the same person (their record is updated from the bundle, keeping
 * sensitive data the bundle does not carry); others are added. Pairs
 * follow, found by their people's emails, each with its workspace; a
 * diary in a bundle whose "includes_diaries" is false is refused.
 */
gint64
pw_bundle_import (PwStore     *store,
                  const char  *text,
                  gssize       length,
                  const char  *source_name,
                  GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  g_autoptr(PwProgramme) programme = NULL;
  g_autoptr(GHashTable) by_email = NULL;  /* casefolded email → PwPerson (stored) */
  g_autoptr(GPtrArray) managers = NULL;   /* each person's manager's email, or NULL */
  g_autoptr(GPtrArray) stored = NULL;     /* the PwPerson stored for it */
  g_auto(GStrv) grades = NULL;
  g_auto(GStrv) topics = NULL;
  g_auto(PwBundleRefs) refs = { { NULL } };
  Ctx ctx = { source_name ? source_name : "bundle", error };
  JsonObject *root;
  JsonNode *node;
  JsonArray *people;
  gboolean includes_sensitive;
  gboolean includes_diaries;

  g_return_val_if_fail (PW_IS_STORE (store), 0);
  g_return_val_if_fail (text != NULL, 0);

  pw_bundle_refs_init (&refs);
  if (!json_parser_load_from_data (parser, text, length, &local))
    {
      fail (&ctx, PW_BUNDLE_ERROR_SYNTAX, " %s", local->message);
      return 0;
    }

  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node) ||
      g_strcmp0 (json_object_get_string_member_with_default (json_node_get_object (node), "format", ""),
                 PW_BUNDLE_FORMAT) != 0)
    {
      fail (&ctx, PW_BUNDLE_ERROR_FORMAT,
            _(" not a Pairwise program bundle (its “format” is not %s)."), PW_BUNDLE_FORMAT);
      return 0;
    }

  root = json_node_get_object (node);
  if (json_object_get_int_member_with_default (root, "version", 0) > PW_BUNDLE_VERSION)
    {
      fail (&ctx, PW_BUNDLE_ERROR_TOO_NEW,
            _(" this bundle was written by a newer version of Pairwise (bundle version "
              "%lld; this version reads up to %d). Update Pairwise to import it."),
            (long long)json_object_get_int_member (root, "version"), PW_BUNDLE_VERSION);
      return 0;
    }

  includes_sensitive = json_object_get_boolean_member_with_default (root, "includes_sensitive", FALSE);
  includes_diaries = json_object_get_boolean_member_with_default (root, "includes_diaries", FALSE);

  node = json_object_get_member (root, "programme");
  programme = node ? pw_programme_new_from_json (node, &local) : NULL;
  if (programme == NULL)
    {
      fail (&ctx, PW_BUNDLE_ERROR_INVALID, "%s", local ? local->message : _("programme: missing."));
      return 0;
    }

  grades = read_strv (&ctx, root, "grades");
  topics = grades ? read_strv (&ctx, root, "topics") : NULL;
  if (topics == NULL)
    return 0;

  node = json_object_get_member (root, "people");
  if (node != NULL && !JSON_NODE_HOLDS_ARRAY (node))
    {
      fail (&ctx, PW_BUNDLE_ERROR_INVALID, _("people: expected a list."));
      return 0;
    }
  people = node ? json_node_get_array (node) : NULL;

  if (!pw_store_begin (store, &local))
    {
      fail (&ctx, PW_BUNDLE_ERROR_CONFLICT, " %s", local->message);
      return 0;
    }

  /* The same programme twice would make two of everything. */
  {
    g_autoptr(GListModel) existing = pw_programme_repo_list (store, NULL);

    for (guint i = 0; existing && i < g_list_model_get_n_items (existing); i++)
      {
        g_autoptr(PwProgramme) other = g_list_model_get_item (existing, i);

        if (g_str_equal (pw_programme_get_uuid (other), pw_programme_get_uuid (programme)))
          {
            fail (&ctx, PW_BUNDLE_ERROR_CONFLICT,
                  _(" program “%s” is already in this database (ID %lld). Delete it "
                    "first to import it again."),
                  pw_programme_get_name (other), (long long)pw_programme_get_id (other));
            goto rollback;
          }
      }
  }

  if (!merge_grades (&ctx, store, (const char * const *)grades))
    goto rollback;

  if (!pw_programme_repo_insert (store, programme, &local) ||
      !pw_programme_topics_set (store, pw_programme_get_id (programme),
                                (const char * const *)topics, &local))
    {
      fail (&ctx, PW_BUNDLE_ERROR_INVALID, " %s", local->message);
      goto rollback;
    }

  by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  managers = g_ptr_array_new_with_free_func (g_free);
  stored = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; people != NULL && i < json_array_get_length (people); i++)
    {
      JsonNode *element = json_array_get_element (people, i);
      g_autoptr(JsonNode) copy = NULL;
      g_autoptr(PwPerson) incoming = NULL;
      g_autoptr(PwPerson) existing = NULL;
      JsonObject *object;
      PwPerson *person;
      gboolean enrolled;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        {
          fail (&ctx, PW_BUNDLE_ERROR_INVALID, _("people[%u]: expected an object."), i);
          goto rollback;
        }

      /* "enrolled" and "manager" belong to the bundle, not the person;
       * json_node_copy() shares the object, so build a trimmed one. */
      object = json_node_get_object (element);
      enrolled = json_object_get_boolean_member_with_default (object, "enrolled", TRUE);
      {
        JsonObject *trimmed = json_object_new ();
        g_autoptr(GList) names = json_object_get_members (object);

        for (const GList *l = names; l != NULL; l = l->next)
          if (!g_str_equal (l->data, "enrolled") && !g_str_equal (l->data, "manager"))
            json_object_set_member (trimmed, l->data,
                                    json_node_copy (json_object_get_member (object, l->data)));
        copy = json_node_init_object (json_node_alloc (), trimmed);
        json_object_unref (trimmed);
      }

      incoming = pw_person_new_from_json (copy, &local);
      if (incoming == NULL)
        {
          fail (&ctx, PW_BUNDLE_ERROR_INVALID, "people[%u].%s", i, local->message);
          goto rollback;
        }

      existing = pw_person_repo_find_by_email (store, pw_person_get_email (incoming), NULL);
      if (existing != NULL)
        {
          /* Same person: take the bundle's answers, keep what it lacks. */
          for (guint f = 0; f < PW_PERSON_N_FIELDS; f++)
            {
              g_autofree char *value = NULL;

              if (pw_person_fields[f].sensitive && !includes_sensitive)
                continue;
              value = pw_person_get_field (incoming, pw_person_fields[f].name);
              pw_person_set_field (existing, pw_person_fields[f].name, value, NULL);
            }
          if (!pw_person_repo_update (store, existing, &local))
            {
              fail (&ctx, PW_BUNDLE_ERROR_INVALID, "people[%u]: %s", i, local->message);
              goto rollback;
            }
          person = g_steal_pointer (&existing);
        }
      else
        {
          if (!pw_person_repo_insert (store, incoming, &local))
            {
              /* A UUID known under another email: keep the person, new UUID. */
              g_clear_error (&local);
              {
                g_autofree char *uuid = g_uuid_string_random ();
                pw_person_set_uuid (incoming, uuid);
                pw_person_set_id (incoming, 0);
              }
              if (!pw_person_repo_insert (store, incoming, &local))
                {
                  fail (&ctx, PW_BUNDLE_ERROR_INVALID, "people[%u]: %s", i, local->message);
                  goto rollback;
                }
            }
          person = g_steal_pointer (&incoming);
        }

      g_ptr_array_add (managers, g_strdup (json_object_get_string_member_with_default (object, "manager", NULL)));
      g_ptr_array_add (stored, person);
      g_hash_table_insert (by_email, g_utf8_casefold (pw_person_get_email (person), -1),
                           g_object_ref (person));

      if (enrolled &&
          !pw_person_repo_enrol (store, pw_programme_get_id (programme), pw_person_get_id (person), &local))
        {
          fail (&ctx, PW_BUNDLE_ERROR_INVALID, "people[%u]: %s", i, local->message);
          goto rollback;
        }
    }

  /* Second pass: managers, who may come later in the list. */
  for (guint i = 0; i < managers->len; i++)
    {
      PwPerson *person = g_ptr_array_index (stored, i);
      const char *manager_email = g_ptr_array_index (managers, i);
      g_autofree char *key = NULL;
      PwPerson *manager;

      if (manager_email == NULL)
        continue;

      key = g_utf8_casefold (manager_email, -1);
      manager = g_hash_table_lookup (by_email, key);
      if (manager == NULL)
        {
          fail (&ctx, PW_BUNDLE_ERROR_INVALID,
                _("people[%u].manager: “%s” is not one of the bundle’s people."),
                i, manager_email);
          goto rollback;
        }

      pw_person_set_manager_id (person, pw_person_get_id (manager));
      if (!pw_person_repo_update (store, person, &local))
        {
          fail (&ctx, PW_BUNDLE_ERROR_INVALID, "people[%u].manager: %s", i, local->message);
          goto rollback;
        }
    }

  if (!pw_bundle_read_tables (store, pw_programme_get_id (programme), PW_BUNDLE_TABLES_SETUP,
                              root, by_email, &refs, ctx.source, error))
    goto rollback;

  node = json_object_get_member (root, "pairs");
  if (node != NULL &&
      !read_pairs (&ctx, store, pw_programme_get_id (programme), node, by_email, &refs))
    goto rollback;

  if (!pw_bundle_read_tables (store, pw_programme_get_id (programme), PW_BUNDLE_TABLES_MEETINGS,
                              root, by_email, &refs, ctx.source, error))
    goto rollback;

  if (node != NULL && !read_workspaces (&ctx, store, node, &refs, includes_diaries))
    goto rollback;

  if (!pw_bundle_read_tables (store, pw_programme_get_id (programme), PW_BUNDLE_TABLES_EVALUATION,
                              root, by_email, &refs, ctx.source, error))
    goto rollback;

  if (!pw_store_commit (store, &local))
    {
      fail (&ctx, PW_BUNDLE_ERROR_CONFLICT, " %s", local->message);
      return 0;
    }

  pw_store_emit_changed (store, "programme");
  pw_store_emit_changed (store, "person");
  pw_store_emit_changed (store, "eligibility");
  pw_store_emit_changed (store, "pair");
  pw_store_emit_changed (store, "meeting");
  pw_store_emit_changed (store, "questionnaire");
  pw_store_emit_changed (store, "response");
  return pw_programme_get_id (programme);

rollback:
  pw_store_rollback (store);
  return 0;
}
