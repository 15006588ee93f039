/* pairwise-cli.c — the command-line tool: everything the app does in bulk
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-cli"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pw-cli.h"

static const PwCliCommand commands[] = {
  { "programme", "program", pw_cli_programme, N_("List, create, show, update and delete programs") },
  { "backup", NULL, pw_cli_backup, N_("Back up the database, list the backups, restore one") },
  { "bundle", NULL, pw_cli_bundle, N_("Export a program as one JSON file, or import one") },
  { "eligibility", NULL, pw_cli_eligibility, N_("Rules for who may be a mentee or a mentor, and the verdicts") },
  { "evaluation", NULL, pw_cli_evaluation, N_("Questionnaires, answer forms, importing answers, who has not answered") },
  { "grades", NULL, pw_cli_grades, N_("The organization’s grade scale") },
  { "match", NULL, pw_cli_match, N_("Propose pairs, with their explanations") },
  { "pairs", NULL, pw_cli_pairs, N_("List, approve, lock and end pairs") },
  { "people", NULL, pw_cli_people, N_("Import people from CSV; list, show and export them") },
  { "report", NULL, pw_cli_report, N_("The program report for leadership, as PDF or CSV") },
  { "schedule", NULL, pw_cli_schedule, N_("Plan meetings, log them, see who needs attention, export .ics") },
  { "solve", NULL, pw_cli_solve, N_("Solve a raw score matrix exactly") },
  { "workspace", NULL, pw_cli_workspace, N_("A pair’s agreement, plan, diary, worksheets and closing") },
};

static void
print_help (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: pairwise-cli [--db PATH] COMMAND … [--json]"));
  fprintf (out, "%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-12s %s\n", commands[i].name, _(commands[i].summary));
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  --db PATH    %s\n", _("The database to use (else $PAIRWISE_DB, else the default)"));
  fprintf (out, "  --json       %s\n", _("Print results as JSON"));
  fprintf (out, "  --version    %s\n", _("Print the version"));
  fprintf (out, "\n%s\n", _("Run “pairwise-cli COMMAND --help” for a command’s own help."));
}

int
pw_cli_fail (const char *format,
             ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "pairwise-cli: %s\n", message);
  return PW_CLI_EXIT_FAILED;
}

int
pw_cli_usage_error (const char *format,
                    ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  fprintf (stderr, "pairwise-cli: %s\n", message);
  return PW_CLI_EXIT_USAGE;
}

PwStore *
pw_cli_open_store (PwCliContext *ctx)
{
  g_autoptr(GError) error = NULL;
  PwStore *store = pw_store_open (ctx->db_path, &error);

  if (store == NULL)
    pw_cli_fail ("%s", error->message);

  return store;
}

void
pw_cli_print_json (JsonNode *node)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, node);
  text = json_generator_to_data (generator, NULL);
  fputs (text, stdout);
  fputc ('\n', stdout);
}

gboolean
pw_cli_parse_id (const char *text,
                 gint64     *out_id)
{
  guint64 id = 0;

  if (text == NULL ||
      !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &id, NULL))
    return FALSE;

  *out_id = (gint64)id;
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GPtrArray) rest = g_ptr_array_new ();
  g_autofree char *db_path = NULL;
  const char *cli_db = NULL;
  PwCliContext ctx = { 0 };
  gboolean want_help = FALSE;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PAIRWISE_LOCALEDIR") ? g_getenv ("PAIRWISE_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  /* Global options may stand anywhere; the rest goes to the command. */
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--db"))
        {
          if (i + 1 >= argc)
            return pw_cli_usage_error (_("--db needs a file name"));
          cli_db = argv[++i];
        }
      else if (g_str_has_prefix (argv[i], "--db="))
        cli_db = argv[i] + strlen ("--db=");
      else if (g_str_equal (argv[i], "--json"))
        ctx.json = TRUE;
      else if (g_str_equal (argv[i], "--version"))
        {
          printf ("pairwise-cli %s\n", PACKAGE_VERSION);
          return PW_CLI_EXIT_OK;
        }
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          if (rest->len == 0)
            {
              print_help (stdout);
              return PW_CLI_EXIT_OK;
            }
          want_help = TRUE;
        }
      else
        g_ptr_array_add (rest, argv[i]);
    }

  /* "--help" anywhere after a command asks for that command's help, and
   * nothing else happens: "grades set --help" must not set a grade. */
  if (want_help)
    g_ptr_array_set_size (rest, 1);

  if (rest->len == 0)
    {
      print_help (stderr);
      return PW_CLI_EXIT_USAGE;
    }

  db_path = pw_store_resolve_path (cli_db);
  ctx.db_path = db_path;
  g_ptr_array_add (rest, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      const char *name = g_ptr_array_index (rest, 0);

      if (g_str_equal (name, commands[i].name) ||
          (commands[i].alias != NULL && g_str_equal (name, commands[i].alias)))
        {
          if (want_help)
            {
              char *help_argv[] = { (char *)name, (char *)"--help", NULL };
              return commands[i].func (&ctx, 2, help_argv);
            }
          return commands[i].func (&ctx, rest->len - 1, (char **)rest->pdata);
        }
    }

  return pw_cli_usage_error (_("“%s” is not a command. Run “pairwise-cli --help” to see them."),
                             (const char *)g_ptr_array_index (rest, 0));
}
