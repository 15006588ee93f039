/* pw-dashboard.h — a programme's figures: participation, meetings, scores
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pw-evaluation.h"
#include "pw-store.h"

G_BEGIN_DECLS

/* Scores on the 1–5 scale from some answers. A figure from fewer than
 * PW_EVALUATION_MIN_ANSWERS people is suppressed: only n_responses is
 * kept, every other field is zero. */
typedef struct
{
  guint     n_responses;      /* people who answered at least one question counted */
  guint     n_answers;
  gboolean  suppressed;
  double    mean;
  int       min;
  int       max;
  double    stddev;
  guint     distribution[5];  /* answers of 1, 2, 3, 4 and 5 */
} PwScore;

typedef struct
{
  char  *month;    /* YYYY-MM */
  guint  planned;  /* pair meetings in the month, not cancelled */
  guint  held;
} PwMonthCount;

typedef struct
{
  char  *questionnaire;  /* its title */
  char  *question;
  char  *text;
  char  *name;           /* NULL unless the person agreed to be named */
} PwComment;

typedef struct
{
  char      *programme_name;
  char      *start_date;
  char      *end_date;

  /* Participation: people, then pairs. */
  guint      enrolled;
  guint      eligible;
  guint      matched;             /* pairs approved, active or ended */
  guint      active;
  guint      ended;

  /* Pair meetings (first meeting and regular ones). */
  guint      meetings_planned;    /* not cancelled, held or not */
  guint      meetings_held;
  guint      meetings_missed;
  guint      significant;         /* held for at least the programme's discussion minutes */
  guint      significant_target;  /* the programme's minimum × matched pairs */
  guint      goals;
  guint      goals_achieved;

  PwScore    criteria[PW_EVAL_N_CRITERIA];  /* [PW_EVAL_CRITERION_NONE] is unused */
  PwScore    mentor_feedback;     /* mentors about their mentees */
  PwScore    mentee_feedback;     /* mentees about their mentors */
  guint      responses_expected;
  guint      responses_received;

  GPtrArray *months;              /* PwMonthCount, the programme's months in order */
  GPtrArray *comments;            /* PwComment */

  /* Return on investment. */
  double     mentor_hours;        /* meetings held × their length, for the mentors */
  double     protected_hours;     /* protected time the organisation gives the mentors */
  double     session_hours;       /* kick-off and closing, × the people in pairs */
  guint      mentors;
  guint      participants;        /* people in pairs */
  int        protected_per_month;
  int        months_run;
} PwDashboard;

PwDashboard *pw_dashboard_compute       (PwStore        *store,
                                         gint64          programme_id,
                                         GError        **error);
void         pw_dashboard_free          (PwDashboard    *dashboard);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwDashboard, pw_dashboard_free)

/* Scores from plain values (1–5), with the suppression rule applied;
 * @n_responses is the number of people behind them. */
void         pw_score_compute           (PwScore        *score,
                                         const int      *values,
                                         guint           n_values,
                                         guint           n_responses);
/* "4.2 out of 5 from 12 people (lowest 3, highest 5)" or "too few answers to show". */
char        *pw_score_describe          (const PwScore  *score);
double       pw_dashboard_organisation_hours (const PwDashboard *dashboard);
/* The return-on-investment summary in a few sentences, for leadership. */
char        *pw_dashboard_roi_summary   (const PwDashboard *dashboard);
/* The dashboard as CSV: section, figure, value, detail. */
char        *pw_dashboard_to_csv        (const PwDashboard *dashboard);

G_END_DECLS
