/* test-evaluation.c — questionnaires in versions, answers, forms, the
 * dashboard's figures and its privacy rule
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "pw-dashboard.h"
#include "pw-evaluation.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"

#define N_PAIRS 4

typedef struct
{
  PwStore *store;
  gint64   programme_id;
  char    *uuid;
  gint64   mentors[N_PAIRS];
  gint64   mentees[N_PAIRS];
  gint64   pairs[N_PAIRS];
} Fixture;

static gint64
add_person (PwStore    *store,
            const char *name,
            const char *email)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwPerson) p = pw_person_new (name, email);

  g_assert_true (pw_person_repo_insert (store, p, &error));
  g_assert_no_error (error);
  return pw_person_get_id (p);
}

static gint64
insert_pair (PwStore *store,
             gint64   programme_id,
             gint64   mentee_id,
             gint64   mentor_id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = pw_store_prepare (store,
                                         "INSERT INTO pair (programme_id, mentee_id, mentor_id, state) "
                                         "VALUES (?, ?, ?, 'active')", &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int64 (stmt, 2, mentee_id);
  sqlite3_bind_int64 (stmt, 3, mentor_id);
  g_assert_cmpint (pw_store_step (store, stmt, &error), ==, SQLITE_DONE);
  return pw_store_last_insert_id (store);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwProgramme) programme = pw_programme_new ("Thinking Partners");

  f->store = pw_store_open (":memory:", &error);
  g_assert_no_error (error);
  g_assert_true (pw_programme_repo_insert (f->store, programme, &error));
  f->programme_id = pw_programme_get_id (programme);
  f->uuid = g_strdup (pw_programme_get_uuid (programme));

  for (guint i = 0; i < N_PAIRS; i++)
    {
      g_autofree char *mentor = g_strdup_printf ("Mentor %u", i);
      g_autofree char *mentee = g_strdup_printf ("Mentee %u", i);
      g_autofree char *mentor_email = g_strdup_printf ("mentor%u@example.org", i);
      g_autofree char *mentee_email = g_strdup_printf ("mentee%u@example.org", i);

      f->mentors[i] = add_person (f->store, mentor, mentor_email);
      f->mentees[i] = add_person (f->store, mentee, mentee_email);
      f->pairs[i] = insert_pair (f->store, f->programme_id, f->mentees[i], f->mentors[i]);
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_free (f->uuid);
  g_assert_finalize_object (f->store);
}

/* The i-th person asked the programme questionnaire (8 in all). */
static PwRespondent *
everyone (Fixture   *f,
          GPtrArray **keep,
          guint       i)
{
  g_autoptr(GError) error = NULL;

  if (*keep == NULL)
    *keep = pw_evaluation_list_respondents (f->store, f->programme_id, "programme", &error);
  g_assert_no_error (error);
  g_assert_cmpuint ((*keep)->len, ==, 2 * N_PAIRS);
  return g_ptr_array_index (*keep, i);
}

/* Answers the programme questionnaire: @process for both process
 * questions, @content, @outcome likewise, and a comment. */
static void
answer_programme (Fixture    *f,
                  guint       who,
                  int         process,
                  int         content,
                  int         outcome,
                  const char *comment,
                  gboolean    named)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) respondents = NULL;
  g_autoptr(PwQuestionnaire) q = pw_evaluation_get_questionnaire (f->store, f->programme_id, "programme", 0, &error);
  PwRespondent *r = everyone (f, &respondents, who);
  g_autoptr(PwResponse) response = pw_response_new (pw_questionnaire_get_id (q), r->person_id, 0);

  g_assert_no_error (error);
  for (guint i = 0; i < pw_questionnaire_get_n_questions (q); i++)
    {
      const PwQuestion *question = pw_questionnaire_get_question (q, i);

      if (question->type == PW_QUESTION_SCALE)
        pw_response_set_number (response, question->key,
                                question->criterion == PW_EVAL_CRITERION_PROCESS ? process :
                                question->criterion == PW_EVAL_CRITERION_CONTENT ? content : outcome);
      else if (question->type == PW_QUESTION_YES_NO)
        pw_response_set_number (response, question->key, 1);
      else if (comment != NULL)
        pw_response_set_text (response, question->key, comment);
    }
  response->named = named;

  g_assert_true (pw_evaluation_save_response (f->store, response, &error));
  g_assert_no_error (error);
  g_assert_cmpint (response->id, >, 0);
}

