/* test-sample.c — the sample programme and its organisation
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pw-person-private.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-sample.h"
#include "pw-store.h"

static PwStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  PwStore *store = pw_store_open (":memory:", &error);

  g_assert_no_error (error);
  return store;
}

/* id → PwPerson for everyone in the directory */
static GHashTable *
directory_by_id (PwStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = pw_person_repo_list_all (store, &error);
  GHashTable *by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      PwPerson *person = g_list_model_get_item (all, i);
      g_hash_table_insert (by_id, g_memdup2 (&(gint64) { pw_person_get_id (person) }, sizeof (gint64)),
                           person);
    }

  return by_id;
}

static gboolean
share_a_topic (const char * const *a,
               const char * const *b)
{
  for (guint i = 0; a[i] != NULL; i++)
    if (g_strv_contains (b, a[i]))
      return TRUE;

  return FALSE;
}

static gboolean
on_list (const char * const *list,
         const char         *item)
{
  for (guint i = 0; list[i] != NULL; i++)
    if (g_ascii_strcasecmp (list[i], item) == 0)
      return TRUE;

  return FALSE;
}

static void
test_organisation (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = new_store ();
  g_autoptr(GListModel) enrolled = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) mentors = g_ptr_array_new ();
  g_autoptr(GPtrArray) mentees = g_ptr_array_new ();
  g_autoptr(PwPerson) coordinator = NULL;
  g_autoptr(PwPerson) head = NULL;
  g_auto(GStrv) grades = NULL;
  g_auto(GStrv) topics = NULL;
  const char *band_scale[] = { "Band 1", "Band 2", "Band 3", "Band 4", "Band 5",
                               "Band 6", "Band 7", "Band 8", "Band 9", NULL };
  guint n_enrolled, without_manager = 0, max_depth = 0, overlaps = 0;
  guint with_sensitive = 0, sparse = 0;
  gint64 programme_id;

  programme_id = pw_sample_create (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (programme_id, >, 0);
  g_assert_false (pw_store_in_transaction (store));

  grades = pw_grade_scale_get (store, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal ((const char * const *)grades, band_scale));

  topics = pw_programme_topics_get (store, programme_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (topics), >=, 10);

  enrolled = pw_person_repo_list_enrolled (store, programme_id, &error);
  g_assert_no_error (error);
  n_enrolled = g_list_model_get_n_items (enrolled);
  g_assert_cmpuint (n_enrolled, >=, 55);

  /* The directory holds more than the programme. */
  by_id = directory_by_id (store);
  g_assert_cmpuint (g_hash_table_size (by_id), >, n_enrolled);
  g_assert_cmpint (pw_person_repo_count (store, NULL), ==, g_hash_table_size (by_id));

  for (guint i = 0; i < n_enrolled; i++)
    {
      g_autoptr(PwPerson) person = g_list_model_get_item (enrolled, i);
      const char * const *offered = pw_person_get_topics_offered (person);
      const char * const *wanted = pw_person_get_topics_wanted (person);
      const char *email = pw_person_get_email (person);
      PwPerson *up = person;
      guint depth = 0;
      guint blanks = 0;

      g_assert_true (g_str_has_suffix (email, "@" PW_SAMPLE_EMAIL_DOMAIN));
      g_assert_true (g_hash_table_add (emails, g_ascii_strdown (email, -1)));

      g_assert_cmpstr (pw_person_get_job_title (person), !=, "");
      g_assert_cmpstr (pw_person_get_department (person), !=, "");
      g_assert_cmpint (pw_grade_scale_position (store, pw_person_get_grade (person)), >=, 0);

      /* Walk up the reporting line; every step lands in the directory. */
      while (pw_person_get_manager_id (up) != 0)
        {
          gint64 manager_id = pw_person_get_manager_id (up);

          up = g_hash_table_lookup (by_id, &manager_id);
          g_assert_nonnull (up);
          depth++;
          g_assert_cmpuint (depth, <, 20);  /* no cycles */
        }
      if (depth == 0)
        {
          without_manager++;
          g_assert_cmpstr (pw_person_get_job_title (person), ==, "Chief Executive");
        }
      max_depth = MAX (max_depth, depth);

      for (guint k = 0; offered[k] != NULL; k++)
        g_assert_true (on_list ((const char * const *)topics, offered[k]));
      for (guint k = 0; wanted[k] != NULL; k++)
        g_assert_true (on_list ((const char * const *)topics, wanted[k]));

      if (pw_person_get_role_wanted (person) == PW_ROLE_MENTOR)
        {
          /* Reverse mentoring: the mentors are Band 1–4. */
          g_assert_cmpint (pw_grade_scale_position (store, pw_person_get_grade (person)), <=, 3);
          g_assert_nonnull (offered[0]);
          g_assert_cmpint (pw_person_get_capacity (person), >=, 1);
          g_ptr_array_add (mentors, person);
        }
      else if (pw_person_get_role_wanted (person) == PW_ROLE_MENTEE)
        {
          g_assert_nonnull (wanted[0]);
          g_ptr_array_add (mentees, person);
        }

      if (pw_person_get_text (person, PW_PERSON_FIELD_AGE_BAND)[0] != '\0')
        with_sensitive++;

      for (guint f = PW_PERSON_FIELD_STRENGTHS; f <= PW_PERSON_FIELD_WORK_LIFE_BALANCE; f++)
        if (pw_person_get_text (person, f)[0] == '\0')
          blanks++;
      if (blanks >= 5)
        sparse++;
    }

  g_assert_cmpuint (without_manager, ==, 1);
  g_assert_cmpuint (max_depth, >=, 4);

  g_assert_cmpuint (mentors->len, >=, 18);
  g_assert_cmpuint (mentees->len, >=, 15);
  for (guint i = 0; i < mentors->len; i++)
    for (guint j = 0; j < mentees->len; j++)
      if (share_a_topic (pw_person_get_topics_offered (mentors->pdata[i]),
                         pw_person_get_topics_wanted (mentees->pdata[j])))
        overlaps++;
  g_assert_cmpuint (overlaps, >=, 10);
  /* … but not everyone suits everyone, or matching has nothing to do. */
  g_assert_cmpuint (overlaps, <, mentors->len * mentees->len);

  /* Optional data stays optional: some give it, some don't; a few people
   * leave most of the questionnaire blank. */
  g_assert_cmpuint (with_sensitive, >, 0);
  g_assert_cmpuint (with_sensitive, <, n_enrolled);
  g_assert_cmpuint (sparse, >=, 3);

  /* The people named in the programme's "concerns" text are there. */
  coordinator = pw_person_repo_find_by_email (store, PW_SAMPLE_COORDINATOR_EMAIL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_person_get_name (coordinator), ==, PW_SAMPLE_COORDINATOR);
  head = pw_person_repo_find_by_email (store, PW_SAMPLE_HEAD_OF_PEOPLE_EMAIL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_person_get_name (head), ==, PW_SAMPLE_HEAD_OF_PEOPLE);
}

