/* test-person-list.c — the list form of a programme's people against their
 * full records
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "pw-person-list.h"
#include "pw-person-private.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-sample.h"
#include "pw-store.h"

typedef struct
{
  PwStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->store = pw_store_open (":memory:", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
}

/* What the People table shows in its Manager column for a full record. */
static char *
expected_manager (PwStore  *store,
                  PwPerson *person)
{
  gint64 manager_id = pw_person_get_manager_id (person);
  g_autoptr(PwPerson) manager = NULL;

  if (manager_id == 0)
    return g_strdup (pw_person_get_text (person, PW_PERSON_FIELD_MANAGER_NAME));

  manager = pw_person_repo_get (store, manager_id, NULL);
  return g_strdup (manager != NULL ? pw_person_get_name (manager) : "");
}

/* Every item against the full record of the same person, in the same
 * order. */
static void
assert_same_as_full (PwStore *store,
                     gint64   programme_id,
                     guint    expected_n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) items = pw_person_list_enrolled (store, programme_id, &error);
  g_autoptr(GListModel) people = NULL;
  guint n;

  g_assert_no_error (error);
  people = pw_person_repo_list_enrolled (store, programme_id, &error);
  g_assert_no_error (error);

  n = g_list_model_get_n_items (people);
  g_assert_cmpuint (n, ==, expected_n);
  g_assert_cmpuint (g_list_model_get_n_items (items), ==, n);
  g_assert_true (g_list_model_get_item_type (items) == PW_TYPE_PERSON_ITEM);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwPersonItem) item = g_list_model_get_item (items, i);
      g_autoptr(PwPerson) person = g_list_model_get_item (people, i);
      g_autofree char *manager = expected_manager (store, person);
      g_autofree char *name_property = NULL;

      g_assert_cmpint (pw_person_item_get_id (item), ==, pw_person_get_id (person));
      g_assert_cmpint (pw_person_item_get_manager_id (item), ==, pw_person_get_manager_id (person));
      g_assert_cmpstr (pw_person_item_get_name (item), ==, pw_person_get_name (person));
      g_assert_cmpstr (pw_person_item_get_email (item), ==, pw_person_get_email (person));
      g_assert_cmpstr (pw_person_item_get_job_title (item), ==, pw_person_get_job_title (person));
      g_assert_cmpstr (pw_person_item_get_department (item), ==, pw_person_get_department (person));
      g_assert_cmpstr (pw_person_item_get_grade (item), ==, pw_person_get_grade (person));
      g_assert_cmpint (pw_person_item_get_role_wanted (item), ==, pw_person_get_role_wanted (person));
      g_assert_cmpstr (pw_person_item_get_manager (item), ==, manager);
      g_assert_cmpstr (pw_person_item_get_search_key (item), ==, pw_person_get_search_key (person));

      /* The properties the table sorts by. */
      g_object_get (item, "name", &name_property, NULL);
      g_assert_cmpstr (name_property, ==, pw_person_get_name (person));

      /* The name's key: what GtkStringSorter, ignoring case, makes of it. */
      {
        g_autofree char *folded = g_utf8_casefold (pw_person_get_name (person), -1);
        g_autofree char *key = g_utf8_collate_key (folded, -1);

        g_assert_cmpstr (pw_person_item_get_name_key (item), ==, key);
      }
    }

  /* Keys compare as the casefolded names collate. */
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(PwPersonItem) a = g_list_model_get_item (items, i - 1);
      g_autoptr(PwPersonItem) b = g_list_model_get_item (items, i);
      g_autofree char *fa = g_utf8_casefold (pw_person_item_get_name (a), -1);
      g_autofree char *fb = g_utf8_casefold (pw_person_item_get_name (b), -1);
      int by_key = strcmp (pw_person_item_get_name_key (a), pw_person_item_get_name_key (b));
      int by_collation = g_utf8_collate (fa, fb);

      g_assert_cmpint ((by_key > 0) - (by_key < 0), ==, (by_collation > 0) - (by_collation < 0));
    }
}

static PwPerson *
add_person (Fixture    *f,
            gint64      programme_id,
            const char *name,
            const char *email,
            const char * const *fields)
{
  g_autoptr(GError) error = NULL;
  PwPerson *person = pw_person_new (name, email);

  for (guint i = 0; fields != NULL && fields[i] != NULL; i += 2)
    {
      pw_person_set_field (person, fields[i], fields[i + 1], &error);
      g_assert_no_error (error);
    }

  pw_person_repo_insert (f->store, person, &error);
  g_assert_no_error (error);
  if (programme_id != 0)
    {
      pw_person_repo_enrol (f->store, programme_id, pw_person_get_id (person), &error);
      g_assert_no_error (error);
    }

  return person;
}

