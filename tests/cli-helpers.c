/* cli-helpers.c — running pairwise-cli from tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <sys/wait.h>

#include <glib/gstdio.h>

#include "cli-helpers.h"

void
cli_fixture_setup (CliFixture    *f,
                   gconstpointer  data)
{
  f->dir = g_dir_make_tmp ("pw-test-cli-XXXXXX", NULL);
  g_assert_nonnull (f->dir);
  f->db = g_build_filename (f->dir, "cli.db", NULL);
}

void
cli_fixture_teardown (CliFixture    *f,
                      gconstpointer  data)
{
  g_autoptr(GDir) dir = g_dir_open (f->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (f->dir, name, NULL);
      g_remove (child);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
  g_free (f->db);
}

void
cli_result_clear (CliResult *r)
{
  g_clear_pointer (&r->out, g_free);
  g_clear_pointer (&r->err, g_free);
}

void
cli_run (CliFixture *f,
         CliResult  *r,
         const char *first,
         ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  const char *cli = g_getenv ("PAIRWISE_CLI");
  va_list args;

  g_assert_nonnull (cli);
  cli_result_clear (r);
  g_ptr_array_add (argv, (char *)cli);
  g_ptr_array_add (argv, (char *)"--db");
  g_ptr_array_add (argv, f->db);

  va_start (args, first);
  for (const char *a = first; a != NULL; a = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)a);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (f->dir, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT,
                               NULL, NULL, &r->out, &r->err, &r->status, &error));
  g_assert_no_error (error);
}

gboolean
cli_exited_with (CliResult *r,
                 int        code)
{
  return WIFEXITED (r->status) && WEXITSTATUS (r->status) == code;
}

JsonObject *
cli_parse_object (const char  *text,
                  JsonNode   **keep)
{
  g_autoptr(GError) error = NULL;

  *keep = json_from_string (text, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (*keep));
  return json_node_get_object (*keep);
}
