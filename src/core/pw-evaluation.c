/* pw-evaluation.c — questionnaires in versions, responses, forms to fill in
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-evaluation"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "pw-csv.h"
#include "pw-evaluation.h"

struct _PwQuestionnaire
{
  GObject     parent_instance;

  gint64      id;
  gint64      programme_id;
  char       *slug;
  int         version;
  char       *title;
  char       *intro;
  GPtrArray  *questions;
};

G_DEFINE_FINAL_TYPE (PwQuestionnaire, pw_questionnaire, G_TYPE_OBJECT)

G_DEFINE_QUARK (pw-evaluation-error-quark, pw_evaluation_error)

enum {
  PROP_0,
  PROP_ID,
  PROP_PROGRAMME_ID,
  PROP_SLUG,
  PROP_VERSION,
  PROP_TITLE,
  PROP_INTRO,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char * const slugs[] = {
  "mentor-midpoint", "mentor-final", "mentee-midpoint", "mentee-final", "programme", NULL
};

static const char * const type_nicks[] = { "scale", "yes-no", "text" };
static const char * const criterion_nicks[] = { "", "process", "content", "outcome" };

/* The ready-made questionnaires. */
typedef struct
{
  const char      *key;
  const char      *text;
  PwQuestionType   type;
  PwEvalCriterion  criterion;
} DefaultQuestion;

static const DefaultQuestion mentor_questions[] = {
  { "proactive", N_("My mentee was proactive in managing the relationship."), PW_QUESTION_SCALE, PW_EVAL_CRITERION_PROCESS },
  { "engaged", N_("My mentee was engaged with their goals and targets."), PW_QUESTION_SCALE, PW_EVAL_CRITERION_OUTCOME },
  { "punctual", N_("My mentee was punctual and efficient in scheduling our meetings."), PW_QUESTION_SCALE, PW_EVAL_CRITERION_PROCESS },
  { "most", N_("My mentee made the most of the mentoring."), PW_QUESTION_SCALE, PW_EVAL_CRITERION_OUTCOME },
  { "improve", N_("What could improve?"), PW_QUESTION_TEXT, PW_EVAL_CRITERION_NONE },
};

static const DefaultQuestion mentee_questions[] = {
  { "support", N_("My mentor gave me effective support."), PW_QUESTION_SCALE, PW_EVAL_CRITERION_CONTENT },
  { "valuable", N_("My mentor’s experience was valuable and aligned with my objectives."), PW_QUESTION_SCALE, PW_EVAL_CRITERION_CONTENT },
  { "punctual", N_("My mentor was punctual and invested in our meetings."), PW_QUESTION_SCALE, PW_EVAL_CRITERION_PROCESS },
  { "engaged", N_("My mentor was engaged with my objectives."), PW_QUESTION_SCALE, PW_EVAL_CRITERION_CONTENT },
  { "most", N_("My mentor made the most of being a mentor."), PW_QUESTION_SCALE, PW_EVAL_CRITERION_OUTCOME },
  { "improve", N_("What could improve?"), PW_QUESTION_TEXT, PW_EVAL_CRITERION_NONE },
};

static const DefaultQuestion programme_questions[] = {
  { "objectives", N_("The program’s objectives were clear."), PW_QUESTION_SCALE, PW_EVAL_CRITERION_PROCESS },
  { "meetings", N_("Our meetings were regular and purposeful."), PW_QUESTION_SCALE, PW_EVAL_CRITERION_PROCESS },
  { "feedback", N_("Feedback was given in our meetings."), PW_QUESTION_SCALE, PW_EVAL_CRITERION_CONTENT },
  { "challenge", N_("The mentee could raise issues and challenge the mentor."), PW_QUESTION_SCALE, PW_EVAL_CRITERION_CONTENT },
  { "progress", N_("I made progress towards my goals."), PW_QUESTION_SCALE, PW_EVAL_CRITERION_OUTCOME },
  { "career", N_("The program helped my career development."), PW_QUESTION_SCALE, PW_EVAL_CRITERION_OUTCOME },
  { "network", N_("The program widened my network."), PW_QUESTION_SCALE, PW_EVAL_CRITERION_OUTCOME },
  { "recommend", N_("Would you recommend the program to a colleague?"), PW_QUESTION_YES_NO, PW_EVAL_CRITERION_NONE },
  { "comments", N_("What else should the organizers know?"), PW_QUESTION_TEXT, PW_EVAL_CRITERION_NONE },
};

typedef struct
{
  const char            *slug;
  const char            *title;
  const char            *intro;
  const DefaultQuestion *questions;
  guint                  n_questions;
} DefaultQuestionnaire;

static const DefaultQuestionnaire defaults[] = {
  { "mentor-midpoint", N_("Mid-point evaluation: mentor about mentee"),
    N_("Halfway through: how is your mentee taking part? Your answers help the coordinator support your pair."),
    mentor_questions, G_N_ELEMENTS (mentor_questions) },
  { "mentor-final", N_("Final evaluation: mentor about mentee"),
    N_("At the end of the program: how did your mentee take part?"),
    mentor_questions, G_N_ELEMENTS (mentor_questions) },
  { "mentee-midpoint", N_("Mid-point evaluation: mentee about mentor"),
    N_("Halfway through: how is your mentor supporting you? Your answers help the coordinator support your pair."),
    mentee_questions, G_N_ELEMENTS (mentee_questions) },
  { "mentee-final", N_("Final evaluation: mentee about mentor"),
    N_("At the end of the program: how did your mentor support you?"),
    mentee_questions, G_N_ELEMENTS (mentee_questions) },
  { "programme", N_("Program evaluation"),
    N_("How well did the program work: its process, its content and its outcomes?"),
    programme_questions, G_N_ELEMENTS (programme_questions) },
};

/* Static helpers */

static const char *
col_text (sqlite3_stmt *stmt,
          int           col)
{
  const char *text = (const char *)sqlite3_column_text (stmt, col);

  return text ? text : "";
}

static gboolean
begin_own (PwStore  *store,
           gboolean *own,
           GError  **error)
{
  *own = !pw_store_in_transaction (store);
  return !*own || pw_store_begin (store, error);
}

static gboolean
finish_own (PwStore  *store,
            gboolean  own,
            gboolean  ok,
            GError  **error)
{
  if (!own)
    return ok;
  if (!ok)
    {
      pw_store_rollback (store);
      return FALSE;
    }
  return pw_store_commit (store, error);
}

static gboolean
programme_exists (PwStore  *store,
                  gint64    programme_id,
                  char    **uuid,
                  GError  **error)
{
  sqlite3_stmt *stmt = pw_store_prepare (store, "SELECT uuid FROM programme WHERE id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  rc = pw_store_step (store, stmt, error);
  if (rc < 0)
    return FALSE;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_NOT_FOUND,
                   _("There is no program %lld. Run “pairwise-cli programme list” to see them."),
                   (long long)programme_id);
      return FALSE;
    }
  if (uuid != NULL)
    *uuid = g_strdup (col_text (stmt, 0));
  sqlite3_reset (stmt);
  return TRUE;
}

