/* pw-record.c — the workspace's form objects, described once
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-record"

#include <glib/gi18n.h>

#include "pw-programme.h"
#include "pw-record-private.h"
#include "pw-workspace-types.h"

static GQuark
date_quark (void)
{
  return g_quark_from_static_string ("pw-record-date");
}

void
pw_record_mark_date (GParamSpec *pspec)
{
  g_param_spec_set_qdata (pspec, date_quark (), GINT_TO_POINTER (1));
}

gboolean
pw_record_is_date (GParamSpec *pspec)
{
  return g_param_spec_get_qdata (pspec, date_quark ()) != NULL;
}

gboolean
pw_record_set_field (GObject      *object,
                     GParamSpec   *pspec,
                     gpointer      field,
                     const GValue *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    {
      char **s = field;
      const char *v = g_value_get_string (value);

      if (v == NULL)
        v = "";
      if (g_strcmp0 (*s ? *s : "", v) == 0)
        return FALSE;
      g_free (*s);
      *s = g_strdup (v);
    }
  else if (type == G_TYPE_INT64)
    {
      gint64 *i = field;

      if (*i == g_value_get_int64 (value))
        return FALSE;
      *i = g_value_get_int64 (value);
    }
  else
    {
      /* int, gboolean, enums and flags are all int-sized. */
      int *i = field;
      int v;

      if (type == G_TYPE_INT)
        v = g_value_get_int (value);
      else if (type == G_TYPE_BOOLEAN)
        v = g_value_get_boolean (value) ? TRUE : FALSE;
      else if (G_TYPE_IS_ENUM (type))
        v = g_value_get_enum (value);
      else if (G_TYPE_IS_FLAGS (type))
        v = (int)g_value_get_flags (value);
      else
        g_assert_not_reached ();

      if (*i == v)
        return FALSE;
      *i = v;
    }

  g_object_notify_by_pspec (object, pspec);
  return TRUE;
}

void
pw_record_get_field (GParamSpec    *pspec,
                     gconstpointer  field,
                     GValue        *value)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_STRING)
    {
      const char *s = *(char * const *)field;
      g_value_set_string (value, s ? s : "");
    }
  else if (type == G_TYPE_INT64)
    g_value_set_int64 (value, *(const gint64 *)field);
  else if (type == G_TYPE_INT)
    g_value_set_int (value, *(const int *)field);
  else if (type == G_TYPE_BOOLEAN)
    g_value_set_boolean (value, *(const int *)field);
  else if (G_TYPE_IS_ENUM (type))
    g_value_set_enum (value, *(const int *)field);
  else if (G_TYPE_IS_FLAGS (type))
    g_value_set_flags (value, (guint)*(const int *)field);
  else
    g_assert_not_reached ();
}

static GParamSpec *
find (GObject    *object,
      const char *field)
{
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), field);

  g_assert (pspec != NULL);
  return pspec;
}

static const char *
enum_nick (GType type,
           int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev ? ev->value_nick : "";
}

void
pw_record_bind (GObject            *object,
                const char * const *fields,
                sqlite3_stmt       *stmt,
                int                 first_param)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      GParamSpec *pspec = find (object, fields[i]);
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_auto(GValue) value = G_VALUE_INIT;
      int k = first_param + (int)i;

      g_value_init (&value, type);
      g_object_get_property (object, fields[i], &value);

      if (type == G_TYPE_STRING)
        sqlite3_bind_text (stmt, k, g_value_get_string (&value), -1, SQLITE_TRANSIENT);
      else if (type == G_TYPE_INT64)
        {
          /* 0 means "none": stored as NULL. */
          if (g_value_get_int64 (&value) == 0)
            sqlite3_bind_null (stmt, k);
          else
            sqlite3_bind_int64 (stmt, k, g_value_get_int64 (&value));
        }
      else if (type == G_TYPE_INT)
        sqlite3_bind_int (stmt, k, g_value_get_int (&value));
      else if (type == G_TYPE_BOOLEAN)
        sqlite3_bind_int (stmt, k, g_value_get_boolean (&value));
      else if (G_TYPE_IS_ENUM (type))
        sqlite3_bind_text (stmt, k, enum_nick (type, g_value_get_enum (&value)), -1, SQLITE_STATIC);
      else if (G_TYPE_IS_FLAGS (type))
        sqlite3_bind_int (stmt, k, (int)g_value_get_flags (&value));
      else
        g_assert_not_reached ();
    }
}

