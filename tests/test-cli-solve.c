/* test-cli-solve.c — pairwise-cli solve on small score matrices
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "cli-helpers.h"

/* Four mentees, three mentors; mentee 1 may not have mentor 3, nor
 * mentee 2 mentor 2. */
static const char matrix_text[] =
  "5,3,\n"
  "2,,4\n"
  "1,1,1\n"
  "0,7,2\n";

static char *
write_file (CliFixture *f,
            const char *name,
            const char *text)
{
  char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return path;
}

static void
assert_assignment (JsonObject *o,
                   const int  *expected,
                   guint       n)
{
  JsonArray *assignment = json_object_get_array_member (o, "assignment");

  g_assert_cmpuint (json_array_get_length (assignment), ==, n);
  for (guint i = 0; i < n; i++)
    {
      JsonNode *node = json_array_get_element (assignment, i);

      if (expected[i] < 0)
        g_assert_true (JSON_NODE_HOLDS_NULL (node));
      else
        g_assert_cmpint (json_node_get_int (node), ==, expected[i]);
    }
}

static void
test_text (CliFixture    *f,
           gconstpointer  data)
{
  g_autofree char *matrix = write_file (f, "m.csv", matrix_text);
  g_auto(CliResult) r = { 0 };

  cli_run (f, &r, "solve", matrix, NULL);
  g_assert_true (cli_exited_with (&r, 0));
  g_assert_cmpstr (r.out, ==,
                   "Mentee 1: mentor 1, score 5\n"
                   "Mentee 2: mentor 3, score 4\n"
                   "Mentee 3: none\n"
                   "Mentee 4: mentor 2, score 7\n"
                   "Total: 16, 3 of 4 mentees matched\n");
  g_assert_cmpstr (r.err, ==, "");
}

