/* test-solver.c — the exact solver against brute force, and its contract
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pw-solver.h"

/* The objective the solver optimises, for comparing with brute force:
 * pairs first under coverage, then the score with priority bonuses. */
typedef struct
{
  gint64 matched;
  gint64 value;
} Objective;

typedef struct
{
  PwSolverProblem *problem;
  PwSolverPolicy   policy;
  guint            n;
  guint            m;
  guint           *room;
  int             *choice;
  Objective        best;
  gboolean         found;
} BruteForce;

static gboolean
objective_better (PwSolverPolicy policy,
                  Objective      a,
                  Objective      b)
{
  if (policy == PW_SOLVER_POLICY_COVERAGE && a.matched != b.matched)
    return a.matched > b.matched;
  return a.value > b.value;
}

static void
brute_force_step (BruteForce *bf,
                  guint       i,
                  Objective   so_far)
{
  int lock;

  if (i == bf->n)
    {
      if (!bf->found || objective_better (bf->policy, so_far, bf->best))
        {
          bf->best = so_far;
          bf->found = TRUE;
        }
      return;
    }

  lock = pw_solver_problem_get_lock (bf->problem, i);

  if (lock < 0)
    brute_force_step (bf, i + 1, so_far);

  for (guint j = 0; j < bf->m; j++)
    {
      Objective next = so_far;

      if ((lock >= 0 && (guint)lock != j) ||
          bf->room[j] == 0 ||
          pw_solver_problem_is_forbidden (bf->problem, i, j))
        continue;

      next.matched++;
      next.value += pw_solver_problem_get_score (bf->problem, i, j) +
                    pw_solver_problem_get_priority (bf->problem, i);
      bf->room[j]--;
      brute_force_step (bf, i + 1, next);
      bf->room[j]++;
    }
}

static gboolean
brute_force (PwSolverProblem *problem,
             PwSolverPolicy   policy,
             Objective       *out)
{
  BruteForce bf = { 0 };
  g_autofree guint *room = NULL;

  bf.problem = problem;
  bf.policy = policy;
  bf.n = pw_solver_problem_get_n_mentees (problem);
  bf.m = pw_solver_problem_get_n_mentors (problem);
  room = g_new0 (guint, bf.m + 1);
  for (guint j = 0; j < bf.m; j++)
    room[j] = pw_solver_problem_get_capacity (problem, j);
  bf.room = room;

  brute_force_step (&bf, 0, (Objective) { 0, 0 });
  *out = bf.best;
  return bf.found;
}

/* Checks the hard rules and returns the objective of @result. */
static Objective
check_feasible (PwSolverProblem *problem,
                PwSolverResult  *result)
{
  guint n = pw_solver_problem_get_n_mentees (problem);
  guint m = pw_solver_problem_get_n_mentors (problem);
  g_autofree guint *used = g_new0 (guint, m + 1);
  Objective objective = { 0, 0 };
  gint64 total = 0;

  g_assert_cmpuint (pw_solver_result_get_n_mentees (result), ==, n);

  for (guint i = 0; i < n; i++)
    {
      int j = pw_solver_result_get_mentor (result, i);
      int lock = pw_solver_problem_get_lock (problem, i);

      if (lock >= 0)
        g_assert_cmpint (j, ==, lock);
      if (j < 0)
        continue;

      g_assert_cmpint (j, <, (int)m);
      g_assert_false (pw_solver_problem_is_forbidden (problem, i, j));
      used[j]++;
      objective.matched++;
      objective.value += pw_solver_problem_get_score (problem, i, j) +
                         pw_solver_problem_get_priority (problem, i);
      total += pw_solver_problem_get_score (problem, i, j);
    }

  for (guint j = 0; j < m; j++)
    g_assert_cmpuint (used[j], <=, pw_solver_problem_get_capacity (problem, j));

  g_assert_cmpint (pw_solver_result_get_n_matched (result), ==, objective.matched);
  g_assert_cmpint (pw_solver_result_get_total (result), ==, total);

  return objective;
}

typedef struct
{
  guint    max_size;
  int      score_lo;
  int      score_hi;
  gdouble  p_forbidden;
  gboolean with_locks;
  gboolean with_priority;
} InstanceShape;

