/* pw-solver.c — exact optimal matching of mentees to mentors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The model is a min-cost flow: source → mentee (capacity 1) → mentor
 * (cost −score) → sink (capacity = the mentor's capacity), plus for every
 * mentee a private "unmatched" arc of cost 0. It is solved by successive
 * shortest augmenting paths in the Jonker–Volgenant manner: mentees are
 * placed one at a time, in index order; each placement is a Dijkstra
 * search over mentors on reduced costs (c − u − v ≥ 0), after which the
 * potentials are updated and the path is flipped. After mentee k is placed
 * the assignment of mentees 0…k is optimal for them alone, so the last
 * placement leaves the whole assignment optimal.
 *
 * Capacity without duplication: a mentor is one column with one potential
 * v, however many slots it has. A mentor that still has room ends a path
 * (its potential never moved, so every such mentor has v = 0 and they
 * compare fairly); a full one, when reached, hands the search on to all of
 * its mentees at once, each at the mentor's distance because the arcs of a
 * pair in the assignment are tight. Memory is O(n_mentees + n_mentors +
 * Σ capacity) beside the caller's score matrix, which is read in place
 * (and the lists below).
 *
 * Speed: a mentee whose nearest mentor has room is placed by one straight
 * pass over its row, with no search state (most are, until the mentors
 * fill up). The search proper goes by levels, as Jonker and Volgenant's
 * does: all mentors at the least distance are taken together. It never
 * looks beyond a bound: the distance of the nearest mentor with room seen
 * so far, or of leaving someone unmatched, since the search ends there at
 * the latest and a mentor farther away can neither end it nor be passed
 * through. As every v ≤ 0, only mentors whose score reaches a threshold
 * can be within the bound; they are few, and a mentee that searches keep
 * reaching gets a short list of its best mentors, so a search reads a few
 * entries instead of whole rows of a matrix too large for the cache. When
 * the threshold goes below the list, the whole row is filtered, sixteen
 * scores to a vector compare. A caller that knows the range of the scores
 * (pw_solver_problem_set_score_bounds()) spares the pass that finds it.
 * Memory beside the matrix grows by 64 list entries per mentee.
 *
 * The unmatched arcs are never stored: a mentee's own "unmatched" column is
 * free with potential 0 while it is matched, so reaching it costs d − u;
 * once a mentee is left unmatched nobody can reach it any more (its column
 * is private), so it stays out for good.
 *
 * Everything is integer arithmetic on gint64, so the result is exact, and
 * the search visits mentors in a fixed order with fixed tie rules (a level
 * in the order its mentors were first reached; a mentee's list by score,
 * then index), so the same input always gives the same output.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-solver"

#include <string.h>

#include <glib/gi18n.h>

#include "pw-solver.h"
#include "pw-util.h"

struct _PwSolverProblem
{
  guint   n_mentees;
  guint   n_mentors;
  gint32 *scores;    /* n_mentees × n_mentors, row-major */
  guint  *capacity;  /* n_mentors */
  int    *locks;     /* n_mentees, -1 for none */
  gint32 *priority;  /* n_mentees */
  gboolean has_bounds;  /* every allowed score is in [lo_bound, hi_bound] */
  gint32   lo_bound;
  gint32   hi_bound;
};

struct _PwSolverResult
{
  guint   n_mentees;
  int    *mentor;
  gint64  total;
  guint   n_matched;
  guint64 seed;
};

typedef struct
{
  PwSolverProblem      *problem;
  PwSolverPolicy        policy;
  PwSolverProgressFunc  progress;
  gpointer              progress_data;
  GMainContext         *context;
  guint                 last_percent;
} SolveTaskData;

typedef struct
{
  PwSolverProgressFunc progress;
  gpointer             progress_data;
  guint                done;
  guint                total;
} ProgressUpdate;

/* Far beyond any reachable distance (see check_range), and still safe to
 * shift left by one. */
#define INF (G_MAXINT64 / 4)

/* Where a mentor stands in one search. */
enum
{
  COL_UNSEEN,   /* not reached within the bound */
  COL_WAITING,  /* reached, farther than the current level */
  COL_LEVEL,    /* at the current level, to be passed through */
  COL_DONE,     /* passed through: its mentees were reached */
};

/* Mentors a search looks at together when it filters a whole row. */
#define CANDIDATE_BLOCK 16

/* How many of each mentee's best mentors a search keeps at hand, once
 * searches have reached the mentee this many times. */
#define N_CANDIDATES 64
#define SCANS_BEFORE_LIST 4

/* A mentor in a mentee's list: the score in the high half, the index
 * complemented in the low half, so that one comparison orders by higher
 * score, then lower index. */
typedef gint64 Candidate;

static inline Candidate
candidate_new (gint32 score,
               guint  col)
{
  return (Candidate)(((guint64)(guint32)score << 32) | (G_MAXUINT32 - col));
}

static inline gint32
candidate_score (Candidate c)
{
  return (gint32)(c >> 32);
}

static inline guint
candidate_col (Candidate c)
{
  return G_MAXUINT32 - (guint32)c;
}

G_DEFINE_QUARK (pw-solver-error-quark, pw_solver_error)

G_DEFINE_BOXED_TYPE (PwSolverProblem, pw_solver_problem,
                     pw_solver_problem_ref, pw_solver_problem_unref)
G_DEFINE_BOXED_TYPE (PwSolverResult, pw_solver_result,
                     pw_solver_result_ref, pw_solver_result_unref)

static void
problem_clear (gpointer data)
{
  PwSolverProblem *self = data;

  g_clear_pointer (&self->scores, g_free);
  g_clear_pointer (&self->capacity, g_free);
  g_clear_pointer (&self->locks, g_free);
  g_clear_pointer (&self->priority, g_free);
}

static void
result_clear (gpointer data)
{
  PwSolverResult *self = data;

  g_clear_pointer (&self->mentor, g_free);
}

static PwSolverResult *
result_new (guint n_mentees)
{
  PwSolverResult *self = g_atomic_rc_box_new0 (PwSolverResult);

  self->n_mentees = n_mentees;
  self->mentor = g_new (int, MAX (n_mentees, 1));
  for (guint i = 0; i < n_mentees; i++)
    self->mentor[i] = -1;

  return self;
}

