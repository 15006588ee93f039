/* test-bundle.c — the JSON programme bundle: round trip and refusals
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "pw-bundle.h"
#include "pw-person-private.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-eligibility.h"
#include "pw-evaluation.h"
#include "pw-match.h"
#include "pw-meeting.h"
#include "pw-sample.h"
#include "pw-schedule.h"
#include "pw-workspace.h"

static PwStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  PwStore *store = pw_store_open (":memory:", &error);

  g_assert_no_error (error);
  return store;
}

static PwPerson *
add_person (PwStore    *store,
            const char *name,
            const char *email,
            PwPerson   *manager,
            gint64      programme_id)
{
  g_autoptr(GError) error = NULL;
  PwPerson *p = pw_person_new (name, email);

  pw_person_set_field (p, "grade", "Band 2", NULL);
  pw_person_set_field (p, "strengths", "Quotes \" commas , and\nnew lines; =1+1", NULL);
  pw_person_set_field (p, "gender", "Woman", NULL);
  pw_person_set_field (p, "topics-offered", "Social media, AI", NULL);
  if (manager != NULL)
    pw_person_set_manager_id (p, pw_person_get_id (manager));
  g_assert_true (pw_person_repo_insert (store, p, &error));
  g_assert_no_error (error);
  if (programme_id != 0)
    g_assert_true (pw_person_repo_enrol (store, programme_id, pw_person_get_id (p), &error));
  return p;
}

static gint64
make_programme (PwStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwProgramme) programme = pw_programme_new ("Thinking Partners");
  const char *grades[] = { "Band 1", "Band 2", "Band 3", NULL };
  const char *topics[] = { "Social media", "AI", NULL };
  g_autoptr(PwPerson) ceo = NULL;
  g_autoptr(PwPerson) director = NULL;
  g_autoptr(PwPerson) junior = NULL;
  g_autoptr(PwPerson) outsider = NULL;
  gint64 id;

  pw_programme_set_code_of_conduct (programme, "Respect.\nConfidentiality.");
  g_assert_true (pw_programme_repo_insert (store, programme, &error));
  id = pw_programme_get_id (programme);
  g_assert_true (pw_grade_scale_set (store, grades, &error));
  g_assert_true (pw_programme_topics_set (store, id, topics, &error));

  /* The CEO is not enrolled but sits at the top of the reporting line. */
  ceo = add_person (store, "Chief Executive", "ceo@example.org", NULL, 0);
  director = add_person (store, "Director", "director@example.org", ceo, id);
  junior = add_person (store, "Zoë Junior", "zoe@example.org", director, id);
  outsider = add_person (store, "Not In It", "outsider@example.org", NULL, 0);

  return id;
}

static void
test_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) a = new_store ();
  g_autoptr(PwStore) b = new_store ();
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GListModel) enrolled = NULL;
  g_autoptr(PwPerson) zoe = NULL;
  g_autoptr(PwPerson) director = NULL;
  gint64 id = make_programme (a);
  gint64 imported;

  first = pw_bundle_export (a, id, PW_BUNDLE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (first, "\"format\" : \"" PW_BUNDLE_FORMAT "\""));
  g_assert_null (strstr (first, "outsider@example.org"));
  g_assert_nonnull (strstr (first, "ceo@example.org"));
  g_assert_null (strstr (first, "Woman"));

  imported = pw_bundle_import (b, first, -1, "tp.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (imported, >, 0);

  second = pw_bundle_export (b, imported, PW_BUNDLE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, second);

  enrolled = pw_person_repo_list_enrolled (b, imported, &error);
  g_assert_cmpuint (g_list_model_get_n_items (enrolled), ==, 2);
  zoe = pw_person_repo_find_by_email (b, "zoe@example.org", &error);
  director = pw_person_repo_find_by_email (b, "director@example.org", &error);
  g_assert_cmpint (pw_person_get_manager_id (zoe), ==, pw_person_get_id (director));
  g_assert_cmpstr (pw_person_get_text (zoe, PW_PERSON_FIELD_STRENGTHS), ==,
                   "Quotes \" commas , and\nnew lines; =1+1");
}