static void
test_questionnaire (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = new_store ();
  g_autoptr(PwPerson) tyler = NULL;
  g_autoptr(PwPerson) zoe = NULL;
  g_autofree char *contact = NULL;

  g_assert_cmpint (pw_sample_create (store, &error), >, 0);
  g_assert_no_error (error);

  tyler = pw_person_repo_find_by_email (store, "tyler.booth@" PW_SAMPLE_EMAIL_DOMAIN, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_person_get_role_wanted (tyler), ==, PW_ROLE_MENTOR);
  g_assert_cmpstr (pw_person_get_grade (tyler), ==, "Band 1");
  g_assert_nonnull (strstr (pw_person_get_text (tyler, PW_PERSON_FIELD_RESPONSIBILITIES), "TikTok"));
  g_assert_true (g_strv_contains (pw_person_get_topics_offered (tyler), "Social media"));
  g_assert_cmpint (pw_person_get_hours_per_month (tyler), >=, 2);
  contact = pw_person_get_field (tyler, "preferred-contact");
  g_assert_cmpstr (contact, ==, "in-person, video");

  /* Names with diacritics survive the round trip through SQLite. */
  zoe = pw_person_repo_find_by_email (store, "zoe.lefevre@" PW_SAMPLE_EMAIL_DOMAIN, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_person_get_name (zoe), ==, "Zoë Lefèvre");
}