static PwSolverProblem *
random_problem (GRand               *rand,
                const InstanceShape *shape)
{
  guint n = g_rand_int_range (rand, 0, shape->max_size + 1);
  guint m = g_rand_int_range (rand, 0, shape->max_size + 1);
  g_autoptr(PwSolverProblem) problem = pw_solver_problem_new (n, m);
  g_autofree guint *room = g_new0 (guint, m + 1);

  for (guint j = 0; j < m; j++)
    {
      room[j] = g_rand_int_range (rand, 0, 4);
      pw_solver_problem_set_capacity (problem, j, room[j]);
    }

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < m; j++)
      {
        if (g_rand_double (rand) < shape->p_forbidden)
          pw_solver_problem_forbid (problem, i, j);
        else
          pw_solver_problem_set_score (problem, i, j,
                                       g_rand_int_range (rand, shape->score_lo, shape->score_hi + 1));
      }

  for (guint i = 0; i < n; i++)
    {
      if (shape->with_priority && g_rand_int_range (rand, 0, 4) == 0)
        pw_solver_problem_set_priority (problem, i, g_rand_int_range (rand, 1, 10));

      /* Only feasible locks here; infeasible ones have their own test. */
      if (shape->with_locks && m > 0 && g_rand_int_range (rand, 0, 5) == 0)
        {
          guint j = g_rand_int_range (rand, 0, m);

          if (room[j] > 0 && !pw_solver_problem_is_forbidden (problem, i, j))
            {
              pw_solver_problem_lock (problem, i, j);
              room[j]--;
            }
        }
    }

  return g_steal_pointer (&problem);
}

static void
run_against_brute_force (const InstanceShape *shape,
                         guint32              seed,
                         guint                count)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);

  for (guint t = 0; t < count; t++)
    {
      g_autoptr(PwSolverProblem) problem = random_problem (rand, shape);

      for (int p = PW_SOLVER_POLICY_COVERAGE; p <= PW_SOLVER_POLICY_SCORE; p++)
        {
          g_autoptr(PwSolverResult) result = NULL;
          g_autoptr(GError) error = NULL;
          Objective expected;
          Objective got;

          result = pw_solver_solve (problem, p, NULL, NULL, NULL, &error);
          g_assert_no_error (error);
          g_assert_nonnull (result);

          g_assert_true (brute_force (problem, p, &expected));
          got = check_feasible (problem, result);

          /* Under the score policy only the value counts. */
          if (objective_better (p, expected, got) || objective_better (p, got, expected))
            g_error ("instance %u (seed %u, policy %d, %u by %u): solver %" G_GINT64_FORMAT
                     " pairs worth %" G_GINT64_FORMAT ", brute force %" G_GINT64_FORMAT
                     " pairs worth %" G_GINT64_FORMAT,
                     t, seed, p,
                     pw_solver_problem_get_n_mentees (problem),
                     pw_solver_problem_get_n_mentors (problem),
                     got.matched, got.value, expected.matched, expected.value);
        }
    }
}

static void
test_brute_force_ties (void)
{
  /* Few score values: many equal optima. */
  InstanceShape shape = { 6, 0, 3, 0.2, FALSE, FALSE };

  run_against_brute_force (&shape, 1, 2500);
}

static void
test_brute_force_negative (void)
{
  /* Negative scores: the score policy leaves people unmatched. */
  InstanceShape shape = { 6, -20, 20, 0.3, FALSE, FALSE };

  run_against_brute_force (&shape, 2, 2500);
}

static void
test_brute_force_sparse (void)
{
  InstanceShape shape = { 6, 0, 100, 0.6, FALSE, FALSE };

  run_against_brute_force (&shape, 3, 2000);
}

static void
test_brute_force_locks_priority (void)
{
  InstanceShape shape = { 6, -5, 10, 0.25, TRUE, TRUE };

  run_against_brute_force (&shape, 4, 2500);
}

static void
test_brute_force_wide_scores (void)
{
  /* Scores near the ends of gint32: the 64-bit arithmetic must hold. */
  g_autoptr(GRand) rand = g_rand_new_with_seed (5);

  for (guint t = 0; t < 300; t++)
    {
      InstanceShape shape = { 5, G_MININT32 + 1, G_MAXINT32 - 1, 0.2, FALSE, FALSE };
      g_autoptr(PwSolverProblem) problem = random_problem (rand, &shape);

      for (int p = PW_SOLVER_POLICY_COVERAGE; p <= PW_SOLVER_POLICY_SCORE; p++)
        {
          g_autoptr(PwSolverResult) result = NULL;
          g_autoptr(GError) error = NULL;
          Objective expected;
          Objective got;

          result = pw_solver_solve (problem, p, NULL, NULL, NULL, &error);
          g_assert_no_error (error);
          g_assert_true (brute_force (problem, p, &expected));
          got = check_feasible (problem, result);
          g_assert_false (objective_better (p, expected, got));
          g_assert_false (objective_better (p, got, expected));
        }
    }
}

/* A reference for instances too large for brute force: a textbook
 * min-cost flow (successive shortest paths, Bellman–Ford on the residual
 * graph), nothing shared with the solver. Source → mentee (1) → mentor
 * (cost −(score + priority)) → sink (capacity). After k augmentations the
 * flow is the cheapest with k pairs, so coverage takes the last k and the
 * score policy the best k. */
typedef struct
{
  GArray *to;    /* guint */
  GArray *cap;   /* gint64 */
  GArray *cost;  /* gint64 */
} Graph;