static void
test_sensitive_only_when_asked (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) a = new_store ();
  g_autoptr(PwStore) b = new_store ();
  g_autofree char *text = NULL;
  g_autoptr(PwPerson) zoe = NULL;
  gint64 id = make_programme (a);

  text = pw_bundle_export (a, id, PW_BUNDLE_WITH_SENSITIVE, &error);
  g_assert_nonnull (strstr (text, "\"includes_sensitive\" : true"));
  g_assert_nonnull (strstr (text, "Woman"));
  g_assert_cmpint (pw_bundle_import (b, text, -1, "s.json", &error), >, 0);
  zoe = pw_person_repo_find_by_email (b, "zoe@example.org", &error);
  g_assert_cmpstr (pw_person_get_text (zoe, PW_PERSON_FIELD_GENDER), ==, "Woman");
}

static void
assert_refused (const char *text,
                int         code,
                const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = new_store ();
  g_autoptr(GListModel) programmes = NULL;

  g_assert_cmpint (pw_bundle_import (store, text, -1, "bad.json", &error), ==, 0);
  g_assert_error (error, PW_BUNDLE_ERROR, code);
  g_assert_true (g_str_has_prefix (error->message, "bad.json:"));
  if (strstr (error->message, fragment) == NULL)
    g_error ("“%s” not in “%s”", fragment, error->message);

  programmes = pw_programme_repo_list (store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 0);
  g_assert_cmpint (pw_person_repo_count (store, NULL), ==, 0);
  g_assert_false (pw_store_in_transaction (store));
}

static void
test_refusals (void)
{
  assert_refused ("{ not json", PW_BUNDLE_ERROR_SYNTAX, "1:");
  assert_refused ("{\"format\": \"something else\"}", PW_BUNDLE_ERROR_FORMAT, "not a Pairwise program bundle");
  assert_refused ("{\"format\": \"" PW_BUNDLE_FORMAT "\", \"version\": 99}",
                  PW_BUNDLE_ERROR_TOO_NEW, "newer version of Pairwise");
  assert_refused ("{\"format\": \"" PW_BUNDLE_FORMAT "\", \"version\": 1,"
                  " \"programme\": {\"name\": \"P\"},"
                  " \"people\": [{\"name\": \"Ok\", \"email\": \"ok@example.org\"},"
                  "              {\"name\": \"Bad\", \"email\": \"bad@\"}]}",
                  PW_BUNDLE_ERROR_INVALID, "people[1].email: “bad@” is not an email address");
  assert_refused ("{\"format\": \"" PW_BUNDLE_FORMAT "\", \"version\": 1,"
                  " \"programme\": {\"name\": \"P\"},"
                  " \"people\": [{\"name\": \"Ok\", \"email\": \"ok@example.org\", \"manager\": \"ghost@example.org\"}]}",
                  PW_BUNDLE_ERROR_INVALID, "people[0].manager: “ghost@example.org”");
  assert_refused ("{\"format\": \"" PW_BUNDLE_FORMAT "\", \"version\": 1,"
                  " \"programme\": {\"name\": \"P\", \"meeting_minutes\": 5}}",
                  PW_BUNDLE_ERROR_INVALID, "programme.meeting_minutes");
}

static void
test_same_programme_twice (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) a = new_store ();
  g_autofree char *text = NULL;
  gint64 id = make_programme (a);

  text = pw_bundle_export (a, id, PW_BUNDLE_FLAGS_NONE, &error);
  g_assert_cmpint (pw_bundle_import (a, text, -1, "again.json", &error), ==, 0);
  g_assert_error (error, PW_BUNDLE_ERROR, PW_BUNDLE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "already in this database"));
}

static void
test_private_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pw-bundle-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "out.json", NULL);
  GStatBuf st;

  g_assert_true (pw_write_private_file (path, "{}", -1, &error));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_remove (path);
  g_rmdir (dir);
}

#define DIARY_SECRET "We talked about the reorganisation rumours"
#define END_SECRET   "Private: a clash of personalities"

static gint64
insert_pair (PwStore    *store,
             gint64      programme_id,
             const char *mentee_email,
             const char *mentor_email,
             const char *state)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwPerson) mentee = pw_person_repo_find_by_email (store, mentee_email, &error);
  g_autoptr(PwPerson) mentor = pw_person_repo_find_by_email (store, mentor_email, &error);
  sqlite3_stmt *stmt = pw_store_prepare (store,
                                         "INSERT INTO pair (programme_id, mentee_id, mentor_id, state, score, "
                                         "explanation) VALUES (?, ?, ?, ?, 77, 'Topic fit: strong')", &error);

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int64 (stmt, 2, pw_person_get_id (mentee));
  sqlite3_bind_int64 (stmt, 3, pw_person_get_id (mentor));
  sqlite3_bind_text (stmt, 4, state, -1, SQLITE_STATIC);
  g_assert_cmpint (pw_store_step (store, stmt, &error), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  return pw_store_last_insert_id (store);
}