static void
solve_task_data_free (gpointer data)
{
  SolveTaskData *td = data;

  g_clear_pointer (&td->problem, pw_solver_problem_unref);
  g_clear_pointer (&td->context, g_main_context_unref);
  g_free (td);
}

/* splitmix64 (Steele, Lea, Flood 2014): tiny, and the same sequence on
 * every platform, so a seed repeats a random run anywhere. */
static guint64
splitmix64_next (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9E3779B97F4A7C15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94D049BB133111EB);
  return z ^ (z >> 31);
}

static gboolean
check_locks (PwSolverProblem  *problem,
             guint            *room,
             GError          **error)
{
  for (guint i = 0; i < problem->n_mentees; i++)
    {
      int j = problem->locks[i];

      if (j < 0)
        continue;

      if ((guint)j >= problem->n_mentors)
        {
          g_set_error (error, PW_SOLVER_ERROR, PW_SOLVER_ERROR_BAD_LOCK,
                       _("Mentee %u is locked to mentor %d, which does not exist; "
                         "there are %u mentors. Unlock the pair."),
                       i, j, problem->n_mentors);
          return FALSE;
        }

      if (problem->scores[(gsize)i * problem->n_mentors + j] == PW_SOLVER_FORBIDDEN)
        {
          g_set_error (error, PW_SOLVER_ERROR, PW_SOLVER_ERROR_BAD_LOCK,
                       _("Mentee %u is locked to mentor %d, but that pair is forbidden. "
                         "Unlock the pair or lift the rule that forbids it."),
                       i, j);
          return FALSE;
        }

      if (room[j] == 0)
        {
          g_set_error (error, PW_SOLVER_ERROR, PW_SOLVER_ERROR_BAD_LOCK,
                       _("Mentor %d has more locked mentees than their capacity of %u. "
                         "Unlock one of the pairs or raise the capacity."),
                       j, problem->capacity[j]);
          return FALSE;
        }

      room[j]--;
    }

  return TRUE;
}

/* The offset for the coverage policy, and the check that no sum can
 * overflow.
 *
 * Let e = score + priority bonus of an allowed pair, e_min ≤ e ≤ e_max over
 * the pairs that can be used, and K the largest number of pairs a solution
 * can have (≤ min(mentees, Σ capacity)). Every allowed pair is valued
 * e + M, an unmatched mentee 0. Take two assignments A and B with |A| =
 * |B| + t, t ≥ 1, |B| = k ≤ K − t. Then
 *
 *   value(A) − value(B) = t·M + Σ_A e − Σ_B e
 *                       ≥ t·M + (k + t)·e_min − k·e_max
 *                       = t·(M + e_min) − k·(e_max − e_min)
 *                       ≥ t·(M − |e_min|) − K·(e_max − e_min)
 *
 * so M = K·(e_max − e_min) + |e_min| + 1 makes it ≥ t > 0: any assignment
 * with more pairs is worth more, and among those with as many pairs the
 * order is that of Σ e. Every pair is then worth at least 1.
 *
 * Range: with C = max |e + M| every potential and path length the search
 * builds is a sum of at most 2·(mentees + 1) arc costs, so it stays within
 * ±2·(n + 1)·C. We require 8·(n + 2)·C ≤ INF, which leaves every sum, and
 * the shift by one bit used for tie-breaking, far inside gint64. At 4,000
 * mentees and scores 0–20 that is about 2^31, nowhere near the limit; only
 * scores spread over the whole gint32 range at tens of thousands of
 * mentees can fail it, and then with an error rather than a wrong answer. */
static gboolean
check_range (guint     n_rows,
             guint64   max_pairs,
             gint64    e_min,
             gint64    e_max,
             gboolean  coverage,
             gint64   *out_offset,
             GError  **error)
{
  guint64 spread = (guint64)(e_max - e_min);
  guint64 offset = 0;
  guint64 c_max;
  guint64 bound;

  if (coverage)
    {
      if (!g_uint64_checked_mul (&offset, max_pairs, spread) ||
          !g_uint64_checked_add (&offset, offset, (guint64)(e_min < 0 ? -e_min : 0)) ||
          !g_uint64_checked_add (&offset, offset, 1) ||
          offset > (guint64)INF)
        goto too_large;
    }

  c_max = MAX ((guint64)ABS (e_min + (gint64)offset), (guint64)ABS (e_max + (gint64)offset));
  if (!g_uint64_checked_mul (&bound, 8 * ((guint64)n_rows + 2), c_max) ||
      bound > (guint64)INF)
    goto too_large;

  *out_offset = (gint64)offset;
  return TRUE;

too_large:
  {
    g_autofree char *lo = g_strdup_printf ("%" G_GINT64_FORMAT, e_min);
    g_autofree char *hi = g_strdup_printf ("%" G_GINT64_FORMAT, e_max);

    g_set_error (error, PW_SOLVER_ERROR, PW_SOLVER_ERROR_TOO_LARGE,
                 _("The scores range from %s to %s, too wide to solve %u mentees exactly. "
                   "Use a smaller range of scores."),
                 lo, hi, n_rows);
  }
  return FALSE;
}

/* Whether any of CANDIDATE_BLOCK scores reaches @threshold: a fixed-length
 * loop without early exit, which the compiler turns into a few vector
 * compares. */
static inline gboolean
block_has_candidate (const gint32 *w,
                     gint32        threshold)
{
  int hit = 0;

  for (guint k = 0; k < CANDIDATE_BLOCK; k++)
    hit |= w[k] >= threshold;

  return hit != 0;
}

/* How many of the @m scores reach @threshold (a loop the compiler
 * vectorises). */
static guint
count_at_least (const gint32 *w,
                guint         m,
                gint32        threshold)
{
  guint count = 0;

  for (guint j = 0; j < m; j++)
    count += w[j] >= threshold;

  return count;
}

/* The order of a mentee's list: higher score first, then lower index. */
static inline gboolean
candidate_before (const Candidate *a,
                  const Candidate *b)
{
  return *a > *b;
}

/* Moves the @k first in candidate order to the front of @c, in any order
 * (Hoare's selection, the pivot a median of three: deterministic). */
