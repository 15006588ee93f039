/* test-cli-people.c — pairwise-cli people import, list, show and export
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "cli-helpers.h"

static char *
write_file (CliFixture *f,
            const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (f->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, -1, &error));
  g_assert_no_error (error);
  return path;
}

static char *
create_programme (CliFixture *f)
{
  g_auto(CliResult) r = { 0 };
  g_autoptr(JsonNode) node = NULL;

  cli_run (f, &r, "programme", "create", "--name", "X", "--json", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  node = json_from_string (r.out, NULL);
  g_assert_nonnull (node);
  return g_strdup_printf ("%" G_GINT64_FORMAT,
                          json_object_get_int_member (json_node_get_object (node), "id"));
}

static JsonArray *
list_json (CliFixture  *f,
           const char  *programme,
           JsonNode   **keep)
{
  g_auto(CliResult) r = { 0 };

  if (programme != NULL)
    cli_run (f, &r, "people", "list", "--programme", programme, "--json", NULL);
  else
    cli_run (f, &r, "people", "list", "--json", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  *keep = json_from_string (r.out, NULL);
  g_assert_nonnull (*keep);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (*keep));
  return json_node_get_array (*keep);
}

static const char people_csv[] =
  "\xEF\xBB\xBF" "Full name;E-mail;Line Manager;Dept;Job title;Mentor or mentee\r\n"
  "Ada Lovelace;ada@example.org;grace@example.org;Digital and Data;\"Analyst; data\";mentor\r\n"
  "Grace Hopper;grace@example.org;;Digital and Data;Director;mentee\r\n"
  "Alan Turing;alan@example.org;Ada Lovelace;=cmd|' /C calc'!A0;\"Engineer\nsecond line\";either\r\n";

static void
test_import_list_export (CliFixture    *f,
                         gconstpointer  data)
{
  g_autofree char *id = create_programme (f);
  g_autofree char *csv = write_file (f, "people.csv", people_csv);
  g_autofree char *exported = g_build_filename (f->dir, "out.csv", NULL);
  g_autofree char *text = NULL;
  g_auto(CliResult) imported = { 0 };
  g_auto(CliResult) shown = { 0 };
  g_auto(CliResult) out = { 0 };
  g_auto(CliResult) again = { 0 };
  g_autoptr(JsonNode) list_node = NULL;
  g_autoptr(JsonNode) summary = NULL;
  g_autoptr(JsonNode) person = NULL;
  JsonArray *list;
  GStatBuf st;

  cli_run (f, &imported, "people", "import", "--programme", id, "people.csv", "--json", NULL);
  g_assert_cmpstr (imported.err, ==, "");
  g_assert_true (cli_exited_with (&imported, 0));
  summary = json_from_string (imported.out, NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (summary), "added"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (summary), "enrolled"), ==, 3);

  list = list_json (f, id, &list_node);
  g_assert_cmpuint (json_array_get_length (list), ==, 3);
  /* Sorted by name: Ada, Alan, Grace. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (list, 0), "job_title"),
                   ==, "Analyst; data");

  cli_run (f, &shown, "people", "show", "alan@example.org", "--json", NULL);
  g_assert_true (cli_exited_with (&shown, 0));
  person = json_from_string (shown.out, NULL);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (person), "department"),
                   ==, "=cmd|' /C calc'!A0");
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (person), "manager_id"), ==,
                   json_object_get_int_member (json_array_get_object_element (list, 0), "id"));

  cli_run (f, &out, "people", "export", "--programme", id, "-o", exported, NULL);
  g_assert_true (cli_exited_with (&out, 0));
  g_assert_cmpint (g_stat (exported, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (exported, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, ",'=cmd|' /C calc'!A0,"));
  g_assert_nonnull (strstr (text, "Alan Turing,alan@example.org,ada@example.org,\"Engineer\nsecond line\","));

  /* Re-importing the export changes nothing and finds everyone. */
  cli_run (f, &again, "people", "import", "--programme", id, exported, "--json", NULL);
  g_assert_cmpstr (again.err, ==, "");
  g_assert_true (cli_exited_with (&again, 0));
  g_clear_pointer (&summary, json_node_unref);
  summary = json_from_string (again.out, NULL);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (summary), "added"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (summary), "updated"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (json_node_get_object (summary), "enrolled"), ==, 0);

  {
    g_autoptr(JsonNode) after_node = NULL;
    g_autoptr(JsonNode) before_node = json_array_get_element (list, 2) ? json_node_copy (json_array_get_element (list, 2)) : NULL;
    JsonArray *after = list_json (f, id, &after_node);

    g_assert_cmpuint (json_array_get_length (after), ==, 3);
    g_assert_true (json_node_equal (before_node, json_array_get_element (after, 2)));
  }
}

