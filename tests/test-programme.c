/* test-programme.c — the programme object: defaults, validation, notify, JSON
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pw-enums.h"
#include "pw-programme.h"

static void
test_defaults (void)
{
  g_autoptr(PwProgramme) p = pw_programme_new ("Thinking Partners");
  g_autofree char *today = pw_date_today ();
  g_autofree char *year_later = pw_date_add_months (today, 12);

  g_assert_cmpstr (pw_programme_get_name (p), ==, "Thinking Partners");
  g_assert_cmpint (pw_programme_get_kind (p), ==, PW_PROGRAMME_KIND_REVERSE);
  g_assert_cmpstr (pw_programme_get_start_date (p), ==, today);
  g_assert_cmpstr (pw_programme_get_end_date (p), ==, year_later);
  g_assert_cmpint (pw_programme_get_meetings_per_month (p), ==, 1);
  g_assert_cmpint (pw_programme_get_meeting_minutes (p), ==, 45);
  g_assert_cmpint (pw_programme_get_min_discussions (p), ==, 12);
  g_assert_cmpint (pw_programme_get_discussion_minutes (p), ==, 30);
  g_assert_cmpint (pw_programme_get_first_contact_days (p), ==, 14);
  g_assert_cmpint (pw_programme_get_contact_forms (p), ==, PW_CONTACT_ALL);
  g_assert_true (g_uuid_string_is_valid (pw_programme_get_uuid (p)));
  g_assert_nonnull (pw_programme_get_goals (p));
  g_assert_null (pw_programme_get_goals (p)[0]);
  g_assert_true (pw_programme_validate (p, NULL));
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *count)
{
  (*count)++;
}

static void
test_notify_only_on_change (void)
{
  g_autoptr(PwProgramme) p = pw_programme_new ("A");
  const char *goals[] = { "Build digital confidence", NULL };
  guint count = 0;

  g_signal_connect (p, "notify", G_CALLBACK (count_notify_cb), &count);

  pw_programme_set_name (p, "A");
  pw_programme_set_meeting_minutes (p, 45);
  g_assert_cmpuint (count, ==, 0);

  pw_programme_set_name (p, "B");
  pw_programme_set_meeting_minutes (p, 60);
  pw_programme_set_goals (p, goals);
  g_assert_cmpuint (count, ==, 3);

  pw_programme_set_goals (p, goals);
  g_object_set (p, "name", "B", NULL);
  g_assert_cmpuint (count, ==, 3);
}

static void
test_validation_messages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwProgramme) p = pw_programme_new ("Valid");

  g_assert_false (pw_programme_check_name ("   ", &error));
  g_assert_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_NAME_REQUIRED);
  g_assert_cmpstr (error->message, ==, "Name is empty: every program needs a name.");
  g_clear_error (&error);

  g_assert_false (pw_programme_check_dates ("2026-09-01", "2026-09-01", &error));
  g_assert_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_END_BEFORE_START);
  g_assert_cmpstr (error->message, ==,
                   "End date 2026-09-01 is not after the start date 2026-09-01: choose a later end date.");
  g_clear_error (&error);

  g_assert_false (pw_programme_check_dates ("2026-09-01", "2026-02-30", &error));
  g_assert_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_INVALID_DATE);
  g_assert_cmpstr (error->message, ==,
                   "End date “2026-02-30” is not a date: write it as YYYY-MM-DD, for example 2026-09-01.");
  g_clear_error (&error);

  g_assert_true (pw_programme_check_meetings_per_month (1, NULL));
  g_assert_true (pw_programme_check_meetings_per_month (8, NULL));
  g_assert_false (pw_programme_check_meetings_per_month (0, NULL));
  g_assert_false (pw_programme_check_meetings_per_month (9, &error));
  g_assert_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_MEETINGS_PER_MONTH);
  g_assert_cmpstr (error->message, ==, "Meetings a month must be between 1 and 8, not 9.");
  g_clear_error (&error);

  g_assert_true (pw_programme_check_meeting_minutes (15, NULL));
  g_assert_true (pw_programme_check_meeting_minutes (240, NULL));
  g_assert_false (pw_programme_check_meeting_minutes (14, NULL));
  g_assert_false (pw_programme_check_meeting_minutes (241, &error));
  g_assert_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_MEETING_MINUTES);
  g_assert_cmpstr (error->message, ==, "Meeting length must be between 15 and 240 minutes, not 241.");
  g_clear_error (&error);

  /* The whole object: an end before the start fails validate(). */
  pw_programme_set_start_date (p, "2027-01-01");
  pw_programme_set_end_date (p, "2026-01-01");
  g_assert_false (pw_programme_validate (p, &error));
  g_assert_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_END_BEFORE_START);
}

