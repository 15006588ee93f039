/* test-eligibility.c — rules, their boundaries, groups, overrides, presets
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pw-eligibility.h"
#include "pw-person-private.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"

static const char *scale[] = {
  "Band 1", "Band 2", "Band 3", "Band 4", "Band 5", "Band 6", "Band 7", "Band 8", "Band 9", NULL
};

#define TODAY "2026-11-23"

static PwPerson *
person (const char *grade)
{
  PwPerson *p = pw_person_new ("Test Person", "test@example.org");

  if (grade != NULL)
    pw_person_set_field (p, "grade", grade, NULL);
  return p;
}

static PwEligibility *
with_rule (PwRuleSet   set,
           const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwRule) rule = pw_rule_parse (set, text, &error);
  PwEligibility *e = pw_eligibility_new ((GStrv)scale, FALSE, TODAY);

  g_assert_no_error (error);
  pw_eligibility_add_rule (e, rule);
  return e;
}

/* Evaluates @p against one rule; returns the first reason (or NULL). */
static char *
verdict_for (PwEligibility *e,
             PwRuleSet      set,
             PwPerson      *p)
{
  PwVerdict v = { 0 };
  GPtrArray *reasons;
  gboolean ok;
  char *reason = NULL;

  pw_eligibility_evaluate (e, p, &v);
  ok = set == PW_RULE_SET_MENTEE ? v.mentee : v.mentor;
  reasons = set == PW_RULE_SET_MENTEE ? v.mentee_reasons : v.mentor_reasons;
  if (!ok)
    {
      g_assert_cmpuint (reasons->len, >, 0);
      reason = g_strdup (g_ptr_array_index (reasons, 0));
    }
  pw_verdict_clear (&v);
  return reason;
}

static void
test_grade_boundaries (void)
{
  PwEligibility *e = with_rule (PW_RULE_SET_MENTEE, "grade at-least Band 6");
  g_autoptr(PwPerson) equal = person ("Band 6");
  g_autoptr(PwPerson) below = person ("Band 3");
  g_autoptr(PwPerson) above = person ("band 9");
  g_autoptr(PwPerson) none = person (NULL);
  g_autofree char *r_equal = verdict_for (e, PW_RULE_SET_MENTEE, equal);
  g_autofree char *r_below = verdict_for (e, PW_RULE_SET_MENTEE, below);
  g_autofree char *r_above = verdict_for (e, PW_RULE_SET_MENTEE, above);
  g_autofree char *r_none = verdict_for (e, PW_RULE_SET_MENTEE, none);

  g_assert_null (r_equal);
  g_assert_cmpstr (r_below, ==, "grade Band 3 is below the mentee minimum, Band 6");
  g_assert_null (r_above);
  g_assert_cmpstr (r_none, ==, "grade not given");
  pw_eligibility_free (e);

  e = with_rule (PW_RULE_SET_MENTOR, "grade at-most Band 4");
  {
    g_autoptr(PwPerson) at = person ("Band 4");
    g_autoptr(PwPerson) over = person ("Band 5");
    g_autofree char *r_at = verdict_for (e, PW_RULE_SET_MENTOR, at);
    g_autofree char *r_over = verdict_for (e, PW_RULE_SET_MENTOR, over);

    g_assert_null (r_at);
    g_assert_cmpstr (r_over, ==, "grade Band 5 is above the mentor maximum, Band 4");
  }
  pw_eligibility_free (e);

  e = with_rule (PW_RULE_SET_MENTEE, "grade between Band 3..Band 5");
  {
    g_autoptr(PwPerson) lo = person ("Band 3");
    g_autoptr(PwPerson) hi = person ("Band 5");
    g_autoptr(PwPerson) out = person ("Band 6");
    g_autofree char *r_lo = verdict_for (e, PW_RULE_SET_MENTEE, lo);
    g_autofree char *r_hi = verdict_for (e, PW_RULE_SET_MENTEE, hi);
    g_autofree char *r_out = verdict_for (e, PW_RULE_SET_MENTEE, out);

    g_assert_null (r_lo);
    g_assert_null (r_hi);
    g_assert_cmpstr (r_out, ==, "grade Band 6 is above the mentee maximum, Band 5");
  }
  pw_eligibility_free (e);
}