void
pw_record_read (GObject            *object,
                const char * const *fields,
                sqlite3_stmt       *stmt,
                int                 first_column)
{
  g_object_freeze_notify (object);

  for (guint i = 0; fields[i] != NULL; i++)
    {
      GParamSpec *pspec = find (object, fields[i]);
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_auto(GValue) value = G_VALUE_INIT;
      int c = first_column + (int)i;

      g_value_init (&value, type);

      if (type == G_TYPE_STRING)
        g_value_set_string (&value, (const char *)sqlite3_column_text (stmt, c));
      else if (type == G_TYPE_INT64)
        g_value_set_int64 (&value, sqlite3_column_int64 (stmt, c));
      else if (type == G_TYPE_INT)
        g_value_set_int (&value, sqlite3_column_int (stmt, c));
      else if (type == G_TYPE_BOOLEAN)
        g_value_set_boolean (&value, sqlite3_column_int (stmt, c) != 0);
      else if (G_TYPE_IS_ENUM (type))
        {
          g_autoptr(GEnumClass) klass = g_type_class_ref (type);
          const char *nick = (const char *)sqlite3_column_text (stmt, c);
          GEnumValue *ev = nick ? g_enum_get_value_by_nick (klass, nick) : NULL;

          g_value_set_enum (&value, ev ? ev->value : G_PARAM_SPEC_ENUM (pspec)->default_value);
        }
      else if (G_TYPE_IS_FLAGS (type))
        g_value_set_flags (&value, (guint)sqlite3_column_int (stmt, c));
      else
        g_assert_not_reached ();

      g_object_set_property (object, fields[i], &value);
    }

  g_object_thaw_notify (object);
}

static char *
json_key (const char *property)
{
  char *key = g_strdup (property);

  g_strdelimit (key, "-", '_');
  return key;
}

void
pw_record_add_json (GObject            *object,
                    const char * const *fields,
                    JsonBuilder        *builder)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      GParamSpec *pspec = find (object, fields[i]);
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *key = json_key (fields[i]);

      g_value_init (&value, type);
      g_object_get_property (object, fields[i], &value);
      json_builder_set_member_name (builder, key);

      if (type == G_TYPE_STRING)
        json_builder_add_string_value (builder, g_value_get_string (&value));
      else if (type == G_TYPE_INT64)
        json_builder_add_int_value (builder, g_value_get_int64 (&value));
      else if (type == G_TYPE_INT)
        json_builder_add_int_value (builder, g_value_get_int (&value));
      else if (type == G_TYPE_BOOLEAN)
        json_builder_add_boolean_value (builder, g_value_get_boolean (&value));
      else if (G_TYPE_IS_ENUM (type))
        json_builder_add_string_value (builder, enum_nick (type, g_value_get_enum (&value)));
      else if (G_TYPE_IS_FLAGS (type))
        {
          g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
          guint flags = g_value_get_flags (&value);

          json_builder_begin_array (builder);
          for (guint k = 0; k < klass->n_values; k++)
            if (klass->values[k].value != 0 && (flags & klass->values[k].value) == klass->values[k].value)
              json_builder_add_string_value (builder, klass->values[k].value_nick);
          json_builder_end_array (builder);
        }
      else
        g_assert_not_reached ();
    }
}

static gboolean
invalid (GError    **error,
         const char *where,
         const char *key,
         const char *what)
{
  if (where != NULL)
    g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                 "%s.%s: %s", where, key, what);
  else
    g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                 "%s: %s", key, what);
  return FALSE;
}

static gboolean
check_value (GParamSpec    *pspec,
             const GValue  *value,
             const char    *where,
             const char    *key,
             GError       **error)
{
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);

  if (type == G_TYPE_INT)
    {
      GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);
      int v = g_value_get_int (value);

      if (v < ispec->minimum || v > ispec->maximum)
        {
          g_autofree char *what =
            g_strdup_printf (_("%d is out of range: give a number from %d to %d."),
                             v, ispec->minimum, ispec->maximum);
          return invalid (error, where, key, what);
        }
    }
  else if (type == G_TYPE_STRING && pw_record_is_date (pspec))
    {
      const char *s = g_value_get_string (value);

      if (s != NULL && s[0] != '\0')
        {
          g_autoptr(GDate) date = pw_date_parse (s);

          if (date == NULL)
            {
              g_autofree char *what =
                g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD, for example 2026-09-01."), s);
              return invalid (error, where, key, what);
            }
        }
    }

  return TRUE;
}

