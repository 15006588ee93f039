/* bench-core.c — eligibility, search and matching figures on a large programme
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-core FILE.csv [RUNS] [--no-match]
 *
 * Imports FILE.csv (from gen-people) into a new database, then times, best
 * of RUNS:
 *   eligibility_ms   re-evaluating everyone after a rule change
 *   search_ms        one keystroke of search-as-you-type over everyone
 *   match_ms         a whole match: scores from profiles, the hard rules,
 *                    the exact solve and every pair's explanation; and,
 *                    for that best run, its prepare_ms, solve_ms and
 *                    explain_ms
 * and prints "name value" lines for tests/bench/run.
 *
 * With PAIRWISE_BENCH_DUMP=DIR it also writes each shape's whole result
 * (pw_match_to_json: pairs, explanations, diagnoses, fairness) to
 * DIR/SHAPE.json, and a blind-date run to DIR/SHAPE-random.json, so that a
 * change to the matching code can be checked to give the same output.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "pw-eligibility.h"
#include "pw-match.h"
#include "pw-people-import.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static PwStore *
load (const char *csv,
      const char *dir,
      gint64     *programme_id)
{
  static const char *grades[] = { "Band 1", "Band 2", "Band 3", "Band 4", "Band 5",
                                  "Band 6", "Band 7", "Band 8", "Band 9", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (dir, "bench.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (csv);
  g_autoptr(PwProgramme) programme = pw_programme_new ("Bench");
  g_autoptr(PwPeopleImport) import = NULL;
  PwStore *store = pw_store_open (path, &error);
  PwPeopleImportSummary summary;

  if (store == NULL ||
      !pw_grade_scale_set (store, grades, &error) ||
      !pw_programme_repo_insert (store, programme, &error))
    g_error ("%s", error->message);

  import = pw_people_import_new_for_file (file, NULL, &error);
  if (import == NULL)
    g_error ("%s", error->message);
  pw_people_import_set_programme_id (import, pw_programme_get_id (programme));
  if (!pw_people_import_run (import, store, NULL, NULL, NULL, &summary, &error))
    g_error ("import failed: %s", error ? error->message : "problems in the file");

  *programme_id = pw_programme_get_id (programme);
  return store;
}

static double
time_eligibility (PwStore    *store,
                  gint64      id,
                  GListModel *people)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwRule) rule = pw_rule_parse (PW_RULE_SET_MENTOR, "org-months at-least 6", &error);
  PwEligibility *e = pw_eligibility_load (store, id, &error);
  PwEligibilitySummary summary;
  double start, ms;

  /* The change: one more rule; then every verdict and the counts again. */
  pw_eligibility_add_rule (e, rule);
  start = now_ms ();
  pw_eligibility_summarise (e, people, &summary);
  ms = now_ms () - start;
  pw_eligibility_free (e);

  if (summary.enrolled != g_list_model_get_n_items (people))
    g_error ("eligibility saw %u of %u", summary.enrolled, g_list_model_get_n_items (people));

  return ms;
}

static double
time_search (GListModel *people,
             const char *query)
{
  g_autofree char *folded = g_utf8_casefold (query, -1);
  guint n = g_list_model_get_n_items (people);
  guint hits = 0;
  double start = now_ms ();

  /* What the People page's filter does for each person on a keystroke. */
  for (guint i = 0; i < n; i++)
    {
      PwPerson *person = g_list_model_get_item (people, i);

      if (strstr (pw_person_get_search_key (person), folded) != NULL)
        hits++;
      g_object_unref (person);
    }

  if (hits > n)
    g_error ("impossible");

  return now_ms () - start;
}

/* Where a match's time goes: preparing (scores and rules), solving,
 * explaining. */
typedef struct
{
  double prepare;
  double solve;
  double explain;
} MatchPhases;

static double
time_match (PwStore     *store,
            gint64       id,
            guint       *matched,
            MatchPhases *phases)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwMatchRun) run = NULL;
  double start = now_ms ();
  double prepared, solved;

  run = pw_match_prepare (store, id, &error);
  prepared = now_ms ();
  if (run == NULL || !pw_match_solve (run, FALSE, 0, NULL, &error))
    g_error ("%s", error->message);
  solved = now_ms ();

  *matched = 0;
  for (guint i = 0; i < pw_match_get_n_mentees (run); i++)
    {
      g_autofree char *why = pw_match_explain_pair (run, i);

      if (pw_match_get_assignment (run, i) >= 0)
        (*matched)++;
    }

  phases->prepare = prepared - start;
  phases->solve = solved - prepared;
  phases->explain = now_ms () - solved;
  return now_ms () - start;
}

