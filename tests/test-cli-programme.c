/* test-cli-programme.c — pairwise-cli programme round trips and refusals
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "cli-helpers.h"


static void
test_round_trip (CliFixture       *f,
                 gconstpointer  data)
{
  g_auto(CliResult) created = { 0 };
  g_auto(CliResult) shown = { 0 };
  g_auto(CliResult) updated = { 0 };
  g_auto(CliResult) listed = { 0 };
  g_autoptr(JsonNode) n1 = NULL;
  g_autoptr(JsonNode) n2 = NULL;
  g_autoptr(JsonNode) n3 = NULL;
  g_autoptr(JsonNode) n4 = NULL;
  g_autofree char *id = NULL;
  JsonObject *o;
  JsonArray *goals;

  cli_run (f, &created, "programme", "create", "--name", "Thinking Partners",
           "--kind", "reverse", "--start-date", "2027-01-04", "--end-date", "2027-12-17",
           "--goal", "Directors confident with hybrid tools", "--goal", "Juniors heard at the top",
           "--purposes", "digital-skills,bridge-generations", "--json", NULL);
  g_assert_true (cli_exited_with (&created, 0));
  o = cli_parse_object (created.out, &n1);
  g_assert_cmpint (json_object_get_int_member (o, "id"), >, 0);
  id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (o, "id"));

  cli_run (f, &shown, "programme", "show", id, "--json", NULL);
  g_assert_true (cli_exited_with (&shown, 0));
  o = cli_parse_object (shown.out, &n2);
  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, "Thinking Partners");
  g_assert_cmpstr (json_object_get_string_member (o, "start_date"), ==, "2027-01-04");
  g_assert_cmpint (json_object_get_int_member (o, "meeting_minutes"), ==, 45);
  goals = json_object_get_array_member (o, "goals");
  g_assert_cmpuint (json_array_get_length (goals), ==, 2);
  g_assert_cmpstr (json_array_get_string_element (goals, 1), ==, "Juniors heard at the top");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "purposes")), ==, 2);

  cli_run (f, &updated, "programme", "update", id, "--meeting-minutes", "60",
           "--name=Thinking Partners 2027", "--json", NULL);
  g_assert_true (cli_exited_with (&updated, 0));
  o = cli_parse_object (updated.out, &n3);
  g_assert_cmpint (json_object_get_int_member (o, "meeting_minutes"), ==, 60);
  /* Fields not named keep their value. */
  g_assert_cmpstr (json_object_get_string_member (o, "start_date"), ==, "2027-01-04");

  cli_run (f, &listed, "programme", "list", "--json", NULL);
  g_assert_true (cli_exited_with (&listed, 0));
  n4 = json_from_string (listed.out, NULL);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (n4));
  g_assert_cmpuint (json_array_get_length (json_node_get_array (n4)), ==, 1);
  o = json_array_get_object_element (json_node_get_array (n4), 0);
  g_assert_cmpstr (json_object_get_string_member (o, "name"), ==, "Thinking Partners 2027");
  g_assert_cmpint (json_object_get_int_member (o, "meeting_minutes"), ==, 60);
}

static void
test_bad_input_changes_nothing (CliFixture       *f,
                                gconstpointer  data)
{
  g_auto(CliResult) created = { 0 };
  g_auto(CliResult) bad = { 0 };
  g_auto(CliResult) bad_dates = { 0 };
  g_auto(CliResult) shown = { 0 };
  g_auto(CliResult) missing = { 0 };
  g_auto(CliResult) usage = { 0 };
  g_autoptr(JsonNode) n = NULL;
  JsonObject *o;

  cli_run (f, &created, "programme", "create", "--name", "Stable", NULL);
  g_assert_true (cli_exited_with (&created, 0));
  g_assert_true (g_str_has_prefix (created.out, "Created program 1 “Stable”."));

  cli_run (f, &bad, "programme", "update", "1", "--meeting-minutes", "60",
           "--meetings-per-month", "12", NULL);
  g_assert_true (cli_exited_with (&bad, 1));
  g_assert_cmpstr (bad.err, ==,
                   "pairwise-cli: programme update: --meetings-per-month: "
                   "Meetings a month must be between 1 and 8, not 12.\n");
  g_assert_cmpstr (bad.out, ==, "");

  cli_run (f, &bad_dates, "programme", "update", "1", "--end-date", "2000-01-01", NULL);
  g_assert_true (cli_exited_with (&bad_dates, 1));
  g_assert_nonnull (strstr (bad_dates.err, "is not after the start date"));
  g_assert_cmpuint (strlen (bad_dates.err), ==, strcspn (bad_dates.err, "\n") + 1);

  cli_run (f, &shown, "programme", "show", "1", "--json", NULL);
  o = cli_parse_object (shown.out, &n);
  /* The valid --meeting-minutes of the refused line was not applied either. */
  g_assert_cmpint (json_object_get_int_member (o, "meeting_minutes"), ==, 45);
  g_assert_cmpint (json_object_get_int_member (o, "meetings_per_month"), ==, 1);

  cli_run (f, &missing, "programme", "show", "7", NULL);
  g_assert_true (cli_exited_with (&missing, 1));
  g_assert_nonnull (strstr (missing.err, "There is no program with ID 7"));

  cli_run (f, &usage, "programme", "frobnicate", NULL);
  g_assert_true (cli_exited_with (&usage, 2));
}