static void
select_candidates (Candidate *c,
                   guint      n,
                   guint      k)
{
  guint lo = 0;
  guint hi = n;  /* the k-th lies in [lo, hi) */

  while (hi - lo > 1)
    {
      guint mid = lo + (hi - 1 - lo) / 2;  /* the lower middle: both parts gain */
      Candidate pivot;
      Candidate t;
      guint i = lo;
      guint j = hi - 1;

      /* Median of three to the middle. */
      if (candidate_before (&c[hi - 1], &c[lo]))
        t = c[lo], c[lo] = c[hi - 1], c[hi - 1] = t;
      if (candidate_before (&c[mid], &c[lo]))
        t = c[lo], c[lo] = c[mid], c[mid] = t;
      if (candidate_before (&c[hi - 1], &c[mid]))
        t = c[mid], c[mid] = c[hi - 1], c[hi - 1] = t;
      pivot = c[mid];

      for (;;)
        {
          while (candidate_before (&c[i], &pivot))
            i++;
          while (candidate_before (&pivot, &c[j]))
            j--;
          if (i >= j)
            break;
          t = c[i], c[i] = c[j], c[j] = t;
          i++;
          j--;
        }

      /* [lo, j] before or equal to the pivot, (j, hi) after or equal. */
      if (k <= j)
        hi = j + 1;
      else
        lo = j + 1;
    }
}

static void
sort_candidates (Candidate *c,
                 guint      n)
{
  for (guint i = 1; i < n; i++)
    {
      Candidate x = c[i];
      guint k = i;

      for (; k > 0 && candidate_before (&x, &c[k - 1]); k--)
        c[k] = c[k - 1];
      c[k] = x;
    }
}

/* One pass over a mentee's row for its N_CANDIDATES best mentors, best first (equal scores: lower index
 * first), with in @cut a score no mentor left out exceeds
 * (PW_SOLVER_FORBIDDEN when none was left out). Searches read a few
 * entries of this short list rather than the whole row, which lies far
 * away in memory. Scores are gathered without branches into @buffer
 * (4 × N_CANDIDATES + CANDIDATE_BLOCK entries) while they beat the
 * N_CANDIDATES-th best so far, skipping blocks of sixteen without one; a
 * full buffer is cut back to the best. */
static guint
collect_candidates (const gint32 *w,
                    guint         m,
                    Candidate    *buffer,
                    Candidate    *list,
                    gint32       *cut)
{
  gint32 floor_score = PW_SOLVER_FORBIDDEN;  /* only scores above it may count */
  guint n = 0;
  gboolean dropped = FALSE;

  /* A first floor: the N_CANDIDATES-th highest of the maxima of blocks of
   * eight. That many scores (the maxima) reach it, so the best
   * N_CANDIDATES all do, and most of the row is skipped from the start. */
  if (m / 8 >= 2 * N_CANDIDATES)
    {
      guint n_maxima = 0;

      for (guint j0 = 0; j0 + 8 <= m; j0 += 8)
        {
          gint32 hi = w[j0];

          for (guint k = 1; k < 8; k++)
            hi = MAX (hi, w[j0 + k]);
          buffer[n_maxima++] = candidate_new (hi, j0);
          if (n_maxima == 4 * N_CANDIDATES + CANDIDATE_BLOCK)
            {
              select_candidates (buffer, n_maxima, N_CANDIDATES);
              n_maxima = N_CANDIDATES;
            }
        }
      select_candidates (buffer, n_maxima, N_CANDIDATES);
      floor_score = candidate_score (buffer[0]);
      for (guint i = 1; i < N_CANDIDATES; i++)
        floor_score = MIN (floor_score, candidate_score (buffer[i]));

      if (floor_score != PW_SOLVER_FORBIDDEN)
        {
          floor_score--;
          dropped = TRUE;  /* N_CANDIDATES at least will be found */
        }
    }

  for (guint j0 = 0; j0 < m; j0 += CANDIDATE_BLOCK)
    {
      const guint end = MIN (j0 + CANDIDATE_BLOCK, m);

      if (end - j0 == CANDIDATE_BLOCK && !block_has_candidate (w + j0, floor_score + 1))
        continue;

      for (guint j = j0; j < end; j++)
        {
          const gint32 sc = w[j];

          buffer[n] = candidate_new (sc, j);
          n += sc > floor_score;
        }

      if (n >= 4 * N_CANDIDATES)
        {
          select_candidates (buffer, n, N_CANDIDATES);
          n = N_CANDIDATES;
          dropped = TRUE;
          /* Equal to the worst kept and later in the row: after it. */
          floor_score = candidate_score (buffer[0]);
          for (guint i = 1; i < n; i++)
            floor_score = MIN (floor_score, candidate_score (buffer[i]));
        }
    }

  if (n > N_CANDIDATES)
    {
      select_candidates (buffer, n, N_CANDIDATES);
      n = N_CANDIDATES;
      dropped = TRUE;
    }
  sort_candidates (buffer, n);
  memcpy (list, buffer, n * sizeof (Candidate));

  /* Every score left out was at most the least one kept. */
  *cut = dropped ? candidate_score (list[n - 1]) : PW_SOLVER_FORBIDDEN;

  return n;
}

/* One search's mentors, and how far it may go. */
typedef struct
{
  const gint64 *v;
  const guint8 *full;
  gint64       *spc;
  guint        *path;
  guint8       *mark;
  guint        *touched;
  guint        *waiting;
  guint        *level_queue;
  guint         n_touched;
  guint         n_waiting;
  guint         n_level;
  gint64        level;  /* the current level, G_MININT64 before the first */
  gint64        bound;  /* the search ends no farther than this */
} Search;

/* Reaches mentor @j, scoring @score, from mentee @r, for whom
 * @base_less_add = distance − u − (priority bonus + offset). Returns TRUE
 * when @j has room and is at the current level: the search ends there. */
static inline gboolean
relax (Search  *s,
       guint    r,
       guint    j,
       gint64   base_less_add,
       gint32   score)
{
  const gint64 d = base_less_add - score - s->v[j];

  if (d > s->bound || d >= s->spc[j])
    return FALSE;

  if (s->mark[j] == COL_UNSEEN)
    {
      s->mark[j] = COL_WAITING;
      s->touched[s->n_touched++] = j;
      s->waiting[s->n_waiting++] = j;
    }
  s->spc[j] = d;
  s->path[j] = r;

  if (!s->full[j])
    {
      if (d == s->level)
        return TRUE;
      s->bound = d;
    }
  else if (d == s->level)
    {
      s->mark[j] = COL_LEVEL;
      s->level_queue[s->n_level++] = j;
    }

  return FALSE;
}