static gboolean
insert_version (PwStore     *store,
                gint64       programme_id,
                const char  *slug,
                int          version,
                const char  *title,
                const char  *intro,
                GPtrArray   *questions,
                gint64      *out_id,
                GError     **error)
{
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = pw_store_prepare (store,
                           "INSERT INTO questionnaire (programme_id, slug, version, title, intro) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_text (stmt, 2, slug, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, version);
  sqlite3_bind_text (stmt, 4, title, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, intro ? intro : "", -1, SQLITE_TRANSIENT);
  if (pw_store_step (store, stmt, error) < 0)
    return FALSE;
  id = pw_store_last_insert_id (store);

  for (guint i = 0; i < questions->len; i++)
    {
      PwQuestion *q = g_ptr_array_index (questions, i);

      stmt = pw_store_prepare (store,
                               "INSERT INTO question (questionnaire_id, position, key, text, type, criterion) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, id);
      sqlite3_bind_int (stmt, 2, (int)i);
      sqlite3_bind_text (stmt, 3, q->key, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 4, q->text, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (stmt, 5, type_nicks[q->type], -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, criterion_nicks[q->criterion], -1, SQLITE_STATIC);
      if (pw_store_step (store, stmt, error) < 0)
        return FALSE;
    }

  *out_id = id;
  return TRUE;
}

/* Creates version 1 of any ready-made questionnaire the programme lacks. */
static gboolean
ensure_defaults (PwStore  *store,
                 gint64    programme_id,
                 GError  **error)
{
  gboolean own;
  gboolean ok = TRUE;
  guint missing = 0;

  if (!programme_exists (store, programme_id, NULL, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    {
      sqlite3_stmt *stmt = pw_store_prepare (store,
                                             "SELECT 1 FROM questionnaire WHERE programme_id = ?1 AND slug = ?2",
                                             error);
      int rc;

      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, programme_id);
      sqlite3_bind_text (stmt, 2, defaults[i].slug, -1, SQLITE_STATIC);
      rc = pw_store_step (store, stmt, error);
      if (rc < 0)
        return FALSE;
      sqlite3_reset (stmt);
      missing += rc == SQLITE_DONE;
    }

  if (missing == 0)
    return TRUE;

  if (!begin_own (store, &own, error))
    return FALSE;

  for (guint i = 0; ok && i < G_N_ELEMENTS (defaults); i++)
    {
      const DefaultQuestionnaire *d = &defaults[i];
      g_autoptr(GPtrArray) questions = g_ptr_array_new_with_free_func ((GDestroyNotify)pw_question_free);
      sqlite3_stmt *stmt = pw_store_prepare (store,
                                             "SELECT 1 FROM questionnaire WHERE programme_id = ?1 AND slug = ?2",
                                             error);
      int rc;
      gint64 id;

      if (stmt == NULL)
        {
          ok = FALSE;
          break;
        }
      sqlite3_bind_int64 (stmt, 1, programme_id);
      sqlite3_bind_text (stmt, 2, d->slug, -1, SQLITE_STATIC);
      rc = pw_store_step (store, stmt, error);
      sqlite3_reset (stmt);
      if (rc < 0)
        {
          ok = FALSE;
          break;
        }
      if (rc == SQLITE_ROW)
        continue;

      for (guint j = 0; j < d->n_questions; j++)
        g_ptr_array_add (questions, pw_question_new (d->questions[j].key, _(d->questions[j].text),
                                                     d->questions[j].type, d->questions[j].criterion));
      ok = insert_version (store, programme_id, d->slug, 1, _(d->title), _(d->intro), questions, &id, error);
    }

  return finish_own (store, own, ok, error);
}

static PwQuestionnaire *
load_questionnaire (PwStore       *store,
                    sqlite3_stmt  *stmt,
                    GError       **error)
{
  g_autoptr(PwQuestionnaire) self = g_object_new (PW_TYPE_QUESTIONNAIRE, NULL);
  sqlite3_stmt *qs;
  int rc;

  self->id = sqlite3_column_int64 (stmt, 0);
  self->programme_id = sqlite3_column_int64 (stmt, 1);
  self->slug = g_strdup (col_text (stmt, 2));
  self->version = sqlite3_column_int (stmt, 3);
  self->title = g_strdup (col_text (stmt, 4));
  self->intro = g_strdup (col_text (stmt, 5));
  sqlite3_reset (stmt);

  qs = pw_store_prepare (store,
                         "SELECT id, key, text, type, criterion FROM question "
                         "WHERE questionnaire_id = ?1 ORDER BY position", error);
  if (qs == NULL)
    return NULL;
  sqlite3_bind_int64 (qs, 1, self->id);
  while ((rc = pw_store_step (store, qs, error)) == SQLITE_ROW)
    {
      PwQuestionType type = PW_QUESTION_SCALE;
      PwEvalCriterion criterion = PW_EVAL_CRITERION_NONE;
      PwQuestion *q;

      pw_question_type_from_nick (col_text (qs, 3), &type);
      pw_eval_criterion_from_nick (col_text (qs, 4), &criterion);
      q = pw_question_new (col_text (qs, 1), col_text (qs, 2), type, criterion);
      q->id = sqlite3_column_int64 (qs, 0);
      g_ptr_array_add (self->questions, q);
    }
  if (rc < 0)
    return NULL;

  return g_steal_pointer (&self);
}

static PwQuestionnaire *
get_questionnaire (PwStore     *store,
                   gint64       programme_id,
                   const char  *slug,
                   int          version,
                   GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = pw_store_prepare (store,
                           "SELECT id, programme_id, slug, version, title, intro FROM questionnaire "
                           "WHERE programme_id = ?1 AND slug = ?2 AND (?3 = 0 OR version = ?3) "
                           "ORDER BY version DESC LIMIT 1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_text (stmt, 2, slug, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int (stmt, 3, version);
  rc = pw_store_step (store, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_NOT_FOUND,
                   _("The questionnaire “%s” has no version %d."), slug, version);
      return NULL;
    }

  return load_questionnaire (store, stmt, error);
}

static gboolean
check_slug (const char  *slug,
            GError     **error)
{
  if (pw_questionnaire_slug_valid (slug))
    return TRUE;

  g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_NOT_FOUND,
               _("“%s” is not a questionnaire: use mentor-midpoint, mentor-final, mentee-midpoint, "
                 "mentee-final or programme."), slug ? slug : "");
  return FALSE;
}

static gboolean
key_used (PwStore     *store,
          gint64       programme_id,
          const char  *slug,
          const char  *key)
{
  sqlite3_stmt *stmt = pw_store_prepare (store,
                                         "SELECT 1 FROM question JOIN questionnaire q ON q.id = questionnaire_id "
                                         "WHERE q.programme_id = ?1 AND q.slug = ?2 AND key = ?3", NULL);
  int rc;

  if (stmt == NULL)
    return TRUE;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_text (stmt, 2, slug, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, key, -1, SQLITE_TRANSIENT);
  rc = pw_store_step (store, stmt, NULL);
  sqlite3_reset (stmt);
  return rc != SQLITE_DONE;
}

static void
respondent_free (gpointer data)
{
  pw_respondent_free (data);
}

static gint64
find_response (PwStore     *store,
               gint64       programme_id,
               const char  *slug,
               gint64       respondent_id,
               gint64       pair_id)
{
  sqlite3_stmt *stmt = pw_store_prepare (store,
                                         "SELECT r.id FROM response r JOIN questionnaire q ON q.id = r.questionnaire_id "
                                         "WHERE q.programme_id = ?1 AND q.slug = ?2 AND r.respondent_id = ?3 "
                                         "AND r.pair_id IS ?4 ORDER BY r.id DESC LIMIT 1", NULL);
  gint64 id = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_text (stmt, 2, slug, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 3, respondent_id);
  if (pair_id != 0)
    sqlite3_bind_int64 (stmt, 4, pair_id);
  else
    sqlite3_bind_null (stmt, 4);
  if (pw_store_step (store, stmt, NULL) == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return id;
}

static const char *
audience_words (PwAudience audience)
{
  switch (audience)
    {
    case PW_AUDIENCE_MENTOR:
      return _("only the mentors of its pairs are");
    case PW_AUDIENCE_MENTEE:
      return _("only the mentees of its pairs are");
    case PW_AUDIENCE_EVERYONE:
    default:
      return _("only the people in its pairs are");
    }
}

/* Checks one answer against its question; @where starts the message. */
static gboolean
check_answer (const PwQuestion  *q,
              const PwAnswer    *a,
              const char        *where,
              GError           **error)
{
  switch (q->type)
    {
    case PW_QUESTION_SCALE:
      if (a->text != NULL || a->number < 1 || a->number > 5)
        {
          g_autofree char *value = a->text ? g_strdup_printf ("“%s”", a->text) : g_strdup_printf ("%d", a->number);
          g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_RANGE,
                       _("%s: question “%s”: %s is not on the scale; answer 1 to 5."),
                       where, q->key, value);
          return FALSE;
        }
      break;
    case PW_QUESTION_YES_NO:
      if (a->text != NULL || (a->number != 0 && a->number != 1))
        {
          g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_RANGE,
                       _("%s: question “%s”: answer yes or no."), where, q->key);
          return FALSE;
        }
      break;
    case PW_QUESTION_TEXT:
    default:
      if (a->text == NULL)
        {
          g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_RANGE,
                       _("%s: question “%s”: answer in words, not with a number."), where, q->key);
          return FALSE;
        }
      break;
    }

  return TRUE;
}

static gboolean
check_response (PwStore          *store,
                PwQuestionnaire  *q,
                PwResponse       *response,
                const char       *where,
                GError          **error)
{
  g_autoptr(GPtrArray) respondents = NULL;
  gboolean found = FALSE;

  for (guint i = 0; i < response->answers->len; i++)
    {
      const PwAnswer *a = g_ptr_array_index (response->answers, i);
      const PwQuestion *question = pw_questionnaire_find_question (q, a->key);

      if (question == NULL)
        {
          g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_INVALID,
                       _("%s: there is no question “%s” in version %d of “%s”."),
                       where, a->key, q->version, q->title);
          return FALSE;
        }
      if (!check_answer (question, a, where, error))
        return FALSE;
    }

  respondents = pw_evaluation_list_respondents (store, q->programme_id, q->slug, error);
  if (respondents == NULL)
    return FALSE;

  for (guint i = 0; i < respondents->len && !found; i++)
    {
      PwRespondent *r = g_ptr_array_index (respondents, i);

      found = r->person_id == response->respondent_id && r->pair_id == response->pair_id;
    }

  if (!found)
    {
      g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_RESPONDENT,
                   _("%s: person %lld is not asked “%s” in this program (%s)."),
                   where, (long long)response->respondent_id, q->title,
                   audience_words (pw_questionnaire_get_audience (q)));
      return FALSE;
    }

  return TRUE;
}

