/* test-person.c — the person model: fields, validation, JSON
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pw-enums.h"
#include "pw-person-private.h"
#include "pw-programme-repo.h"
#include "pw-person-repo.h"

static void
test_fields_as_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwPerson) p = pw_person_new ("Amara Okafor", "amara.okafor@example.org");
  g_autofree char *contact = NULL;
  g_autofree char *topics = NULL;
  g_autofree char *role = NULL;

  g_assert_true (pw_person_set_field (p, "Job_Title", "  Repairs apprentice ", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (pw_person_get_job_title (p), ==, "Repairs apprentice");

  g_assert_true (pw_person_set_field (p, "preferred-contact", "Video, in person", &error));
  contact = pw_person_get_field (p, "preferred_contact");
  g_assert_cmpstr (contact, ==, "in-person, video");

  g_assert_true (pw_person_set_field (p, "topics-offered", "Social media; TikTok, AI tools", &error));
  g_assert_cmpstr (pw_person_get_topics_offered (p)[0], ==, "Social media");
  g_assert_cmpstr (pw_person_get_topics_offered (p)[2], ==, "AI tools");
  topics = pw_person_get_field (p, "topics-offered");
  g_assert_cmpstr (topics, ==, "Social media, TikTok, AI tools");

  g_assert_true (pw_person_set_field (p, "role-wanted", "Mentor", &error));
  g_assert_cmpint (pw_person_get_role_wanted (p), ==, PW_ROLE_MENTOR);
  role = pw_person_get_field (p, "role-wanted");
  g_assert_cmpstr (role, ==, "mentor");

  g_assert_true (pw_person_set_field (p, "capacity", "", &error));
  g_assert_cmpint (pw_person_get_capacity (p), ==, 1);
  g_assert_true (pw_person_set_field (p, "hours-per-month", "4", &error));
  g_assert_cmpint (pw_person_get_hours_per_month (p), ==, 4);

  g_assert_true (pw_person_set_field (p, "strengths", "Patient.\nGood with people.", &error));
  g_assert_cmpstr (pw_person_get_text (p, PW_PERSON_FIELD_STRENGTHS), ==, "Patient.\nGood with people.");
}

static void
test_refusals (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwPerson) p = pw_person_new ("Ben", "ben@example.org");

  g_assert_false (pw_person_set_field (p, "email", "ben@", &error));
  g_assert_error (error, PW_PERSON_ERROR, PW_PERSON_ERROR_EMAIL_INVALID);
  g_assert_cmpstr (error->message, ==, "“ben@” is not an email address: write it as name@example.org.");
  g_clear_error (&error);
  g_assert_cmpstr (pw_person_get_email (p), ==, "ben@example.org");

  g_assert_false (pw_person_set_field (p, "email", "", &error));
  g_assert_error (error, PW_PERSON_ERROR, PW_PERSON_ERROR_EMAIL_REQUIRED);
  g_clear_error (&error);

  g_assert_false (pw_person_set_field (p, "name", "  ", &error));
  g_assert_error (error, PW_PERSON_ERROR, PW_PERSON_ERROR_NAME_REQUIRED);
  g_clear_error (&error);

  g_assert_false (pw_person_set_field (p, "org-start", "31/01/2020", &error));
  g_assert_error (error, PW_PERSON_ERROR, PW_PERSON_ERROR_INVALID_DATE);
  g_clear_error (&error);

  g_assert_false (pw_person_set_field (p, "capacity", "lots", &error));
  g_assert_error (error, PW_PERSON_ERROR, PW_PERSON_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_false (pw_person_set_field (p, "role-wanted", "boss", &error));
  g_assert_error (error, PW_PERSON_ERROR, PW_PERSON_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_false (pw_person_set_field (p, "preferred-contact", "pigeon", &error));
  g_assert_error (error, PW_PERSON_ERROR, PW_PERSON_ERROR_INVALID_VALUE);
  g_clear_error (&error);

  g_assert_false (pw_person_set_field (p, "shoe-size", "9", &error));
  g_assert_error (error, PW_PERSON_ERROR, PW_PERSON_ERROR_UNKNOWN_FIELD);
  g_clear_error (&error);

  g_assert_true (pw_person_check_email ("o'connor.siobhan@example.ie", NULL));
  g_assert_false (pw_person_check_email ("two@@example.org", NULL));
  g_assert_false (pw_person_check_email ("no-dot@example", NULL));
  g_assert_false (pw_person_check_email ("with space@example.org", NULL));
}

static void
test_search_key (void)
{
  g_autoptr(PwPerson) p = pw_person_new ("Zoë Lefèvre", "zoe@example.org");

  pw_person_set_field (p, "department", "Digital and Data", NULL);
  g_assert_nonnull (strstr (pw_person_get_search_key (p), "zoë lefèvre"));
  g_assert_nonnull (strstr (pw_person_get_search_key (p), "digital and data"));
  pw_person_set_field (p, "job-title", "Data ANALYST", NULL);
  g_assert_nonnull (strstr (pw_person_get_search_key (p), "data analyst"));
}

static void
test_json_sensitive (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwPerson) p = pw_person_new ("Dev Patel", "dev.patel@example.org");
  g_autoptr(JsonNode) open_form = NULL;
  g_autoptr(JsonNode) full = NULL;
  g_autoptr(PwPerson) back = NULL;
  g_autoptr(JsonNode) again = NULL;

  pw_person_set_field (p, "gender", "Man", NULL);
  pw_person_set_field (p, "age-band", "25-34", NULL);
  pw_person_set_field (p, "topics-wanted", "Data, AI", NULL);
  pw_person_set_field (p, "passions", "Cricket =SUM(A1)\n<b>bold</b> & more", NULL);

  open_form = pw_person_to_json (p, FALSE);
  g_assert_false (json_object_has_member (json_node_get_object (open_form), "gender"));
  g_assert_false (json_object_has_member (json_node_get_object (open_form), "age_band"));

  full = pw_person_to_json (p, TRUE);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (full), "gender"), ==, "Man");

  back = pw_person_new_from_json (full, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_person_get_uuid (back), ==, pw_person_get_uuid (p));
  again = pw_person_to_json (back, TRUE);
  g_assert_true (json_node_equal (full, again));
}

static void
test_repo_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = pw_store_open (":memory:", &error);
  g_autoptr(PwProgramme) programme = pw_programme_new ("P");
  g_autoptr(PwPerson) boss = pw_person_new ("Helen Marsh", "helen.marsh@example.org");
  g_autoptr(PwPerson) p = pw_person_new ("Amara Okafor", "amara.okafor@example.org");
  g_autoptr(PwPerson) back = NULL;
  g_autoptr(PwPerson) by_email = NULL;
  g_autoptr(PwPerson) dup = pw_person_new ("Someone Else", "AMARA.OKAFOR@example.org");
  g_autoptr(GListModel) enrolled = NULL;
  g_autoptr(GListModel) all = NULL;
  const char *grades[] = { "Band 1", "Band 2", "Band 3", NULL };
  g_auto(GStrv) scale = NULL;

  g_assert_no_error (error);
  g_assert_true (pw_programme_repo_insert (store, programme, &error));
  g_assert_true (pw_grade_scale_set (store, grades, &error));
  g_assert_no_error (error);

  g_assert_true (pw_person_repo_insert (store, boss, &error));
  pw_person_set_field (p, "grade", "Band 2", NULL);
  pw_person_set_field (p, "topics-offered", "TikTok, \"quoted\" topic", NULL);
  pw_person_set_field (p, "preferred-contact", "video", NULL);
  pw_person_set_field (p, "role-wanted", "mentor", NULL);
  pw_person_set_manager_id (p, pw_person_get_id (boss));
  g_assert_true (pw_person_repo_insert (store, p, &error));
  g_assert_no_error (error);

  back = pw_person_repo_get (store, pw_person_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_person_get_grade (back), ==, "Band 2");
  g_assert_cmpint (pw_person_get_manager_id (back), ==, pw_person_get_id (boss));
  g_assert_cmpstr (pw_person_get_topics_offered (back)[1], ==, "\"quoted\" topic");
  g_assert_cmpint (pw_person_get_role_wanted (back), ==, PW_ROLE_MENTOR);
  g_assert_cmpint (pw_person_get_number (back, PW_PERSON_FIELD_PREFERRED_CONTACT), ==, PW_CONTACT_VIDEO);

  by_email = pw_person_repo_find_by_email (store, " Amara.Okafor@EXAMPLE.org ", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_person_get_id (by_email), ==, pw_person_get_id (p));

  /* Email is unique without regard to case. */
  g_assert_false (pw_person_repo_insert (store, dup, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_CONSTRAINT);
  g_assert_nonnull (strstr (error->message, "already has the email address"));
  g_clear_error (&error);

  /* An unknown grade is refused with words. */
  pw_person_set_field (back, "grade", "Band 12", NULL);
  g_assert_false (pw_person_repo_update (store, back, &error));
  g_assert_nonnull (strstr (error->message, "not on the organization’s grade scale"));
  g_clear_error (&error);

  g_assert_true (pw_person_repo_enrol (store, pw_programme_get_id (programme), pw_person_get_id (p), &error));
  g_assert_true (pw_person_repo_enrol (store, pw_programme_get_id (programme), pw_person_get_id (p), &error));
  g_assert_true (pw_person_repo_is_enrolled (store, pw_programme_get_id (programme), pw_person_get_id (p)));
  enrolled = pw_person_repo_list_enrolled (store, pw_programme_get_id (programme), &error);
  g_assert_cmpuint (g_list_model_get_n_items (enrolled), ==, 1);
  all = pw_person_repo_list_all (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (all), ==, 2);

  /* Renaming a grade keeps its holders; removing one leaves them without. */
  {
    const char *renamed[] = { "Band 1", "BAND 2", NULL };
    const char *shorter[] = { "Band 1", NULL };
    g_autoptr(PwPerson) r1 = NULL;
    g_autoptr(PwPerson) r2 = NULL;

    g_assert_true (pw_grade_scale_set (store, renamed, &error));
    g_assert_no_error (error);
    r1 = pw_person_repo_get (store, pw_person_get_id (p), &error);
    g_assert_cmpstr (pw_person_get_grade (r1), ==, "BAND 2");
    g_assert_cmpint (pw_grade_scale_position (store, "band 2"), ==, 1);

    g_assert_true (pw_grade_scale_set (store, shorter, &error));
    r2 = pw_person_repo_get (store, pw_person_get_id (p), &error);
    g_assert_cmpstr (pw_person_get_grade (r2), ==, "");
    scale = pw_grade_scale_get (store, &error);
    g_assert_cmpuint (g_strv_length (scale), ==, 1);
  }

  /* Deleting the manager leaves the report without one. */
  g_assert_true (pw_person_repo_delete (store, pw_person_get_id (boss), &error));
  {
    g_autoptr(PwPerson) orphan = pw_person_repo_get (store, pw_person_get_id (p), &error);
    g_assert_cmpint (pw_person_get_manager_id (orphan), ==, 0);
  }
}

