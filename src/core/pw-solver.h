/* pw-solver.h — exact optimal matching of mentees to mentors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PW_SOLVER_ERROR (pw_solver_error_quark ())

typedef enum
{
  PW_SOLVER_ERROR_BAD_LOCK,  /* a lock names a forbidden pair or overfills a mentor */
  PW_SOLVER_ERROR_TOO_LARGE, /* scores too wide for exact 64-bit arithmetic at this size */
} PwSolverError;

/* A score meaning "this pair may never be proposed". */
#define PW_SOLVER_FORBIDDEN G_MININT32

typedef enum
{
  PW_SOLVER_POLICY_COVERAGE, /* as many mentees matched as possible, then the highest total */
  PW_SOLVER_POLICY_SCORE,    /* the highest total; a mentee stays unmatched if that raises it */
} PwSolverPolicy;

/* Called with the number of mentees placed so far and the number to place.
 * pw_solver_solve() calls it in the calling thread; pw_solver_solve_async()
 * calls it in the thread-default main context of the caller. */
typedef void (*PwSolverProgressFunc) (guint    done,
                                      guint    total,
                                      gpointer user_data);

/* The input: a dense n_mentees × n_mentors score matrix (row-major, every
 * score starts at 0), a capacity per mentor (1 unless set), optional locks
 * and optional priority bonuses. Reference counted; do not change it while
 * a solve runs on it. */
typedef struct _PwSolverProblem PwSolverProblem;

/* The output: a mentor index, or -1, for every mentee. */
typedef struct _PwSolverResult PwSolverResult;

#define PW_TYPE_SOLVER_PROBLEM (pw_solver_problem_get_type ())
#define PW_TYPE_SOLVER_RESULT  (pw_solver_result_get_type ())

GQuark            pw_solver_error_quark             (void);
GType             pw_solver_problem_get_type        (void) G_GNUC_CONST;
GType             pw_solver_result_get_type         (void) G_GNUC_CONST;

PwSolverProblem  *pw_solver_problem_new             (guint               n_mentees,
                                                     guint               n_mentors);
PwSolverProblem  *pw_solver_problem_ref             (PwSolverProblem    *self);
void              pw_solver_problem_unref           (PwSolverProblem    *self);
guint             pw_solver_problem_get_n_mentees   (PwSolverProblem    *self);
guint             pw_solver_problem_get_n_mentors   (PwSolverProblem    *self);
gint32           *pw_solver_problem_get_scores      (PwSolverProblem    *self);
void              pw_solver_problem_set_score       (PwSolverProblem    *self,
                                                     guint               mentee,
                                                     guint               mentor,
                                                     gint32              score);
gint32            pw_solver_problem_get_score       (PwSolverProblem    *self,
                                                     guint               mentee,
                                                     guint               mentor);
void              pw_solver_problem_set_score_bounds (PwSolverProblem   *self,
                                                     gint32              lo,
                                                     gint32              hi);
void              pw_solver_problem_forbid          (PwSolverProblem    *self,
                                                     guint               mentee,
                                                     guint               mentor);
gboolean          pw_solver_problem_is_forbidden    (PwSolverProblem    *self,
                                                     guint               mentee,
                                                     guint               mentor);
void              pw_solver_problem_set_capacity    (PwSolverProblem    *self,
                                                     guint               mentor,
                                                     guint               capacity);
guint             pw_solver_problem_get_capacity    (PwSolverProblem    *self,
                                                     guint               mentor);
void              pw_solver_problem_lock            (PwSolverProblem    *self,
                                                     guint               mentee,
                                                     int                 mentor);
int               pw_solver_problem_get_lock        (PwSolverProblem    *self,
                                                     guint               mentee);
void              pw_solver_problem_set_priority    (PwSolverProblem    *self,
                                                     guint               mentee,
                                                     gint32              bonus);
gint32            pw_solver_problem_get_priority    (PwSolverProblem    *self,
                                                     guint               mentee);
PwSolverProblem  *pw_solver_problem_copy            (PwSolverProblem    *self);

PwSolverResult   *pw_solver_result_ref              (PwSolverResult     *self);
void              pw_solver_result_unref            (PwSolverResult     *self);
guint             pw_solver_result_get_n_mentees    (PwSolverResult     *self);
int               pw_solver_result_get_mentor       (PwSolverResult     *self,
                                                     guint               mentee);
const int        *pw_solver_result_get_assignment   (PwSolverResult     *self);
gint64            pw_solver_result_get_total        (PwSolverResult     *self);
guint             pw_solver_result_get_n_matched    (PwSolverResult     *self);
guint64           pw_solver_result_get_seed         (PwSolverResult     *self);

PwSolverResult   *pw_solver_solve                   (PwSolverProblem     *problem,
                                                     PwSolverPolicy       policy,
                                                     GCancellable        *cancellable,
                                                     PwSolverProgressFunc progress,
                                                     gpointer             progress_data,
                                                     GError             **error);
void              pw_solver_solve_async             (PwSolverProblem     *problem,
                                                     PwSolverPolicy       policy,
                                                     GCancellable        *cancellable,
                                                     PwSolverProgressFunc progress,
                                                     gpointer             progress_data,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
PwSolverResult   *pw_solver_solve_finish            (GAsyncResult        *result,
                                                     GError             **error);
PwSolverResult   *pw_solver_random                  (PwSolverProblem     *problem,
                                                     guint64              seed,
                                                     GCancellable        *cancellable,
                                                     GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwSolverProblem, pw_solver_problem_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwSolverResult, pw_solver_result_unref)

G_END_DECLS
