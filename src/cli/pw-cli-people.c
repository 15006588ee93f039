/* pw-cli-people.c — pairwise-cli people import|list|show|export
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-cli"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pw-bundle.h"
#include "pw-cli.h"
#include "pw-people-import.h"
#include "pw-person-private.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"

static void
print_people_help (FILE *out)
{
  fprintf (out, "%s\n", _("Usage:"));
  fprintf (out, "  pairwise-cli people import [--programme ID] FILE.csv [--map FIELD=COLUMN …]\n"
                "                             [--update | --skip-existing] [--dry-run] [--json]\n");
  fprintf (out, "  pairwise-cli people list [--programme ID] [--json]\n");
  fprintf (out, "  pairwise-cli people show ID|EMAIL [--sensitive] [--json]\n");
  fprintf (out, "  pairwise-cli people export [--programme ID] [-o FILE] [--sensitive]\n");
  fprintf (out, "  pairwise-cli people erase ID|EMAIL --yes\n");
  fprintf (out, "  pairwise-cli people retention --months N [--erase --yes] [--json]\n\n");
  fprintf (out, "%s\n",
           _("import reads an HR export (CSV, UTF-8, comma or semicolon). Columns are matched to "
             "fields from their headers; --map FIELD=COLUMN sets or corrects one (COLUMN is a "
             "header or a number from 1; FIELD is one below, “manager” for the manager’s email "
             "or name, or “-” to ignore the column). People already in the directory (same "
             "email) are updated, or left as they are with --skip-existing. The whole file is "
             "checked first: any problem is printed as FILE:LINE:COLUMN: message and nothing "
             "is written."));
  fprintf (out, "\n%s\n", _("export writes the people as CSV that import reads back; the file is "
                            "readable by its owner only. Sensitive characteristics are left out "
                            "unless --sensitive is given."));
  fprintf (out, "\n%s\n", _("erase removes a person and their answers from the directory and every "
                            "program, for good; the pairs they were in stay as anonymous history. "
                            "retention lists the people whose programs all ended more than N months "
                            "ago; with --erase --yes it erases them."));
  fprintf (out, "\n%s\n  manager", _("Fields:"));
  for (const char * const *f = pw_person_list_fields (); *f != NULL; f++)
    fprintf (out, ", %s", *f);
  fprintf (out, "\n");
}

static gboolean
parse_programme (const char  *verb,
                 const char  *text,
                 gint64      *out_id)
{
  if (!pw_cli_parse_id (text, out_id))
    {
      pw_cli_usage_error (_("people %s: --programme takes a program ID (a number), not “%s”."),
                          verb, text ? text : "");
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_programme (PwStore *store,
                 gint64   programme_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwProgramme) programme = NULL;

  if (programme_id == 0)
    return TRUE;

  programme = pw_programme_repo_get (store, programme_id, &error);
  if (programme == NULL)
    {
      pw_cli_fail ("%s", error->message);
      return FALSE;
    }

  return TRUE;
}

static JsonNode *
person_json (PwPerson *person,
             gboolean  with_sensitive)
{
  JsonNode *node = pw_person_to_json (person, with_sensitive);
  JsonObject *object = json_node_get_object (node);

  json_object_set_int_member (object, "id", pw_person_get_id (person));
  if (pw_person_get_manager_id (person) != 0)
    json_object_set_int_member (object, "manager_id", pw_person_get_manager_id (person));

  return node;
}

static GListModel *
load_people (PwStore  *store,
             gint64    programme_id,
             GError  **error)
{
  if (programme_id != 0)
    return pw_person_repo_list_enrolled (store, programme_id, error);

  return pw_person_repo_list_all (store, error);
}

static int
people_import (PwCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(GPtrArray) maps = g_ptr_array_new ();
  g_autoptr(PwPeopleImport) import = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  PwPeopleImportExisting existing = PW_PEOPLE_IMPORT_UPDATE;
  PwPeopleImportSummary summary = { 0 };
  const char *path = NULL;
  gboolean dry_run = FALSE;
  gint64 programme_id = 0;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--programme") || g_str_equal (argv[i], "--program"))
        {
          if (!parse_programme ("import", i + 1 < argc ? argv[++i] : NULL, &programme_id))
            return PW_CLI_EXIT_USAGE;
        }
      else if (g_str_equal (argv[i], "--map"))
        {
          if (i + 1 >= argc || strchr (argv[i + 1], '=') == NULL)
            return pw_cli_usage_error (_("people import: --map takes FIELD=COLUMN, e.g. "
                                         "--map email=\"Work email\"."));
          g_ptr_array_add (maps, argv[++i]);
        }
      else if (g_str_has_prefix (argv[i], "--map="))
        g_ptr_array_add (maps, argv[i] + strlen ("--map="));
      else if (g_str_equal (argv[i], "--update"))
        existing = PW_PEOPLE_IMPORT_UPDATE;
      else if (g_str_equal (argv[i], "--skip-existing"))
        existing = PW_PEOPLE_IMPORT_SKIP;
      else if (g_str_equal (argv[i], "--dry-run"))
        dry_run = TRUE;
      else if (argv[i][0] == '-' && argv[i][1] != '\0')
        return pw_cli_usage_error (_("people import: unexpected “%s”."), argv[i]);
      else if (path == NULL)
        path = argv[i];
      else
        return pw_cli_usage_error (_("people import: give one CSV file, not “%s” as well."), argv[i]);
    }

  if (path == NULL)
    return pw_cli_usage_error (_("people import: give the CSV file to import, e.g. "
                                 "“pairwise-cli people import --programme 1 people.csv”."));

  /* Read and check the file before touching the database. */
  file = g_file_new_for_commandline_arg (path);
  {
    g_autoptr(GBytes) bytes = g_file_load_bytes (file, NULL, NULL, &error);
    g_autoptr(PwCsvTable) table = NULL;

    if (bytes == NULL)
      return pw_cli_fail ("%s: %s", path, error->message);

    table = pw_csv_parse_bytes (bytes, PW_CSV_SEPARATOR_AUTO, path, &error);
    if (table == NULL)
      {
        fprintf (stderr, "%s\n", error->message);
        return PW_CLI_EXIT_FAILED;
      }

    import = pw_people_import_new (table, path);
  }

  for (guint i = 0; i < maps->len; i++)
    {
      const char *spec = g_ptr_array_index (maps, i);
      const char *eq = strchr (spec, '=');
      g_autofree char *field = g_strndup (spec, eq - spec);
      int column = pw_people_import_find_column (import, eq + 1);

      if (column < 0)
        return pw_cli_usage_error (_("people import: --map %s: %s has no column “%s”; give a "
                                     "header from its first line or a column number."),
                                   spec, path, eq + 1);

      if (!pw_people_import_set_mapping (import, column,
                                         g_str_equal (field, "-") ? NULL : field, &error))
        return pw_cli_usage_error ("people import: --map %s: %s", spec, error->message);
    }

  pw_people_import_set_existing (import, existing);
  pw_people_import_set_programme_id (import, programme_id);
  pw_people_import_set_dry_run (import, dry_run);

  store = pw_cli_open_store (ctx);
  if (store == NULL)
    return PW_CLI_EXIT_FAILED;

  if (!pw_people_import_run (import, store, NULL, NULL, NULL, &summary, &error))
    {
      GPtrArray *problems = pw_people_import_get_problems (import);
      guint n_problems = pw_people_import_get_n_problems (import);

      if (!g_error_matches (error, PW_PEOPLE_IMPORT_ERROR, PW_PEOPLE_IMPORT_ERROR_INVALID))
        return pw_cli_fail ("%s", error->message);

      for (guint i = 0; i < problems->len; i++)
        {
          g_autofree char *line = pw_people_import_format_problem (import, problems->pdata[i]);
          fprintf (stderr, "%s\n", line);
        }
      if (n_problems > problems->len)
        fprintf (stderr,
                 g_dngettext (GETTEXT_PACKAGE,
                              "%s: %u more problem not shown; correct these and import again.\n",
                              "%s: %u more problems not shown; correct these and import again.\n",
                              n_problems - problems->len),
                 path, n_problems - problems->len);

      return PW_CLI_EXIT_FAILED;
    }

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "added");
      json_builder_add_int_value (builder, summary.added);
      json_builder_set_member_name (builder, "updated");
      json_builder_add_int_value (builder, summary.updated);
      json_builder_set_member_name (builder, "skipped");
      json_builder_add_int_value (builder, summary.skipped);
      json_builder_set_member_name (builder, "enrolled");
      json_builder_add_int_value (builder, summary.enrolled);
      json_builder_set_member_name (builder, "dry_run");
      json_builder_add_boolean_value (builder, dry_run);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      pw_cli_print_json (root);
    }
  else
    {
      /* Translators: the file, then counts of people */
      printf (dry_run ? _("%s can be imported: %u to add, %u to update, %u to skip, %u to enrol. "
                          "Nothing was written (--dry-run).\n")
                      : _("Imported %s: %u added, %u updated, %u skipped, %u enrolled.\n"),
              path, summary.added, summary.updated, summary.skipped, summary.enrolled);
    }

  return PW_CLI_EXIT_OK;
}

