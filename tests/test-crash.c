/* test-crash.c — SIGKILL at random moments loses nothing and half-writes
 * nothing; two writers at once never show "database is locked"
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * pairwise-cli is killed during a 10,000-person import and during "pairs
 * approve-all" of a programme with many proposals. After each kill the
 * database must open, pass PRAGMA integrity_check and hold all of that
 * action or none of it. PAIRWISE_CRASH_KILLS (default 100) is the number
 * of kills across both; the whole test stops killing after
 * PAIRWISE_CRASH_SECONDS (default 40) so that the suite stays fast, and
 * says how many it managed.
 */
#include "config.h"

#include <signal.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "pw-match.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-store.h"

#define N_PEOPLE 10000
#define N_PAIRS  1500

typedef struct
{
  char   *dir;
  char   *csv;
  char   *base;      /* the database before the action */
  char   *work;      /* a copy of it, the CLI's victim */
  gint64  programme;
} Fixture;

static GRand *rng;
static gint64 budget;  /* microseconds for each scenario's kills */

static guint
kills_wanted (void)
{
  const char *env = g_getenv ("PAIRWISE_CRASH_KILLS");
  guint64 n = 100;

  if (env != NULL)
    g_ascii_string_to_unsigned (env, 10, 0, 100000, &n, NULL);
  return (guint)n;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_remove (path);
}

static void
write_people_csv (const char *path,
                  guint       n)
{
  g_autoptr(GString) csv = g_string_new ("name,email,department,job_title,role_wanted,strengths\n");

  for (guint i = 0; i < n; i++)
    g_string_append_printf (csv, "Person %u,person%u@example.org,Department %u,Officer,%s,"
                                 "\"Listening, patience and \"\"plain\"\" words\"\n",
                            i, i, i % 17, i % 2 ? "mentor" : "mentee");
  g_assert_true (g_file_set_contents (path, csv->str, csv->len, NULL));
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autofree char *contents = NULL;
  g_autofree char *wal = g_strconcat (to, "-wal", NULL);
  g_autofree char *shm = g_strconcat (to, "-shm", NULL);
  gsize len;

  g_remove (wal);
  g_remove (shm);
  g_assert_true (g_file_get_contents (from, &contents, &len, NULL));
  g_assert_true (g_file_set_contents_full (to, contents, len, G_FILE_SET_CONTENTS_NONE, 0600, NULL));
}

static gint64
count (PwStore    *store,
       const char *sql)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = pw_store_prepare (store, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (pw_store_step (store, stmt, &error), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return n;
}

static void
assert_whole (PwStore *store)
{
  g_autoptr(GError) error = NULL;
  sqlite3_stmt *stmt = pw_store_prepare (store, "PRAGMA integrity_check", &error);

  g_assert_no_error (error);
  g_assert_cmpint (pw_store_step (store, stmt, &error), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_reset (stmt);
  g_assert_cmpint (count (store, "SELECT count(*) FROM pragma_foreign_key_check"), ==, 0);
}

static GPid
spawn_cli (Fixture            *f,
           const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  GPid pid;

  g_ptr_array_add (argv, (char *)g_getenv ("PAIRWISE_CLI"));
  g_ptr_array_add (argv, (char *)"--db");
  g_ptr_array_add (argv, f->work);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_async (NULL, (char **)argv->pdata, NULL,
                                G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                G_SPAWN_STDERR_TO_DEV_NULL,
                                NULL, NULL, &pid, &error));
  g_assert_no_error (error);
  return pid;
}

/* Runs the action to its end once: how long it takes, and that it works. */
static gint64
time_full_run (Fixture            *f,
               const char * const *args)
{
  gint64 start = g_get_monotonic_time ();
  GPid pid;
  int status;

  copy_file (f->base, f->work);
  pid = spawn_cli (f, args);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  return g_get_monotonic_time () - start;
}

typedef void (*CheckFunc) (Fixture  *f,
                           PwStore  *store,
                           guint    *n_none,
                           guint    *n_all);

static void
kill_repeatedly (Fixture            *f,
                 const char * const *args,
                 guint               kills,
                 CheckFunc           check)
{
  gint64 full = time_full_run (f, args);
  gint64 deadline = g_get_monotonic_time () + budget;
  guint n_none = 0, n_all = 0, done = 0;

  /* The reference run must hold everything. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PwStore) store = pw_store_open (f->work, &error);
    guint none = 0, all = 0;

    g_assert_no_error (error);
    check (f, store, &none, &all);
    g_assert_cmpuint (all, ==, 1);
  }

  for (done = 0; done < kills && g_get_monotonic_time () < deadline; done++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(PwStore) store = NULL;
      /* Anywhere in the run, start-up and the commit included. */
      gint64 delay = g_rand_int_range (rng, 0, (gint32)MAX (full * 11 / 10, 2));
      GPid pid;
      int status;

      copy_file (f->base, f->work);
      pid = spawn_cli (f, args);
      g_usleep (delay);
      kill (pid, SIGKILL);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);

      store = pw_store_open (f->work, &error);
      g_assert_no_error (error);
      assert_whole (store);
      check (f, store, &n_none, &n_all);
    }

  g_test_message ("%u kills (full run %.0f ms): %u found nothing done, %u found everything done",
                  done, full / 1000.0, n_none, n_all);
  g_assert_cmpuint (n_none + n_all, ==, done);
  if (done < kills)
    g_test_message ("stopped after %u of %u kills to keep the suite fast", done, kills);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autoptr(PwProgramme) programme = pw_programme_new ("Crash Course");

  f->dir = g_dir_make_tmp ("pw-test-crash-XXXXXX", &error);
  g_assert_no_error (error);
  f->csv = g_build_filename (f->dir, "people.csv", NULL);
  f->base = g_build_filename (f->dir, "base.db", NULL);
  f->work = g_build_filename (f->dir, "work.db", NULL);

  store = pw_store_open (f->base, &error);
  g_assert_no_error (error);
  pw_programme_set_start_date (programme, "2027-01-04");
  pw_programme_set_end_date (programme, "2027-12-17");
  g_assert_true (pw_programme_repo_insert (store, programme, &error));
  f->programme = pw_programme_get_id (programme);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->csv);
  g_free (f->base);
  g_free (f->work);
}

