/* test-backup.c — the daily backup taken in a worker thread
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/stat.h>
#include <utime.h>

#include <glib/gstdio.h>

#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-store.h"

typedef struct
{
  char    *dir;
  char    *db_path;
  PwStore *store;
} Fixture;

typedef struct
{
  gboolean  done;
  gboolean  ok;
  char     *path;
  GError   *error;
  GThread  *thread;
} Result;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("pw-test-backup-XXXXXX", &error);
  g_assert_no_error (error);
  f->db_path = g_build_filename (f->dir, "pairwise.db", NULL);
  f->store = pw_store_open (f->db_path, &error);
  g_assert_no_error (error);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_finalize_object (f->store);
  remove_tree (f->dir);
  g_free (f->db_path);
  g_free (f->dir);
}

static void
backup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  Result *r = user_data;

  r->thread = g_thread_self ();
  r->ok = pw_store_backup_if_due_finish (PW_STORE (object), result, &r->path, &r->error);
  r->done = TRUE;
}

static void
run_backup (Fixture    *f,
            const char *dir,
            Result     *r)
{
  pw_store_backup_if_due_async (f->store, dir, NULL, backup_done_cb, r);
  /* Never answered before the call returns. */
  g_assert_false (r->done);
  while (!r->done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (r->thread == g_thread_self ());

  /* The worker lets go of its task, and so of the store, once it has
   * returned: wait for that, so the store can be finalized. */
  for (int i = 0; i < 5000 && G_OBJECT (f->store)->ref_count > 1; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  g_assert_cmpuint (G_OBJECT (f->store)->ref_count, ==, 1);
}

static gint64
count_programmes (const char *path)
{
  g_autoptr(PwStore) store = NULL;
  g_autoptr(GListModel) programmes = NULL;
  g_autoptr(GError) error = NULL;

  store = pw_store_open (path, &error);
  g_assert_no_error (error);
  programmes = pw_programme_repo_list (store, &error);
  g_assert_no_error (error);

  return g_list_model_get_n_items (programmes);
}

static void
test_backup_async (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwProgramme) committed = pw_programme_new ("Committed");
  g_autoptr(PwProgramme) pending = pw_programme_new ("Not yet committed");
  g_autofree char *dir = pw_store_default_backup_dir (f->store);
  Result first = { 0 };
  Result second = { 0 };
  GStatBuf st;

  g_assert_true (pw_programme_repo_insert (f->store, committed, &error));
  g_assert_no_error (error);

  /* The worker reads through a connection of its own: a transaction
   * left open on the main connection is neither seen nor waited for. */
  g_assert_true (pw_store_begin (f->store, &error));
  g_assert_true (pw_programme_repo_insert (f->store, pending, &error));
  g_assert_no_error (error);

  run_backup (f, dir, &first);
  g_assert_no_error (first.error);
  g_assert_true (first.ok);
  g_assert_nonnull (first.path);
  g_assert_true (g_str_has_prefix (first.path, dir));
  g_assert_cmpint (g_stat (first.path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  pw_store_rollback (f->store);

  /* A whole, readable copy with what was committed, and only that. */
  g_assert_cmpint (count_programmes (first.path), ==, 1);

  /* Taken today: the next start has none due. */
  run_backup (f, dir, &second);
  g_assert_no_error (second.error);
  g_assert_true (second.ok);
  g_assert_null (second.path);

  g_free (first.path);
}

static void
test_backup_async_prunes (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = pw_store_default_backup_dir (f->store);
  g_autoptr(GPtrArray) list = NULL;
  Result r = { 0 };

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  for (int i = 0; i < PW_STORE_BACKUPS_KEPT + 2; i++)
    {
      g_autofree char *name = g_strdup_printf ("pairwise-2020010%d.db", i + 1);
      g_autofree char *old = g_build_filename (dir, name, NULL);
      struct utimbuf times;

      /* 1 January 2020 onwards, a day apart. */
      times.actime = times.modtime = (time_t) (1577836800 + i * 86400);
      g_assert_true (g_file_set_contents (old, "", 0, NULL));
      g_assert_cmpint (g_utime (old, &times), ==, 0);
    }

  run_backup (f, dir, &r);
  g_assert_no_error (r.error);
  g_assert_nonnull (r.path);

  list = pw_store_list_backups (dir, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, PW_STORE_BACKUPS_KEPT);
  g_assert_cmpstr (((PwBackup *) g_ptr_array_index (list, 0))->path, ==, r.path);

  g_free (r.path);
}

static void
test_backup_async_error (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *blocker = g_build_filename (f->dir, "not-a-folder", NULL);
  g_autofree char *dir = g_build_filename (blocker, "backups", NULL);
  Result r = { 0 };

  /* The backup folder cannot be made: the error comes back, not a crash. */
  g_assert_true (g_file_set_contents (blocker, "", 0, NULL));
  run_backup (f, dir, &r);
  g_assert_false (r.ok);
  g_assert_nonnull (r.error);
  g_assert_null (r.path);
  g_clear_error (&r.error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/backup/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("async", test_backup_async);
  ADD ("async-prunes", test_backup_async_prunes);
  ADD ("async-error", test_backup_async_error);
#undef ADD

  return g_test_run ();
}