static void
test_ready_made (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = pw_evaluation_list_questionnaires (f->store, f->programme_id, &error);
  g_autoptr(PwQuestionnaire) programme = NULL;
  guint per_criterion[PW_EVAL_N_CRITERIA] = { 0 };

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 5);

  programme = g_list_model_get_item (list, 4);
  g_assert_cmpstr (pw_questionnaire_get_slug (programme), ==, "programme");
  g_assert_cmpint (pw_questionnaire_get_version (programme), ==, 1);
  for (guint i = 0; i < pw_questionnaire_get_n_questions (programme); i++)
    per_criterion[pw_questionnaire_get_question (programme, i)->criterion]++;
  g_assert_cmpuint (per_criterion[PW_EVAL_CRITERION_PROCESS], ==, 2);
  g_assert_cmpuint (per_criterion[PW_EVAL_CRITERION_CONTENT], ==, 2);
  g_assert_cmpuint (per_criterion[PW_EVAL_CRITERION_OUTCOME], ==, 3);

  /* Asking again creates nothing new. */
  {
    g_autoptr(GListModel) again = pw_evaluation_list_questionnaires (f->store, f->programme_id, &error);
    g_autoptr(PwQuestionnaire) first = g_list_model_get_item (list, 0);
    g_autoptr(PwQuestionnaire) first_again = g_list_model_get_item (again, 0);

    g_assert_cmpint (pw_questionnaire_get_id (first), ==, pw_questionnaire_get_id (first_again));
  }

  /* Mentors answer about their mentee, once per pair. */
  {
    g_autoptr(GPtrArray) mentors = pw_evaluation_list_respondents (f->store, f->programme_id, "mentor-final", &error);
    PwRespondent *r;

    g_assert_no_error (error);
    g_assert_cmpuint (mentors->len, ==, N_PAIRS);
    r = g_ptr_array_index (mentors, 0);
    g_assert_cmpint (r->person_id, ==, f->mentors[0]);
    g_assert_cmpint (r->subject_id, ==, f->mentees[0]);
    g_assert_cmpint (r->pair_id, ==, f->pairs[0]);
    g_assert_cmpint (r->response_id, ==, 0);
  }
}

static void
test_criteria_scores (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwDashboard) d = NULL;
  const int process[] = { 5, 4, 4, 3, 2, 5 };
  const PwScore *s;

  for (guint i = 0; i < G_N_ELEMENTS (process); i++)
    answer_programme (f, i, process[i], 3, i % 2 ? 5 : 4, NULL, FALSE);

  d = pw_dashboard_compute (f->store, f->programme_id, &error);
  g_assert_no_error (error);

  /* Process: two questions each, so every value counts twice. */
  s = &d->criteria[PW_EVAL_CRITERION_PROCESS];
  g_assert_false (s->suppressed);
  g_assert_cmpuint (s->n_responses, ==, 6);
  g_assert_cmpuint (s->n_answers, ==, 12);
  g_assert_cmpfloat_with_epsilon (s->mean, 23.0 / 6, 1e-9);
  g_assert_cmpint (s->min, ==, 2);
  g_assert_cmpint (s->max, ==, 5);
  g_assert_cmpuint (s->distribution[1], ==, 2);
  g_assert_cmpuint (s->distribution[3], ==, 4);
  g_assert_cmpuint (s->distribution[4], ==, 4);
  {
    double m = 23.0 / 6, sq = 0;
    for (guint i = 0; i < G_N_ELEMENTS (process); i++)
      sq += 2 * (process[i] - m) * (process[i] - m);
    g_assert_cmpfloat_with_epsilon (s->stddev, sqrt (sq / 12), 1e-9);
  }

  s = &d->criteria[PW_EVAL_CRITERION_CONTENT];
  g_assert_cmpfloat_with_epsilon (s->mean, 3.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (s->stddev, 0.0, 1e-9);

  s = &d->criteria[PW_EVAL_CRITERION_OUTCOME];
  g_assert_cmpfloat_with_epsilon (s->mean, 4.5, 1e-9);
  g_assert_cmpuint (s->n_answers, ==, 18);

  /* Nobody answered about each other: the feedback figures stay hidden. */
  g_assert_true (d->mentor_feedback.suppressed);
  g_assert_true (d->mentee_feedback.suppressed);

  g_assert_cmpuint (d->matched, ==, N_PAIRS);
  g_assert_cmpuint (d->active, ==, N_PAIRS);
  g_assert_cmpuint (d->responses_received, ==, 6);
  g_assert_cmpuint (d->responses_expected, ==, 4 * N_PAIRS + 2 * N_PAIRS);
}