static void
test_json (CliFixture    *f,
           gconstpointer  data)
{
  g_autofree char *matrix = write_file (f, "m.csv", matrix_text);
  g_autofree char *caps = write_file (f, "caps.csv", "2\n1\n1\n");
  g_auto(CliResult) r1 = { 0 };
  g_auto(CliResult) r2 = { 0 };
  g_autoptr(JsonNode) n1 = NULL;
  g_autoptr(JsonNode) n2 = NULL;
  const int expected1[] = { 1, 3, -1, 2 };
  const int expected2[] = { 1, 3, 1, 2 };
  JsonObject *o;

  cli_run (f, &r1, "solve", matrix, "--json", NULL);
  g_assert_true (cli_exited_with (&r1, 0));
  o = cli_parse_object (r1.out, &n1);
  assert_assignment (o, expected1, 4);
  g_assert_cmpint (json_object_get_int_member (o, "total"), ==, 16);
  g_assert_cmpint (json_object_get_int_member (o, "matched"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (o, "policy"), ==, "coverage");
  g_assert_true (json_object_has_member (o, "solve_ms"));
  g_assert_cmpfloat (json_object_get_double_member (o, "solve_ms"), >=, 0.0);

  /* Mentor 1 takes two: everyone is matched. */
  cli_run (f, &r2, "solve", matrix, "--capacity", caps, "--json", NULL);
  g_assert_true (cli_exited_with (&r2, 0));
  o = cli_parse_object (r2.out, &n2);
  assert_assignment (o, expected2, 4);
  g_assert_cmpint (json_object_get_int_member (o, "total"), ==, 17);
  g_assert_cmpint (json_object_get_int_member (o, "matched"), ==, 4);
}

static void
test_policy (CliFixture    *f,
             gconstpointer  data)
{
  /* One mentor for two; a negative score is worth leaving out. */
  g_autofree char *matrix = write_file (f, "m.csv", "-1\r\n5\r\n");
  g_autofree char *caps = write_file (f, "caps.csv", "2");
  g_auto(CliResult) coverage = { 0 };
  g_auto(CliResult) score = { 0 };
  g_auto(CliResult) bad = { 0 };
  g_autoptr(JsonNode) n1 = NULL;
  g_autoptr(JsonNode) n2 = NULL;
  const int expected_coverage[] = { 1, 1 };
  const int expected_score[] = { -1, 1 };
  JsonObject *o;

  cli_run (f, &coverage, "solve", matrix, "--capacity", caps, "--json", "--policy", "coverage", NULL);
  g_assert_true (cli_exited_with (&coverage, 0));
  o = cli_parse_object (coverage.out, &n1);
  assert_assignment (o, expected_coverage, 2);
  g_assert_cmpint (json_object_get_int_member (o, "total"), ==, 4);

  cli_run (f, &score, "--json", "solve", matrix, "--capacity", caps, "--policy=score", NULL);
  g_assert_true (cli_exited_with (&score, 0));
  o = cli_parse_object (score.out, &n2);
  assert_assignment (o, expected_score, 2);
  g_assert_cmpint (json_object_get_int_member (o, "total"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (o, "matched"), ==, 1);

  cli_run (f, &bad, "solve", matrix, "--policy", "fair", NULL);
  g_assert_true (cli_exited_with (&bad, 2));
  g_assert_nonnull (strstr (bad.err, "fair"));
}

static void
test_capacity_row (CliFixture    *f,
                   gconstpointer  data)
{
  g_autofree char *matrix = write_file (f, "m.csv", matrix_text);
  g_autofree char *caps = write_file (f, "caps.csv", "0;1;1\n");
  g_auto(CliResult) r = { 0 };
  g_autoptr(JsonNode) node = NULL;
  const int expected[] = { -1, 3, -1, 2 };
  JsonObject *o;

  /* Semicolons, all on one row; mentor 1 takes nobody, so two mentees
   * can be matched: mentee 4 with mentor 2 (7), mentee 2 with mentor 3 (4). */
  cli_run (f, &r, "solve", matrix, "--capacity", caps, "--json", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  o = cli_parse_object (r.out, &node);
  assert_assignment (o, expected, 4);
  g_assert_cmpint (json_object_get_int_member (o, "total"), ==, 11);
  g_assert_cmpint (json_object_get_int_member (o, "matched"), ==, 2);
}

static void
test_bad_cell (CliFixture    *f,
               gconstpointer  data)
{
  g_autofree char *matrix = write_file (f, "bad.csv", "1,2,3\n4,x5,6\n");
  g_auto(CliResult) r = { 0 };
  g_autofree char *where = g_strdup_printf ("%s:2:3: ", matrix);

  cli_run (f, &r, "solve", matrix, NULL);
  g_assert_true (cli_exited_with (&r, 1));
  g_assert_cmpstr (r.out, ==, "");
  g_assert_nonnull (strstr (r.err, where));
  g_assert_nonnull (strstr (r.err, "x5"));
  g_assert_null (strchr (strchr (r.err, '\n') + 1, '\n'));  /* one line */
}

static void
test_ragged (CliFixture    *f,
             gconstpointer  data)
{
  g_autofree char *matrix = write_file (f, "ragged.csv", "1,2,3\n4,5,6\n7,8\n");
  g_autofree char *wide = write_file (f, "wide.csv", "1,2\n4,5,6\n");
  g_auto(CliResult) r1 = { 0 };
  g_auto(CliResult) r2 = { 0 };
  g_autofree char *where1 = g_strdup_printf ("%s:3:3: ", matrix);
  g_autofree char *where2 = g_strdup_printf ("%s:2:5: ", wide);

  cli_run (f, &r1, "solve", matrix, NULL);
  g_assert_true (cli_exited_with (&r1, 1));
  g_assert_nonnull (strstr (r1.err, where1));

  cli_run (f, &r2, "solve", wide, NULL);
  g_assert_true (cli_exited_with (&r2, 1));
  g_assert_nonnull (strstr (r2.err, where2));
}

static void
test_bad_capacity (CliFixture    *f,
                   gconstpointer  data)
{
  g_autofree char *matrix = write_file (f, "m.csv", matrix_text);
  g_autofree char *caps = write_file (f, "caps.csv", "1\n-1\n1\n");
  g_autofree char *short_caps = write_file (f, "short.csv", "1\n1\n");
  g_auto(CliResult) r1 = { 0 };
  g_auto(CliResult) r2 = { 0 };
  g_autofree char *where = g_strdup_printf ("%s:2:1: ", caps);

  cli_run (f, &r1, "solve", matrix, "--capacity", caps, NULL);
  g_assert_true (cli_exited_with (&r1, 1));
  g_assert_nonnull (strstr (r1.err, where));

  cli_run (f, &r2, "solve", matrix, "--capacity", short_caps, NULL);
  g_assert_true (cli_exited_with (&r2, 1));
  g_assert_nonnull (strstr (r2.err, "2 capacities for 3 mentors"));
}

static void
test_missing (CliFixture    *f,
              gconstpointer  data)
{
  g_autofree char *missing = g_build_filename (f->dir, "nowhere.csv", NULL);
  g_auto(CliResult) r1 = { 0 };
  g_auto(CliResult) r2 = { 0 };

  cli_run (f, &r1, "solve", missing, NULL);
  g_assert_true (cli_exited_with (&r1, 1));
  g_assert_nonnull (strstr (r1.err, "nowhere.csv"));

  cli_run (f, &r2, "solve", NULL);
  g_assert_true (cli_exited_with (&r2, 2));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, CliFixture, NULL, cli_fixture_setup, func, cli_fixture_teardown)

  ADD ("/cli/solve/text", test_text);
  ADD ("/cli/solve/json", test_json);
  ADD ("/cli/solve/policy", test_policy);
  ADD ("/cli/solve/capacity-row", test_capacity_row);
  ADD ("/cli/solve/bad-cell", test_bad_cell);
  ADD ("/cli/solve/ragged", test_ragged);
  ADD ("/cli/solve/bad-capacity", test_bad_capacity);
  ADD ("/cli/solve/missing", test_missing);

#undef ADD

  return g_test_run ();
}
