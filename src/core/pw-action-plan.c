/* pw-action-plan.c — a pair's goals and their benchmarks
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Goals and benchmarks are two small records that only live together, so
 * they share this file.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-action-plan"

#include <string.h>

#include <glib/gi18n.h>

#include "pw-action-plan.h"
#include "pw-programme.h"
#include "pw-record-private.h"
#include "pw-workspace-private.h"

struct _PwGoal
{
  GObject  parent_instance;

  gint64   id;
  gint64   pair_id;
  char    *title;
  char    *specific;
  char    *measurable;
  char    *achievable;
  char    *relevant;
  char    *time_bound;
  int      achieved;
};

struct _PwBenchmark
{
  GObject  parent_instance;

  gint64   id;
  gint64   goal_id;
  char    *description;
  char    *due_date;
  int      status;
};

G_DEFINE_FINAL_TYPE (PwGoal, pw_goal, G_TYPE_OBJECT)
G_DEFINE_FINAL_TYPE (PwBenchmark, pw_benchmark, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (PwBenchmarkStatus, pw_benchmark_status,
                    G_DEFINE_ENUM_VALUE (PW_BENCHMARK_OPEN, "open"),
                    G_DEFINE_ENUM_VALUE (PW_BENCHMARK_DONE, "done"),
                    G_DEFINE_ENUM_VALUE (PW_BENCHMARK_DROPPED, "dropped"))

enum {
  GOAL_PROP_0,
  GOAL_PROP_ID,
  GOAL_PROP_PAIR_ID,
  GOAL_PROP_TITLE,
  GOAL_PROP_SPECIFIC,
  GOAL_PROP_MEASURABLE,
  GOAL_PROP_ACHIEVABLE,
  GOAL_PROP_RELEVANT,
  GOAL_PROP_TIME_BOUND,
  GOAL_PROP_ACHIEVED,
  GOAL_N_PROPS
};

enum {
  BENCH_PROP_0,
  BENCH_PROP_ID,
  BENCH_PROP_GOAL_ID,
  BENCH_PROP_DESCRIPTION,
  BENCH_PROP_DUE_DATE,
  BENCH_PROP_STATUS,
  BENCH_N_PROPS
};

static GParamSpec *goal_properties [GOAL_N_PROPS];
static GParamSpec *bench_properties [BENCH_N_PROPS];

static const gsize goal_offsets [GOAL_N_PROPS] = {
  [GOAL_PROP_ID]         = G_STRUCT_OFFSET (PwGoal, id),
  [GOAL_PROP_PAIR_ID]    = G_STRUCT_OFFSET (PwGoal, pair_id),
  [GOAL_PROP_TITLE]      = G_STRUCT_OFFSET (PwGoal, title),
  [GOAL_PROP_SPECIFIC]   = G_STRUCT_OFFSET (PwGoal, specific),
  [GOAL_PROP_MEASURABLE] = G_STRUCT_OFFSET (PwGoal, measurable),
  [GOAL_PROP_ACHIEVABLE] = G_STRUCT_OFFSET (PwGoal, achievable),
  [GOAL_PROP_RELEVANT]   = G_STRUCT_OFFSET (PwGoal, relevant),
  [GOAL_PROP_TIME_BOUND] = G_STRUCT_OFFSET (PwGoal, time_bound),
  [GOAL_PROP_ACHIEVED]   = G_STRUCT_OFFSET (PwGoal, achieved),
};

static const gsize bench_offsets [BENCH_N_PROPS] = {
  [BENCH_PROP_ID]          = G_STRUCT_OFFSET (PwBenchmark, id),
  [BENCH_PROP_GOAL_ID]     = G_STRUCT_OFFSET (PwBenchmark, goal_id),
  [BENCH_PROP_DESCRIPTION] = G_STRUCT_OFFSET (PwBenchmark, description),
  [BENCH_PROP_DUE_DATE]    = G_STRUCT_OFFSET (PwBenchmark, due_date),
  [BENCH_PROP_STATUS]      = G_STRUCT_OFFSET (PwBenchmark, status),
};

static const char * const goal_fields[] = {
  "title", "specific", "measurable", "achievable", "relevant", "time-bound", "achieved", NULL
};

static const char * const bench_fields[] = {
  "description", "due-date", "status", NULL
};

static const char *
str (const char *s)
{
  return s ? s : "";
}

/* The goal */