static void
test_suppression (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwDashboard) four = NULL;
  g_autoptr(PwDashboard) five = NULL;
  g_autofree char *hidden = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *csv = NULL;
  PwScore s;
  const int values[] = { 1, 2, 3, 4, 5 };

  /* The rule itself. */
  pw_score_compute (&s, values, 4, 4);
  g_assert_true (s.suppressed);
  g_assert_cmpfloat (s.mean, ==, 0);
  g_assert_cmpuint (s.distribution[0], ==, 0);
  pw_score_compute (&s, values, 5, 5);
  g_assert_false (s.suppressed);
  g_assert_cmpfloat (s.mean, ==, 3);

  for (guint i = 0; i < PW_EVALUATION_MIN_ANSWERS - 1; i++)
    answer_programme (f, i, 4, 4, 4, NULL, FALSE);

  four = pw_dashboard_compute (f->store, f->programme_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (four->criteria[PW_EVAL_CRITERION_OUTCOME].n_responses, ==, 4);
  g_assert_true (four->criteria[PW_EVAL_CRITERION_OUTCOME].suppressed);
  g_assert_cmpfloat (four->criteria[PW_EVAL_CRITERION_OUTCOME].mean, ==, 0);
  hidden = pw_score_describe (&four->criteria[PW_EVAL_CRITERION_OUTCOME]);
  g_assert_cmpstr (hidden, ==, "too few answers to show");
  csv = pw_dashboard_to_csv (four);
  g_assert_nonnull (strstr (csv, "Scores,Outcome,,too few answers to show"));

  answer_programme (f, PW_EVALUATION_MIN_ANSWERS - 1, 4, 4, 4, NULL, FALSE);
  five = pw_dashboard_compute (f->store, f->programme_id, &error);
  g_assert_no_error (error);
  g_assert_false (five->criteria[PW_EVAL_CRITERION_OUTCOME].suppressed);
  g_assert_cmpfloat (five->criteria[PW_EVAL_CRITERION_OUTCOME].mean, ==, 4);
  shown = pw_score_describe (&five->criteria[PW_EVAL_CRITERION_OUTCOME]);
  g_assert_true (g_str_has_prefix (shown, "4.0 out of 5 from 5 people"));
}

static void
test_named_comments (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwDashboard) d = NULL;
  g_autoptr(GPtrArray) respondents = NULL;
  PwComment *c;

  answer_programme (f, 0, 4, 4, 4, "Keep the kick-off.", TRUE);
  answer_programme (f, 1, 4, 4, 4, "More evening slots.", FALSE);

  d = pw_dashboard_compute (f->store, f->programme_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (d->comments->len, ==, 2);
  c = g_ptr_array_index (d->comments, 0);
  g_assert_cmpstr (c->text, ==, "Keep the kick-off.");
  g_assert_cmpstr (c->name, ==, everyone (f, &respondents, 0)->name);
  c = g_ptr_array_index (d->comments, 1);
  g_assert_cmpstr (c->text, ==, "More evening slots.");
  g_assert_null (c->name);
}