/* A programme whose pairs have a full workspace each. */
static gint64
make_programme_with_workspace (PwStore *store)
{
  g_autoptr(GError) error = NULL;
  gint64 id = make_programme (store);
  gint64 pair = insert_pair (store, id, "zoe@example.org", "director@example.org", "active");
  gint64 ended = insert_pair (store, id, "director@example.org", "ceo@example.org", "active");
  g_autoptr(PwAgreement) agreement = pw_agreement_load (store, pair, &error);
  g_autoptr(PwGoal) goal = pw_goal_new (pair, "Speak up in leadership meetings");
  g_autoptr(PwBenchmark) benchmark = NULL;
  g_autoptr(PwDiaryEntry) entry = pw_diary_entry_new (pair, "2026-02-03");
  g_autoptr(PwClosure) closure = pw_closure_load (store, pair, &error);

  insert_pair (store, id, "zoe@example.org", "ceo@example.org", "proposed");

  g_object_set (agreement, "mentee-gains", "Confidence", "confidentiality-agreed", TRUE, NULL);
  g_assert_true (pw_agreement_accept (agreement, PW_SIDE_MENTEE, "2026-01-10", &error));
  g_assert_true (pw_agreement_save (store, agreement, &error));

  g_object_set (goal, "measurable", "Two contributions a meeting", "time-bound", "2026-05-01", NULL);
  g_assert_true (pw_goal_save (store, goal, &error));
  benchmark = pw_benchmark_new (pw_goal_get_id (goal), "First contribution", "2026-02-01");
  pw_benchmark_set_status (benchmark, PW_BENCHMARK_DONE);
  g_assert_true (pw_benchmark_save (store, benchmark, &error));

  g_object_set (entry, "topics", DIARY_SECRET, "reflections", "Honest", "meeting-id", (gint64)7,
                "raised-by", PW_SIDE_MENTOR, NULL);
  g_assert_true (pw_diary_entry_save (store, entry, &error));

  for (PwWorksheetKind kind = PW_WORKSHEET_GROW; kind <= PW_WORKSHEET_FORCE_FIELD; kind++)
    for (guint v = 1; v <= 2; v++)
      {
        g_autoptr(PwWorksheet) sheet = pw_worksheet_load (store, pair, kind, 0, &error);
        const char * const *fields = pw_worksheet_kind_get_fields (kind);
        g_autofree char *text = g_strdup_printf ("%s, version %u", pw_worksheet_kind_to_string (kind), v);

        pw_worksheet_set_field (sheet, fields[0], text);
        if (kind == PW_WORKSHEET_FORCE_FIELD)
          pw_worksheet_add_force (sheet, v == 1 ? PW_FORCE_FOR : PW_FORCE_AGAINST, text, (int)v + 2);
        g_assert_true (pw_worksheet_save (store, sheet, &error));
        g_assert_no_error (error);
        g_assert_cmpint (pw_worksheet_get_version (sheet), ==, (int)v);
      }

  g_object_set (closure, "goals-reviewed", TRUE, "covered", "Meetings", "mentee-started", "Quiet",
                "mentee-reached", "Heard", "mentor-started", "Busy", "mentor-reached", "Listening",
                "mentor-gained", "A view from the front line", NULL);
  g_assert_true (pw_closure_close (store, closure, "2026-11-30", &error));

  g_assert_true (pw_pair_end (store, ended, TRUE, 0, END_SECRET, &error));
  g_assert_no_error (error);
  return id;
}