/* The fast path's pass over a row: the least key (distance × 2 + full),
 * the lowest index among equals; with @check, the row's least and
 * greatest usable score too. Inlined twice, so that the usual pass does
 * not pay for the check. */
G_ALWAYS_INLINE static inline void
nearest_mentor (const gint32  *w,
                guint          m,
                gint64         add,
                const gint64  *v,
                const guint8  *full,
                gboolean       check,
                gint64        *best_key_out,
                guint         *best_j_out,
                gint32        *lo_out,
                gint32        *hi_out)
{
  gint64 best_key = G_MAXINT64;
  guint best_j = 0;
  gint32 lo = G_MAXINT32;
  gint32 hi = PW_SOLVER_FORBIDDEN;

  for (guint j = 0; j < m; j++)
    {
      const gint32 sc = w[j];
      gint64 d, key;

      if (sc == PW_SOLVER_FORBIDDEN)
        continue;
      if (check)
        {
          lo = MIN (lo, sc);
          hi = MAX (hi, sc);
        }
      d = -(sc + add) - v[j];
      key = d * 2 + full[j];
      if (key < best_key)
        {
          best_key = key;
          best_j = j;
        }
    }

  *best_key_out = best_key;
  *best_j_out = best_j;
  if (check)
    {
      *lo_out = lo;
      *hi_out = hi;
    }
}

/* The search itself. @weights is the matrix to optimise (the problem's
 * scores, or random ones), with PW_SOLVER_FORBIDDEN where forbidden;
 * @bonus is per mentee or NULL. Fills @assignment (already -1 for every
 * mentee, and holding the locked pairs). */
