/* pw-evaluation.h — questionnaires in versions, responses, forms to fill in
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pw-store.h"

G_BEGIN_DECLS

#define PW_EVALUATION_ERROR (pw_evaluation_error_quark ())

typedef enum
{
  PW_EVALUATION_ERROR_INVALID,     /* a value is wrong; the message says where */
  PW_EVALUATION_ERROR_NOT_FOUND,   /* no such programme, questionnaire or response */
  PW_EVALUATION_ERROR_FORMAT,      /* not an answer file of Pairwise */
  PW_EVALUATION_ERROR_VERSION,     /* answers a version of the questionnaire that does not exist */
  PW_EVALUATION_ERROR_RESPONDENT,  /* the respondent is not asked this questionnaire */
  PW_EVALUATION_ERROR_RANGE,       /* an answer outside its scale or of the wrong type */
} PwEvaluationError;

GQuark pw_evaluation_error_quark (void);

/* The answer file a form saves. */
#define PW_ANSWERS_FORMAT  "io.github.pairwise.Pairwise.answers"
#define PW_ANSWERS_VERSION 1

/* Any figure drawn from fewer answers than this is not shown. */
#define PW_EVALUATION_MIN_ANSWERS 5

typedef enum
{
  PW_QUESTION_SCALE,   /*< nick=scale >*/   /* 1 (strongly disagree) – 5 (strongly agree) */
  PW_QUESTION_YES_NO,  /*< nick=yes-no >*/
  PW_QUESTION_TEXT,    /*< nick=text >*/
} PwQuestionType;

/* The evaluation criteria a question may count towards. */
typedef enum
{
  PW_EVAL_CRITERION_NONE,     /*< nick=none >*/
  PW_EVAL_CRITERION_PROCESS,  /*< nick=process >*/  /* clear objectives, regular purposeful meetings */
  PW_EVAL_CRITERION_CONTENT,  /*< nick=content >*/  /* feedback, the mentee could raise issues and challenge */
  PW_EVAL_CRITERION_OUTCOME,  /*< nick=outcome >*/  /* progress, career development, networking */
  PW_EVAL_N_CRITERIA          /*< skip >*/
} PwEvalCriterion;

/* Who answers a questionnaire. */
typedef enum
{
  PW_AUDIENCE_MENTOR,    /* each mentor, about their mentee, once a pair */
  PW_AUDIENCE_MENTEE,    /* each mentee, about their mentor, once a pair */
  PW_AUDIENCE_EVERYONE,  /* everyone in a pair, about the programme, once */
} PwAudience;

const char     *pw_question_type_to_nick     (PwQuestionType   type);
gboolean        pw_question_type_from_nick   (const char      *nick,
                                              PwQuestionType  *out);
const char     *pw_question_type_label       (PwQuestionType   type);
const char     *pw_eval_criterion_to_nick    (PwEvalCriterion  criterion);
gboolean        pw_eval_criterion_from_nick  (const char      *nick,
                                              PwEvalCriterion *out);
const char     *pw_eval_criterion_label      (PwEvalCriterion  criterion);

/* The five questionnaires every programme has, by slug: "mentor-midpoint",
 * "mentor-final", "mentee-midpoint", "mentee-final", "programme". */
const char * const *pw_questionnaire_slugs   (void);
gboolean        pw_questionnaire_slug_valid  (const char      *slug);
PwAudience      pw_questionnaire_slug_audience (const char    *slug);

typedef struct
{
  gint64           id;         /* 0 until stored */
  char            *key;        /* stable across versions: "proactive"; NULL or "" for a new one */
  char            *text;
  PwQuestionType   type;
  PwEvalCriterion  criterion;
} PwQuestion;

PwQuestion     *pw_question_new              (const char      *key,
                                              const char      *text,
                                              PwQuestionType   type,
                                              PwEvalCriterion  criterion);
PwQuestion     *pw_question_copy             (const PwQuestion *question);
void            pw_question_free             (PwQuestion      *question);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwQuestion, pw_question_free)

/* One version of a questionnaire; immutable once stored. Read-only
 * properties "id", "programme-id", "slug", "version", "title", "intro". */
#define PW_TYPE_QUESTIONNAIRE (pw_questionnaire_get_type ())
G_DECLARE_FINAL_TYPE (PwQuestionnaire, pw_questionnaire, PW, QUESTIONNAIRE, GObject)

gint64            pw_questionnaire_get_id            (PwQuestionnaire *self);
gint64            pw_questionnaire_get_programme_id  (PwQuestionnaire *self);
const char       *pw_questionnaire_get_slug          (PwQuestionnaire *self);
int               pw_questionnaire_get_version       (PwQuestionnaire *self);
const char       *pw_questionnaire_get_title         (PwQuestionnaire *self);
const char       *pw_questionnaire_get_intro         (PwQuestionnaire *self);
PwAudience        pw_questionnaire_get_audience      (PwQuestionnaire *self);
guint             pw_questionnaire_get_n_questions   (PwQuestionnaire *self);
const PwQuestion *pw_questionnaire_get_question      (PwQuestionnaire *self,
                                                      guint            i);
const PwQuestion *pw_questionnaire_find_question     (PwQuestionnaire *self,
                                                      const char      *key);
