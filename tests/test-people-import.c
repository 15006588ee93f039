/* test-people-import.c — people from CSV: mapping, validation, resolution,
 * all-or-nothing writing, and the export that reads back in
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "pw-people-import.h"
#include "pw-person-repo-private.h"
#include "pw-programme-repo.h"

static PwStore *
new_store (void)
{
  static const char * const bands[] = { "Band 1", "Band 2", "Band 3", "Band 4", "Band 5",
                                        "Band 6", "Band 7", "Band 8", "Band 9", NULL };
  g_autoptr(GError) error = NULL;
  PwStore *store = pw_store_open (":memory:", &error);

  g_assert_no_error (error);
  g_assert_true (pw_grade_scale_set (store, bands, &error));
  g_assert_no_error (error);
  return store;
}

static gint64
add_programme (PwStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwProgramme) programme = pw_programme_new ("Thinking Partners");

  g_assert_true (pw_programme_repo_insert (store, programme, &error));
  g_assert_no_error (error);
  return pw_programme_get_id (programme);
}

static PwPerson *
add_person (PwStore    *store,
            const char *name,
            const char *email)
{
  g_autoptr(GError) error = NULL;
  PwPerson *person = pw_person_new (name, email);

  g_assert_true (pw_person_repo_insert (store, person, &error));
  g_assert_no_error (error);
  return person;
}

static PwPeopleImport *
new_import (const char *text)
{
  g_autoptr(GError) error = NULL;
  PwPeopleImport *import = pw_people_import_new_for_data (text, strlen (text), "people.csv", &error);

  g_assert_no_error (error);
  g_assert_nonnull (import);
  return import;
}

static PwPerson *
find (PwStore    *store,
      const char *email)
{
  g_autoptr(GError) error = NULL;
  PwPerson *person = pw_person_repo_find_by_email (store, email, &error);

  g_assert_no_error (error);
  return person;
}

/* The problems, one formatted line each, joined by newlines. */
static char *
problems_text (PwPeopleImport *import)
{
  GPtrArray *problems = pw_people_import_get_problems (import);
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint i = 0; i < problems->len; i++)
    {
      g_autofree char *line = pw_people_import_format_problem (import, problems->pdata[i]);
      g_string_append_printf (out, "%s\n", line);
    }

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Everything in the person and enrolment tables, hashed. */
static char *
database_checksum (PwStore *store)
{
  static const char * const queries[] = {
    "SELECT * FROM person ORDER BY id",
    "SELECT * FROM enrolment ORDER BY programme_id, person_id",
  };
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = pw_store_prepare (store, queries[q], NULL);

      g_assert_nonnull (stmt);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        for (int c = 0; c < sqlite3_column_count (stmt); c++)
          {
            const char *text = (const char *)sqlite3_column_text (stmt, c);

            g_checksum_update (sum, (const guchar *)(text ? text : "\x01NULL"), -1);
            g_checksum_update (sum, (const guchar *)"\x1f", 1);
          }
      sqlite3_reset (stmt);
    }

  return g_strdup (g_checksum_get_string (sum));
}

static void
test_guess_headers (void)
{
  static const char * const headers[] = {
    "E-mail", "Line Manager", "Dept", " full NAME ", "Job title", "Pay grade", "Reports to",
    "Favourite colour", "manager-email", "Date joined", "In role since", "Mentor or mentee",
    "Hours a month", "Office", "Wants to be", NULL
  };
  static const char * const want[] = {
    "email", "manager", "department", "name", "job-title", "grade", "",
    "", "manager-email", "org-start", "role-start", "role-wanted",
    "hours-per-month", "location", "", NULL
  };
  g_auto(GStrv) mapping = pw_people_import_guess_mapping (headers);

  g_assert_cmpstrv (mapping, want);

  g_assert_cmpstr (pw_people_import_guess_field ("Email address"), ==, "email");
  g_assert_cmpstr (pw_people_import_guess_field ("Work email"), ==, "email");
  g_assert_cmpstr (pw_people_import_guess_field ("Employee name"), ==, "name");
  g_assert_cmpstr (pw_people_import_guess_field ("Manager email"), ==, "manager");
  g_assert_cmpstr (pw_people_import_guess_field ("DIRECTORATE"), ==, "department");
  g_assert_cmpstr (pw_people_import_guess_field ("Position"), ==, "job-title");
  g_assert_cmpstr (pw_people_import_guess_field ("Band"), ==, "grade");
  g_assert_cmpstr (pw_people_import_guess_field ("Site"), ==, "location");
  g_assert_cmpstr (pw_people_import_guess_field ("Start date"), ==, "org-start");
  g_assert_cmpstr (pw_people_import_guess_field ("Role wanted"), ==, "role-wanted");
  g_assert_cmpstr (pw_people_import_guess_field ("Capacity"), ==, "capacity");
  g_assert_cmpstr (pw_people_import_guess_field ("Topics offered"), ==, "topics-offered");
  g_assert_cmpstr (pw_people_import_guess_field ("topics_wanted"), ==, "topics-wanted");
  g_assert_cmpstr (pw_people_import_guess_field ("Areas to develop"), ==, "development-areas");
  g_assert_cmpstr (pw_people_import_guess_field ("Joined the organization"), ==, "org-start");
  g_assert_cmpstr (pw_people_import_guess_field ("Shoe size"), ==, "");
}