static gboolean
solve_assignment (PwSolverProblem       *problem,
                  const gint32          *weights,
                  const gint32          *bonus,
                  PwSolverPolicy         policy,
                  gboolean               use_bounds,
                  gboolean              *bounds_broken,
                  int                   *assignment,
                  GCancellable          *cancellable,
                  PwSolverProgressFunc   progress,
                  gpointer               progress_data,
                  GError               **error)
{
  const guint n = problem->n_mentees;
  const guint m = problem->n_mentors;
  g_autofree guint *room = g_new0 (guint, MAX (m, 1));
  g_autofree guint *rows = g_new (guint, MAX (n, 1));
  g_autofree gsize *slot_start = g_new (gsize, m + 1);
  g_autofree guint *slot_count = g_new0 (guint, MAX (m, 1));
  g_autofree guint *slot_row = NULL;
  g_autofree guint8 *full = g_new0 (guint8, MAX (m, 1));
  g_autofree gint64 *u = g_new0 (gint64, MAX (n, 1));
  g_autofree gint64 *v = g_new0 (gint64, MAX (m, 1));
  g_autofree gint64 *spc = g_new (gint64, MAX (m, 1));
  g_autofree guint *path = g_new (guint, MAX (m, 1));
  g_autofree guint8 *mark = g_new0 (guint8, MAX (m, 1));
  g_autofree guint *touched = g_new (guint, MAX (m, 1));
  g_autofree guint *waiting = g_new (guint, MAX (m, 1));
  g_autofree guint *level_queue = g_new (guint, MAX (m, 1));
  g_autofree guint *done = g_new (guint, MAX (m, 1));
  /* Each mentee's best mentors, gathered the first time a search
   * reaches them (n_candidates G_MAXUINT until then). */
  g_autofree Candidate *candidates = NULL;
  g_autofree guint *n_candidates = NULL;
  g_autofree gint32 *candidates_cut = NULL;
  g_autofree guint8 *scans = NULL;
  Candidate buffer[4 * N_CANDIDATES + CANDIDATE_BLOCK];
  Search search = {
    .v = v, .full = full, .spc = spc, .path = path, .mark = mark,
    .touched = touched, .waiting = waiting, .level_queue = level_queue,
  };
  g_autofree guint *scanned_rows = g_new (guint, MAX (n, 1));
  g_autofree gint64 *scanned_dist = g_new (gint64, MAX (n, 1));
  guint n_rows = 0;
  guint64 total_room = 0;
  gint64 e_min = G_MAXINT64;
  gint64 e_max = G_MININT64;
  gint64 offset = 0;
  guint last_percent = G_MAXUINT;

  for (guint j = 0; j < m; j++)
    room[j] = problem->capacity[j];
  if (!check_locks (problem, room, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (problem->locks[i] < 0)
      rows[n_rows++] = i;

  /* A mentor never needs more slots than there are mentees to place. */
  slot_start[0] = 0;
  for (guint j = 0; j < m; j++)
    {
      room[j] = MIN (room[j], n_rows);
      slot_start[j + 1] = slot_start[j] + room[j];
      total_room += room[j];
      full[j] = room[j] == 0;  /* never ends a path */
      spc[j] = INF;
    }
  slot_row = g_new (guint, MAX (slot_start[m], 1));

  /* The range of values, over whole rows for speed (a straight pass the
   * compiler vectorises): counting mentors without room can only widen it,
   * and a wider range still gives a valid offset. Unless the caller knows
   * it already: then the pass is spared, and the rows are checked against
   * it as they are read anyway. */
  for (guint k = 0; use_bounds && k < n_rows; k++)
    {
      gint64 b = bonus != NULL ? bonus[rows[k]] : 0;

      e_min = MIN (e_min, problem->lo_bound + b);
      e_max = MAX (e_max, problem->hi_bound + b);
    }
  for (guint k = 0; !use_bounds && k < n_rows; k++)
    {
      const gint32 *w = weights + (gsize)rows[k] * m;
      gint64 b = bonus != NULL ? bonus[rows[k]] : 0;
      gint32 lo = G_MAXINT32;
      gint32 hi = PW_SOLVER_FORBIDDEN;

      for (guint j = 0; j < m; j++)
        {
          gint32 s = w[j];

          hi = MAX (hi, s);
          lo = MIN (lo, s == PW_SOLVER_FORBIDDEN ? G_MAXINT32 : s);
        }

      if (hi == PW_SOLVER_FORBIDDEN)
        continue;  /* every pair of this mentee is forbidden */
      e_min = MIN (e_min, lo + b);
      e_max = MAX (e_max, hi + b);
    }

  if (e_min > e_max)
    return TRUE;  /* no usable pair at all: nobody else is matched */

  if (!check_range (n_rows, MIN (total_room, n_rows), e_min, e_max,
                    policy == PW_SOLVER_POLICY_COVERAGE, &offset, error))
    return FALSE;

  for (guint k = 0; k < n_rows; k++)
    {
      const guint root = rows[k];
      guint n_scanned_rows = 0;
      guint first_new = 0;
      guint next_level = 0;
      guint n_done = 0;
      gint64 best_dummy = INF;
      guint dummy_row = root;
      gint64 min_val;
      gboolean to_dummy = FALSE;
      guint sink = 0;
      guint percent;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      percent = (guint)((guint64)k * 100 / n_rows);
      if (progress != NULL && percent != last_percent)
        {
          last_percent = percent;
          progress (k, n_rows, progress_data);
        }

      /* Most mentees find their nearest mentor free: one straight pass
       * over their row settles them, with no search state to set up. The
       * root's own "unmatched" column is at distance 0. */
      {
        const gint32 *w = weights + (gsize)root * m;
        const gint64 add = (bonus != NULL ? bonus[root] : 0) + offset;
        gint64 best_key = G_MAXINT64;
        gint64 best_free = INF;
        guint best_j = 0;

        if (use_bounds)
          {
            gint32 lo = G_MAXINT32;
            gint32 hi = PW_SOLVER_FORBIDDEN;

            nearest_mentor (w, m, add, v, full, TRUE, &best_key, &best_j, &lo, &hi);
            if (hi != PW_SOLVER_FORBIDDEN && (lo < problem->lo_bound || hi > problem->hi_bound))
              {
                *bounds_broken = TRUE;
                return TRUE;
              }
          }
        else
          nearest_mentor (w, m, add, v, full, FALSE, &best_key, &best_j, NULL, NULL);

        if (best_key > 0)
          {
            /* Unmatched, at distance 0, is nearest: every mentor is
             * farther, or full at distance 0 (key 1), which loses the tie. */
            continue;
          }
        if (best_key % 2 == 0)
          {
            u[root] = best_key / 2;
            assignment[root] = (int)best_j;
            slot_row[slot_start[best_j] + slot_count[best_j]++] = root;
            full[best_j] = slot_count[best_j] == room[best_j];
            continue;
          }

        /* A search it is. Its first bound: the nearest mentor with room,
         * or leaving the root unmatched. */
        for (guint j = 0; j < m; j++)
          {
            const gint32 sc = w[j];

            if (sc != PW_SOLVER_FORBIDDEN && !full[j])
              best_free = MIN (best_free, -(sc + add) - v[j]);
          }
        search.bound = MIN (best_free, 0);
      }

      search.n_touched = search.n_waiting = search.n_level = 0;
      search.level = G_MININT64;
      if (candidates == NULL)
        {
          candidates = g_new (Candidate, (gsize)n * N_CANDIDATES);
          n_candidates = g_new (guint, n);
          candidates_cut = g_new (gint32, n);
          scans = g_new0 (guint8, n);
          for (guint i = 0; i < n; i++)
            {
              n_candidates[i] = G_MAXUINT;
              candidates_cut[i] = G_MAXINT32;  /* no list yet: whole rows */
            }
        }

      scanned_rows[n_scanned_rows] = root;
      scanned_dist[n_scanned_rows++] = 0;

      /* Dijkstra by levels, as in Jonker and Volgenant's augment: all
       * mentors at the least distance are taken together. Only mentors
       * within the bound are ever looked at: the search ends at a mentor
       * with room or at leaving someone unmatched, so never farther than
       * the nearest of those seen so far, and a mentor beyond that can
       * neither end it nor be passed through. As v ≤ 0, a mentor is
       * within the bound only if its score is at least base − add −
       * bound: few are, and the mentee's list of best mentors usually
       * holds them all. */
      for (;;)
        {
          /* Relax the arcs of the mentees reached last. */
          for (guint s = first_new; s < n_scanned_rows; s++)
            {
              const guint r = scanned_rows[s];
              const gint32 *w = weights + (gsize)r * m;
              const gint64 base = scanned_dist[s] - u[r];
              const gint64 base_less_add = base - (bonus != NULL ? bonus[r] : 0) - offset;
              gint64 threshold;
              gint32 t32;

              if (base < best_dummy)
                {
                  best_dummy = base;
                  dummy_row = r;
                  search.bound = MIN (search.bound, base);
                }

              threshold = base_less_add - search.bound;
              if (threshold > G_MAXINT32)
                continue;
              /* Above PW_SOLVER_FORBIDDEN, so forbidden pairs never pass. */
              t32 = threshold <= G_MININT32 ? G_MININT32 + 1 : (gint32)threshold;

              /* The root's row was just read whole: it is at hand. A list
               * pays for itself only for a mentee searches keep reaching. */
              if (r != root && n_candidates[r] == G_MAXUINT && ++scans[r] >= SCANS_BEFORE_LIST)
                {
                  /* As v ≤ 0 and the arc to its own mentor is tight, a
                   * mentee's threshold never exceeds the score it has. If
                   * that many others score at least as much (many ties),
                   * a list would never serve: whole rows it is. */
                  if (count_at_least (w, m, w[assignment[r]]) > N_CANDIDATES)
                    {
                      n_candidates[r] = 0;
                      candidates_cut[r] = G_MAXINT32;
                    }
                  else
                    n_candidates[r] = collect_candidates (w, m, buffer, candidates + (gsize)r * N_CANDIDATES,
                                                          &candidates_cut[r]);
                }

              if (r != root && t32 > candidates_cut[r])
                {
                  const Candidate *list = candidates + (gsize)r * N_CANDIDATES;

                  for (guint c = 0; c < n_candidates[r] && candidate_score (list[c]) >= t32; c++)
                    if (room[candidate_col (list[c])] > 0 &&
                        relax (&search, r, candidate_col (list[c]), base_less_add, candidate_score (list[c])))
                      {
                        sink = candidate_col (list[c]);
                        min_val = search.level;
                        goto found;
                      }
                  continue;
                }

              /* Deeper than the list: the whole row, sixteen at a time. */
              for (guint j0 = 0; j0 < m; j0 += CANDIDATE_BLOCK)
                {
                  const guint end = MIN (j0 + CANDIDATE_BLOCK, m);

                  if (end - j0 == CANDIDATE_BLOCK && !block_has_candidate (w + j0, t32))
                    continue;

                  for (guint j = j0; j < end; j++)
                    if (w[j] >= t32 && room[j] > 0 && relax (&search, r, j, base_less_add, w[j]))
                      {
                        sink = j;
                        min_val = search.level;
                        goto found;
                      }
                }
            }
          first_new = n_scanned_rows;

          if (next_level == search.n_level)
            {
              /* The next level: every mentor at the least distance, in the
               * order they were first reached. */
              gint64 least = INF;
              guint kept = 0;

              for (guint a = 0; a < search.n_waiting; a++)
                {
                  const guint j = waiting[a];

                  if (mark[j] != COL_WAITING)
                    continue;
                  waiting[kept++] = j;
                  least = MIN (least, spc[j]);
                }
              search.n_waiting = kept;

              /* Leaving a mentee unmatched beats a full mentor at equal
               * distance but not a mentor with room. */
              if (best_dummy < least)
                {
                  min_val = best_dummy;
                  to_dummy = TRUE;
                  goto found;
                }

              for (guint a = 0; a < search.n_waiting; a++)
                if (spc[waiting[a]] == least && !full[waiting[a]])
                  {
                    sink = waiting[a];
                    min_val = least;
                    goto found;
                  }

              if (best_dummy == least)
                {
                  min_val = best_dummy;
                  to_dummy = TRUE;
                  goto found;
                }

              search.level = least;
              search.n_level = next_level = 0;
              for (guint a = 0; a < search.n_waiting; a++)
                if (spc[waiting[a]] == least)
                  {
                    mark[waiting[a]] = COL_LEVEL;
                    level_queue[search.n_level++] = waiting[a];
                  }
            }

          /* Pass through a full mentor: the search goes on from all its
           * mentees. */
          {
            const guint j = level_queue[next_level++];

            mark[j] = COL_DONE;
            done[n_done++] = j;
            for (gsize q = slot_start[j]; q < slot_start[j] + slot_count[j]; q++)
              {
                scanned_rows[n_scanned_rows] = slot_row[q];
                scanned_dist[n_scanned_rows++] = search.level;
              }
          }
        }

    found:
      /* Potentials: keeps every reduced cost ≥ 0 and the path tight. */
      for (guint s = 0; s < n_scanned_rows; s++)
        u[scanned_rows[s]] += min_val - scanned_dist[s];
      for (guint c = 0; c < n_done; c++)
        v[done[c]] -= min_val - spc[done[c]];
      for (guint t = 0; t < search.n_touched; t++)
        {
          spc[touched[t]] = INF;
          mark[touched[t]] = COL_UNSEEN;
        }

      /* Flip the path, from its end back to the root. */
      {
        guint i;
        int from;

        if (to_dummy)
          {
            i = dummy_row;
            from = assignment[i];
            assignment[i] = -1;
          }
        else
          {
            i = path[sink];
            from = assignment[i];
            assignment[i] = (int)sink;
            slot_row[slot_start[sink] + slot_count[sink]++] = i;
            full[sink] = slot_count[sink] == room[sink];
          }

        while (i != root)
          {
            guint j = (guint)from;
            gsize q = slot_start[j];

            /* j loses mentee i and gains the one it was reached from. */
            while (slot_row[q] != i)
              q++;
            i = path[j];
            slot_row[q] = i;
            from = assignment[i];
            assignment[i] = (int)j;
          }

        g_assert (from == -1);
      }
    }

  if (progress != NULL)
    progress (n_rows, n_rows, progress_data);

  return TRUE;
}

static PwSolverResult *
solve_with (PwSolverProblem       *problem,
            const gint32          *weights,
            const gint32          *bonus,
            PwSolverPolicy         policy,
            GCancellable          *cancellable,
            PwSolverProgressFunc   progress,
            gpointer               progress_data,
            GError               **error)
{
  g_autoptr(PwSolverResult) result = result_new (problem->n_mentees);
  gboolean bounds_broken = FALSE;

  for (guint i = 0; i < problem->n_mentees; i++)
    result->mentor[i] = problem->locks[i];

  if (!solve_assignment (problem, weights, bonus, policy, problem->has_bounds && weights == problem->scores,
                         &bounds_broken, result->mentor, cancellable, progress, progress_data, error))
    return NULL;

  if (bounds_broken)
    {
      /* Still exact, at the cost of starting again. */
      g_log (G_LOG_DOMAIN, G_LOG_LEVEL_CRITICAL,
             "A score lies outside the bounds set with pw_solver_problem_set_score_bounds() "
             "(%d to %d); solving without them.", problem->lo_bound, problem->hi_bound);
      for (guint i = 0; i < problem->n_mentees; i++)
        result->mentor[i] = problem->locks[i];
      if (!solve_assignment (problem, weights, bonus, policy, FALSE, &bounds_broken, result->mentor,
                             cancellable, progress, progress_data, error))
        return NULL;
    }

  for (guint i = 0; i < problem->n_mentees; i++)
    {
      int j = result->mentor[i];

      if (j < 0)
        continue;
      result->n_matched++;
      result->total += problem->scores[(gsize)i * problem->n_mentors + j];
    }

  return g_steal_pointer (&result);
}

static gboolean
progress_idle_cb (gpointer data)
{
  ProgressUpdate *update = data;

  update->progress (update->done, update->total, update->progress_data);
  return G_SOURCE_REMOVE;
}

/* Runs in the worker: hands at most one update per percent to the caller's
 * main context. */
static void
worker_progress_cb (guint    done,
                    guint    total,
                    gpointer user_data)
{
  SolveTaskData *td = user_data;
  guint percent = total > 0 ? (guint)((guint64)done * 100 / total) : 100;
  ProgressUpdate *update;

  if (percent == td->last_percent)
    return;
  td->last_percent = percent;

  update = g_new (ProgressUpdate, 1);
  update->progress = td->progress;
  update->progress_data = td->progress_data;
  update->done = done;
  update->total = total;
  pw_main_context_defer (td->context, progress_idle_cb, update, g_free);
}

static void
solve_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SolveTaskData *td = task_data;
  g_autoptr(GError) error = NULL;
  PwSolverResult *result;

  result = pw_solver_solve (td->problem, td->policy, cancellable,
                            td->progress != NULL ? worker_progress_cb : NULL, td,
                            &error);
  if (result == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, result, (GDestroyNotify)pw_solver_result_unref);
}

/* Public API: the problem */

PwSolverProblem *
pw_solver_problem_new (guint n_mentees,
                       guint n_mentors)
{
  PwSolverProblem *self;
  gsize n_cells;

  g_return_val_if_fail (n_mentors == 0 || n_mentees <= G_MAXSIZE / sizeof (gint32) / n_mentors, NULL);
  g_return_val_if_fail (n_mentees <= G_MAXINT && n_mentors <= G_MAXINT, NULL);

  n_cells = (gsize)n_mentees * n_mentors;
  self = g_atomic_rc_box_new0 (PwSolverProblem);
  self->n_mentees = n_mentees;
  self->n_mentors = n_mentors;
  self->scores = g_new0 (gint32, MAX (n_cells, 1));
  self->capacity = g_new (guint, MAX (n_mentors, 1));
  self->locks = g_new (int, MAX (n_mentees, 1));
  self->priority = g_new0 (gint32, MAX (n_mentees, 1));
  for (guint j = 0; j < n_mentors; j++)
    self->capacity[j] = 1;
  for (guint i = 0; i < n_mentees; i++)
    self->locks[i] = -1;

  return self;
}

PwSolverProblem *
pw_solver_problem_ref (PwSolverProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
pw_solver_problem_unref (PwSolverProblem *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, problem_clear);
}

/**
 * pw_solver_problem_copy:
 *
 * Returns: (transfer full): a deep copy, for changing one while the
 * original is being solved.
 */
PwSolverProblem *
pw_solver_problem_copy (PwSolverProblem *self)
{
  PwSolverProblem *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = pw_solver_problem_new (self->n_mentees, self->n_mentors);
  memcpy (copy->scores, self->scores, (gsize)self->n_mentees * self->n_mentors * sizeof (gint32));
  memcpy (copy->capacity, self->capacity, self->n_mentors * sizeof (guint));
  memcpy (copy->locks, self->locks, self->n_mentees * sizeof (int));
  memcpy (copy->priority, self->priority, self->n_mentees * sizeof (gint32));
  copy->has_bounds = self->has_bounds;
  copy->lo_bound = self->lo_bound;
  copy->hi_bound = self->hi_bound;

  return copy;
}

guint
pw_solver_problem_get_n_mentees (PwSolverProblem *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_mentees;
}

guint
pw_solver_problem_get_n_mentors (PwSolverProblem *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_mentors;
}

/**
 * pw_solver_problem_get_scores:
 *
 * Returns: (transfer none): the score matrix, row-major (mentee × mentor),
 * for filling in bulk; PW_SOLVER_FORBIDDEN marks a forbidden pair.
 */
gint32 *
pw_solver_problem_get_scores (PwSolverProblem *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->scores;
}

/**
 * pw_solver_problem_set_score:
 *
 * Sets a pair's score; PW_SOLVER_FORBIDDEN (G_MININT32) forbids the pair,
 * so the lowest usable score is G_MININT32 + 1.
 */
void
pw_solver_problem_set_score (PwSolverProblem *self,
                             guint            mentee,
                             guint            mentor,
                             gint32           score)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (mentee < self->n_mentees);
  g_return_if_fail (mentor < self->n_mentors);

  self->scores[(gsize)mentee * self->n_mentors + mentor] = score;
}

