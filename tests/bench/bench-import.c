/* bench-import.c — times a people import into an empty database
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Usage: bench-import FILE.csv [RUNS]
 *
 * Each run opens a new database file in a temporary folder, defines the
 * grade scale Band 1 … Band 9 and one programme, then imports FILE.csv into
 * that programme: read, parse, validate, write, commit. Prints the best
 * run as "import_ms N" (and the parts) for tests/bench/run to read, and
 * the least CPU time (user + system) a run took, which a busy machine
 * disturbs less than the wall clock.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include <glib/gstdio.h>

#include "pw-people-import.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *child = g_build_filename (dir, name, NULL);
      g_remove (child);
    }
  g_rmdir (dir);
}

/* User and system time of this process so far, in ms: on a shared
 * machine it moves far less than the wall clock. */
static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static gboolean
one_run (const char *path,
         double     *total_ms,
         double     *parse_ms,
         double     *total_cpu_ms,
         guint      *added)
{
  static const char * const bands[] = { "Band 1", "Band 2", "Band 3", "Band 4", "Band 5",
                                        "Band 6", "Band 7", "Band 8", "Band 9", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("pw-bench-XXXXXX", &error);
  g_autofree char *db = NULL;
  g_autoptr(PwStore) store = NULL;
  g_autoptr(PwProgramme) programme = pw_programme_new ("Bench");
  g_autoptr(PwPeopleImport) import = NULL;
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  PwPeopleImportSummary summary;
  gint64 start;
  gint64 parsed;
  gint64 done;
  double cpu_start;

  if (dir == NULL)
    goto failed;

  db = g_build_filename (dir, "bench.db", NULL);
  store = pw_store_open (db, &error);
  if (store == NULL ||
      !pw_grade_scale_set (store, bands, &error) ||
      !pw_programme_repo_insert (store, programme, &error))
    goto failed;

  cpu_start = cpu_ms ();
  start = g_get_monotonic_time ();
  import = pw_people_import_new_for_file (file, NULL, &error);
  if (import == NULL)
    goto failed;
  parsed = g_get_monotonic_time ();

  pw_people_import_set_programme_id (import, pw_programme_get_id (programme));
  if (!pw_people_import_run (import, store, NULL, NULL, NULL, &summary, &error))
    {
      GPtrArray *problems = pw_people_import_get_problems (import);

      for (guint i = 0; i < MIN (problems->len, 10); i++)
        {
          g_autofree char *line = pw_people_import_format_problem (import, problems->pdata[i]);
          fprintf (stderr, "%s\n", line);
        }
      goto failed;
    }
  done = g_get_monotonic_time ();

  *total_cpu_ms = cpu_ms () - cpu_start;
  *total_ms = (done - start) / 1000.0;
  *parse_ms = (parsed - start) / 1000.0;
  *added = summary.added;

  g_clear_object (&store);
  remove_tree (dir);
  return TRUE;

failed:
  fprintf (stderr, "bench-import: %s\n", error ? error->message : "failed");
  g_clear_object (&store);
  if (dir != NULL)
    remove_tree (dir);
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  double best = G_MAXDOUBLE;
  double best_parse = 0;
  double best_cpu = G_MAXDOUBLE;
  guint added = 0;
  int runs;

  if (argc < 2)
    {
      fprintf (stderr, "Usage: bench-import FILE.csv [RUNS]\n");
      return 2;
    }
  runs = argc > 2 ? MAX (atoi (argv[2]), 1) : 5;

  for (int r = 0; r < runs; r++)
    {
      double total;
      double parse;
      double cpu;

      if (!one_run (argv[1], &total, &parse, &cpu, &added))
        return 1;
      best_cpu = MIN (best_cpu, cpu);
      if (total < best)
        {
          best = total;
          best_parse = parse;
        }
    }

  printf ("people %u\n", added);
  printf ("import_ms %.1f\n", best);
  printf ("parse_ms %.1f\n", best_parse);
  printf ("import_cpu_ms %.1f\n", best_cpu);
  return 0;
}
