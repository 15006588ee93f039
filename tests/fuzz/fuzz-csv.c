/* fuzz-csv.c — the people CSV importer: parse, map and validate
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "pw-csv.h"
#include "pw-people-import.h"
#include "pw-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  static PwStore *store;
  g_autoptr(PwCsvTable) table = NULL;
  g_autoptr(PwPeopleImport) import = NULL;
  g_autofree char *out = NULL;

  if (store == NULL)
    store = pw_store_open (":memory:", NULL);
  g_assert (store != NULL);

  /* Both separators, and detection. */
  for (guint s = 0; s < 3; s++)
    {
      static const char separators[] = { PW_CSV_SEPARATOR_AUTO, ',', ';' };
      g_autoptr(PwCsvTable) t = pw_csv_parse ((const char *)data, size, separators[s], "fuzz.csv", NULL);

      if (s == 0 && t != NULL)
        table = pw_csv_table_ref (t);
    }

  if (table == NULL)
    return 0;

  /* Every field written back reads back the same. */
  {
    /* A header first: a field starting with U+FEFF at the very start of
     * a file is read as a byte order mark, by design. */
    g_autoptr(GString) csv = g_string_new ("header\r\n");
    g_autoptr(PwCsvTable) again = NULL;
    guint n = pw_csv_table_get_n_records (table);

    for (guint r = 0; r < n; r++)
      for (guint c = 0; c < pw_csv_table_get_n_fields (table, r); c++)
        {
          pw_csv_append_field (csv, pw_csv_table_get_field (table, r, c), ',');
          g_string_append (csv, "\r\n");
        }
    again = pw_csv_parse (csv->str, csv->len, ',', "again.csv", NULL);
    g_assert (again != NULL);
  }

  import = pw_people_import_new (table, "fuzz.csv");
  pw_people_import_validate (import, store, NULL);
  for (guint i = 0; i < pw_people_import_get_problems (import)->len; i++)
    {
      g_autofree char *line = pw_people_import_format_problem (import,
                                                               g_ptr_array_index (pw_people_import_get_problems (import), i));
      g_assert (line != NULL);
    }

  return 0;
}
