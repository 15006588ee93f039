/* pw-cli-workspace.c — pairwise-cli workspace: a pair's agreement, plan,
 * diary, worksheets, signs of dependency and closing
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-cli"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pw-cli.h"
#include "pw-enums.h"
#include "pw-record-private.h"
#include "pw-workspace.h"

/* What every subcommand takes: --pair ID, --set FIELD=VALUE…, and the
 * options listed in @options (each takes a value) or @switches. */
typedef struct
{
  gint64      pair_id;
  GPtrArray  *sets;      /* "FIELD=VALUE" */
  GHashTable *options;   /* name → value */
  GHashTable *switches;  /* name → name */
} Args;

static void
args_clear (Args *args)
{
  g_clear_pointer (&args->sets, g_ptr_array_unref);
  g_clear_pointer (&args->options, g_hash_table_unref);
  g_clear_pointer (&args->switches, g_hash_table_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Args, args_clear)

static int
parse_args (const char         *verb,
            int                 argc,
            char              **argv,
            const char * const *options,
            const char * const *switches,
            Args               *args)
{
  args->sets = g_ptr_array_new ();
  args->options = g_hash_table_new (g_str_hash, g_str_equal);
  args->switches = g_hash_table_new (g_str_hash, g_str_equal);

  for (int i = 2; i < argc; i++)
    {
      char *arg = argv[i];

      if (g_str_equal (arg, "--pair") && i + 1 < argc)
        {
          if (!pw_cli_parse_id (argv[++i], &args->pair_id))
            return pw_cli_usage_error (_("workspace %s: --pair takes a pair ID (a number), not “%s”."),
                                       verb, argv[i]);
        }
      else if (g_str_equal (arg, "--set") && i + 1 < argc)
        {
          if (strchr (argv[i + 1], '=') == NULL)
            return pw_cli_usage_error (_("workspace %s: --set takes FIELD=VALUE, not “%s”."),
                                       verb, argv[i + 1]);
          g_ptr_array_add (args->sets, argv[++i]);
        }
      else if (g_str_has_prefix (arg, "--") && g_strv_contains (options, arg + 2) && i + 1 < argc)
        {
          g_hash_table_insert (args->options, arg + 2, argv[i + 1]);
          i++;
        }
      else if (g_str_has_prefix (arg, "--") && g_strv_contains (switches, arg + 2))
        g_hash_table_add (args->switches, arg + 2);
      else
        return pw_cli_usage_error (_("workspace %s: unexpected “%s”. Run “pairwise-cli workspace "
                                     "--help” for the options."), verb, arg);
    }

  if (args->pair_id == 0)
    return pw_cli_usage_error (_("workspace %s: say which pair with --pair ID "
                                 "(“pairwise-cli pairs list” shows them)."), verb);

  return PW_CLI_EXIT_OK;
}

static const char *
option (Args       *args,
        const char *name)
{
  return g_hash_table_lookup (args->options, name);
}

static gboolean
has_switch (Args       *args,
            const char *name)
{
  return g_hash_table_contains (args->switches, name);
}

/* Applies every --set FIELD=VALUE to @object; FALSE with @error set. */
static gboolean
apply_sets (GObject            *object,
            const char * const *fields,
            Args               *args,
            GError            **error)
{
  for (guint i = 0; i < args->sets->len; i++)
    {
      g_auto(GStrv) kv = g_strsplit (g_ptr_array_index (args->sets, i), "=", 2);

      if (!pw_record_set_from_string (object, fields, kv[0], kv[1], error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
parse_side (const char  *text,
            gboolean     allow_both,
            PwSide      *out)
{
  if (g_strcmp0 (text, "mentee") == 0)
    *out = PW_SIDE_MENTEE;
  else if (g_strcmp0 (text, "mentor") == 0)
    *out = PW_SIDE_MENTOR;
  else if (allow_both && g_strcmp0 (text, "both") == 0)
    *out = PW_SIDE_BOTH;
  else
    return FALSE;

  return TRUE;
}

/* Ends the transaction around a command: commits only when @ok. */
static gboolean
commit_or_fail (PwStore   *store,
                gboolean   ok,
                GError   **error)
{
  if (!ok)
    {
      pw_store_rollback (store);
      return FALSE;
    }

  return pw_store_commit (store, error);
}

static JsonNode *
signals_to_json (GPtrArray *signals)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < signals->len; i++)
    {
      PwDependencySignal *signal = g_ptr_array_index (signals, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, pw_dependency_kind_to_string (signal->kind));
      json_builder_set_member_name (builder, "message");
      json_builder_add_string_value (builder, signal->message);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

/* workspace show */

static int
workspace_show (PwCliContext  *ctx,
                PwStore       *store,
                Args          *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) workspace = NULL;
  g_autoptr(PwAgreement) agreement = NULL;
  g_autoptr(GListModel) diary = NULL;
  g_autoptr(GListModel) goals = NULL;
  g_autoptr(GPtrArray) signals = NULL;
  g_autoptr(PwClosure) closure = NULL;
  gboolean with_diary = has_switch (args, "with-diary");
  PwProgress progress;

  workspace = pw_workspace_to_json (store, args->pair_id, with_diary, &error);
  if (workspace == NULL ||
      (agreement = pw_agreement_load (store, args->pair_id, &error)) == NULL ||
      (diary = pw_diary_list (store, args->pair_id, &error)) == NULL ||
      (goals = pw_action_plan_list_goals (store, args->pair_id, &error)) == NULL ||
      (signals = pw_workspace_dependency_signals (store, args->pair_id, &error)) == NULL ||
      (closure = pw_closure_load (store, args->pair_id, &error)) == NULL ||
      !pw_action_plan_progress (store, args->pair_id, &progress, &error))
    return pw_cli_fail ("workspace show: %s", error->message);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *state = pw_record_to_string (G_OBJECT (agreement), "state");

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "pair");
      json_builder_add_int_value (builder, args->pair_id);
      json_builder_set_member_name (builder, "agreement_state");
      json_builder_add_string_value (builder, state);
      json_builder_set_member_name (builder, "progress");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "goals");
      json_builder_add_int_value (builder, progress.goals);
      json_builder_set_member_name (builder, "goals_achieved");
      json_builder_add_int_value (builder, progress.goals_achieved);
      json_builder_set_member_name (builder, "benchmarks");
      json_builder_add_int_value (builder, progress.benchmarks);
      json_builder_set_member_name (builder, "benchmarks_done");
      json_builder_add_int_value (builder, progress.benchmarks_done);
      json_builder_end_object (builder);
      json_builder_set_member_name (builder, "diary_entries");
      json_builder_add_int_value (builder, g_list_model_get_n_items (diary));
      json_builder_set_member_name (builder, "includes_diaries");
      json_builder_add_boolean_value (builder, with_diary);
      json_builder_set_member_name (builder, "signals");
      json_builder_add_value (builder, signals_to_json (signals));
      json_builder_set_member_name (builder, "workspace");
      json_builder_add_value (builder, g_steal_pointer (&workspace));
      json_builder_end_object (builder);

      root = json_builder_get_root (builder);
      pw_cli_print_json (root);
      return PW_CLI_EXIT_OK;
    }

  {
    g_autofree char *text = pw_agreement_to_text (agreement);
    g_autofree char *state = pw_record_to_string (G_OBJECT (agreement), "state");

    printf (_("Pair %lld\n\n"), (long long)args->pair_id);
    printf ("%s", text);
    printf (_("State: %s%s\n\n"), state, pw_agreement_get_saved (agreement) ? "" : _(" (not saved yet)"));
  }

  printf (_("Action plan: %u of %u goals achieved; %u of %u benchmarks done\n"),
          progress.goals_achieved, progress.goals, progress.benchmarks_done, progress.benchmarks);
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(PwGoal) goal = g_list_model_get_item (goals, i);

      printf ("  [%s] %lld  %s\n", pw_goal_get_achieved (goal) ? "x" : " ",
              (long long)pw_goal_get_id (goal), pw_goal_get_title (goal));
    }

  printf ("\n%s\n", _("Worksheets:"));
  for (PwWorksheetKind kind = PW_WORKSHEET_GROW; kind <= PW_WORKSHEET_FORCE_FIELD; kind++)
    {
      g_autoptr(GListModel) versions = pw_worksheet_list_versions (store, args->pair_id, kind, NULL);
      guint n = versions ? g_list_model_get_n_items (versions) : 0;

      printf (g_dngettext (GETTEXT_PACKAGE, "  %-12s %u version\n", "  %-12s %u versions\n", n),
              pw_worksheet_kind_to_string (kind), n);
    }

  printf ("\n");
  if (with_diary)
    printf (g_dngettext (GETTEXT_PACKAGE, "Diary: %u entry (shown with “workspace diary”)\n",
                         "Diary: %u entries (shown with “workspace diary”)\n",
                         g_list_model_get_n_items (diary)),
            g_list_model_get_n_items (diary));
  else
    printf (g_dngettext (GETTEXT_PACKAGE, "Diary: %u entry, private to the pair\n",
                         "Diary: %u entries, private to the pair\n",
                         g_list_model_get_n_items (diary)),
            g_list_model_get_n_items (diary));

  printf (g_dngettext (GETTEXT_PACKAGE, "Signs of dependency: %u\n", "Signs of dependency: %u\n",
                       signals->len), signals->len);
  for (guint i = 0; i < signals->len; i++)
    printf ("  • %s\n", ((PwDependencySignal *)g_ptr_array_index (signals, i))->message);

  if (pw_closure_get_closed (closure)[0] != '\0')
    printf (_("Closed on %s\n"), pw_closure_get_closed (closure));

  return PW_CLI_EXIT_OK;
}

