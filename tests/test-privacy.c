/* test-privacy.c — files only their owner reads, erasure, retention,
 * hostile text taken literally, backups and restoring them, no network
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <utime.h>

#include <glib/gstdio.h>
#include <libical/ical.h>

#include "cli-helpers.h"
#include "pw-bundle.h"
#include "pw-csv.h"
#include "pw-ics.h"
#include "pw-people-import.h"
#include "pw-match.h"
#include "pw-person-private.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-schedule.h"
#include "pw-store.h"

/* Every kind of hostile text in one name: quotes, an SQL fragment, a
 * spreadsheet formula starter, iCalendar delimiters and a line break,
 * Pango markup and an entity. */
#define EVIL_NAME "=HYPERLINK(\"x\");Robert'); DROP TABLE person;-- <b>Bold</b> & Co, \\ Ltd\r\nBEGIN:VEVENT"
#define EVIL_ANSWER "@SUM(1+1)\t\"quoted\" 'single' <i>&amp;</i>; DELETE FROM pair; --"
#define SECRET "ZQX-SECRET-ANSWER-7731"

typedef struct
{
  CliFixture  cli;
  PwStore    *store;
  gint64      programme;
} Fixture;

static gint64
add_person (PwStore    *store,
            const char *name,
            const char *email,
            const char *strengths)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwPerson) p = pw_person_new (name, email);

  if (strengths != NULL)
    g_assert_true (pw_person_set_field (p, "strengths", strengths, &error));
  g_assert_true (pw_person_repo_insert (store, p, &error));
  g_assert_no_error (error);
  return pw_person_get_id (p);
}

static gint64
add_programme (PwStore    *store,
               const char *name,
               const char *start,
               const char *end)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwProgramme) programme = pw_programme_new (name);

  pw_programme_set_start_date (programme, start);
  pw_programme_set_end_date (programme, end);
  g_assert_true (pw_programme_repo_insert (store, programme, &error));
  g_assert_no_error (error);
  return pw_programme_get_id (programme);
}

static gint64
add_pair (PwStore    *store,
          gint64      programme,
          gint64      mentee,
          gint64      mentor,
          const char *explanation,
          gboolean    plan)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt;
  gint64 id;

  stmt = pw_store_prepare (store,
                           "INSERT INTO pair (programme_id, mentee_id, mentor_id, state, approved, explanation) "
                           "VALUES (?, ?, ?, 'approved', '2027-01-04T09:00:00Z', ?)",
                           &error);
  sqlite3_bind_int64 (stmt, 1, programme);
  sqlite3_bind_int64 (stmt, 2, mentee);
  sqlite3_bind_int64 (stmt, 3, mentor);
  sqlite3_bind_text (stmt, 4, explanation, -1, SQLITE_TRANSIENT);
  g_assert_cmpint (pw_store_step (store, stmt, &error), ==, SQLITE_DONE);
  sqlite3_reset (stmt);
  id = pw_store_last_insert_id (store);
  if (plan)
    {
      g_assert_true (pw_schedule_plan_pair (store, id, &error));
      g_assert_no_error (error);
    }
  return id;
}

static gint64
query_int (PwStore    *store,
           const char *sql,
           gint64      param)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = pw_store_prepare (store, sql, &error);
  gint64 value;

  g_assert_no_error (error);
  if (sqlite3_bind_parameter_count (stmt) > 0)
    sqlite3_bind_int64 (stmt, 1, param);
  g_assert_cmpint (pw_store_step (store, stmt, &error), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  /* The modes below must not depend on a kind umask. */
  umask (022);
  cli_fixture_setup (&f->cli, data);
  f->store = pw_store_open (f->cli.db, &error);
  g_assert_no_error (error);
  f->programme = add_programme (f->store, "Thinking Partners", "2027-01-04", "2027-12-17");
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->store);
  cli_fixture_teardown (&f->cli, data);
}

static void
assert_private (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  if ((st.st_mode & 0077) != 0)
    g_error ("%s is mode %o, not readable by its owner only", path, st.st_mode & 0777);
}