static int
people_list (PwCliContext  *ctx,
             int            argc,
             char         **argv)
{
  g_autoptr(PwStore) store = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  gint64 programme_id = 0;
  guint n;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--programme") || g_str_equal (argv[i], "--program"))
        {
          if (!parse_programme ("list", i + 1 < argc ? argv[++i] : NULL, &programme_id))
            return PW_CLI_EXIT_USAGE;
        }
      else
        return pw_cli_usage_error (_("people list: unexpected “%s”."), argv[i]);
    }

  store = pw_cli_open_store (ctx);
  if (store == NULL || !check_programme (store, programme_id))
    return PW_CLI_EXIT_FAILED;

  people = load_people (store, programme_id, &error);
  if (people == NULL)
    return pw_cli_fail ("%s", error->message);

  n = g_list_model_get_n_items (people);

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_sized_new (n);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PwPerson) person = g_list_model_get_item (people, i);
          json_array_add_element (array, person_json (person, FALSE));
        }
      json_node_take_array (root, array);
      pw_cli_print_json (root);
      return PW_CLI_EXIT_OK;
    }

  if (n == 0)
    {
      printf ("%s\n", _("Nobody yet. Import people with “pairwise-cli people import FILE.csv”."));
      return PW_CLI_EXIT_OK;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPerson) person = g_list_model_get_item (people, i);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%s\t%s\n",
              pw_person_get_id (person),
              pw_person_get_name (person),
              pw_person_get_email (person),
              pw_person_get_department (person),
              pw_person_get_job_title (person));
    }

  return PW_CLI_EXIT_OK;
}