/* workspace worksheet */

static gboolean
add_force_from_string (PwWorksheet       *sheet,
                       PwForceDirection   direction,
                       const char        *text,
                       GError           **error)
{
  const char *colon = strrchr (text, ':');
  guint64 strength = 0;
  g_autofree char *description = NULL;

  if (colon == NULL ||
      !g_ascii_string_to_unsigned (colon + 1, 10, PW_FORCE_STRENGTH_MIN, PW_FORCE_STRENGTH_MAX,
                                   &strength, NULL))
    {
      g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                   _("%s: write the force as DESCRIPTION:STRENGTH with a strength from 1 to 5, "
                     "for example “Budget approved:4”, not “%s”."),
                   direction == PW_FORCE_FOR ? "for" : "against", text);
      return FALSE;
    }

  description = g_strndup (text, colon - text);
  pw_worksheet_add_force (sheet, direction, description, (int)strength);
  return TRUE;
}

static JsonNode *
worksheet_to_json (PwWorksheet *sheet)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "kind");
  json_builder_add_string_value (builder, pw_worksheet_kind_to_string (pw_worksheet_get_kind (sheet)));
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, pw_worksheet_get_version (sheet));
  json_builder_set_member_name (builder, "saved");
  json_builder_add_string_value (builder, pw_worksheet_get_saved (sheet));
  json_builder_set_member_name (builder, "content");
  json_builder_add_value (builder, pw_worksheet_content_to_json (sheet));
  if (pw_worksheet_get_kind (sheet) == PW_WORKSHEET_FORCE_FIELD)
    {
      json_builder_set_member_name (builder, "total_for");
      json_builder_add_int_value (builder, pw_worksheet_get_total (sheet, PW_FORCE_FOR));
      json_builder_set_member_name (builder, "total_against");
      json_builder_add_int_value (builder, pw_worksheet_get_total (sheet, PW_FORCE_AGAINST));
      json_builder_set_member_name (builder, "balance");
      json_builder_add_int_value (builder, pw_worksheet_get_balance (sheet));
    }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static int