static gboolean
store_response (PwStore          *store,
                PwQuestionnaire  *q,
                PwResponse       *response,
                GError          **error)
{
  sqlite3_stmt *stmt;
  gint64 earlier;

  /* A new answer from the same person replaces the old one, whatever version it answered. */
  while ((earlier = find_response (store, q->programme_id, q->slug, response->respondent_id, response->pair_id)) != 0)
    {
      stmt = pw_store_prepare (store, "DELETE FROM response WHERE id = ?1", error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, earlier);
      if (pw_store_step (store, stmt, error) < 0)
        return FALSE;
    }

  stmt = pw_store_prepare (store,
                           "INSERT INTO response (questionnaire_id, respondent_id, pair_id, named, source) "
                           "VALUES (?1, ?2, ?3, ?4, ?5)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, q->id);
  sqlite3_bind_int64 (stmt, 2, response->respondent_id);
  if (response->pair_id != 0)
    sqlite3_bind_int64 (stmt, 3, response->pair_id);
  else
    sqlite3_bind_null (stmt, 3);
  sqlite3_bind_int (stmt, 4, response->named ? 1 : 0);
  sqlite3_bind_text (stmt, 5, response->source ? response->source : "typed", -1, SQLITE_TRANSIENT);
  if (pw_store_step (store, stmt, error) < 0)
    return FALSE;
  response->id = pw_store_last_insert_id (store);
  response->questionnaire_id = q->id;

  for (guint i = 0; i < response->answers->len; i++)
    {
      const PwAnswer *a = g_ptr_array_index (response->answers, i);
      const PwQuestion *question = pw_questionnaire_find_question (q, a->key);

      /* An empty written answer is no answer. */
      if (a->text != NULL && a->text[0] == '\0')
        continue;

      stmt = pw_store_prepare (store,
                               "INSERT INTO answer (response_id, question_id, number, text) VALUES (?1, ?2, ?3, ?4)",
                               error);
      if (stmt == NULL)
        return FALSE;
      sqlite3_bind_int64 (stmt, 1, response->id);
      sqlite3_bind_int64 (stmt, 2, question->id);
      if (a->text != NULL)
        {
          sqlite3_bind_null (stmt, 3);
          sqlite3_bind_text (stmt, 4, a->text, -1, SQLITE_TRANSIENT);
        }
      else
        {
          sqlite3_bind_int (stmt, 3, a->number);
          sqlite3_bind_null (stmt, 4);
        }
      if (pw_store_step (store, stmt, error) < 0)
        return FALSE;
    }

  return TRUE;
}

static void
answer_free (gpointer data)
{
  PwAnswer *a = data;

  g_free (a->key);
  g_free (a->text);
  g_free (a);
}

static PwAnswer *
take_answer (PwResponse *response,
             const char *key)
{
  PwAnswer *a;

  for (guint i = 0; i < response->answers->len; i++)
    {
      a = g_ptr_array_index (response->answers, i);
      if (g_str_equal (a->key, key))
        {
          g_clear_pointer (&a->text, g_free);
          return a;
        }
    }

  a = g_new0 (PwAnswer, 1);
  a->key = g_strdup (key);
  g_ptr_array_add (response->answers, a);
  return a;
}

/* Forms */

static void
append_escaped (GString    *out,
                const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  g_string_append (out, escaped);
}

static const char form_style[] =
  ":root{color-scheme:light dark;--fg:#1e1e1e;--bg:#fafafa;--card:#fff;--line:#d0d0d0;--accent:#1c71d8;--err:#c01c28}"
  "@media (prefers-color-scheme:dark){:root{--fg:#f0f0f0;--bg:#242424;--card:#303030;--line:#505050;--accent:#78aeed;--err:#ff7b63}}"
  "body{font:16px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg);margin:0;padding:2rem 1rem}"
  "main{max-width:44rem;margin:auto}"
  "h1{font-size:1.6rem;margin:0 0 .5rem}"
  "fieldset{background:var(--card);border:1px solid var(--line);border-radius:12px;margin:0 0 1rem;padding:1rem 1.25rem}"
  "legend{font-weight:600;padding:0 .25rem}"
  ".criterion{font-size:.85rem;opacity:.75;margin:0 0 .5rem}"
  ".scale{display:flex;gap:.5rem;flex-wrap:wrap;align-items:center}"
  ".scale label{display:flex;flex-direction:column;align-items:center;min-width:3rem}"
  ".ends{font-size:.85rem;opacity:.75}"
  "textarea,input[type=email]{width:100%;box-sizing:border-box;font:inherit;padding:.5rem;border:1px solid var(--line);"
  "border-radius:8px;background:var(--bg);color:var(--fg)}"
  "textarea{min-height:6rem}"
  "button{font:inherit;font-weight:600;color:#fff;background:var(--accent);border:0;border-radius:8px;padding:.6rem 1.4rem;cursor:pointer}"
  "#message{margin-top:1rem}#message.error{color:var(--err)}"
  "a#download{display:inline-block;margin-top:.5rem;color:var(--accent)}";

/* Builds the answer file from the form; see PW_ANSWERS_FORMAT. */
static const char form_script[] =
  "(function(){"
  "var form=document.getElementById('pw-form');"
  "var msg=document.getElementById('message');"
  "var link=document.getElementById('download');"
  "form.addEventListener('submit',function(ev){"
  "ev.preventDefault();"
  "var email=form.elements.respondent.value.trim();"
  "if(email.indexOf('@')<1){msg.className='error';msg.textContent=form.dataset.needEmail;form.elements.respondent.focus();return;}"
  "var out={format:form.dataset.format,version:1,programme:form.dataset.programme,"
  "questionnaire:form.dataset.slug,questionnaire_version:parseInt(form.dataset.version,10),"
  "respondent:email,named:form.elements.named.checked,answers:{}};"
  "if(form.elements.about&&form.elements.about.value.trim())out.about=form.elements.about.value.trim();"
  "var qs=form.querySelectorAll('fieldset[data-key]');"
  "for(var i=0;i<qs.length;i++){var q=qs[i],key=q.dataset.key,type=q.dataset.type;"
  "if(type==='text'){var t=q.querySelector('textarea').value.trim();if(t)out.answers[key]=t;}"
  "else{var c=q.querySelector('input:checked');if(c)out.answers[key]=type==='scale'?parseInt(c.value,10):c.value==='yes';}}"
  "var blob=new Blob([JSON.stringify(out,null,2)+'\\n'],{type:'application/json'});"
  "if(link.href)URL.revokeObjectURL(link.href);"
  "link.href=URL.createObjectURL(blob);"
  "link.download='answers-'+form.dataset.slug+'-'+email.split('@')[0].replace(/[^A-Za-z0-9._-]/g,'_')+'.json';"
  "link.hidden=false;msg.className='';msg.textContent=form.dataset.saved;link.click();"
  "});"
  "})();";

static char *
html_form (PwQuestionnaire    *q,
           const char         *programme_uuid,
           const char         *programme_name,
           const PwRespondent *prefill)
{
  g_autoptr(GString) out = g_string_new ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
  PwAudience audience = pw_questionnaire_get_audience (q);

  g_string_append (out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
  /* Nothing may come from the network: the page works offline and leaks nothing. */
  g_string_append (out, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                        "style-src 'unsafe-inline'; script-src 'unsafe-inline'\">\n");
  g_string_append (out, "<title>");
  append_escaped (out, q->title);
  g_string_append (out, "</title>\n<style>");
  g_string_append (out, form_style);
  g_string_append (out, "</style>\n</head>\n<body>\n<main>\n<h1>");
  append_escaped (out, q->title);
  g_string_append (out, "</h1>\n<p>");
  append_escaped (out, programme_name);
  g_string_append (out, "</p>\n<p>");
  append_escaped (out, q->intro);
  g_string_append (out, "</p>\n");

  g_string_append_printf (out, "<form id=\"pw-form\" data-format=\"%s\" data-programme=\"", PW_ANSWERS_FORMAT);
  append_escaped (out, programme_uuid);
  g_string_append (out, "\" data-slug=\"");
  append_escaped (out, q->slug);
  g_string_append_printf (out, "\" data-version=\"%d\" data-need-email=\"", q->version);
  append_escaped (out, _("Fill in your work email address first."));
  g_string_append (out, "\" data-saved=\"");
  append_escaped (out, _("Your answers are saved as a file. Send that file to the program coordinator."));
  g_string_append (out, "\">\n");

  g_string_append (out, "<fieldset>\n<legend>");
  append_escaped (out, _("About you"));
  g_string_append (out, "</legend>\n<label for=\"respondent\">");
  append_escaped (out, _("Your work email address"));
  g_string_append (out, "</label>\n<input type=\"email\" id=\"respondent\" name=\"respondent\" required value=\"");
  if (prefill != NULL)
    append_escaped (out, prefill->email);
  g_string_append (out, "\">\n");
  if (audience != PW_AUDIENCE_EVERYONE)
    {
      g_string_append (out, "<label for=\"about\">");
      append_escaped (out, audience == PW_AUDIENCE_MENTOR
                             ? _("Your mentee’s email address (needed only if you have more than one mentee)")
                             : _("Your mentor’s email address (needed only if you have more than one mentor)"));
      g_string_append (out, "</label>\n<input type=\"email\" id=\"about\" name=\"about\" value=\"");
      if (prefill != NULL && prefill->subject_email != NULL)
        append_escaped (out, prefill->subject_email);
      g_string_append (out, "\">\n");
    }
  g_string_append (out, "</fieldset>\n");

  for (guint i = 0; i < q->questions->len; i++)
    {
      const PwQuestion *question = g_ptr_array_index (q->questions, i);

      g_string_append (out, "<fieldset data-key=\"");
      append_escaped (out, question->key);
      g_string_append_printf (out, "\" data-type=\"%s\">\n<legend>", type_nicks[question->type]);
      append_escaped (out, question->text);
      g_string_append (out, "</legend>\n");
      if (question->criterion != PW_EVAL_CRITERION_NONE)
        {
          g_string_append (out, "<p class=\"criterion\">");
          append_escaped (out, pw_eval_criterion_label (question->criterion));
          g_string_append (out, "</p>\n");
        }

      switch (question->type)
        {
        case PW_QUESTION_SCALE:
          g_string_append (out, "<div class=\"scale\"><span class=\"ends\">");
          append_escaped (out, _("Strongly disagree"));
          g_string_append (out, "</span>");
          for (int v = 1; v <= 5; v++)
            g_string_append_printf (out, "<label><input type=\"radio\" name=\"%s\" value=\"%d\">%d</label>",
                                    question->key, v, v);
          g_string_append (out, "<span class=\"ends\">");
          append_escaped (out, _("Strongly agree"));
          g_string_append (out, "</span></div>\n");
          break;
        case PW_QUESTION_YES_NO:
          g_string_append_printf (out, "<label><input type=\"radio\" name=\"%s\" value=\"yes\"> ", question->key);
          append_escaped (out, _("Yes"));
          g_string_append_printf (out, "</label>\n<label><input type=\"radio\" name=\"%s\" value=\"no\"> ", question->key);
          append_escaped (out, _("No"));
          g_string_append (out, "</label>\n");
          break;
        case PW_QUESTION_TEXT:
        default:
          g_string_append_printf (out, "<textarea name=\"%s\" aria-label=\"", question->key);
          append_escaped (out, question->text);
          g_string_append (out, "\"></textarea>\n");
          break;
        }
      g_string_append (out, "</fieldset>\n");
    }

  g_string_append (out, "<fieldset>\n<label><input type=\"checkbox\" name=\"named\"> ");
  append_escaped (out, _("The coordinator may show my name with my written answers"));
  g_string_append (out, "</label>\n</fieldset>\n<button type=\"submit\">");
  append_escaped (out, _("Save My Answers"));
  g_string_append (out, "</button>\n<p id=\"message\" role=\"status\"></p>\n<a id=\"download\" hidden>");
  append_escaped (out, _("Save the answer file again"));
  g_string_append (out, "</a>\n</form>\n</main>\n<script>");
  g_string_append (out, form_script);
  g_string_append (out, "</script>\n</body>\n</html>\n");

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Import */

static gboolean
field_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    if (!g_ascii_isspace (*p))
      return FALSE;
  return TRUE;
}

static PwRespondent *
find_respondent (GPtrArray   *respondents,
                 const char  *email,
                 const char  *about,
                 const char  *where,
                 GError     **error)
{
  PwRespondent *found = NULL;
  guint n = 0;

  for (guint i = 0; i < respondents->len; i++)
    {
      PwRespondent *r = g_ptr_array_index (respondents, i);

      if (g_ascii_strcasecmp (r->email, email) != 0)
        continue;
      if (about != NULL && about[0] != '\0' &&
          (r->subject_email == NULL || g_ascii_strcasecmp (r->subject_email, about) != 0))
        continue;
      found = r;
      n++;
    }

  if (n == 1)
    return found;

  if (n == 0 && about != NULL && about[0] != '\0')
    g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_RESPONDENT,
                 _("%s: “%s” has no pair with “%s” in this program. Check both email addresses."),
                 where, email, about);
  else if (n == 0)
    g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_RESPONDENT,
                 _("%s: “%s” is not someone this questionnaire asks. Check the email address, or see "
                   "who is asked with “pairwise-cli evaluation status”."),
                 where, email);
  else
    g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_RESPONDENT,
                 _("%s: “%s” is in more than one pair; fill in whom the answers are about."),
                 where, email);
  return NULL;
}

