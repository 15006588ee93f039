/* pw-cli-match.c — pairwise-cli match, pairs and grades
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-cli"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pw-cli.h"
#include "pw-match.h"
#include "pw-person-repo.h"

static gboolean
take_id (const char *option,
         const char *value,
         gint64     *out)
{
  if (!pw_cli_parse_id (value, out))
    {
      pw_cli_usage_error (_("%s takes an ID (a number), not “%s”."), option, value);
      return FALSE;
    }
  return TRUE;
}

static void
print_fairness (const char       *title,
                const PwFairness *f)
{
  printf (_("%s: %u matched, %u unmatched; total %lld; scores from %d to %d, mean %.1f, spread %.1f\n"),
          title, f->matched, f->unmatched, (long long)f->total, f->lowest, f->highest, f->mean, f->stddev);
}

int
pw_cli_match (PwCliContext  *ctx,
              int            argc,
              char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autoptr(PwMatchRun) run = NULL;
  const char *policy = NULL;
  gboolean random = FALSE;
  gboolean save = FALSE;
  guint64 seed = 0;
  gboolean seeded = FALSE;
  gint64 programme_id = 0;

  for (int i = 1; i < argc; i++)
    {
      if ((g_str_equal (argv[i], "--programme") || g_str_equal (argv[i], "--program")) && i + 1 < argc)
        {
          if (!take_id ("--programme", argv[++i], &programme_id))
            return PW_CLI_EXIT_USAGE;
        }
      else if (g_str_equal (argv[i], "--policy") && i + 1 < argc)
        policy = argv[++i];
      else if (g_str_equal (argv[i], "--random"))
        random = TRUE;
      else if (g_str_equal (argv[i], "--seed") && i + 1 < argc)
        {
          if (!g_ascii_string_to_unsigned (argv[++i], 10, 0, G_MAXUINT64, &seed, NULL))
            return pw_cli_usage_error (_("match: --seed takes a whole number, not “%s”."), argv[i]);
          seeded = TRUE;
        }
      else if (g_str_equal (argv[i], "--save"))
        save = TRUE;
      else if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h"))
        {
          printf ("%s\n  pairwise-cli match --programme ID [--policy coverage|score] "
                  "[--random [--seed N]] [--save] [--json]\n\n%s\n",
                  _("Usage:"),
                  _("Proposes pairs with their scores and explanations, and says why each "
                    "unmatched mentee has no mentor. --save stores the proposals (locked "
                    "pairs stay). --random draws a blind-date match within the hard rules; "
                    "the seed is shown so the draw can be repeated."));
          return PW_CLI_EXIT_OK;
        }
      else
        return pw_cli_usage_error (_("match: unexpected “%s”."), argv[i]);
    }

  if (programme_id == 0)
    return pw_cli_usage_error (_("match: say which program with --programme ID."));
  if (policy != NULL && !g_str_equal (policy, "coverage") && !g_str_equal (policy, "score"))
    return pw_cli_usage_error (_("match: --policy is coverage or score, not “%s”."), policy);
  if (random && !seeded)
    seed = g_random_int () | ((guint64)g_random_int () << 32);

  store = pw_cli_open_store (ctx);
  if (store == NULL)
    return PW_CLI_EXIT_FAILED;

  if (policy != NULL)
    {
      PwMatchSettings settings;

      if (!pw_match_settings_load (store, programme_id, &settings, &error))
        return pw_cli_fail ("match: %s", error->message);
      settings.policy = g_str_equal (policy, "score") ? PW_SOLVER_POLICY_SCORE : PW_SOLVER_POLICY_COVERAGE;
      if (!pw_match_settings_save (store, programme_id, &settings, &error))
        return pw_cli_fail ("match: %s", error->message);
    }

  run = pw_match_prepare (store, programme_id, &error);
  if (run == NULL || !pw_match_solve (run, random, seed, NULL, &error))
    return pw_cli_fail ("match: %s", error->message);

  if (save && !pw_match_save_proposals (run, &error))
    return pw_cli_fail ("match: %s", error->message);

  if (ctx->json)
    {
      g_autoptr(JsonNode) node = pw_match_to_json (run);
      pw_cli_print_json (node);
      return PW_CLI_EXIT_OK;
    }

  for (guint i = 0; i < pw_match_get_n_mentees (run); i++)
    {
      g_autofree char *why = pw_match_explain_pair (run, i);
      printf ("%s\n\n", why);
    }

  {
    PwFairness fairness, other;

    pw_match_fairness (run, &fairness);
    print_fairness (random ? _("Blind date") : _("This match"), &fairness);
    if (!random && pw_match_fairness_other_policy (run, &other, NULL))
      print_fairness (_("The other policy"), &other);
  }

  return PW_CLI_EXIT_OK;
}

static const char *
state_word (PwPairState state)
{
  switch (state)
    {
    case PW_PAIR_PROPOSED: return _("proposed");
    case PW_PAIR_APPROVED: return _("approved");
    case PW_PAIR_ACTIVE:   return _("active");
    case PW_PAIR_ENDED:    return _("ended");
    default:               return "?";
    }
}

static char *
name_of (PwStore *store,
         gint64   id)
{
  g_autoptr(PwPerson) person = id ? pw_person_repo_get (store, id, NULL) : NULL;

  /* An erased person leaves anonymous history behind. */
  return g_strdup (person ? pw_person_get_name (person) : _("(erased)"));
}