static void
test_workspace_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) a = new_store ();
  g_autoptr(PwStore) b = new_store ();
  g_autoptr(PwStore) c = new_store ();
  g_autofree char *plain = NULL;
  g_autofree char *plain_again = NULL;
  g_autofree char *diaries = NULL;
  g_autofree char *diaries_again = NULL;
  g_autofree char *diaries_from_plain = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  gint64 id = make_programme_with_workspace (a);
  gint64 in_b, in_c;

  plain = pw_bundle_export (a, id, PW_BUNDLE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  diaries = pw_bundle_export (a, id, PW_BUNDLE_WITH_DIARIES, &error);
  g_assert_no_error (error);

  /* Diary privacy: no diary text anywhere without the flag, and it says so. */
  g_assert_nonnull (strstr (plain, "\"includes_diaries\" : false"));
  g_assert_null (strstr (plain, DIARY_SECRET));
  g_assert_null (strstr (plain, "Honest"));
  g_assert_null (strstr (plain, "\"diary\""));
  g_assert_nonnull (strstr (diaries, "\"includes_diaries\" : true"));
  g_assert_nonnull (strstr (diaries, DIARY_SECRET));

  /* The coordinator's reason for ending never travels. */
  g_assert_null (strstr (plain, END_SECRET));
  g_assert_null (strstr (diaries, END_SECRET));
  g_assert_nonnull (strstr (plain, "\"end_kind\" : \"rematched\""));

  /* Everything else does. */
  g_assert_nonnull (strstr (plain, "force-field, version 2"));
  g_assert_nonnull (strstr (plain, "sand, version 1"));
  g_assert_nonnull (strstr (plain, "First contribution"));
  g_assert_nonnull (strstr (plain, "\"mentee_accepted\" : \"2026-01-10\""));
  g_assert_nonnull (strstr (plain, "A view from the front line"));

  in_b = pw_bundle_import (b, plain, -1, "plain.json", &error);
  g_assert_no_error (error);
  plain_again = pw_bundle_export (b, in_b, PW_BUNDLE_FLAGS_NONE, &error);
  g_assert_cmpstr (plain, ==, plain_again);
  diaries_from_plain = pw_bundle_export (b, in_b, PW_BUNDLE_WITH_DIARIES, &error);
  g_assert_null (strstr (diaries_from_plain, DIARY_SECRET));

  in_c = pw_bundle_import (c, diaries, -1, "diaries.json", &error);
  g_assert_no_error (error);
  diaries_again = pw_bundle_export (c, in_c, PW_BUNDLE_WITH_DIARIES, &error);
  g_assert_cmpstr (diaries, ==, diaries_again);

  /* The history came across version by version. */
  pairs = pw_pairs_list (c, in_c, TRUE, &error);
  g_assert_cmpuint (pairs->len, ==, 3);
  for (PwWorksheetKind kind = PW_WORKSHEET_GROW; kind <= PW_WORKSHEET_FORCE_FIELD; kind++)
    {
      gint64 pair = ((PwPair *)g_ptr_array_index (pairs, 0))->id;
      g_autoptr(GListModel) versions = pw_worksheet_list_versions (c, pair, kind, &error);
      g_autoptr(PwWorksheet) first = pw_worksheet_load (c, pair, kind, 1, &error);
      const char * const *fields = pw_worksheet_kind_get_fields (kind);
      g_autofree char *text = g_strdup_printf ("%s, version 1", pw_worksheet_kind_to_string (kind));

      g_assert_cmpuint (g_list_model_get_n_items (versions), ==, 2);
      g_assert_cmpstr (pw_worksheet_get_field (first, fields[0]), ==, text);
      if (kind == PW_WORKSHEET_FORCE_FIELD)
        {
          g_autoptr(PwWorksheet) latest = pw_worksheet_load (c, pair, kind, 0, &error);
          g_assert_cmpint (pw_worksheet_get_total (latest, PW_FORCE_FOR), ==, 3);
          g_assert_cmpint (pw_worksheet_get_total (latest, PW_FORCE_AGAINST), ==, 4);
        }
    }
  {
    gint64 pair = ((PwPair *)g_ptr_array_index (pairs, 0))->id;
    g_autoptr(GListModel) diary = pw_diary_list (c, pair, &error);
    g_autoptr(PwAgreement) agreement = pw_agreement_load (c, pair, &error);

    g_assert_cmpuint (g_list_model_get_n_items (diary), ==, 1);
    g_assert_cmpint (pw_agreement_get_state (agreement), ==, PW_AGREEMENT_ACCEPTED_BY_MENTEE);
  }
}