static void
graph_add (Graph  *g,
           guint   from,
           guint   to,
           gint64  cap,
           gint64  cost)
{
  gint64 zero = 0;
  gint64 back = -cost;

  (void)from;
  g_array_append_val (g->to, to);
  g_array_append_val (g->cap, cap);
  g_array_append_val (g->cost, cost);
  g_array_append_val (g->to, from);
  g_array_append_val (g->cap, zero);
  g_array_append_val (g->cost, back);
}

static Objective
reference_optimum (PwSolverProblem *problem,
                   PwSolverPolicy   policy)
{
  guint n = pw_solver_problem_get_n_mentees (problem);
  guint m = pw_solver_problem_get_n_mentors (problem);
  guint n_nodes = n + m + 2;
  guint source = n + m, sink = n + m + 1;
  Graph g = { g_array_new (FALSE, FALSE, sizeof (guint)), g_array_new (FALSE, FALSE, sizeof (gint64)),
              g_array_new (FALSE, FALSE, sizeof (gint64)) };
  g_autoptr(GArray) from = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree gint64 *dist = g_new (gint64, n_nodes);
  g_autofree int *via = g_new (int, n_nodes);
  g_autofree guint *room = g_new0 (guint, m + 1);
  Objective locked = { 0, 0 };
  Objective best = { 0, 0 };
  Objective flow = { 0, 0 };

  for (guint j = 0; j < m; j++)
    room[j] = pw_solver_problem_get_capacity (problem, j);
  for (guint i = 0; i < n; i++)
    {
      int lock = pw_solver_problem_get_lock (problem, i);

      if (lock < 0)
        continue;
      room[lock]--;
      locked.matched++;
      locked.value += pw_solver_problem_get_score (problem, i, lock) + pw_solver_problem_get_priority (problem, i);
    }

#define ADD(a, b, cap, cost) G_STMT_START { guint a_ = (a); g_array_append_val (from, a_); \
    g_array_append_val (from, (guint){ b }); graph_add (&g, a_, (b), (cap), (cost)); } G_STMT_END
  for (guint i = 0; i < n; i++)
    {
      if (pw_solver_problem_get_lock (problem, i) >= 0)
        continue;
      ADD (source, i, 1, 0);
      for (guint j = 0; j < m; j++)
        if (!pw_solver_problem_is_forbidden (problem, i, j))
          ADD (i, n + j, 1, -((gint64)pw_solver_problem_get_score (problem, i, j) +
                               pw_solver_problem_get_priority (problem, i)));
    }
  for (guint j = 0; j < m; j++)
    ADD (n + j, sink, room[j], 0);
#undef ADD

  for (;;)
    {
      gboolean changed = TRUE;

      for (guint v = 0; v < n_nodes; v++)
        dist[v] = G_MAXINT64, via[v] = -1;
      dist[source] = 0;
      for (guint round = 0; changed && round < n_nodes; round++)
        {
          changed = FALSE;
          for (guint e = 0; e < g.to->len; e++)
            {
              guint a = g_array_index (from, guint, e);
              guint b = g_array_index (g.to, guint, e);

              if (g_array_index (g.cap, gint64, e) > 0 && dist[a] != G_MAXINT64 &&
                  dist[a] + g_array_index (g.cost, gint64, e) < dist[b])
                {
                  dist[b] = dist[a] + g_array_index (g.cost, gint64, e);
                  via[b] = e;
                  changed = TRUE;
                }
            }
        }
      if (dist[sink] == G_MAXINT64)
        break;

      for (guint v = sink; v != source; v = g_array_index (from, guint, via[v]))
        {
          g_array_index (g.cap, gint64, via[v])--;
          g_array_index (g.cap, gint64, via[v] ^ 1)++;
        }
      flow.matched++;
      flow.value -= dist[sink];
      if (policy == PW_SOLVER_POLICY_COVERAGE || flow.value > best.value)
        best = flow;
    }

  g_array_unref (g.to);
  g_array_unref (g.cap);
  g_array_unref (g.cost);

  best.matched += locked.matched;
  best.value += locked.value;
  return best;
}

/* Larger than brute force can take, with more mentors than a search keeps
 * in its lists of each mentee's best, so the lists, their cut-off and the
 * whole-row fallback are all exercised. */
