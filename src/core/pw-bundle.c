/* pw-bundle.c — a whole programme as one JSON file
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-bundle"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "pw-bundle.h"
#include "pw-person-private.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"

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

/**
 * pw_bundle_export:
 *
 * The bundle holds the programme's setup and topics, the grade scale, and
 * its enrolled people with everyone up their reporting lines (so that the
 * rule "never with someone in your reporting chain" travels too); people
 * outside the programme are marked `"enrolled": false`.
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
  gboolean sensitive = (flags & PW_BUNDLE_WITH_SENSITIVE) != 0;
  char *text;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

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

  /* Walk up every reporting line, fetching managers outside the programme. */
  for (guint i = 0; i < g_list_model_get_n_items (enrolled); i++)
    {
      g_autoptr(PwPerson) start = g_list_model_get_item (enrolled, i);
      gint64 manager_id = pw_person_get_manager_id (start);
      guint guard = 0;

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

/**
 * pw_bundle_import:
 *
 * People are matched to the directory by email: someone already there is
 * the same person (their record is updated from the bundle, keeping
 * sensitive data the bundle does not carry); others are added.
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
  Ctx ctx = { source_name ? source_name : "bundle", error };
  JsonObject *root;
  JsonNode *node;
  JsonArray *people;
  gboolean includes_sensitive;

  g_return_val_if_fail (PW_IS_STORE (store), 0);
  g_return_val_if_fail (text != NULL, 0);

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

  if (!pw_store_commit (store, &local))
    {
      fail (&ctx, PW_BUNDLE_ERROR_CONFLICT, " %s", local->message);
      return 0;
    }

  pw_store_emit_changed (store, "programme");
  pw_store_emit_changed (store, "person");
  return pw_programme_get_id (programme);

rollback:
  pw_store_rollback (store);
  return 0;
}