static void
test_grade_and_topic_lists (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = pw_store_open (":memory:", &error);
  g_autoptr(PwProgramme) programme = pw_programme_new ("P");
  const char *dup[] = { "Band 1", "band 1", NULL };
  const char *topics[] = { "Social media", "Technology", NULL };
  g_auto(GStrv) back = NULL;

  g_assert_false (pw_grade_scale_set (store, dup, &error));
  g_assert_nonnull (strstr (error->message, "appears twice"));
  g_clear_error (&error);

  g_assert_true (pw_programme_repo_insert (store, programme, &error));
  g_assert_true (pw_programme_topics_set (store, pw_programme_get_id (programme), topics, &error));
  back = pw_programme_topics_get (store, pw_programme_get_id (programme), &error);
  g_assert_true (g_strv_equal ((const char * const *)back, topics));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/person/fields-as-text", test_fields_as_text);
  g_test_add_func ("/person/refusals", test_refusals);
  g_test_add_func ("/person/search-key", test_search_key);
  g_test_add_func ("/person/json-sensitive", test_json_sensitive);
  g_test_add_func ("/person/repo-round-trip", test_repo_round_trip);
  g_test_add_func ("/person/grade-and-topic-lists", test_grade_and_topic_lists);

  return g_test_run ();
}