static void
test_contradictions (void)
{
  g_autoptr(GError) error = NULL;
  PwEligibility *e = with_rule (PW_RULE_SET_MENTEE, "grade between Band 7..Band 3");
  g_autoptr(PwPerson) p = person ("Band 5");
  g_autofree char *reason = verdict_for (e, PW_RULE_SET_MENTEE, p);
  g_autoptr(PwRule) hi = NULL;
  g_autoptr(PwRule) lo = NULL;

  g_assert_cmpstr (pw_eligibility_rule_problem (e, 0), ==, "the minimum, Band 7, is above the maximum, Band 3");
  g_assert_cmpstr (reason, ==,
                   "the rule “grade between Band 7 and Band 3” admits nobody: "
                   "the minimum, Band 7, is above the maximum, Band 3");
  pw_eligibility_free (e);

  /* Two rules that cannot both hold are flagged on each. */
  e = pw_eligibility_new ((GStrv)scale, FALSE, TODAY);
  lo = pw_rule_parse (PW_RULE_SET_MENTOR, "org-months at-least 24", &error);
  hi = pw_rule_parse (PW_RULE_SET_MENTOR, "org-months at-most 12", &error);
  pw_eligibility_add_rule (e, lo);
  pw_eligibility_add_rule (e, hi);
  g_assert_nonnull (pw_eligibility_rule_problem (e, 0));
  g_assert_nonnull (pw_eligibility_rule_problem (e, 1));
  g_assert_nonnull (strstr (pw_eligibility_rule_problem (e, 1), "cannot both hold"));
  pw_eligibility_free (e);
}

static void
test_months_boundaries (void)
{
  PwEligibility *e = with_rule (PW_RULE_SET_MENTOR, "org-months at-least 12");
  g_autoptr(PwPerson) exact = person ("Band 2");
  g_autoptr(PwPerson) short_of = person ("Band 2");
  g_autoptr(PwPerson) missing = person ("Band 2");
  g_autofree char *r_exact = NULL;
  g_autofree char *r_short = NULL;
  g_autofree char *r_missing = NULL;

  pw_person_set_field (exact, "org-start", "2025-11-23", NULL);     /* exactly 12 months */
  pw_person_set_field (short_of, "org-start", "2025-11-24", NULL);  /* a day short */
  r_exact = verdict_for (e, PW_RULE_SET_MENTOR, exact);
  r_short = verdict_for (e, PW_RULE_SET_MENTOR, short_of);
  r_missing = verdict_for (e, PW_RULE_SET_MENTOR, missing);

  g_assert_null (r_exact);
  g_assert_cmpstr (r_short, ==, "11 months with the organization, fewer than the 12 required");
  g_assert_cmpstr (r_missing, ==, "date joined the organization not given");
  pw_eligibility_free (e);

  e = with_rule (PW_RULE_SET_MENTEE, "role-months at-most 6");
  {
    g_autoptr(PwPerson) six = person ("Band 8");
    g_autoptr(PwPerson) seven = person ("Band 8");
    g_autofree char *r6 = NULL;
    g_autofree char *r7 = NULL;

    pw_person_set_field (six, "role-start", "2026-05-23", NULL);
    pw_person_set_field (seven, "role-start", "2026-04-23", NULL);
    r6 = verdict_for (e, PW_RULE_SET_MENTEE, six);
    r7 = verdict_for (e, PW_RULE_SET_MENTEE, seven);
    g_assert_null (r6);
    g_assert_cmpstr (r7, ==, "7 months in the role, more than the 6 allowed");
  }
  pw_eligibility_free (e);
}