static void
pw_goal_finalize (GObject *object)
{
  PwGoal *self = (PwGoal *)object;

  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->specific, g_free);
  g_clear_pointer (&self->measurable, g_free);
  g_clear_pointer (&self->achievable, g_free);
  g_clear_pointer (&self->relevant, g_free);
  g_clear_pointer (&self->time_bound, g_free);

  G_OBJECT_CLASS (pw_goal_parent_class)->finalize (object);
}

static void
pw_goal_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  if (prop_id == 0 || prop_id >= GOAL_N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  pw_record_get_field (pspec, G_STRUCT_MEMBER_P (object, goal_offsets[prop_id]), value);
}

static void
pw_goal_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id >= GOAL_N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  pw_record_set_field (object, pspec, G_STRUCT_MEMBER_P (object, goal_offsets[prop_id]), value);
}

#define RW (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS)
#define RO (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS)
#define CO (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS)

static void
pw_goal_class_init (PwGoalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_goal_finalize;
  object_class->get_property = pw_goal_get_property;
  object_class->set_property = pw_goal_set_property;

  goal_properties [GOAL_PROP_ID] = g_param_spec_int64 ("id", "ID", NULL, 0, G_MAXINT64, 0, RO);
  goal_properties [GOAL_PROP_PAIR_ID] = g_param_spec_int64 ("pair-id", "Pair", NULL, 0, G_MAXINT64, 0, CO);
  goal_properties [GOAL_PROP_TITLE] =
    g_param_spec_string ("title", N_("Goal"), NULL, "", RW);
  goal_properties [GOAL_PROP_SPECIFIC] =
    g_param_spec_string ("specific", N_("Specific: what exactly will change"), NULL, "", RW);
  goal_properties [GOAL_PROP_MEASURABLE] =
    g_param_spec_string ("measurable", N_("Measurable: how you will know"), NULL, "", RW);
  goal_properties [GOAL_PROP_ACHIEVABLE] =
    g_param_spec_string ("achievable", N_("Achievable: why it is within reach"), NULL, "", RW);
  goal_properties [GOAL_PROP_RELEVANT] =
    g_param_spec_string ("relevant", N_("Relevant: why it matters now"), NULL, "", RW);
  goal_properties [GOAL_PROP_TIME_BOUND] =
    g_param_spec_string ("time-bound", N_("Time-bound: done by"), NULL, "", RW);
  goal_properties [GOAL_PROP_ACHIEVED] =
    g_param_spec_boolean ("achieved", N_("Achieved"), NULL, FALSE, RW);

  g_object_class_install_properties (object_class, GOAL_N_PROPS, goal_properties);
  pw_record_mark_date (goal_properties [GOAL_PROP_TIME_BOUND]);
}

static void
pw_goal_init (PwGoal *self)
{
}

/* The benchmark */

static void
pw_benchmark_finalize (GObject *object)
{
  PwBenchmark *self = (PwBenchmark *)object;

  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->due_date, g_free);

  G_OBJECT_CLASS (pw_benchmark_parent_class)->finalize (object);
}

static void
pw_benchmark_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  if (prop_id == 0 || prop_id >= BENCH_N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  pw_record_get_field (pspec, G_STRUCT_MEMBER_P (object, bench_offsets[prop_id]), value);
}

static void
pw_benchmark_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  if (prop_id == 0 || prop_id >= BENCH_N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  pw_record_set_field (object, pspec, G_STRUCT_MEMBER_P (object, bench_offsets[prop_id]), value);
}