static void
check_import (Fixture *f,
              PwStore *store,
              guint   *n_none,
              guint   *n_all)
{
  gint64 people = count (store, "SELECT count(*) FROM person");
  gint64 enrolled = count (store, "SELECT count(*) FROM enrolment");

  if (people == 0 && enrolled == 0)
    (*n_none)++;
  else if (people == N_PEOPLE && enrolled == N_PEOPLE)
    (*n_all)++;
  else
    g_error ("a killed import left %" G_GINT64_FORMAT " people and %" G_GINT64_FORMAT
             " enrolments: neither none nor all", people, enrolled);
}

static void
test_kill_import (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->programme);
  const char *args[] = { "people", "import", "--programme", id, f->csv, NULL };

  write_people_csv (f->csv, N_PEOPLE);
  kill_repeatedly (f, args, kills_wanted () / 2, check_import);
}

static gint64 approved_meetings;

static void
check_approve (Fixture *f,
               PwStore *store,
               guint   *n_none,
               guint   *n_all)
{
  gint64 approved = count (store, "SELECT count(*) FROM pair WHERE state = 'approved'");
  gint64 proposed = count (store, "SELECT count(*) FROM pair WHERE state = 'proposed'");
  gint64 meetings = count (store, "SELECT count(*) FROM meeting WHERE pair_id IS NOT NULL");

  g_assert_cmpint (approved + proposed, ==, N_PAIRS);
  if (approved == 0 && meetings == 0)
    (*n_none)++;
  else if (approved == N_PAIRS && meetings > 0 &&
           (approved_meetings == 0 || meetings == approved_meetings))
    {
      approved_meetings = meetings;
      (*n_all)++;
    }
  else
    g_error ("a killed approve-all left %" G_GINT64_FORMAT " of %d pairs approved and %"
             G_GINT64_FORMAT " meetings: neither none nor all", approved, N_PAIRS, meetings);
}

