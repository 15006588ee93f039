/* pw-cli-evaluation.c — pairwise-cli evaluation and report
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-cli"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pw-bundle.h"
#include "pw-cli.h"
#include "pw-evaluation.h"
#include "pw-report.h"

typedef struct
{
  const char *verb;
  gint64      programme_id;
  const char *slug;
  const char *output;
  const char *respondent;
  const char *format;
  const char *pdf;
  const char *csv;
  int         version;
  GPtrArray  *files;
} Options;

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n", _("Usage:"));
  fprintf (out, "  pairwise-cli evaluation list --programme ID [--json]\n");
  fprintf (out, "  pairwise-cli evaluation show --programme ID --questionnaire SLUG [--version N] [--json]\n");
  fprintf (out, "  pairwise-cli evaluation export --programme ID --questionnaire SLUG [--html|--csv] "
                "[--respondent EMAIL] -o FILE\n");
  fprintf (out, "  pairwise-cli evaluation import --programme ID FILE…\n");
  fprintf (out, "  pairwise-cli evaluation status --programme ID [--questionnaire SLUG] [--json]\n");
  fprintf (out, "\n%s\n", _("Questionnaires: mentor-midpoint, mentor-final, mentee-midpoint, mentee-final, programme."));
  fprintf (out, "%s\n", _("An answer file is the JSON a participant’s HTML form saves, or the CSV export filled in."));
}

static JsonNode *
questionnaire_to_json (PwQuestionnaire *q)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, pw_questionnaire_get_id (q));
  json_builder_set_member_name (b, "slug");
  json_builder_add_string_value (b, pw_questionnaire_get_slug (q));
  json_builder_set_member_name (b, "version");
  json_builder_add_int_value (b, pw_questionnaire_get_version (q));
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, pw_questionnaire_get_title (q));
  json_builder_set_member_name (b, "questions");
  json_builder_begin_array (b);
  for (guint i = 0; i < pw_questionnaire_get_n_questions (q); i++)
    {
      const PwQuestion *question = pw_questionnaire_get_question (q, i);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, question->key);
      json_builder_set_member_name (b, "text");
      json_builder_add_string_value (b, question->text);
      json_builder_set_member_name (b, "type");
      json_builder_add_string_value (b, pw_question_type_to_nick (question->type));
      json_builder_set_member_name (b, "criterion");
      json_builder_add_string_value (b, pw_eval_criterion_to_nick (question->criterion));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

static int
evaluation_list (PwCliContext *ctx,
                 PwStore      *store,
                 Options      *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = pw_evaluation_list_questionnaires (store, o->programme_id, &error);
  g_autoptr(JsonArray) array = json_array_new ();

  if (list == NULL)
    return pw_cli_fail ("evaluation list: %s", error->message);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PwQuestionnaire) q = g_list_model_get_item (list, i);

      if (ctx->json)
        json_array_add_element (array, questionnaire_to_json (q));
      else
        printf ("%s\t%s\t%d\t%u\n", pw_questionnaire_get_slug (q), pw_questionnaire_get_title (q),
                pw_questionnaire_get_version (q), pw_questionnaire_get_n_questions (q));
    }

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);

      json_node_set_array (root, array);
      pw_cli_print_json (root);
    }
  return PW_CLI_EXIT_OK;
}

static int
evaluation_show (PwCliContext *ctx,
                 PwStore      *store,
                 Options      *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwQuestionnaire) q = NULL;

  if (o->slug == NULL)
    return pw_cli_usage_error (_("evaluation show: say which questionnaire with --questionnaire SLUG."));

  q = pw_evaluation_get_questionnaire (store, o->programme_id, o->slug, o->version, &error);
  if (q == NULL)
    return pw_cli_fail ("evaluation show: %s", error->message);

  if (ctx->json)
    {
      g_autoptr(JsonNode) node = questionnaire_to_json (q);
      pw_cli_print_json (node);
      return PW_CLI_EXIT_OK;
    }

  printf (_("%s (version %d)\n"), pw_questionnaire_get_title (q), pw_questionnaire_get_version (q));
  for (guint i = 0; i < pw_questionnaire_get_n_questions (q); i++)
    {
      const PwQuestion *question = pw_questionnaire_get_question (q, i);

      printf ("%s\t%s\t%s\t%s\n", question->key, pw_question_type_to_nick (question->type),
              pw_eval_criterion_to_nick (question->criterion), question->text);
    }
  return PW_CLI_EXIT_OK;
}

static int
evaluation_export (PwCliContext *ctx,
                   PwStore      *store,
                   Options      *o)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  gboolean csv;

  if (o->slug == NULL)
    return pw_cli_usage_error (_("evaluation export: say which questionnaire with --questionnaire SLUG."));
  if (o->output == NULL)
    return pw_cli_usage_error (_("evaluation export: say where with -o FILE (.html or .csv)."));

  csv = o->format != NULL ? g_str_equal (o->format, "csv") : g_str_has_suffix (o->output, ".csv");
  if (csv && o->respondent != NULL)
    return pw_cli_usage_error (_("evaluation export: --respondent goes with --html only; the CSV has a row "
                                 "for everyone who has not answered."));

  if (csv)
    text = pw_evaluation_export_csv (store, o->programme_id, o->slug, &error);
  else
    text = pw_evaluation_export_html (store, o->programme_id, o->slug, o->respondent, &error);
  if (text == NULL)
    return pw_cli_fail ("evaluation export: %s", error->message);

  if (!pw_write_private_file (o->output, text, -1, &error))
    return pw_cli_fail ("evaluation export: %s", error->message);

  return PW_CLI_EXIT_OK;
}

static int
evaluation_import (PwCliContext *ctx,
                   PwStore      *store,
                   Options      *o)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (o->files->len == 0)
    return pw_cli_usage_error (_("evaluation import: name one answer file or more."));

  g_ptr_array_add (o->files, NULL);
  if (!pw_evaluation_import_files (store, o->programme_id, (const char * const *)o->files->pdata, &n, &error))
    return pw_cli_fail (_("evaluation import: %s Nothing was imported."), error->message);

  if (ctx->json)
    printf ("{ \"imported\" : %u }\n", n);
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "%u response imported.\n", "%u responses imported.\n", n), n);
  return PW_CLI_EXIT_OK;
}

static int
evaluation_status (PwCliContext *ctx,
                   PwStore      *store,
                   Options      *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = pw_evaluation_list_questionnaires (store, o->programme_id, &error);
  g_autoptr(JsonBuilder) b = json_builder_new ();

  if (list == NULL)
    return pw_cli_fail ("evaluation status: %s", error->message);

  json_builder_begin_array (b);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(PwQuestionnaire) q = g_list_model_get_item (list, i);
      const char *slug = pw_questionnaire_get_slug (q);
      g_autoptr(GPtrArray) respondents = NULL;
      guint answered = 0;

      if (o->slug != NULL && !g_str_equal (o->slug, slug))
        continue;

      respondents = pw_evaluation_list_respondents (store, o->programme_id, slug, &error);
      if (respondents == NULL)
        return pw_cli_fail ("evaluation status: %s", error->message);
      for (guint j = 0; j < respondents->len; j++)
        answered += ((PwRespondent *)g_ptr_array_index (respondents, j))->response_id != 0;

      if (ctx->json)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "questionnaire");
          json_builder_add_string_value (b, slug);
          json_builder_set_member_name (b, "version");
          json_builder_add_int_value (b, pw_questionnaire_get_version (q));
          json_builder_set_member_name (b, "asked");
          json_builder_add_int_value (b, respondents->len);
          json_builder_set_member_name (b, "answered");
          json_builder_add_int_value (b, answered);
          json_builder_set_member_name (b, "not_answered");
          json_builder_begin_array (b);
        }
      else
        printf (_("%s: %u of %u answered\n"), pw_questionnaire_get_title (q), answered, respondents->len);

      for (guint j = 0; j < respondents->len; j++)
        {
          PwRespondent *r = g_ptr_array_index (respondents, j);

          if (r->response_id != 0)
            continue;
          if (ctx->json)
            {
              json_builder_begin_object (b);
              json_builder_set_member_name (b, "name");
              json_builder_add_string_value (b, r->name);
              json_builder_set_member_name (b, "email");
              json_builder_add_string_value (b, r->email);
              json_builder_set_member_name (b, "about");
              json_builder_add_string_value (b, r->subject_email ? r->subject_email : "");
              json_builder_end_object (b);
            }
          else if (r->subject_name != NULL)
            printf (_("  not answered: %s <%s>, about %s\n"), r->name, r->email, r->subject_name);
          else
            printf (_("  not answered: %s <%s>\n"), r->name, r->email);
        }

      if (ctx->json)
        {
          json_builder_end_array (b);
          json_builder_end_object (b);
        }
    }
  json_builder_end_array (b);

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_builder_get_root (b);
      pw_cli_print_json (root);
    }
  return PW_CLI_EXIT_OK;
}

static gboolean
take_programme (const char *command,
                const char *value,
                gint64     *out)
{
  if (!pw_cli_parse_id (value, out))
    {
      pw_cli_fail (_("%s: --programme takes an ID (a number), not “%s”."), command, value ? value : "");
      return FALSE;
    }
  return TRUE;
}

int
pw_cli_evaluation (PwCliContext  *ctx,
                   int            argc,
                   char         **argv)
{
  g_autoptr(PwStore) store = NULL;
  g_autoptr(GPtrArray) files = g_ptr_array_new ();
  static const char * const verbs[] = { "list", "show", "export", "import", "status", NULL };
  Options o = { 0 };

  o.verb = argc > 1 ? argv[1] : NULL;
  o.files = files;

  if (o.verb == NULL || g_str_equal (o.verb, "--help") || g_str_equal (o.verb, "-h"))
    {
      print_usage (o.verb ? stdout : stderr);
      return o.verb ? PW_CLI_EXIT_OK : PW_CLI_EXIT_USAGE;
    }
  if (!g_strv_contains (verbs, o.verb))
    return pw_cli_usage_error (_("evaluation: “%s” is not a subcommand; use list, show, export, import or status."),
                               o.verb);

  for (int i = 2; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;

      if (g_str_equal (arg, "--programme") || g_str_equal (arg, "--program"))
        {
          if (!take_programme ("evaluation", value, &o.programme_id))
            return PW_CLI_EXIT_FAILED;
          i++;
        }
      else if ((g_str_equal (arg, "--questionnaire") || g_str_equal (arg, "-q")) && value != NULL)
        o.slug = argv[++i];
      else if ((g_str_equal (arg, "-o") || g_str_equal (arg, "--output")) && value != NULL)
        o.output = argv[++i];
      else if (g_str_equal (arg, "--respondent") && value != NULL)
        o.respondent = argv[++i];
      else if (g_str_equal (arg, "--version") && value != NULL)
        {
          guint64 v;

          if (!g_ascii_string_to_unsigned (value, 10, 1, G_MAXINT, &v, NULL))
            return pw_cli_fail (_("evaluation: --version takes a version number, not “%s”."), value);
          o.version = (int)v;
          i++;
        }
      else if (g_str_equal (arg, "--html"))
        o.format = "html";
      else if (g_str_equal (arg, "--csv"))
        o.format = "csv";
      else if (g_str_equal (o.verb, "import") && arg[0] != '-')
        g_ptr_array_add (files, (gpointer)arg);
      else
        return pw_cli_usage_error (_("evaluation %s: unexpected “%s”. Run “pairwise-cli evaluation --help”."),
                                   o.verb, arg);
    }

  if (o.programme_id == 0)
    return pw_cli_usage_error (_("evaluation %s: say which program with --programme ID."), o.verb);
  if (o.slug != NULL && !pw_questionnaire_slug_valid (o.slug))
    return pw_cli_fail (_("evaluation %s: “%s” is not a questionnaire; use mentor-midpoint, mentor-final, "
                          "mentee-midpoint, mentee-final or programme."), o.verb, o.slug);

  store = pw_cli_open_store (ctx);
  if (store == NULL)
    return PW_CLI_EXIT_FAILED;

  if (g_str_equal (o.verb, "list"))
    return evaluation_list (ctx, store, &o);
  if (g_str_equal (o.verb, "show"))
    return evaluation_show (ctx, store, &o);
  if (g_str_equal (o.verb, "export"))
    return evaluation_export (ctx, store, &o);
  if (g_str_equal (o.verb, "import"))
    return evaluation_import (ctx, store, &o);
  return evaluation_status (ctx, store, &o);
}

int
pw_cli_report (PwCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(PwStore) store = NULL;
  g_autoptr(GError) error = NULL;
  Options o = { 0 };
  guint pages = 0;

  for (int i = 1; i < argc; i++)
    {
      const char *arg = argv[i];
      const char *value = i + 1 < argc ? argv[i + 1] : NULL;

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          printf ("%s\n  pairwise-cli report --programme ID --pdf FILE | --csv FILE\n", _("Usage:"));
          return PW_CLI_EXIT_OK;
        }
      if (g_str_equal (arg, "--programme") || g_str_equal (arg, "--program"))
        {
          if (!take_programme ("report", value, &o.programme_id))
            return PW_CLI_EXIT_FAILED;
          i++;
        }
      else if (g_str_equal (arg, "--pdf") && value != NULL)
        o.pdf = argv[++i];
      else if (g_str_equal (arg, "--csv") && value != NULL)
        o.csv = argv[++i];
      else
        return pw_cli_usage_error (_("report: unexpected “%s”. Run “pairwise-cli report --help”."), arg);
    }

  if (o.programme_id == 0)
    return pw_cli_usage_error (_("report: say which program with --programme ID."));
  if ((o.pdf == NULL) == (o.csv == NULL))
    return pw_cli_usage_error (_("report: give either --pdf FILE or --csv FILE."));

  store = pw_cli_open_store (ctx);
  if (store == NULL)
    return PW_CLI_EXIT_FAILED;

  if (!pw_report_export (store, o.programme_id, o.pdf ? PW_REPORT_PDF : PW_REPORT_CSV,
                         o.pdf ? o.pdf : o.csv, &pages, &error))
    return pw_cli_fail ("report: %s", error->message);

  if (ctx->json)
    printf ("{ \"file\" : \"%s\", \"pages\" : %u }\n", o.pdf ? "pdf" : "csv", pages);
  else if (o.pdf)
    printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %s: %u page.\n", "Wrote %s: %u pages.\n", pages), o.pdf, pages);
  else
    printf (_("Wrote %s.\n"), o.csv);
  return PW_CLI_EXIT_OK;
}