static void
pw_benchmark_class_init (PwBenchmarkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = pw_benchmark_finalize;
  object_class->get_property = pw_benchmark_get_property;
  object_class->set_property = pw_benchmark_set_property;

  bench_properties [BENCH_PROP_ID] = g_param_spec_int64 ("id", "ID", NULL, 0, G_MAXINT64, 0, RO);
  bench_properties [BENCH_PROP_GOAL_ID] =
    g_param_spec_int64 ("goal-id", "Goal", NULL, 0, G_MAXINT64, 0, CO);
  bench_properties [BENCH_PROP_DESCRIPTION] =
    g_param_spec_string ("description", N_("Benchmark"), NULL, "", RW);
  bench_properties [BENCH_PROP_DUE_DATE] =
    g_param_spec_string ("due-date", N_("Due"), NULL, "", RW);
  bench_properties [BENCH_PROP_STATUS] =
    g_param_spec_enum ("status", N_("Status"), NULL,
                       PW_TYPE_BENCHMARK_STATUS, PW_BENCHMARK_OPEN, RW);

  g_object_class_install_properties (object_class, BENCH_N_PROPS, bench_properties);
  pw_record_mark_date (bench_properties [BENCH_PROP_DUE_DATE]);
}

static void
pw_benchmark_init (PwBenchmark *self)
{
}

/* Public API: the goal */

const char * const *
pw_goal_list_fields (void)
{
  return goal_fields;
}

PwGoal *
pw_goal_new (gint64      pair_id,
             const char *title)
{
  return g_object_new (PW_TYPE_GOAL, "pair-id", pair_id, "title", title, NULL);
}

gint64
pw_goal_get_id (PwGoal *self)
{
  g_return_val_if_fail (PW_IS_GOAL (self), 0);
  return self->id;
}

gint64
pw_goal_get_pair_id (PwGoal *self)
{
  g_return_val_if_fail (PW_IS_GOAL (self), 0);
  return self->pair_id;
}

const char *
pw_goal_get_title (PwGoal *self)
{
  g_return_val_if_fail (PW_IS_GOAL (self), NULL);
  return str (self->title);
}

void
pw_goal_set_title (PwGoal     *self,
                   const char *title)
{
  g_return_if_fail (PW_IS_GOAL (self));
  g_object_set (self, "title", title, NULL);
}

gboolean
pw_goal_get_achieved (PwGoal *self)
{
  g_return_val_if_fail (PW_IS_GOAL (self), FALSE);
  return self->achieved;
}

void
pw_goal_set_achieved (PwGoal   *self,
                      gboolean  achieved)
{
  g_return_if_fail (PW_IS_GOAL (self));
  g_object_set (self, "achieved", achieved, NULL);
}

/* Public API: the benchmark */

const char * const *
pw_benchmark_list_fields (void)
{
  return bench_fields;
}

PwBenchmark *
pw_benchmark_new (gint64      goal_id,
                  const char *description,
                  const char *due_date)
{
  return g_object_new (PW_TYPE_BENCHMARK,
                       "goal-id", goal_id,
                       "description", description,
                       "due-date", due_date,
                       NULL);
}

gint64
pw_benchmark_get_id (PwBenchmark *self)
{
  g_return_val_if_fail (PW_IS_BENCHMARK (self), 0);
  return self->id;
}

gint64
pw_benchmark_get_goal_id (PwBenchmark *self)
{
  g_return_val_if_fail (PW_IS_BENCHMARK (self), 0);
  return self->goal_id;
}

const char *
pw_benchmark_get_description (PwBenchmark *self)
{
  g_return_val_if_fail (PW_IS_BENCHMARK (self), NULL);
  return str (self->description);
}

const char *
pw_benchmark_get_due_date (PwBenchmark *self)
{
  g_return_val_if_fail (PW_IS_BENCHMARK (self), NULL);
  return str (self->due_date);
}

PwBenchmarkStatus
pw_benchmark_get_status (PwBenchmark *self)
{
  g_return_val_if_fail (PW_IS_BENCHMARK (self), PW_BENCHMARK_OPEN);
  return self->status;
}

void
pw_benchmark_set_status (PwBenchmark       *self,
                         PwBenchmarkStatus  status)
{
  g_return_if_fail (PW_IS_BENCHMARK (self));
  g_object_set (self, "status", status, NULL);
}

/* Storage */

static gboolean
check_date (const char  *field,
            const char  *value,
            GError     **error)
{
  g_autoptr(GDate) date = NULL;

  if (value == NULL || value[0] == '\0')
    return TRUE;

  date = pw_date_parse (value);
  if (date != NULL)
    return TRUE;

  g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
               _("%s: “%s” is not a date: write it as YYYY-MM-DD, for example 2026-09-01."),
               field, value);
  return FALSE;
}

