/* test-store.c — opening, migrating and refusing databases
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>

#include <glib/gstdio.h>

#include "pw-programme-repo.h"
#include "pw-store.h"
#include "pw-store-private.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("pw-test-store-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->path = g_build_filename (f->dir, "sub", "pairwise.db", NULL);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);
        remove_tree (child);
      }
  g_remove (path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  remove_tree (f->dir);
  g_free (f->dir);
  g_free (f->path);
}

static GBytes *
read_file (const char *path)
{
  char *contents = NULL;
  gsize len = 0;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  return g_bytes_new_take (contents, len);
}

static void
test_open_creates_private_file (Fixture       *f,
                                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  GStatBuf st;

  store = pw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (pw_store_get_version (store), ==, pw_store_schema_version ());
  g_assert_null (pw_store_get_backup_path (store));

  g_assert_cmpint (g_stat (f->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  g_clear_object (&store);

  /* Reopen: same version, nothing to migrate. */
  store = pw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_store_get_version (store), ==, pw_store_schema_version ());
  g_assert_null (pw_store_get_backup_path (store));
}

static void
test_migrate_empty_file (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autofree char *parent = g_path_get_dirname (f->path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (f->path, "", 0, NULL));

  store = pw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_store_get_version (store), ==, pw_store_schema_version ());

  list = pw_programme_repo_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