static void
test_same_as_full (Fixture       *f,
                   gconstpointer  data)
{
  static const char * const grades[] = { "Band 1", "Band 2", "Band 3", NULL };
  static const char * const zoe[] = {
    "job-title", "Analyst", "department", "Finance", "grade", "Band 2",
    "role-wanted", "mentor", "strengths", "A very long answer that the list leaves out", NULL
  };
  static const char * const bob[] = {
    "department", "Digital and Data", "role-wanted", "mentee",
    "manager-name", "Someone Outside", "manager-email", "outside@example.org", NULL
  };
  static const char * const carl[] = { "job-title", "ÉCRIVAIN <b>&</b>", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PwProgramme) programme = pw_programme_new ("Thinking Partners");
  g_autoptr(PwProgramme) other = pw_programme_new ("Another");
  g_autoptr(PwPerson) a = NULL;
  g_autoptr(PwPerson) b = NULL;
  g_autoptr(PwPerson) c = NULL;
  g_autoptr(PwPerson) d = NULL;
  g_autoptr(PwPerson) gone = NULL;
  gint64 id;

  pw_grade_scale_set (f->store, grades, &error);
  g_assert_no_error (error);
  pw_programme_repo_insert (f->store, programme, &error);
  g_assert_no_error (error);
  pw_programme_repo_insert (f->store, other, &error);
  g_assert_no_error (error);
  id = pw_programme_get_id (programme);

  /* Nobody yet. */
  assert_same_as_full (f->store, id, 0);

  a = add_person (f, id, "Zoë Ångström", "ZOE@example.org", zoe);
  b = add_person (f, id, "bob", "bob@example.org", bob);
  c = add_person (f, id, "Carl", "carl@example.org", carl);
  /* Managers: one enrolled, one in the directory only, one gone. */
  d = add_person (f, pw_programme_get_id (other), "Dana Directory", "dana@example.org", NULL);
  gone = add_person (f, 0, "Gone Soon", "gone@example.org", NULL);

  pw_person_set_manager_id (a, pw_person_get_id (b));
  pw_person_repo_update (f->store, a, &error);
  g_assert_no_error (error);
  pw_person_set_manager_id (b, pw_person_get_id (d));
  pw_person_repo_update (f->store, b, &error);
  g_assert_no_error (error);
  pw_person_set_manager_id (c, pw_person_get_id (gone));
  pw_person_repo_update (f->store, c, &error);
  g_assert_no_error (error);

  assert_same_as_full (f->store, id, 3);
  pw_person_repo_delete (f->store, pw_person_get_id (gone), &error);
  g_assert_no_error (error);
  assert_same_as_full (f->store, id, 3);

  /* The other programme lists only its own. */
  assert_same_as_full (f->store, pw_programme_get_id (other), 1);

  /* Spot checks, not only agreement with the full record. */
  {
    g_autoptr(GListModel) items = pw_person_list_enrolled (f->store, id, &error);
    g_autoptr(PwPersonItem) first = g_list_model_get_item (items, 0);
    g_autoptr(PwPersonItem) last = g_list_model_get_item (items, 2);

    g_assert_cmpstr (pw_person_item_get_name (first), ==, "bob");
    g_assert_cmpstr (pw_person_item_get_manager (first), ==, "Dana Directory");
    g_assert_cmpint (pw_person_item_get_role_wanted (first), ==, PW_ROLE_MENTEE);
    g_assert_cmpstr (pw_person_item_get_name (last), ==, "Zoë Ångström");
    g_assert_cmpstr (pw_person_item_get_manager (last), ==, "bob");
    g_assert_nonnull (strstr (pw_person_item_get_search_key (last), "zoë ångström"));
    g_assert_nonnull (strstr (pw_person_item_get_search_key (last), "zoe@example.org"));
  }
}

static void
test_sample (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = NULL;
  gint64 id;

  id = pw_sample_create (f->store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);

  people = pw_person_repo_list_enrolled (f->store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), >, 10);
  assert_same_as_full (f->store, id, g_list_model_get_n_items (people));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/person-list/same-as-full", Fixture, NULL, fixture_set_up, test_same_as_full, fixture_tear_down);
  g_test_add ("/person-list/sample", Fixture, NULL, fixture_set_up, test_sample, fixture_tear_down);

  return g_test_run ();
}