gint32
pw_solver_problem_get_score (PwSolverProblem *self,
                             guint            mentee,
                             guint            mentor)
{
  g_return_val_if_fail (self != NULL, PW_SOLVER_FORBIDDEN);
  g_return_val_if_fail (mentee < self->n_mentees, PW_SOLVER_FORBIDDEN);
  g_return_val_if_fail (mentor < self->n_mentors, PW_SOLVER_FORBIDDEN);

  return self->scores[(gsize)mentee * self->n_mentors + mentor];
}

/**
 * pw_solver_problem_set_score_bounds:
 * @lo: no allowed pair scores less
 * @hi: no allowed pair scores more
 *
 * Tells the solver the range of the allowed scores (priority bonuses
 * apart), which spares it a pass over the whole matrix to find it. A
 * wider range than the true one is fine. A score outside it is a
 * programming error: the solver notices, says so and solves again
 * without the bounds.
 */
void
pw_solver_problem_set_score_bounds (PwSolverProblem *self,
                                    gint32           lo,
                                    gint32           hi)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (lo > PW_SOLVER_FORBIDDEN && lo <= hi);

  self->has_bounds = TRUE;
  self->lo_bound = lo;
  self->hi_bound = hi;
}

void
pw_solver_problem_forbid (PwSolverProblem *self,
                          guint            mentee,
                          guint            mentor)
{
  pw_solver_problem_set_score (self, mentee, mentor, PW_SOLVER_FORBIDDEN);
}