workspace_worksheet (PwCliContext  *ctx,
                     PwStore       *store,
                     Args          *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwWorksheet) sheet = NULL;
  const char *kind_text = option (args, "kind");
  const char *version_text = option (args, "load-version");
  PwWorksheetKind kind;
  guint64 version = 0;

  if (kind_text == NULL || !pw_worksheet_kind_from_string (kind_text, &kind))
    return pw_cli_usage_error (_("workspace worksheet: say which with --kind grow, swot, sand or "
                                 "force-field."));
  if (version_text != NULL &&
      !g_ascii_string_to_unsigned (version_text, 10, 1, G_MAXINT, &version, NULL))
    return pw_cli_usage_error (_("workspace worksheet: --load-version takes a version number, not “%s”."),
                               version_text);
  if (version != 0 && args->sets->len > 0)
    return pw_cli_usage_error (_("workspace worksheet: an old version cannot be changed; --set "
                                 "saves a new version from the latest."));

  if (has_switch (args, "history"))
    {
      g_autoptr(GListModel) versions = pw_worksheet_list_versions (store, args->pair_id, kind, &error);

      if (versions == NULL)
        return pw_cli_fail ("workspace worksheet: %s", error->message);

      if (ctx->json)
        {
          g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
          g_autoptr(JsonArray) array = json_array_new ();

          for (guint i = 0; i < g_list_model_get_n_items (versions); i++)
            {
              g_autoptr(PwWorksheet) v = g_list_model_get_item (versions, i);
              json_array_add_element (array, worksheet_to_json (v));
            }
          json_node_set_array (root, array);
          pw_cli_print_json (root);
        }
      else
        for (guint i = 0; i < g_list_model_get_n_items (versions); i++)
          {
            g_autoptr(PwWorksheet) v = g_list_model_get_item (versions, i);
            printf ("%d\t%s\n", pw_worksheet_get_version (v), pw_worksheet_get_saved (v));
          }
      return PW_CLI_EXIT_OK;
    }

  sheet = pw_worksheet_load (store, args->pair_id, kind, (int)version, &error);
  if (sheet == NULL)
    return pw_cli_fail ("workspace worksheet: %s", error->message);

  if (args->sets->len > 0)
    {
      for (guint i = 0; i < args->sets->len; i++)
        {
          g_auto(GStrv) kv = g_strsplit (g_ptr_array_index (args->sets, i), "=", 2);
          gboolean ok = TRUE;

          if (kind == PW_WORKSHEET_FORCE_FIELD && g_str_equal (kv[0], "for"))
            ok = add_force_from_string (sheet, PW_FORCE_FOR, kv[1], &error);
          else if (kind == PW_WORKSHEET_FORCE_FIELD && g_str_equal (kv[0], "against"))
            ok = add_force_from_string (sheet, PW_FORCE_AGAINST, kv[1], &error);
          else if (pw_worksheet_has_field (sheet, kv[0]))
            pw_worksheet_set_field (sheet, kv[0], kv[1]);
          else
            {
              g_autofree char *known = g_strjoinv (", ", (char **)pw_worksheet_kind_get_fields (kind));

              return pw_cli_fail (_("workspace worksheet: “%s” is not a field of %s; the fields are "
                                    "%s%s."),
                                  kv[0], kind_text, known,
                                  kind == PW_WORKSHEET_FORCE_FIELD ? _(", for and against") : "");
            }
          if (!ok)
            return pw_cli_fail ("workspace worksheet: %s", error->message);
        }

      if (!pw_worksheet_save (store, sheet, &error))
        return pw_cli_fail ("workspace worksheet: %s", error->message);
    }

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = worksheet_to_json (sheet);
      pw_cli_print_json (root);
    }
  else
    {
      g_autofree char *text = pw_worksheet_to_text (sheet);
      fputs (text, stdout);
    }

  return PW_CLI_EXIT_OK;
}

