/* test-cli-schedule.c — pairwise-cli schedule, round trip on the sample
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include <glib/gstdio.h>

#include "cli-helpers.h"

static guint
count_lines (const char *text)
{
  guint n = 0;

  for (const char *p = text; *p != '\0'; p++)
    n += *p == '\n';

  return n;
}

static JsonArray *
parse_array (const char  *text,
             JsonNode   **keep)
{
  g_autoptr(GError) error = NULL;

  *keep = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (*keep));
  return json_node_get_array (*keep);
}

/* The first meeting of @kind in a `schedule list --json` array. */
static JsonObject *
first_of_kind (JsonArray  *meetings,
               const char *kind)
{
  for (guint i = 0; i < json_array_get_length (meetings); i++)
    {
      JsonObject *m = json_array_get_object_element (meetings, i);

      if (g_str_equal (json_object_get_string_member (m, "kind"), kind))
        return m;
    }

  g_assert_not_reached ();
}

static void
test_round_trip (CliFixture    *f,
                 gconstpointer  data)
{
  g_auto(CliResult) r = { 0 };
  g_autoptr(JsonNode) n1 = NULL;
  g_autoptr(JsonNode) n2 = NULL;
  g_autoptr(JsonNode) n3 = NULL;
  g_autoptr(JsonNode) n4 = NULL;
  g_autofree char *ics = g_build_filename (f->dir, "programme.ics", NULL);
  g_autofree char *ics_text = NULL;
  g_autofree char *before = NULL;
  g_autofree char *meeting_id = NULL;
  g_autofree char *contact_id = NULL;
  g_autofree char *uid = NULL;
  JsonArray *meetings;
  JsonObject *m;
  GStatBuf st;

  cli_run (f, &r, "programme", "sample", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  cli_run (f, &r, "schedule", "settings", "--programme", "1", "--timezone", "Europe/London", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  cli_run (f, &r, "match", "--programme", "1", "--save", NULL);
  g_assert_true (cli_exited_with (&r, 0));

  /* Approval plans each pair's year. */
  cli_run (f, &r, "pairs", "approve", "1", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  cli_run (f, &r, "schedule", "list", "--programme", "1", "--pair", "1", "--json", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  meetings = parse_array (r.out, &n1);
  g_assert_cmpuint (json_array_get_length (meetings), >=, 14);
  m = first_of_kind (meetings, "kick-off");
  g_assert_cmpint (json_object_get_int_member (m, "pair_id"), ==, 0);
  g_assert_cmpstr (json_object_get_string_member (m, "tzid"), ==, "Europe/London");
  m = first_of_kind (meetings, "regular");
  meeting_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (m, "id"));
  uid = g_strdup (json_object_get_string_member (m, "uid"));
  g_assert_true (g_str_has_suffix (json_object_get_string_member (m, "start"), "T10:00"));
  contact_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                json_object_get_int_member (first_of_kind (meetings, "first-contact"), "id"));

  /* Planning again changes nothing. */
  cli_run (f, &r, "schedule", "plan", "--programme", "1", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  cli_run (f, &r, "schedule", "list", "--programme", "1", "--pair", "1", NULL);
  before = g_strdup (r.out);
  g_assert_cmpuint (count_lines (before), ==, json_array_get_length (meetings));

  /* Bad input: exit 1, one line, nothing changed. */
  cli_run (f, &r, "schedule", "log", meeting_id, "held", "--minutes", "forty", NULL);
  g_assert_true (cli_exited_with (&r, 1));
  g_assert_cmpuint (count_lines (r.err), ==, 1);
  g_assert_nonnull (strstr (r.err, "--minutes takes a length from 1 to 1440, not “forty”"));
  cli_run (f, &r, "schedule", "log", meeting_id, "attended", NULL);
  g_assert_true (cli_exited_with (&r, 1));
  g_assert_cmpuint (count_lines (r.err), ==, 1);
  cli_run (f, &r, "schedule", "move", meeting_id, "--to", "next tuesday", NULL);
  g_assert_true (cli_exited_with (&r, 1));
  g_assert_cmpuint (count_lines (r.err), ==, 1);
  g_assert_nonnull (strstr (r.err, "YYYY-MM-DD HH:MM"));
  cli_run (f, &r, "schedule", "settings", "--programme", "1", "--timezone", "Mars/Olympus_Mons", NULL);
  g_assert_true (cli_exited_with (&r, 1));
  g_assert_cmpuint (count_lines (r.err), ==, 1);
  cli_run (f, &r, "schedule", "log", "999999", "missed", NULL);
  g_assert_true (cli_exited_with (&r, 1));
  g_assert_nonnull (strstr (r.err, "no meeting 999999"));
  cli_run (f, &r, "schedule", "list", "--programme", "1", "--pair", "1", NULL);
  g_assert_cmpstr (r.out, ==, before);

  /* The log. */
  cli_run (f, &r, "schedule", "log", contact_id, "held", "--minutes", "10", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  cli_run (f, &r, "schedule", "log", meeting_id, "held", "--minutes", "50", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  g_assert_nonnull (strstr (r.out, "held, 50 minutes"));

  /* Moving outside the programme is allowed, with a warning. */
  cli_run (f, &r, "schedule", "move", meeting_id, "--to", "2099-03-03 09:30", "--json", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  g_assert_nonnull (strstr (r.err, "warning"));
  g_assert_nonnull (strstr (r.err, "outside the program’s dates"));
  m = cli_parse_object (r.out, &n2);
  g_assert_cmpstr (json_object_get_string_member (m, "start"), ==, "2099-03-03T09:30");
  g_assert_cmpstr (json_object_get_string_member (m, "uid"), ==, uid);
  g_assert_cmpint (json_object_get_int_member (m, "sequence"), ==, 1);

  /* The .ics: a private file libical can read, with the same UIDs. */
  cli_run (f, &r, "schedule", "ics", "--programme", "1", "--pair", "1", "-o", ics, NULL);
  g_assert_true (cli_exited_with (&r, 0));
  g_assert_cmpint (g_stat (ics, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_true (g_file_get_contents (ics, &ics_text, NULL, NULL));
  g_assert_true (g_str_has_prefix (ics_text, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (ics_text, uid));
  g_assert_nonnull (strstr (ics_text, "DTSTART;TZID=Europe/London:20990303T093000"));
  g_assert_nonnull (strstr (ics_text, "BEGIN:VTIMEZONE"));

  /* Attention, as of a day well into the programme. */
  cli_run (f, &r, "schedule", "attention", "--programme", "1", "--today", "2099-01-01", "--all", "--json", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  meetings = parse_array (r.out, &n3);
  g_assert_cmpuint (json_array_get_length (meetings), ==, 1);
  m = json_array_get_object_element (meetings, 0);
  g_assert_cmpint (json_object_get_int_member (m, "held"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (m, "significant"), ==, 1);
  g_assert_true (json_object_get_boolean_member (m, "first_contact_done"));

  cli_run (f, &r, "schedule", "attention", "--programme", "1", "--today", "2099-02-30", NULL);
  g_assert_true (cli_exited_with (&r, 1));

  /* Closure days. */
  cli_run (f, &r, "schedule", "closures", "--programme", "1", "--add", "2027-12-24", "--add", "2027-12-27", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  g_assert_cmpstr (r.out, ==, "2027-12-24\n2027-12-27\n");
  cli_run (f, &r, "schedule", "closures", "--programme", "1", "--add", "2027-12-28", "--remove", "2027-01-01", NULL);
  g_assert_true (cli_exited_with (&r, 1));
  cli_run (f, &r, "schedule", "closures", "--programme", "1", NULL);
  g_assert_cmpstr (r.out, ==, "2027-12-24\n2027-12-27\n");

  /* An unknown programme is named. */
  cli_run (f, &r, "schedule", "list", "--programme", "42", NULL);
  g_assert_true (cli_exited_with (&r, 1));
  g_assert_nonnull (strstr (r.err, "42"));

  cli_run (f, &r, "schedule", "list", "--programme", "1", "--json", NULL);
  parse_array (r.out, &n4);
}

static void
test_unreachable (CliFixture    *f,
                  gconstpointer  data)
{
  g_auto(CliResult) r = { 0 };

  cli_run (f, &r, "programme", "create", "--name", "Short", "--start-date", "2027-01-04",
           "--end-date", "2027-06-30", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  cli_run (f, &r, "schedule", "check", "--programme", "1", NULL);
  g_assert_true (cli_exited_with (&r, 1));
  g_assert_cmpuint (count_lines (r.err), ==, 1);
  g_assert_nonnull (strstr (r.err, "target is 12 significant discussions"));
  g_assert_nonnull (strstr (r.err, "Meet 3 times a month"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/cli/schedule/round-trip", CliFixture, NULL, cli_fixture_setup, test_round_trip, cli_fixture_teardown);
  g_test_add ("/cli/schedule/unreachable", CliFixture, NULL, cli_fixture_setup, test_unreachable, cli_fixture_teardown);

  return g_test_run ();
}