static gboolean
file_contains (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (!g_file_get_contents (path, &contents, &len, NULL))
    return FALSE;

  /* The file holds NUL bytes: no strstr. */
  for (gsize i = 0, n = strlen (needle); i + n <= len; i++)
    if (memcmp (contents + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

/* Every file Pairwise writes: the database and its journal files, backups,
 * people CSV (all, and a programme's), bundle, .ics. */
static void
test_modes (Fixture       *f,
            gconstpointer  data)
{
  g_auto(CliResult) r = { 0 };
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->programme);
  g_autofree char *csv = g_build_filename (f->cli.dir, "people.csv", NULL);
  g_autofree char *csv_programme = g_build_filename (f->cli.dir, "enrolled.csv", NULL);
  g_autofree char *bundle = g_build_filename (f->cli.dir, "programme.json", NULL);
  g_autofree char *ics = g_build_filename (f->cli.dir, "meetings.ics", NULL);
  g_autofree char *wal = g_strconcat (f->cli.db, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->cli.db, "-shm", NULL);
  g_autofree char *backups = g_build_filename (f->cli.dir, "backups", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ana, sam;

  ana = add_person (f->store, "Ana López", "ana@example.org", NULL);
  sam = add_person (f->store, "Sam Green", "sam@example.org", NULL);
  g_assert_true (pw_person_repo_enrol (f->store, f->programme, ana, &error));
  g_assert_true (pw_person_repo_enrol (f->store, f->programme, sam, &error));
  add_pair (f->store, f->programme, ana, sam, "", TRUE);

  assert_private (f->cli.db);
  assert_private (wal);
  assert_private (shm);

  cli_run (&f->cli, &r, "people", "export", "-o", csv, NULL);
  g_assert_true (cli_exited_with (&r, 0));
  assert_private (csv);
  cli_result_clear (&r);

  cli_run (&f->cli, &r, "people", "export", "--programme", id, "--sensitive", "-o", csv_programme, NULL);
  g_assert_true (cli_exited_with (&r, 0));
  assert_private (csv_programme);
  cli_result_clear (&r);

  cli_run (&f->cli, &r, "bundle", "export", "--programme", id, "-o", bundle, NULL);
  g_assert_true (cli_exited_with (&r, 0));
  assert_private (bundle);
  cli_result_clear (&r);

  cli_run (&f->cli, &r, "schedule", "ics", "--programme", id, "-o", ics, NULL);
  g_assert_true (cli_exited_with (&r, 0));
  assert_private (ics);
  cli_result_clear (&r);

  /* An export over an existing, world-readable file leaves it private. */
  g_assert_true (g_file_set_contents (csv, "old", -1, NULL));
  g_assert_cmpint (g_chmod (csv, 0644), ==, 0);
  cli_run (&f->cli, &r, "people", "export", "-o", csv, NULL);
  g_assert_true (cli_exited_with (&r, 0));
  assert_private (csv);
  cli_result_clear (&r);

  cli_run (&f->cli, &r, "backup", "now", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  cli_result_clear (&r);
  list = pw_store_list_backups (backups, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  assert_private (backups);
  assert_private (((PwBackup *)g_ptr_array_index (list, 0))->path);

  /* And the core's own: the copy taken before a migration is checked in
   * test-store; the .ics writer directly. */
  g_remove (ics);
  g_assert_true (pw_ics_export_file (f->store, f->programme, 0, ics, &error));
  assert_private (ics);
}

static void
test_erase (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwPerson) gone = NULL;
  g_autoptr(GPtrArray) pairs = NULL;
  g_autofree char *wal = g_strconcat (f->cli.db, "-wal", NULL);
  gint64 other, ana, sam, boss, pair;

  other = add_programme (f->store, "Second Round", "2028-01-03", "2028-12-15");
  boss = add_person (f->store, "Zoë Boss", "zoe@example.org", NULL);
  ana = add_person (f->store, "Ana Erased", "ana@example.org", SECRET);
  sam = add_person (f->store, "Sam Stays", "sam@example.org", NULL);
  {
    g_autoptr(PwPerson) a = pw_person_repo_get (f->store, ana, &error);
    g_autoptr(PwPerson) s = pw_person_repo_get (f->store, sam, &error);

    /* Ana manages Sam: Sam's record of that goes with her. */
    pw_person_set_manager_id (s, ana);
    g_assert_true (pw_person_set_field (s, "manager_email", "ana@example.org", &error));
    g_assert_true (pw_person_repo_update (f->store, s, &error));
    pw_person_set_manager_id (a, boss);
    g_assert_true (pw_person_repo_update (f->store, a, &error));
    g_assert_no_error (error);
  }
  g_assert_true (pw_person_repo_enrol (f->store, f->programme, ana, &error));
  g_assert_true (pw_person_repo_enrol (f->store, other, ana, &error));
  g_assert_true (pw_person_repo_enrol (f->store, f->programme, sam, &error));
  pair = add_pair (f->store, f->programme, ana, sam, "Ana Erased and Sam Stays share " SECRET, TRUE);
  g_assert_true (pw_pair_forbid (f->store, other, ana, sam, TRUE, &error));
  g_assert_true (pw_influence_add (f->store, sam, ana, "appraiser", &error));
  g_assert_no_error (error);

  /* Committed but still in the log or in free pages before the erasure. */
  g_assert_true (file_contains (f->cli.db, SECRET) || file_contains (wal, SECRET));

  g_assert_true (pw_person_repo_erase (f->store, ana, &error));
  g_assert_no_error (error);

  gone = pw_person_repo_get (f->store, ana, &error);
  g_assert_null (gone);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM enrolment WHERE person_id = ?", ana), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM forbidden_pair WHERE mentee_id = ?", ana), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM career_influence WHERE influencer_id = ?", ana), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM person WHERE manager_email <> ''", 0), ==, 0);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM person", 0), ==, 2);

  /* The pair stays, anonymous on her side, its explanation cleared. */
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM pair WHERE id = ? AND mentee_id IS NULL "
                                        "AND explanation = ''", pair), ==, 1);
  g_assert_cmpint (query_int (f->store, "SELECT mentor_id FROM pair WHERE id = ?", pair), ==, sam);
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM meeting WHERE pair_id = ?", pair), >, 0);
  pairs = pw_pairs_list (f->store, f->programme, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairs->len, ==, 1);

  /* secure_delete, VACUUM and a truncated log: no byte of it is left. */
  g_assert_false (file_contains (f->cli.db, SECRET));
  g_assert_false (file_contains (wal, SECRET));
  g_assert_false (file_contains (f->cli.db, "Ana Erased"));
  g_assert_cmpint (query_int (f->store, "SELECT count(*) FROM pragma_integrity_check WHERE integrity_check <> 'ok'", 0), ==, 0);

  /* Not twice. */
  g_assert_false (pw_person_repo_erase (f->store, ana, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_FOUND);
}