/* workspace diary */

static int
workspace_diary (PwCliContext  *ctx,
                 PwStore       *store,
                 Args          *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) entries = NULL;
  const char * const *fields = pw_diary_entry_list_fields ();

  if (has_switch (args, "add"))
    {
      g_autoptr(PwDiaryEntry) entry = pw_diary_entry_new (args->pair_id, NULL);

      for (guint i = 0; fields[i] != NULL; i++)
        {
          const char *value = option (args, fields[i]);

          if (value != NULL &&
              !pw_record_set_from_string (G_OBJECT (entry), fields, fields[i], value, &error))
            return pw_cli_fail ("workspace diary: %s", error->message);
        }
      if (!apply_sets (G_OBJECT (entry), fields, args, &error) ||
          !pw_diary_entry_save (store, entry, &error))
        return pw_cli_fail ("workspace diary: %s", error->message);

      if (!ctx->json)
        printf (_("Added diary entry %lld for %s.\n"),
                (long long)pw_diary_entry_get_id (entry), pw_diary_entry_get_date (entry));
    }
  else if (g_hash_table_size (args->options) > 0 || args->sets->len > 0)
    return pw_cli_usage_error (_("workspace diary: the entry’s fields go with --add."));

  if (!has_switch (args, "add") || ctx->json)
    {
      /* Reading the diary is the coordinator's deliberate act: it is the
       * only way diary text leaves the database besides a bundle exported
       * with diaries. */
      entries = pw_diary_list (store, args->pair_id, &error);
      if (entries == NULL)
        return pw_cli_fail ("workspace diary: %s", error->message);

      if (ctx->json)
        {
          g_autoptr(JsonBuilder) builder = json_builder_new ();
          g_autoptr(JsonNode) root = NULL;

          json_builder_begin_array (builder);
          for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
            {
              g_autoptr(PwDiaryEntry) entry = g_list_model_get_item (entries, i);

              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "id");
              json_builder_add_int_value (builder, pw_diary_entry_get_id (entry));
              pw_record_add_json (G_OBJECT (entry), fields, builder);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          root = json_builder_get_root (builder);
          pw_cli_print_json (root);
        }
      else
        for (guint i = 0; i < g_list_model_get_n_items (entries); i++)
          {
            g_autoptr(PwDiaryEntry) entry = g_list_model_get_item (entries, i);

            printf ("%s  #%lld", pw_diary_entry_get_date (entry), (long long)pw_diary_entry_get_id (entry));
            if (pw_diary_entry_get_meeting_id (entry) != 0)
              printf (_("  (meeting %lld)"), (long long)pw_diary_entry_get_meeting_id (entry));
            printf ("\n  %s %s (%s)\n", _("Topics:"), pw_diary_entry_get_topics (entry),
                    pw_side_label (pw_diary_entry_get_raised_by (entry)));
            if (pw_diary_entry_get_reflections (entry)[0] != '\0')
              printf ("  %s %s\n", _("Reflections:"), pw_diary_entry_get_reflections (entry));
            if (pw_diary_entry_get_actions (entry)[0] != '\0')
              printf ("  %s %s (%s)\n", _("Actions:"), pw_diary_entry_get_actions (entry),
                      pw_side_label (pw_diary_entry_get_actions_by (entry)));
          }
    }

  return PW_CLI_EXIT_OK;
}