static gboolean
not_found (const char  *what,
           gint64       id,
           GError     **error)
{
  g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_NOT_FOUND,
               _("There is no %s %lld."), what, (long long)id);
  return FALSE;
}

GListModel *
pw_action_plan_list_goals (PwStore  *store,
                           gint64    pair_id,
                           GError  **error)
{
  g_autoptr(GListStore) goals = g_list_store_new (PW_TYPE_GOAL);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  stmt = pw_store_prepare (store,
                           "SELECT id, title, specific, measurable, achievable, relevant, time_bound, "
                           "achieved FROM plan_goal WHERE pair_id = ? ORDER BY position, id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, pair_id);
  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(PwGoal) goal = g_object_new (PW_TYPE_GOAL, "pair-id", pair_id, NULL);

      goal->id = sqlite3_column_int64 (stmt, 0);
      pw_record_read (G_OBJECT (goal), goal_fields, stmt, 1);
      g_list_store_append (goals, goal);
    }
  sqlite3_reset (stmt);

  if (rc < 0)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&goals));
}

GListModel *
pw_action_plan_list_benchmarks (PwStore  *store,
                                gint64    goal_id,
                                GError  **error)
{
  g_autoptr(GListStore) benchmarks = g_list_store_new (PW_TYPE_BENCHMARK);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  stmt = pw_store_prepare (store,
                           "SELECT id, description, due_date, status FROM plan_benchmark "
                           "WHERE goal_id = ? ORDER BY position, id",
                           error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, goal_id);
  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      g_autoptr(PwBenchmark) benchmark = g_object_new (PW_TYPE_BENCHMARK, "goal-id", goal_id, NULL);

      benchmark->id = sqlite3_column_int64 (stmt, 0);
      pw_record_read (G_OBJECT (benchmark), bench_fields, stmt, 1);
      g_list_store_append (benchmarks, benchmark);
    }
  sqlite3_reset (stmt);

  if (rc < 0)
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&benchmarks));
}

/**
 * pw_goal_save:
 *
 * Inserts @goal at the end of its pair's plan when it has no ID yet (and
 * sets its "id"), else updates it. The title may not be empty.
 */
gboolean
pw_goal_save (PwStore  *store,
              PwGoal   *goal,
              GError  **error)
{
  g_autofree char *blank = NULL;
  sqlite3_stmt *stmt;
  gboolean insert;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (PW_IS_GOAL (goal), FALSE);

  blank = g_strstrip (g_strdup (str (goal->title)));
  if (blank[0] == '\0')
    {
      g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                   _("title: a goal needs a title; say in a few words what it is."));
      return FALSE;
    }

  if (!check_date ("time-bound", goal->time_bound, error) ||
      !pw_workspace_check_pair (store, goal->pair_id, NULL, error))
    return FALSE;

  insert = goal->id == 0;
  if (insert)
    stmt = pw_store_prepare (store,
                             "INSERT INTO plan_goal (pair_id, title, specific, measurable, achievable, "
                             "relevant, time_bound, achieved, position) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                             "(SELECT coalesce (max (position), 0) + 1 FROM plan_goal WHERE pair_id = ?1))",
                             error);
  else
    stmt = pw_store_prepare (store,
                             "UPDATE plan_goal SET title = ?2, specific = ?3, measurable = ?4, "
                             "achievable = ?5, relevant = ?6, time_bound = ?7, achieved = ?8 "
                             "WHERE id = ?9 AND pair_id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, goal->pair_id);
  pw_record_bind (G_OBJECT (goal), goal_fields, stmt, 2);
  if (!insert)
    sqlite3_bind_int64 (stmt, 9, goal->id);

  if (!pw_record_exec (store, stmt, "plan_goal", error))
    return FALSE;

  if (insert)
    {
      goal->id = pw_store_last_insert_id (store);
      g_object_notify_by_pspec (G_OBJECT (goal), goal_properties[GOAL_PROP_ID]);
    }
  else if (pw_store_changes (store) == 0)
    return not_found (_("goal"), goal->id, error);

  return TRUE;
}