/* A person named on the command line by ID or by email. */
static PwPerson *
find_person (PwStore     *store,
             const char  *who,
             GError     **error)
{
  gint64 id = 0;

  if (pw_cli_parse_id (who, &id))
    return pw_person_repo_get (store, id, error);

  return pw_person_repo_find_by_email (store, who, error);
}

static int
people_show (PwCliContext  *ctx,
             int            argc,
             char         **argv)
{
  g_autoptr(PwStore) store = NULL;
  g_autoptr(PwPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  gboolean with_sensitive = FALSE;
  const char *who = NULL;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--sensitive"))
        with_sensitive = TRUE;
      else if (who == NULL && argv[i][0] != '-')
        who = argv[i];
      else
        return pw_cli_usage_error (_("people show: unexpected “%s”."), argv[i]);
    }

  if (who == NULL)
    return pw_cli_usage_error (_("people show: give the person’s ID or email, e.g. "
                                 "“pairwise-cli people show ada@example.org”."));

  store = pw_cli_open_store (ctx);
  if (store == NULL)
    return PW_CLI_EXIT_FAILED;

  person = find_person (store, who, &error);

  if (person == NULL)
    return pw_cli_fail ("people show: %s", error->message);

  if (ctx->json)
    {
      g_autoptr(JsonNode) node = person_json (person, with_sensitive);
      pw_cli_print_json (node);
      return PW_CLI_EXIT_OK;
    }

  printf ("id: %" G_GINT64_FORMAT "\n", pw_person_get_id (person));
  if (pw_person_get_manager_id (person) != 0)
    {
      g_autoptr(PwPerson) manager = pw_person_repo_get (store, pw_person_get_manager_id (person), NULL);

      if (manager != NULL)
        printf ("manager: %s <%s>\n", pw_person_get_name (manager), pw_person_get_email (manager));
    }

  for (const char * const *f = pw_person_list_fields (); *f != NULL; f++)
    {
      g_autofree char *value = NULL;

      if (!with_sensitive && pw_person_field_is_sensitive (*f))
        continue;

      value = pw_person_get_field (person, *f);
      if (value[0] == '\0')
        continue;

      if (strchr (value, '\n') != NULL)
        {
          g_auto(GStrv) lines = g_strsplit (value, "\n", -1);

          printf ("%s:\n", *f);
          for (guint i = 0; lines[i] != NULL; i++)
            printf ("  %s\n", lines[i]);
        }
      else
        printf ("%s: %s\n", *f, value);
    }

  return PW_CLI_EXIT_OK;
}