static void
write_db_with_version (const char *path,
                       int         version,
                       gboolean    with_table)
{
  g_autofree char *parent = g_path_get_dirname (path);
  g_autofree char *pragma = g_strdup_printf ("PRAGMA user_version = %d", version);
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (with_table)
    g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE other (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, pragma, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static void
test_refuse_newer (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *expected = NULL;

  write_db_with_version (f->path, pw_store_schema_version () + 1, TRUE);
  before = read_file (f->path);

  store = pw_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_TOO_NEW);
  expected = g_strdup_printf ("written by a newer version of Pairwise (schema %d; this version reads up to %d)",
                              pw_store_schema_version () + 1, pw_store_schema_version ());
  g_assert_nonnull (strstr (error->message, expected));
  g_assert_nonnull (strstr (error->message, "the file was not changed"));
  g_assert_true (g_str_has_prefix (error->message, f->path));

  after = read_file (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_refuse_not_sqlite (Fixture       *f,
                        gconstpointer  data)
{
  static const char text[] = "name,email\nAda,ada@example.org\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autoptr(GBytes) after = NULL;
  g_autofree char *parent = g_path_get_dirname (f->path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  g_assert_true (g_file_set_contents (f->path, text, -1, NULL));

  store = pw_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_DATABASE);
  g_assert_nonnull (strstr (error->message, "not a Pairwise database"));

  after = read_file (f->path);
  g_assert_cmpmem (g_bytes_get_data (after, NULL), g_bytes_get_size (after), text, strlen (text));
}

static void
test_refuse_corrupt (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;
  char *contents = NULL;
  gsize len = 0;

  /* A real database whose schema page is overwritten with noise. */
  store = pw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_true (g_file_get_contents (f->path, &contents, &len, NULL));
  g_assert_cmpuint (len, >, 200);
  for (gsize i = 100; i < len; i++)
    contents[i] = (char)(i * 7);
  g_assert_true (g_file_set_contents (f->path, contents, len, NULL));
  g_free (contents);
  before = read_file (f->path);

  store = pw_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_true (g_error_matches (error, PW_STORE_ERROR, PW_STORE_ERROR_CORRUPT) ||
                 g_error_matches (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_DATABASE));

  after = read_file (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_refuse_foreign_sqlite (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autoptr(GBytes) after = NULL;

  /* Some other application's SQLite file: version 0 with tables. */
  write_db_with_version (f->path, 0, TRUE);
  before = read_file (f->path);

  store = pw_store_open (f->path, &error);
  g_assert_null (store);
  g_assert_error (error, PW_STORE_ERROR, PW_STORE_ERROR_NOT_DATABASE);

  after = read_file (f->path);
  g_assert_true (g_bytes_equal (before, after));
}

static void
test_transaction_rollback (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = pw_store_open (f->path, &error);
  g_autoptr(PwProgramme) programme = pw_programme_new ("Kept");
  g_autoptr(PwProgramme) lost = pw_programme_new ("Rolled back");
  g_autoptr(GListModel) list = NULL;

  g_assert_no_error (error);
  g_assert_true (pw_programme_repo_insert (store, programme, &error));
  g_assert_no_error (error);

  g_assert_true (pw_store_begin (store, &error));
  g_assert_true (pw_programme_repo_insert (store, lost, &error));
  g_assert_true (pw_store_in_transaction (store));
  pw_store_rollback (store);
  g_assert_false (pw_store_in_transaction (store));

  list = pw_programme_repo_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
}

static void
test_foreign_keys_and_wal (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = pw_store_open (f->path, &error);
  sqlite3_stmt *stmt;

  g_assert_no_error (error);

  stmt = pw_store_prepare (store, "PRAGMA foreign_keys", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_store_step (store, stmt, &error), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  sqlite3_reset (stmt);

  stmt = pw_store_prepare (store, "PRAGMA journal_mode", &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_store_step (store, stmt, &error), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "wal");
  sqlite3_reset (stmt);
}

static void
test_backup_before_migration (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autofree char *backup_path = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GStatBuf st;

  g_assert_cmpint (pw_store_schema_version (), >=, 2);

  /* A database as the first release left it, with a programme in it
   * written with that release's columns only. */
  store = pw_store_open_full (f->path, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_store_get_version (store), ==, 1);
  g_assert_true (pw_store_exec (store,
                                "INSERT INTO programme (uuid, name, start_date, end_date) VALUES "
                                "('0b7c3d4e-1f2a-4b5c-8d9e-0f1a2b3c4d5e', 'Before the upgrade', "
                                "'2025-01-01', '2026-01-01')",
                                &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = pw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (pw_store_get_version (store), ==, pw_store_schema_version ());
  g_assert_nonnull (pw_store_get_backup_path (store));
  backup_path = g_strdup (pw_store_get_backup_path (store));

  /* The programme survived the migration… */
  list = pw_programme_repo_list (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);

  /* …and the backup is a private, whole copy at the old version. */
  g_assert_cmpint (g_stat (backup_path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  g_assert_cmpint (sqlite3_open_v2 (backup_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version), "
                                           "(SELECT name FROM programme)", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 1);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 1), ==, "Before the upgrade");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_clear_object (&store);

  /* A second open has nothing to migrate and takes no backup. */
  store = pw_store_open (f->path, &error);
  g_assert_no_error (error);
  g_assert_null (pw_store_get_backup_path (store));
}

static void
test_resolve_path (void)
{
  g_autofree char *from_cli = NULL;
  g_autofree char *from_env = NULL;
  g_autofree char *fallback = NULL;

  g_setenv ("PAIRWISE_DB", "/tmp/from-env.db", TRUE);
  from_cli = pw_store_resolve_path ("/tmp/from-cli.db");
  from_env = pw_store_resolve_path (NULL);
  g_unsetenv ("PAIRWISE_DB");
  fallback = pw_store_resolve_path (NULL);

  g_assert_cmpstr (from_cli, ==, "/tmp/from-cli.db");
  g_assert_cmpstr (from_env, ==, "/tmp/from-env.db");
  g_assert_true (g_str_has_suffix (fallback, "/pairwise/pairwise.db"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("open-creates-private-file", test_open_creates_private_file);
  ADD ("migrate-empty-file", test_migrate_empty_file);
  ADD ("refuse-newer", test_refuse_newer);
  ADD ("refuse-not-sqlite", test_refuse_not_sqlite);
  ADD ("refuse-corrupt", test_refuse_corrupt);
  ADD ("refuse-foreign-sqlite", test_refuse_foreign_sqlite);
  ADD ("transaction-rollback", test_transaction_rollback);
  ADD ("foreign-keys-and-wal", test_foreign_keys_and_wal);
  ADD ("backup-before-migration", test_backup_before_migration);
  g_test_add_func ("/store/resolve-path", test_resolve_path);

  return g_test_run ();
}