static void
test_set_field_from_string (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwProgramme) p = pw_programme_new ("Fields");

  g_assert_true (pw_programme_set_field_from_string (p, "kind", "peer", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pw_programme_get_kind (p), ==, PW_PROGRAMME_KIND_PEER);

  g_assert_true (pw_programme_set_field_from_string (p, "purposes", "digital-skills, culture", &error));
  g_assert_cmpint (pw_programme_get_purposes (p), ==, PW_PURPOSE_DIGITAL_SKILLS | PW_PURPOSE_CULTURE);

  g_assert_true (pw_programme_set_field_from_string (p, "contact_forms", "video", &error));
  g_assert_cmpint (pw_programme_get_contact_forms (p), ==, PW_CONTACT_VIDEO);

  g_assert_true (pw_programme_set_field_from_string (p, "goals", "One\n\n  Two  \n", &error));
  g_assert_cmpstr (pw_programme_get_goals (p)[0], ==, "One");
  g_assert_cmpstr (pw_programme_get_goals (p)[1], ==, "Two");
  g_assert_null (pw_programme_get_goals (p)[2]);

  g_assert_true (pw_programme_set_field_from_string (p, "sensitive-enabled", "yes", &error));
  g_assert_true (pw_programme_get_sensitive_enabled (p));

  /* Refusals leave the value alone. */
  g_assert_false (pw_programme_set_field_from_string (p, "meeting-minutes", "300", &error));
  g_assert_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_MEETING_MINUTES);
  g_clear_error (&error);
  g_assert_cmpint (pw_programme_get_meeting_minutes (p), ==, 45);

  g_assert_false (pw_programme_set_field_from_string (p, "meetings-per-month", "lots", &error));
  g_assert_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_MEETINGS_PER_MONTH);
  g_clear_error (&error);

  g_assert_false (pw_programme_set_field_from_string (p, "kind", "sideways", &error));
  g_assert_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_INVALID_VALUE);
  g_assert_nonnull (strstr (error->message, "reverse, traditional, peer"));
  g_clear_error (&error);
  g_assert_cmpint (pw_programme_get_kind (p), ==, PW_PROGRAMME_KIND_PEER);

  g_assert_false (pw_programme_set_field_from_string (p, "expected-demand", "-3", &error));
  g_assert_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);

  g_assert_false (pw_programme_set_field_from_string (p, "colour", "blue", &error));
  g_assert_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_UNKNOWN_FIELD);
  g_clear_error (&error);

  g_assert_false (pw_programme_set_field_from_string (p, "name", "", &error));
  g_assert_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_NAME_REQUIRED);
  g_assert_cmpstr (pw_programme_get_name (p), ==, "Fields");
}

