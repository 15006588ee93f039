/* pw-action-plan.h — a pair's goals and their benchmarks
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pw-store.h"
#include "pw-workspace-types.h"

G_BEGIN_DECLS

/* Stored by nick: never rename a nick. */
typedef enum
{
  PW_BENCHMARK_OPEN,    /*< nick=open >*/
  PW_BENCHMARK_DONE,    /*< nick=done >*/
  PW_BENCHMARK_DROPPED, /*< nick=dropped >*/
} PwBenchmarkStatus;

#define PW_TYPE_BENCHMARK_STATUS (pw_benchmark_status_get_type ())
GType pw_benchmark_status_get_type (void) G_GNUC_CONST;

/*
 * A goal's form fields are properties: "title", the SMART fields
 * "specific", "measurable", "achievable", "relevant" and "time-bound" (a
 * date, YYYY-MM-DD), and "achieved". Read-only: "id", "pair-id".
 */
#define PW_TYPE_GOAL (pw_goal_get_type ())
G_DECLARE_FINAL_TYPE (PwGoal, pw_goal, PW, GOAL, GObject)

/*
 * A benchmark: "description", "due-date" (YYYY-MM-DD), "status"
 * (PwBenchmarkStatus). Read-only: "id", "goal-id".
 */
#define PW_TYPE_BENCHMARK (pw_benchmark_get_type ())
G_DECLARE_FINAL_TYPE (PwBenchmark, pw_benchmark, PW, BENCHMARK, GObject)

typedef struct
{
  guint goals;
  guint goals_achieved;
  guint benchmarks;          /* all but the dropped ones */
  guint benchmarks_done;
  guint benchmarks_dropped;
  double fraction;           /* benchmarks_done / benchmarks, 0 when none */
} PwProgress;

const char * const *pw_goal_list_fields        (void);
PwGoal             *pw_goal_new                (gint64        pair_id,
                                                const char   *title);
gint64              pw_goal_get_id             (PwGoal       *self);
gint64              pw_goal_get_pair_id        (PwGoal       *self);
const char         *pw_goal_get_title          (PwGoal       *self);
void                pw_goal_set_title          (PwGoal       *self,
                                                const char   *title);
gboolean            pw_goal_get_achieved       (PwGoal       *self);
void                pw_goal_set_achieved       (PwGoal       *self,
                                                gboolean      achieved);

const char * const *pw_benchmark_list_fields   (void);
PwBenchmark        *pw_benchmark_new           (gint64        goal_id,
                                                const char   *description,
                                                const char   *due_date);
gint64              pw_benchmark_get_id        (PwBenchmark  *self);
gint64              pw_benchmark_get_goal_id   (PwBenchmark  *self);
const char         *pw_benchmark_get_description (PwBenchmark *self);
const char         *pw_benchmark_get_due_date  (PwBenchmark  *self);
PwBenchmarkStatus   pw_benchmark_get_status    (PwBenchmark  *self);
void                pw_benchmark_set_status    (PwBenchmark  *self,
                                                PwBenchmarkStatus status);

/* A GListModel of PwGoal in the pair's order. */
GListModel         *pw_action_plan_list_goals  (PwStore      *store,
                                                gint64        pair_id,
                                                GError      **error);
/* A GListModel of PwBenchmark of one goal, in order. */
GListModel         *pw_action_plan_list_benchmarks (PwStore  *store,
                                                gint64        goal_id,
                                                GError      **error);
/* Inserts a new goal (last in the plan) or updates a stored one. */
gboolean            pw_goal_save               (PwStore      *store,
                                                PwGoal       *goal,
                                                GError      **error);
gboolean            pw_goal_delete             (PwStore      *store,
                                                gint64        goal_id,
                                                GError      **error);
gboolean            pw_benchmark_save          (PwStore      *store,
                                                PwBenchmark  *benchmark,
                                                GError      **error);
gboolean            pw_benchmark_delete        (PwStore      *store,
                                                gint64        benchmark_id,
                                                GError      **error);

/* Progress: done benchmarks out of all that are not dropped (a plan that
 * changes course is not behind for it), and goals achieved. */
gboolean            pw_action_plan_progress    (PwStore      *store,
                                                gint64        pair_id,
                                                PwProgress   *out,
                                                GError      **error);

G_END_DECLS
