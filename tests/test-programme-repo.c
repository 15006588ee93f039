/* test-programme-repo.c — programmes stored, listed, duplicated and deleted
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pw-programme-repo.h"
#include "pw-store.h"

static PwStore *
new_store (void)
{
  g_autoptr(GError) error = NULL;
  PwStore *store = pw_store_open (":memory:", &error);

  g_assert_no_error (error);
  return store;
}

static void
changed_cb (PwStore    *store,
            const char *table,
            guint      *count)
{
  g_assert_cmpstr (table, ==, "programme");
  (*count)++;
}

static void
test_insert_get_update (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = new_store ();
  g_autoptr(PwProgramme) p = pw_programme_new ("Thinking Partners 2026");
  g_autoptr(PwProgramme) again = NULL;
  g_autoptr(PwProgramme) third = NULL;
  const char *goals[] = { "Every director posts once a month", "Twenty pairs by March", NULL };
  guint changed = 0;

  g_signal_connect (store, "changed::programme", G_CALLBACK (changed_cb), &changed);

  pw_programme_set_purposes (p, PW_PURPOSE_DIGITAL_SKILLS | PW_PURPOSE_BRIDGE_GENERATIONS);
  pw_programme_set_goals (p, goals);
  pw_programme_set_confidentiality (p, "What is said stays with the pair,\nexcept…");
  g_assert_true (pw_programme_repo_insert (store, p, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pw_programme_get_id (p), >, 0);
  g_assert_cmpuint (changed, ==, 1);

  again = pw_programme_repo_get (store, pw_programme_get_id (p), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_programme_get_name (again), ==, "Thinking Partners 2026");
  g_assert_cmpstr (pw_programme_get_uuid (again), ==, pw_programme_get_uuid (p));
  g_assert_cmpint (pw_programme_get_purposes (again), ==,
                   PW_PURPOSE_DIGITAL_SKILLS | PW_PURPOSE_BRIDGE_GENERATIONS);
  g_assert_true (g_strv_equal (pw_programme_get_goals (again), goals));
  g_assert_cmpstr (pw_programme_get_confidentiality (again), ==,
                   "What is said stays with the pair,\nexcept…");

  pw_programme_set_meeting_minutes (again, 60);
  pw_programme_set_kind (again, PW_PROGRAMME_KIND_PEER);
  g_assert_true (pw_programme_repo_update (store, again, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 2);

  third = pw_programme_repo_get (store, pw_programme_get_id (p), &error);
  g_assert_cmpint (pw_programme_get_meeting_minutes (third), ==, 60);
  g_assert_cmpint (pw_programme_get_kind (third), ==, PW_PROGRAMME_KIND_PEER);
}

static void
test_invalid_not_saved (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = new_store ();
  g_autoptr(PwProgramme) p = pw_programme_new ("Kept name");
  g_autoptr(PwProgramme) stored = NULL;
  g_autoptr(PwProgramme) nameless = pw_programme_new ("");

  g_assert_false (pw_programme_repo_insert (store, nameless, &error));
  g_assert_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_NAME_REQUIRED);
  g_clear_error (&error);

  g_assert_true (pw_programme_repo_insert (store, p, &error));
  pw_programme_set_name (p, "  ");
  g_assert_false (pw_programme_repo_update (store, p, &error));
  g_assert_error (error, PW_PROGRAMME_ERROR, PW_PROGRAMME_ERROR_NAME_REQUIRED);
  g_clear_error (&error);

  stored = pw_programme_repo_get (store, pw_programme_get_id (p), &error);
  g_assert_cmpstr (pw_programme_get_name (stored), ==, "Kept name");
}

static void
test_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = new_store ();
  g_autoptr(PwProgramme) p = pw_programme_new ("Ghost");

  g_assert_null (pw_programme_repo_get (store, 99, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "ID 99"));
  g_clear_error (&error);

  pw_programme_set_id (p, 99);
  g_assert_false (pw_programme_repo_update (store, p, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (pw_programme_repo_delete (store, 99, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_FOUND);
}

static void
test_duplicate_next_cohort (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = new_store ();
  g_autoptr(PwProgramme) p = pw_programme_new ("Thinking Partners 2026");
  g_autoptr(PwProgramme) copy = NULL;
  g_autoptr(GListModel) list = NULL;

  pw_programme_set_start_date (p, "2026-01-05");
  pw_programme_set_end_date (p, "2027-01-05");
  pw_programme_set_code_of_conduct (p, "Be kind.");
  g_assert_true (pw_programme_repo_insert (store, p, &error));

  copy = pw_programme_repo_duplicate (store, pw_programme_get_id (p), NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_assert_cmpint (pw_programme_get_id (copy), !=, pw_programme_get_id (p));
  g_assert_cmpstr (pw_programme_get_name (copy), ==, "Thinking Partners 2027");
  g_assert_cmpstr (pw_programme_get_code_of_conduct (copy), ==, "Be kind.");
  g_assert_cmpstr (pw_programme_get_start_date (copy), ==, "2027-01-05");
  g_assert_cmpstr (pw_programme_get_end_date (copy), ==, "2028-01-05");

  list = pw_programme_repo_list (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
}

static void
test_next_cohort_name (void)
{
  g_autofree char *a = pw_programme_next_cohort_name ("Thinking Partners 2026");
  g_autofree char *b = pw_programme_next_cohort_name ("Reverse mentoring");
  g_autofree char *c = pw_programme_next_cohort_name ("Cohort 12345");

  g_assert_cmpstr (a, ==, "Thinking Partners 2027");
  g_assert_cmpstr (b, ==, "Reverse mentoring (Next Cohort)");
  g_assert_cmpstr (c, ==, "Cohort 12345 (Next Cohort)");
}

static void
test_trash_restore_purge (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = new_store ();
  g_autoptr(PwProgramme) a = pw_programme_new ("A");
  g_autoptr(PwProgramme) b = pw_programme_new ("B");
  g_autoptr(GListModel) l1 = NULL;
  g_autoptr(GListModel) l2 = NULL;
  g_autoptr(GListModel) l3 = NULL;
  g_autoptr(PwProgramme) gone = NULL;

  g_assert_true (pw_programme_repo_insert (store, a, &error));
  g_assert_true (pw_programme_repo_insert (store, b, &error));

  g_assert_true (pw_programme_repo_trash (store, pw_programme_get_id (a), TRUE, &error));
  l1 = pw_programme_repo_list (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (l1), ==, 1);

  /* Undo */
  g_assert_true (pw_programme_repo_trash (store, pw_programme_get_id (a), FALSE, &error));
  l2 = pw_programme_repo_list (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (l2), ==, 2);

  g_assert_true (pw_programme_repo_trash (store, pw_programme_get_id (b), TRUE, &error));
  g_assert_true (pw_programme_repo_purge_trash (store, &error));
  g_assert_no_error (error);
  gone = pw_programme_repo_get (store, pw_programme_get_id (b), &error);
  g_assert_null (gone);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  l3 = pw_programme_repo_list (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (l3), ==, 1);
}

static void
test_delete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = new_store ();
  g_autoptr(PwProgramme) p = pw_programme_new ("Doomed");
  g_autoptr(GListModel) list = NULL;

  g_assert_true (pw_programme_repo_insert (store, p, &error));
  g_assert_true (pw_programme_repo_delete (store, pw_programme_get_id (p), &error));
  g_assert_no_error (error);
  list = pw_programme_repo_list (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/programme-repo/insert-get-update", test_insert_get_update);
  g_test_add_func ("/programme-repo/invalid-not-saved", test_invalid_not_saved);
  g_test_add_func ("/programme-repo/missing", test_missing);
  g_test_add_func ("/programme-repo/duplicate-next-cohort", test_duplicate_next_cohort);
  g_test_add_func ("/programme-repo/next-cohort-name", test_next_cohort_name);
  g_test_add_func ("/programme-repo/trash-restore-purge", test_trash_restore_purge);
  g_test_add_func ("/programme-repo/delete", test_delete);

  return g_test_run ();
}