gboolean
pw_goal_delete (PwStore  *store,
                gint64    goal_id,
                GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  stmt = pw_store_prepare (store, "DELETE FROM plan_goal WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, goal_id);
  if (!pw_record_exec (store, stmt, "plan_goal", error))
    return FALSE;

  return pw_store_changes (store) > 0 || not_found (_("goal"), goal_id, error);
}

gboolean
pw_benchmark_save (PwStore      *store,
                   PwBenchmark  *benchmark,
                   GError      **error)
{
  g_autofree char *blank = NULL;
  sqlite3_stmt *stmt;
  gboolean insert;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (PW_IS_BENCHMARK (benchmark), FALSE);

  blank = g_strstrip (g_strdup (str (benchmark->description)));
  if (blank[0] == '\0')
    {
      g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
                   _("description: a benchmark needs a description; say what will be done."));
      return FALSE;
    }

  if (!check_date ("due-date", benchmark->due_date, error))
    return FALSE;

  insert = benchmark->id == 0;
  if (insert)
    stmt = pw_store_prepare (store,
                             "INSERT INTO plan_benchmark (goal_id, description, due_date, status, position) "
                             "VALUES (?1, ?2, ?3, ?4, "
                             "(SELECT coalesce (max (position), 0) + 1 FROM plan_benchmark WHERE goal_id = ?1))",
                             error);
  else
    stmt = pw_store_prepare (store,
                             "UPDATE plan_benchmark SET description = ?2, due_date = ?3, status = ?4 "
                             "WHERE id = ?5 AND goal_id = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, benchmark->goal_id);
  pw_record_bind (G_OBJECT (benchmark), bench_fields, stmt, 2);
  if (!insert)
    sqlite3_bind_int64 (stmt, 5, benchmark->id);

  if (!pw_record_exec (store, stmt, "plan_benchmark", error))
    {
      if (g_error_matches (*error, PW_STORE_ERROR, PW_STORE_ERROR_CONSTRAINT))
        {
          g_clear_error (error);
          return not_found (_("goal"), benchmark->goal_id, error);
        }
      return FALSE;
    }

  if (insert)
    {
      benchmark->id = pw_store_last_insert_id (store);
      g_object_notify_by_pspec (G_OBJECT (benchmark), bench_properties[BENCH_PROP_ID]);
    }
  else if (pw_store_changes (store) == 0)
    return not_found (_("benchmark"), benchmark->id, error);

  return TRUE;
}

gboolean
pw_benchmark_delete (PwStore  *store,
                     gint64    benchmark_id,
                     GError  **error)
{
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);

  stmt = pw_store_prepare (store, "DELETE FROM plan_benchmark WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, benchmark_id);
  if (!pw_record_exec (store, stmt, "plan_benchmark", error))
    return FALSE;

  return pw_store_changes (store) > 0 || not_found (_("benchmark"), benchmark_id, error);
}

gboolean
pw_action_plan_progress (PwStore     *store,
                         gint64       pair_id,
                         PwProgress  *out,
                         GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  memset (out, 0, sizeof *out);

  stmt = pw_store_prepare (store,
                           "SELECT (SELECT count(*) FROM plan_goal WHERE pair_id = ?1), "
                           "(SELECT count(*) FROM plan_goal WHERE pair_id = ?1 AND achieved), "
                           "count(b.id), "
                           "coalesce (sum (b.status = 'done'), 0), "
                           "coalesce (sum (b.status = 'dropped'), 0) "
                           "FROM plan_benchmark b JOIN plan_goal g ON g.id = b.goal_id WHERE g.pair_id = ?1",
                           error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, pair_id);
  rc = pw_store_step (store, stmt, error);
  if (rc == SQLITE_ROW)
    {
      guint all = (guint)sqlite3_column_int (stmt, 2);

      out->goals = (guint)sqlite3_column_int (stmt, 0);
      out->goals_achieved = (guint)sqlite3_column_int (stmt, 1);
      out->benchmarks_done = (guint)sqlite3_column_int (stmt, 3);
      out->benchmarks_dropped = (guint)sqlite3_column_int (stmt, 4);
      out->benchmarks = all - out->benchmarks_dropped;
      out->fraction = out->benchmarks ? (double)out->benchmarks_done / out->benchmarks : 0.0;
    }
  sqlite3_reset (stmt);

  return rc >= 0;
}

gboolean
pw_action_plan_write_json (PwStore      *store,
                           gint64        pair_id,
                           JsonBuilder  *builder,
                           GError      **error)
{
  g_autoptr(GListModel) goals = pw_action_plan_list_goals (store, pair_id, error);

  if (goals == NULL)
    return FALSE;
  if (g_list_model_get_n_items (goals) == 0)
    return TRUE;

  json_builder_set_member_name (builder, "goals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(PwGoal) goal = g_list_model_get_item (goals, i);
      g_autoptr(GListModel) benchmarks = pw_action_plan_list_benchmarks (store, goal->id, error);

      if (benchmarks == NULL)
        return FALSE;

      json_builder_begin_object (builder);
      pw_record_add_json (G_OBJECT (goal), goal_fields, builder);
      json_builder_set_member_name (builder, "benchmarks");
      json_builder_begin_array (builder);
      for (guint k = 0; k < g_list_model_get_n_items (benchmarks); k++)
        {
          g_autoptr(PwBenchmark) benchmark = g_list_model_get_item (benchmarks, k);

          json_builder_begin_object (builder);
          pw_record_add_json (G_OBJECT (benchmark), bench_fields, builder);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return TRUE;
}

static gboolean
expect (JsonNode    *node,
        gboolean     array,
        const char  *where,
        GError     **error)
{
  if (array ? JSON_NODE_HOLDS_ARRAY (node) : JSON_NODE_HOLDS_OBJECT (node))
    return TRUE;

  g_set_error (error, PW_WORKSPACE_ERROR, PW_WORKSPACE_ERROR_INVALID,
               array ? _("%s: expected a list.") : _("%s: expected an object."), where);
  return FALSE;
}

gboolean
pw_action_plan_read_json (PwStore      *store,
                          gint64        pair_id,
                          JsonNode     *node,
                          const char   *where,
                          GError      **error)
{
  JsonArray *goals;

  if (!expect (node, TRUE, where, error))
    return FALSE;

  goals = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (goals); i++)
    {
      JsonNode *element = json_array_get_element (goals, i);
      g_autofree char *at = g_strdup_printf ("%s[%u]", where, i);
      g_autoptr(PwGoal) goal = NULL;
      JsonObject *object;
      JsonNode *list;

      if (!expect (element, FALSE, at, error))
        return FALSE;

      object = json_node_get_object (element);
      goal = g_object_new (PW_TYPE_GOAL, "pair-id", pair_id, NULL);
      if (!pw_record_read_json (G_OBJECT (goal), goal_fields, object, at, error))
        return FALSE;
      if (!pw_goal_save (store, goal, error))
        {
          g_prefix_error (error, "%s.", at);
          return FALSE;
        }

      list = json_object_get_member (object, "benchmarks");
      if (list == NULL)
        continue;
      {
        g_autofree char *bat = g_strdup_printf ("%s.benchmarks", at);
        JsonArray *benchmarks;

        if (!expect (list, TRUE, bat, error))
          return FALSE;
        benchmarks = json_node_get_array (list);
        for (guint k = 0; k < json_array_get_length (benchmarks); k++)
          {
            JsonNode *b = json_array_get_element (benchmarks, k);
            g_autofree char *kat = g_strdup_printf ("%s[%u]", bat, k);
            g_autoptr(PwBenchmark) benchmark = NULL;

            if (!expect (b, FALSE, kat, error))
              return FALSE;
            benchmark = g_object_new (PW_TYPE_BENCHMARK, "goal-id", goal->id, NULL);
            if (!pw_record_read_json (G_OBJECT (benchmark), bench_fields,
                                      json_node_get_object (b), kat, error))
              return FALSE;
            if (!pw_benchmark_save (store, benchmark, error))
              {
                g_prefix_error (error, "%s.", kat);
                return FALSE;
              }
          }
      }
    }

  return TRUE;
}
