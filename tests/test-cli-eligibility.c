/* test-cli-eligibility.c — pairwise-cli eligibility rules|check|override
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "cli-helpers.h"

static const char bundle[] =
  "{\"format\": \"io.github.pairwise.Pairwise.bundle\", \"version\": 1,"
  " \"programme\": {\"name\": \"Thinking Partners\"},"
  " \"grades\": [\"Band 1\", \"Band 2\", \"Band 3\", \"Band 4\", \"Band 5\", \"Band 6\", \"Band 7\", \"Band 8\"],"
  " \"people\": ["
  "  {\"name\": \"Amara Okafor\", \"email\": \"amara@example.org\", \"grade\": \"Band 2\", \"capacity\": 1},"
  "  {\"name\": \"Helen Marsh\", \"email\": \"helen@example.org\", \"grade\": \"Band 8\"},"
  "  {\"name\": \"Ravi Shah\", \"email\": \"ravi@example.org\", \"grade\": \"Band 7\"},"
  "  {\"name\": \"No Grade\", \"email\": \"nograde@example.org\"}"
  " ]}";

static void
import_sample (CliFixture *f)
{
  g_auto(CliResult) r = { 0 };
  g_autofree char *path = g_build_filename (f->dir, "b.json", NULL);

  g_assert_true (g_file_set_contents (path, bundle, -1, NULL));
  cli_run (f, &r, "bundle", "import", path, NULL);
  g_assert_true (cli_exited_with (&r, 0));
}

static JsonObject *
person_named (JsonArray  *people,
              const char *name)
{
  for (guint i = 0; i < json_array_get_length (people); i++)
    {
      JsonObject *o = json_array_get_object_element (people, i);
      if (g_str_equal (json_object_get_string_member (o, "name"), name))
        return o;
    }
  g_assert_not_reached ();
}

static void
test_preset_and_check (CliFixture    *f,
                       gconstpointer  data)
{
  g_auto(CliResult) preset = { 0 };
  g_auto(CliResult) check = { 0 };
  g_auto(CliResult) override = { 0 };
  g_auto(CliResult) no_why = { 0 };
  g_auto(CliResult) after = { 0 };
  g_autoptr(JsonNode) n1 = NULL;
  g_autoptr(JsonNode) n2 = NULL;
  g_autofree char *amara_id = NULL;
  JsonObject *o;
  JsonArray *people;
  JsonObject *amara;
  JsonObject *summary;

  import_sample (f);

  cli_run (f, &preset, "eligibility", "rules", "--programme", "1",
           "--reverse-preset", "Band 4", "Band 7", NULL);
  g_assert_true (cli_exited_with (&preset, 0));
  g_assert_nonnull (strstr (preset.out, "grade at least Band 7"));
  g_assert_nonnull (strstr (preset.out, "grade at most Band 4"));

  cli_run (f, &check, "eligibility", "check", "--programme", "1", "--json", NULL);
  g_assert_true (cli_exited_with (&check, 0));
  o = cli_parse_object (check.out, &n1);
  people = json_object_get_array_member (o, "people");
  amara = person_named (people, "Amara Okafor");
  g_assert_cmpstr (json_object_get_string_member (amara, "verdict"), ==, "mentor");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (amara, "mentee_reasons"), 0),
                   ==, "grade Band 2 is below the mentee minimum, Band 7");
  g_assert_cmpstr (json_object_get_string_member (person_named (people, "Helen Marsh"), "verdict"), ==, "mentee");
  g_assert_cmpstr (json_object_get_string_member (person_named (people, "No Grade"), "verdict"), ==, "neither");
  summary = json_object_get_object_member (o, "summary");
  g_assert_cmpint (json_object_get_int_member (summary, "mentees"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (summary, "mentors"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (summary, "mentees_unmatchable"), ==, 1);

  /* An override without a reason is refused; with one it changes the verdict. */
  amara_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (amara, "id"));
  cli_run (f, &no_why, "eligibility", "override", "--programme", "1", "--person", amara_id,
           "--as", "mentee", "--eligible", "yes", "--why", " ", NULL);
  g_assert_true (cli_exited_with (&no_why, 1));
  g_assert_nonnull (strstr (no_why.err, "needs a justification"));

  cli_run (f, &override, "eligibility", "override", "--programme", "1", "--person", amara_id,
           "--as", "mentee", "--eligible", "yes", "--why", "Leads the digital switchover", NULL);
  g_assert_true (cli_exited_with (&override, 0));

  cli_run (f, &after, "eligibility", "check", "--programme", "1", "--json", NULL);
  o = cli_parse_object (after.out, &n2);
  amara = person_named (json_object_get_array_member (o, "people"), "Amara Okafor");
  g_assert_cmpstr (json_object_get_string_member (amara, "verdict"), ==, "both");
}

static void
test_bad_rule (CliFixture    *f,
               gconstpointer  data)
{
  g_auto(CliResult) bad = { 0 };
  g_auto(CliResult) contradictory = { 0 };
  g_auto(CliResult) rules = { 0 };
  g_autoptr(JsonNode) n = NULL;
  JsonArray *array;

  import_sample (f);
  cli_run (f, &bad, "eligibility", "rules", "--programme", "1", "--add", "mentee: grade sideways Band 2", NULL);
  g_assert_true (cli_exited_with (&bad, 1));
  g_assert_nonnull (strstr (bad.err, "after the kind comes an operator"));

  cli_run (f, &contradictory, "eligibility", "rules", "--programme", "1",
           "--add", "mentor: grade between Band 6..Band 2", NULL);
  g_assert_true (cli_exited_with (&contradictory, 0));

  cli_run (f, &rules, "eligibility", "rules", "--programme", "1", "--json", NULL);
  n = json_from_string (rules.out, NULL);
  array = json_node_get_array (n);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "problem"), ==,
                   "the minimum, Band 6, is above the maximum, Band 2");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/eligibility/preset-and-check", CliFixture, NULL,
              cli_fixture_setup, test_preset_and_check, cli_fixture_teardown);
  g_test_add ("/cli/eligibility/bad-rule", CliFixture, NULL,
              cli_fixture_setup, test_bad_rule, cli_fixture_teardown);

  return g_test_run ();
}
