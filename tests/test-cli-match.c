/* test-cli-match.c — pairwise-cli match, pairs and grades on the sample
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cli-helpers.h"

static void
test_sample_match (CliFixture    *f,
                   gconstpointer  data)
{
  g_auto(CliResult) sample = { 0 };
  g_auto(CliResult) match = { 0 };
  g_auto(CliResult) saved = { 0 };
  g_auto(CliResult) listed = { 0 };
  g_auto(CliResult) approved = { 0 };
  g_auto(CliResult) blind1 = { 0 };
  g_auto(CliResult) blind2 = { 0 };
  g_autoptr(JsonNode) n1 = NULL;
  g_autoptr(JsonNode) n2 = NULL;
  g_autoptr(JsonNode) n3 = NULL;
  JsonObject *o;
  JsonArray *pairs;
  JsonArray *unmatched;

  cli_run (f, &sample, "programme", "sample", NULL);
  g_assert_true (cli_exited_with (&sample, 0));

  cli_run (f, &match, "match", "--programme", "1", "--json", NULL);
  g_assert_true (cli_exited_with (&match, 0));
  o = cli_parse_object (match.out, &n1);
  pairs = json_object_get_array_member (o, "pairs");
  unmatched = json_object_get_array_member (o, "unmatched");
  g_assert_cmpuint (json_array_get_length (pairs), >=, 15);
  /* The chief executive wants a mentor, but every mentor reports to her. */
  g_assert_cmpuint (json_array_get_length (unmatched), >=, 1);
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (unmatched, 0), "diagnosis"),
                            "reporting line"));
  g_assert_nonnull (strstr (json_object_get_string_member (json_array_get_object_element (pairs, 0), "explanation"),
                            "Topic fit"));
  g_assert_true (json_object_has_member (o, "other_policy"));

  cli_run (f, &saved, "match", "--programme", "1", "--save", NULL);
  g_assert_true (cli_exited_with (&saved, 0));
  cli_run (f, &approved, "pairs", "approve-all", "--programme", "1", "--json", NULL);
  g_assert_true (cli_exited_with (&approved, 0));
  n2 = json_from_string (approved.out, NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (n2)), ==, json_array_get_length (pairs));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (json_node_get_array (n2), 0), "state"),
                   ==, "approved");

  /* With everyone placed, a second match has no one left to pair. */
  cli_run (f, &listed, "match", "--programme", "1", "--json", NULL);
  n3 = json_from_string (listed.out, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (n3), "pairs")), ==, 0);

  cli_run (f, &blind1, "match", "--programme", "1", "--random", "--seed", "7", NULL);
  cli_run (f, &blind2, "match", "--programme", "1", "--random", "--seed", "7", NULL);
  g_assert_cmpstr (blind1.out, ==, blind2.out);
}

static void
test_grades (CliFixture    *f,
             gconstpointer  data)
{
  g_auto(CliResult) set = { 0 };
  g_auto(CliResult) dup = { 0 };

  cli_run (f, &set, "grades", "set", "Associate", "Manager", "Director", NULL);
  g_assert_true (cli_exited_with (&set, 0));
  g_assert_cmpstr (set.out, ==, "1\tAssociate\n2\tManager\n3\tDirector\n");
  cli_run (f, &dup, "grades", "set", "Associate", "associate", NULL);
  g_assert_true (cli_exited_with (&dup, 1));
  g_assert_nonnull (strstr (dup.err, "appears twice"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/match/sample", CliFixture, NULL, cli_fixture_setup, test_sample_match, cli_fixture_teardown);
  g_test_add ("/cli/grades", CliFixture, NULL, cli_fixture_setup, test_grades, cli_fixture_teardown);

  return g_test_run ();
}