static void
test_mapping (void)
{
  g_autoptr(PwPeopleImport) import = new_import ("Who,Address,Team\nAda,ada@x.org,R&D\n");
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (pw_people_import_get_mapping (import, 0), ==, "");
  g_assert_cmpint (pw_people_import_find_column (import, "who"), ==, 0);
  g_assert_cmpint (pw_people_import_find_column (import, "2"), ==, 1);
  g_assert_cmpint (pw_people_import_find_column (import, "nope"), ==, -1);

  g_assert_true (pw_people_import_set_mapping (import, 0, "name", &error));
  g_assert_true (pw_people_import_set_mapping (import, 1, "email", &error));
  g_assert_true (pw_people_import_set_mapping (import, 2, "department", &error));
  g_assert_no_error (error);

  /* A field belongs to one column. */
  g_assert_true (pw_people_import_set_mapping (import, 2, "name", &error));
  g_assert_cmpstr (pw_people_import_get_mapping (import, 0), ==, "");
  g_assert_true (pw_people_import_set_mapping (import, 0, "name", &error));
  g_assert_cmpstr (pw_people_import_get_mapping (import, 2), ==, "");

  g_assert_false (pw_people_import_set_mapping (import, 2, "shoe-size", &error));
  g_assert_error (error, PW_PEOPLE_IMPORT_ERROR, PW_PEOPLE_IMPORT_ERROR_MAPPING);
}