gboolean
pw_solver_problem_is_forbidden (PwSolverProblem *self,
                                guint            mentee,
                                guint            mentor)
{
  return pw_solver_problem_get_score (self, mentee, mentor) == PW_SOLVER_FORBIDDEN;
}

void
pw_solver_problem_set_capacity (PwSolverProblem *self,
                                guint            mentor,
                                guint            capacity)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (mentor < self->n_mentors);

  self->capacity[mentor] = capacity;
}

guint
pw_solver_problem_get_capacity (PwSolverProblem *self,
                                guint            mentor)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (mentor < self->n_mentors, 0);

  return self->capacity[mentor];
}

/**
 * pw_solver_problem_lock:
 * @mentor: the mentor the mentee must get, or -1 to unlock
 *
 * Locks a pair: the solvers keep it and place everyone else around it.
 * A lock on a forbidden pair, or more locks on a mentor than its capacity,
 * makes the solve fail with PW_SOLVER_ERROR_BAD_LOCK.
 */
void
pw_solver_problem_lock (PwSolverProblem *self,
                        guint            mentee,
                        int              mentor)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (mentee < self->n_mentees);
  g_return_if_fail (mentor >= -1);

  self->locks[mentee] = mentor;
}

int
pw_solver_problem_get_lock (PwSolverProblem *self,
                            guint            mentee)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (mentee < self->n_mentees, -1);

  return self->locks[mentee];
}