/* workspace agreement */

static int
workspace_agreement (PwCliContext  *ctx,
                     PwStore       *store,
                     Args          *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwAgreement) agreement = NULL;
  const char *accept = option (args, "accept");
  const char *date = option (args, "date");
  PwSide side = PW_SIDE_MENTEE;

  if (accept != NULL && !parse_side (accept, FALSE, &side))
    return pw_cli_usage_error (_("workspace agreement: --accept takes mentee or mentor, not “%s”."),
                               accept);
  if (date != NULL && accept == NULL)
    return pw_cli_usage_error (_("workspace agreement: --date goes with --accept."));

  agreement = pw_agreement_load (store, args->pair_id, &error);
  if (agreement == NULL)
    return pw_cli_fail ("workspace agreement: %s", error->message);

  if (args->sets->len > 0 || accept != NULL)
    {
      if (!apply_sets (G_OBJECT (agreement), pw_agreement_list_fields (), args, &error) ||
          (accept != NULL && !pw_agreement_accept (agreement, side, date, &error)) ||
          !pw_agreement_save (store, agreement, &error))
        return pw_cli_fail ("workspace agreement: %s", error->message);
    }

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *state = pw_record_to_string (G_OBJECT (agreement), "state");

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "state");
      json_builder_add_string_value (builder, state);
      json_builder_set_member_name (builder, "saved");
      json_builder_add_boolean_value (builder, pw_agreement_get_saved (agreement));
      pw_record_add_json (G_OBJECT (agreement), pw_agreement_list_fields (), builder);
      json_builder_set_member_name (builder, "mentee_accepted");
      json_builder_add_string_value (builder, pw_agreement_get_accepted (agreement, PW_SIDE_MENTEE));
      json_builder_set_member_name (builder, "mentor_accepted");
      json_builder_add_string_value (builder, pw_agreement_get_accepted (agreement, PW_SIDE_MENTOR));
      json_builder_set_member_name (builder, "confidentiality_policy");
      json_builder_add_string_value (builder, pw_agreement_get_confidentiality_policy (agreement));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      pw_cli_print_json (root);
    }
  else
    {
      g_autofree char *text = pw_agreement_to_text (agreement);
      g_autofree char *state = pw_record_to_string (G_OBJECT (agreement), "state");

      fputs (text, stdout);
      printf (_("State: %s\n"), state);
    }

  return PW_CLI_EXIT_OK;
}

/* workspace signals */