typedef struct
{
  PwQuestionnaire *q;
  PwResponse      *response;
} Pending;

static void
pending_free (gpointer data)
{
  Pending *p = data;

  g_clear_object (&p->q);
  g_clear_pointer (&p->response, pw_response_free);
  g_free (p);
}

/* Questionnaires and respondents looked up once per import. */
typedef struct
{
  PwStore    *store;
  gint64      programme_id;
  char       *uuid;
  GHashTable *versions;     /* "slug:version" → PwQuestionnaire */
  GHashTable *respondents;  /* slug → GPtrArray of PwRespondent */
} ImportContext;

static PwQuestionnaire *
lookup_version (ImportContext  *ctx,
                const char     *slug,
                gint64          version,
                const char     *where,
                GError        **error)
{
  g_autofree char *id = g_strdup_printf ("%s:%" G_GINT64_FORMAT, slug, version);
  PwQuestionnaire *q = g_hash_table_lookup (ctx->versions, id);
  g_autoptr(PwQuestionnaire) current = NULL;
  g_autoptr(GError) local = NULL;

  if (q != NULL)
    return q;

  if (!pw_questionnaire_slug_valid (slug))
    {
      g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_INVALID,
                   _("%s: “%s” is not a questionnaire of Pairwise."), where, slug);
      return NULL;
    }

  current = get_questionnaire (ctx->store, ctx->programme_id, slug, 0, error);
  if (current == NULL)
    return NULL;

  if (version >= 1 && version <= G_MAXINT)
    q = get_questionnaire (ctx->store, ctx->programme_id, slug, (int)version, &local);
  if (q == NULL)
    {
      g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_VERSION,
                   _("%s: the answers are to version %lld of “%s”, which has no such "
                     "version (its latest is %d). Export the form again and ask for new answers."),
                   where, (long long)version, current->title, current->version);
      return NULL;
    }

  g_hash_table_insert (ctx->versions, g_steal_pointer (&id), q);
  return q;
}

static GPtrArray *
lookup_respondents (ImportContext  *ctx,
                    const char     *slug,
                    GError        **error)
{
  GPtrArray *r = g_hash_table_lookup (ctx->respondents, slug);

  if (r == NULL)
    {
      r = pw_evaluation_list_respondents (ctx->store, ctx->programme_id, slug, error);
      if (r != NULL)
        g_hash_table_insert (ctx->respondents, g_strdup (slug), r);
    }
  return r;
}