/**
 * pw_solver_problem_set_priority:
 * @bonus: added to the score of every allowed pair of this mentee
 *
 * Priority for the person left waiting after a rematch. It is a bonus in
 * score units, not a separate tier: with a bonus larger than any score
 * difference the mentee is placed whenever placing them costs the others
 * less than the bonus; under the coverage policy it never changes how many
 * are matched. The bonus counts while optimising and is left out of the
 * reported total.
 */
void
pw_solver_problem_set_priority (PwSolverProblem *self,
                                guint            mentee,
                                gint32           bonus)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (mentee < self->n_mentees);

  self->priority[mentee] = bonus;
}

gint32
pw_solver_problem_get_priority (PwSolverProblem *self,
                                guint            mentee)
{
  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (mentee < self->n_mentees, 0);

  return self->priority[mentee];
}

/* Public API: the result */

PwSolverResult *
pw_solver_result_ref (PwSolverResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
pw_solver_result_unref (PwSolverResult *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, result_clear);
}

guint
pw_solver_result_get_n_mentees (PwSolverResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_mentees;
}

int
pw_solver_result_get_mentor (PwSolverResult *self,
                             guint           mentee)
{
  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (mentee < self->n_mentees, -1);

  return self->mentor[mentee];
}

/**
 * pw_solver_result_get_assignment:
 *
 * Returns: (transfer none): n_mentees mentor indices, -1 for unmatched.
 */
const int *
pw_solver_result_get_assignment (PwSolverResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->mentor;
}

/* The sum of the scores of the pairs, locked ones included, priority
 * bonuses left out. */
gint64
pw_solver_result_get_total (PwSolverResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->total;
}

guint
pw_solver_result_get_n_matched (PwSolverResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->n_matched;
}

/* The seed of a random run; 0 for an optimal one. */
guint64
pw_solver_result_get_seed (PwSolverResult *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->seed;
}

/* Public API: solving */

/**
 * pw_solver_solve:
 * @progress: (nullable): called about once per percent of mentees placed
 *
 * Finds an optimal assignment: each mentee at most one mentor, each mentor
 * at most its capacity, no forbidden pair, every lock kept, and the best
 * objective under @policy (priority bonuses included). Among equally good
 * assignments the one returned depends only on the input. Checks
 * @cancellable before each mentee.
 *
 * Returns: (transfer full): the assignment, or %NULL with @error set
 * (PW_SOLVER_ERROR, or G_IO_ERROR_CANCELLED).
 */
PwSolverResult *
pw_solver_solve (PwSolverProblem       *problem,
                 PwSolverPolicy         policy,
                 GCancellable          *cancellable,
                 PwSolverProgressFunc   progress,
                 gpointer               progress_data,
                 GError               **error)
{
  g_return_val_if_fail (problem != NULL, NULL);
  g_return_val_if_fail (policy == PW_SOLVER_POLICY_COVERAGE || policy == PW_SOLVER_POLICY_SCORE, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return solve_with (problem, problem->scores, problem->priority, policy,
                     cancellable, progress, progress_data, error);
}

/**
 * pw_solver_solve_async:
 * @progress: (nullable): called in the thread-default main context of the
 *   caller, at most once per percent; @progress_data must stay valid until
 *   @callback runs
 *
 * Runs pw_solver_solve() in a worker thread. @problem is referenced and
 * must not change until @callback runs (pw_solver_problem_copy() it if it
 * must).
 */
void
pw_solver_solve_async (PwSolverProblem      *problem,
                       PwSolverPolicy        policy,
                       GCancellable         *cancellable,
                       PwSolverProgressFunc  progress,
                       gpointer              progress_data,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  SolveTaskData *td;

  g_return_if_fail (problem != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  td = g_new0 (SolveTaskData, 1);
  td->problem = pw_solver_problem_ref (problem);
  td->policy = policy;
  td->progress = progress;
  td->progress_data = progress_data;
  td->context = g_main_context_ref_thread_default ();
  td->last_percent = G_MAXUINT;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, pw_solver_solve_async);
  g_task_set_task_data (task, td, solve_task_data_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, solve_thread);
}

/**
 * pw_solver_solve_finish:
 *
 * Returns: (transfer full): the assignment, or %NULL with @error set.
 */
PwSolverResult *
pw_solver_solve_finish (GAsyncResult  *result,
                        GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == pw_solver_solve_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * pw_solver_random:
 * @seed: the seed to show, so that the run can be repeated
 *
 * "Blind date": a random assignment within the hard rules — forbidden
 * pairs, capacities and locks are kept; scores and priorities are ignored.
 * Every allowed pair gets a random weight from splitmix64(@seed), drawn in
 * row-major order, so the same seed gives the same assignment on every
 * platform; the assignment is then the exact best for those weights with
 * as many mentees matched as possible. It is therefore a maximum
 * assignment, and any maximum assignment can come out (each one is the
 * unique best for some weights), though not all with exactly the same
 * probability. The reported total is the sum of the real scores of the
 * random pairs, to set beside an optimal run.
 *
 * Returns: (transfer full): the assignment, or %NULL with @error set.
 */
PwSolverResult *
pw_solver_random (PwSolverProblem  *problem,
                  guint64           seed,
                  GCancellable     *cancellable,
                  GError          **error)
{
  g_autofree gint32 *weights = NULL;
  gsize n_cells;
  guint64 state = seed;
  PwSolverResult *result;

  g_return_val_if_fail (problem != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  n_cells = (gsize)problem->n_mentees * problem->n_mentors;
  weights = g_new (gint32, MAX (n_cells, 1));
  for (gsize c = 0; c < n_cells; c++)
    {
      /* 20 bits: ties are rare and the coverage offset stays small. */
      gint32 w = (gint32)(splitmix64_next (&state) >> 44);

      weights[c] = problem->scores[c] == PW_SOLVER_FORBIDDEN ? PW_SOLVER_FORBIDDEN : w;
    }

  result = solve_with (problem, weights, NULL, PW_SOLVER_POLICY_COVERAGE,
                       cancellable, NULL, NULL, error);
  if (result != NULL)
    result->seed = seed;

  return result;
}