static void
test_reference_large (void)
{
  static const struct
  {
    guint    n, m;
    int      score_lo, score_hi;
    gdouble  p_forbidden;
    gboolean locks, priority;
    gboolean correlated;  /* everyone likes the same mentors: deep searches */
  } shapes[] = {
    { 120, 90, 0, 3000, 0.05, FALSE, FALSE },   /* many distinct scores */
    { 150, 80, 0, 20, 0.05, FALSE, FALSE },     /* many ties */
    { 100, 130, -500, 500, 0.2, FALSE, FALSE }, /* negative: the score policy leaves some out */
    { 140, 100, 0, 100000, 0.5, TRUE, TRUE },   /* sparse, locks and priority */
    { 200, 70, 0, 6000, 0.0, FALSE, TRUE },     /* scarce room */
    { 90, 100, G_MININT32 + 1, G_MAXINT32 - 1, 0.1, FALSE, TRUE }, /* the ends of gint32 */
    { 160, 200, 0, 50, 0.02, FALSE, FALSE, TRUE },
    { 220, 110, 0, 300, 0.1, FALSE, TRUE, TRUE },
    /* Rows long enough for the list's first floor from blocks' maxima. */
    { 90, 1100, 0, 400, 0.05, FALSE, FALSE, TRUE },
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint k = 0; k < G_N_ELEMENTS (shapes); k++)
    for (guint t = 0; t < (shapes[k].m > 500 ? 2 : 4); t++)
      {
        guint n = shapes[k].n, m = shapes[k].m;
        g_autoptr(PwSolverProblem) problem = pw_solver_problem_new (n, m);
        g_autofree guint *room = g_new0 (guint, m);
        g_autofree int *appeal = g_new0 (int, m);

        for (guint j = 0; j < m; j++)
          {
            room[j] = g_rand_int_range (rand, shapes[k].correlated ? 1 : 0, 4);
            pw_solver_problem_set_capacity (problem, j, room[j]);
            if (shapes[k].correlated)
              appeal[j] = g_rand_int_range (rand, 0, 1000);
          }
        for (guint i = 0; i < n; i++)
          for (guint j = 0; j < m; j++)
            if (g_rand_double (rand) < shapes[k].p_forbidden)
              pw_solver_problem_forbid (problem, i, j);
            else
              pw_solver_problem_set_score (problem, i, j,
                                           appeal[j] + g_rand_int_range (rand, shapes[k].score_lo,
                                                                         shapes[k].score_hi + 1));
        for (guint i = 0; i < n; i++)
          {
            if (shapes[k].priority && g_rand_int_range (rand, 0, 10) == 0)
              pw_solver_problem_set_priority (problem, i, g_rand_int_range (rand, 1, MIN (shapes[k].score_hi, 10000)));
            if (shapes[k].locks && g_rand_int_range (rand, 0, 10) == 0)
              {
                guint j = g_rand_int_range (rand, 0, m);

                if (room[j] > 0 && !pw_solver_problem_is_forbidden (problem, i, j))
                  {
                    pw_solver_problem_lock (problem, i, j);
                    room[j]--;
                  }
              }
          }

        for (int p = PW_SOLVER_POLICY_COVERAGE; p <= PW_SOLVER_POLICY_SCORE; p++)
          {
            g_autoptr(PwSolverResult) result = pw_solver_solve (problem, p, NULL, NULL, NULL, NULL);
            Objective expected = reference_optimum (problem, p);
            Objective got = check_feasible (problem, result);

            if (objective_better (p, expected, got) || objective_better (p, got, expected))
              g_error ("shape %u, instance %u, policy %d: solver %" G_GINT64_FORMAT " pairs worth %"
                       G_GINT64_FORMAT ", reference %" G_GINT64_FORMAT " pairs worth %" G_GINT64_FORMAT,
                       k, t, p, got.matched, got.value, expected.matched, expected.value);
          }
      }
}

static void
test_policies_differ (void)
{
  /* Mentee 0 likes mentor 0 a lot; mentee 1 can only have mentor 0.
   * Coverage gives both a mentor (total 1 + 1), score gives mentee 0 the
   * best pair and leaves mentee 1 out (total 10). */
  g_autoptr(PwSolverProblem) problem = pw_solver_problem_new (2, 2);
  g_autoptr(PwSolverResult) coverage = NULL;
  g_autoptr(PwSolverResult) score = NULL;

  pw_solver_problem_set_score (problem, 0, 0, 10);
  pw_solver_problem_set_score (problem, 0, 1, 1);
  pw_solver_problem_set_score (problem, 1, 0, 1);
  pw_solver_problem_forbid (problem, 1, 1);

  coverage = pw_solver_solve (problem, PW_SOLVER_POLICY_COVERAGE, NULL, NULL, NULL, NULL);
  g_assert_cmpint (pw_solver_result_get_mentor (coverage, 0), ==, 1);
  g_assert_cmpint (pw_solver_result_get_mentor (coverage, 1), ==, 0);
  g_assert_cmpint (pw_solver_result_get_total (coverage), ==, 2);
  g_assert_cmpuint (pw_solver_result_get_n_matched (coverage), ==, 2);

  score = pw_solver_solve (problem, PW_SOLVER_POLICY_SCORE, NULL, NULL, NULL, NULL);
  g_assert_cmpint (pw_solver_result_get_mentor (score, 0), ==, 0);
  g_assert_cmpint (pw_solver_result_get_mentor (score, 1), ==, -1);
  g_assert_cmpint (pw_solver_result_get_total (score), ==, 10);
  g_assert_cmpuint (pw_solver_result_get_n_matched (score), ==, 1);
}