static void
test_edit_keeps_old_answers (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwQuestionnaire) v1 = pw_evaluation_get_questionnaire (f->store, f->programme_id, "mentor-final", 0, &error);
  g_autoptr(PwQuestionnaire) v2 = NULL;
  g_autoptr(PwQuestionnaire) v1_again = NULL;
  g_autoptr(PwResponse) old = pw_response_new (pw_questionnaire_get_id (v1), f->mentors[0], f->pairs[0]);
  g_autoptr(PwResponse) read_back = NULL;
  g_autoptr(PwResponse) fresh = NULL;
  g_autoptr(GPtrArray) questions = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) mentors = NULL;
  const PwQuestion *added;
  PwQuestion *q;

  g_assert_no_error (error);
  pw_response_set_number (old, "proactive", 4);
  pw_response_set_number (old, "punctual", 2);
  pw_response_set_text (old, "improve", "Book meetings earlier.");
  g_assert_true (pw_evaluation_save_response (f->store, old, &error));
  g_assert_no_error (error);

  /* Edit: reword one question, drop "punctual", add a yes/no question. */
  questions = pw_questionnaire_dup_questions (v1);
  q = g_ptr_array_index (questions, 0);
  g_free (q->text);
  q->text = g_strdup ("My mentee took charge of the relationship.");
  for (guint i = 0; i < questions->len; i++)
    if (g_str_equal (((PwQuestion *)g_ptr_array_index (questions, i))->key, "punctual"))
      g_ptr_array_remove_index (questions, i);
  g_ptr_array_add (questions, pw_question_new (NULL, "Would you mentor again?", PW_QUESTION_YES_NO,
                                               PW_EVAL_CRITERION_NONE));

  v2 = pw_evaluation_save_version (f->store, f->programme_id, "mentor-final", "Final evaluation (2027)",
                                   "", questions, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_questionnaire_get_version (v2), ==, 2);
  g_assert_null (pw_questionnaire_find_question (v2, "punctual"));
  added = pw_questionnaire_get_question (v2, pw_questionnaire_get_n_questions (v2) - 1);
  g_assert_cmpstr (added->key, ==, "q1");
  g_assert_null (pw_questionnaire_find_question (v1, added->key));

  /* The old version and its answer are as they were. */
  v1_again = pw_evaluation_get_questionnaire (f->store, f->programme_id, "mentor-final", 1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_questionnaire_find_question (v1_again, "proactive")->text, ==,
                   pw_questionnaire_find_question (v1, "proactive")->text);
  g_assert_nonnull (pw_questionnaire_find_question (v1_again, "punctual"));

  read_back = pw_evaluation_get_response (f->store, old->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read_back->questionnaire_id, ==, pw_questionnaire_get_id (v1));
  g_assert_cmpint (pw_response_get_answer (read_back, "punctual")->number, ==, 2);
  g_assert_cmpint (pw_response_get_answer (read_back, "proactive")->number, ==, 4);
  g_assert_cmpstr (pw_response_get_answer (read_back, "improve")->text, ==, "Book meetings earlier.");

  /* An answer to the new version may not use the dropped question. */
  fresh = pw_response_new (pw_questionnaire_get_id (v2), f->mentors[1], f->pairs[1]);
  pw_response_set_number (fresh, "punctual", 3);
  g_assert_false (pw_evaluation_save_response (f->store, fresh, &error));
  g_assert_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_INVALID);
  g_clear_error (&error);
  g_ptr_array_set_size (fresh->answers, 0);
  pw_response_set_number (fresh, added->key, 1);
  pw_response_set_number (fresh, "proactive", 5);
  g_assert_true (pw_evaluation_save_response (f->store, fresh, &error));
  g_assert_no_error (error);

  /* Both versions' answers are listed, each against its own version. */
  all = pw_evaluation_list_responses (f->store, f->programme_id, "mentor-final", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 2);
  mentors = pw_evaluation_list_respondents (f->store, f->programme_id, "mentor-final", &error);
  g_assert_cmpint (((PwRespondent *)g_ptr_array_index (mentors, 0))->response_id, ==, old->id);
  g_assert_cmpint (((PwRespondent *)g_ptr_array_index (mentors, 1))->response_id, ==, fresh->id);
}

