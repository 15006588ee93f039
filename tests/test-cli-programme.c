/* test-cli-programme.c — pairwise-cli programme round trips and refusals
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

typedef struct
{
  char *dir;
  char *db;
} Fixture;

typedef struct
{
  int   status;
  char *out;
  char *err;
} Result;

static void
result_clear (Result *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("pw-test-cli-XXXXXX", NULL);
  f->db = g_build_filename (f->dir, "cli.db", NULL);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_remove (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

static void
run_cli (Fixture    *f,
         Result     *r,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("PAIRWISE_CLI");
  va_list args;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (char *)cli);
  g_ptr_array_add (argv, (char *)"--db");
  g_ptr_array_add (argv, f->db);

  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT,
                               NULL, NULL, &r->out, &r->err, &r->status, &error));
  g_assert_no_error (error);
}

static gboolean
exited_with (Result *r,
             int     code)
{
  return WIFEXITED (r->status) && WEXITSTATUS (r->status) == code;
}

static JsonObject *
parse_object (const char *text,
              JsonNode  **keep)
{
  g_autoptr(GError) error = NULL;

  *keep = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*keep));
  return json_node_get_object (*keep);
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_auto(Result) created = { 0 };
  g_auto(Result) shown = { 0 };
  g_auto(Result) updated = { 0 };
  g_auto(Result) listed = { 0 };
  g_autoptr(JsonNode) n1 = NULL;
  g_autoptr(JsonNode) n2 = NULL;
  g_autoptr(JsonNode) n3 = NULL;
  g_autoptr(JsonNode) n4 = NULL;
  g_autofree char *id = NULL;
  JsonObject *o;
  JsonArray *goals;

  run_cli (f, &created, "programme", "create", "--name", "Thinking Partners",
           "--kind", "reverse", "--start-date", "2027-01-04", "--end-date", "2027-12-17",
           "--goal", "Directors confident with hybrid tools", "--goal", "Juniors heard at the top",
           "--purposes", "digital-skills,bridge-generations", "--json", NULL);
  g_assert_true (exited_with (&created, 0));
  o = parse_object (created.out, &n1);
  g_assert_cmpint (json_object_get_int_member (o, "id"), >, 0);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (o, "id"));

  run_cli (f, &shown, "programme", "show", id, "--json", NULL);
  g_assert_true (exited_with (&shown, 0));
  o = parse_object (shown.out, &n2);
  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, "Thinking Partners");
  g_assert_cmpstr (json_object_get_string_member (o, "start_date"), ==, "2027-01-04");
  g_assert_cmpint (json_object_get_int_member (o, "meeting_minutes"), ==, 45);
  goals = json_object_get_array_member (o, "goals");
  g_assert_cmpuint (json_array_get_length (goals), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (goals, 1), ==, "Juniors heard at the top");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "purposes")), ==, 2);

  run_cli (f, &updated, "programme", "update", id, "--meeting-minutes", "60",
           "--name=Thinking Partners 2027", "--json", NULL);
  g_assert_true (exited_with (&updated, 0));
  o = parse_object (updated.out, &n3);
  g_assert_cmpint (json_object_get_int_member (o, "meeting_minutes"), ==, 60);
  /* Fields not named keep their value. */
  g_assert_cmpstr (json_object_get_string_member (o, "start_date"), ==, "2027-01-04");

  run_cli (f, &listed, "programme", "list", "--json", NULL);
  g_assert_true (exited_with (&listed, 0));
  n4 = json_from_string (listed.out, NULL);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (n4));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (n4)), ==, 1);
  o = json_array_get_object_element (json_node_get_array (n4), 0);
  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, "Thinking Partners 2027");
  g_assert_cmpint (json_object_get_int_member (o, "meeting_minutes"), ==, 60);
}