static void
test_map_and_dry_run (CliFixture    *f,
                      gconstpointer  data)
{
  g_autofree char *csv = write_file (f, "odd.csv",
                                     "Who,Address,Team\nAda,ada@example.org,R&D\n");
  g_auto(CliResult) unmapped = { 0 };
  g_auto(CliResult) dry = { 0 };
  g_auto(CliResult) real = { 0 };
  g_autoptr(JsonNode) node = NULL;

  cli_run (f, &unmapped, "people", "import", "odd.csv", NULL);
  g_assert_true (cli_exited_with (&unmapped, 1));
  g_assert_nonnull (strstr (unmapped.err, "--map email="));

  cli_run (f, &dry, "people", "import", "odd.csv", "--map", "name=Who", "--map", "email=2",
           "--map=department=team", "--dry-run", NULL);
  g_assert_cmpstr (dry.err, ==, "");
  g_assert_true (cli_exited_with (&dry, 0));
  g_assert_cmpuint (json_array_get_length (list_json (f, NULL, &node)), ==, 0);
  g_clear_pointer (&node, json_node_unref);

  cli_run (f, &real, "people", "import", "odd.csv", "--map", "name=Who", "--map", "email=2",
           "--map=department=team", NULL);
  g_assert_true (cli_exited_with (&real, 0));
  g_assert_cmpuint (json_array_get_length (list_json (f, NULL, &node)), ==, 1);
}

static void
test_bad_file (CliFixture    *f,
               gconstpointer  data)
{
  g_autofree char *id = create_programme (f);
  g_autofree char *good = write_file (f, "people.csv", people_csv);
  g_autofree char *bad = write_file (f, "bad.csv",
                                     "Name,E-mail,Line Manager\n"
                                     "Bob,bob@,\n"
                                     "Carol,carol@example.org,nobody@example.org\n"
                                     "Dan,dan@example.org\n"
                                     "Eve,eve@example.org,\n");
  g_autofree char *latin1 = write_file (f, "latin1.csv", "Name,E-mail\nZo\xEB,zoe@example.org\n");
  g_auto(CliResult) first = { 0 };
  g_auto(CliResult) r = { 0 };
  g_auto(CliResult) r2 = { 0 };
  g_autoptr(JsonNode) before = NULL;
  g_autoptr(JsonNode) after = NULL;
  g_auto(GStrv) lines = NULL;

  cli_run (f, &first, "people", "import", "--programme", id, "people.csv", NULL);
  g_assert_true (cli_exited_with (&first, 0));
  list_json (f, NULL, &before);

  cli_run (f, &r, "people", "import", "--programme", id, "bad.csv", NULL);
  g_assert_true (cli_exited_with (&r, 1));
  g_assert_cmpstr (r.out, ==, "");
  lines = g_strsplit (g_strchomp (r.err), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "bad.csv:2:E-mail: “bob@” is not an email address"));
  g_assert_true (g_str_has_prefix (lines[1], "bad.csv:3:Line Manager: manager “nobody@example.org”"));
  g_assert_true (g_str_has_prefix (lines[2], "bad.csv:4:Line Manager: this line has 2 fields"));

  cli_run (f, &r2, "people", "import", "--programme", id, "latin1.csv", NULL);
  g_assert_true (cli_exited_with (&r2, 1));
  g_assert_true (g_str_has_prefix (r2.err, "latin1.csv: byte 14 (line 2) is not UTF-8"));

  list_json (f, NULL, &after);
  g_assert_true (json_node_equal (before, after));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli-people/import-list-export", CliFixture, NULL,
              cli_fixture_setup, test_import_list_export, cli_fixture_teardown);
  g_test_add ("/cli-people/map-and-dry-run", CliFixture, NULL,
              cli_fixture_setup, test_map_and_dry_run, cli_fixture_teardown);
  g_test_add ("/cli-people/bad-file", CliFixture, NULL,
              cli_fixture_setup, test_bad_file, cli_fixture_teardown);

  return g_test_run ();
}