static gboolean
parse_json_answers (ImportContext  *ctx,
                    const char     *name,
                    const char     *text,
                    GPtrArray      *pending,
                    GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  g_autoptr(PwResponse) response = NULL;
  JsonObject *root;
  JsonObject *answers;
  JsonNode *node;
  PwQuestionnaire *q;
  PwRespondent *who;
  GPtrArray *respondents;
  const char *format, *programme, *slug, *email, *about;
  g_autoptr(GList) members = NULL;

  if (!json_parser_load_from_data (parser, text, -1, &local))
    {
      g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_FORMAT,
                   _("%s: not an answer file: %s"), name, local->message);
      return FALSE;
    }

  node = json_parser_get_root (parser);
  root = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  format = root ? json_object_get_string_member_with_default (root, "format", NULL) : NULL;
  if (format == NULL || !g_str_equal (format, PW_ANSWERS_FORMAT))
    {
      g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_FORMAT,
                   _("%s: not an answer file saved by a Pairwise form."), name);
      return FALSE;
    }
  if (json_object_get_int_member_with_default (root, "version", 0) != PW_ANSWERS_VERSION)
    {
      g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_FORMAT,
                   _("%s: this answer file is of a format this Pairwise does not know. Update Pairwise."),
                   name);
      return FALSE;
    }

  programme = json_object_get_string_member_with_default (root, "programme", "");
  if (!g_str_equal (programme, ctx->uuid))
    {
      g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_INVALID,
                   _("%s: these answers are for another program. Import them into the program whose "
                     "form was filled in."), name);
      return FALSE;
    }

  slug = json_object_get_string_member_with_default (root, "questionnaire", "");
  q = lookup_version (ctx, slug, json_object_get_int_member_with_default (root, "questionnaire_version", 0),
                      name, error);
  if (q == NULL)
    return FALSE;

  email = json_object_get_string_member_with_default (root, "respondent", "");
  about = json_object_get_string_member_with_default (root, "about", NULL);
  respondents = lookup_respondents (ctx, slug, error);
  if (respondents == NULL)
    return FALSE;
  who = find_respondent (respondents, email, about, name, error);
  if (who == NULL)
    return FALSE;

  response = pw_response_new (q->id, who->person_id, who->pair_id);
  response->named = json_object_get_boolean_member_with_default (root, "named", FALSE);
  g_free (response->source);
  response->source = g_strdup ("html");

  node = json_object_get_member (root, "answers");
  answers = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
  if (answers == NULL)
    {
      g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_FORMAT,
                   _("%s: the file holds no answers."), name);
      return FALSE;
    }

  members = json_object_get_members (answers);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *value = json_object_get_member (answers, key);
      const PwQuestion *question = pw_questionnaire_find_question (q, key);
      GType vt = JSON_NODE_HOLDS_VALUE (value) ? json_node_get_value_type (value) : G_TYPE_INVALID;

      if (question == NULL)
        {
          g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_INVALID,
                       _("%s: there is no question “%s” in version %d of “%s”."),
                       name, key, q->version, q->title);
          return FALSE;
        }

      if (vt == G_TYPE_STRING)
        pw_response_set_text (response, key, json_node_get_string (value));
      else if (vt == G_TYPE_BOOLEAN)
        pw_response_set_number (response, key, json_node_get_boolean (value) ? 1 : 0);
      else if (vt == G_TYPE_INT64 && question->type != PW_QUESTION_YES_NO)
        {
          gint64 n = json_node_get_int (value);
          pw_response_set_number (response, key, (int)CLAMP (n, -1000, 1000));
        }
      else
        {
          g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_RANGE,
                       _("%s: question “%s”: the answer is of the wrong kind for a %s question."),
                       name, key, pw_question_type_label (question->type));
          return FALSE;
        }
    }

  if (!check_response (ctx->store, q, response, name, error))
    return FALSE;

  {
    Pending *p = g_new0 (Pending, 1);
    p->q = g_object_ref (q);
    p->response = g_steal_pointer (&response);
    g_ptr_array_add (pending, p);
  }
  return TRUE;
}

static gboolean
parse_csv_answers (ImportContext  *ctx,
                   const char     *name,
                   const char     *text,
                   GPtrArray      *pending,
                   GError        **error)
{
  g_autoptr(PwCsvTable) table = NULL;
  guint n_fields;
  static const char * const fixed[] = { "questionnaire", "version", "respondent", "about", "named" };

  table = pw_csv_parse (text, strlen (text), PW_CSV_SEPARATOR_AUTO, name, error);
  if (table == NULL)
    return FALSE;

  n_fields = pw_csv_table_get_n_fields (table, 0);
  for (guint i = 0; i < G_N_ELEMENTS (fixed); i++)
    if (i >= n_fields || g_ascii_strcasecmp (pw_csv_table_get_field (table, 0, i), fixed[i]) != 0)
      {
        g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_FORMAT,
                     _("%s:1: the header must start with questionnaire, version, respondent, about, named; "
                       "export the form again with Pairwise."), name);
        return FALSE;
      }

  for (guint rec = 1; rec < pw_csv_table_get_n_records (table); rec++)
    {
      g_autofree char *where = g_strdup_printf ("%s:%u", name, pw_csv_table_get_line (table, rec));
      g_autoptr(PwResponse) response = NULL;
      const char *slug = pw_csv_table_get_field (table, rec, 0);
      const char *version_text = pw_csv_table_get_field (table, rec, 1);
      const char *email = pw_csv_table_get_field (table, rec, 2);
      const char *about = pw_csv_table_get_field (table, rec, 3);
      const char *named = pw_csv_table_get_field (table, rec, 4);
      guint64 version = 0;
      gboolean any = FALSE;
      PwQuestionnaire *q;
      PwRespondent *who;
      GPtrArray *respondents;

      /* A row left empty is someone who has not answered yet. */
      for (guint f = G_N_ELEMENTS (fixed); f < pw_csv_table_get_n_fields (table, rec); f++)
        any |= !field_blank (pw_csv_table_get_field (table, rec, f));
      if (!any)
        continue;

      if (pw_csv_table_get_n_fields (table, rec) > n_fields)
        {
          g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_FORMAT,
                       _("%s: the row has more fields than the header."), where);
          return FALSE;
        }

      if (!g_ascii_string_to_unsigned (version_text ? version_text : "", 10, 1, G_MAXINT, &version, NULL))
        {
          g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_VERSION,
                       _("%s: field “version”: “%s” is not a version number."), where, version_text ? version_text : "");
          return FALSE;
        }
      q = lookup_version (ctx, slug ? slug : "", (gint64)version, where, error);
      if (q == NULL)
        return FALSE;

      respondents = lookup_respondents (ctx, q->slug, error);
      if (respondents == NULL)
        return FALSE;
      who = find_respondent (respondents, email ? email : "", about, where, error);
      if (who == NULL)
        return FALSE;

      response = pw_response_new (q->id, who->person_id, who->pair_id);
      response->named = named != NULL && (g_ascii_strcasecmp (named, "yes") == 0 || g_str_equal (named, "1"));
      g_free (response->source);
      response->source = g_strdup ("csv");

      for (guint f = G_N_ELEMENTS (fixed); f < pw_csv_table_get_n_fields (table, rec); f++)
        {
          const char *key = pw_csv_table_get_field (table, 0, f);
          g_autofree char *value = g_strstrip (g_strdup (pw_csv_unneutralise (pw_csv_table_get_field (table, rec, f))));
          const PwQuestion *question = pw_questionnaire_find_question (q, key);
          guint64 n;

          if (value[0] == '\0')
            continue;
          if (question == NULL)
            {
              g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_INVALID,
                           _("%s: field “%s”: there is no such question in version %d of “%s”."),
                           where, key, q->version, q->title);
              return FALSE;
            }

          switch (question->type)
            {
            case PW_QUESTION_SCALE:
              if (!g_ascii_string_to_unsigned (value, 10, 1, 5, &n, NULL))
                {
                  g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_RANGE,
                               _("%s: field “%s”: “%s” is not on the scale; answer 1 to 5."), where, key, value);
                  return FALSE;
                }
              pw_response_set_number (response, key, (int)n);
              break;
            case PW_QUESTION_YES_NO:
              if (g_ascii_strcasecmp (value, "yes") == 0)
                pw_response_set_number (response, key, 1);
              else if (g_ascii_strcasecmp (value, "no") == 0)
                pw_response_set_number (response, key, 0);
              else
                {
                  g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_RANGE,
                               _("%s: field “%s”: “%s” is not yes or no."), where, key, value);
                  return FALSE;
                }
              break;
            case PW_QUESTION_TEXT:
            default:
              pw_response_set_text (response, key, value);
              break;
            }
        }

      if (!check_response (ctx->store, q, response, where, error))
        return FALSE;

      {
        Pending *p = g_new0 (Pending, 1);
        p->q = g_object_ref (q);
        p->response = g_steal_pointer (&response);
        g_ptr_array_add (pending, p);
      }
    }

  return TRUE;
}