static void
test_typed_answer_checked (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwQuestionnaire) q = pw_evaluation_get_questionnaire (f->store, f->programme_id, "mentee-final", 0, &error);
  g_autoptr(PwResponse) r = NULL;

  /* A mentor is not asked the mentee's questionnaire. */
  r = pw_response_new (pw_questionnaire_get_id (q), f->mentors[0], f->pairs[0]);
  pw_response_set_number (r, "support", 4);
  g_assert_false (pw_evaluation_save_response (f->store, r, &error));
  g_assert_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_RESPONDENT);
  g_clear_error (&error);
  pw_response_free (g_steal_pointer (&r));

  r = pw_response_new (pw_questionnaire_get_id (q), f->mentees[0], f->pairs[0]);
  pw_response_set_number (r, "support", 6);
  g_assert_false (pw_evaluation_save_response (f->store, r, &error));
  g_assert_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_RANGE);
  g_clear_error (&error);
  pw_response_set_number (r, "support", 5);
  pw_response_set_number (r, "improve", 3);
  g_assert_false (pw_evaluation_save_response (f->store, r, &error));
  g_assert_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_RANGE);
  g_clear_error (&error);
  pw_response_set_text (r, "improve", "Nothing.");
  g_assert_true (pw_evaluation_save_response (f->store, r, &error));
  g_assert_no_error (error);
}

/* The answer file the HTML form's script saves (see form_script). */
static char *
form_json (Fixture    *f,
           const char *slug,
           int         version,
           const char *respondent,
           const char *answers)
{
  return g_strdup_printf ("{\n  \"format\": \"io.github.pairwise.Pairwise.answers\",\n  \"version\": 1,\n"
                          "  \"programme\": \"%s\",\n  \"questionnaire\": \"%s\",\n"
                          "  \"questionnaire_version\": %d,\n  \"respondent\": \"%s\",\n"
                          "  \"named\": true,\n  \"answers\": %s\n}\n",
                          f->uuid, slug, version, respondent, answers);
}

