/* pw-cli-bundle.c — pairwise-cli bundle export|import
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-cli"

#include <stdio.h>

#include <glib/gi18n.h>

#include "pw-bundle.h"
#include "pw-cli.h"

static void
print_bundle_help (FILE *out)
{
  fprintf (out, "%s\n", _("Usage:"));
  fprintf (out, "  pairwise-cli bundle export --programme ID [-o FILE] [--sensitive] [--diaries]\n");
  fprintf (out, "  pairwise-cli bundle import FILE [--json]\n\n");
  fprintf (out, "%s\n", _("A bundle is one JSON file with a program, its people and their reporting "
                          "lines, its pairs and their workspaces. Sensitive characteristics are left "
                          "out unless --sensitive is given, and the pairs’ private diaries unless "
                          "--diaries is given. Files are written readable by their owner only."));
}

static int
bundle_export (PwCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autofree char *text = NULL;
  const char *output = NULL;
  PwBundleFlags flags = PW_BUNDLE_FLAGS_NONE;
  gint64 programme_id = 0;

  for (int i = 0; i < argc; i++)
    {
      if ((g_str_equal (argv[i], "--programme") || g_str_equal (argv[i], "--program")) && i + 1 < argc)
        {
          if (!pw_cli_parse_id (argv[++i], &programme_id))
            return pw_cli_usage_error (_("bundle export: --programme takes a program ID, not “%s”."), argv[i]);
        }
      else if ((g_str_equal (argv[i], "-o") || g_str_equal (argv[i], "--output")) && i + 1 < argc)
        output = argv[++i];
      else if (g_str_equal (argv[i], "--sensitive"))
        flags |= PW_BUNDLE_WITH_SENSITIVE;
      else if (g_str_equal (argv[i], "--diaries"))
        flags |= PW_BUNDLE_WITH_DIARIES;
      else
        return pw_cli_usage_error (_("bundle export: unexpected “%s”."), argv[i]);
    }

  if (programme_id == 0)
    return pw_cli_usage_error (_("bundle export: say which program with --programme ID."));

  store = pw_cli_open_store (ctx);
  if (store == NULL)
    return PW_CLI_EXIT_FAILED;

  text = pw_bundle_export (store, programme_id, flags, &error);
  if (text == NULL)
    return pw_cli_fail ("bundle export: %s", error->message);

  if (output == NULL || g_str_equal (output, "-"))
    {
      fputs (text, stdout);
      fputc ('\n', stdout);
      return PW_CLI_EXIT_OK;
    }

  {
    g_autofree char *with_newline = g_strconcat (text, "\n", NULL);

    if (!pw_write_private_file (output, with_newline, -1, &error))
      return pw_cli_fail ("%s: %s", output, error->message);
  }

  if (!ctx->json)
    {
      fprintf (stderr, (flags & PW_BUNDLE_WITH_SENSITIVE)
               ? _("Wrote %s, with sensitive characteristics.\n")
               : _("Wrote %s, without sensitive characteristics.\n"),
               output);
      fprintf (stderr, "%s\n", (flags & PW_BUNDLE_WITH_DIARIES)
               ? _("It includes the pairs’ private diaries, as asked: with the pairs’ diaries.")
               : _("The pairs’ private diaries are left out (add --diaries to include them)."));
    }

  return PW_CLI_EXIT_OK;
}

static int
bundle_import (PwCliContext  *ctx,
               int            argc,
               char         **argv)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  gint64 id;

  if (argc != 1)
    return pw_cli_usage_error (_("bundle import: give one bundle file."));

  if (!g_file_get_contents (argv[0], &text, &length, &error))
    return pw_cli_fail ("%s", error->message);

  store = pw_cli_open_store (ctx);
  if (store == NULL)
    return PW_CLI_EXIT_FAILED;

  id = pw_bundle_import (store, text, length, argv[0], &error);
  if (id == 0)
    return pw_cli_fail ("%s", error->message);

  if (ctx->json)
    printf ("{ \"id\" : %lld }\n", (long long)id);
  else
    printf (_("Imported program %lld from %s.\n"), (long long)id, argv[0]);

  return PW_CLI_EXIT_OK;
}

int
pw_cli_bundle (PwCliContext  *ctx,
               int            argc,
               char         **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      print_bundle_help (argc < 2 ? stderr : stdout);
      return argc < 2 ? PW_CLI_EXIT_USAGE : PW_CLI_EXIT_OK;
    }

  if (g_str_equal (argv[1], "export"))
    return bundle_export (ctx, argc - 2, argv + 2);
  if (g_str_equal (argv[1], "import"))
    return bundle_import (ctx, argc - 2, argv + 2);

  return pw_cli_usage_error (_("bundle: “%s” is not a subcommand; use export or import."), argv[1]);
}