static PwSolverProblem *
large_problem (guint   n,
               guint   m,
               guint   max_capacity,
               guint32 seed)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  g_autoptr(PwSolverProblem) problem = pw_solver_problem_new (n, m);
  gint32 *scores = pw_solver_problem_get_scores (problem);

  for (gsize c = 0; c < (gsize)n * m; c++)
    scores[c] = g_rand_int_range (rand, 0, 20) == 0 ? PW_SOLVER_FORBIDDEN : g_rand_int_range (rand, 0, 21);
  for (guint j = 0; j < m; j++)
    pw_solver_problem_set_capacity (problem, j, g_rand_int_range (rand, 1, max_capacity + 1));

  return g_steal_pointer (&problem);
}

/* Bounds that hold change nothing but speed; bounds that do not hold are
 * noticed and the answer is still exact. */
static void
test_score_bounds (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (12);

  for (guint t = 0; t < 40; t++)
    {
      guint n = g_rand_int_range (rand, 1, 60), m = g_rand_int_range (rand, 1, 90);
      g_autoptr(PwSolverProblem) problem = large_problem (n, m, 3, 100 + t);
      g_autoptr(PwSolverProblem) bounded = NULL;
      g_autoptr(PwSolverProblem) wrong = NULL;
      gint32 *scores = pw_solver_problem_get_scores (problem);

      /* Scores 0–20 from large_problem(), spread out and made negative. */
      for (gsize c = 0; c < (gsize)n * m; c++)
        if (scores[c] != PW_SOLVER_FORBIDDEN)
          scores[c] = scores[c] * 37 - 300;
      if (t % 3 == 0)
        pw_solver_problem_set_priority (problem, 0, 500);
      bounded = pw_solver_problem_copy (problem);
      wrong = pw_solver_problem_copy (problem);
      pw_solver_problem_set_score_bounds (bounded, -300 - t, 20 * 37 - 300 + t);
      pw_solver_problem_set_score_bounds (wrong, -200, 0);

      for (int p = PW_SOLVER_POLICY_COVERAGE; p <= PW_SOLVER_POLICY_SCORE; p++)
        {
          g_autoptr(PwSolverResult) plain = pw_solver_solve (problem, p, NULL, NULL, NULL, NULL);
          g_autoptr(PwSolverResult) with_bounds = pw_solver_solve (bounded, p, NULL, NULL, NULL, NULL);
          g_autoptr(PwSolverResult) with_wrong = NULL;
          Objective a, b, c;

          g_test_expect_message ("pw-solver", G_LOG_LEVEL_CRITICAL, "*outside the bounds*");
          with_wrong = pw_solver_solve (wrong, p, NULL, NULL, NULL, NULL);
          g_test_assert_expected_messages ();

          a = check_feasible (problem, plain);
          b = check_feasible (bounded, with_bounds);
          c = check_feasible (wrong, with_wrong);
          g_assert_false (objective_better (p, a, b) || objective_better (p, b, a));
          g_assert_false (objective_better (p, a, c) || objective_better (p, c, a));
        }
    }
}

static void
test_determinism (void)
{
  g_autoptr(PwSolverProblem) problem = large_problem (300, 170, 3, 7);

  for (int p = PW_SOLVER_POLICY_COVERAGE; p <= PW_SOLVER_POLICY_SCORE; p++)
    {
      g_autoptr(PwSolverResult) first = pw_solver_solve (problem, p, NULL, NULL, NULL, NULL);
      g_autoptr(PwSolverProblem) copy = pw_solver_problem_copy (problem);
      g_autoptr(PwSolverResult) second = pw_solver_solve (copy, p, NULL, NULL, NULL, NULL);

      g_assert_cmpmem (pw_solver_result_get_assignment (first), 300 * sizeof (int),
                       pw_solver_result_get_assignment (second), 300 * sizeof (int));
      g_assert_cmpint (pw_solver_result_get_total (first), ==, pw_solver_result_get_total (second));
    }
}