static int
workspace_signals (PwCliContext  *ctx,
                   PwStore       *store,
                   Args          *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) signals = pw_workspace_dependency_signals (store, args->pair_id, &error);

  if (signals == NULL)
    return pw_cli_fail ("workspace signals: %s", error->message);

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = signals_to_json (signals);
      pw_cli_print_json (root);
    }
  else if (signals->len == 0)
    printf ("%s\n", _("No signs of dependency in the record."));
  else
    for (guint i = 0; i < signals->len; i++)
      {
        PwDependencySignal *signal = g_ptr_array_index (signals, i);
        printf ("%s: %s\n", pw_dependency_kind_to_string (signal->kind), signal->message);
      }

  return PW_CLI_EXIT_OK;
}

/* workspace plan */

static int
workspace_plan (PwCliContext  *ctx,
                PwStore       *store,
                Args          *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) goals = NULL;
  const char *add_goal = option (args, "add-goal");
  const char *goal_text = option (args, "goal");
  const char *add_benchmark = option (args, "add-benchmark");
  const char *benchmark_text = option (args, "benchmark");
  const char *status = option (args, "status");
  gint64 goal_id = 0, benchmark_id = 0;
  PwProgress progress;
  gboolean ok = TRUE;

  if ((goal_text && !pw_cli_parse_id (goal_text, &goal_id)) ||
      (benchmark_text && !pw_cli_parse_id (benchmark_text, &benchmark_id)))
    return pw_cli_usage_error (_("workspace plan: --goal and --benchmark take an ID (a number)."));
  if (add_benchmark != NULL && goal_id == 0)
    return pw_cli_usage_error (_("workspace plan: say which goal the benchmark is for with --goal ID."));
  if (status != NULL && benchmark_id == 0)
    return pw_cli_usage_error (_("workspace plan: say which benchmark with --benchmark ID."));

  if (!pw_store_begin (store, &error))
    return pw_cli_fail ("workspace plan: %s", error->message);

  if (add_goal != NULL || (goal_id != 0 && args->sets->len > 0))
    {
      g_autoptr(PwGoal) goal = NULL;

      if (add_goal != NULL)
        goal = pw_goal_new (args->pair_id, add_goal);
      else
        {
          g_autoptr(GListModel) all = pw_action_plan_list_goals (store, args->pair_id, &error);

          for (guint i = 0; all && i < g_list_model_get_n_items (all) && goal == NULL; i++)
            {
              g_autoptr(PwGoal) g = g_list_model_get_item (all, i);
              if (pw_goal_get_id (g) == goal_id)
                goal = g_steal_pointer (&g);
            }
          if (all != NULL && goal == NULL)
            g_set_error (&error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_NOT_FOUND,
                         _("Pair %lld has no goal %lld."), (long long)args->pair_id, (long long)goal_id);
        }

      ok = goal != NULL &&
           apply_sets (G_OBJECT (goal), pw_goal_list_fields (), args, &error) &&
           pw_goal_save (store, goal, &error);
      if (ok && add_goal != NULL)
        goal_id = pw_goal_get_id (goal);
    }

  if (ok && add_benchmark != NULL)
    {
      g_autoptr(PwBenchmark) benchmark = pw_benchmark_new (goal_id, add_benchmark, option (args, "due"));

      ok = pw_benchmark_save (store, benchmark, &error);
    }

  if (ok && status != NULL)
    {
      g_autoptr(GListModel) all = pw_action_plan_list_goals (store, args->pair_id, &error);
      g_autoptr(PwBenchmark) benchmark = NULL;

      for (guint i = 0; all && i < g_list_model_get_n_items (all) && benchmark == NULL; i++)
        {
          g_autoptr(PwGoal) g = g_list_model_get_item (all, i);
          g_autoptr(GListModel) marks = pw_action_plan_list_benchmarks (store, pw_goal_get_id (g), NULL);

          for (guint k = 0; marks && k < g_list_model_get_n_items (marks) && benchmark == NULL; k++)
            {
              g_autoptr(PwBenchmark) b = g_list_model_get_item (marks, k);
              if (pw_benchmark_get_id (b) == benchmark_id)
                benchmark = g_steal_pointer (&b);
            }
        }

      if (benchmark == NULL)
        {
          if (error == NULL)
            g_set_error (&error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_NOT_FOUND,
                         _("Pair %lld has no benchmark %lld."), (long long)args->pair_id,
                         (long long)benchmark_id);
          ok = FALSE;
        }
      else
        ok = pw_record_set_from_string (G_OBJECT (benchmark), pw_benchmark_list_fields (),
                                        "status", status, &error) &&
             pw_benchmark_save (store, benchmark, &error);
    }

  if (!commit_or_fail (store, ok, &error))
    return pw_cli_fail ("workspace plan: %s", error->message);

  goals = pw_action_plan_list_goals (store, args->pair_id, &error);
  if (goals == NULL || !pw_action_plan_progress (store, args->pair_id, &progress, &error))
    return pw_cli_fail ("workspace plan: %s", error->message);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "goals");
      json_builder_begin_array (builder);
      for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
        {
          g_autoptr(PwGoal) goal = g_list_model_get_item (goals, i);
          g_autoptr(GListModel) marks = pw_action_plan_list_benchmarks (store, pw_goal_get_id (goal), NULL);

          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "id");
          json_builder_add_int_value (builder, pw_goal_get_id (goal));
          pw_record_add_json (G_OBJECT (goal), pw_goal_list_fields (), builder);
          json_builder_set_member_name (builder, "benchmarks");
          json_builder_begin_array (builder);
          for (guint k = 0; marks && k < g_list_model_get_n_items (marks); k++)
            {
              g_autoptr(PwBenchmark) b = g_list_model_get_item (marks, k);

              json_builder_begin_object (builder);
              json_builder_set_member_name (builder, "id");
              json_builder_add_int_value (builder, pw_benchmark_get_id (b));
              pw_record_add_json (G_OBJECT (b), pw_benchmark_list_fields (), builder);
              json_builder_end_object (builder);
            }
          json_builder_end_array (builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_set_member_name (builder, "benchmarks_done");
      json_builder_add_int_value (builder, progress.benchmarks_done);
      json_builder_set_member_name (builder, "benchmarks");
      json_builder_add_int_value (builder, progress.benchmarks);
      json_builder_set_member_name (builder, "goals_achieved");
      json_builder_add_int_value (builder, progress.goals_achieved);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      pw_cli_print_json (root);
      return PW_CLI_EXIT_OK;
    }

  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(PwGoal) goal = g_list_model_get_item (goals, i);
      g_autoptr(GListModel) marks = pw_action_plan_list_benchmarks (store, pw_goal_get_id (goal), NULL);

      printf ("%lld  [%s] %s\n", (long long)pw_goal_get_id (goal),
              pw_goal_get_achieved (goal) ? "x" : " ", pw_goal_get_title (goal));
      for (guint k = 0; marks && k < g_list_model_get_n_items (marks); k++)
        {
          g_autoptr(PwBenchmark) b = g_list_model_get_item (marks, k);
          g_autofree char *st = pw_record_to_string (G_OBJECT (b), "status");

          printf ("    %lld  %-7s %s  %s\n", (long long)pw_benchmark_get_id (b), st,
                  pw_benchmark_get_due_date (b), pw_benchmark_get_description (b));
        }
    }
  printf (_("Progress: %u of %u benchmarks done, %u of %u goals achieved.\n"),
          progress.benchmarks_done, progress.benchmarks, progress.goals_achieved, progress.goals);

  return PW_CLI_EXIT_OK;
}

