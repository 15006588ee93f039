/* test-cli-workspace.c — pairwise-cli workspace on the sample programme
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "cli-helpers.h"

#define DIARY_TEXT "Talked about the night shift rota"

/* The sample, matched and approved; returns the first pair's ID. */
static char *
make_pairs (CliFixture *f)
{
  g_auto(CliResult) r = { 0 };
  g_autoptr(JsonNode) keep = NULL;
  JsonArray *pairs;

  cli_run (f, &r, "programme", "sample", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  cli_run (f, &r, "match", "--programme", "1", "--save", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  cli_run (f, &r, "pairs", "approve-all", "--programme", "1", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  cli_run (f, &r, "pairs", "list", "--programme", "1", "--json", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  keep = json_from_string (r.out, NULL);
  pairs = json_node_get_array (keep);
  g_assert_cmpuint (json_array_get_length (pairs), >, 0);

  return g_strdup_printf ("%" G_GINT64_FORMAT,
                          json_object_get_int_member (json_array_get_object_element (pairs, 0), "id"));
}

static void
test_agreement (CliFixture    *f,
                gconstpointer  data)
{
  g_autofree char *pair = make_pairs (f);
  g_auto(CliResult) r = { 0 };
  g_autoptr(JsonNode) n1 = NULL;
  g_autoptr(JsonNode) n2 = NULL;
  g_autoptr(JsonNode) n3 = NULL;
  JsonObject *o;

  cli_run (f, &r, "workspace", "agreement", "--pair", pair,
           "--set", "mentee-gains=Confidence online", "--set", "meetings-per-month=2",
           "--set", "contact-forms=video,email", "--json", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  o = cli_parse_object (r.out, &n1);
  g_assert_cmpstr (json_object_get_string_member (o, "state"), ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (o, "mentee_gains"), ==, "Confidence online");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (o, "contact_forms")), ==, 2);

  cli_run (f, &r, "workspace", "agreement", "--pair", pair, "--accept", "mentee",
           "--date", "2026-01-10", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  g_assert_nonnull (strstr (r.out, "accepted-by-mentee"));
  cli_run (f, &r, "workspace", "agreement", "--pair", pair, "--accept", "mentor", "--json", NULL);
  o = cli_parse_object (r.out, &n2);
  g_assert_cmpstr (json_object_get_string_member (o, "state"), ==, "accepted");
  g_assert_cmpstr (json_object_get_string_member (o, "mentee_accepted"), ==, "2026-01-10");

  /* An edit clears both acceptances. */
  cli_run (f, &r, "workspace", "agreement", "--pair", pair, "--set", "unrealistic=Going viral",
           "--json", NULL);
  o = cli_parse_object (r.out, &n3);
  g_assert_cmpstr (json_object_get_string_member (o, "state"), ==, "draft");
  g_assert_cmpstr (json_object_get_string_member (o, "mentor_accepted"), ==, "");

  /* Bad input: one clear line, exit 1. */
  cli_run (f, &r, "workspace", "agreement", "--pair", pair, "--set", "meetings-per-month=12", NULL);
  g_assert_true (cli_exited_with (&r, 1));
  g_assert_nonnull (strstr (r.err, "meetings-per-month"));
  g_assert_nonnull (strstr (r.err, "from 1 to 8"));
  cli_run (f, &r, "workspace", "agreement", "--pair", pair, "--set", "colour=blue", NULL);
  g_assert_true (cli_exited_with (&r, 1));
  g_assert_nonnull (strstr (r.err, "“colour” is not a field"));
  cli_run (f, &r, "workspace", "agreement", "--pair", "999", NULL);
  g_assert_true (cli_exited_with (&r, 1));
  g_assert_nonnull (strstr (r.err, "no pair 999"));
  cli_run (f, &r, "workspace", "agreement", NULL);
  g_assert_true (cli_exited_with (&r, 2));
}

static void
test_worksheets (CliFixture    *f,
                 gconstpointer  data)
{
  g_autofree char *pair = make_pairs (f);
  g_auto(CliResult) r = { 0 };
  g_autoptr(JsonNode) n1 = NULL;
  g_autoptr(JsonNode) n2 = NULL;
  g_autoptr(JsonNode) n3 = NULL;
  JsonObject *o;

  cli_run (f, &r, "workspace", "worksheet", "--pair", pair, "--kind", "grow",
           "--set", "goal=Lead a hybrid meeting well", "--set", "reality=Remote people go quiet", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  g_assert_nonnull (strstr (r.out, "version 1"));
  cli_run (f, &r, "workspace", "worksheet", "--pair", pair, "--kind", "grow",
           "--set", "will=Ask remote people first", "--json", NULL);
  o = cli_parse_object (r.out, &n1);
  g_assert_cmpint (json_object_get_int_member (o, "version"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "content"), "goal"),
                   ==, "Lead a hybrid meeting well");

  cli_run (f, &r, "workspace", "worksheet", "--pair", pair, "--kind", "grow", "--history", NULL);
  g_assert_true (g_str_has_prefix (r.out, "2\t"));
  cli_run (f, &r, "workspace", "worksheet", "--pair", pair, "--kind", "grow", "--load-version", "1", "--json", NULL);
  o = cli_parse_object (r.out, &n2);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (o, "content"), "will"), ==, "");

  cli_run (f, &r, "workspace", "worksheet", "--pair", pair, "--kind", "force-field",
           "--set", "change=Shared calendar", "--set", "for=Fewer clashes:4", "--set", "for=Boss keen:2",
           "--set", "against=Habit:5", "--json", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  o = cli_parse_object (r.out, &n3);
  g_assert_cmpint (json_object_get_int_member (o, "total_for"), ==, 6);
  g_assert_cmpint (json_object_get_int_member (o, "total_against"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (o, "balance"), ==, 1);

  cli_run (f, &r, "workspace", "worksheet", "--pair", pair, "--kind", "force-field",
           "--set", "for=Too strong:9", NULL);
  g_assert_true (cli_exited_with (&r, 1));
  g_assert_nonnull (strstr (r.err, "from 1 to 5"));
  cli_run (f, &r, "workspace", "worksheet", "--pair", pair, "--kind", "swot", "--set", "goal=x", NULL);
  g_assert_true (cli_exited_with (&r, 1));
  g_assert_nonnull (strstr (r.err, "strengths, weaknesses, opportunities, threats"));
  cli_run (f, &r, "workspace", "worksheet", "--pair", pair, "--kind", "pest", NULL);
  g_assert_true (cli_exited_with (&r, 2));
}

static void
test_diary_private (CliFixture    *f,
                    gconstpointer  data)
{
  g_autofree char *pair = make_pairs (f);
  g_autofree char *without = g_build_filename (f->dir, "without.json", NULL);
  g_autofree char *with = g_build_filename (f->dir, "with.json", NULL);
  g_autofree char *text = NULL;
  g_auto(CliResult) r = { 0 };

  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *date = g_strdup_printf ("2026-0%u-01", i + 1);

      cli_run (f, &r, "workspace", "diary", "--pair", pair, "--add", "--date", date,
               "--topics", DIARY_TEXT, "--raised-by", "mentor", "--actions", "Read up",
               "--actions-by", "mentor", NULL);
      g_assert_true (cli_exited_with (&r, 0));
    }

  cli_run (f, &r, "workspace", "diary", "--pair", pair, NULL);
  g_assert_nonnull (strstr (r.out, DIARY_TEXT));

  cli_run (f, &r, "workspace", "signals", "--pair", pair, NULL);
  g_assert_true (cli_exited_with (&r, 0));
  g_assert_nonnull (strstr (r.out, "no-own-topics"));
  g_assert_nonnull (strstr (r.out, "actions-by-mentor"));

  /* Left out of show and of the bundle, unless asked for. */
  cli_run (f, &r, "workspace", "show", "--pair", pair, NULL);
  g_assert_true (cli_exited_with (&r, 0));
  g_assert_null (strstr (r.out, DIARY_TEXT));
  g_assert_nonnull (strstr (r.out, "private to the pair"));
  cli_run (f, &r, "workspace", "show", "--pair", pair, "--json", NULL);
  g_assert_null (strstr (r.out, DIARY_TEXT));
  cli_run (f, &r, "workspace", "show", "--pair", pair, "--json", "--with-diary", NULL);
  g_assert_nonnull (strstr (r.out, DIARY_TEXT));

  cli_run (f, &r, "bundle", "export", "--programme", "1", "-o", without, NULL);
  g_assert_true (cli_exited_with (&r, 0));
  g_assert_nonnull (strstr (r.err, "without"));
  g_assert_true (g_file_get_contents (without, &text, NULL, NULL));
  g_assert_null (strstr (text, DIARY_TEXT));
  g_assert_null (strstr (text, "Read up"));
  g_assert_nonnull (strstr (text, "\"includes_diaries\" : false"));
  g_clear_pointer (&text, g_free);

  cli_run (f, &r, "bundle", "export", "--programme", "1", "--diaries", "-o", with, NULL);
  g_assert_true (cli_exited_with (&r, 0));
  g_assert_nonnull (strstr (r.err, "with the pairs’ diaries"));
  g_assert_true (g_file_get_contents (with, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, DIARY_TEXT));
  g_assert_nonnull (strstr (text, "\"includes_diaries\" : true"));
}

static void
test_plan_and_close (CliFixture    *f,
                     gconstpointer  data)
{
  g_autofree char *pair = make_pairs (f);
  g_auto(CliResult) r = { 0 };
  g_autoptr(JsonNode) n1 = NULL;
  g_autoptr(JsonNode) n2 = NULL;
  JsonObject *o;
  JsonObject *goal;
  g_autofree char *goal_id = NULL;
  g_autofree char *benchmark_id = NULL;

  cli_run (f, &r, "workspace", "plan", "--pair", pair, "--add-goal", "Post weekly",
           "--set", "time-bound=2026-06-30", "--json", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  o = cli_parse_object (r.out, &n1);
  goal = json_array_get_object_element (json_object_get_array_member (o, "goals"), 0);
  goal_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (goal, "id"));

  cli_run (f, &r, "workspace", "plan", "--pair", pair, "--goal", goal_id,
           "--add-benchmark", "First post", "--due", "2026-02-01", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  cli_run (f, &r, "workspace", "plan", "--pair", pair, "--goal", goal_id,
           "--add-benchmark", "Second post", "--json", NULL);
  o = cli_parse_object (r.out, &n2);
  goal = json_array_get_object_element (json_object_get_array_member (o, "goals"), 0);
  benchmark_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                  json_object_get_int_member (json_array_get_object_element (
                                    json_object_get_array_member (goal, "benchmarks"), 0), "id"));
  cli_run (f, &r, "workspace", "plan", "--pair", pair, "--benchmark", benchmark_id, "--status", "done", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  g_assert_nonnull (strstr (r.out, "1 of 2 benchmarks done"));

  cli_run (f, &r, "workspace", "close", "--pair", pair, "--close", NULL);
  g_assert_true (cli_exited_with (&r, 1));
  g_assert_nonnull (strstr (r.err, "cannot be closed yet"));

  cli_run (f, &r, "workspace", "close", "--pair", pair,
           "--set", "goals-reviewed=yes", "--set", "covered=Social media",
           "--set", "mentee-started=Never posted", "--set", "mentee-reached=Weekly posts",
           "--set", "mentor-started=Unsure", "--set", "mentor-reached=Confident",
           "--set", "mentee-gained=Confidence", "--close", "--date", "2026-12-01", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  g_assert_nonnull (strstr (r.out, "Closed on 2026-12-01"));

  cli_run (f, &r, "workspace", "show", "--pair", pair, NULL);
  g_assert_nonnull (strstr (r.out, "Closed on 2026-12-01"));
  g_assert_nonnull (strstr (r.out, "Post weekly"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/workspace/agreement", CliFixture, NULL, cli_fixture_setup, test_agreement, cli_fixture_teardown);
  g_test_add ("/cli/workspace/worksheets", CliFixture, NULL, cli_fixture_setup, test_worksheets, cli_fixture_teardown);
  g_test_add ("/cli/workspace/diary-private", CliFixture, NULL, cli_fixture_setup, test_diary_private, cli_fixture_teardown);
  g_test_add ("/cli/workspace/plan-and-close", CliFixture, NULL, cli_fixture_setup, test_plan_and_close, cli_fixture_teardown);

  return g_test_run ();
}