static int
people_export (PwCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(PwStore) store = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean with_sensitive = FALSE;
  const char *output = NULL;
  gint64 programme_id = 0;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--programme") || g_str_equal (argv[i], "--program"))
        {
          if (!parse_programme ("export", i + 1 < argc ? argv[++i] : NULL, &programme_id))
            return PW_CLI_EXIT_USAGE;
        }
      else if ((g_str_equal (argv[i], "-o") || g_str_equal (argv[i], "--output")) && i + 1 < argc)
        output = argv[++i];
      else if (g_str_equal (argv[i], "--sensitive"))
        with_sensitive = TRUE;
      else
        return pw_cli_usage_error (_("people export: unexpected “%s”."), argv[i]);
    }

  store = pw_cli_open_store (ctx);
  if (store == NULL || !check_programme (store, programme_id))
    return PW_CLI_EXIT_FAILED;

  people = load_people (store, programme_id, &error);
  if (people == NULL)
    return pw_cli_fail ("%s", error->message);

  text = pw_people_export_csv_string (store, people, with_sensitive, &error);
  if (text == NULL)
    return pw_cli_fail ("people export: %s", error->message);

  if (output == NULL || g_str_equal (output, "-"))
    {
      fputs (text, stdout);
      return PW_CLI_EXIT_OK;
    }

  /* People's details: the file is readable by its owner only. */
  if (!pw_write_private_file (output, text, -1, &error))
    return pw_cli_fail ("%s: %s", output, error->message);

  if (!ctx->json)
    fprintf (stderr,
             with_sensitive
             ? g_dngettext (GETTEXT_PACKAGE, "Wrote %u person to %s, with sensitive characteristics.\n",
                            "Wrote %u people to %s, with sensitive characteristics.\n",
                            g_list_model_get_n_items (people))
             : g_dngettext (GETTEXT_PACKAGE, "Wrote %u person to %s, without sensitive characteristics.\n",
                            "Wrote %u people to %s, without sensitive characteristics.\n",
                            g_list_model_get_n_items (people)),
             g_list_model_get_n_items (people), output);

  return PW_CLI_EXIT_OK;
}

static int
people_erase (PwCliContext  *ctx,
              int            argc,
              char         **argv)
{
  g_autoptr(PwStore) store = NULL;
  g_autoptr(PwPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  const char *who = NULL;
  gboolean yes = FALSE;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--yes"))
        yes = TRUE;
      else if (who == NULL && argv[i][0] != '-')
        who = argv[i];
      else
        return pw_cli_usage_error (_("people erase: unexpected “%s”."), argv[i]);
    }

  if (who == NULL)
    return pw_cli_usage_error (_("people erase: give the person’s ID or email, e.g. "
                                 "“pairwise-cli people erase ada@example.org --yes”."));
  if (!yes)
    return pw_cli_usage_error (_("people erase: erasing cannot be undone; add --yes to confirm."));

  store = pw_cli_open_store (ctx);
  if (store == NULL)
    return PW_CLI_EXIT_FAILED;

  person = find_person (store, who, &error);

  if (person == NULL)
    return pw_cli_fail ("people erase: %s", error->message);

  name = g_strdup (pw_person_get_name (person));
  if (!pw_person_repo_erase (store, pw_person_get_id (person), &error))
    return pw_cli_fail ("people erase: %s", error->message);

  if (!ctx->json)
    printf (_("Erased %s from the directory and every program.\n"), name);

  return PW_CLI_EXIT_OK;
}