static void
test_twice (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = new_store ();
  g_autoptr(GListModel) first = NULL;
  g_autoptr(GListModel) second = NULL;
  g_autoptr(GListModel) programmes = NULL;
  g_autoptr(GHashTable) by_id = NULL;
  g_autoptr(GHashTable) emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer value;
  gint64 id1, id2, count;

  id1 = pw_sample_create (store, &error);
  g_assert_no_error (error);
  count = pw_person_repo_count (store, &error);
  g_assert_no_error (error);

  id2 = pw_sample_create (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id2, >, 0);
  g_assert_cmpint (id2, !=, id1);
  g_assert_false (pw_store_in_transaction (store));

  programmes = pw_programme_repo_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 2);

  /* Same directory, no duplicates. */
  g_assert_cmpint (pw_person_repo_count (store, NULL), ==, count);
  by_id = directory_by_id (store);
  g_hash_table_iter_init (&iter, by_id);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_assert_true (g_hash_table_add (emails, g_ascii_strdown (pw_person_get_email (value), -1)));

  /* Both programmes enrol the same people. */
  first = pw_person_repo_list_enrolled (store, id1, &error);
  g_assert_no_error (error);
  second = pw_person_repo_list_enrolled (store, id2, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (first), ==, g_list_model_get_n_items (second));
  for (guint i = 0; i < g_list_model_get_n_items (first); i++)
    {
      g_autoptr(PwPerson) person = g_list_model_get_item (first, i);
      g_assert_true (pw_person_repo_is_enrolled (store, id2, pw_person_get_id (person)));
    }

  /* Each has its own topic list. */
  {
    g_auto(GStrv) t1 = pw_programme_topics_get (store, id1, NULL);
    g_auto(GStrv) t2 = pw_programme_topics_get (store, id2, NULL);

    g_assert_true (g_strv_equal ((const char * const *)t1, (const char * const *)t2));
    g_assert_cmpuint (g_strv_length (t1), >, 0);
  }
}

static void
test_keeps_grade_scale (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = new_store ();
  g_autoptr(GListModel) enrolled = NULL;
  g_auto(GStrv) grades = NULL;
  const char *scale[] = { "Associate", "Senior Associate", "Manager", "Director", NULL };
  gint64 id;

  g_assert_true (pw_grade_scale_set (store, scale, &error));
  g_assert_no_error (error);

  id = pw_sample_create (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  grades = pw_grade_scale_get (store, &error);
  g_assert_no_error (error);
  g_assert_true (g_strv_equal ((const char * const *)grades, scale));

  /* The people still arrive, without a grade that is not on the scale. */
  enrolled = pw_person_repo_list_enrolled (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (enrolled), >=, 55);
  for (guint i = 0; i < g_list_model_get_n_items (enrolled); i++)
    {
      g_autoptr(PwPerson) person = g_list_model_get_item (enrolled, i);
      g_assert_cmpstr (pw_person_get_grade (person), ==, "");
    }
}

static void
changed_cb (PwStore    *store,
            const char *table,
            guint      *count)
{
  (*count)++;
}

static void
test_all_or_nothing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = new_store ();
  g_autoptr(GListModel) programmes = NULL;
  g_auto(GStrv) grades = NULL;
  guint changed = 0;

  /* Refuse the 30th enrolment: the sample fails half-way through its
   * people, after the programme, the scale and the topics are written. */
  g_assert_true (pw_store_exec (store,
                                "CREATE TEMP TRIGGER fail_half_way BEFORE INSERT ON enrolment "
                                "WHEN (SELECT count(*) FROM enrolment) >= 29 "
                                "BEGIN SELECT RAISE (ABORT, 'half-way'); END",
                                &error));
  g_assert_no_error (error);

  g_signal_connect (store, "changed", G_CALLBACK (changed_cb), &changed);

  g_assert_cmpint (pw_sample_create (store, &error), ==, 0);
  g_assert_nonnull (error);
  g_assert_false (pw_store_in_transaction (store));
  g_assert_cmpuint (changed, ==, 0);
  g_clear_error (&error);

  g_assert_cmpint (pw_person_repo_count (store, &error), ==, 0);
  g_assert_no_error (error);
  programmes = pw_programme_repo_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (programmes), ==, 0);
  grades = pw_grade_scale_get (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (grades), ==, 0);

  /* Once the obstacle is gone, the same store takes the whole sample. */
  g_assert_true (pw_store_exec (store, "DROP TRIGGER fail_half_way", &error));
  g_assert_no_error (error);
  g_assert_cmpint (pw_sample_create (store, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (pw_person_repo_count (store, NULL), >=, 55);
  g_assert_cmpuint (changed, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sample/organisation", test_organisation);
  g_test_add_func ("/sample/questionnaire", test_questionnaire);
  g_test_add_func ("/sample/twice", test_twice);
  g_test_add_func ("/sample/keeps-grade-scale", test_keeps_grade_scale);
  g_test_add_func ("/sample/all-or-nothing", test_all_or_nothing);

  return g_test_run ();
}
