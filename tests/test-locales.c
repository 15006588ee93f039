/* test-locales.c — the app starts in a language and speaks it
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   test-locales [--tap] LANGUAGE
 *
 * tests/meson.build runs this once for every language in po/LINGUAS, so a
 * new language joins by itself. The translations are those built in the
 * tree (PAIRWISE_LOCALEDIR, the build's po/ folder, which holds
 * <lang>/LC_MESSAGES/pairwise.mo). What each check expects is read from
 * po/<lang>.po itself, so the test needs no list of its own: the start
 * page of the main window must show the translation of "No Programs Yet",
 * and `pairwise-cli --help` that of a command's summary.
 */
#include "config.h"

#define G_LOG_DOMAIN "test-locales"

#include <locale.h>

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "pw-window.h"

static const char *language;
static char *locale_name;

/* Helpers */

static void
iterate (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static GtkWidget *
find_mapped (GtkWidget *root,
             GType      type)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (G_TYPE_CHECK_INSTANCE_TYPE (child, type) && gtk_widget_get_mapped (child))
        return child;
      if ((found = find_mapped (child, type)) != NULL)
        return found;
    }

  return NULL;
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
        g_assert_no_errno (g_remove (child));
    }
  g_assert_no_errno (g_rmdir (path));
}

static char *
po_path (void)
{
  g_autofree char *file = g_strconcat (language, ".po", NULL);

  return g_test_build_filename (G_TEST_DIST, "..", "po", file, NULL);
}

/* Reads one "…" string of a po file, with the C escapes po files use. */
static char *
po_unquote (const char *line)
{
  const char *start = strchr (line, '"');
  const char *end = strrchr (line, '"');
  g_autofree char *inner = NULL;

  if (start == NULL || end == NULL || end <= start)
    return g_strdup ("");

  inner = g_strndup (start + 1, end - start - 1);

  return g_strcompress (inner);
}

/* The translation of @msgid in po/<language>.po, or %NULL (with the
 * reason in @why) when it is missing, empty or fuzzy: such an entry never
 * reaches the .mo file. */
static char *
po_lookup (const char  *msgid,
           char       **why)
{
  g_autofree char *path = po_path ();
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GError) error = NULL;
  gboolean fuzzy = FALSE;

  if (!g_file_get_contents (path, &contents, NULL, &error))
    {
      *why = g_strdup_printf ("po/LINGUAS lists %s, but po/%s.po cannot be read: %s",
                              language, language, error->message);
      return NULL;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *id = NULL;
      GString *str;

      if (g_str_has_prefix (lines[i], "#,"))
        fuzzy = strstr (lines[i], "fuzzy") != NULL;
      else if (*lines[i] == '\0')
        fuzzy = FALSE;

      if (!g_str_has_prefix (lines[i], "msgid \""))
        continue;

      id = po_unquote (lines[i]);
      while (lines[i + 1] != NULL && lines[i + 1][0] == '"')
        {
          g_autofree char *more = po_unquote (lines[++i]);
          char *joined = g_strconcat (id, more, NULL);

          g_free (id);
          id = joined;
        }
      if (!g_str_equal (id, msgid) || lines[i + 1] == NULL ||
          !g_str_has_prefix (lines[i + 1], "msgstr \""))
        continue;

      str = g_string_new (NULL);
      for (i++; lines[i] != NULL && (lines[i][0] == '"' || g_str_has_prefix (lines[i], "msgstr \"")); i++)
        {
          g_autofree char *part = po_unquote (lines[i]);

          g_string_append (str, part);
        }

      if (str->len == 0 || fuzzy)
        {
          *why = g_strdup_printf ("po/%s.po has “%s” %s: translate it", language, msgid,
                                  fuzzy ? "marked fuzzy" : "untranslated");
          g_string_free (str, TRUE);
          return NULL;
        }

      return g_string_free (str, FALSE);
    }

  *why = g_strdup_printf ("po/%s.po has no entry for “%s”: update it with "
                          "`ninja -C BUILDDIR pairwise-update-po` and translate it",
                          language, msgid);
  return NULL;
}

