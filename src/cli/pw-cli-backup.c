/* pw-cli-backup.c — pairwise-cli backup now|list|restore
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-cli"

#include <stdio.h>

#include <glib/gi18n.h>

#include "pw-cli.h"

static void
print_backup_help (FILE *out)
{
  fprintf (out, "%s\n", _("Usage:"));
  fprintf (out, "  pairwise-cli backup now [--json]\n");
  fprintf (out, "  pairwise-cli backup list [--json]\n");
  fprintf (out, "  pairwise-cli backup restore FILE\n\n");
  fprintf (out, "%s\n",
           _("Backups are whole copies of the database in the “backups” folder next to it, "
             "readable by their owner only; the app takes one a day and keeps the last five. "
             "restore first saves the current database as another backup, then replaces it."));
}

static int
backup_now (PwCliContext *ctx,
            PwStore      *store,
            const char   *dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = pw_store_backup_now (store, dir, &error);

  if (path == NULL || !pw_store_prune_backups (dir, PW_STORE_BACKUPS_KEPT, &error))
    return pw_cli_fail ("backup now: %s", error->message);

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
      JsonObject *object = json_object_new ();

      json_object_set_string_member (object, "path", path);
      json_node_take_object (root, object);
      pw_cli_print_json (root);
    }
  else
    printf (_("Backed up the database to %s.\n"), path);

  return PW_CLI_EXIT_OK;
}

static int
backup_list (PwCliContext *ctx,
             const char   *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = pw_store_list_backups (dir, &error);

  if (backups == NULL)
    return pw_cli_fail ("backup list: %s", error->message);

  if (ctx->json)
    {
      g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
      JsonArray *array = json_array_sized_new (backups->len);

      for (guint i = 0; i < backups->len; i++)
        {
          PwBackup *backup = g_ptr_array_index (backups, i);
          JsonObject *entry = json_object_new ();
          g_autofree char *when = g_date_time_format_iso8601 (backup->modified);

          json_object_set_string_member (entry, "path", backup->path);
          json_object_set_string_member (entry, "taken", when);
          json_object_set_int_member (entry, "size", backup->size);
          json_array_add_object_element (array, entry);
        }
      json_node_take_array (root, array);
      pw_cli_print_json (root);
      return PW_CLI_EXIT_OK;
    }

  if (backups->len == 0)
    {
      printf (_("No backups in %s yet. Take one with “pairwise-cli backup now”.\n"), dir);
      return PW_CLI_EXIT_OK;
    }

  for (guint i = 0; i < backups->len; i++)
    {
      PwBackup *backup = g_ptr_array_index (backups, i);
      g_autofree char *when = g_date_time_format (backup->modified, "%Y-%m-%d %H:%M");

      printf ("%s\t%s\n", when, backup->path);
    }

  return PW_CLI_EXIT_OK;
}

static int
backup_restore (PwCliContext *ctx,
                PwStore      *store,
                const char   *dir,
                const char   *file)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *saved = NULL;

  if (!pw_store_restore (store, file, dir, &saved, &error))
    return pw_cli_fail ("backup restore: %s", error->message);

  if (!ctx->json)
    printf (_("Restored %s. The database as it was is saved in %s.\n"), file, saved);

  return PW_CLI_EXIT_OK;
}

int
pw_cli_backup (PwCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(PwStore) store = NULL;
  g_autofree char *dir = NULL;
  const char *sub;

  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_backup_help (argc < 2 ? stderr : stdout);
      return argc < 2 ? PW_CLI_EXIT_USAGE : PW_CLI_EXIT_OK;
    }

  sub = argv[1];
  if (!g_str_equal (sub, "now") && !g_str_equal (sub, "list") && !g_str_equal (sub, "restore"))
    return pw_cli_usage_error (_("backup: “%s” is not a subcommand; use now, list or restore."), sub);

  if (g_str_equal (sub, "restore") ? argc != 3 : argc != 2)
    return pw_cli_usage_error (g_str_equal (sub, "restore")
                               ? _("backup restore: give one backup file, e.g. "
                                   "“pairwise-cli backup restore ~/.local/share/pairwise/backups/pairwise-20250101.db”.")
                               : _("backup: unexpected arguments; see “pairwise-cli backup --help”."));

  store = pw_cli_open_store (ctx);
  if (store == NULL)
    return PW_CLI_EXIT_FAILED;

  dir = pw_store_default_backup_dir (store);

  if (g_str_equal (sub, "now"))
    return backup_now (ctx, store, dir);
  if (g_str_equal (sub, "list"))
    return backup_list (ctx, dir);

  return backup_restore (ctx, store, dir, argv[2]);
}