static void
test_shuffled (void)
{
  /* The same instance with mentees and mentors renumbered: the pairs may
   * differ among equal optima, the optimum may not. */
  const guint n = 120, m = 80;
  g_autoptr(PwSolverProblem) problem = large_problem (n, m, 2, 8);
  g_autoptr(PwSolverProblem) shuffled = pw_solver_problem_new (n, m);
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  g_autofree guint *row_of = g_new (guint, n);
  g_autofree guint *col_of = g_new (guint, m);

  for (guint i = 0; i < n; i++)
    row_of[i] = i;
  for (guint j = 0; j < m; j++)
    col_of[j] = j;
  for (guint i = n - 1; i > 0; i--)
    {
      guint k = g_rand_int_range (rand, 0, i + 1);
      guint t = row_of[i];

      row_of[i] = row_of[k];
      row_of[k] = t;
    }
  for (guint j = m - 1; j > 0; j--)
    {
      guint k = g_rand_int_range (rand, 0, j + 1);
      guint t = col_of[j];

      col_of[j] = col_of[k];
      col_of[k] = t;
    }

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < m; j++)
      pw_solver_problem_set_score (shuffled, row_of[i], col_of[j],
                                   pw_solver_problem_get_score (problem, i, j));
  for (guint j = 0; j < m; j++)
    pw_solver_problem_set_capacity (shuffled, col_of[j], pw_solver_problem_get_capacity (problem, j));

  for (int p = PW_SOLVER_POLICY_COVERAGE; p <= PW_SOLVER_POLICY_SCORE; p++)
    {
      g_autoptr(PwSolverResult) a = pw_solver_solve (problem, p, NULL, NULL, NULL, NULL);
      g_autoptr(PwSolverResult) b = pw_solver_solve (shuffled, p, NULL, NULL, NULL, NULL);

      check_feasible (shuffled, b);
      g_assert_cmpint (pw_solver_result_get_total (a), ==, pw_solver_result_get_total (b));
      g_assert_cmpuint (pw_solver_result_get_n_matched (a), ==, pw_solver_result_get_n_matched (b));
    }
}

static void
test_locks (void)
{
  g_autoptr(PwSolverProblem) problem = pw_solver_problem_new (3, 2);
  g_autoptr(PwSolverResult) result = NULL;
  g_autoptr(GError) error = NULL;

  /* Unlocked, mentee 0 takes mentor 0 (10) and mentee 1 mentor 1 (10). */
  pw_solver_problem_set_score (problem, 0, 0, 10);
  pw_solver_problem_set_score (problem, 0, 1, 1);
  pw_solver_problem_set_score (problem, 1, 0, 1);
  pw_solver_problem_set_score (problem, 1, 1, 10);
  pw_solver_problem_set_score (problem, 2, 0, 2);
  pw_solver_problem_set_score (problem, 2, 1, 2);

  pw_solver_problem_lock (problem, 2, 0);
  result = pw_solver_solve (problem, PW_SOLVER_POLICY_COVERAGE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_solver_result_get_mentor (result, 2), ==, 0);
  g_assert_cmpint (pw_solver_result_get_mentor (result, 1), ==, 1);
  g_assert_cmpint (pw_solver_result_get_mentor (result, 0), ==, -1);
  g_assert_cmpint (pw_solver_result_get_total (result), ==, 12);
  g_clear_pointer (&result, pw_solver_result_unref);

  /* A lock on a forbidden pair is refused. */
  pw_solver_problem_forbid (problem, 2, 1);
  pw_solver_problem_lock (problem, 2, 1);
  result = pw_solver_solve (problem, PW_SOLVER_POLICY_COVERAGE, NULL, NULL, NULL, &error);
  g_assert_error (error, PW_SOLVER_ERROR, PW_SOLVER_ERROR_BAD_LOCK);
  g_assert_null (result);
  g_clear_error (&error);

  /* Two locks on a mentor of capacity one are refused. */
  pw_solver_problem_lock (problem, 2, 0);
  pw_solver_problem_lock (problem, 1, 0);
  result = pw_solver_solve (problem, PW_SOLVER_POLICY_SCORE, NULL, NULL, NULL, &error);
  g_assert_error (error, PW_SOLVER_ERROR, PW_SOLVER_ERROR_BAD_LOCK);
  g_clear_error (&error);

  /* Unless the capacity allows them. */
  pw_solver_problem_set_capacity (problem, 0, 2);
  result = pw_solver_solve (problem, PW_SOLVER_POLICY_SCORE, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_solver_result_get_mentor (result, 0), ==, 1);
  g_assert_cmpint (pw_solver_result_get_total (result), ==, 4);
  g_clear_pointer (&result, pw_solver_result_unref);

  /* A lock on a mentor that does not exist is refused. */
  pw_solver_problem_lock (problem, 0, 5);
  result = pw_solver_solve (problem, PW_SOLVER_POLICY_SCORE, NULL, NULL, NULL, &error);
  g_assert_error (error, PW_SOLVER_ERROR, PW_SOLVER_ERROR_BAD_LOCK);
}

static void
test_priority (void)
{
  /* Two mentees want one mentor; the one left waiting last time gets it
   * once their bonus outweighs the difference. */
  g_autoptr(PwSolverProblem) problem = pw_solver_problem_new (2, 1);
  g_autoptr(PwSolverResult) before = NULL;
  g_autoptr(PwSolverResult) after = NULL;

  pw_solver_problem_set_score (problem, 0, 0, 8);
  pw_solver_problem_set_score (problem, 1, 0, 6);

  before = pw_solver_solve (problem, PW_SOLVER_POLICY_COVERAGE, NULL, NULL, NULL, NULL);
  g_assert_cmpint (pw_solver_result_get_mentor (before, 0), ==, 0);

  pw_solver_problem_set_priority (problem, 1, 5);
  after = pw_solver_solve (problem, PW_SOLVER_POLICY_COVERAGE, NULL, NULL, NULL, NULL);
  g_assert_cmpint (pw_solver_result_get_mentor (after, 1), ==, 0);
  g_assert_cmpint (pw_solver_result_get_mentor (after, 0), ==, -1);
  /* The bonus is not part of the reported total. */
  g_assert_cmpint (pw_solver_result_get_total (after), ==, 6);
}