static void
test_html_form_round_trip (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwQuestionnaire) q = pw_evaluation_get_questionnaire (f->store, f->programme_id, "mentee-final", 0, &error);
  g_autofree char *html = pw_evaluation_export_html (f->store, f->programme_id, "mentee-final",
                                                     "mentee2@example.org", &error);
  g_autofree char *good = form_json (f, "mentee-final", 1, "MENTEE2@example.org",
                                     "{ \"support\": 5, \"valuable\": 4, \"improve\": \"More <time> & space\" }");
  g_autofree char *wrong_version = form_json (f, "mentee-final", 7, "mentee1@example.org", "{ \"support\": 5 }");
  g_autofree char *stranger = form_json (f, "mentee-final", 1, "nobody@example.org", "{ \"support\": 5 }");
  g_autofree char *out_of_range = form_json (f, "mentee-final", 1, "mentee1@example.org", "{ \"support\": 9 }");
  g_autoptr(GPtrArray) respondents = NULL;
  g_autoptr(PwResponse) stored = NULL;
  PwRespondent *r;
  guint n = 99;

  g_assert_no_error (error);

  /* Self-contained: every question, the answer file's fields, nothing from the network. */
  for (guint i = 0; i < pw_questionnaire_get_n_questions (q); i++)
    {
      g_autofree char *escaped = g_markup_escape_text (pw_questionnaire_get_question (q, i)->text, -1);
      g_autofree char *key = g_strdup_printf ("data-key=\"%s\"", pw_questionnaire_get_question (q, i)->key);

      g_assert_nonnull (strstr (html, escaped));
      g_assert_nonnull (strstr (html, key));
    }
  g_assert_nonnull (strstr (html, f->uuid));
  g_assert_nonnull (strstr (html, "data-version=\"1\""));
  g_assert_nonnull (strstr (html, "value=\"mentee2@example.org\""));
  g_assert_nonnull (strstr (html, "value=\"mentor2@example.org\""));
  g_assert_nonnull (strstr (html, "new Blob("));
  g_assert_nonnull (strstr (html, "io.github.pairwise.Pairwise.answers"));
  g_assert_null (strstr (html, "http://"));
  g_assert_null (strstr (html, "https://"));
  g_assert_null (strstr (html, "src="));
  g_assert_null (strstr (html, "<link"));
  g_assert_null (strstr (html, "@import"));
  g_assert_null (strstr (html, "url("));

  /* Each bad file is refused with where and why, and with a good file
   * beside it, nothing at all is stored. */
  {
    const char *names[] = { "good.json", "bad.json", NULL };
    const char *texts[] = { good, wrong_version, NULL };

    g_assert_false (pw_evaluation_import (f->store, f->programme_id, names, texts, &n, &error));
    g_assert_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_VERSION);
    g_assert_true (g_str_has_prefix (error->message, "bad.json: "));
    g_clear_error (&error);
    g_assert_cmpuint (n, ==, 0);

    texts[1] = stranger;
    g_assert_false (pw_evaluation_import (f->store, f->programme_id, names, texts, &n, &error));
    g_assert_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_RESPONDENT);
    g_assert_nonnull (strstr (error->message, "nobody@example.org"));
    g_clear_error (&error);

    texts[1] = out_of_range;
    g_assert_false (pw_evaluation_import (f->store, f->programme_id, names, texts, &n, &error));
    g_assert_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_RANGE);
    g_assert_nonnull (strstr (error->message, "“support”"));
    g_clear_error (&error);

    texts[1] = "{ \"format\": \"something else\" }";
    g_assert_false (pw_evaluation_import (f->store, f->programme_id, names, texts, &n, &error));
    g_assert_error (error, PW_EVALUATION_ERROR, PW_EVALUATION_ERROR_FORMAT);
    g_clear_error (&error);

    respondents = pw_evaluation_list_respondents (f->store, f->programme_id, "mentee-final", &error);
    for (guint i = 0; i < respondents->len; i++)
      g_assert_cmpint (((PwRespondent *)g_ptr_array_index (respondents, i))->response_id, ==, 0);
    g_clear_pointer (&respondents, g_ptr_array_unref);

    texts[1] = NULL;
    g_assert_true (pw_evaluation_import (f->store, f->programme_id, names, texts, &n, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 1);
  }

  respondents = pw_evaluation_list_respondents (f->store, f->programme_id, "mentee-final", &error);
  r = g_ptr_array_index (respondents, 2);
  g_assert_cmpint (r->person_id, ==, f->mentees[2]);
  g_assert_cmpint (r->response_id, >, 0);
  stored = pw_evaluation_get_response (f->store, r->response_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->pair_id, ==, f->pairs[2]);
  g_assert_true (stored->named);
  g_assert_cmpstr (stored->source, ==, "html");
  g_assert_cmpint (pw_response_get_answer (stored, "support")->number, ==, 5);
  g_assert_cmpint (pw_response_get_answer (stored, "valuable")->number, ==, 4);
  g_assert_cmpstr (pw_response_get_answer (stored, "improve")->text, ==, "More <time> & space");
  g_assert_null (pw_response_get_answer (stored, "punctual"));
}

static void
expect_csv_error (Fixture    *f,
                  const char *csv,
                  int         code,
                  const char *where)
{
  g_autoptr(GError) error = NULL;
  const char *names[] = { "answers.csv", NULL };
  const char *texts[] = { csv, NULL };

  g_assert_false (pw_evaluation_import (f->store, f->programme_id, names, texts, NULL, &error));
  g_assert_error (error, PW_EVALUATION_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, where));
}

