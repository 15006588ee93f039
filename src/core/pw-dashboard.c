/* pw-dashboard.c — a programme's figures: participation, meetings, scores
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-dashboard"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "pw-csv.h"
#include "pw-dashboard.h"
#include "pw-eligibility.h"
#include "pw-person-repo.h"

/* Static helpers */

static const char *
col_text (sqlite3_stmt *stmt,
          int           col)
{
  const char *text = (const char *)sqlite3_column_text (stmt, col);

  return text ? text : "";
}

static void
month_free (gpointer data)
{
  PwMonthCount *m = data;

  g_free (m->month);
  g_free (m);
}

static void
comment_free (gpointer data)
{
  PwComment *c = data;

  g_free (c->questionnaire);
  g_free (c->question);
  g_free (c->text);
  g_free (c->name);
  g_free (c);
}

/* Scale answers of a programme matching one criterion (@criterion ≥ 0) or
 * one audience's questionnaires (@slug_pattern). */
static gboolean
load_score (PwStore     *store,
            gint64       programme_id,
            int          criterion,
            const char  *slug_pattern,
            PwScore     *out,
            GError     **error)
{
  static const char * const criterion_nicks[] = { "", "process", "content", "outcome" };
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GHashTable) people = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  stmt = pw_store_prepare (store,
                           "SELECT a.response_id, a.number FROM answer a "
                           "JOIN question qu ON qu.id = a.question_id "
                           "JOIN questionnaire qn ON qn.id = qu.questionnaire_id "
                           "WHERE qn.programme_id = ?1 AND qu.type = 'scale' AND a.number BETWEEN 1 AND 5 "
                           "AND (?2 IS NULL OR qu.criterion = ?2) AND (?3 IS NULL OR qn.slug GLOB ?3)",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  if (criterion >= 0)
    sqlite3_bind_text (stmt, 2, criterion_nicks[criterion], -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 2);
  if (slug_pattern != NULL)
    sqlite3_bind_text (stmt, 3, slug_pattern, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, 3);

  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      gint64 response = sqlite3_column_int64 (stmt, 0);
      int v = sqlite3_column_int (stmt, 1);

      g_array_append_val (values, v);
      if (!g_hash_table_contains (people, &response))
        g_hash_table_add (people, g_memdup2 (&response, sizeof response));
    }
  if (rc < 0)
    return FALSE;

  pw_score_compute (out, (const int *)(void *)values->data, values->len, g_hash_table_size (people));
  return TRUE;
}