static void
test_managers (void)
{
  g_autoptr(PwStore) store = new_store ();
  g_autoptr(PwPerson) boss = add_person (store, "The Boss", "boss@x.org");
  g_autoptr(PwPeopleImport) import = NULL;
  g_autoptr(PwPerson) ada = NULL;
  g_autoptr(PwPerson) grace = NULL;
  g_autoptr(PwPerson) alan = NULL;
  g_autoptr(GError) error = NULL;
  PwPeopleImportSummary summary;

  import = new_import ("Name,E-mail,Line Manager,Dept\n"
                       "Ada Lovelace,ada@x.org,GRACE@x.org,R&D\n"      /* later in the file */
                       "Grace Hopper,grace@x.org,boss@x.org,R&D\n"     /* in the directory */
                       "Alan Turing,alan@x.org,ada lovelace,Maths\n"); /* by name */

  g_assert_true (pw_people_import_run (import, store, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 3);

  ada = find (store, "ada@x.org");
  grace = find (store, "grace@x.org");
  alan = find (store, "alan@x.org");
  g_assert_cmpint (pw_person_get_manager_id (ada), ==, pw_person_get_id (grace));
  g_assert_cmpint (pw_person_get_manager_id (grace), ==, pw_person_get_id (boss));
  g_assert_cmpint (pw_person_get_manager_id (alan), ==, pw_person_get_id (ada));
  g_assert_cmpstr (pw_person_get_department (alan), ==, "Maths");
}

static void
test_unknown_manager (void)
{
  g_autoptr(PwStore) store = new_store ();
  g_autoptr(PwPeopleImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  import = new_import ("Name,E-mail,Line Manager\n"
                       "Ada,ada@x.org,\n"
                       "Grace,grace@x.org,nobody@x.org\n"
                       "Alan,alan@x.org,Ada\n"
                       "Kurt,kurt@x.org,Kurt\n");

  g_assert_false (pw_people_import_run (import, store, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PW_PEOPLE_IMPORT_ERROR, PW_PEOPLE_IMPORT_ERROR_INVALID);
  g_assert_cmpuint (pw_people_import_get_n_problems (import), ==, 2);

  text = problems_text (import);
  g_assert_true (g_str_has_prefix (text, "people.csv:3:Line Manager: manager “nobody@x.org”"));
  g_assert_nonnull (strstr (text, "\npeople.csv:5:Line Manager: Kurt cannot be their own manager"));
  g_assert_cmpint (pw_person_repo_count (store, NULL), ==, 0);
}

static void
test_duplicates_and_values (void)
{
  g_autoptr(PwStore) store = new_store ();
  g_autoptr(PwPeopleImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  import = new_import ("Name,E-mail,Grade,Start date,Capacity,Role wanted\n"
                       "Ada,ada@x.org,band 3,2020-01-06,2,mentor\n"   /* 2: fine */
                       "Grace,ADA@x.org,,,,\n"                         /* 3: duplicate */
                       "Alan,alan@x.org,Band 12,,,\n"                  /* 4: unknown grade */
                       "Kurt,bob@,Band 1,,,\n"                         /* 5: malformed email */
                       ",edsger@x.org,,,,\n"                           /* 6: no name */
                       "Barbara,barbara@x.org,,31/12/2020,99,boss\n"   /* 7: three bad values */
                       "John,john@x.org\n"                             /* 8: too few columns */
                       "Tony,tony@x.org,,,,,extra\n");                 /* 9: too many */

  g_assert_false (pw_people_import_validate (import, store, &error));
  g_assert_error (error, PW_PEOPLE_IMPORT_ERROR, PW_PEOPLE_IMPORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "9 problems"));

  text = problems_text (import);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "people.csv:3:E-mail: “ADA@x.org” is also on line 2"));
  g_assert_nonnull (strstr (text, "people.csv:4:Grade: “Band 12” is not on the grade scale"));
  g_assert_nonnull (strstr (text, "people.csv:5:E-mail: “bob@” is not an email address"));
  g_assert_nonnull (strstr (text, "people.csv:6:Name: name is empty"));
  g_assert_nonnull (strstr (text, "people.csv:7:Start date: “31/12/2020” is not a date"));
  g_assert_nonnull (strstr (text, "people.csv:7:Capacity: “99” is not a whole number"));
  g_assert_nonnull (strstr (text, "people.csv:7:Role wanted: “boss” is not a role"));
  g_assert_nonnull (strstr (text, "people.csv:8:Grade: this line has 2 fields but the header has 6"));
  g_assert_nonnull (strstr (text, "people.csv:9:column 7: this line has 7 fields"));
  g_assert_null (strstr (text, "people.csv:2:"));
  g_assert_cmpint (pw_person_repo_count (store, NULL), ==, 0);
}

static void
test_grade_normalised (void)
{
  g_autoptr(PwStore) store = new_store ();
  g_autoptr(PwPeopleImport) import = new_import ("name,email,band\nAda,ada@x.org,band 3\n"
                                                 "Grace,grace@x.org,\n");
  g_autoptr(PwPerson) ada = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (pw_people_import_run (import, store, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  ada = find (store, "ada@x.org");
  g_assert_cmpstr (pw_person_get_grade (ada), ==, "Band 3");
}

static void
test_update_or_skip (void)
{
  static const char csv[] = "Name,Email,Job title\n"
                            "Ada L.,ADA@x.org,Analyst\n"
                            "Grace,grace@x.org,Admiral\n";
  g_autoptr(PwStore) store = new_store ();
  g_autoptr(PwPerson) before = add_person (store, "Ada Lovelace", "ada@x.org");
  g_autoptr(PwPeopleImport) skip = new_import (csv);
  g_autoptr(PwPeopleImport) update = new_import (csv);
  g_autoptr(PwPerson) skipped = NULL;
  g_autoptr(PwPerson) updated = NULL;
  g_autoptr(GError) error = NULL;
  PwPeopleImportSummary summary;

  pw_people_import_set_existing (skip, PW_PEOPLE_IMPORT_SKIP);
  g_assert_true (pw_people_import_run (skip, store, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 1);
  g_assert_cmpuint (summary.skipped, ==, 1);
  g_assert_cmpuint (summary.updated, ==, 0);
  skipped = find (store, "ada@x.org");
  g_assert_cmpstr (pw_person_get_name (skipped), ==, "Ada Lovelace");
  g_assert_cmpstr (pw_person_get_job_title (skipped), ==, "");

  pw_people_import_set_existing (update, PW_PEOPLE_IMPORT_UPDATE);
  g_assert_true (pw_people_import_run (update, store, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 0);
  g_assert_cmpuint (summary.updated, ==, 2);
  updated = find (store, "ada@x.org");
  g_assert_cmpint (pw_person_get_id (updated), ==, pw_person_get_id (before));
  g_assert_cmpstr (pw_person_get_name (updated), ==, "Ada L.");
  g_assert_cmpstr (pw_person_get_job_title (updated), ==, "Analyst");
  /* The file's spelling of the email wins, as for every mapped column. */
  g_assert_cmpstr (pw_person_get_email (updated), ==, "ADA@x.org");
  g_assert_cmpint (pw_person_repo_count (store, NULL), ==, 2);
}

static void
test_enrolment (void)
{
  g_autoptr(PwStore) store = new_store ();
  gint64 programme_id = add_programme (store);
  g_autoptr(PwPerson) ada = add_person (store, "Ada", "ada@x.org");
  g_autoptr(PwPerson) grace = add_person (store, "Grace", "grace@x.org");
  g_autoptr(PwPeopleImport) import = NULL;
  g_autoptr(GListModel) enrolled = NULL;
  g_autoptr(GError) error = NULL;
  PwPeopleImportSummary summary;

  g_assert_true (pw_person_repo_enrol (store, programme_id, pw_person_get_id (ada), &error));

  import = new_import ("name,email\nAda,ada@x.org\nGrace,grace@x.org\nAlan,alan@x.org\n");
  pw_people_import_set_existing (import, PW_PEOPLE_IMPORT_SKIP);
  pw_people_import_set_programme_id (import, programme_id);
  g_assert_true (pw_people_import_run (import, store, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);

  /* Skipped people are enrolled too; Ada was already. */
  g_assert_cmpuint (summary.enrolled, ==, 2);
  g_assert_cmpuint (summary.skipped, ==, 2);
  enrolled = pw_person_repo_list_enrolled (store, programme_id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (enrolled), ==, 3);

  /* A programme that does not exist is refused before anything is written. */
  g_clear_object (&import);
  import = new_import ("name,email\nKurt,kurt@x.org\n");
  pw_people_import_set_programme_id (import, programme_id + 100);
  g_assert_false (pw_people_import_run (import, store, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_FOUND);
  g_assert_cmpint (pw_person_repo_count (store, NULL), ==, 3);
}

static void
test_dry_run (void)
{
  g_autoptr(PwStore) store = new_store ();
  gint64 programme_id = add_programme (store);
  g_autoptr(PwPerson) ada = add_person (store, "Ada", "ada@x.org");
  g_autoptr(PwPeopleImport) import = NULL;
  g_autofree char *before = database_checksum (store);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  PwPeopleImportSummary summary;

  import = new_import ("name,email,manager\nAda,ada@x.org,grace@x.org\nGrace,grace@x.org,\n");
  pw_people_import_set_programme_id (import, programme_id);
  pw_people_import_set_dry_run (import, TRUE);
  g_assert_true (pw_people_import_run (import, store, NULL, NULL, NULL, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 1);
  g_assert_cmpuint (summary.updated, ==, 1);
  g_assert_cmpuint (summary.enrolled, ==, 2);

  after = database_checksum (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (pw_store_in_transaction (store));
}

static const char *departments[] = { "Finance", "Digital and Data", "Repairs", "Housing", "People" };

/* A CSV of @n people whose managers form a tree (some managers further
 * down the file); @bad_line, if not 0, gets a malformed email. */
static char *
generate_csv (guint n,
              guint bad_line)
{
  GString *out = g_string_new ("Name,Work email,Reports to,Directorate,Band,Mentor or mentee,Capacity,About\r\n");

  for (guint i = 0; i < n; i++)
    {
      guint line = i + 2;
      /* Person 0 is at the top; the rest report up the tree. */
      guint manager = i == 0 ? 0 : (i - 1) / 4;

      g_autofree char *manager_email =
        i == 0 ? g_strdup ("") : g_strdup_printf ("p%u@example.org", manager);

      g_string_append_printf (out, "Person %u,%s%u@example.org,%s,%s,Band %u,%s,%u,"
                              "\"Likes %u things, \"\"really\"\"\nand more\"\r\n",
                              i, line == bad_line ? "p@" : "p", i,
                              manager_email, departments[i % 5],
                              1 + i % 9, i % 3 == 0 ? "mentor" : "mentee", 1 + i % 3, i);
    }

  return g_string_free (out, FALSE);
}

static void
test_atomic (void)
{
  g_autoptr(PwStore) store = new_store ();
  gint64 programme_id = add_programme (store);
  g_autoptr(PwPerson) ada = add_person (store, "Ada", "ada@x.org");
  g_autoptr(PwPerson) p5 = add_person (store, "Old name", "p5@example.org");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *text = NULL;
  g_autoptr(PwPeopleImport) import = NULL;
  g_autoptr(GError) error = NULL;
  gint64 count;

  g_assert_true (pw_person_repo_enrol (store, programme_id, pw_person_get_id (ada), &error));
  before = database_checksum (store);
  count = pw_person_repo_count (store, NULL);

  /* A bad row at line 9,000 of 10,000 rows. The record of line L is on
   * line L + 2 * (L - 2) of the file, since each has a two-line field:
   * person i starts on line 2 + 2i, so line 9,000 is person 4,499. */
  {
    GString *out = g_string_new (NULL);
    g_autofree char *good = generate_csv (10000, 0);
    g_auto(GStrv) lines = g_strsplit (good, "\r\n", -1);

    for (guint i = 0; lines[i] != NULL && lines[i][0] != '\0'; i++)
      {
        if (i == 4500)
          {
            /* Record 4,500 (person 4,499) begins on physical line 9,000. */
            g_autofree char *bad = NULL;
            g_auto(GStrv) parts = g_strsplit (lines[i], ",", 3);

            g_assert_cmpstr (parts[1], ==, "p4499@example.org");
            bad = g_strdup_printf ("%s,not-an-email,%s", parts[0], parts[2]);
            g_string_append_printf (out, "%s\r\n", bad);
          }
        else
          g_string_append_printf (out, "%s\r\n", lines[i]);
      }
    csv = g_string_free (out, FALSE);
  }

  import = new_import (csv);
  pw_people_import_set_programme_id (import, programme_id);
  g_assert_cmpuint (pw_people_import_get_n_rows (import), ==, 10000);
  g_assert_false (pw_people_import_run (import, store, NULL, NULL, NULL, NULL, &error));
  g_assert_error (error, PW_PEOPLE_IMPORT_ERROR, PW_PEOPLE_IMPORT_ERROR_INVALID);
  g_assert_cmpuint (pw_people_import_get_n_problems (import), ==, 1);

  text = problems_text (import);
  g_assert_true (g_str_has_prefix (text, "people.csv:9000:Work email: “not-an-email”"));

  after = database_checksum (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (pw_person_repo_count (store, NULL), ==, count);
  g_assert_false (pw_store_in_transaction (store));
}

typedef struct
{
  GCancellable *cancellable;
  double        last;
  guint         calls;
} CancelData;

static void
cancel_midway_cb (double   fraction,
                  gpointer user_data)
{
  CancelData *data = user_data;

  g_assert_cmpfloat (fraction, >=, data->last);
  data->last = fraction;
  data->calls++;
  /* Past validation and well into writing. */
  if (fraction > 0.7)
    g_cancellable_cancel (data->cancellable);
}

static void
test_cancel_rolls_back (void)
{
  g_autoptr(PwStore) store = new_store ();
  g_autoptr(PwPerson) p5 = add_person (store, "Old name", "p5@example.org");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *csv = generate_csv (3000, 0);
  g_autofree char *before = database_checksum (store);
  g_autofree char *after = NULL;
  g_autoptr(PwPeopleImport) import = new_import (csv);
  g_autoptr(GError) error = NULL;
  CancelData data = { cancellable, 0, 0 };

  g_assert_false (pw_people_import_run (import, store, cancel_midway_cb, &data, cancellable,
                                        NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (data.calls, >, 10);

  after = database_checksum (store);
  g_assert_cmpstr (before, ==, after);
  g_assert_false (pw_store_in_transaction (store));
}

typedef struct
{
  GMainLoop             *loop;
  PwPeopleImportSummary  summary;
  gboolean               ok;
  guint                  progress_calls;
  GThread               *main_thread;
  guint                  changed;
} AsyncData;

static void
async_progress_cb (double   fraction,
                   gpointer user_data)
{
  AsyncData *data = user_data;

  g_assert_true (g_thread_self () == data->main_thread);
  data->progress_calls++;
}

static void
async_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncData *data = user_data;
  g_autoptr(GError) error = NULL;

  data->ok = pw_people_import_run_finish (PW_PEOPLE_IMPORT (object), result, &data->summary, &error);
  g_assert_no_error (error);
  g_main_loop_quit (data->loop);
}

static void
store_changed_cb (PwStore    *store,
                  const char *table,
                  AsyncData  *data)
{
  g_assert_true (g_thread_self () == data->main_thread);
  data->changed++;
}

static void
test_async (void)
{
  g_autoptr(PwStore) store = new_store ();
  gint64 programme_id = add_programme (store);
  g_autofree char *csv = generate_csv (2000, 0);
  g_autoptr(PwPeopleImport) import = new_import (csv);
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  AsyncData data = { loop, { 0 }, FALSE, 0, g_thread_self (), 0 };

  g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), &data);
  pw_people_import_set_programme_id (import, programme_id);
  pw_people_import_run_async (import, store, async_progress_cb, &data, NULL, NULL,
                              async_done_cb, &data);
  g_main_loop_run (loop);

  g_assert_true (data.ok);
  g_assert_cmpuint (data.summary.added, ==, 2000);
  g_assert_cmpuint (data.summary.enrolled, ==, 2000);
  g_assert_cmpuint (data.progress_calls, >, 10);
  g_assert_cmpuint (data.changed, >=, 1);
  g_assert_cmpint (pw_person_repo_count (store, NULL), ==, 2000);
  g_signal_handlers_disconnect_by_data (store, &data);
}

static void
test_export_round_trip (void)
{
  g_autoptr(PwStore) first = new_store ();
  g_autoptr(PwStore) second = new_store ();
  g_autoptr(PwPerson) boss = add_person (first, "Boss, The", "boss@x.org");
  g_autoptr(PwPerson) ada = pw_person_new ("Ada", "ada@x.org");
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) people2 = NULL;
  g_autoptr(PwPeopleImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *csv2 = NULL;
  g_autofree char *with_sensitive = NULL;
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();

  g_assert_true (pw_person_set_field (ada, "department", "=HYPERLINK(\"http://evil\")", &error));
  g_assert_true (pw_person_set_field (ada, "strengths", "Listening,\n\"asking\"", &error));
  g_assert_true (pw_person_set_field (ada, "grade", "Band 2", &error));
  g_assert_true (pw_person_set_field (ada, "topics-offered", "social media, technology", &error));
  g_assert_true (pw_person_set_field (ada, "gender", "Woman", &error));
  g_assert_true (pw_person_set_field (ada, "role-wanted", "mentor", &error));
  pw_person_set_manager_id (ada, pw_person_get_id (boss));
  g_assert_true (pw_person_repo_insert (first, ada, &error));
  g_assert_no_error (error);

  people = pw_person_repo_list_all (first, &error);
  csv = pw_people_export_csv_string (first, people, FALSE, &error);
  g_assert_no_error (error);
  g_test_message ("%s", csv);

  g_assert_true (g_str_has_prefix (csv, "name,email,manager,job-title,"));
  g_assert_nonnull (strstr (csv, "\"'=HYPERLINK(\"\"http://evil\"\")\""));
  g_assert_nonnull (strstr (csv, "Ada,ada@x.org,boss@x.org,"));
  g_assert_null (strstr (csv, "gender"));
  g_assert_null (strstr (csv, "Woman"));

  with_sensitive = pw_people_export_csv_string (first, people, TRUE, &error);
  g_assert_nonnull (strstr (with_sensitive, "gender"));
  g_assert_nonnull (strstr (with_sensitive, "Woman"));

  /* Exported, imported elsewhere, exported again: the same file. */
  import = new_import (csv);
  g_assert_true (pw_people_import_run (import, second, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  people2 = pw_person_repo_list_all (second, &error);
  g_assert_true (pw_people_export_csv (second, people2, FALSE, stream, NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));
  g_assert_no_error (error);
  csv2 = g_strndup (g_memory_output_stream_get_data (G_MEMORY_OUTPUT_STREAM (stream)),
                    g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)));
  g_assert_cmpstr (csv, ==, csv2);

  {
    g_autoptr(PwPerson) again = find (second, "ada@x.org");
    g_assert_cmpstr (pw_person_get_department (again), ==, "=HYPERLINK(\"http://evil\")");
  }
}

/* The people the import writes are the people a PwPerson with the same
 * fields writes (pw_person_set_field, then pw_person_repo_insert or
 * _update): every column but the ID, UUID and timestamps, and the
 * manager by email. */
static const char equivalence_csv[] =
  "Full name,Work email,Line Manager,Directorate,Job title,Band,Office,Date joined,"
  "In role since,Mentor or mentee,Capacity,Hours a month,Topics offered,Topics wanted,"
  "Strengths,Preferred communication,Discipline,staff-group,background,manager-name,"
  "manager-email,age-band,gender,ethnicity,disability,target-group,responsibilities,"
  "time-available,reverse-meaning,Cost centre\r\n"
  /* A manager later in the file; a formula neutralised; white space;
   * numbers, role and contact forms in unusual spellings; topics with
   * JSON's special characters; a line break inside a field. */
  "Ada Lovelace,ada@x.org,GRACE@x.org, R&D ,'=1+1,Band 3, Home ,2020-02-29,"
  "2021-06-01,BOTH,007, 4 ,\" a , b;;c\n d,\"\"quoted\"\", back\\slash, tab\there, \","
  "\"Caf\xc3\xa9, caf\xc3\xa9\",\"Patient.\r\nGood with people.\",\"Video; in_person\","
  "Maths,Digital,Teaching,Outside Manager,outside@y.org,25-34,Woman,,,Carers,"
  "\"Runs the analytics engine \",Thursdays,'-learning both ways,CC-1\r\n"
  "\" Grace Hopper \",  GRACE@X.ORG ,boss@x.org,R&D,Admiral,band 9,,,,mentor,2,,,,,,,,,,,,,,,,,,,\r\n"
  /* By name, odd but valid date, empty values everywhere. */
  "Alan Turing,alan@x.org,ada lovelace,Maths,,BAND 1,,+202-01-01,,,,,\", ;\",,,,,,,,,,,,,,,,,\r\n"
  /* Not ASCII: folding, not just lowering. */
  "Zo\xc3\xab \xc3\x84rger,Zo\xc3\xab@X.org,ada@x.org,,,,,,,Mentee,0,200,,,,\"phone, email\",,,,,,,,,,,,,,\r\n"
  /* Two who manage each other. */
  "Kurt G\xc3\xb6" "del,kurt@x.org,edsger@x.org,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n"
  "Edsger Dijkstra,edsger@x.org,kurt@x.org,,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n"
  /* Already in the directory: mapped columns replace fields, even with
   * nothing; the rest stay. */
  "Old Timer,OLD@x.org,,Finance,,,,,,,,,,,,,,,,,,,,,,,,,,\r\n";

static PwPerson *
equivalence_directory (PwStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwPerson) boss = add_person (store, "The Boss", "boss@x.org");
  PwPerson *old = pw_person_new ("Old Timer", "old@x.org");
  static const char * const fields[][2] = {
    { "job-title", "Clerk" }, { "grade", "Band 2" }, { "capacity", "3" },
    { "topics-offered", "ledgers, ink" }, { "strengths", "Memory" }, { "gender", "Man" },
    { "preferred-contact", "phone" }, { "role-wanted", "mentor" }, { "org-start", "1990-01-01" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_assert_true (pw_person_set_field (old, fields[i][0], fields[i][1], &error));
  pw_person_set_manager_id (old, pw_person_get_id (boss));
  g_assert_true (pw_person_repo_insert (store, old, &error));
  g_assert_no_error (error);

  return old;
}

static char *
equivalence_cell (PwCsvTable *table,
                  guint       record,
                  guint       column)
{
  return g_strstrip (g_strdup (pw_csv_unneutralise (pw_csv_table_get_field (table, record, column))));
}

/* What the import did before it wrote cells itself: a PwPerson a row. */
static void
import_through_people (PwStore    *store,
                       gint64      programme_id,
                       const char *csv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwCsvTable) table = pw_csv_parse (csv, strlen (csv), ',', NULL, &error);
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) headers = NULL;
  g_auto(GStrv) mapping = NULL;
  g_auto(GStrv) scale = pw_grade_scale_get (store, &error);
  guint n_columns = pw_csv_table_get_n_fields (table, 0);
  int manager_col = -1;

  g_assert_no_error (error);
  for (guint c = 0; c < n_columns; c++)
    g_strv_builder_add (builder, pw_csv_table_get_field (table, 0, c));
  headers = g_strv_builder_end (builder);
  mapping = pw_people_import_guess_mapping ((const char * const *)headers);

  for (guint r = 1; r < pw_csv_table_get_n_records (table); r++)
    {
      PwPerson *person = NULL;
      gboolean existing;

      for (guint c = 0; c < n_columns; c++)
        if (g_str_equal (mapping[c], "email"))
          {
            g_autofree char *email = equivalence_cell (table, r, c);
            person = pw_person_repo_find_by_email (store, email, NULL);
          }
      existing = person != NULL;
      if (!existing)
        person = g_object_new (PW_TYPE_PERSON, NULL);

      for (guint c = 0; c < n_columns; c++)
        {
          g_autofree char *value = equivalence_cell (table, r, c);
          const char *field = mapping[c];

          if (g_str_equal (field, "manager"))
            manager_col = c;
          if (field[0] == '\0' || g_str_equal (field, "manager"))
            continue;
          if (!existing && value[0] == '\0' && !g_str_equal (field, "name") &&
              !g_str_equal (field, "email"))
            continue;
          if (g_str_equal (field, "grade"))
            for (guint g = 0; scale[g] != NULL; g++)
              if (g_ascii_strcasecmp (scale[g], value) == 0)
                {
                  g_free (value);
                  value = g_strdup (scale[g]);
                }

          g_assert_true (pw_person_set_field (person, field, value, &error));
          g_assert_no_error (error);
        }

      if (existing)
        g_assert_true (pw_person_repo_update (store, person, &error));
      else
        g_assert_true (pw_person_repo_insert (store, person, &error));
      g_assert_no_error (error);
      if (programme_id != 0)
        g_assert_true (pw_person_repo_enrol (store, programme_id, pw_person_get_id (person), &error));
      g_ptr_array_add (people, person);
    }

  /* Managers by email or name, in the file first, then the directory. */
  for (guint r = 1; r < pw_csv_table_get_n_records (table); r++)
    {
      PwPerson *person = people->pdata[r - 1];
      g_autofree char *manager = equivalence_cell (table, r, manager_col);
      g_autofree char *key = g_utf8_casefold (manager, -1);
      gint64 manager_id = 0;

      for (guint i = 0; i < people->len && manager_id == 0; i++)
        {
          g_autofree char *email = g_utf8_casefold (pw_person_get_email (people->pdata[i]), -1);
          g_autofree char *name = g_utf8_casefold (pw_person_get_name (people->pdata[i]), -1);

          if (g_str_equal (key, strchr (manager, '@') ? email : name))
            manager_id = pw_person_get_id (people->pdata[i]);
        }
      if (manager_id == 0 && manager[0] != '\0')
        {
          g_autoptr(PwPerson) found = pw_person_repo_find_by_email (store, manager, &error);

          g_assert_no_error (error);
          manager_id = pw_person_get_id (found);
        }

      pw_person_set_manager_id (person, manager_id);
      g_assert_true (pw_person_repo_update (store, person, &error));
      g_assert_no_error (error);
    }
}

/* Every person column but id, uuid, manager_id and the timestamps, with
 * the manager's email, in email order; then the enrolments by email. */
static char *
people_dump (PwStore *store)
{
  static const char *sql;
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3_stmt *stmt;

  if (sql == NULL)
    {
      g_autoptr(GString) text = g_string_new ("SELECT m.email");
      const char * const *fields = pw_person_list_fields ();

      for (guint i = 0; fields[i] != NULL; i++)
        {
          g_autofree char *column = g_strdelimit (g_strdup (fields[i]), "-", '_');
          g_string_append_printf (text, ", quote(p.%s)", column);
        }
      g_string_append (text, ", (SELECT group_concat(programme_id) FROM enrolment e "
                             "WHERE e.person_id = p.id) "
                             "FROM person p LEFT JOIN person m ON m.id = p.manager_id "
                             "ORDER BY p.email");
      sql = g_intern_string (text->str);
    }

  stmt = pw_store_prepare (store, sql, NULL);
  g_assert_nonnull (stmt);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          const char *text = (const char *)sqlite3_column_text (stmt, c);
          g_string_append_printf (out, "%s|", text ? text : "NULL");
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_reset (stmt);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
check_identity_columns (PwStore    *store,
                        const char *old_uuid)
{
  sqlite3_stmt *stmt = pw_store_prepare (store,
                                         "SELECT email, uuid, created, modified FROM person", NULL);
  g_autoptr(GHashTable) uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GRegex) timestamp = g_regex_new ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ$", 0, 0, NULL);

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *email = (const char *)sqlite3_column_text (stmt, 0);
      const char *uuid = (const char *)sqlite3_column_text (stmt, 1);

      /* A random (version 4) UUID, spelt as g_uuid_string_random() does. */
      g_assert_true (g_uuid_string_is_valid (uuid));
      g_assert_cmpint (uuid[14], ==, '4');
      g_assert_nonnull (strchr ("89ab", uuid[19]));
      for (const char *p = uuid; *p != '\0'; p++)
        g_assert_false (g_ascii_isupper (*p));
      g_assert_true (g_hash_table_add (uuids, g_strdup (uuid)));
      if (g_ascii_strcasecmp (email, "old@x.org") == 0)
        g_assert_cmpstr (uuid, ==, old_uuid);

      g_assert_true (g_regex_match (timestamp, (const char *)sqlite3_column_text (stmt, 2), 0, NULL));
      g_assert_true (g_regex_match (timestamp, (const char *)sqlite3_column_text (stmt, 3), 0, NULL));
    }
  sqlite3_reset (stmt);
}

static void
test_same_as_person_path (void)
{
  g_autoptr(PwStore) bulk = new_store ();
  g_autoptr(PwStore) reference = new_store ();
  gint64 programme_id = add_programme (bulk);
  gint64 reference_programme_id = add_programme (reference);
  g_autoptr(PwPerson) old = equivalence_directory (bulk);
  g_autoptr(PwPerson) reference_old = equivalence_directory (reference);
  g_autoptr(PwPeopleImport) import = new_import (equivalence_csv);
  g_autoptr(GError) error = NULL;
  g_autofree char *bulk_dump = NULL;
  g_autofree char *reference_dump = NULL;
  PwPeopleImportSummary summary;

  g_assert_cmpint (programme_id, ==, reference_programme_id);

  pw_people_import_set_programme_id (import, programme_id);
  if (!pw_people_import_run (import, bulk, NULL, NULL, NULL, &summary, &error))
    {
      g_autofree char *text = problems_text (import);
      g_error ("%s\n%s", error->message, text);
    }
  g_assert_cmpuint (summary.added, ==, 6);
  g_assert_cmpuint (summary.updated, ==, 1);
  g_assert_cmpuint (summary.enrolled, ==, 7);

  import_through_people (reference, reference_programme_id, equivalence_csv);

  bulk_dump = people_dump (bulk);
  reference_dump = people_dump (reference);
  g_test_message ("%s", bulk_dump);
  g_assert_cmpstr (bulk_dump, ==, reference_dump);

  /* The dump is not vacuous: the tricky values are in it. */
  g_assert_nonnull (strstr (bulk_dump, "'=1+1'"));
  g_assert_nonnull (strstr (bulk_dump, "'[\"a\",\"b\",\"c\",\"d\",\"\\\"quoted\\\"\",\"back\\\\slash\",\"tab\\there\"]'"));
  g_assert_nonnull (strstr (bulk_dump, "'Band 9'"));
  g_assert_nonnull (strstr (bulk_dump, "'+202-01-01'"));

  check_identity_columns (bulk, pw_person_get_uuid (old));
  check_identity_columns (reference, pw_person_get_uuid (reference_old));
}

/* The topics columns hold what json-glib's generator writes. */
static void
test_topics_json (void)
{
  g_autoptr(GPtrArray) strings = g_ptr_array_new_with_free_func (g_free);

  for (int c = 1; c < 0x80; c++)
    {
      /* json-glib 1.6 writes 0x1F raw, which JSON forbids; we escape it. */
      if (c != 0x1f)
        g_ptr_array_add (strings, g_strdup_printf ("a%cb", c));
    }
  g_ptr_array_add (strings, g_strdup ("caf\xc3\xa9 \xe2\x80\x93 \xf0\x9f\x98\x80"));
  g_ptr_array_add (strings, g_strdup (""));
  g_ptr_array_add (strings, g_strdup ("\"\\/\b\f\n\r\t\x7f"));

  for (guint i = 0; i <= strings->len; i++)
    {
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonGenerator) generator = json_generator_new ();
      g_autoptr(JsonNode) root = NULL;
      g_autofree char *want = NULL;
      g_autofree char *got = NULL;
      const char *topics[] = { "first", NULL, "last", NULL };

      /* Each string between two others; the last round, none at all. */
      if (i < strings->len)
        topics[1] = strings->pdata[i];
      else
        topics[0] = NULL;

      json_builder_begin_array (builder);
      for (guint k = 0; topics[k] != NULL; k++)
        json_builder_add_string_value (builder, topics[k]);
      json_builder_end_array (builder);
      root = json_builder_get_root (builder);
      json_generator_set_root (generator, root);
      want = json_generator_to_data (generator, NULL);

      got = pw_person_topics_to_json (topics);
      g_assert_cmpstr (got, ==, want);
    }

  {
    const char * const unit_separator[] = { "a\x1f" "b", NULL };
    g_autofree char *json = pw_person_topics_to_json (unit_separator);
    g_autoptr(JsonNode) node = json_from_string (json, NULL);

    g_assert_cmpstr (json, ==, "[\"a\\u001fb\"]");
    g_assert_nonnull (node);
    g_assert_cmpstr (json_array_get_string_element (json_node_get_array (node), 0), ==, "a\x1f" "b");
  }
}

static gint64
pragma_value (PwStore    *store,
              const char *sql)
{
  sqlite3_stmt *stmt = pw_store_prepare (store, sql, NULL);
  gint64 value;

  g_assert_nonnull (stmt);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);

  return value;
}

/* A file database: the import's connection settings come back as they
 * were, and the import reaches the database file itself (not only the
 * WAL) without the store's connection checkpointing. */
static void
test_checkpoint_later (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pw-import-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "people.db", NULL);
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  g_autofree char *csv = generate_csv (2000, 0);
  g_autoptr(PwStore) store = pw_store_open (path, &error);
  g_autoptr(PwPeopleImport) import = new_import (csv);
  gint64 synchronous = pragma_value (store, "PRAGMA synchronous");
  gint64 autocheckpoint = pragma_value (store, "PRAGMA wal_autocheckpoint");
  gint64 cache_size = pragma_value (store, "PRAGMA cache_size");
  gint64 want_size;
  gint64 deadline = g_get_monotonic_time () + 20 * G_TIME_SPAN_SECOND;
  GStatBuf buf;

  g_assert_no_error (error);
  g_assert_cmpint (synchronous, ==, 1);  /* NORMAL */
  g_assert_true (pw_grade_scale_set (store, (const char *[]) { "Band 1", "Band 2", "Band 3",
                                                               "Band 4", "Band 5", "Band 6",
                                                               "Band 7", "Band 8", "Band 9",
                                                               NULL }, &error));
  g_assert_true (pw_people_import_run (import, store, NULL, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  g_assert_cmpint (pragma_value (store, "PRAGMA synchronous"), ==, synchronous);
  g_assert_cmpint (pragma_value (store, "PRAGMA wal_autocheckpoint"), ==, autocheckpoint);
  g_assert_cmpint (pragma_value (store, "PRAGMA cache_size"), ==, cache_size);

  want_size = pragma_value (store, "PRAGMA page_count") * pragma_value (store, "PRAGMA page_size");
  g_assert_cmpint (want_size, >, 2000 * 100);
  while (g_stat (path, &buf) == 0 && buf.st_size < want_size)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (10000);
    }
  g_assert_cmpint (buf.st_size, ==, want_size);
  g_assert_cmpint (pw_person_repo_count (store, NULL), ==, 2000);

  g_clear_object (&store);
  g_remove (wal);
  g_remove (shm);
  g_remove (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/people-import/guess-headers", test_guess_headers);
  g_test_add_func ("/people-import/mapping", test_mapping);
  g_test_add_func ("/people-import/managers", test_managers);
  g_test_add_func ("/people-import/unknown-manager", test_unknown_manager);
  g_test_add_func ("/people-import/duplicates-and-values", test_duplicates_and_values);
  g_test_add_func ("/people-import/grade-normalised", test_grade_normalised);
  g_test_add_func ("/people-import/update-or-skip", test_update_or_skip);
  g_test_add_func ("/people-import/enrolment", test_enrolment);
  g_test_add_func ("/people-import/dry-run", test_dry_run);
  g_test_add_func ("/people-import/atomic", test_atomic);
  g_test_add_func ("/people-import/cancel-rolls-back", test_cancel_rolls_back);
  g_test_add_func ("/people-import/async", test_async);
  g_test_add_func ("/people-import/export-round-trip", test_export_round_trip);
  g_test_add_func ("/people-import/same-as-person-path", test_same_as_person_path);
  g_test_add_func ("/people-import/topics-json", test_topics_json);
  g_test_add_func ("/people-import/checkpoint-later", test_checkpoint_later);

  return g_test_run ();
}