static void
test_bad_input_changes_nothing (Fixture       *f,
                                gconstpointer  data)
{
  g_auto(Result) created = { 0 };
  g_auto(Result) bad = { 0 };
  g_auto(Result) bad_dates = { 0 };
  g_auto(Result) shown = { 0 };
  g_auto(Result) missing = { 0 };
  g_auto(Result) usage = { 0 };
  g_autoptr(JsonNode) n = NULL;
  JsonObject *o;

  run_cli (f, &created, "programme", "create", "--name", "Stable", NULL);
  g_assert_true (exited_with (&created, 0));
  g_assert_true (g_str_has_prefix (created.out, "Created program 1 “Stable”."));

  run_cli (f, &bad, "programme", "update", "1", "--meeting-minutes", "60",
           "--meetings-per-month", "12", NULL);
  g_assert_true (exited_with (&bad, 1));
  g_assert_cmpstr (bad.err, ==,
                   "pairwise-cli: programme update: --meetings-per-month: "
                   "Meetings a month must be between 1 and 8, not 12.\n");
  g_assert_cmpstr (bad.out, ==, "");

  run_cli (f, &bad_dates, "programme", "update", "1", "--end-date", "2000-01-01", NULL);
  g_assert_true (exited_with (&bad_dates, 1));
  g_assert_nonnull (strstr (bad_dates.err, "is not after the start date"));
  g_assert_cmpuint (strlen (bad_dates.err), ==, strcspn (bad_dates.err, "\n") + 1);

  run_cli (f, &shown, "programme", "show", "1", "--json", NULL);
  o = parse_object (shown.out, &n);
  /* The valid --meeting-minutes of the refused line was not applied either. */
  g_assert_cmpint (json_object_get_int_member (o, "meeting_minutes"), ==, 45);
  g_assert_cmpint (json_object_get_int_member (o, "meetings_per_month"), ==, 1);

  run_cli (f, &missing, "programme", "show", "7", NULL);
  g_assert_true (exited_with (&missing, 1));
  g_assert_nonnull (strstr (missing.err, "There is no program with ID 7"));

  run_cli (f, &usage, "programme", "frobnicate", NULL);
  g_assert_true (exited_with (&usage, 2));
}

static void
test_delete (Fixture       *f,
             gconstpointer  data)
{
  g_auto(Result) created = { 0 };
  g_auto(Result) deleted = { 0 };
  g_auto(Result) listed = { 0 };

  run_cli (f, &created, "programme", "create", "--name", "Short-lived", NULL);
  run_cli (f, &deleted, "programme", "delete", "1", NULL);
  g_assert_true (exited_with (&deleted, 0));
  run_cli (f, &listed, "programme", "list", NULL);
  g_assert_true (exited_with (&listed, 0));
  g_assert_true (g_str_has_prefix (listed.out, "No programs yet."));
}

static void
test_refuses_foreign_file (Fixture       *f,
                           gconstpointer  data)
{
  g_auto(Result) r = { 0 };
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (f->db, "this is not a database\n", -1, NULL));
  run_cli (f, &r, "programme", "list", NULL);
  g_assert_true (exited_with (&r, 1));
  g_assert_nonnull (strstr (r.err, "not a Pairwise database"));
  g_assert_true (g_str_has_suffix (r.err, "this one was not changed.\n"));
  g_assert_true (g_file_get_contents (f->db, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "this is not a database\n");
}

static void
test_bundle_round_trip (Fixture       *f,
                        gconstpointer  data)
{
  g_auto(Result) created = { 0 };
  g_auto(Result) exported = { 0 };
  g_auto(Result) imported = { 0 };
  g_auto(Result) again = { 0 };
  g_auto(Result) bad = { 0 };
  g_autofree char *bundle = g_build_filename (f->dir, "tp.json", NULL);
  g_autofree char *broken = g_build_filename (f->dir, "broken.json", NULL);
  g_autofree char *other_db = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *first_db = g_strdup (f->db);
  g_autofree char *text = NULL;
  GStatBuf st;

  run_cli (f, &created, "programme", "create", "--name", "Bundled", NULL);
  run_cli (f, &exported, "bundle", "export", "--programme", "1", "-o", bundle, NULL);
  g_assert_true (exited_with (&exported, 0));
  g_assert_cmpint (g_stat (bundle, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Into another database, then out again: the same bytes. */
  g_free (f->db);
  f->db = g_strdup (other_db);
  run_cli (f, &imported, "bundle", "import", bundle, NULL);
  g_assert_true (exited_with (&imported, 0));
  g_assert_true (g_str_has_prefix (imported.out, "Imported program 1"));
  run_cli (f, &again, "bundle", "export", "--programme", "1", NULL);
  g_assert_true (g_file_get_contents (bundle, &text, NULL, NULL));
  g_assert_cmpstr (again.out, ==, text);

  g_assert_true (g_file_set_contents (broken, "{\"format\": 3}", -1, NULL));
  run_cli (f, &bad, "bundle", "import", broken, NULL);
  g_assert_true (exited_with (&bad, 1));
  g_assert_true (g_str_has_prefix (bad.err, "pairwise-cli: "));
  g_assert_nonnull (strstr (bad.err, "broken.json: not a Pairwise program bundle"));

  g_free (f->db);
  f->db = g_strdup (first_db);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli/programme/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("round-trip", test_round_trip);
  ADD ("bad-input-changes-nothing", test_bad_input_changes_nothing);
  ADD ("delete", test_delete);
  ADD ("refuses-foreign-file", test_refuses_foreign_file);
  g_test_add ("/cli/bundle/round-trip", Fixture, NULL, fixture_setup, test_bundle_round_trip, fixture_teardown);

  return g_test_run ();
}