static gboolean
count_row (PwStore      *store,
           sqlite3_stmt *stmt,
           guint        *values,
           guint         n,
           GError      **error)
{
  int rc = pw_store_step (store, stmt, error);

  if (rc < 0)
    return FALSE;
  for (guint i = 0; i < n; i++)
    values[i] = rc == SQLITE_ROW ? (guint)sqlite3_column_int64 (stmt, (int)i) : 0;
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
load_participation (PwStore      *store,
                    gint64        programme_id,
                    PwDashboard  *d,
                    GError      **error)
{
  g_autoptr(GListModel) people = NULL;
  PwEligibility *eligibility;
  sqlite3_stmt *stmt;
  guint v[4];

  people = pw_person_repo_list_enrolled (store, programme_id, error);
  if (people == NULL)
    return FALSE;
  d->enrolled = g_list_model_get_n_items (people);

  eligibility = pw_eligibility_load (store, programme_id, error);
  if (eligibility == NULL)
    return FALSE;
  for (guint i = 0; i < d->enrolled; i++)
    {
      g_autoptr(PwPerson) person = g_list_model_get_item (people, i);
      PwVerdict verdict = { 0 };

      pw_eligibility_evaluate (eligibility, person, &verdict);
      d->eligible += verdict.mentee || verdict.mentor;
      pw_verdict_clear (&verdict);
    }
  pw_eligibility_free (eligibility);

  stmt = pw_store_prepare (store,
                           "SELECT coalesce(sum(state <> 'proposed'), 0), coalesce(sum(state = 'active'), 0), "
                           "coalesce(sum(state = 'ended'), 0), "
                           "(SELECT count(DISTINCT mentor_id) FROM pair WHERE programme_id = ?1 AND state <> 'proposed') "
                           "FROM pair WHERE programme_id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  if (!count_row (store, stmt, v, 4, error))
    return FALSE;
  d->matched = v[0];
  d->active = v[1];
  d->ended = v[2];
  d->mentors = v[3];

  stmt = pw_store_prepare (store,
                           "SELECT count(*) FROM (SELECT mentor_id FROM pair WHERE programme_id = ?1 AND state <> 'proposed' "
                           "UNION SELECT mentee_id FROM pair WHERE programme_id = ?1 AND state <> 'proposed')",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  return count_row (store, stmt, &d->participants, 1, error);
}

static gboolean
load_meetings (PwStore      *store,
               gint64        programme_id,
               int           discussion_minutes,
               PwDashboard  *d,
               GError      **error)
{
  sqlite3_stmt *stmt;
  guint v[5];
  int rc;

  stmt = pw_store_prepare (store,
                           "SELECT coalesce(sum(m.status <> 'cancelled'), 0), coalesce(sum(m.status = 'held'), 0), "
                           "coalesce(sum(m.status = 'missed'), 0), "
                           "coalesce(sum(m.status = 'held' AND m.held_minutes >= ?2), 0), "
                           "coalesce(sum(CASE WHEN m.status = 'held' THEN m.held_minutes END), 0) "
                           "FROM meeting m JOIN pair p ON p.id = m.pair_id "
                           "WHERE m.programme_id = ?1 AND p.state <> 'proposed' "
                           "AND m.kind IN ('first-meeting', 'regular')", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int (stmt, 2, discussion_minutes);
  if (!count_row (store, stmt, v, 5, error))
    return FALSE;
  d->meetings_planned = v[0];
  d->meetings_held = v[1];
  d->meetings_missed = v[2];
  d->significant = v[3];
  d->mentor_hours = v[4] / 60.0;

  /* The programme's own sessions: everyone in a pair gives that time. */
  stmt = pw_store_prepare (store,
                           "SELECT coalesce(sum(CASE WHEN status = 'held' THEN held_minutes ELSE minutes END), 0) "
                           "FROM meeting WHERE programme_id = ?1 AND pair_id IS NULL AND status IN ('held', 'planned')",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  if (!count_row (store, stmt, v, 1, error))
    return FALSE;
  d->session_hours = v[0] / 60.0 * d->participants;

  stmt = pw_store_prepare (store,
                           "SELECT count(*), coalesce(sum(g.achieved <> 0), 0) FROM plan_goal g "
                           "JOIN pair p ON p.id = g.pair_id WHERE p.programme_id = ?1 AND p.state <> 'proposed'",
                           error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  if (!count_row (store, stmt, v, 2, error))
    return FALSE;
  d->goals = v[0];
  d->goals_achieved = v[1];

  /* Month by month, over the programme's months. */
  {
    int y, mo, ey, emo;

    if (sscanf (d->start_date, "%4d-%2d", &y, &mo) == 2 && sscanf (d->end_date, "%4d-%2d", &ey, &emo) == 2)
      for (int guard = 0; (y < ey || (y == ey && mo <= emo)) && guard < 120; guard++)
        {
          PwMonthCount *m = g_new0 (PwMonthCount, 1);

          m->month = g_strdup_printf ("%04d-%02d", y, mo);
          g_ptr_array_add (d->months, m);
          if (++mo > 12)
            {
              mo = 1;
              y++;
            }
        }
  }
  /* The programme's length in months, for the hours it set aside: 1 Dec to
   * 1 Dec is twelve, though the trend above shows thirteen calendar months. */
  {
    int y, mo, dd, ey, emo, ed;

    if (sscanf (d->start_date, "%4d-%2d-%2d", &y, &mo, &dd) == 3 &&
        sscanf (d->end_date, "%4d-%2d-%2d", &ey, &emo, &ed) == 3)
      d->months_run = MAX (1, (ey * 12 + emo) - (y * 12 + mo) + (ed > dd ? 1 : 0));
    else
      d->months_run = d->months->len;
  }

  stmt = pw_store_prepare (store,
                           "SELECT substr(m.start_local, 1, 7), coalesce(sum(m.status <> 'cancelled'), 0), "
                           "coalesce(sum(m.status = 'held'), 0) "
                           "FROM meeting m JOIN pair p ON p.id = m.pair_id "
                           "WHERE m.programme_id = ?1 AND p.state <> 'proposed' "
                           "AND m.kind IN ('first-meeting', 'regular') GROUP BY 1 ORDER BY 1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      const char *month = col_text (stmt, 0);
      PwMonthCount *found = NULL;

      for (guint i = 0; i < d->months->len && found == NULL; i++)
        if (g_str_equal (((PwMonthCount *)g_ptr_array_index (d->months, i))->month, month))
          found = g_ptr_array_index (d->months, i);

      /* A meeting moved outside the programme's dates still counts, in its own month. */
      if (found == NULL)
        {
          found = g_new0 (PwMonthCount, 1);
          found->month = g_strdup (month);
          g_ptr_array_add (d->months, found);
        }
      found->planned = sqlite3_column_int (stmt, 1);
      found->held = sqlite3_column_int (stmt, 2);
    }
  if (rc < 0)
    return FALSE;

  return TRUE;
}

static int
compare_months (gconstpointer a,
                gconstpointer b)
{
  const PwMonthCount *ma = *(PwMonthCount * const *)a;
  const PwMonthCount *mb = *(PwMonthCount * const *)b;

  return g_strcmp0 (ma->month, mb->month);
}

static gboolean
load_comments (PwStore      *store,
               gint64        programme_id,
               PwDashboard  *d,
               GError      **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = pw_store_prepare (store,
                           "SELECT qn.title, qu.text, a.text, r.named, pe.name FROM answer a "
                           "JOIN question qu ON qu.id = a.question_id "
                           "JOIN questionnaire qn ON qn.id = qu.questionnaire_id "
                           "JOIN response r ON r.id = a.response_id "
                           "LEFT JOIN person pe ON pe.id = r.respondent_id "
                           "WHERE qn.programme_id = ?1 AND a.text IS NOT NULL AND length(trim(a.text)) > 0 "
                           "ORDER BY qn.slug, qn.version, qu.position, r.id", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      PwComment *c = g_new0 (PwComment, 1);

      c->questionnaire = g_strdup (col_text (stmt, 0));
      c->question = g_strdup (col_text (stmt, 1));
      c->text = g_strdup (col_text (stmt, 2));
      /* A name only with the person's agreement. */
      if (sqlite3_column_int (stmt, 3) != 0 && sqlite3_column_type (stmt, 4) != SQLITE_NULL)
        c->name = g_strdup (col_text (stmt, 4));
      g_ptr_array_add (d->comments, c);
    }
  return rc >= 0;
}

static void
add_row (GString    *out,
         const char *section,
         const char *figure,
         const char *value,
         const char *detail)
{
  const char *row[] = { section, figure, value, detail };

  pw_csv_append_row (out, row, G_N_ELEMENTS (row), ',');
}

static void
add_count (GString    *out,
           const char *section,
           const char *figure,
           guint       value,
           const char *detail)
{
  g_autofree char *text = g_strdup_printf ("%u", value);

  add_row (out, section, figure, text, detail);
}

static void
add_score (GString       *out,
           const char    *section,
           const char    *figure,
           const PwScore *s)
{
  char mean[G_ASCII_DTOSTR_BUF_SIZE];
  g_autofree char *detail = NULL;

  if (s->suppressed)
    {
      add_row (out, section, figure, "", _("too few answers to show"));
      return;
    }

  g_ascii_formatd (mean, sizeof mean, "%.2f", s->mean);
  detail = g_strdup_printf ("n=%u; min=%d; max=%d; sd=%.2f; 1:%u 2:%u 3:%u 4:%u 5:%u",
                            s->n_responses, s->min, s->max, s->stddev,
                            s->distribution[0], s->distribution[1], s->distribution[2],
                            s->distribution[3], s->distribution[4]);
  /* The detail must not depend on the locale's decimal mark. */
  g_strdelimit (detail, ",", '.');
  add_row (out, section, figure, mean, detail);
}

/* Public API */

void
pw_score_compute (PwScore   *score,
                  const int *values,
                  guint      n_values,
                  guint      n_responses)
{
  double sum = 0;
  double sq = 0;

  g_return_if_fail (score != NULL);

  memset (score, 0, sizeof *score);
  score->n_responses = n_responses;
  if (n_responses < PW_EVALUATION_MIN_ANSWERS || n_values == 0)
    {
      score->suppressed = TRUE;
      return;
    }

  score->n_answers = n_values;
  score->min = 5;
  score->max = 1;
  for (guint i = 0; i < n_values; i++)
    {
      int v = CLAMP (values[i], 1, 5);

      sum += v;
      score->min = MIN (score->min, v);
      score->max = MAX (score->max, v);
      score->distribution[v - 1]++;
    }
  score->mean = sum / n_values;
  for (guint i = 0; i < n_values; i++)
    {
      double dv = CLAMP (values[i], 1, 5) - score->mean;
      sq += dv * dv;
    }
  score->stddev = sqrt (sq / n_values);
}

char *
pw_score_describe (const PwScore *score)
{
  g_return_val_if_fail (score != NULL, NULL);

  if (score->suppressed)
    return g_strdup (_("too few answers to show"));

  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%.1f out of 5 from %u person (lowest %d, highest %d)",
                                       "%.1f out of 5 from %u people (lowest %d, highest %d)",
                                       score->n_responses),
                          score->mean, score->n_responses, score->min, score->max);
}

PwDashboard *
pw_dashboard_compute (PwStore  *store,
                      gint64    programme_id,
                      GError  **error)
{
  g_autoptr(PwDashboard) d = g_new0 (PwDashboard, 1);
  sqlite3_stmt *stmt;
  int discussion_minutes;
  int min_discussions;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  d->months = g_ptr_array_new_with_free_func (month_free);
  d->comments = g_ptr_array_new_with_free_func (comment_free);

  stmt = pw_store_prepare (store,
                           "SELECT name, start_date, end_date, discussion_minutes, min_discussions, protected_hours "
                           "FROM programme WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  rc = pw_store_step (store, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_NOT_FOUND,
                   _("There is no program %lld. Run “pairwise-cli programme list” to see them."),
                   (long long)programme_id);
      return NULL;
    }
  d->programme_name = g_strdup (col_text (stmt, 0));
  d->start_date = g_strdup (col_text (stmt, 1));
  d->end_date = g_strdup (col_text (stmt, 2));
  discussion_minutes = sqlite3_column_int (stmt, 3);
  min_discussions = sqlite3_column_int (stmt, 4);
  d->protected_per_month = sqlite3_column_int (stmt, 5);
  sqlite3_reset (stmt);

  if (!load_participation (store, programme_id, d, error) ||
      !load_meetings (store, programme_id, discussion_minutes, d, error))
    return NULL;
  g_ptr_array_sort (d->months, compare_months);

  d->significant_target = (guint)min_discussions * d->matched;
  d->protected_hours = (double)d->protected_per_month * d->mentors * d->months_run;

  for (int c = PW_EVAL_CRITERION_PROCESS; c < PW_EVAL_N_CRITERIA; c++)
    if (!load_score (store, programme_id, c, NULL, &d->criteria[c], error))
      return NULL;
  d->criteria[PW_EVAL_CRITERION_NONE].suppressed = TRUE;
  if (!load_score (store, programme_id, -1, "mentor-*", &d->mentor_feedback, error) ||
      !load_score (store, programme_id, -1, "mentee-*", &d->mentee_feedback, error))
    return NULL;

  for (const char * const *slug = pw_questionnaire_slugs (); *slug != NULL; slug++)
    {
      g_autoptr(GPtrArray) respondents = pw_evaluation_list_respondents (store, programme_id, *slug, error);

      if (respondents == NULL)
        return NULL;
      d->responses_expected += respondents->len;
      for (guint i = 0; i < respondents->len; i++)
        d->responses_received += ((PwRespondent *)g_ptr_array_index (respondents, i))->response_id != 0;
    }

  if (!load_comments (store, programme_id, d, error))
    return NULL;

  return g_steal_pointer (&d);
}

void
pw_dashboard_free (PwDashboard *dashboard)
{
  if (dashboard == NULL)
    return;
  g_free (dashboard->programme_name);
  g_free (dashboard->start_date);
  g_free (dashboard->end_date);
  g_clear_pointer (&dashboard->months, g_ptr_array_unref);
  g_clear_pointer (&dashboard->comments, g_ptr_array_unref);
  g_free (dashboard);
}

double
pw_dashboard_organisation_hours (const PwDashboard *d)
{
  g_return_val_if_fail (d != NULL, 0);
  return d->protected_hours + d->session_hours;
}

char *
pw_dashboard_roi_summary (const PwDashboard *d)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *outcome = NULL;
  double invested;

  g_return_val_if_fail (d != NULL, NULL);

  invested = d->mentor_hours + pw_dashboard_organisation_hours (d);

  g_string_append_printf (out,
                          g_dngettext (GETTEXT_PACKAGE,
                                       "Mentors gave %.0f hours to %u meeting with their mentees. ",
                                       "Mentors gave %.0f hours to %u meetings with their mentees. ",
                                       d->meetings_held),
                          d->mentor_hours, d->meetings_held);
  g_string_append_printf (out,
                          _("The organization set aside %.0f hours of protected time (%d a month for each of "
                            "%u mentors over %d months) and %.0f hours of its people’s time in the kick-off "
                            "and closing sessions. "),
                          d->protected_hours, d->protected_per_month, d->mentors, d->months_run,
                          d->session_hours);

  g_string_append_printf (out, _("In return, %u of %u goals in the pairs’ action plans were achieved, and "
                                 "%u significant discussions were held against a target of %u. "),
                          d->goals_achieved, d->goals, d->significant, d->significant_target);

  if (d->criteria[PW_EVAL_CRITERION_OUTCOME].suppressed)
    g_string_append (out, _("Too few people have answered yet to show how they rate the outcomes "
                            "(progress, career development, networking). "));
  else
    {
      outcome = pw_score_describe (&d->criteria[PW_EVAL_CRITERION_OUTCOME]);
      g_string_append_printf (out, _("Participants rate the outcomes (progress, career development, "
                                     "networking) %s. "), outcome);
    }

  if (d->goals_achieved > 0)
    g_string_append_printf (out, _("That is %.1f hours invested for each goal achieved."),
                            invested / d->goals_achieved);
  else
    g_string_append (out, _("No goal is recorded as achieved yet."));

  return g_string_free (g_steal_pointer (&out), FALSE);
}

char *
pw_dashboard_to_csv (const PwDashboard *d)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *roi = NULL;
  char hours[G_ASCII_DTOSTR_BUF_SIZE];
  const char *participation = _("Participation");
  const char *meetings = _("Meetings");
  const char *scores = _("Scores");
  const char *investment = _("Investment");

  g_return_val_if_fail (d != NULL, NULL);

  add_row (out, "section", "figure", "value", "detail");
  add_row (out, _("Program"), _("Name"), d->programme_name, "");
  add_row (out, _("Program"), _("Dates"), d->start_date, d->end_date);
  add_count (out, participation, _("People enrolled"), d->enrolled, "");
  add_count (out, participation, _("People eligible"), d->eligible, "");
  add_count (out, participation, _("Pairs matched"), d->matched, "");
  add_count (out, participation, _("Pairs active"), d->active, "");
  add_count (out, participation, _("Pairs ended"), d->ended, "");
  add_count (out, participation, _("Evaluations answered"), d->responses_received, "");
  add_count (out, participation, _("Evaluations asked for"), d->responses_expected, "");
  add_count (out, meetings, _("Meetings planned"), d->meetings_planned, "");
  add_count (out, meetings, _("Meetings held"), d->meetings_held, "");
  add_count (out, meetings, _("Meetings missed"), d->meetings_missed, "");
  add_count (out, meetings, _("Significant discussions"), d->significant, "");
  add_count (out, meetings, _("Significant discussions target"), d->significant_target, "");
  add_count (out, meetings, _("Goals"), d->goals, "");
  add_count (out, meetings, _("Goals achieved"), d->goals_achieved, "");
  for (guint i = 0; i < d->months->len; i++)
    {
      PwMonthCount *m = g_ptr_array_index (d->months, i);
      g_autofree char *figure = g_strdup_printf (_("Meetings held in %s"), m->month);
      g_autofree char *detail = g_strdup_printf (_("%u planned"), m->planned);

      add_count (out, meetings, figure, m->held, detail);
    }
  for (int c = PW_EVAL_CRITERION_PROCESS; c < PW_EVAL_N_CRITERIA; c++)
    add_score (out, scores, pw_eval_criterion_label (c), &d->criteria[c]);
  add_score (out, scores, _("Mentors about their mentees"), &d->mentor_feedback);
  add_score (out, scores, _("Mentees about their mentors"), &d->mentee_feedback);

  g_ascii_formatd (hours, sizeof hours, "%.1f", d->mentor_hours);
  add_row (out, investment, _("Mentor hours in meetings held"), hours, "");
  g_ascii_formatd (hours, sizeof hours, "%.1f", d->protected_hours);
  add_row (out, investment, _("Protected hours set aside"), hours, "");
  g_ascii_formatd (hours, sizeof hours, "%.1f", d->session_hours);
  add_row (out, investment, _("Hours in kick-off and closing"), hours, "");
  roi = pw_dashboard_roi_summary (d);
  add_row (out, investment, _("Summary"), "", roi);

  for (guint i = 0; i < d->comments->len; i++)
    {
      PwComment *c = g_ptr_array_index (d->comments, i);
      g_autofree char *figure = g_strdup_printf ("%s — %s", c->questionnaire, c->question);

      add_row (out, _("Comments"), figure, c->text, c->name ? c->name : _("anonymous"));
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}