static char *
expect_translation (const char *msgid)
{
  g_autofree char *why = NULL;
  char *msgstr = po_lookup (msgid, &why);

  if (msgstr == NULL)
    {
      g_test_fail_printf ("%s", why);
      return NULL;
    }

  return msgstr;
}

/* Tests */

static void
test_mo_file (void)
{
  const char *localedir = g_getenv ("PAIRWISE_LOCALEDIR");
  g_autofree char *mo = NULL;

  g_assert_nonnull (localedir);
  mo = g_build_filename (localedir, language, "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (mo, G_FILE_TEST_IS_REGULAR))
    g_test_fail_printf ("%s was not built: is %s in po/LINGUAS and po/%s.po there?",
                        mo, language, language);
}

static void
test_window (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(PwStore) store = NULL;
  PwWindow *window;
  GtkWidget *status;

  expected = expect_translation ("No Programs Yet");
  if (expected == NULL)
    return;

  g_settings_reset (settings, "last-programme");
  dir = g_dir_make_tmp ("pairwise-locale-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "pairwise.db", NULL);
  store = pw_store_open (path, &error);
  g_assert_no_error (error);

  window = pw_window_new (NULL, store);
  gtk_window_present (GTK_WINDOW (window));
  iterate ();

  status = find_mapped (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE);
  g_assert_nonnull (status);
  if (g_strcmp0 (adw_status_page_get_title (ADW_STATUS_PAGE (status)), expected) != 0)
    g_test_fail_printf ("%s (%s): the start page says “%s”, not “%s”",
                        language, locale_name,
                        adw_status_page_get_title (ADW_STATUS_PAGE (status)), expected);

  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();
  g_clear_object (&store);
  remove_tree (dir);
}

static void
test_cli (void)
{
  const char *cli = g_getenv ("PAIRWISE_CLI");
  const char *argv[] = { cli, "--help", NULL };
  g_autofree char *expected = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (cli);
  expected = expect_translation ("List, create, show, update and delete programs");
  if (expected == NULL)
    return;

  /* The child inherits LANGUAGE, LC_ALL and PAIRWISE_LOCALEDIR. */
  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  if (strstr (out, expected) == NULL)
    g_test_fail_printf ("%s (%s): pairwise-cli --help does not say “%s”:\n%s",
                        language, locale_name, expected, out);
}

/* The locale to run in: the language's own when the system has it, else
 * C.UTF-8, where LANGUAGE still picks the translation. */
static char *
choose_locale (void)
{
  g_autofree char *upper = NULL;
  const char *candidates[3] = { NULL };
  g_autofree char *own = NULL;
  g_autofree char *guessed = NULL;

  if (strchr (language, '_') != NULL)
    own = g_strconcat (language, ".UTF-8", NULL);
  else
    {
      upper = g_ascii_strup (language, -1);
      guessed = g_strdup_printf ("%s_%s.UTF-8", language, upper);
    }
  candidates[0] = own ? own : guessed;
  candidates[1] = "C.UTF-8";

  for (guint i = 0; candidates[i] != NULL; i++)
    if (setlocale (LC_ALL, candidates[i]) != NULL)
      return g_strdup (candidates[i]);

  return g_strdup ("C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *name = NULL;

  /* The language is the one argument left once GTest took its own. */
  for (int i = 1; i < argc; i++)
    if (argv[i][0] != '-')
      language = argv[i];
  if (language == NULL)
    language = g_getenv ("PW_TEST_LANGUAGE");
  if (language == NULL)
    {
      g_printerr ("usage: test-locales [--tap] LANGUAGE\n");
      return 2;
    }

  locale_name = choose_locale ();
  g_setenv ("LC_ALL", locale_name, TRUE);
  g_setenv ("LANGUAGE", language, TRUE);
  g_setenv ("GTK_A11Y", "none", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("PAIRWISE_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  adw_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  g_test_message ("%s in the locale %s", language, locale_name);

  name = g_strdup_printf ("/locales/%s/mo-file", language);
  g_test_add_func (name, test_mo_file);
  g_free (name);
  name = g_strdup_printf ("/locales/%s/window", language);
  g_test_add_func (name, test_window);
  g_free (name);
  name = g_strdup_printf ("/locales/%s/cli", language);
  g_test_add_func (name, test_cli);

  return g_test_run ();
}