static void
test_json_round_trip (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwProgramme) p = pw_programme_new ("Round “trip”, with <markup> & \"quotes\"");
  g_autoptr(PwProgramme) back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) node2 = NULL;
  const char *goals[] = { "Goal one", "Goal, two; with = signs", NULL };

  pw_programme_set_kind (p, PW_PROGRAMME_KIND_TRADITIONAL);
  pw_programme_set_purposes (p, PW_PURPOSE_RETENTION | PW_PURPOSE_INNOVATION);
  pw_programme_set_scope (p, PW_SCOPE_FUTURE_GOAL);
  pw_programme_set_goals (p, goals);
  pw_programme_set_code_of_conduct (p, "Line one\nLine two");
  pw_programme_set_start_date (p, "2028-02-29");
  pw_programme_set_end_date (p, "2029-02-28");
  pw_programme_set_protected_hours (p, 3);

  node = pw_programme_to_json (p);
  back = pw_programme_new_from_json (node, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);

  g_assert_cmpstr (pw_programme_get_uuid (back), ==, pw_programme_get_uuid (p));
  g_assert_cmpstr (pw_programme_get_name (back), ==, pw_programme_get_name (p));
  g_assert_cmpint (pw_programme_get_purposes (back), ==, PW_PURPOSE_RETENTION | PW_PURPOSE_INNOVATION);
  g_assert_true (g_strv_equal (pw_programme_get_goals (back), goals));
  g_assert_cmpstr (pw_programme_get_code_of_conduct (back), ==, "Line one\nLine two");

  node2 = pw_programme_to_json (back);
  g_assert_true (json_node_equal (node, node2));
}

static void
test_json_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = json_from_string ("{\"name\": \"X\", \"meeting_minutes\": 500}", NULL);
  g_autoptr(JsonNode) node2 = json_from_string ("{\"name\": \"X\", \"colour\": 1}", NULL);
  PwProgramme *p;

  p = pw_programme_new_from_json (node, &error);
  g_assert_null (p);
  g_assert_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_MEETING_MINUTES);
  g_assert_true (g_str_has_prefix (error->message, "programme.meeting_minutes: "));
  g_clear_error (&error);

  p = pw_programme_new_from_json (node2, &error);
  g_assert_null (p);
  g_assert_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_UNKNOWN_FIELD);
}

static void
test_dates (void)
{
  g_autofree char *a = pw_date_add_months ("2027-01-31", 1);
  g_autofree char *b = pw_date_add_months ("2028-02-29", 12);
  g_autoptr(GDate) bad = pw_date_parse ("2026-1-5");

  g_assert_cmpstr (a, ==, "2027-02-28");
  g_assert_cmpstr (b, ==, "2029-02-28");
  g_assert_null (bad);
}

static void
test_copy_setup (void)
{
  g_autoptr(PwProgramme) p = pw_programme_new ("Original");
  g_autoptr(PwProgramme) copy = NULL;

  pw_programme_set_id (p, 42);
  pw_programme_set_concerns (p, "Tell the coordinator.");
  pw_programme_set_meetings_per_month (p, 2);
  copy = pw_programme_copy_setup (p);

  g_assert_cmpint (pw_programme_get_id (copy), ==, 0);
  g_assert_cmpstr (pw_programme_get_uuid (copy), !=, pw_programme_get_uuid (p));
  g_assert_cmpstr (pw_programme_get_concerns (copy), ==, "Tell the coordinator.");
  g_assert_cmpint (pw_programme_get_meetings_per_month (copy), ==, 2);
  g_assert_finalize_object (g_steal_pointer (&copy));
}

static void
test_precondition (void)
{
  g_autoptr(PwProgramme) p = pw_programme_new ("Guarded");

  if (g_test_subprocess ())
    {
      pw_programme_set_meetings_per_month (p, 20);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/programme/defaults", test_defaults);
  g_test_add_func ("/programme/notify-only-on-change", test_notify_only_on_change);
  g_test_add_func ("/programme/validation-messages", test_validation_messages);
  g_test_add_func ("/programme/set-field-from-string", test_set_field_from_string);
  g_test_add_func ("/programme/json-round-trip", test_json_round_trip);
  g_test_add_func ("/programme/json-bad-input", test_json_bad_input);
  g_test_add_func ("/programme/dates", test_dates);
  g_test_add_func ("/programme/copy-setup", test_copy_setup);
  g_test_add_func ("/programme/precondition", test_precondition);

  return g_test_run ();
}