static void
test_department_role_topics_hours_answered (void)
{
  g_autoptr(PwPerson) p = person ("Band 2");
  PwEligibility *e;

  pw_person_set_field (p, "department", "Finance", NULL);
  pw_person_set_field (p, "role-wanted", "mentor", NULL);
  pw_person_set_field (p, "topics-offered", "Social media, AI tools", NULL);
  pw_person_set_field (p, "hours-per-month", "3", NULL);

#define EXPECT(set, rule_text, expected)                              \
  G_STMT_START {                                                      \
    g_autofree char *r = NULL;                                        \
    e = with_rule (set, rule_text);                                   \
    r = verdict_for (e, set, p);                                      \
    g_assert_cmpstr (r, ==, expected);                                \
    pw_eligibility_free (e);                                          \
  } G_STMT_END

  EXPECT (PW_RULE_SET_MENTOR, "department in Finance, Digital", NULL);
  EXPECT (PW_RULE_SET_MENTOR, "department in Repairs, Digital", "department Finance is not one of Repairs, Digital");
  EXPECT (PW_RULE_SET_MENTOR, "department not-in Finance", "department Finance is excluded for a mentor");
  EXPECT (PW_RULE_SET_MENTOR, "role-wanted in mentor,either", NULL);
  EXPECT (PW_RULE_SET_MENTEE, "role-wanted in mentee,either", "wants to be “mentor”, not mentee, either");
  EXPECT (PW_RULE_SET_MENTOR, "topics-offered any AI tools, Data", NULL);
  EXPECT (PW_RULE_SET_MENTOR, "topics-offered all AI tools, Data", "does not offer Data");
  EXPECT (PW_RULE_SET_MENTOR, "topics-offered any Data, Finance", "offers none of Data, Finance");
  EXPECT (PW_RULE_SET_MENTEE, "topics-wanted any Data", "wants none of Data");
  EXPECT (PW_RULE_SET_MENTOR, "hours at-least 3", NULL);
  EXPECT (PW_RULE_SET_MENTOR, "hours at-least 4", "3 hours a month available, fewer than the 4 required");
  EXPECT (PW_RULE_SET_MENTOR, "answered strengths", "“Strengths” not answered");
  EXPECT (PW_RULE_SET_MENTOR, "staff-group in Front line", "staff group not given");
  pw_person_set_field (p, "staff-group", "Professional and support", NULL);
  EXPECT (PW_RULE_SET_MENTOR, "staff-group in Front line, Professional and support", NULL);
  EXPECT (PW_RULE_SET_MENTOR, "staff-group not-in Professional and support",
          "staff group Professional and support is excluded for a mentor");
#undef EXPECT
}

static void
test_any_of_group (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwRule) a = pw_rule_parse (PW_RULE_SET_MENTOR, "department in Digital", &error);
  g_autoptr(PwRule) b = pw_rule_parse (PW_RULE_SET_MENTOR, "topics-offered any Social media", &error);
  g_autoptr(PwPerson) neither = person ("Band 2");
  g_autoptr(PwPerson) one = person ("Band 2");
  PwEligibility *e = pw_eligibility_new ((GStrv)scale, FALSE, TODAY);
  g_autofree char *r_neither = NULL;
  g_autofree char *r_one = NULL;

  a->group = b->group = 1;
  pw_eligibility_add_rule (e, a);
  pw_eligibility_add_rule (e, b);
  pw_person_set_field (neither, "department", "Finance", NULL);
  pw_person_set_field (one, "department", "Finance", NULL);
  pw_person_set_field (one, "topics-offered", "Social media", NULL);

  r_neither = verdict_for (e, PW_RULE_SET_MENTOR, neither);
  r_one = verdict_for (e, PW_RULE_SET_MENTOR, one);
  g_assert_cmpstr (r_neither, ==,
                   "none of these holds: department Finance is not one of Digital; "
                   "offers none of Social media");
  g_assert_null (r_one);
  pw_eligibility_free (e);
}

