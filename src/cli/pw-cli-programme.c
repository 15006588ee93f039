/* pw-cli-programme.c — pairwise-cli programme list|create|show|update|delete
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-cli"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pw-cli.h"
#include "pw-enums.h"
#include "pw-programme-repo.h"
#include "pw-sample.h"

static void
print_programme_help (FILE *out)
{
  const char * const *fields = pw_programme_list_fields ();

  fprintf (out, "%s\n", _("Usage:"));
  fprintf (out, "  pairwise-cli programme list [--json]\n");
  fprintf (out, "  pairwise-cli programme create --name NAME [--FIELD VALUE …] [--json]\n");
  fprintf (out, "  pairwise-cli programme show ID [--json]\n");
  fprintf (out, "  pairwise-cli programme update ID --FIELD VALUE … [--json]\n");
  fprintf (out, "  pairwise-cli programme delete ID\n");
  fprintf (out, "  pairwise-cli programme sample [--json]\n\n");
  fprintf (out, "%s\n", _("Fields:"));
  for (guint i = 0; fields[i] != NULL; i++)
    fprintf (out, "  --%s\n", fields[i]);
  fprintf (out, "\n%s\n",
           _("Dates are YYYY-MM-DD. Kinds, purposes, scope and contact forms take names "
             "(several separated by commas). --goal may be repeated; each adds one goal."));
}

/* Applies "--field value" and "--field=value" pairs from argv; nothing is
 * changed on @programme unless every pair is valid. */
static gboolean
apply_fields (PwProgramme  *programme,
              int           argc,
              char        **argv,
              GError      **error)
{
  g_autoptr(PwProgramme) scratch = pw_programme_copy_setup (programme);
  g_autoptr(GStrvBuilder) goals = NULL;
  const char * const *fields = pw_programme_list_fields ();

  for (int i = 0; i < argc; i++)
    {
      g_autofree char *field = NULL;
      const char *value;
      const char *eq;

      if (!g_str_has_prefix (argv[i], "--") || argv[i][2] == '\0')
        {
          g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                       _("“%s” is not an option: fields are given as --FIELD VALUE."), argv[i]);
          return FALSE;
        }

      eq = strchr (argv[i], '=');
      if (eq != NULL)
        {
          field = g_strndup (argv[i] + 2, eq - argv[i] - 2);
          value = eq + 1;
        }
      else
        {
          field = g_strdup (argv[i] + 2);
          if (i + 1 >= argc)
            {
              g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("--%s needs a value."), field);
              return FALSE;
            }
          value = argv[++i];
        }

      if (g_str_equal (field, "goal"))
        {
          if (goals == NULL)
            goals = g_strv_builder_new ();
          if (value[0] != '\0')
            g_strv_builder_add (goals, value);
          continue;
        }

      if (!pw_programme_set_field_from_string (scratch, field, value, error))
        {
          g_prefix_error (error, "--%s: ", field);
          return FALSE;
        }
    }

  if (goals != NULL)
    {
      g_auto(GStrv) list = g_strv_builder_end (goals);
      pw_programme_set_goals (scratch, (const char * const *)list);
    }

  if (!pw_programme_validate (scratch, error))
    return FALSE;

  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      g_object_get_property (G_OBJECT (scratch), fields[i], &value);
      g_object_set_property (G_OBJECT (programme), fields[i], &value);
    }

  return TRUE;
}

static const char *
kind_label (PwProgrammeKind kind)
{
  switch (kind)
    {
    case PW_PROGRAMME_KIND_REVERSE:
      return _("Reverse mentoring");
    case PW_PROGRAMME_KIND_TRADITIONAL:
      return _("Traditional mentoring");
    case PW_PROGRAMME_KIND_PEER:
      return _("Peer mentoring");
    default:
      g_assert_not_reached ();
    }
}