/* Signal callbacks / overrides */

static void
pw_questionnaire_finalize (GObject *object)
{
  PwQuestionnaire *self = PW_QUESTIONNAIRE (object);

  g_clear_pointer (&self->slug, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->intro, g_free);
  g_clear_pointer (&self->questions, g_ptr_array_unref);

  G_OBJECT_CLASS (pw_questionnaire_parent_class)->finalize (object);
}

static void
pw_questionnaire_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PwQuestionnaire *self = PW_QUESTIONNAIRE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_PROGRAMME_ID:
      g_value_set_int64 (value, self->programme_id);
      break;
    case PROP_SLUG:
      g_value_set_string (value, self->slug);
      break;
    case PROP_VERSION:
      g_value_set_int (value, self->version);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_INTRO:
      g_value_set_string (value, self->intro);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_questionnaire_class_init (PwQuestionnaireClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = pw_questionnaire_finalize;
  object_class->get_property = pw_questionnaire_get_property;

  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_PROGRAMME_ID] = g_param_spec_int64 ("programme-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_SLUG] = g_param_spec_string ("slug", NULL, NULL, NULL, flags);
  properties[PROP_VERSION] = g_param_spec_int ("version", NULL, NULL, 0, G_MAXINT, 0, flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, flags);
  properties[PROP_INTRO] = g_param_spec_string ("intro", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
pw_questionnaire_init (PwQuestionnaire *self)
{
  self->questions = g_ptr_array_new_with_free_func ((GDestroyNotify)pw_question_free);
}

/* Public API */

const char *
pw_question_type_to_nick (PwQuestionType type)
{
  g_return_val_if_fail (type <= PW_QUESTION_TEXT, "scale");
  return type_nicks[type];
}

gboolean
pw_question_type_from_nick (const char     *nick,
                            PwQuestionType *out)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_nicks); i++)
    if (g_strcmp0 (nick, type_nicks[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
pw_question_type_label (PwQuestionType type)
{
  switch (type)
    {
    case PW_QUESTION_SCALE:
      return _("1 to 5");
    case PW_QUESTION_YES_NO:
      return _("Yes or no");
    case PW_QUESTION_TEXT:
    default:
      return _("In words");
    }
}

const char *
pw_eval_criterion_to_nick (PwEvalCriterion criterion)
{
  g_return_val_if_fail (criterion < PW_EVAL_N_CRITERIA, "");
  return criterion == PW_EVAL_CRITERION_NONE ? "none" : criterion_nicks[criterion];
}

gboolean
pw_eval_criterion_from_nick (const char      *nick,
                             PwEvalCriterion *out)
{
  if (g_strcmp0 (nick, "none") == 0)
    {
      *out = PW_EVAL_CRITERION_NONE;
      return TRUE;
    }
  for (guint i = 0; i < G_N_ELEMENTS (criterion_nicks); i++)
    if (g_strcmp0 (nick, criterion_nicks[i]) == 0)
      {
        *out = i;
        return TRUE;
      }
  return FALSE;
}

const char *
pw_eval_criterion_label (PwEvalCriterion criterion)
{
  switch (criterion)
    {
    case PW_EVAL_CRITERION_PROCESS:
      return _("Process");
    case PW_EVAL_CRITERION_CONTENT:
      return _("Content");
    case PW_EVAL_CRITERION_OUTCOME:
      return _("Outcome");
    case PW_EVAL_CRITERION_NONE:
    case PW_EVAL_N_CRITERIA:
    default:
      return _("No criterion");
    }
}

const char * const *
pw_questionnaire_slugs (void)
{
  return slugs;
}

gboolean
pw_questionnaire_slug_valid (const char *slug)
{
  return slug != NULL && g_strv_contains (slugs, slug);
}

PwAudience
pw_questionnaire_slug_audience (const char *slug)
{
  if (g_str_has_prefix (slug, "mentor-"))
    return PW_AUDIENCE_MENTOR;
  if (g_str_has_prefix (slug, "mentee-"))
    return PW_AUDIENCE_MENTEE;
  return PW_AUDIENCE_EVERYONE;
}

PwQuestion *
pw_question_new (const char      *key,
                 const char      *text,
                 PwQuestionType   type,
                 PwEvalCriterion  criterion)
{
  PwQuestion *q = g_new0 (PwQuestion, 1);

  q->key = g_strdup (key);
  q->text = g_strdup (text);
  q->type = type;
  q->criterion = criterion;
  return q;
}

PwQuestion *
pw_question_copy (const PwQuestion *question)
{
  PwQuestion *q = pw_question_new (question->key, question->text, question->type, question->criterion);

  q->id = question->id;
  return q;
}

void
pw_question_free (PwQuestion *question)
{
  if (question == NULL)
    return;
  g_free (question->key);
  g_free (question->text);
  g_free (question);
}

gint64
pw_questionnaire_get_id (PwQuestionnaire *self)
{
  g_return_val_if_fail (PW_IS_QUESTIONNAIRE (self), 0);
  return self->id;
}

gint64
pw_questionnaire_get_programme_id (PwQuestionnaire *self)
{
  g_return_val_if_fail (PW_IS_QUESTIONNAIRE (self), 0);
  return self->programme_id;
}

const char *
pw_questionnaire_get_slug (PwQuestionnaire *self)
{
  g_return_val_if_fail (PW_IS_QUESTIONNAIRE (self), NULL);
  return self->slug;
}

int
pw_questionnaire_get_version (PwQuestionnaire *self)
{
  g_return_val_if_fail (PW_IS_QUESTIONNAIRE (self), 0);
  return self->version;
}

const char *
pw_questionnaire_get_title (PwQuestionnaire *self)
{
  g_return_val_if_fail (PW_IS_QUESTIONNAIRE (self), NULL);
  return self->title;
}

const char *
pw_questionnaire_get_intro (PwQuestionnaire *self)
{
  g_return_val_if_fail (PW_IS_QUESTIONNAIRE (self), NULL);
  return self->intro;
}

PwAudience
pw_questionnaire_get_audience (PwQuestionnaire *self)
{
  g_return_val_if_fail (PW_IS_QUESTIONNAIRE (self), PW_AUDIENCE_EVERYONE);
  return pw_questionnaire_slug_audience (self->slug);
}

guint
pw_questionnaire_get_n_questions (PwQuestionnaire *self)
{
  g_return_val_if_fail (PW_IS_QUESTIONNAIRE (self), 0);
  return self->questions->len;
}

const PwQuestion *
pw_questionnaire_get_question (PwQuestionnaire *self,
                               guint            i)
{
  g_return_val_if_fail (PW_IS_QUESTIONNAIRE (self), NULL);
  g_return_val_if_fail (i < self->questions->len, NULL);
  return g_ptr_array_index (self->questions, i);
}

const PwQuestion *
pw_questionnaire_find_question (PwQuestionnaire *self,
                                const char      *key)
{
  g_return_val_if_fail (PW_IS_QUESTIONNAIRE (self), NULL);

  for (guint i = 0; key != NULL && i < self->questions->len; i++)
    {
      const PwQuestion *q = g_ptr_array_index (self->questions, i);

      if (g_str_equal (q->key, key))
        return q;
    }
  return NULL;
}

GPtrArray *
pw_questionnaire_dup_questions (PwQuestionnaire *self)
{
  GPtrArray *out;

  g_return_val_if_fail (PW_IS_QUESTIONNAIRE (self), NULL);

  out = g_ptr_array_new_with_free_func ((GDestroyNotify)pw_question_free);
  for (guint i = 0; i < self->questions->len; i++)
    g_ptr_array_add (out, pw_question_copy (g_ptr_array_index (self->questions, i)));
  return out;
}

GListModel *
pw_evaluation_list_questionnaires (PwStore  *store,
                                   gint64    programme_id,
                                   GError  **error)
{
  g_autoptr(GListStore) list = g_list_store_new (PW_TYPE_QUESTIONNAIRE);

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  if (!ensure_defaults (store, programme_id, error))
    return NULL;

  for (guint i = 0; slugs[i] != NULL; i++)
    {
      g_autoptr(PwQuestionnaire) q = get_questionnaire (store, programme_id, slugs[i], 0, error);

      if (q == NULL)
        return NULL;
      g_list_store_append (list, q);
    }

  return G_LIST_MODEL (g_steal_pointer (&list));
}

PwQuestionnaire *
pw_evaluation_get_questionnaire (PwStore     *store,
                                 gint64       programme_id,
                                 const char  *slug,
                                 int          version,
                                 GError     **error)
{
  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  if (!check_slug (slug, error) || !ensure_defaults (store, programme_id, error))
    return NULL;

  return get_questionnaire (store, programme_id, slug, version, error);
}

PwQuestionnaire *
pw_evaluation_get_questionnaire_by_id (PwStore  *store,
                                       gint64    questionnaire_id,
                                       GError  **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  stmt = pw_store_prepare (store,
                           "SELECT id, programme_id, slug, version, title, intro FROM questionnaire WHERE id = ?1",
                           error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, questionnaire_id);
  rc = pw_store_step (store, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_NOT_FOUND,
                   _("There is no questionnaire %lld."), (long long)questionnaire_id);
      return NULL;
    }
  return load_questionnaire (store, stmt, error);
}

PwQuestionnaire *
pw_evaluation_save_version (PwStore      *store,
                            gint64        programme_id,
                            const char   *slug,
                            const char   *title,
                            const char   *intro,
                            GPtrArray    *questions,
                            GError      **error)
{
  g_autoptr(PwQuestionnaire) current = NULL;
  g_autoptr(GPtrArray) copy = g_ptr_array_new_with_free_func ((GDestroyNotify)pw_question_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *trimmed_title = g_strstrip (g_strdup (title ? title : ""));
  gboolean own;
  gboolean ok;
  gint64 id = 0;
  guint next = 1;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (questions != NULL, NULL);

  current = pw_evaluation_get_questionnaire (store, programme_id, slug, 0, error);
  if (current == NULL)
    return NULL;

  if (trimmed_title[0] == '\0')
    {
      g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_INVALID,
                   _("title: a questionnaire needs a title."));
      return NULL;
    }
  if (questions->len == 0)
    {
      g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_INVALID,
                   _("A questionnaire needs at least one question."));
      return NULL;
    }

  for (guint i = 0; i < questions->len; i++)
    {
      PwQuestion *q = pw_question_copy (g_ptr_array_index (questions, i));

      g_ptr_array_add (copy, q);
      g_strstrip (q->text);
      if (q->text[0] == '\0')
        {
          g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_INVALID,
                       _("question %u: the question has no words."), i + 1);
          return NULL;
        }
      if (q->type > PW_QUESTION_TEXT || q->criterion >= PW_EVAL_N_CRITERIA)
        {
          g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_INVALID,
                       _("question %u: unknown type or criterion."), i + 1);
          return NULL;
        }
      if (q->key != NULL && q->key[0] != '\0')
        {
          if (g_hash_table_contains (seen, q->key))
            {
              g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_INVALID,
                           _("question %u: “%s” is already the key of another question."), i + 1, q->key);
              return NULL;
            }
          g_hash_table_add (seen, q->key);
        }
    }

  /* New questions get keys no version has used, so answers to different
   * questions are never counted together. */
  for (guint i = 0; i < copy->len; i++)
    {
      PwQuestion *q = g_ptr_array_index (copy, i);

      if (q->key != NULL && q->key[0] != '\0')
        continue;
      do
        {
          g_free (q->key);
          q->key = g_strdup_printf ("q%u", next++);
        }
      while (g_hash_table_contains (seen, q->key) || key_used (store, programme_id, slug, q->key));
      g_hash_table_add (seen, q->key);
    }

  if (!begin_own (store, &own, error))
    return NULL;
  ok = insert_version (store, programme_id, slug, current->version + 1, trimmed_title, intro, copy, &id, error);
  if (!finish_own (store, own, ok, error))
    return NULL;

  pw_store_emit_changed (store, "questionnaire");
  return pw_evaluation_get_questionnaire_by_id (store, id, error);
}

