/* replay-main.c — runs a fuzz target over files, without libFuzzer
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Linked with each tests/fuzz/fuzz-*.c into a plain executable, so the
 * seed corpora (and any crash found later, added to them) are regression
 * tests of the normal suite, built by gcc like the rest.
 *
 *   fuzz-csv-replay FILE|DIR…
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>

#include <glib.h>

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static guint
replay (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len = 0;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      const char *name;
      guint n = 0;

      if (dir == NULL)
        g_error ("%s", error->message);
      while ((name = g_dir_read_name (dir)) != NULL)
        g_ptr_array_add (names, g_build_filename (path, name, NULL));
      g_ptr_array_sort (names, (GCompareFunc)g_strcmp0);
      for (guint i = 0; i < names->len; i++)
        n += replay (g_ptr_array_index (names, i));
      return n;
    }

  if (!g_file_get_contents (path, &contents, &len, &error))
    g_error ("%s", error->message);

  printf ("# %s (%" G_GSIZE_FORMAT " bytes)\n", path, len);
  fflush (stdout);
  LLVMFuzzerTestOneInput ((const uint8_t *)contents, len);
  return 1;
}

int
main (int   argc,
      char *argv[])
{
  guint n = 0;

  if (argc < 2)
    {
      fprintf (stderr, "usage: %s FILE|DIR…\n", argv[0]);
      return 2;
    }

  for (int i = 1; i < argc; i++)
    n += replay (argv[i]);

  if (n == 0)
    {
      fprintf (stderr, "%s: no inputs\n", argv[0]);
      return 1;
    }

  printf ("%u inputs replayed\n", n);
  return 0;
}