/* (element-type PwQuestion) (transfer full): copies, to edit into a new version */
GPtrArray        *pw_questionnaire_dup_questions     (PwQuestionnaire *self);

/* Questionnaires. The ready-made ones are created the first time a
 * programme's questionnaires are asked for. */
/* A GListModel of PwQuestionnaire: the current version of each, in slug order. */
GListModel      *pw_evaluation_list_questionnaires   (PwStore         *store,
                                                      gint64           programme_id,
                                                      GError         **error);
/* @version 0: the current one. */
PwQuestionnaire *pw_evaluation_get_questionnaire     (PwStore         *store,
                                                      gint64           programme_id,
                                                      const char      *slug,
                                                      int              version,
                                                      GError         **error);
PwQuestionnaire *pw_evaluation_get_questionnaire_by_id (PwStore       *store,
                                                      gint64           questionnaire_id,
                                                      GError         **error);
/**
 * pw_evaluation_save_version:
 * @questions: (element-type PwQuestion): the new version's questions in
 *   order; a question without a key is new and gets one
 *
 * Edits a questionnaire by storing its next version; earlier versions and
 * their answers stay as they are. Returns the new version.
 */
PwQuestionnaire *pw_evaluation_save_version          (PwStore         *store,
                                                      gint64           programme_id,
                                                      const char      *slug,
                                                      const char      *title,
                                                      const char      *intro,
                                                      GPtrArray       *questions,
                                                      GError         **error);

/* Who is asked a questionnaire, and whether they have answered. */
typedef struct
{
  gint64  person_id;
  char   *name;
  char   *email;
  gint64  pair_id;        /* 0 for the programme questionnaire */
  gint64  subject_id;     /* whom the answers are about; 0 for the programme */
  char   *subject_name;
  char   *subject_email;
  gint64  response_id;    /* 0 while not answered */
} PwRespondent;

void        pw_respondent_free              (PwRespondent   *respondent);
/* (element-type PwRespondent): approved, active and ended pairs, by name */
GPtrArray  *pw_evaluation_list_respondents   (PwStore        *store,
                                              gint64          programme_id,
                                              const char     *slug,
                                              GError        **error);

/* A response: the answers of one respondent to one version. */
typedef struct
{
  char  *key;
  int    number;   /* scale 1–5, yes 1 / no 0; -1 for a text answer */
  char  *text;     /* NULL unless a text answer */
} PwAnswer;

typedef struct
{
  gint64      id;
  gint64      questionnaire_id;
  gint64      respondent_id;
  gint64      pair_id;
  gboolean    named;       /* agreed to be named with their written answers */
  char       *source;      /* "typed", "html" or "csv" */
  char       *submitted;
  GPtrArray  *answers;     /* PwAnswer, in the questionnaire's order once stored */
} PwResponse;

PwResponse     *pw_response_new            (gint64           questionnaire_id,
                                            gint64           respondent_id,
                                            gint64           pair_id);
void            pw_response_free           (PwResponse      *response);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwResponse, pw_response_free)
void            pw_response_set_number     (PwResponse      *response,
                                            const char      *key,
                                            int              number);
void            pw_response_set_text       (PwResponse      *response,
                                            const char      *key,
                                            const char      *text);
const PwAnswer *pw_response_get_answer     (PwResponse      *response,
                                            const char      *key);

/* Checks @response against its version and its respondent, then stores
 * it, replacing the respondent's earlier response to the questionnaire
 * (in any version). Joins the caller's transaction if one is open. */
gboolean    pw_evaluation_save_response    (PwStore         *store,
                                            PwResponse      *response,
                                            GError         **error);
PwResponse *pw_evaluation_get_response     (PwStore         *store,
                                            gint64           response_id,
                                            GError         **error);
/* (element-type PwResponse): every version's responses of @slug, oldest first */
GPtrArray  *pw_evaluation_list_responses   (PwStore         *store,
                                            gint64           programme_id,
                                            const char      *slug,
                                            GError         **error);

/* Forms a participant fills in without Pairwise. */
/* One self-contained HTML file: inline style and script, nothing from the
 * network. It saves an answer file (JSON) through a download link.
 * @respondent_email: (nullable): filled in for them */
char       *pw_evaluation_export_html      (PwStore         *store,
                                            gint64           programme_id,
                                            const char      *slug,
                                            const char      *respondent_email,
                                            GError         **error);
/* A CSV with a row for each respondent who has not answered yet. */
char       *pw_evaluation_export_csv       (PwStore         *store,
                                            gint64           programme_id,
                                            const char      *slug,
                                            GError         **error);
/**
 * pw_evaluation_import:
 * @names: file names for messages, one for each of @texts
 * @texts: answer files (JSON from the HTML form) or CSV files
 *
 * Checks every answer of every file first; on the first problem returns
 * %FALSE with one message saying the file, the line or question, and what
 * to do, and stores nothing. Otherwise stores them all in one transaction.
 */
gboolean    pw_evaluation_import           (PwStore            *store,
                                            gint64              programme_id,
                                            const char * const *names,
                                            const char * const *texts,
                                            guint              *n_imported,
                                            GError            **error);
gboolean    pw_evaluation_import_files     (PwStore            *store,
                                            gint64              programme_id,
                                            const char * const *paths,
                                            guint              *n_imported,
                                            GError            **error);

G_END_DECLS