static void
test_delete (CliFixture       *f,
             gconstpointer  data)
{
  g_auto(CliResult) created = { 0 };
  g_auto(CliResult) deleted = { 0 };
  g_auto(CliResult) listed = { 0 };

  cli_run (f, &created, "programme", "create", "--name", "Short-lived", NULL);
  cli_run (f, &deleted, "programme", "delete", "1", NULL);
  g_assert_true (cli_exited_with (&deleted, 0));
  cli_run (f, &listed, "programme", "list", NULL);
  g_assert_true (cli_exited_with (&listed, 0));
  g_assert_true (g_str_has_prefix (listed.out, "No programs yet."));
}

static void
test_refuses_foreign_file (CliFixture       *f,
                           gconstpointer  data)
{
  g_auto(CliResult) r = { 0 };
  g_autofree char *after = NULL;

  g_assert_true (g_file_set_contents (f->db, "this is not a database\n", -1, NULL));
  cli_run (f, &r, "programme", "list", NULL);
  g_assert_true (cli_exited_with (&r, 1));
  g_assert_nonnull (strstr (r.err, "not a Pairwise database"));
  g_assert_true (g_str_has_suffix (r.err, "this one was not changed.\n"));
  g_assert_true (g_file_get_contents (f->db, &after, NULL, NULL));
  g_assert_cmpstr (after, ==, "this is not a database\n");
}

static void
test_bundle_round_trip (CliFixture       *f,
                        gconstpointer  data)
{
  g_auto(CliResult) created = { 0 };
  g_auto(CliResult) exported = { 0 };
  g_auto(CliResult) imported = { 0 };
  g_auto(CliResult) again = { 0 };
  g_auto(CliResult) bad = { 0 };
  g_autofree char *bundle = g_build_filename (f->dir, "tp.json", NULL);
  g_autofree char *broken = g_build_filename (f->dir, "broken.json", NULL);
  g_autofree char *other_db = g_build_filename (f->dir, "other.db", NULL);
  g_autofree char *first_db = g_strdup (f->db);
  g_autofree char *text = NULL;
  GStatBuf st;

  cli_run (f, &created, "programme", "create", "--name", "Bundled", NULL);
  cli_run (f, &exported, "bundle", "export", "--programme", "1", "-o", bundle, NULL);
  g_assert_true (cli_exited_with (&exported, 0));
  g_assert_cmpint (g_stat (bundle, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* Into another database, then out again: the same bytes. */
  g_free (f->db);
  f->db = g_strdup (other_db);
  cli_run (f, &imported, "bundle", "import", bundle, NULL);
  g_assert_true (cli_exited_with (&imported, 0));
  g_assert_true (g_str_has_prefix (imported.out, "Imported program 1"));
  cli_run (f, &again, "bundle", "export", "--programme", "1", NULL);
  g_assert_true (g_file_get_contents (bundle, &text, NULL, NULL));
  g_assert_cmpstr (again.out, ==, text);

  g_assert_true (g_file_set_contents (broken, "{\"format\": 3}", -1, NULL));
  cli_run (f, &bad, "bundle", "import", broken, NULL);
  g_assert_true (cli_exited_with (&bad, 1));
  g_assert_true (g_str_has_prefix (bad.err, "pairwise-cli: "));
  g_assert_nonnull (strstr (bad.err, "broken.json: not a Pairwise program bundle"));

  g_free (f->db);
  f->db = g_strdup (first_db);
}

/* "--help" after a command shows its help and does nothing else. */
static void
test_help_does_nothing (CliFixture       *f,
                        gconstpointer  data)
{
  static const char * const commands[][3] = {
    { "grades", "set", "--help" },
    { "bundle", "import", "--help" },
    { "programme", "create", "-h" },
    { "people", "list", "--help" },
  };
  g_auto(CliResult) grades = { 0 };
  g_auto(CliResult) listed = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(CliResult) r = { 0 };

      cli_run (f, &r, commands[i][0], commands[i][1], commands[i][2], NULL);
      if (!cli_exited_with (&r, 0) || !g_str_has_prefix (r.out, "Usage:") ||
          strstr (r.out, commands[i][0]) == NULL)
        g_error ("%s %s %s: exit %d, “%s”, “%s”", commands[i][0], commands[i][1], commands[i][2],
                 r.status, r.out, r.err);
    }

  cli_run (f, &grades, "grades", "list", NULL);
  g_assert_true (cli_exited_with (&grades, 0));
  g_assert_null (strstr (grades.out, "--help"));
  cli_run (f, &listed, "programme", "list", NULL);
  g_assert_true (g_str_has_prefix (listed.out, "No programs yet."));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli/programme/" name, CliFixture, NULL, cli_fixture_setup, func, cli_fixture_teardown)

  ADD ("round-trip", test_round_trip);
  ADD ("bad-input-changes-nothing", test_bad_input_changes_nothing);
  ADD ("delete", test_delete);
  ADD ("refuses-foreign-file", test_refuses_foreign_file);
  ADD ("help-does-nothing", test_help_does_nothing);
  g_test_add ("/cli/bundle/round-trip", CliFixture, NULL, cli_fixture_setup, test_bundle_round_trip, cli_fixture_teardown);

  return g_test_run ();
}