/* workspace close */

static int
workspace_close (PwCliContext  *ctx,
                 PwStore       *store,
                 Args          *args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwClosure) closure = pw_closure_load (store, args->pair_id, &error);
  const char *date = option (args, "date");
  g_auto(GStrv) missing = NULL;

  if (closure == NULL)
    return pw_cli_fail ("workspace close: %s", error->message);

  if (!apply_sets (G_OBJECT (closure), pw_closure_list_fields (), args, &error))
    return pw_cli_fail ("workspace close: %s", error->message);

  if (has_switch (args, "close"))
    {
      if (!pw_closure_close (store, closure, date, &error))
        return pw_cli_fail ("workspace close: %s", error->message);
    }
  else if (args->sets->len > 0 && !pw_closure_save (store, closure, &error))
    return pw_cli_fail ("workspace close: %s", error->message);

  if (ctx->json)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;

      json_builder_begin_object (builder);
      pw_record_add_json (G_OBJECT (closure), pw_closure_list_fields (), builder);
      json_builder_set_member_name (builder, "closed");
      json_builder_add_string_value (builder, pw_closure_get_closed (closure));
      json_builder_set_member_name (builder, "complete");
      json_builder_add_boolean_value (builder, pw_closure_get_complete (closure));
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      pw_cli_print_json (root);
      return PW_CLI_EXIT_OK;
    }

  missing = pw_closure_list_missing (closure);
  if (pw_closure_get_closed (closure)[0] != '\0')
    printf (_("Closed on %s.\n"), pw_closure_get_closed (closure));
  else if (missing[0] == NULL)
    printf ("%s\n", _("The checklist is complete; close with --close."));
  else
    for (guint i = 0; missing[i] != NULL; i++)
      printf (_("Still to do: %s\n"), missing[i]);

  return PW_CLI_EXIT_OK;
}