static void
test_workspace_refusals (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) a = new_store ();
  g_autofree char *plain = NULL;
  g_autofree char *diaries = NULL;
  g_autofree char *lying = NULL;
  g_autofree char *bad_strength = NULL;
  g_autofree char *ghost = NULL;
  g_auto(GStrv) parts = NULL;
  gint64 id = make_programme_with_workspace (a);

  plain = pw_bundle_export (a, id, PW_BUNDLE_FLAGS_NONE, &error);
  diaries = pw_bundle_export (a, id, PW_BUNDLE_WITH_DIARIES, &error);

  /* Claims to hold no diary, yet holds one. */
  parts = g_strsplit (diaries, "\"includes_diaries\" : true", 2);
  lying = g_strjoinv ("\"includes_diaries\" : false", parts);
  assert_refused (lying, PW_BUNDLE_ERROR_INVALID, "pairs[0].workspace.diary: the bundle says it has no diaries");
  g_clear_pointer (&parts, g_strfreev);

  parts = g_strsplit (plain, "\"strength\" : 3", 2);
  bad_strength = g_strjoinv ("\"strength\" : 9", parts);
  assert_refused (bad_strength, PW_BUNDLE_ERROR_INVALID, "pairs[0].workspace.worksheets[6].content.for[0]");
  g_clear_pointer (&parts, g_strfreev);

  parts = g_strsplit (plain, "\"mentee\" : \"zoe@example.org\"", 2);
  ghost = g_strjoinv ("\"mentee\" : \"ghost@example.org\"", parts);
  assert_refused (ghost, PW_BUNDLE_ERROR_INVALID, "pairs[0].mentee: “ghost@example.org”");
}

static gint64
count_rows (PwStore    *store,
            const char *sql,
            gint64      programme_id)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = pw_store_prepare (store, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  sqlite3_bind_int64 (stmt, 1, programme_id);
  g_assert_cmpint (pw_store_step (store, stmt, &error), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

/* What each table holds for the programme, to compare two databases. */
static const char * const programme_counts[] = {
  "SELECT count(*) FROM eligibility_rule WHERE programme_id = ?1",
  "SELECT count(*) FROM eligibility_override WHERE programme_id = ?1",
  "SELECT count(*) FROM match_settings WHERE programme_id = ?1",
  "SELECT count(*) FROM forbidden_pair WHERE programme_id = ?1",
  "SELECT count(*) FROM rematch_priority WHERE programme_id = ?1",
  "SELECT count(*) FROM career_influence WHERE ?1 > 0",
  "SELECT count(*) FROM schedule_settings WHERE programme_id = ?1",
  "SELECT count(*) FROM closure_day WHERE programme_id = ?1",
  "SELECT count(*) FROM pair WHERE programme_id = ?1",
  "SELECT count(*) FROM meeting WHERE programme_id = ?1",
  "SELECT count(*) FROM meeting WHERE programme_id = ?1 AND pair_id IS NULL",
  "SELECT count(*) FROM questionnaire WHERE programme_id = ?1",
  "SELECT count(*) FROM question q JOIN questionnaire n ON n.id = q.questionnaire_id WHERE n.programme_id = ?1",
  "SELECT count(*) FROM response r JOIN questionnaire n ON n.id = r.questionnaire_id WHERE n.programme_id = ?1",
  "SELECT count(*) FROM response r JOIN questionnaire n ON n.id = r.questionnaire_id "
  "WHERE n.programme_id = ?1 AND r.pair_id IS NOT NULL",
  "SELECT count(*) FROM answer a JOIN response r ON r.id = a.response_id "
  "JOIN questionnaire n ON n.id = r.questionnaire_id WHERE n.programme_id = ?1",
  "SELECT count(*) FROM diary_entry d JOIN pair p ON p.id = d.pair_id JOIN meeting m ON m.id = d.meeting_id "
  "WHERE p.programme_id = ?1 AND m.pair_id = d.pair_id",
};

static void
answer_everything (PwStore    *store,
                   gint64      programme_id,
                   const char *slug,
                   const char *comment)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwQuestionnaire) q = pw_evaluation_get_questionnaire (store, programme_id, slug, 0, &error);
  g_autoptr(GPtrArray) respondents = pw_evaluation_list_respondents (store, programme_id, slug, &error);
  PwRespondent *r;
  g_autoptr(PwResponse) response = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (respondents->len, >, 0);
  r = g_ptr_array_index (respondents, 0);
  response = pw_response_new (pw_questionnaire_get_id (q), r->person_id, r->pair_id);
  for (guint i = 0; i < pw_questionnaire_get_n_questions (q); i++)
    {
      const PwQuestion *question = pw_questionnaire_get_question (q, i);

      if (question->type == PW_QUESTION_SCALE)
        pw_response_set_number (response, question->key, 4);
      else if (question->type == PW_QUESTION_YES_NO)
        pw_response_set_number (response, question->key, 1);
      else
        pw_response_set_text (response, question->key, comment);
    }
  response->named = TRUE;
  g_assert_true (pw_evaluation_save_response (store, response, &error));
  g_assert_no_error (error);
}