static void
test_characteristic_needs_sensitive (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwRule) rule = pw_rule_parse (PW_RULE_SET_MENTEE, "characteristic gender Woman,Non-binary", &error);
  g_autoptr(PwRule) target = pw_rule_parse (PW_RULE_SET_MENTEE, "characteristic target-group Women in leadership", &error);
  g_autoptr(PwPerson) p = person ("Band 7");
  PwEligibility *off = pw_eligibility_new ((GStrv)scale, FALSE, TODAY);
  PwEligibility *on = pw_eligibility_new ((GStrv)scale, TRUE, TODAY);
  g_autofree char *r_off = NULL;
  g_autofree char *r_on = NULL;

  g_assert_no_error (error);
  pw_person_set_field (p, "gender", "Woman", NULL);
  pw_eligibility_add_rule (off, rule);
  pw_eligibility_add_rule (on, rule);
  r_off = verdict_for (off, PW_RULE_SET_MENTEE, p);
  r_on = verdict_for (on, PW_RULE_SET_MENTEE, p);
  g_assert_nonnull (strstr (r_off, "sensitive characteristics are off"));
  g_assert_null (r_on);
  pw_eligibility_free (off);
  pw_eligibility_free (on);

  /* The positive-action target group is a sensitive characteristic too. */
  g_assert_nonnull (target);
  on = pw_eligibility_new ((GStrv)scale, TRUE, TODAY);
  pw_eligibility_add_rule (on, target);
  {
    g_autofree char *r_missing = verdict_for (on, PW_RULE_SET_MENTEE, p);
    g_autofree char *r_in = NULL;

    g_assert_cmpstr (r_missing, ==, "Positive-action target group not given");
    pw_person_set_field (p, "target-group", "Women in leadership", NULL);
    r_in = verdict_for (on, PW_RULE_SET_MENTEE, p);
    g_assert_null (r_in);
  }
  pw_eligibility_free (on);
}