static void
print_workspace_help (FILE *out)
{
  fprintf (out, "%s\n", _("Usage:"));
  fprintf (out, "  pairwise-cli workspace show --pair ID [--with-diary] [--json]\n");
  fprintf (out, "  pairwise-cli workspace agreement --pair ID [--set FIELD=VALUE …] "
                "[--accept mentee|mentor [--date YYYY-MM-DD]]\n");
  fprintf (out, "  pairwise-cli workspace plan --pair ID [--add-goal TITLE] [--goal ID] "
                "[--set FIELD=VALUE …] [--add-benchmark TEXT [--due DATE]] "
                "[--benchmark ID --status open|done|dropped]\n");
  fprintf (out, "  pairwise-cli workspace diary --pair ID [--add [--date D] [--topics T] "
                "[--reflections R] [--actions A] [--raised-by mentee|mentor|both] "
                "[--actions-by mentee|mentor|both] [--meeting-id N]]\n");
  fprintf (out, "  pairwise-cli workspace worksheet --pair ID --kind grow|swot|sand|force-field "
                "[--set FIELD=VALUE …] [--history] [--load-version N]\n");
  fprintf (out, "  pairwise-cli workspace signals --pair ID\n");
  fprintf (out, "  pairwise-cli workspace close --pair ID [--set FIELD=VALUE …] [--close [--date D]]\n\n");
  fprintf (out, "%s\n", _("The diary is private to the pair: “show” leaves it out unless "
                          "--with-diary is given. Editing the agreement clears both acceptances. "
                          "Each worksheet save is a new version; force-field forces are added "
                          "with --set for=TEXT:STRENGTH and --set against=TEXT:STRENGTH (1–5)."));
}

int
pw_cli_workspace (PwCliContext  *ctx,
                  int            argc,
                  char         **argv)
{
  static const struct
  {
    const char *verb;
    int (*func) (PwCliContext *, PwStore *, Args *);
    const char * const options[12];
    const char * const switches[3];
  } verbs[] = {
    { "show", workspace_show, { NULL }, { "with-diary", NULL } },
    { "agreement", workspace_agreement, { "accept", "date", NULL }, { NULL } },
    { "plan", workspace_plan, { "add-goal", "goal", "add-benchmark", "due", "benchmark", "status", NULL },
      { NULL } },
    { "diary", workspace_diary,
      { "date", "meeting-id", "topics", "reflections", "actions", "raised-by", "actions-by", NULL },
      { "add", NULL } },
    { "worksheet", workspace_worksheet, { "kind", "load-version", NULL }, { "history", NULL } },
    { "signals", workspace_signals, { NULL }, { NULL } },
    { "close", workspace_close, { "date", NULL }, { "close", NULL } },
  };
  const char *verb = argc > 1 ? argv[1] : NULL;

  if (verb == NULL || g_str_equal (verb, "--help") || g_str_equal (verb, "-h"))
    {
      print_workspace_help (verb ? stdout : stderr);
      return verb ? PW_CLI_EXIT_OK : PW_CLI_EXIT_USAGE;
    }

  for (guint v = 0; v < G_N_ELEMENTS (verbs); v++)
    if (g_str_equal (verb, verbs[v].verb))
      {
        g_auto(Args) args = { 0 };
        g_autoptr(PwStore) store = NULL;
        int status;

        status = parse_args (verb, argc, argv, verbs[v].options, verbs[v].switches, &args);
        if (status != PW_CLI_EXIT_OK)
          return status;

        store = pw_cli_open_store (ctx);
        if (store == NULL)
          return PW_CLI_EXIT_FAILED;

        return verbs[v].func (ctx, store, &args);
      }

  return pw_cli_usage_error (_("workspace: “%s” is not a subcommand; use show, agreement, plan, "
                               "diary, worksheet, signals or close."), verb);
}