/* Everything later issues added travels too: rules and overrides, the
 * matching settings and hard rules, the schedule, the evaluation — and
 * export → import into an empty database → export gives the same file. */
static void
test_everything_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) a = new_store ();
  g_autoptr(PwStore) b = new_store ();
  g_autoptr(PwMatchRun) run = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(PwMeeting) meeting = NULL;
  g_autoptr(PwDiaryEntry) entry = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autofree char *meeting_uid = NULL;
  g_auto(PwScheduleSettings) schedule = { 0 };
  PwMatchSettings weights;
  PwPair *p0, *p1, *p2;
  gint64 id, imported;
  const char * const expected[] = {
    "\"eligibility_rules\"", "\"eligibility_overrides\"", "\"match_settings\"", "\"forbidden_pairs\"",
    "\"rematch_priority\"", "\"career_influence\"", "\"schedule_settings\"", "\"closure_days\"",
    "\"meetings\"", "\"questionnaires\"", "\"questions\"", "\"responses\"", "\"answers\"",
    "Christmas Day", "Stepped in while the rota was short", "Sits on her promotion panel",
    "Asked for more evening meetings", "\"tzid\" : \"Europe/London\"", "\"meeting_time\" : \"14:30\"",
  };

  id = pw_sample_create (a, &error);
  g_assert_no_error (error);

  /* Matched, three pairs approved (each gets its year planned), one ended. */
  run = pw_match_prepare (a, id, &error);
  g_assert_no_error (error);
  g_assert_true (pw_match_solve (run, FALSE, 0, NULL, &error));
  g_assert_true (pw_match_save_proposals (run, &error));
  pairs = pw_pairs_list (a, id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, >=, 3);
  p0 = g_ptr_array_index (pairs, 0);
  p1 = g_ptr_array_index (pairs, 1);
  p2 = g_ptr_array_index (pairs, 2);
  for (guint i = 0; i < 3; i++)
    g_assert_true (pw_pair_approve (a, ((PwPair *)g_ptr_array_index (pairs, i))->id, &error));
  g_assert_no_error (error);
  g_assert_true (pw_pair_end (a, p2->id, TRUE, p2->mentee_id, END_SECRET, &error));

  /* The hard rules and the coordinator's decisions. */
  g_assert_true (pw_pair_forbid (a, id, p1->mentee_id, p0->mentor_id, TRUE, &error));
  g_assert_true (pw_influence_add (a, p0->mentee_id, p1->mentor_id, "Sits on her promotion panel", &error));
  g_assert_true (pw_eligibility_override (a, id, p1->mentor_id, PW_RULE_SET_MENTEE, TRUE,
                                          "Stepped in while the rota was short", &error));
  g_assert_true (pw_match_settings_load (a, id, &weights, &error));
  weights.weights[0] = weights.weights[0] == 7 ? 3 : 7;
  g_assert_true (pw_match_settings_save (a, id, &weights, &error));

  /* The schedule: its zone and time, a closure day, a diary entry on a meeting. */
  g_assert_true (pw_schedule_settings_load (a, id, &schedule, &error));
  g_free (schedule.tzid);
  schedule.tzid = g_strdup ("Europe/London");
  g_free (schedule.meeting_time);
  schedule.meeting_time = g_strdup ("14:30");
  g_assert_true (pw_schedule_settings_save (a, id, &schedule, &error));
  g_assert_true (pw_schedule_closure_add (a, id, "2026-12-25", "Christmas Day", &error));
  g_assert_no_error (error);
  meetings = pw_schedule_list (a, id, p0->id, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (meetings) && meeting == NULL; i++)
    {
      g_autoptr(PwMeeting) m = g_list_model_get_item (meetings, i);

      if (pw_meeting_get_pair_id (m) == p0->id)
        meeting = g_steal_pointer (&m);
    }
  g_assert_nonnull (meeting);
  meeting_uid = g_strdup (pw_meeting_get_uid (meeting));
  entry = pw_diary_entry_new (p0->id, "2026-03-03");
  g_object_set (entry, "topics", "Asked for more evening meetings", "meeting-id", pw_meeting_get_id (meeting), NULL);
  g_assert_true (pw_diary_entry_save (a, entry, &error));

  /* Evaluation: the programme questionnaire and a pair's mentee. */
  answer_everything (a, id, "programme", "More of the same, please.");
  answer_everything (a, id, "mentee-final", "My mentor opened doors.");

  first = pw_bundle_export (a, id, PW_BUNDLE_WITH_DIARIES, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    if (strstr (first, expected[i]) == NULL)
      g_error ("the bundle lacks %s", expected[i]);
  g_assert_null (strstr (first, END_SECRET));
  g_assert_nonnull (strstr (first, "\"version\" : 3"));

  imported = pw_bundle_import (b, first, -1, "everything.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (imported, >, 0);
  second = pw_bundle_export (b, imported, PW_BUNDLE_WITH_DIARIES, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (first, ==, second);

  /* Row for row, and the diary entry still on its meeting. */
  for (guint i = 0; i < G_N_ELEMENTS (programme_counts); i++)
    {
      gint64 in_a = count_rows (a, programme_counts[i], id);

      if (in_a == 0)
        g_error ("nothing to compare for %s", programme_counts[i]);
      g_assert_cmpint (in_a, ==, count_rows (b, programme_counts[i], imported));
    }
  {
    g_autoptr(PwPerson) mentee = pw_person_repo_get (a, p0->mentee_id, &error);
    g_autoptr(PwPerson) there = pw_person_repo_find_by_email (b, pw_person_get_email (mentee), &error);
    g_autoptr(GPtrArray) pairs_b = pw_pairs_list (b, imported, FALSE, &error);
    g_autoptr(GListModel) diary = pw_diary_list (b, ((PwPair *)g_ptr_array_index (pairs_b, 0))->id, &error);
    g_autoptr(PwDiaryEntry) copied = NULL;
    g_autoptr(PwMeeting) copied_meeting = NULL;

    g_assert_no_error (error);
    g_assert_cmpint (((PwPair *)g_ptr_array_index (pairs_b, 0))->mentee_id, ==, pw_person_get_id (there));
    g_assert_cmpuint (g_list_model_get_n_items (diary), ==, 1);
    copied = g_list_model_get_item (diary, 0);
    copied_meeting = pw_schedule_get (b, pw_diary_entry_get_meeting_id (copied), &error);
    g_assert_no_error (error);
    g_assert_cmpstr (pw_meeting_get_uid (copied_meeting), ==, meeting_uid);
  }
}

/* A bundle that points at what is not in it is refused whole, saying where. */
static void
test_tables_refusals (void)
{
  static const struct { const char *from; const char *to; const char *message; } cases[] = {
    { "\"pair\" : 0,", "\"pair\" : 4000,",
      "].pair: 4000 is not the number of an item in “pairs” (they are numbered from 0)." },
    { "\"slug\" : \"mentee-final\"", "\"slug\" : 12", "questionnaires[0].slug: expected text in quotes." },
    { "\"question\" : \"", "\"question\" : \"no-such-question-",
      "answers[0].question: no question of this response’s questionnaire has that key." },
    { "\"justification\" : \"Stepped", "\"justification_typo\" : \"Stepped",
      "eligibility_overrides[0].justification: missing." },
    { "\"influencer\" : \"", "\"influencer\" : \"nobody-", "career_influence[0].influencer: “nobody-" },
    { "\"closure_days\" : [", "\"closure_days\" : {\"x\": 1}, \"unused\" : [",
      "closure_days: expected a list." },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) a = new_store ();
  g_autofree char *bundle = NULL;
  gint64 id = pw_sample_create (a, &error);
  g_autoptr(PwMatchRun) run = pw_match_prepare (a, id, &error);
  g_autoptr(GPtrArray) pairs = NULL;
  PwPair *p0, *p1;

  g_assert_true (pw_match_solve (run, FALSE, 0, NULL, &error));
  g_assert_true (pw_match_save_proposals (run, &error));
  pairs = pw_pairs_list (a, id, FALSE, &error);
  p0 = g_ptr_array_index (pairs, 0);
  p1 = g_ptr_array_index (pairs, 1);
  g_assert_true (pw_pair_approve (a, p0->id, &error));
  g_assert_true (pw_influence_add (a, p0->mentee_id, p1->mentor_id, "Appraiser", &error));
  g_assert_true (pw_eligibility_override (a, id, p1->mentor_id, PW_RULE_SET_MENTEE, TRUE,
                                          "Stepped in", &error));
  g_assert_true (pw_schedule_closure_add (a, id, "2026-12-25", "Christmas Day", &error));
  answer_everything (a, id, "mentee-final", "Good.");
  bundle = pw_bundle_export (a, id, PW_BUNDLE_FLAGS_NONE, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(PwStore) b = new_store ();
      g_autoptr(GString) broken = g_string_new (bundle);
      g_autoptr(GListModel) programmes = NULL;
      g_autoptr(PwPerson) nobody = NULL;

      g_assert_cmpuint (g_string_replace (broken, cases[i].from, cases[i].to, 1), ==, 1);
      g_assert_cmpint (pw_bundle_import (b, broken->str, -1, "broken.json", &error), ==, 0);
      g_assert_error (error, PW_BUNDLE_ERROR, PW_BUNDLE_ERROR_INVALID);
      if (!g_str_has_prefix (error->message, "broken.json:") || strstr (error->message, cases[i].message) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].message);
      g_clear_error (&error);

      /* Nothing at all was written. */
      programmes = pw_programme_repo_list (b, &error);
      g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 0);
      nobody = pw_person_repo_find_by_email (b, PW_SAMPLE_HEAD_OF_PEOPLE_EMAIL, NULL);
      g_assert_null (nobody);
      g_assert_cmpint (count_rows (b, "SELECT count(*) FROM meeting WHERE ?1 > 0", 1), ==, 0);
    }
}

