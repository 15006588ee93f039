/* main.c — the entry point of the Pairwise application
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-main"

#include <locale.h>

#include <glib/gi18n.h>

#include "pw-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(PwApplication) app = NULL;
  const char *localedir;

  /* build-aux/dev points this at the translations built in the tree. */
  localedir = g_getenv ("PAIRWISE_LOCALEDIR");
  if (localedir == NULL || *localedir == '\0')
    localedir = LOCALEDIR;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = pw_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