gboolean
pw_record_read_json (GObject            *object,
                     const char * const *fields,
                     JsonObject         *json,
                     const char         *where,
                     GError            **error)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      GParamSpec *pspec = find (object, fields[i]);
      GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
      g_auto(GValue) value = G_VALUE_INIT;
      g_autofree char *key = json_key (fields[i]);
      JsonNode *node = json_object_get_member (json, key);
      GType held;

      if (node == NULL)
        continue;

      held = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
      g_value_init (&value, type);

      if (type == G_TYPE_STRING)
        {
          if (held != G_TYPE_STRING)
            return invalid (error, where, key, _("expected text in quotes."));
          g_value_set_string (&value, json_node_get_string (node));
        }
      else if (type == G_TYPE_INT64 || type == G_TYPE_INT)
        {
          if (held != G_TYPE_INT64)
            return invalid (error, where, key, _("expected a whole number."));
          if (type == G_TYPE_INT64)
            g_value_set_int64 (&value, json_node_get_int (node));
          else if (json_node_get_int (node) < G_MININT || json_node_get_int (node) > G_MAXINT)
            return invalid (error, where, key, _("the number is far out of range."));
          else
            g_value_set_int (&value, (int)json_node_get_int (node));
        }
      else if (type == G_TYPE_BOOLEAN)
        {
          if (held != G_TYPE_BOOLEAN)
            return invalid (error, where, key, _("expected true or false."));
          g_value_set_boolean (&value, json_node_get_boolean (node));
        }
      else if (G_TYPE_IS_ENUM (type))
        {
          g_autoptr(GEnumClass) klass = g_type_class_ref (type);
          GEnumValue *ev = held == G_TYPE_STRING
                           ? g_enum_get_value_by_nick (klass, json_node_get_string (node)) : NULL;

          if (ev == NULL)
            {
              g_autoptr(GString) allowed = g_string_new (NULL);
              g_autofree char *what = NULL;

              for (guint k = 0; k < klass->n_values; k++)
                g_string_append_printf (allowed, "%s%s", k ? ", " : "", klass->values[k].value_nick);
              what = g_strdup_printf (_("expected one of %s."), allowed->str);
              return invalid (error, where, key, what);
            }
          g_value_set_enum (&value, ev->value);
        }
      else if (G_TYPE_IS_FLAGS (type))
        {
          g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
          JsonArray *array;
          guint flags = 0;

          if (!JSON_NODE_HOLDS_ARRAY (node))
            return invalid (error, where, key, _("expected a list of names."));
          array = json_node_get_array (node);
          for (guint k = 0; k < json_array_get_length (array); k++)
            {
              const char *nick = json_array_get_string_element (array, k);
              GFlagsValue *fv = nick ? g_flags_get_value_by_nick (klass, nick) : NULL;

              if (fv == NULL)
                return invalid (error, where, key, _("a name in the list is not known."));
              flags |= fv->value;
            }
          g_value_set_flags (&value, flags);
        }
      else
        g_assert_not_reached ();

      if (!check_value (pspec, &value, where, key, error))
        return FALSE;

      g_object_set_property (object, fields[i], &value);
    }

  return TRUE;
}

gboolean
pw_record_equal (GObject            *a,
                 GObject            *b,
                 const char * const *fields)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      GParamSpec *pspec = find (a, fields[i]);
      g_auto(GValue) va = G_VALUE_INIT;
      g_auto(GValue) vb = G_VALUE_INIT;

      g_value_init (&va, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_value_init (&vb, G_PARAM_SPEC_VALUE_TYPE (pspec));
      g_object_get_property (a, fields[i], &va);
      g_object_get_property (b, fields[i], &vb);
      if (g_param_values_cmp (pspec, &va, &vb) != 0)
        return FALSE;
    }

  return TRUE;
}