static void
test_kill_approve_all (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->programme);
  const char *args[] = { "pairs", "approve-all", "--programme", id, NULL };
  g_autoptr(GError) error = NULL;

  /* Many proposals, written straight into the base database. */
  {
    g_autoptr(PwStore) store = pw_store_open (f->base, &error);

    g_assert_no_error (error);
    g_assert_true (pw_store_exec (store,
                                  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
                                  "INSERT INTO person (uuid, name, email, role_wanted) "
                                  "SELECT 'uuid-' || i, 'Person ' || i, 'p' || i || '@example.org', "
                                  "       CASE WHEN i <= 1500 THEN 'mentee' ELSE 'mentor' END FROM n", &error));
    g_assert_no_error (error);
    g_assert_true (pw_store_exec (store,
                                  "INSERT INTO pair (programme_id, mentee_id, mentor_id, state, score) "
                                  "SELECT 1, id, id + 1500, 'proposed', 50 FROM person WHERE id <= 1500",
                                  &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (store, "SELECT count(*) FROM pair"), ==, N_PAIRS);
  }

  kill_repeatedly (f, args, kills_wanted () - kills_wanted () / 2, check_approve);
}

/* Two writers: while the CLI imports 10,000 people in one long
 * transaction, this process writes too. Every write waits for the other
 * (BEGIN IMMEDIATE, busy timeout) and succeeds; none fails with "locked". */
static void
test_two_writers (Fixture       *f,
                  gconstpointer  data)
{
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->programme);
  const char *args[] = { "people", "import", "--programme", id, f->csv, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autoptr(PwProgramme) programme = NULL;
  guint writes = 0;
  g_autofree char *last = NULL;
  GPid pid;
  int status;

  write_people_csv (f->csv, N_PEOPLE);
  copy_file (f->base, f->work);
  store = pw_store_open (f->work, &error);
  g_assert_no_error (error);
  programme = pw_programme_repo_get (store, f->programme, &error);

  pid = spawn_cli (f, args);
  while (waitpid (pid, &status, WNOHANG) == 0)
    {
      g_autofree char *name = g_strdup_printf ("Edit %u", ++writes);

      /* The app's kind of write: one small transaction per change. */
      pw_programme_set_name (programme, name);
      if (!pw_programme_repo_update (store, programme, &error))
        g_error ("write %u failed while the CLI imported: %s", writes, error->message);
      g_usleep (2000);
    }
  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 0);
  g_test_message ("%u writes from this process while the CLI imported", writes);
  g_assert_cmpuint (writes, >, 1);

  g_assert_cmpint (count (store, "SELECT count(*) FROM enrolment"), ==, N_PEOPLE);
  g_clear_object (&programme);
  programme = pw_programme_repo_get (store, f->programme, &error);
  last = g_strdup_printf ("Edit %u", writes);
  g_assert_cmpstr (pw_programme_get_name (programme), ==, last);
  assert_whole (store);
}

/* A write that waits longer than the busy timeout fails with a message
 * that says so, in words, and changes nothing. */
static void
test_busy_message (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) holder = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autoptr(PwProgramme) programme = NULL;
  gint64 start;

  copy_file (f->base, f->work);
  holder = pw_store_open (f->work, &error);
  store = pw_store_open (f->work, &error);
  g_assert_no_error (error);
  programme = pw_programme_repo_get (store, f->programme, &error);

  g_assert_true (pw_store_begin (holder, &error));
  start = g_get_monotonic_time ();
  pw_programme_set_name (programme, "Waited");
  g_assert_false (pw_programme_repo_update (store, programme, &error));
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_BUSY);
  g_assert_cmpint (g_get_monotonic_time () - start, >=, 4 * G_USEC_PER_SEC);
  g_assert_nonnull (strstr (error->message, "busy for more than 5 seconds"));
  g_assert_null (strstr (error->message, "locked"));
  pw_store_rollback (holder);
}

int
main (int   argc,
      char *argv[])
{
  const char *seconds = g_getenv ("PAIRWISE_CRASH_SECONDS");
  const char *seed = g_getenv ("PAIRWISE_CRASH_SEED");
  guint32 s = seed != NULL ? (guint32)g_ascii_strtoull (seed, NULL, 10) : g_random_int ();

  g_test_init (&argc, &argv, NULL);
  rng = g_rand_new_with_seed (s);
  g_test_message ("PAIRWISE_CRASH_SEED=%u", s);
  budget = (seconds != NULL ? g_ascii_strtoll (seconds, NULL, 10) : 40) * G_USEC_PER_SEC / 2;

#define ADD(name, func) \
  g_test_add ("/crash/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)
  ADD ("kill-import", test_kill_import);
  ADD ("kill-approve-all", test_kill_approve_all);
  ADD ("two-writers", test_two_writers);
  ADD ("busy-message", test_busy_message);
#undef ADD

  return g_test_run ();
}