static void
test_erase_cli (Fixture       *f,
                gconstpointer  data)
{
  g_auto(CliResult) r = { 0 };

  add_person (f->store, "Ana López", "ana@example.org", SECRET);
  g_clear_object (&f->store);

  /* Without --yes nothing happens. */
  cli_run (&f->cli, &r, "people", "erase", "ANA@example.org", NULL);
  g_assert_true (cli_exited_with (&r, 2));
  g_assert_nonnull (strstr (r.err, "--yes"));
  cli_result_clear (&r);
  cli_run (&f->cli, &r, "people", "show", "ana@example.org", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  cli_result_clear (&r);

  cli_run (&f->cli, &r, "people", "erase", "ANA@example.org", "--yes", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  cli_result_clear (&r);
  cli_run (&f->cli, &r, "people", "show", "ana@example.org", NULL);
  g_assert_true (cli_exited_with (&r, 1));
  cli_result_clear (&r);
  g_assert_false (file_contains (f->cli.db, SECRET));

  cli_run (&f->cli, &r, "people", "erase", "nobody@example.org", "--yes", NULL);
  g_assert_true (cli_exited_with (&r, 1));
}

static void
test_retention (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) listed = NULL;
  g_autoptr(GDateTime) today = g_date_time_new_local (2023, 6, 15, 12, 0, 0);
  g_auto(CliResult) r = { 0 };
  gint64 old, current, done, still, idle, paired_only;
  g_autoptr(PwPerson) first = NULL;

  old = add_programme (f->store, "Pilot 2020", "2020-01-06", "2020-12-18");
  current = add_programme (f->store, "Round 2099", "2099-01-05", "2099-12-18");
  done = add_person (f->store, "Done Long Ago", "done@example.org", NULL);
  still = add_person (f->store, "Still Active", "still@example.org", NULL);
  idle = add_person (f->store, "Never Enrolled", "idle@example.org", NULL);
  paired_only = add_person (f->store, "Paired Only", "paired@example.org", NULL);
  g_assert_true (pw_person_repo_enrol (f->store, old, done, &error));
  g_assert_true (pw_person_repo_enrol (f->store, old, still, &error));
  g_assert_true (pw_person_repo_enrol (f->store, current, still, &error));
  add_pair (f->store, old, paired_only, done, "", FALSE);
  (void)idle;

  /* Ended 2020-12-18; on 2023-06-15, 24 months back is 2021-06-15. */
  listed = pw_person_repo_list_retention (f->store, 24, today, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 2);
  first = g_list_model_get_item (listed, 0);
  g_assert_cmpstr (pw_person_get_name (first), ==, "Done Long Ago");
  g_clear_object (&listed);

  /* 50 months back is before the end: nobody. */
  listed = pw_person_repo_list_retention (f->store, 50, today, &error);
  g_assert_cmpuint (g_list_model_get_n_items (listed), ==, 0);
  g_clear_object (&f->store);

  /* The CLI counts from today, long after 2020. */
  cli_run (&f->cli, &r, "people", "retention", "--months", "1", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  g_assert_nonnull (strstr (r.out, "done@example.org"));
  g_assert_null (strstr (r.out, "still@example.org"));
  g_assert_null (strstr (r.out, "idle@example.org"));
  cli_result_clear (&r);

  cli_run (&f->cli, &r, "people", "retention", "--months", "1", "--erase", NULL);
  g_assert_true (cli_exited_with (&r, 2));
  cli_result_clear (&r);

  cli_run (&f->cli, &r, "people", "retention", "--months", "1", "--erase", "--yes", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  cli_result_clear (&r);
  cli_run (&f->cli, &r, "--json", "people", "list", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  g_assert_null (strstr (r.out, "done@example.org"));
  g_assert_null (strstr (r.out, "paired@example.org"));
  g_assert_nonnull (strstr (r.out, "still@example.org"));
  g_assert_nonnull (strstr (r.out, "idle@example.org"));
}

/* Hostile text goes in and comes out exactly as typed, everywhere. */
static void
test_injection (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(PwPerson) back = NULL;
  g_autoptr(PwCsvTable) table = NULL;
  g_autoptr(PwStore) other = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *csv = NULL;
  g_autofree char *bundle = NULL;
  g_autofree char *ics = NULL;
  g_autofree char *expected_summary = NULL;
  icalcomponent *calendar, *event;
  gboolean found_summary = FALSE;
  gint64 evil, sam, imported;
  int name_col = -1, strengths_col = -1;

  evil = add_person (f->store, EVIL_NAME, "evil@example.org", EVIL_ANSWER);
  sam = add_person (f->store, "Sam Green", "sam@example.org", NULL);
  g_assert_true (pw_person_repo_enrol (f->store, f->programme, evil, &error));
  g_assert_true (pw_person_repo_enrol (f->store, f->programme, sam, &error));
  add_pair (f->store, f->programme, evil, sam, "", TRUE);

  /* The store: bound parameters, so the table is still there. */
  back = pw_person_repo_get (f->store, evil, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (pw_person_get_name (back), ==, EVIL_NAME);
  {
    g_autofree char *strengths = pw_person_get_field (back, "strengths");
    g_assert_cmpstr (strengths, ==, EVIL_ANSWER);
  }
  people = pw_person_repo_list_enrolled (f->store, f->programme, &error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, 2);

  /* CSV: formula starters neutralised with a leading apostrophe, which
   * the importer takes off again. */
  csv = pw_people_export_csv_string (f->store, people, FALSE, &error);
  g_assert_no_error (error);
  table = pw_csv_parse (csv, strlen (csv), PW_CSV_SEPARATOR_AUTO, "export.csv", &error);
  g_assert_no_error (error);
  for (guint c = 0; c < pw_csv_table_get_n_fields (table, 0); c++)
    {
      if (g_str_equal (pw_csv_table_get_field (table, 0, c), "name"))
        name_col = c;
      if (g_str_equal (pw_csv_table_get_field (table, 0, c), "strengths"))
        strengths_col = c;
    }
  g_assert_cmpint (name_col, >=, 0);
  g_assert_cmpint (strengths_col, >=, 0);
  for (guint rec = 1; rec < pw_csv_table_get_n_records (table); rec++)
    {
      const char *name = pw_csv_table_get_field (table, rec, name_col);

      if (!g_str_has_prefix (name, "'="))
        continue;
      g_assert_cmpstr (pw_csv_unneutralise (name), ==, EVIL_NAME);
      g_assert_true (g_str_has_prefix (pw_csv_table_get_field (table, rec, strengths_col), "'@"));
      g_assert_cmpstr (pw_csv_unneutralise (pw_csv_table_get_field (table, rec, strengths_col)), ==, EVIL_ANSWER);
      found_summary = TRUE;
    }
  g_assert_true (found_summary);

  /* …and a CSV import of that export gives the same person. */
  {
    g_autoptr(PwPeopleImport) import = NULL;
    g_autoptr(PwPerson) again = NULL;
    PwPeopleImportSummary summary = { 0 };

    other = pw_store_open (":memory:", &error);
    import = pw_people_import_new_for_data (csv, strlen (csv), "export.csv", &error);
    g_assert_no_error (error);
    g_assert_true (pw_people_import_run (import, other, NULL, NULL, NULL, &summary, &error));
    g_assert_no_error (error);
    again = pw_person_repo_find_by_email (other, "evil@example.org", &error);
    g_autofree char *strengths = NULL;

    g_assert_cmpstr (pw_person_get_name (again), ==, EVIL_NAME);
    strengths = pw_person_get_field (again, "strengths");
    g_assert_cmpstr (strengths, ==, EVIL_ANSWER);
    g_clear_object (&other);
  }

  /* The bundle: JSON strings, and back through an import. */
  bundle = pw_bundle_export (f->store, f->programme, PW_BUNDLE_FLAGS_NONE, &error);
  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, bundle, -1, &error));
  g_assert_nonnull (strstr (bundle, "\\\"x\\\""));
  other = pw_store_open (":memory:", &error);
  imported = pw_bundle_import (other, bundle, -1, "bundle.json", &error);
  g_assert_no_error (error);
  g_assert_cmpint (imported, >, 0);
  {
    g_autoptr(PwPerson) again = pw_person_repo_find_by_email (other, "evil@example.org", &error);
    g_autofree char *strengths = NULL;

    g_assert_no_error (error);
    g_assert_cmpstr (pw_person_get_name (again), ==, EVIL_NAME);
    strengths = pw_person_get_field (again, "strengths");
    g_assert_cmpstr (strengths, ==, EVIL_ANSWER);
  }

  /* .ics: no line of the name becomes a line of the file, and a reader
   * gets the SUMMARY back literally. */
  ics = pw_ics_export (f->store, f->programme, 0, &error);
  g_assert_no_error (error);
  g_assert_null (strstr (ics, "\r\nBEGIN:VEVENT\r\nBEGIN:VEVENT"));
  {
    g_auto(GStrv) lines = g_strsplit (ics, "\r\n", -1);
    guint begins = 0, ends = 0;

    for (guint i = 0; lines[i] != NULL; i++)
      {
        begins += g_str_equal (lines[i], "BEGIN:VEVENT");
        ends += g_str_equal (lines[i], "END:VEVENT");
      }
    g_assert_cmpuint (begins, ==, ends);
    g_assert_cmpuint (begins, ==, query_int (f->store, "SELECT count(*) FROM meeting", 0));
  }

  calendar = icalparser_parse_string (ics);
  g_assert_nonnull (calendar);
  found_summary = FALSE;
  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const char *summary = icalcomponent_get_summary (event);

      if (summary != NULL && strstr (summary, "Sam Green") != NULL)
        {
          /* libical's reader folds CR LF in a value into LF. */
          g_autofree char *want = g_strdup (EVIL_NAME);
          g_autofree char *got = g_strdup (summary);
          char *cr;

          while ((cr = strchr (want, '\r')) != NULL)
            memmove (cr, cr + 1, strlen (cr));
          while ((cr = strchr (got, '\r')) != NULL)
            memmove (cr, cr + 1, strlen (cr));
          g_assert_nonnull (strstr (got, want));
          found_summary = TRUE;
        }
    }
  icalcomponent_free (calendar);
  g_assert_true (found_summary);
  (void)expected_summary;
}

/* A programme name is the calendar's X-WR-CALNAME: it must not break out
 * of its line either. */
static void
test_injection_calendar_name (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwProgramme) programme = pw_programme_repo_get (f->store, f->programme, &error);
  g_autofree char *ics = NULL;
  g_auto(GStrv) lines = NULL;
  icalcomponent *calendar;
  icalproperty *prop;
  gint64 ana, sam;

  pw_programme_set_name (programme, "Partners\r\nBEGIN:VEVENT\r\nSUMMARY:injected; x, y \\");
  g_assert_true (pw_programme_repo_update (f->store, programme, &error));
  g_assert_no_error (error);
  ana = add_person (f->store, "Ana López", "ana@example.org", NULL);
  sam = add_person (f->store, "Sam Green", "sam@example.org", NULL);
  add_pair (f->store, f->programme, ana, sam, "", TRUE);

  ics = pw_ics_export (f->store, f->programme, 0, &error);
  g_assert_no_error (error);
  lines = g_strsplit (ics, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    g_assert_false (g_str_has_prefix (lines[i], "SUMMARY:injected"));

  calendar = icalparser_parse_string (ics);
  g_assert_nonnull (calendar);
  prop = icalcomponent_get_first_property (calendar, ICAL_X_PROPERTY);
  g_assert_nonnull (prop);
  g_assert_cmpstr (icalproperty_get_x_name (prop), ==, "X-WR-CALNAME");
  icalcomponent_free (calendar);
}

static void
touch_back (const char *path,
            gint64      seconds_ago)
{
  struct utimbuf times;

  times.actime = times.modtime = (time_t)(g_get_real_time () / G_USEC_PER_SEC - seconds_ago);
  g_assert_cmpint (utime (path, &times), ==, 0);
}

static void
test_backups (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = pw_store_default_backup_dir (f->store);
  g_autofree char *path = NULL;
  g_autofree char *again = NULL;
  g_autofree char *expected_dir = g_build_filename (f->cli.dir, "backups", NULL);
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *expected_oldest_kept = NULL;

  g_assert_cmpstr (dir, ==, expected_dir);
  expected_oldest_kept = g_build_filename (dir, "pairwise-20200104.db", NULL);

  /* None yet: one is due. */
  g_assert_true (pw_store_backup_if_due (f->store, dir, &path, &error));
  g_assert_no_error (error);
  g_assert_nonnull (path);
  g_assert_true (g_str_has_prefix (path, dir));
  {
    g_autofree char *base = g_path_get_basename (path);

    g_assert_true (g_str_has_prefix (base, "pairwise-"));
    g_assert_cmpuint (strlen (base), ==, strlen ("pairwise-YYYYMMDD.db"));
  }
  assert_private (path);

  /* Fresh: not due. */
  g_assert_true (pw_store_backup_if_due (f->store, dir, &again, &error));
  g_assert_null (again);

  /* Older than a day: due again; only the last five are kept. */
  for (int i = 0; i < 7; i++)
    {
      g_autofree char *name = g_strdup_printf ("pairwise-2020010%d.db", i + 1);
      g_autofree char *old = g_build_filename (dir, name, NULL);

      g_assert_true (g_file_set_contents (old, "", 0, NULL));
      touch_back (old, (10 - i) * 86400);
    }
  touch_back (path, 2 * 86400);
  g_assert_true (pw_store_backup_if_due (f->store, dir, &again, &error));
  g_assert_no_error (error);
  g_assert_nonnull (again);
  list = pw_store_list_backups (dir, &error);
  g_assert_cmpuint (list->len, ==, PW_STORE_BACKUPS_KEPT);
  g_assert_cmpstr (((PwBackup *)g_ptr_array_index (list, 0))->path, ==, again);
  g_assert_cmpstr (again, ==, path);   /* the same day's name, replaced */
  g_assert_cmpstr (((PwBackup *)g_ptr_array_index (list, 4))->path, ==, expected_oldest_kept);
  g_assert_false (g_file_test (expected_dir, G_FILE_TEST_IS_REGULAR));

  /* A missing folder holds no backups. */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = pw_store_list_backups ("/nonexistent/pairwise-backups", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
}

static void
test_restore (Fixture       *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = pw_store_default_backup_dir (f->store);
  g_autofree char *backup = NULL;
  g_autofree char *saved = NULL;
  g_autofree char *junk = g_build_filename (f->cli.dir, "junk.db", NULL);
  g_autofree char *newer = g_build_filename (f->cli.dir, "newer.db", NULL);
  g_auto(CliResult) r = { 0 };
  g_autoptr(PwStore) reader = NULL;

  add_person (f->store, "Before Backup", "before@example.org", NULL);
  backup = pw_store_backup_now (f->store, dir, &error);
  g_assert_no_error (error);
  add_person (f->store, "After Backup", "after@example.org", NULL);

  /* Another connection (the CLI, say) is open meanwhile. */
  reader = pw_store_open (f->cli.db, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_person_repo_count (reader, NULL), ==, 2);

  g_assert_true (pw_store_restore (f->store, backup, dir, &saved, &error));
  g_assert_no_error (error);
  g_assert_cmpint (pw_person_repo_count (f->store, NULL), ==, 1);
  g_assert_cmpint (pw_person_repo_count (reader, NULL), ==, 1);
  assert_private (saved);
  g_clear_object (&reader);

  /* The copy taken first holds what was replaced. */
  {
    g_autoptr(PwStore) copy = pw_store_open (saved, &error);

    g_assert_no_error (error);
    g_assert_cmpint (pw_person_repo_count (copy, NULL), ==, 2);
  }

  /* Not a database, or a newer one: refused, nothing changed. */
  g_assert_true (g_file_set_contents (junk, "name,email\nnot,a database\n", -1, NULL));
  g_assert_false (pw_store_restore (f->store, junk, dir, NULL, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_DATABASE);
  g_clear_error (&error);
  {
    sqlite3 *db = NULL;

    g_assert_cmpint (sqlite3_open (newer, &db), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
    sqlite3_close (db);
  }
  g_assert_false (pw_store_restore (f->store, newer, dir, NULL, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_TOO_NEW);
  g_clear_error (&error);
  g_assert_cmpint (pw_person_repo_count (f->store, NULL), ==, 1);
  g_clear_object (&f->store);

  /* The CLI: list, restore, a bad file. */
  cli_run (&f->cli, &r, "backup", "list", NULL);
  g_assert_true (cli_exited_with (&r, 0));
  g_assert_nonnull (strstr (r.out, backup));
  cli_result_clear (&r);
  cli_run (&f->cli, &r, "backup", "restore", saved, NULL);
  g_assert_true (cli_exited_with (&r, 0));
  cli_result_clear (&r);
  cli_run (&f->cli, &r, "--json", "people", "list", NULL);
  g_assert_nonnull (strstr (r.out, "after@example.org"));
  cli_result_clear (&r);
  cli_run (&f->cli, &r, "backup", "restore", junk, NULL);
  g_assert_true (cli_exited_with (&r, 1));
  g_assert_nonnull (strstr (r.err, "junk.db"));
}

/* Pairwise never opens a network socket. The CLI's commands run under
 * strace; an AF_INET or AF_INET6 socket anywhere fails the test. */
static void
test_no_network (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *strace = g_find_program_in_path ("strace");
  g_autofree char *trace = g_build_filename (f->cli.dir, "trace", NULL);
  g_autofree char *csv = g_build_filename (f->cli.dir, "in.csv", NULL);
  g_autofree char *out = g_build_filename (f->cli.dir, "out", NULL);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->programme);
  const char *cli = g_getenv ("PAIRWISE_CLI");
  const char * const commands[][8] = {
    { "people", "import", "--programme", id, csv, NULL },
    { "people", "list", NULL },
    { "people", "export", "-o", out, NULL },
    { "programme", "list", NULL },
    { "eligibility", "check", "--programme", id, NULL },
    { "match", "--programme", id, NULL },
    { "pairs", "approve-all", "--programme", id, NULL },
    { "schedule", "ics", "--programme", id, "-o", out, NULL },
    { "bundle", "export", "--programme", id, "-o", out, NULL },
    { "backup", "now", NULL },
  };
  int status = 0;

  if (strace == NULL)
    {
      g_test_skip ("strace is not installed");
      return;
    }

  /* Can we trace at all here (containers may forbid ptrace)? */
  {
    const char *argv[] = { strace, "-f", "-o", "/dev/null", "true", NULL };

    if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                       NULL, NULL, NULL, NULL, &status, NULL) ||
        !g_spawn_check_wait_status (status, NULL))
      {
        g_test_skip ("strace cannot trace in this environment");
        return;
      }
  }

  g_clear_object (&f->store);
  g_assert_true (g_file_set_contents (csv, "name,email,role_wanted\n"
                                           "Ana López,ana@example.org,mentor\n"
                                           "Sam Green,sam@example.org,mentee\n", -1, NULL));

  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    {
      g_autoptr(GPtrArray) argv = g_ptr_array_new ();
      g_autofree char *log = NULL;

      g_ptr_array_add (argv, strace);
      g_ptr_array_add (argv, (char *)"-f");
      g_ptr_array_add (argv, (char *)"-e");
      g_ptr_array_add (argv, (char *)"trace=socket,connect");
      g_ptr_array_add (argv, (char *)"-o");
      g_ptr_array_add (argv, trace);
      g_ptr_array_add (argv, (char *)cli);
      g_ptr_array_add (argv, (char *)"--db");
      g_ptr_array_add (argv, f->cli.db);
      for (guint i = 0; commands[c][i] != NULL; i++)
        g_ptr_array_add (argv, (char *)commands[c][i]);
      g_ptr_array_add (argv, NULL);

      g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL,
                                   G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                                   NULL, NULL, NULL, NULL, &status, NULL));
      g_assert_true (g_file_get_contents (trace, &log, NULL, NULL));
      if (strstr (log, "AF_INET") != NULL)
        g_error ("pairwise-cli %s %s opened a network socket:\n%s", commands[c][0], commands[c][1], log);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/privacy/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("modes", test_modes);
  ADD ("erase", test_erase);
  ADD ("erase-cli", test_erase_cli);
  ADD ("retention", test_retention);
  ADD ("injection", test_injection);
  ADD ("injection-calendar-name", test_injection_calendar_name);
  ADD ("backups", test_backups);
  ADD ("restore", test_restore);
  ADD ("no-network", test_no_network);
#undef ADD

  return g_test_run ();
}