/* A version-2 bundle's diary names a meeting by another database's ID:
 * it imports, without the meaningless link. */
static void
test_version_2_diary (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) a = new_store ();
  g_autoptr(PwStore) b = new_store ();
  gint64 id = make_programme_with_workspace (a);
  g_autofree char *bundle = pw_bundle_export (a, id, PW_BUNDLE_WITH_DIARIES, &error);
  g_autoptr(GString) old = g_string_new (bundle);
  g_autoptr(GPtrArray) pairs = NULL;
  g_autoptr(GListModel) diary = NULL;
  g_autoptr(PwDiaryEntry) entry = NULL;
  gint64 imported;

  g_assert_cmpuint (g_string_replace (old, "\"version\" : 3", "\"version\" : 2", 1), ==, 1);
  g_assert_cmpuint (g_string_replace (old, "\"meeting\" : null", "\"meeting_id\" : 7", 1), ==, 1);
  imported = pw_bundle_import (b, old->str, -1, "old.json", &error);
  g_assert_no_error (error);
  pairs = pw_pairs_list (b, imported, TRUE, &error);
  diary = pw_diary_list (b, ((PwPair *)g_ptr_array_index (pairs, 0))->id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (diary), ==, 1);
  entry = g_list_model_get_item (diary, 0);
  g_assert_cmpint (pw_diary_entry_get_meeting_id (entry), ==, 0);
  g_assert_cmpstr (pw_diary_entry_get_topics (entry), ==, DIARY_SECRET);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bundle/round-trip", test_round_trip);
  g_test_add_func ("/bundle/sensitive-only-when-asked", test_sensitive_only_when_asked);
  g_test_add_func ("/bundle/refusals", test_refusals);
  g_test_add_func ("/bundle/same-programme-twice", test_same_programme_twice);
  g_test_add_func ("/bundle/private-file", test_private_file);
  g_test_add_func ("/bundle/workspace-round-trip", test_workspace_round_trip);
  g_test_add_func ("/bundle/workspace-refusals", test_workspace_refusals);
  g_test_add_func ("/bundle/everything-round-trip", test_everything_round_trip);
  g_test_add_func ("/bundle/tables-refusals", test_tables_refusals);
  g_test_add_func ("/bundle/version-2-diary", test_version_2_diary);

  return g_test_run ();
}