void
pw_respondent_free (PwRespondent *respondent)
{
  if (respondent == NULL)
    return;
  g_free (respondent->name);
  g_free (respondent->email);
  g_free (respondent->subject_name);
  g_free (respondent->subject_email);
  g_free (respondent);
}

GPtrArray *
pw_evaluation_list_respondents (PwStore     *store,
                                gint64       programme_id,
                                const char  *slug,
                                GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (respondent_free);
  PwAudience audience;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  if (!check_slug (slug, error) || !programme_exists (store, programme_id, NULL, error))
    return NULL;

  audience = pw_questionnaire_slug_audience (slug);
  if (audience == PW_AUDIENCE_EVERYONE)
    stmt = pw_store_prepare (store,
                             "SELECT x.id, x.name, x.email, 0, 0, NULL, NULL FROM person x WHERE x.id IN ("
                             "  SELECT mentor_id FROM pair WHERE programme_id = ?1 AND state <> 'proposed' "
                             "  UNION SELECT mentee_id FROM pair WHERE programme_id = ?1 AND state <> 'proposed') "
                             "ORDER BY x.name COLLATE NOCASE, x.id", error);
  else if (audience == PW_AUDIENCE_MENTOR)
    stmt = pw_store_prepare (store,
                             "SELECT m.id, m.name, m.email, p.id, e.id, e.name, e.email FROM pair p "
                             "JOIN person m ON m.id = p.mentor_id JOIN person e ON e.id = p.mentee_id "
                             "WHERE p.programme_id = ?1 AND p.state <> 'proposed' "
                             "ORDER BY m.name COLLATE NOCASE, e.name COLLATE NOCASE, p.id", error);
  else
    stmt = pw_store_prepare (store,
                             "SELECT e.id, e.name, e.email, p.id, m.id, m.name, m.email FROM pair p "
                             "JOIN person m ON m.id = p.mentor_id JOIN person e ON e.id = p.mentee_id "
                             "WHERE p.programme_id = ?1 AND p.state <> 'proposed' "
                             "ORDER BY e.name COLLATE NOCASE, m.name COLLATE NOCASE, p.id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int64 (stmt, 1, programme_id);
  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      PwRespondent *r = g_new0 (PwRespondent, 1);

      r->person_id = sqlite3_column_int64 (stmt, 0);
      r->name = g_strdup (col_text (stmt, 1));
      r->email = g_strdup (col_text (stmt, 2));
      r->pair_id = sqlite3_column_int64 (stmt, 3);
      r->subject_id = sqlite3_column_int64 (stmt, 4);
      if (r->subject_id != 0)
        {
          r->subject_name = g_strdup (col_text (stmt, 5));
          r->subject_email = g_strdup (col_text (stmt, 6));
        }
      g_ptr_array_add (out, r);
    }
  if (rc < 0)
    return NULL;

  for (guint i = 0; i < out->len; i++)
    {
      PwRespondent *r = g_ptr_array_index (out, i);

      r->response_id = find_response (store, programme_id, slug, r->person_id, r->pair_id);
    }

  return g_steal_pointer (&out);
}

PwResponse *
pw_response_new (gint64 questionnaire_id,
                 gint64 respondent_id,
                 gint64 pair_id)
{
  PwResponse *r = g_new0 (PwResponse, 1);

  r->questionnaire_id = questionnaire_id;
  r->respondent_id = respondent_id;
  r->pair_id = pair_id;
  r->source = g_strdup ("typed");
  r->answers = g_ptr_array_new_with_free_func (answer_free);
  return r;
}

void
pw_response_free (PwResponse *response)
{
  if (response == NULL)
    return;
  g_free (response->source);
  g_free (response->submitted);
  g_ptr_array_unref (response->answers);
  g_free (response);
}

void
pw_response_set_number (PwResponse *response,
                        const char *key,
                        int         number)
{
  g_return_if_fail (response != NULL && key != NULL);
  take_answer (response, key)->number = number;
}

void
pw_response_set_text (PwResponse *response,
                      const char *key,
                      const char *text)
{
  PwAnswer *a;

  g_return_if_fail (response != NULL && key != NULL);
  a = take_answer (response, key);
  a->number = -1;
  a->text = g_strdup (text ? text : "");
}

const PwAnswer *
pw_response_get_answer (PwResponse *response,
                        const char *key)
{
  g_return_val_if_fail (response != NULL, NULL);

  for (guint i = 0; key != NULL && i < response->answers->len; i++)
    {
      const PwAnswer *a = g_ptr_array_index (response->answers, i);

      if (g_str_equal (a->key, key))
        return a;
    }
  return NULL;
}

gboolean
pw_evaluation_save_response (PwStore     *store,
                             PwResponse  *response,
                             GError     **error)
{
  g_autoptr(PwQuestionnaire) q = NULL;
  gboolean own;
  gboolean ok;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (response != NULL, FALSE);

  q = pw_evaluation_get_questionnaire_by_id (store, response->questionnaire_id, error);
  if (q == NULL || !check_response (store, q, response, q->title, error))
    return FALSE;

  if (!begin_own (store, &own, error))
    return FALSE;
  ok = store_response (store, q, response, error);
  if (!finish_own (store, own, ok, error))
    return FALSE;

  if (own)
    pw_store_emit_changed (store, "response");
  return TRUE;
}

