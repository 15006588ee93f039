/* pw-cli-eligibility.c — pairwise-cli eligibility rules|check|override
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-cli"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pw-cli.h"
#include "pw-eligibility.h"
#include "pw-person-repo.h"

static void
print_eligibility_help (FILE *out)
{
  fprintf (out, "%s\n", _("Usage:"));
  fprintf (out, "  pairwise-cli eligibility rules --programme ID [--json]\n");
  fprintf (out, "  pairwise-cli eligibility rules --programme ID --add \"mentee: grade at-least Band 6\" [--group N]\n");
  fprintf (out, "  pairwise-cli eligibility rules --programme ID --remove RULE-ID\n");
  fprintf (out, "  pairwise-cli eligibility rules --programme ID --reverse-preset MENTOR-MAX MENTEE-MIN\n");
  fprintf (out, "  pairwise-cli eligibility check --programme ID [--json]\n");
  fprintf (out, "  pairwise-cli eligibility override --programme ID --person ID --as mentee|mentor "
                "--eligible yes|no --why TEXT\n");
  fprintf (out, "  pairwise-cli eligibility override --programme ID --person ID --as mentee|mentor --clear\n\n");
  fprintf (out, "%s\n", _("Rules: grade at-least|at-most G, grade between LOW..HIGH, department in|not-in A,B, "
                          "org-months|role-months at-least|at-most N, role-wanted in mentor,mentee,either, "
                          "topics-offered|topics-wanted any|all A,B, characteristic FIELD A,B, "
                          "hours at-least N, answered FIELD. Rules with the same --group form an "
                          "“any of” group."));
}

typedef struct
{
  gint64      programme_id;
  gint64      person_id;
  const char *add;
  gint64      remove_id;
  const char *preset_mentor;
  const char *preset_mentee;
  guint       group;
  const char *as;
  const char *eligible;
  const char *why;
  gboolean    clear;
} Options;

static int
parse_options (const char  *verb,
               int          argc,
               char       **argv,
               Options     *o)
{
  for (int i = 0; i < argc; i++)
    {
      const char *a = argv[i];
      gboolean has_value = i + 1 < argc;

      if ((g_str_equal (a, "--programme") || g_str_equal (a, "--program")) && has_value)
        {
          if (!pw_cli_parse_id (argv[++i], &o->programme_id))
            return pw_cli_usage_error (_("eligibility %s: --programme takes a program ID, not “%s”."),
                                       verb, argv[i]);
        }
      else if (g_str_equal (a, "--person") && has_value)
        {
          if (!pw_cli_parse_id (argv[++i], &o->person_id))
            return pw_cli_usage_error (_("eligibility %s: --person takes a person ID, not “%s”."),
                                       verb, argv[i]);
        }
      else if (g_str_equal (a, "--add") && has_value)
        o->add = argv[++i];
      else if (g_str_equal (a, "--remove") && has_value)
        {
          if (!pw_cli_parse_id (argv[++i], &o->remove_id))
            return pw_cli_usage_error (_("eligibility %s: --remove takes a rule ID, not “%s”."),
                                       verb, argv[i]);
        }
      else if (g_str_equal (a, "--reverse-preset") && i + 2 < argc)
        {
          o->preset_mentor = argv[++i];
          o->preset_mentee = argv[++i];
        }
      else if (g_str_equal (a, "--group") && has_value)
        {
          guint64 n = 0;
          if (!g_ascii_string_to_unsigned (argv[++i], 10, 0, 1000, &n, NULL))
            return pw_cli_usage_error (_("eligibility %s: --group takes a number, not “%s”."),
                                       verb, argv[i]);
          o->group = (guint)n;
        }
      else if (g_str_equal (a, "--as") && has_value)
        o->as = argv[++i];
      else if (g_str_equal (a, "--eligible") && has_value)
        o->eligible = argv[++i];
      else if (g_str_equal (a, "--why") && has_value)
        o->why = argv[++i];
      else if (g_str_equal (a, "--clear"))
        o->clear = TRUE;
      else
        return pw_cli_usage_error (_("eligibility %s: unexpected “%s”."), verb, a);
    }

  if (o->programme_id == 0)
    return pw_cli_usage_error (_("eligibility %s: say which program with --programme ID."), verb);

  return -1;
}

static JsonNode *
rule_to_json (PwEligibility *e,
              guint          index)
{
  PwRule *rule = g_ptr_array_index (pw_eligibility_get_rules (e), index);
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autofree char *text = pw_rule_describe (rule);
  const char *problem = pw_eligibility_rule_problem (e, index);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "id");
  json_builder_add_int_value (b, rule->id);
  json_builder_set_member_name (b, "set");
  json_builder_add_string_value (b, rule->set == PW_RULE_SET_MENTEE ? "mentee" : "mentor");
  json_builder_set_member_name (b, "group");
  json_builder_add_int_value (b, rule->group);
  json_builder_set_member_name (b, "rule");
  json_builder_add_string_value (b, text);
  json_builder_set_member_name (b, "problem");
  if (problem != NULL)
    json_builder_add_string_value (b, problem);
  else
    json_builder_add_null_value (b);
  json_builder_end_object (b);

  return json_builder_get_root (b);
}

static int
print_rules (PwCliContext  *ctx,
             PwEligibility *e)
{
  GPtrArray *rules = pw_eligibility_get_rules (e);

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_new ();

      for (guint i = 0; i < rules->len; i++)
        json_array_add_element (array, rule_to_json (e, i));
      json_node_take_array (root, array);
      pw_cli_print_json (root);
      return PW_CLI_EXIT_OK;
    }

  if (rules->len == 0)
    printf ("%s\n", _("No rules: everyone enrolled is eligible for both roles."));

  for (guint s = 0; s < 2; s++)
    {
      gboolean header = FALSE;

      for (guint i = 0; i < rules->len; i++)
        {
          PwRule *rule = g_ptr_array_index (rules, i);
          g_autofree char *text = NULL;
          const char *problem;

          if (rule->set != s)
            continue;
          if (!header)
            printf ("%s\n", s == PW_RULE_SET_MENTEE ? _("Mentee eligibility:") : _("Mentor eligibility:"));
          header = TRUE;

          text = pw_rule_describe (rule);
          problem = pw_eligibility_rule_problem (e, i);
          printf ("  %lld\t%s%s%s", (long long)rule->id, rule->group ? "(any of) " : "", text,
                  problem ? "\t" : "\n");
          if (problem != NULL)
            printf (_("⚠ %s\n"), problem);
        }
    }

  return PW_CLI_EXIT_OK;
}

static int
eligibility_rules (PwCliContext  *ctx,
                   PwStore       *store,
                   Options       *o)
{
  g_autoptr(GError) error = NULL;
  PwEligibility *e;
  int rc;

  if (o->add != NULL)
    {
      g_autoptr(PwRule) rule = NULL;
      g_auto(GStrv) parts = g_strsplit (o->add, ":", 2);
      PwRuleSet set;

      if (parts[1] == NULL ||
          (!g_str_equal (g_strstrip (parts[0]), "mentee") && !g_str_equal (parts[0], "mentor")))
        return pw_cli_usage_error (_("eligibility rules: --add takes “mentee: RULE” or “mentor: RULE”."));

      set = g_str_equal (parts[0], "mentee") ? PW_RULE_SET_MENTEE : PW_RULE_SET_MENTOR;
      rule = pw_rule_parse (set, parts[1], &error);
      if (rule == NULL)
        return pw_cli_fail ("eligibility rules: --add: %s", error->message);
      rule->group = o->group;
      if (!pw_eligibility_add_rule_to_store (store, o->programme_id, rule, &error))
        return pw_cli_fail ("eligibility rules: %s", error->message);
    }
  else if (o->remove_id != 0)
    {
      if (!pw_eligibility_remove_rule (store, o->remove_id, &error))
        return pw_cli_fail ("eligibility rules: %s", error->message);
    }
  else if (o->preset_mentor != NULL)
    {
      if (!pw_eligibility_apply_reverse_preset (store, o->programme_id, o->preset_mentor,
                                                o->preset_mentee, &error))
        return pw_cli_fail ("eligibility rules: --reverse-preset: %s", error->message);
    }

  e = pw_eligibility_load (store, o->programme_id, &error);
  if (e == NULL)
    return pw_cli_fail ("eligibility rules: %s", error->message);

  rc = print_rules (ctx, e);
  pw_eligibility_free (e);
  return rc;
}

static void
add_reasons (JsonBuilder *b,
             const char  *member,
             GPtrArray   *reasons)
{
  json_builder_set_member_name (b, member);
  json_builder_begin_array (b);
  for (guint i = 0; i < reasons->len; i++)
    json_builder_add_string_value (b, g_ptr_array_index (reasons, i));
  json_builder_end_array (b);
}

static const char *
verdict_word (const PwVerdict *v)
{
  if (v->mentee && v->mentor)
    return "both";
  if (v->mentee)
    return "mentee";
  if (v->mentor)
    return "mentor";
  return "neither";
}

static int
eligibility_check (PwCliContext  *ctx,
                   PwStore       *store,
                   Options       *o)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(JsonBuilder) b = json_builder_new ();
  PwEligibilitySummary summary;
  PwEligibility *e;
  guint n;

  e = pw_eligibility_load (store, o->programme_id, &error);
  people = e ? pw_person_repo_list_enrolled (store, o->programme_id, &error) : NULL;
  if (people == NULL)
    {
      pw_eligibility_free (e);
      return pw_cli_fail ("eligibility check: %s", error->message);
    }

  n = g_list_model_get_n_items (people);
  pw_eligibility_summarise (e, people, &summary);

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "people");
  json_builder_begin_array (b);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPerson) person = g_list_model_get_item (people, i);
      PwVerdict v = { 0 };

      pw_eligibility_evaluate (e, person, &v);

      if (ctx->json)
        {
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "id");
          json_builder_add_int_value (b, pw_person_get_id (person));
          json_builder_set_member_name (b, "name");
          json_builder_add_string_value (b, pw_person_get_name (person));
          json_builder_set_member_name (b, "verdict");
          json_builder_add_string_value (b, verdict_word (&v));
          json_builder_set_member_name (b, "mentee");
          json_builder_add_boolean_value (b, v.mentee);
          json_builder_set_member_name (b, "mentor");
          json_builder_add_boolean_value (b, v.mentor);
          add_reasons (b, "mentee_reasons", v.mentee_reasons);
          add_reasons (b, "mentor_reasons", v.mentor_reasons);
          json_builder_end_object (b);
        }
      else
        {
          printf ("%lld\t%s\t%s\n", (long long)pw_person_get_id (person),
                  pw_person_get_name (person), verdict_word (&v));
          for (guint k = 0; k < v.mentee_reasons->len; k++)
            printf ("\t%s %s\n", _("mentee:"), (char *)g_ptr_array_index (v.mentee_reasons, k));
          for (guint k = 0; k < v.mentor_reasons->len; k++)
            printf ("\t%s %s\n", _("mentor:"), (char *)g_ptr_array_index (v.mentor_reasons, k));
        }
      pw_verdict_clear (&v);
    }

  json_builder_end_array (b);

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = NULL;

      json_builder_set_member_name (b, "summary");
      json_builder_begin_object (b);
#define FIGURE(name) \
      json_builder_set_member_name (b, #name); json_builder_add_int_value (b, summary.name);
      FIGURE (enrolled)
      FIGURE (mentees)
      FIGURE (mentors)
      FIGURE (both)
      FIGURE (mentor_capacity)
      FIGURE (mentees_unmatchable)
#undef FIGURE
      json_builder_end_object (b);
      json_builder_end_object (b);
      root = json_builder_get_root (b);
      pw_cli_print_json (root);
    }
  else
    printf (_("%u enrolled: %u eligible mentees, %u eligible mentors with room for %u mentees; "
              "%u mentees cannot be matched for lack of capacity.\n"),
            summary.enrolled, summary.mentees, summary.mentors, summary.mentor_capacity,
            summary.mentees_unmatchable);

  pw_eligibility_free (e);
  return PW_CLI_EXIT_OK;
}

static int
eligibility_override (PwCliContext  *ctx,
                      PwStore       *store,
                      Options       *o)
{
  g_autoptr(GError) error = NULL;
  PwRuleSet set;

  if (o->person_id == 0 || o->as == NULL ||
      (!g_str_equal (o->as, "mentee") && !g_str_equal (o->as, "mentor")))
    return pw_cli_usage_error (_("eligibility override: give --person ID and --as mentee or mentor."));

  set = g_str_equal (o->as, "mentee") ? PW_RULE_SET_MENTEE : PW_RULE_SET_MENTOR;

  if (o->clear)
    {
      if (!pw_eligibility_clear_override (store, o->programme_id, o->person_id, set, &error))
        return pw_cli_fail ("eligibility override: %s", error->message);
      return PW_CLI_EXIT_OK;
    }

  if (o->eligible == NULL || (!g_str_equal (o->eligible, "yes") && !g_str_equal (o->eligible, "no")))
    return pw_cli_usage_error (_("eligibility override: --eligible takes yes or no."));

  if (!pw_person_repo_is_enrolled (store, o->programme_id, o->person_id))
    return pw_cli_fail (_("eligibility override: person %lld is not enrolled in program %lld."),
                        (long long)o->person_id, (long long)o->programme_id);

  if (!pw_eligibility_override (store, o->programme_id, o->person_id, set,
                                g_str_equal (o->eligible, "yes"), o->why, &error))
    return pw_cli_fail ("eligibility override: --why: %s", error->message);

  return PW_CLI_EXIT_OK;
}

int
pw_cli_eligibility (PwCliContext  *ctx,
                    int            argc,
                    char         **argv)
{
  g_autoptr(PwStore) store = NULL;
  Options o = { 0 };
  const char *verb;
  int rc;

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_eligibility_help (argc < 2 ? stderr : stdout);
      return argc < 2 ? PW_CLI_EXIT_USAGE : PW_CLI_EXIT_OK;
    }

  verb = argv[1];
  if (!g_strv_contains ((const char *[]){ "rules", "check", "override", NULL }, verb))
    return pw_cli_usage_error (_("eligibility: “%s” is not a subcommand; use rules, check or override."), verb);

  rc = parse_options (verb, argc - 2, argv + 2, &o);
  if (rc >= 0)
    return rc;

  store = pw_cli_open_store (ctx);
  if (store == NULL)
    return PW_CLI_EXIT_FAILED;

  if (g_str_equal (verb, "rules"))
    return eligibility_rules (ctx, store, &o);
  if (g_str_equal (verb, "check"))
    return eligibility_check (ctx, store, &o);
  return eligibility_override (ctx, store, &o);
}