static void
print_programme (PwProgramme *programme)
{
  g_autoptr(JsonNode) node = pw_programme_to_json (programme);
  JsonObject *object = json_node_get_object (node);
  g_autoptr(GList) members = json_object_get_members (object);

  for (const GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *member = json_object_get_member (object, l->data);
      g_autofree char *label = g_strdelimit (g_strdup (l->data), "_", '-');

      if (JSON_NODE_HOLDS_ARRAY (member))
        {
          JsonArray *array = json_node_get_array (member);
          gboolean is_goals = g_str_equal (l->data, "goals");

          printf ("%s:", label);
          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              const char *item = json_array_get_string_element (array, i);

              if (is_goals)
                printf ("\n  - %s", item);
              else
                printf ("%s%s", i ? ", " : " ", item);
            }
          printf ("\n");
        }
      else if (json_node_get_value_type (member) == G_TYPE_STRING)
        {
          const char *text = json_node_get_string (member);

          if (strchr (text, '\n') != NULL)
            {
              g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
              printf ("%s:\n", label);
              for (guint i = 0; lines[i] != NULL; i++)
                printf ("  %s\n", lines[i]);
            }
          else
            printf ("%s: %s\n", label, text);
        }
      else if (json_node_get_value_type (member) == G_TYPE_BOOLEAN)
        printf ("%s: %s\n", label, json_node_get_boolean (member) ? "true" : "false");
      else
        printf ("%s: %" G_GINT64_FORMAT "\n", label, json_node_get_int (member));
    }
}

static int
programme_list (PwCliContext *ctx,
                PwStore      *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = pw_programme_repo_list (store, &error);
  guint n;

  if (list == NULL)
    return pw_cli_fail ("%s", error->message);

  n = g_list_model_get_n_items (list);

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PwProgramme) programme = g_list_model_get_item (list, i);
          json_array_add_element (array, pw_programme_to_json (programme));
        }
      json_node_take_array (root, array);
      pw_cli_print_json (root);
      return PW_CLI_EXIT_OK;
    }

  if (n == 0)
    {
      printf ("%s\n", _("No programs yet. Create one with “pairwise-cli programme create --name NAME”."));
      return PW_CLI_EXIT_OK;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwProgramme) programme = g_list_model_get_item (list, i);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s – %s\n",
              pw_programme_get_id (programme),
              pw_programme_get_name (programme),
              kind_label (pw_programme_get_kind (programme)),
              pw_programme_get_start_date (programme),
              pw_programme_get_end_date (programme));
    }

  return PW_CLI_EXIT_OK;
}

typedef enum { REPORT_SHOW, REPORT_CREATED, REPORT_UPDATED } ReportKind;

static int
report_programme (PwCliContext *ctx,
                  PwProgramme  *programme,
                  ReportKind    kind)
{
  gint64 id = pw_programme_get_id (programme);
  const char *name = pw_programme_get_name (programme);

  if (ctx->json)
    {
      g_autoptr(JsonNode) node = pw_programme_to_json (programme);
      pw_cli_print_json (node);
    }
  else if (kind == REPORT_CREATED)
    /* Translators: the new program's ID and name */
    printf (_("Created program %lld “%s”.\n"), (long long)id, name);
  else if (kind == REPORT_UPDATED)
    printf (_("Updated program %lld “%s”.\n"), (long long)id, name);
  else
    print_programme (programme);

  return PW_CLI_EXIT_OK;
}

static int
programme_create (PwCliContext  *ctx,
                  PwStore       *store,
                  int            argc,
                  char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwProgramme) programme = pw_programme_new (NULL);
  gboolean named = FALSE;

  for (int i = 0; i < argc; i++)
    if (g_str_equal (argv[i], "--name") || g_str_has_prefix (argv[i], "--name="))
      named = TRUE;

  if (!named)
    return pw_cli_usage_error (_("programme create: --name is required, e.g. --name \"Thinking Partners 2027\"."));

  if (!apply_fields (programme, argc, argv, &error))
    return pw_cli_fail ("programme create: %s", error->message);

  if (!pw_programme_repo_insert (store, programme, &error))
    return pw_cli_fail ("programme create: %s", error->message);

  return report_programme (ctx, programme, REPORT_CREATED);
}

