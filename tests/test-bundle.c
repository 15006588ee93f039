/* test-bundle.c — the JSON programme bundle: round trip and refusals
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "pw-bundle.h"
#include "pw-person-private.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"

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

  return g_test_run ();
}
