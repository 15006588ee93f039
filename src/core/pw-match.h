/* pw-match.h — scoring pairs, the hard rules, solving and explaining
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pw-eligibility.h"
#include "pw-solver.h"
#include "pw-store.h"

G_BEGIN_DECLS

#define PW_MATCH_ERROR (pw_match_error_quark ())

typedef enum
{
  PW_MATCH_ERROR_INVALID,
  PW_MATCH_ERROR_STATE,      /* the pair is not in a state that allows this */
  PW_MATCH_ERROR_NOTHING,    /* no eligible mentees or mentors */
} PwMatchError;

GQuark pw_match_error_quark (void);

/* The soft criteria; their weights (0–10) are the coordinator's. */
typedef enum
{
  PW_CRITERION_TOPICS,        /* the mentor offers what the mentee wants */
  PW_CRITERION_GAP,           /* the generational / seniority gap, in the programme's direction */
  PW_CRITERION_SIMILARITY,    /* same / different per attribute, as the coordinator asks */
  PW_CRITERION_BALANCE,       /* overall similarity inside the band: neither clones nor opposites */
  PW_CRITERION_CONTACT,       /* a contact form in common and hours that fit */
  PW_CRITERION_GROWTH,        /* mentor's strengths meet the mentee's areas to develop */
  PW_N_CRITERIA
} PwCriterion;

typedef enum
{
  PW_SIMILAR_IGNORE,
  PW_SIMILAR_SAME,
  PW_SIMILAR_DIFFERENT,
} PwSimilarWish;

/* Attributes compared for similarity. */
typedef enum
{
  PW_ATTR_DEPARTMENT,
  PW_ATTR_LOCATION,
  PW_ATTR_DISCIPLINE,
  PW_ATTR_BACKGROUND,
  PW_ATTR_STAFF_GROUP,
  PW_ATTR_AGE_BAND,     /* the four characteristics count only when the */
  PW_ATTR_GENDER,       /* programme turns sensitive characteristics on */
  PW_ATTR_ETHNICITY,
  PW_ATTR_DISABILITY,
  PW_N_ATTRS
} PwAttribute;

typedef struct
{
  int             weights[PW_N_CRITERIA];   /* 0–10 */
  PwSimilarWish   similar[PW_N_ATTRS];
  int             min_gap;                  /* grade steps in the programme's direction */
  int             band_low;                 /* percent of compared attributes alike: */
  int             band_high;                /* the healthy band of similarity */
  PwSolverPolicy  policy;
} PwMatchSettings;

const char *pw_criterion_name         (PwCriterion      criterion);
const char *pw_criterion_label        (PwCriterion      criterion);
const char *pw_attribute_label        (PwAttribute      attribute);
void        pw_match_settings_init    (PwMatchSettings *settings);
gboolean    pw_match_settings_load    (PwStore         *store,
                                       gint64           programme_id,
                                       PwMatchSettings *settings,
                                       GError         **error);
gboolean    pw_match_settings_save    (PwStore         *store,
                                       gint64           programme_id,
                                       const PwMatchSettings *settings,
                                       GError         **error);

/* Pairs and their life: proposed → approved → active → ended. */
typedef enum
{
  PW_PAIR_PROPOSED, /*< nick=proposed >*/
  PW_PAIR_APPROVED, /*< nick=approved >*/
  PW_PAIR_ACTIVE,   /*< nick=active >*/
  PW_PAIR_ENDED,    /*< nick=ended >*/
} PwPairState;

typedef struct
{
  gint64       id;
  gint64       programme_id;
  gint64       mentee_id;
  gint64       mentor_id;
  PwPairState  state;
  int          score;
  gboolean     locked;
  gboolean     random;       /* from a blind-date run */
  char        *created;
  char        *ended;        /* ISO timestamp or NULL */
  char        *end_kind;     /* "completed" or "rematched" */
  char        *explanation;  /* plain words, stored with the proposal */
} PwPair;

void        pw_pair_free              (PwPair          *pair);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwPair, pw_pair_free)

/* (element-type PwPair) */
GPtrArray  *pw_pairs_list             (PwStore         *store,
                                       gint64           programme_id,
                                       gboolean         with_ended,
                                       GError         **error);