static void
test_parse_errors (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (pw_rule_parse (PW_RULE_SET_MENTEE, "shoe-size at-least 9", &error));
  g_assert_error (error, PW_ELIGIBILITY_ERROR, PW_ELIGIBILITY_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (pw_rule_parse (PW_RULE_SET_MENTEE, "grade between Band 2", &error));
  g_assert_nonnull (strstr (error->message, "LOW..HIGH"));
  g_clear_error (&error);
  g_assert_null (pw_rule_parse (PW_RULE_SET_MENTEE, "hours at-most 3", &error));
  g_clear_error (&error);
  g_assert_null (pw_rule_parse (PW_RULE_SET_MENTEE, "answered shoe-size", &error));
}

static void
test_store_overrides_and_preset (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = pw_store_open (":memory:", &error);
  g_autoptr(PwProgramme) programme = pw_programme_new ("Reverse");
  g_autoptr(PwPerson) junior = pw_person_new ("Junior", "junior@example.org");
  g_autoptr(PwPerson) senior = pw_person_new ("Senior", "senior@example.org");
  g_autoptr(GListModel) people = NULL;
  PwEligibilitySummary summary;
  PwEligibility *e;
  PwVerdict v = { 0 };
  gint64 id;

  g_assert_true (pw_programme_repo_insert (store, programme, &error));
  id = pw_programme_get_id (programme);
  g_assert_true (pw_grade_scale_set (store, scale, &error));
  pw_person_set_field (junior, "grade", "Band 2", NULL);
  pw_person_set_field (junior, "capacity", "2", NULL);
  pw_person_set_field (senior, "grade", "Band 8", NULL);
  g_assert_true (pw_person_repo_insert (store, junior, &error));
  g_assert_true (pw_person_repo_insert (store, senior, &error));
  g_assert_true (pw_person_repo_enrol (store, id, pw_person_get_id (junior), &error));
  g_assert_true (pw_person_repo_enrol (store, id, pw_person_get_id (senior), &error));

  /* The reverse preset: mentors at most Band 4, mentees at least Band 7. */
  g_assert_false (pw_eligibility_apply_reverse_preset (store, id, "Band 44", "Band 7", &error));
  g_clear_error (&error);
  g_assert_true (pw_eligibility_apply_reverse_preset (store, id, "Band 4", "Band 7", &error));
  g_assert_no_error (error);
  /* Applying it again replaces, not duplicates. */
  g_assert_true (pw_eligibility_apply_reverse_preset (store, id, "Band 4", "Band 7", &error));

  e = pw_eligibility_load (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pw_eligibility_get_rules (e)->len, ==, 2);
  pw_eligibility_evaluate (e, junior, &v);
  g_assert_true (v.mentor);
  g_assert_false (v.mentee);
  g_assert_cmpstr (g_ptr_array_index (v.mentee_reasons, 0), ==, "grade Band 2 is below the mentee minimum, Band 7");
  pw_verdict_clear (&v);

  people = pw_person_repo_list_enrolled (store, id, &error);
  pw_eligibility_summarise (e, people, &summary);
  g_assert_cmpuint (summary.mentees, ==, 1);
  g_assert_cmpuint (summary.mentors, ==, 1);
  g_assert_cmpuint (summary.mentor_capacity, ==, 2);
  g_assert_cmpuint (summary.mentees_unmatchable, ==, 0);
  pw_eligibility_free (e);

  /* An override needs a justification, and can be undone. */
  g_assert_false (pw_eligibility_override (store, id, pw_person_get_id (junior), PW_RULE_SET_MENTEE,
                                           TRUE, "   ", &error));
  g_assert_error (error, PW_ELIGIBILITY_ERROR, PW_ELIGIBILITY_ERROR_JUSTIFICATION_REQUIRED);
  g_clear_error (&error);
  g_assert_true (pw_eligibility_override (store, id, pw_person_get_id (junior), PW_RULE_SET_MENTEE,
                                          TRUE, "Acting up as a head of service", &error));

  e = pw_eligibility_load (store, id, &error);
  pw_eligibility_evaluate (e, junior, &v);
  g_assert_true (v.mentee);
  g_assert_false (v.mentee_by_rules);
  g_assert_true (v.mentee_overridden);
  g_assert_cmpstr (g_ptr_array_index (v.mentee_reasons, 1), ==,
                   "made eligible by the coordinator: Acting up as a head of service");
  g_assert_cmpuint (pw_eligibility_get_overrides (e)->len, ==, 1);
  pw_verdict_clear (&v);
  pw_eligibility_free (e);

  g_assert_true (pw_eligibility_clear_override (store, id, pw_person_get_id (junior), PW_RULE_SET_MENTEE, &error));
  e = pw_eligibility_load (store, id, &error);
  pw_eligibility_evaluate (e, junior, &v);
  g_assert_false (v.mentee);
  pw_verdict_clear (&v);
  g_assert_cmpuint (pw_eligibility_get_overrides (e)->len, ==, 0);

  /* Removing a rule. */
  {
    PwRule *first = g_ptr_array_index (pw_eligibility_get_rules (e), 0);
    g_assert_true (pw_eligibility_remove_rule (store, first->id, &error));
    g_assert_false (pw_eligibility_remove_rule (store, first->id, &error));
    g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_FOUND);
  }
  pw_eligibility_free (e);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/eligibility/grade-boundaries", test_grade_boundaries);
  g_test_add_func ("/eligibility/contradictions", test_contradictions);
  g_test_add_func ("/eligibility/months-boundaries", test_months_boundaries);
  g_test_add_func ("/eligibility/department-role-topics-hours-answered", test_department_role_topics_hours_answered);
  g_test_add_func ("/eligibility/any-of-group", test_any_of_group);
  g_test_add_func ("/eligibility/characteristic-needs-sensitive", test_characteristic_needs_sensitive);
  g_test_add_func ("/eligibility/parse-errors", test_parse_errors);
  g_test_add_func ("/eligibility/store-overrides-and-preset", test_store_overrides_and_preset);

  return g_test_run ();
}