PwResponse *
pw_evaluation_get_response (PwStore  *store,
                            gint64    response_id,
                            GError  **error)
{
  g_autoptr(PwResponse) r = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  stmt = pw_store_prepare (store,
                           "SELECT questionnaire_id, respondent_id, pair_id, named, source, submitted "
                           "FROM response WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, response_id);
  rc = pw_store_step (store, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_NOT_FOUND,
                   _("There is no response %lld."), (long long)response_id);
      return NULL;
    }

  r = pw_response_new (sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1),
                       sqlite3_column_int64 (stmt, 2));
  r->id = response_id;
  r->named = sqlite3_column_int (stmt, 3) != 0;
  g_free (r->source);
  r->source = g_strdup (col_text (stmt, 4));
  r->submitted = g_strdup (col_text (stmt, 5));
  sqlite3_reset (stmt);

  stmt = pw_store_prepare (store,
                           "SELECT q.key, a.number, a.text FROM answer a JOIN question q ON q.id = a.question_id "
                           "WHERE a.response_id = ?1 ORDER BY q.position", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, response_id);
  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 2) != SQLITE_NULL)
        pw_response_set_text (r, col_text (stmt, 0), col_text (stmt, 2));
      else
        pw_response_set_number (r, col_text (stmt, 0), sqlite3_column_int (stmt, 1));
    }
  if (rc < 0)
    return NULL;

  return g_steal_pointer (&r);
}

GPtrArray *
pw_evaluation_list_responses (PwStore     *store,
                              gint64       programme_id,
                              const char  *slug,
                              GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify)pw_response_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  if (!check_slug (slug, error))
    return NULL;

  stmt = pw_store_prepare (store,
                           "SELECT r.id FROM response r JOIN questionnaire q ON q.id = r.questionnaire_id "
                           "WHERE q.programme_id = ?1 AND q.slug = ?2 ORDER BY r.id", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_text (stmt, 2, slug, -1, SQLITE_TRANSIENT);
  while ((rc = pw_store_step (store, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_array_append_val (ids, id);
    }
  if (rc < 0)
    return NULL;

  for (guint i = 0; i < ids->len; i++)
    {
      PwResponse *r = pw_evaluation_get_response (store, g_array_index (ids, gint64, i), error);

      if (r == NULL)
        return NULL;
      g_ptr_array_add (out, r);
    }

  return g_steal_pointer (&out);
}

char *
pw_evaluation_export_html (PwStore     *store,
                           gint64       programme_id,
                           const char  *slug,
                           const char  *respondent_email,
                           GError     **error)
{
  g_autoptr(PwQuestionnaire) q = NULL;
  g_autoptr(GPtrArray) respondents = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *name = NULL;
  PwRespondent *prefill = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  q = pw_evaluation_get_questionnaire (store, programme_id, slug, 0, error);
  if (q == NULL || !programme_exists (store, programme_id, &uuid, error))
    return NULL;

  stmt = pw_store_prepare (store, "SELECT name FROM programme WHERE id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, programme_id);
  if (pw_store_step (store, stmt, error) != SQLITE_ROW)
    return NULL;
  name = g_strdup (col_text (stmt, 0));
  sqlite3_reset (stmt);

  if (respondent_email != NULL)
    {
      respondents = pw_evaluation_list_respondents (store, programme_id, slug, error);
      if (respondents == NULL)
        return NULL;
      prefill = find_respondent (respondents, respondent_email, NULL, q->title, error);
      if (prefill == NULL)
        return NULL;
    }

  return html_form (q, uuid, name, prefill);
}

char *
pw_evaluation_export_csv (PwStore     *store,
                          gint64       programme_id,
                          const char  *slug,
                          GError     **error)
{
  g_autoptr(PwQuestionnaire) q = NULL;
  g_autoptr(GPtrArray) respondents = NULL;
  g_autoptr(GPtrArray) header = g_ptr_array_new ();
  g_autoptr(GString) out = g_string_new (NULL);
  g_autofree char *version = NULL;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);

  q = pw_evaluation_get_questionnaire (store, programme_id, slug, 0, error);
  if (q == NULL)
    return NULL;
  respondents = pw_evaluation_list_respondents (store, programme_id, slug, error);
  if (respondents == NULL)
    return NULL;

  g_ptr_array_add (header, (gpointer)"questionnaire");
  g_ptr_array_add (header, (gpointer)"version");
  g_ptr_array_add (header, (gpointer)"respondent");
  g_ptr_array_add (header, (gpointer)"about");
  g_ptr_array_add (header, (gpointer)"named");
  for (guint i = 0; i < q->questions->len; i++)
    g_ptr_array_add (header, ((PwQuestion *)g_ptr_array_index (q->questions, i))->key);
  pw_csv_append_row (out, (const char * const *)header->pdata, header->len, ',');

  version = g_strdup_printf ("%d", q->version);
  for (guint i = 0; i < respondents->len; i++)
    {
      PwRespondent *r = g_ptr_array_index (respondents, i);
      g_autoptr(GPtrArray) row = g_ptr_array_new ();

      if (r->response_id != 0)
        continue;
      g_ptr_array_add (row, q->slug);
      g_ptr_array_add (row, version);
      g_ptr_array_add (row, r->email);
      g_ptr_array_add (row, r->subject_email ? r->subject_email : (char *)"");
      g_ptr_array_add (row, (gpointer)"");
      for (guint j = 0; j < q->questions->len; j++)
        g_ptr_array_add (row, (gpointer)"");
      pw_csv_append_row (out, (const char * const *)row->pdata, row->len, ',');
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

gboolean
pw_evaluation_import (PwStore            *store,
                      gint64              programme_id,
                      const char * const *names,
                      const char * const *texts,
                      guint              *n_imported,
                      GError            **error)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_new_with_free_func (pending_free);
  ImportContext ctx = { 0 };
  gboolean ok = TRUE;
  gboolean own;

  g_return_val_if_fail (PW_IS_STORE (store), FALSE);
  g_return_val_if_fail (names != NULL && texts != NULL, FALSE);

  if (n_imported != NULL)
    *n_imported = 0;

  ctx.store = store;
  ctx.programme_id = programme_id;
  if (!programme_exists (store, programme_id, &ctx.uuid, error) ||
      !ensure_defaults (store, programme_id, error))
    {
      g_free (ctx.uuid);
      return FALSE;
    }
  ctx.versions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  ctx.respondents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify)g_ptr_array_unref);

  for (guint i = 0; ok && texts[i] != NULL; i++)
    {
      const char *text = texts[i];

      if (g_str_has_prefix (text, "\xEF\xBB\xBF"))
        text += 3;
      while (g_ascii_isspace (*text))
        text++;

      if (!g_utf8_validate (text, -1, NULL))
        {
          g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_FORMAT,
                       _("%s: the file is not UTF-8 text."), names[i]);
          ok = FALSE;
        }
      else if (*text == '{')
        ok = parse_json_answers (&ctx, names[i], text, pending, error);
      else
        ok = parse_csv_answers (&ctx, names[i], texts[i], pending, error);
    }

  g_free (ctx.uuid);
  g_hash_table_unref (ctx.versions);
  g_hash_table_unref (ctx.respondents);

  if (!ok || !begin_own (store, &own, error))
    return FALSE;

  for (guint i = 0; ok && i < pending->len; i++)
    {
      Pending *p = g_ptr_array_index (pending, i);

      ok = store_response (store, p->q, p->response, error);
    }

  if (!finish_own (store, own, ok, error))
    return FALSE;

  if (n_imported != NULL)
    *n_imported = pending->len;
  pw_store_emit_changed (store, "response");
  return TRUE;
}

gboolean
pw_evaluation_import_files (PwStore            *store,
                            gint64              programme_id,
                            const char * const *paths,
                            guint              *n_imported,
                            GError            **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (paths != NULL, FALSE);

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GError) local = NULL;
      char *text = NULL;

      if (!g_file_get_contents (paths[i], &text, NULL, &local))
        {
          g_set_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_NOT_FOUND,
                       "%s", local->message);
          return FALSE;
        }
      g_ptr_array_add (texts, text);
    }
  g_ptr_array_add (texts, NULL);

  return pw_evaluation_import (store, programme_id, paths, (const char * const *)texts->pdata,
                               n_imported, error);
}