gboolean    pw_pair_approve           (PwStore         *store,
                                       gint64           pair_id,
                                       GError         **error);
gboolean    pw_pairs_approve_all      (PwStore         *store,
                                       gint64           programme_id,
                                       GError         **error);
gboolean    pw_pair_activate          (PwStore         *store,
                                       gint64           pair_id,
                                       GError         **error);
gboolean    pw_pair_set_locked        (PwStore         *store,
                                       gint64           pair_id,
                                       gboolean         locked,
                                       GError         **error);
/* Ends a pair without blame. @reason stays with the coordinator; the pair
 * is never proposed again in any programme. For a rematch, @left_waiting
 * (the person who did not ask to end it) gets priority at the next solve. */
gboolean    pw_pair_end               (PwStore         *store,
                                       gint64           pair_id,
                                       gboolean         rematch,
                                       gint64           left_waiting,
                                       const char      *reason,
                                       GError         **error);
gboolean    pw_pair_forbid            (PwStore         *store,
                                       gint64           programme_id,
                                       gint64           mentee_id,
                                       gint64           mentor_id,
                                       gboolean         forbidden,
                                       GError         **error);
/* Someone who influences @person_id's career (appraiser, promotion panel):
 * the two are never paired, in either role. */
gboolean    pw_influence_add          (PwStore         *store,
                                       gint64           person_id,
                                       gint64           influencer_id,
                                       const char      *note,
                                       GError         **error);

/* One run of matching: the scores, the rules, the solution, the words. */
typedef struct _PwMatchRun PwMatchRun;

typedef struct
{
  int    score;
  int    contributions[PW_N_CRITERIA];  /* weight × criterion value (0–100) */
  int    values[PW_N_CRITERIA];         /* 0–100 */
} PwPairScore;

PwMatchRun *pw_match_prepare          (PwStore         *store,
                                       gint64           programme_id,
                                       GError         **error);
void        pw_match_run_free         (PwMatchRun      *run);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwMatchRun, pw_match_run_free)

/* Solves with the programme's policy (or @random with @seed) and keeps the
 * result in @run. Locked pairs stay; people in approved or active pairs are
 * not matched again. */
gboolean    pw_match_solve            (PwMatchRun      *run,
                                       gboolean         random,
                                       guint64          seed,
                                       GCancellable    *cancellable,
                                       GError         **error);
guint       pw_match_get_n_mentees    (PwMatchRun      *run);
guint       pw_match_get_n_mentors    (PwMatchRun      *run);
PwPerson   *pw_match_get_mentee       (PwMatchRun      *run,
                                       guint            i);
PwPerson   *pw_match_get_mentor       (PwMatchRun      *run,
                                       guint            j);
/* The mentor index for mentee @i in the last solve, or -1. */
int         pw_match_get_assignment   (PwMatchRun      *run,
                                       guint            i);
gboolean    pw_match_score_pair       (PwMatchRun      *run,
                                       guint            i,
                                       guint            j,
                                       PwPairScore     *out);
/* The matrix the solver works on (transfer none): each allowed pair's
 * score, plus a priority bonus where the mentor waits after a rematch. */
PwSolverProblem *pw_match_get_problem (PwMatchRun    *run);
/* Why mentee @i and mentor @j may not be paired, or NULL if they may. */
const char *pw_match_blocked_reason   (PwMatchRun      *run,
                                       guint            i,
                                       guint            j);
char       *pw_match_explain_pair     (PwMatchRun      *run,
                                       guint            i);
char       *pw_match_explain_unmatched (PwMatchRun     *run,
                                       guint            i);
JsonNode   *pw_match_to_json          (PwMatchRun      *run);

typedef struct
{
  guint   matched;
  guint   unmatched;
  gint64  total;
  int     lowest;
  int     highest;
  double  mean;
  double  stddev;
} PwFairness;

void        pw_match_fairness         (PwMatchRun      *run,
                                       PwFairness      *out);
/* The same figures under the other policy, for comparison. */
gboolean    pw_match_fairness_other_policy (PwMatchRun *run,
                                       PwFairness      *out,
                                       GError         **error);
/* Stores the solution as proposed pairs, replacing earlier proposals. */
gboolean    pw_match_save_proposals   (PwMatchRun      *run,
                                       GError         **error);

G_END_DECLS