static void
test_random_mode (void)
{
  g_autoptr(PwSolverProblem) problem = large_problem (200, 90, 2, 10);
  g_autoptr(PwSolverResult) best = pw_solver_solve (problem, PW_SOLVER_POLICY_COVERAGE, NULL, NULL, NULL, NULL);
  g_autoptr(PwSolverResult) a = NULL;
  g_autoptr(PwSolverResult) b = NULL;
  g_autoptr(PwSolverResult) c = NULL;
  g_autoptr(GError) error = NULL;

  pw_solver_problem_lock (problem, 3, 7);
  a = pw_solver_random (problem, 42, NULL, &error);
  g_assert_no_error (error);
  b = pw_solver_random (problem, 42, NULL, &error);
  g_assert_no_error (error);
  c = pw_solver_random (problem, 43, NULL, &error);
  g_assert_no_error (error);

  check_feasible (problem, a);
  check_feasible (problem, c);
  g_assert_cmpuint (pw_solver_result_get_seed (a), ==, 42);
  g_assert_cmpint (pw_solver_result_get_mentor (a, 3), ==, 7);
  g_assert_cmpmem (pw_solver_result_get_assignment (a), 200 * sizeof (int),
                   pw_solver_result_get_assignment (b), 200 * sizeof (int));
  g_assert_true (memcmp (pw_solver_result_get_assignment (a),
                         pw_solver_result_get_assignment (c), 200 * sizeof (int)) != 0);

  /* As many matched as the optimum; a lower total, almost surely. */
  g_assert_cmpuint (pw_solver_result_get_n_matched (a), ==, pw_solver_result_get_n_matched (best));
  g_assert_cmpint (pw_solver_result_get_total (a), <, pw_solver_result_get_total (best));
}

static void
test_random_reproducible (void)
{
  /* A fixed instance and seed give a fixed answer on every platform:
   * splitmix64 is pure 64-bit integer arithmetic. */
  g_autoptr(PwSolverProblem) problem = pw_solver_problem_new (4, 4);
  g_autoptr(PwSolverResult) result = NULL;
  int first[4];

  result = pw_solver_random (problem, 1, NULL, NULL);
  for (guint i = 0; i < 4; i++)
    first[i] = pw_solver_result_get_mentor (result, i);
  g_assert_cmpuint (pw_solver_result_get_n_matched (result), ==, 4);

  for (guint k = 0; k < 5; k++)
    {
      g_autoptr(PwSolverResult) again = pw_solver_random (problem, 1, NULL, NULL);

      g_assert_cmpmem (first, sizeof first, pw_solver_result_get_assignment (again), sizeof first);
    }
}

