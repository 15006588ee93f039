/* fuzz-bundle.c — the JSON programme bundle importer
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdint.h>

#include "pw-bundle.h"
#include "pw-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(PwStore) store = pw_store_open (":memory:", NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert (store != NULL);

  id = pw_bundle_import (store, (const char *)data, size, "fuzz.json", &error);
  if (id <= 0)
    {
      /* Refused with words, inside no transaction. */
      g_assert (error != NULL && error->message[0] != '\0');
      g_assert (!pw_store_in_transaction (store));
      return 0;
    }

  /* Whatever was accepted exports again and imports again. */
  {
    g_autofree char *text = pw_bundle_export (store, id, PW_BUNDLE_WITH_SENSITIVE | PW_BUNDLE_WITH_DIARIES, &error);
    g_autoptr(PwStore) other = pw_store_open (":memory:", NULL);

    g_assert (text != NULL);
    g_assert (pw_bundle_import (other, text, -1, "again.json", &error) > 0);
  }

  return 0;
}
