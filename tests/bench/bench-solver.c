/* bench-solver.c — times pw_solver on the instances of the Matching issue
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   bench-solver --list
 *   bench-solver --write-csv DIR            writes NAME.csv and NAME-caps.csv
 *   bench-solver [--only NAME] [--repeat N]  solves; one line per instance:
 *     NAME total=T matched=K ms=X digest=D
 *   (D: FNV-1a of the assignment, to see that a change to the solver
 *   picks the same pairs, not just an equally good total)
 *
 * A benchmark, not a test: tests/bench/run-solver runs it beside SciPy and
 * LEMON on the same instances. The instances come from splitmix64, so they
 * are the same on every machine. Scores are 0–20; 5 % of the pairs are
 * forbidden (an empty cell in the CSV).
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-bench"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>

#include "pw-solver.h"

typedef struct
{
  const char *name;
  guint       n_mentees;
  guint       n_mentors;
  guint       cap_lo;
  guint       cap_hi;
  guint64     seed;
} Instance;

static const Instance instances[] = {
  { "dense-500", 500, 500, 1, 1, 500 },
  { "dense-1000", 1000, 1000, 1, 1, 1000 },
  { "dense-2000", 2000, 2000, 1, 1, 2000 },
  { "dense-4000", 4000, 4000, 1, 1, 4000 },
  { "cap2-2000x1000", 2000, 1000, 2, 2, 21000 },
  { "cap13-3000x1700", 3000, 1700, 1, 3, 31700 },
};

static guint64
splitmix64_next (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

/* Uniform in [0, bound) by rejection, so no modulo bias. */
static guint32
uniform (guint64 *state,
         guint32  bound)
{
  guint64 limit = G_MAXUINT64 - G_MAXUINT64 % bound;
  guint64 x;

  do
    x = splitmix64_next (state);
  while (x >= limit);

  return (guint32)(x % bound);
}

static PwSolverProblem *
generate (const Instance *inst)
{
  PwSolverProblem *problem = pw_solver_problem_new (inst->n_mentees, inst->n_mentors);
  gint32 *scores = pw_solver_problem_get_scores (problem);
  guint64 state = inst->seed;

  for (gsize c = 0; c < (gsize)inst->n_mentees * inst->n_mentors; c++)
    scores[c] = uniform (&state, 20) == 0 ? PW_SOLVER_FORBIDDEN : (gint32)uniform (&state, 21);

  for (guint j = 0; j < inst->n_mentors; j++)
    pw_solver_problem_set_capacity (problem, j,
                                    inst->cap_lo + uniform (&state, inst->cap_hi - inst->cap_lo + 1));

  return problem;
}

static void
write_csv (const Instance *inst,
           const char     *dir)
{
  g_autoptr(PwSolverProblem) problem = generate (inst);
  g_autofree char *matrix_name = g_strdup_printf ("%s.csv", inst->name);
  g_autofree char *caps_name = g_strdup_printf ("%s-caps.csv", inst->name);
  g_autofree char *matrix_path = g_build_filename (dir, matrix_name, NULL);
  g_autofree char *caps_path = g_build_filename (dir, caps_name, NULL);
  g_autoptr(GString) out = g_string_sized_new ((gsize)inst->n_mentees * inst->n_mentors * 3);
  const gint32 *scores = pw_solver_problem_get_scores (problem);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < inst->n_mentees; i++)
    {
      for (guint j = 0; j < inst->n_mentors; j++)
        {
          gint32 s = scores[(gsize)i * inst->n_mentors + j];

          if (j > 0)
            g_string_append_c (out, ',');
          if (s != PW_SOLVER_FORBIDDEN)
            g_string_append_printf (out, "%d", s);
        }
      g_string_append_c (out, '\n');
    }
  if (!g_file_set_contents (matrix_path, out->str, out->len, &error))
    g_error ("%s", error->message);

  g_string_truncate (out, 0);
  for (guint j = 0; j < inst->n_mentors; j++)
    g_string_append_printf (out, "%u\n", pw_solver_problem_get_capacity (problem, j));
  if (!g_file_set_contents (caps_path, out->str, out->len, &error))
    g_error ("%s", error->message);
}

static void
run (const Instance *inst,
     guint           repeat)
{
  g_autoptr(PwSolverProblem) problem = generate (inst);
  gint64 best_us = G_MAXINT64;
  gint64 total = 0;
  guint matched = 0;
  guint64 digest = 0;

  for (guint r = 0; r < repeat; r++)
    {
      g_autoptr(PwSolverResult) result = NULL;
      g_autoptr(GError) error = NULL;
      gint64 started = g_get_monotonic_time ();

      result = pw_solver_solve (problem, PW_SOLVER_POLICY_COVERAGE, NULL, NULL, NULL, &error);
      if (result == NULL)
        g_error ("%s: %s", inst->name, error->message);
      best_us = MIN (best_us, g_get_monotonic_time () - started);
      total = pw_solver_result_get_total (result);
      matched = pw_solver_result_get_n_matched (result);
      digest = G_GUINT64_CONSTANT (0xcbf29ce484222325);
      for (guint i = 0; i < inst->n_mentees; i++)
        digest = (digest ^ (guint32)pw_solver_result_get_mentor (result, i)) * G_GUINT64_CONSTANT (0x100000001b3);
    }

  printf ("%s total=%" G_GINT64_FORMAT " matched=%u ms=%.3f digest=%016" G_GINT64_MODIFIER "x\n",
          inst->name, total, matched, best_us / 1000.0, digest);
  fflush (stdout);
}

int
main (int   argc,
      char *argv[])
{
  const char *only = NULL;
  const char *csv_dir = NULL;
  guint repeat = 1;

  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--list"))
        {
          for (guint k = 0; k < G_N_ELEMENTS (instances); k++)
            printf ("%s\n", instances[k].name);
          return 0;
        }
      else if (g_str_equal (argv[i], "--only") && i + 1 < argc)
        only = argv[++i];
      else if (g_str_equal (argv[i], "--write-csv") && i + 1 < argc)
        csv_dir = argv[++i];
      else if (g_str_equal (argv[i], "--repeat") && i + 1 < argc)
        {
          int value = atoi (argv[++i]);

          repeat = MAX (1, value);
        }
      else
        {
          fprintf (stderr, "usage: bench-solver [--list] [--write-csv DIR] [--only NAME] [--repeat N]\n");
          return 2;
        }
    }

  for (guint k = 0; k < G_N_ELEMENTS (instances); k++)
    {
      if (only != NULL && !g_str_equal (only, instances[k].name))
        continue;
      if (csv_dir != NULL)
        write_csv (&instances[k], csv_dir);
      else
        run (&instances[k], repeat);
    }

  return 0;
}