static void
test_cancel_before (void)
{
  g_autoptr(PwSolverProblem) problem = large_problem (50, 50, 1, 11);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(PwSolverResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  result = pw_solver_solve (problem, PW_SOLVER_POLICY_COVERAGE, cancellable, NULL, NULL, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (result);
}

static void
cancel_at_half_cb (guint    done,
                   guint    total,
                   gpointer user_data)
{
  if (done * 2 >= total)
    g_cancellable_cancel (user_data);
}

static void
test_cancel_during (void)
{
  g_autoptr(PwSolverProblem) problem = large_problem (400, 400, 1, 12);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(PwSolverResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = pw_solver_solve (problem, PW_SOLVER_POLICY_COVERAGE, cancellable,
                            cancel_at_half_cb, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (result);
}

typedef struct
{
  GMainLoop      *loop;
  PwSolverResult *result;
  GThread        *main_thread;
  guint           n_progress;
  guint           last_done;
} AsyncState;

static void
async_progress_cb (guint    done,
                   guint    total,
                   gpointer user_data)
{
  AsyncState *state = user_data;

  g_assert_true (g_thread_self () == state->main_thread);
  g_assert_cmpuint (done, <=, total);
  g_assert_cmpuint (done, >=, state->last_done);
  state->last_done = done;
  state->n_progress++;
}

static void
solved_cb (GObject      *source,
           GAsyncResult *res,
           gpointer      user_data)
{
  AsyncState *state = user_data;
  g_autoptr(GError) error = NULL;

  state->result = pw_solver_solve_finish (res, &error);
  g_assert_no_error (error);
  g_main_loop_quit (state->loop);
}

static void
test_async (void)
{
  g_autoptr(PwSolverProblem) problem = large_problem (300, 200, 2, 13);
  g_autoptr(PwSolverResult) sync = pw_solver_solve (problem, PW_SOLVER_POLICY_SCORE, NULL, NULL, NULL, NULL);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncState state = { loop, NULL, g_thread_self (), 0, 0 };

  pw_solver_solve_async (problem, PW_SOLVER_POLICY_SCORE, NULL,
                         async_progress_cb, &state, solved_cb, &state);
  g_main_loop_run (loop);

  /* Let the last progress update through. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_assert_nonnull (state.result);
  g_assert_cmpmem (pw_solver_result_get_assignment (sync), 300 * sizeof (int),
                   pw_solver_result_get_assignment (state.result), 300 * sizeof (int));
  g_assert_cmpuint (state.n_progress, >, 1);
  g_assert_cmpuint (state.last_done, ==, 300);
  pw_solver_result_unref (state.result);
}

static void
test_degenerate (void)
{
  g_autoptr(PwSolverProblem) none = pw_solver_problem_new (0, 0);
  g_autoptr(PwSolverProblem) no_mentors = pw_solver_problem_new (3, 0);
  g_autoptr(PwSolverProblem) no_room = pw_solver_problem_new (2, 2);
  g_autoptr(PwSolverResult) r1 = pw_solver_solve (none, PW_SOLVER_POLICY_COVERAGE, NULL, NULL, NULL, NULL);
  g_autoptr(PwSolverResult) r2 = pw_solver_solve (no_mentors, PW_SOLVER_POLICY_COVERAGE, NULL, NULL, NULL, NULL);
  g_autoptr(PwSolverResult) r3 = NULL;

  pw_solver_problem_set_capacity (no_room, 0, 0);
  pw_solver_problem_set_capacity (no_room, 1, 0);
  r3 = pw_solver_solve (no_room, PW_SOLVER_POLICY_SCORE, NULL, NULL, NULL, NULL);

  g_assert_cmpuint (pw_solver_result_get_n_matched (r1), ==, 0);
  g_assert_cmpuint (pw_solver_result_get_n_matched (r2), ==, 0);
  g_assert_cmpint (pw_solver_result_get_mentor (r2, 2), ==, -1);
  g_assert_cmpuint (pw_solver_result_get_n_matched (r3), ==, 0);
  g_assert_cmpint (pw_solver_result_get_total (r3), ==, 0);
}

static void
test_too_large (void)
{
  /* 9,000 mentees whose scores span all of gint32 would need more than 64
   * bits under the coverage offset: refused, not answered wrongly. */
  g_autoptr(PwSolverProblem) problem = pw_solver_problem_new (9000, 2);
  g_autoptr(PwSolverResult) result = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 9000; i++)
    {
      pw_solver_problem_set_score (problem, i, 0, G_MAXINT32);
      pw_solver_problem_set_score (problem, i, 1, G_MININT32 + 1);
    }
  pw_solver_problem_set_capacity (problem, 0, 9000);
  pw_solver_problem_set_capacity (problem, 1, 9000);

  result = pw_solver_solve (problem, PW_SOLVER_POLICY_COVERAGE, NULL, NULL, NULL, &error);
  g_assert_error (error, PW_SOLVER_ERROR, PW_SOLVER_ERROR_TOO_LARGE);
  g_assert_null (result);
}

static void
test_preconditions (void)
{
  g_autoptr(PwSolverProblem) problem = pw_solver_problem_new (2, 2);

  g_test_expect_message ("pw-solver", G_LOG_LEVEL_CRITICAL, "*mentor < self->n_mentors*");
  pw_solver_problem_set_score (problem, 0, 2, 1);
  g_test_assert_expected_messages ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/solver/brute-force/ties", test_brute_force_ties);
  g_test_add_func ("/solver/brute-force/negative", test_brute_force_negative);
  g_test_add_func ("/solver/brute-force/sparse", test_brute_force_sparse);
  g_test_add_func ("/solver/brute-force/locks-priority", test_brute_force_locks_priority);
  g_test_add_func ("/solver/brute-force/wide-scores", test_brute_force_wide_scores);
  g_test_add_func ("/solver/reference/large", test_reference_large);
  g_test_add_func ("/solver/score-bounds", test_score_bounds);
  g_test_add_func ("/solver/policies-differ", test_policies_differ);
  g_test_add_func ("/solver/determinism", test_determinism);
  g_test_add_func ("/solver/shuffled", test_shuffled);
  g_test_add_func ("/solver/locks", test_locks);
  g_test_add_func ("/solver/priority", test_priority);
  g_test_add_func ("/solver/random/constraints", test_random_mode);
  g_test_add_func ("/solver/random/reproducible", test_random_reproducible);
  g_test_add_func ("/solver/cancel/before", test_cancel_before);
  g_test_add_func ("/solver/cancel/during", test_cancel_during);
  g_test_add_func ("/solver/async", test_async);
  g_test_add_func ("/solver/degenerate", test_degenerate);
  g_test_add_func ("/solver/too-large", test_too_large);
  g_test_add_func ("/solver/preconditions", test_preconditions);

  return g_test_run ();
}