gboolean
pw_record_set_from_string (GObject            *object,
                           const char * const *fields,
                           const char         *field,
                           const char         *text,
                           GError            **error)
{
  g_autofree char *property = g_strdup (field);
  g_auto(GValue) value = G_VALUE_INIT;
  GParamSpec *pspec = NULL;
  GType type;

  g_strdelimit (property, "_", '-');
  if (g_strv_contains (fields, property))
    pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), property);

  if (pspec == NULL)
    {
      g_autofree char *known = g_strjoinv (", ", (char **)fields);

      g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                   _("“%s” is not a field here; the fields are %s."), field, known);
      return FALSE;
    }

  type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  g_value_init (&value, type);

  if (type == G_TYPE_STRING)
    g_value_set_string (&value, text);
  else if (type == G_TYPE_INT || type == G_TYPE_INT64)
    {
      gint64 n;

      if (!g_ascii_string_to_signed (text, 10, G_MININT, G_MAXINT, &n, NULL))
        {
          g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                       _("%s: “%s” is not a whole number."), field, text);
          return FALSE;
        }
      if (type == G_TYPE_INT)
        g_value_set_int (&value, (int)n);
      else
        g_value_set_int64 (&value, n);
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      if (g_strv_contains ((const char * const[]) { "yes", "true", "1", "on", NULL }, text))
        g_value_set_boolean (&value, TRUE);
      else if (g_strv_contains ((const char * const[]) { "no", "false", "0", "off", NULL }, text))
        g_value_set_boolean (&value, FALSE);
      else
        {
          g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                       _("%s: say yes or no, not “%s”."), field, text);
          return FALSE;
        }
    }
  else if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *ev = g_enum_get_value_by_nick (klass, text);

      if (ev == NULL)
        {
          g_autoptr(GString) allowed = g_string_new (NULL);

          for (guint k = 0; k < klass->n_values; k++)
            g_string_append_printf (allowed, "%s%s", k ? ", " : "", klass->values[k].value_nick);
          g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                       _("%s: “%s” is not one of %s."), field, text, allowed->str);
          return FALSE;
        }
      g_value_set_enum (&value, ev->value);
    }
  else if (G_TYPE_IS_FLAGS (type))
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
      g_auto(GStrv) parts = g_strsplit (text, ",", -1);
      guint flags = 0;

      for (guint k = 0; parts[k] != NULL; k++)
        {
          const char *nick = g_strstrip (parts[k]);
          GFlagsValue *fv;

          if (nick[0] == '\0')
            continue;
          fv = g_flags_get_value_by_nick (klass, nick);
          if (fv == NULL)
            {
              g_autoptr(GString) allowed = g_string_new (NULL);

              for (guint j = 0; j < klass->n_values; j++)
                g_string_append_printf (allowed, "%s%s", j ? ", " : "", klass->values[j].value_nick);
              g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                           _("%s: “%s” is not one of %s."), field, nick, allowed->str);
              return FALSE;
            }
          flags |= fv->value;
        }
      g_value_set_flags (&value, flags);
    }
  else
    g_assert_not_reached ();

  if (!check_value (pspec, &value, NULL, field, error))
    return FALSE;

  g_object_set_property (object, property, &value);
  return TRUE;
}

char *
pw_record_to_string (GObject    *object,
                     const char *field)
{
  GParamSpec *pspec = find (object, field);
  GType type = G_PARAM_SPEC_VALUE_TYPE (pspec);
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, type);
  g_object_get_property (object, field, &value);

  if (type == G_TYPE_STRING)
    return g_value_dup_string (&value);
  if (type == G_TYPE_INT)
    return g_strdup_printf ("%d", g_value_get_int (&value));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&value));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (g_value_get_boolean (&value) ? "yes" : "no");
  if (G_TYPE_IS_ENUM (type))
    return g_strdup (enum_nick (type, g_value_get_enum (&value)));
  if (G_TYPE_IS_FLAGS (type))
    {
      g_autoptr(GFlagsClass) klass = g_type_class_ref (type);
      g_autoptr(GString) out = g_string_new (NULL);
      guint flags = g_value_get_flags (&value);

      for (guint k = 0; k < klass->n_values; k++)
        if (klass->values[k].value != 0 && (flags & klass->values[k].value) == klass->values[k].value)
          g_string_append_printf (out, "%s%s", out->len ? "," : "", klass->values[k].value_nick);
      return g_string_free (g_steal_pointer (&out), FALSE);
    }

  g_assert_not_reached ();
  return NULL;
}

gboolean
pw_record_exec (PwStore       *store,
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

const char *
pw_json_string (JsonObject *object,
                const char *member,
                const char *fallback)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return fallback;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

gboolean
pw_json_int (JsonObject *object,
             const char *member,
             gint64      fallback,
             gint64     *out)
{
  JsonNode *node = json_object_get_member (object, member);

  *out = fallback;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out = json_node_get_int (node);
  return TRUE;
}

gboolean
pw_workspace_check_pair (PwStore  *store,
                         gint64    pair_id,
                         gint64   *programme_id,
                         GError  **error)
{
  g_autofree char *state = NULL;
  sqlite3_stmt *stmt;
  gint64 programme = 0;
  int rc;

  stmt = pw_store_prepare (store, "SELECT programme_id, state FROM pair WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, pair_id);
  rc = pw_store_step (store, stmt, error);
  if (rc == SQLITE_ROW)
    {
      programme = sqlite3_column_int64 (stmt, 0);
      state = g_strdup ((const char *)sqlite3_column_text (stmt, 1));
    }
  sqlite3_reset (stmt);

  if (rc < 0)
    return FALSE;

  if (rc != SQLITE_ROW)
    {
      g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_NO_PAIR,
                   _("There is no pair %lld. List the pairs with “pairwise-cli pairs list”."),
                   (long long)pair_id);
      return FALSE;
    }

  if (g_str_equal (state, "proposed"))
    {
      g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_STATE,
                   _("Pair %lld is only proposed: approve it before using its workspace."),
                   (long long)pair_id);
      return FALSE;
    }

  if (programme_id != NULL)
    *programme_id = programme;
  return TRUE;
}