static PwProgramme *
load_by_id_arg (PwStore    *store,
                const char *verb,
                int         argc,
                char      **argv)
{
  g_autoptr(GError) error = NULL;
  PwProgramme *programme;
  gint64 id = 0;

  if (argc < 1 || !pw_cli_parse_id (argv[0], &id))
    {
      pw_cli_usage_error (_("programme %s: give the program’s ID (a number), e.g. "
                            "“pairwise-cli programme %s 1”."),
                          verb, verb);
      return NULL;
    }

  programme = pw_programme_repo_get (store, id, &error);
  if (programme == NULL)
    pw_cli_fail ("programme %s: %s", verb, error->message);

  return programme;
}

static int
programme_update (PwCliContext  *ctx,
                  PwStore       *store,
                  int            argc,
                  char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwProgramme) programme = load_by_id_arg (store, "update", argc, argv);

  if (programme == NULL)
    return PW_CLI_EXIT_FAILED;

  if (argc < 2)
    return pw_cli_usage_error (_("programme update: say what to change, e.g. --meeting-minutes 60."));

  if (!apply_fields (programme, argc - 1, argv + 1, &error))
    return pw_cli_fail ("programme update: %s", error->message);

  if (!pw_programme_repo_update (store, programme, &error))
    return pw_cli_fail ("programme update: %s", error->message);

  return report_programme (ctx, programme, REPORT_UPDATED);
}

static int
programme_delete (PwCliContext  *ctx,
                  PwStore       *store,
                  int            argc,
                  char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwProgramme) programme = load_by_id_arg (store, "delete", argc, argv);

  if (programme == NULL)
    return PW_CLI_EXIT_FAILED;

  if (!pw_programme_repo_delete (store, pw_programme_get_id (programme), &error))
    return pw_cli_fail ("programme delete: %s", error->message);

  if (!ctx->json)
    printf (_("Deleted program %lld “%s”.\n"),
            (long long)pw_programme_get_id (programme), pw_programme_get_name (programme));
  else
    {
      g_autoptr(JsonNode) node = pw_programme_to_json (programme);
      pw_cli_print_json (node);
    }

  return PW_CLI_EXIT_OK;
}

int
pw_cli_programme (PwCliContext  *ctx,
                  int            argc,
                  char         **argv)
{
  g_autoptr(PwStore) store = NULL;
  const char *sub;

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_programme_help (argc < 2 ? stderr : stdout);
      return argc < 2 ? PW_CLI_EXIT_USAGE : PW_CLI_EXIT_OK;
    }

  sub = argv[1];
  if (!g_strv_contains ((const char *[]){ "list", "create", "show", "update", "delete", "sample", NULL }, sub))
    return pw_cli_usage_error (_("programme: “%s” is not a subcommand; use list, create, show, "
                                 "update, delete or sample."), sub);

  store = pw_cli_open_store (ctx);
  if (store == NULL)
    return PW_CLI_EXIT_FAILED;

  if (g_str_equal (sub, "list"))
    return programme_list (ctx, store);
  if (g_str_equal (sub, "create"))
    return programme_create (ctx, store, argc - 2, argv + 2);
  if (g_str_equal (sub, "update"))
    return programme_update (ctx, store, argc - 2, argv + 2);
  if (g_str_equal (sub, "delete"))
    return programme_delete (ctx, store, argc - 2, argv + 2);
  if (g_str_equal (sub, "sample"))
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PwProgramme) programme = NULL;
      gint64 id = pw_sample_create (store, &error);

      if (id == 0)
        return pw_cli_fail ("programme sample: %s", error->message);
      programme = pw_programme_repo_get (store, id, &error);
      if (programme == NULL)
        return pw_cli_fail ("programme sample: %s", error->message);
      return report_programme (ctx, programme, REPORT_CREATED);
    }

  {
    g_autoptr(PwProgramme) programme = load_by_id_arg (store, "show", argc - 2, argv + 2);

    if (programme == NULL)
      return PW_CLI_EXIT_FAILED;

    return report_programme (ctx, programme, REPORT_SHOW);
  }
}