static void
test_csv_import (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *exported = pw_evaluation_export_csv (f->store, f->programme_id, "mentor-midpoint", &error);
  g_autoptr(GPtrArray) respondents = NULL;
  const char *header = "questionnaire,version,respondent,about,named,proactive,engaged,punctual,most,improve\r\n";
  const char *names[] = { "answers.csv", NULL };
  const char *texts[] = { NULL, NULL };
  g_autofree char *good = NULL;
  guint n = 0;

  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (exported, header));
  g_assert_nonnull (strstr (exported, "mentor-midpoint,1,mentor0@example.org,mentee0@example.org,,,,,,\r\n"));

  expect_csv_error (f, "questionnaire,version,who\r\nmentor-midpoint,1,x\r\n", PW_EVALUATION_ERROR_FORMAT,
                    "answers.csv:1: ");
  expect_csv_error (f, "questionnaire,version,respondent,about,named,proactive\r\n"
                       "mentor-midpoint,1,mentor0@example.org,,,4\r\n"
                       "mentor-midpoint,1,mentor1@example.org,,,six\r\n",
                    PW_EVALUATION_ERROR_RANGE, "answers.csv:3: field “proactive”");
  expect_csv_error (f, "questionnaire,version,respondent,about,named,proactive\r\n"
                       "mentor-midpoint,1,mentor0@example.org,,,0\r\n",
                    PW_EVALUATION_ERROR_RANGE, "answers.csv:2: field “proactive”");
  expect_csv_error (f, "questionnaire,version,respondent,about,named,proactive\r\n"
                       "mentor-midpoint,2,mentor0@example.org,,,4\r\n",
                    PW_EVALUATION_ERROR_VERSION, "answers.csv:2: ");
  expect_csv_error (f, "questionnaire,version,respondent,about,named,proactive\r\n"
                       "mentor-midpoint,1,mentee0@example.org,,,4\r\n",
                    PW_EVALUATION_ERROR_RESPONDENT, "answers.csv:2: ");
  expect_csv_error (f, "questionnaire,version,respondent,about,named,proactive\r\n"
                       "mentor-midpoint,1,mentor0@example.org,mentee3@example.org,,4\r\n",
                    PW_EVALUATION_ERROR_RESPONDENT, "answers.csv:2: ");
  expect_csv_error (f, "questionnaire,version,respondent,about,named,colour\r\n"
                       "mentor-midpoint,1,mentor0@example.org,,,4\r\n",
                    PW_EVALUATION_ERROR_INVALID, "answers.csv:2: field “colour”");
  expect_csv_error (f, "questionnaire,version,respondent,about,named,recommend\r\n"
                       "programme,1,mentor0@example.org,,,maybe\r\n",
                    PW_EVALUATION_ERROR_RANGE, "answers.csv:2: field “recommend”");

  respondents = pw_evaluation_list_respondents (f->store, f->programme_id, "mentor-midpoint", &error);
  for (guint i = 0; i < respondents->len; i++)
    g_assert_cmpint (((PwRespondent *)g_ptr_array_index (respondents, i))->response_id, ==, 0);
  g_clear_pointer (&respondents, g_ptr_array_unref);

  /* The export filled in: answered rows are imported, empty rows skipped. */
  good = g_strconcat (header,
                      "mentor-midpoint,1,mentor0@example.org,mentee0@example.org,yes,4,5,3,4,\"Kind, and \"\"quick\"\"\"\r\n",
                      "mentor-midpoint,1,mentor1@example.org,mentee1@example.org,,,,,,\r\n",
                      NULL);
  texts[0] = good;
  g_assert_true (pw_evaluation_import (f->store, f->programme_id, names, texts, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 1);

  respondents = pw_evaluation_list_respondents (f->store, f->programme_id, "mentor-midpoint", &error);
  g_assert_cmpint (((PwRespondent *)g_ptr_array_index (respondents, 0))->response_id, >, 0);
  g_assert_cmpint (((PwRespondent *)g_ptr_array_index (respondents, 1))->response_id, ==, 0);
  {
    g_autoptr(PwResponse) r = pw_evaluation_get_response (f->store,
                                                          ((PwRespondent *)g_ptr_array_index (respondents, 0))->response_id,
                                                          &error);
    g_assert_cmpstr (pw_response_get_answer (r, "improve")->text, ==, "Kind, and \"quick\"");
    g_assert_true (r->named);
    g_assert_cmpstr (r->source, ==, "csv");
  }

  /* The reminder export now leaves the one who answered out. */
  g_clear_pointer (&exported, g_free);
  exported = pw_evaluation_export_csv (f->store, f->programme_id, "mentor-midpoint", &error);
  g_assert_null (strstr (exported, "mentor0@example.org"));
  g_assert_nonnull (strstr (exported, "mentor1@example.org"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/evaluation/" path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("ready-made", test_ready_made);
  ADD ("criteria-scores", test_criteria_scores);
  ADD ("suppression", test_suppression);
  ADD ("named-comments", test_named_comments);
  ADD ("edit-keeps-old-answers", test_edit_keeps_old_answers);
  ADD ("typed-answer-checked", test_typed_answer_checked);
  ADD ("html-form-round-trip", test_html_form_round_trip);
  ADD ("csv-import", test_csv_import);

#undef ADD

  return g_test_run ();
}