int
pw_cli_pairs (PwCliContext  *ctx,
              int            argc,
              char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  const char *verb = argc > 1 ? argv[1] : NULL;
  const char *reason = "";
  gint64 programme_id = 0, pair_id = 0, left_waiting = 0;
  gboolean rematch = FALSE;

  if (verb == NULL || g_str_equal (verb, "--help"))
    {
      FILE *out = verb ? stdout : stderr;

      fprintf (out, "%s\n", _("Usage:"));
      fprintf (out, "  pairwise-cli pairs list --programme ID [--json]\n");
      fprintf (out, "  pairwise-cli pairs approve ID | approve-all --programme ID | activate ID\n");
      fprintf (out, "  pairwise-cli pairs lock ID | unlock ID\n");
      fprintf (out, "  pairwise-cli pairs end ID [--rematch --left-waiting PERSON-ID] [--reason TEXT]\n");
      return verb ? PW_CLI_EXIT_OK : PW_CLI_EXIT_USAGE;
    }

  for (int i = 2; i < argc; i++)
    {
      if ((g_str_equal (argv[i], "--programme") || g_str_equal (argv[i], "--program")) && i + 1 < argc)
        {
          if (!take_id ("--programme", argv[++i], &programme_id))
            return PW_CLI_EXIT_USAGE;
        }
      else if (g_str_equal (argv[i], "--left-waiting") && i + 1 < argc)
        {
          if (!take_id ("--left-waiting", argv[++i], &left_waiting))
            return PW_CLI_EXIT_USAGE;
        }
      else if (g_str_equal (argv[i], "--reason") && i + 1 < argc)
        reason = argv[++i];
      else if (g_str_equal (argv[i], "--rematch"))
        rematch = TRUE;
      else if (pair_id == 0 && pw_cli_parse_id (argv[i], &pair_id))
        ;
      else
        return pw_cli_usage_error (_("pairs %s: unexpected “%s”."), verb, argv[i]);
    }

  store = pw_cli_open_store (ctx);
  if (store == NULL)
    return PW_CLI_EXIT_FAILED;

  if (g_str_equal (verb, "list") || g_str_equal (verb, "approve-all"))
    {
      g_autoptr(GPtrArray) pairs = NULL;

      if (programme_id == 0)
        return pw_cli_usage_error (_("pairs %s: say which program with --programme ID."), verb);

      if (g_str_equal (verb, "approve-all") && !pw_pairs_approve_all (store, programme_id, &error))
        return pw_cli_fail ("pairs approve-all: %s", error->message);

      pairs = pw_pairs_list (store, programme_id, TRUE, &error);
      if (pairs == NULL)
        return pw_cli_fail ("pairs list: %s", error->message);

      if (ctx->json)
        {
          g_autoptr(JsonBuilder) b = json_builder_new ();
          g_autoptr(JsonNode) root = NULL;

          json_builder_begin_array (b);
          for (guint i = 0; i < pairs->len; i++)
            {
              PwPair *p = g_ptr_array_index (pairs, i);

              json_builder_begin_object (b);
              json_builder_set_member_name (b, "id");
              json_builder_add_int_value (b, p->id);
              json_builder_set_member_name (b, "mentee_id");
              json_builder_add_int_value (b, p->mentee_id);
              json_builder_set_member_name (b, "mentor_id");
              json_builder_add_int_value (b, p->mentor_id);
              json_builder_set_member_name (b, "state");
              json_builder_add_string_value (b, state_word (p->state));
              json_builder_set_member_name (b, "score");
              json_builder_add_int_value (b, p->score);
              json_builder_set_member_name (b, "locked");
              json_builder_add_boolean_value (b, p->locked);
              json_builder_end_object (b);
            }
          json_builder_end_array (b);
          root = json_builder_get_root (b);
          pw_cli_print_json (root);
          return PW_CLI_EXIT_OK;
        }

      for (guint i = 0; i < pairs->len; i++)
        {
          PwPair *p = g_ptr_array_index (pairs, i);
          g_autofree char *mentee = name_of (store, p->mentee_id);
          g_autofree char *mentor = name_of (store, p->mentor_id);

          printf ("%lld\t%s\t%s ← %s\t%d%s\n", (long long)p->id, state_word (p->state), mentee, mentor,
                  p->score, p->locked ? _("\tlocked") : "");
        }
      return PW_CLI_EXIT_OK;
    }

  if (pair_id == 0)
    return pw_cli_usage_error (_("pairs %s: give the pair’s ID."), verb);

  if (g_str_equal (verb, "approve"))
    return pw_pair_approve (store, pair_id, &error) ? PW_CLI_EXIT_OK
           : pw_cli_fail ("pairs approve: %s", error->message);
  if (g_str_equal (verb, "activate"))
    return pw_pair_activate (store, pair_id, &error) ? PW_CLI_EXIT_OK
           : pw_cli_fail ("pairs activate: %s", error->message);
  if (g_str_equal (verb, "lock") || g_str_equal (verb, "unlock"))
    return pw_pair_set_locked (store, pair_id, g_str_equal (verb, "lock"), &error) ? PW_CLI_EXIT_OK
           : pw_cli_fail ("pairs %s: %s", verb, error->message);
  if (g_str_equal (verb, "end"))
    return pw_pair_end (store, pair_id, rematch, left_waiting, reason, &error) ? PW_CLI_EXIT_OK
           : pw_cli_fail ("pairs end: %s", error->message);

  return pw_cli_usage_error (_("pairs: “%s” is not a subcommand."), verb);
}

int
pw_cli_grades (PwCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  g_auto(GStrv) grades = NULL;

  if (argc < 2 || (!g_str_equal (argv[1], "list") && !g_str_equal (argv[1], "set")))
    {
      fprintf (argc < 2 ? stderr : stdout, "%s\n  pairwise-cli grades list\n  pairwise-cli grades set LOWEST … HIGHEST\n",
               _("Usage:"));
      return argc < 2 ? PW_CLI_EXIT_USAGE : PW_CLI_EXIT_OK;
    }

  store = pw_cli_open_store (ctx);
  if (store == NULL)
    return PW_CLI_EXIT_FAILED;

  if (g_str_equal (argv[1], "set"))
    {
      if (argc < 3)
        return pw_cli_usage_error (_("grades set: list the grades from lowest to highest."));
      if (!pw_grade_scale_set (store, (const char * const *)argv + 2, &error))
        return pw_cli_fail ("grades set: %s", error->message);
    }

  grades = pw_grade_scale_get (store, &error);
  if (grades == NULL)
    return pw_cli_fail ("grades: %s", error->message);

  for (guint i = 0; grades[i] != NULL; i++)
    printf ("%u\t%s\n", i + 1, grades[i]);

  return PW_CLI_EXIT_OK;
}