static void
dump_match (PwStore    *store,
            gint64      id,
            const char *dir,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwMatchRun) run = pw_match_prepare (store, id, &error);

  for (guint random = 0; random < 2; random++)
    {
      g_autofree char *file = g_strdup_printf ("%s/%s%s.json", dir, name, random ? "-random" : "");
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *text = NULL;

      if (run == NULL || !pw_match_solve (run, random, 7, NULL, &error))
        g_error ("%s", error->message);
      root = pw_match_to_json (run);
      text = json_to_string (root, TRUE);
      if (!g_file_set_contents (file, text, -1, &error))
        g_error ("%s", error->message);
    }
}

static void
set_rules (PwStore    *store,
           gint64      id,
           const char *mentee_rule,
           const char *mentor_rule)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwRule) mentee = pw_rule_parse (PW_RULE_SET_MENTEE, mentee_rule, &error);
  g_autoptr(PwRule) mentor = pw_rule_parse (PW_RULE_SET_MENTOR, mentor_rule, &error);
  PwEligibility *e = pw_eligibility_load (store, id, &error);
  GPtrArray *rules = pw_eligibility_get_rules (e);

  for (guint i = 0; i < rules->len; i++)
    pw_eligibility_remove_rule (store, ((PwRule *)g_ptr_array_index (rules, i))->id, NULL);
  pw_eligibility_free (e);

  if (!pw_eligibility_add_rule_to_store (store, id, mentee, &error) ||
      !pw_eligibility_add_rule_to_store (store, id, mentor, &error))
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autoptr(GListModel) people = NULL;
  guint runs = argc > 2 ? (guint)atoi (argv[2]) : 5;
  gboolean with_match = !(argc > 3 && g_str_equal (argv[3], "--no-match"));
  double best_elig = G_MAXDOUBLE, best_search = G_MAXDOUBLE;
  gint64 id = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: bench-core FILE.csv [RUNS]\n");
      return 2;
    }

  dir = g_dir_make_tmp ("pw-bench-core-XXXXXX", &error);
  store = load (argv[1], dir, &id);

  people = pw_person_repo_list_enrolled (store, id, &error);
  printf ("people %u\n", g_list_model_get_n_items (people));

  /* Two shapes of programme. "reverse": people's own wishes decide, and
   * whoever said "either" mentors — few seniors, many juniors, as reverse
   * mentoring is. "balanced": "either" means mentee, for the largest
   * matrix this many people can make. */
  for (guint shape = 0; shape < (with_match ? 2 : 1); shape++)
    {
      const char *name = shape == 0 ? "reverse" : "balanced";
      double best_match = G_MAXDOUBLE;
      MatchPhases best_phases = { 0 };
      guint matched = 0;

      set_rules (store, id,
                 shape == 0 ? "role-wanted in mentee" : "role-wanted in mentee, either",
                 shape == 0 ? "role-wanted in mentor, either" : "role-wanted in mentor");
      {
        g_autoptr(PwMatchRun) probe = pw_match_prepare (store, id, &error);
        printf ("%s_mentees %u\n%s_mentors %u\n", name, pw_match_get_n_mentees (probe),
                name, pw_match_get_n_mentors (probe));
      }
      if (with_match && g_getenv ("PAIRWISE_BENCH_DUMP") != NULL)
        dump_match (store, id, g_getenv ("PAIRWISE_BENCH_DUMP"), name);

      for (guint r = 0; r < MAX (runs, 1); r++)
        {
          if (shape == 0)
            {
              best_elig = MIN (best_elig, time_eligibility (store, id, people));
              best_search = MIN (best_search, time_search (people, "lang"));
            }
          if (with_match)
            {
              MatchPhases phases;
              double ms = time_match (store, id, &matched, &phases);

              if (ms < best_match)
                {
                  best_match = ms;
                  best_phases = phases;
                }
            }
        }

      if (with_match)
        printf ("%s_match_ms %.1f\n%s_matched %u\n"
                "%s_prepare_ms %.1f\n%s_solve_ms %.1f\n%s_explain_ms %.1f\n",
                name, best_match, name, matched,
                name, best_phases.prepare, name, best_phases.solve, name, best_phases.explain);
    }

  printf ("eligibility_ms %.2f\n", best_elig);
  printf ("search_ms %.2f\n", best_search);

  g_clear_object (&people);
  g_clear_object (&store);
  {
    g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
    const char *name;

    while (d != NULL && (name = g_dir_read_name (d)) != NULL)
      {
        g_autofree char *child = g_build_filename (dir, name, NULL);
        g_remove (child);
      }
    g_rmdir (dir);
  }

  return 0;
}