static int
people_retention (PwCliContext  *ctx,
                  int            argc,
                  char         **argv)
{
  g_autoptr(PwStore) store = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;
  gboolean erase = FALSE;
  gboolean yes = FALSE;
  guint64 months = 0;
  guint n;

  for (int i = 0; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--months"))
        {
          if (i + 1 >= argc ||
              !g_ascii_string_to_unsigned (argv[i + 1], 10, 1, 12000, &months, NULL))
            return pw_cli_usage_error (_("people retention: --months takes a number of months "
                                         "from 1, e.g. --months 24."));
          i++;
        }
      else if (g_str_equal (argv[i], "--erase"))
        erase = TRUE;
      else if (g_str_equal (argv[i], "--yes"))
        yes = TRUE;
      else
        return pw_cli_usage_error (_("people retention: unexpected “%s”."), argv[i]);
    }

  if (months == 0)
    return pw_cli_usage_error (_("people retention: give --months N, e.g. "
                                 "“pairwise-cli people retention --months 24”."));
  if (erase && !yes)
    return pw_cli_usage_error (_("people retention: erasing cannot be undone; add --yes to confirm."));

  store = pw_cli_open_store (ctx);
  if (store == NULL)
    return PW_CLI_EXIT_FAILED;

  people = pw_person_repo_list_retention (store, (guint)months, NULL, &error);
  if (people == NULL)
    return pw_cli_fail ("people retention: %s", error->message);

  n = g_list_model_get_n_items (people);
  for (guint i = 0; i < n && erase; i++)
    {
      g_autoptr(PwPerson) person = g_list_model_get_item (people, i);

      if (!pw_person_repo_erase (store, pw_person_get_id (person), &error))
        return pw_cli_fail (_("people retention: erased %u of %u people, then: %s"),
                            i, n, error->message);
    }

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();
      JsonArray *array = json_array_sized_new (n);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PwPerson) person = g_list_model_get_item (people, i);
          JsonObject *entry = json_object_new ();

          json_object_set_int_member (entry, "id", pw_person_get_id (person));
          json_object_set_string_member (entry, "name", pw_person_get_name (person));
          json_object_set_string_member (entry, "email", pw_person_get_email (person));
          json_array_add_object_element (array, entry);
        }
      json_object_set_int_member (object, "months", (gint64)months);
      json_object_set_boolean_member (object, "erased", erase);
      json_object_set_array_member (object, "people", array);
      json_node_take_object (root, object);
      pw_cli_print_json (root);
      return PW_CLI_EXIT_OK;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPerson) person = g_list_model_get_item (people, i);

      printf ("%" G_GINT64_FORMAT "\t%s\t%s\n", pw_person_get_id (person),
              pw_person_get_name (person), pw_person_get_email (person));
    }

  if (erase)
    printf (g_dngettext (GETTEXT_PACKAGE, "Erased %u person.\n", "Erased %u people.\n", n), n);
  else if (n == 0)
    printf (_("Nobody’s programs all ended more than %u months ago.\n"), (guint)months);
  else
    printf (g_dngettext (GETTEXT_PACKAGE,
                         "%u person’s programs all ended more than %u months ago. "
                         "Erase them with --erase --yes.\n",
                         "%u people’s programs all ended more than %u months ago. "
                         "Erase them with --erase --yes.\n", n),
            n, (guint)months);

  return PW_CLI_EXIT_OK;
}

int
pw_cli_people (PwCliContext  *ctx,
               int            argc,
               char         **argv)
{
  const char *sub;

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_people_help (argc < 2 ? stderr : stdout);
      return argc < 2 ? PW_CLI_EXIT_USAGE : PW_CLI_EXIT_OK;
    }

  sub = argv[1];
  if (g_str_equal (sub, "import"))
    return people_import (ctx, argc - 2, argv + 2);
  if (g_str_equal (sub, "list"))
    return people_list (ctx, argc - 2, argv + 2);
  if (g_str_equal (sub, "show"))
    return people_show (ctx, argc - 2, argv + 2);
  if (g_str_equal (sub, "export"))
    return people_export (ctx, argc - 2, argv + 2);
  if (g_str_equal (sub, "erase"))
    return people_erase (ctx, argc - 2, argv + 2);
  if (g_str_equal (sub, "retention"))
    return people_retention (ctx, argc - 2, argv + 2);

  return pw_cli_usage_error (_("people: “%s” is not a subcommand; use import, list, show, "
                               "export, erase or retention."), sub);
}
