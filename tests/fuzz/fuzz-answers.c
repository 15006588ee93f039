/* fuzz-answers.c — the questionnaire answer import (JSON from the form, CSV)
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A programme with one approved pair (mentor0, mentee0 @example.org);
 * the input is one answer file. Refused input must come back with a
 * message and store nothing.
 */
#include "config.h"

#include <stdint.h>

#include "pw-evaluation.h"
#include "pw-person-repo.h"
#include "pw-programme-repo.h"
#include "pw-store.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static PwStore *store;
static gint64 programme_id;

static void
set_up (void)
{
  g_autoptr(PwProgramme) programme = pw_programme_new ("Fuzz");
  g_autoptr(PwPerson) mentor = pw_person_new ("Mentor Zero", "mentor0@example.org");
  g_autoptr(PwPerson) mentee = pw_person_new ("Mentee Zero", "mentee0@example.org");
  g_autoptr(GListModel) questionnaires = NULL;
  sqlite3_stmt *stmt;

  store = pw_store_open (":memory:", NULL);
  pw_programme_set_start_date (programme, "2027-01-04");
  pw_programme_set_end_date (programme, "2027-12-17");
  g_assert (pw_programme_repo_insert (store, programme, NULL));
  g_assert (pw_person_repo_insert (store, mentor, NULL));
  g_assert (pw_person_repo_insert (store, mentee, NULL));
  programme_id = pw_programme_get_id (programme);

  stmt = pw_store_prepare (store,
                           "INSERT INTO pair (programme_id, mentee_id, mentor_id, state, approved) "
                           "VALUES (?, ?, ?, 'active', '2027-01-04T09:00:00Z')", NULL);
  sqlite3_bind_int64 (stmt, 1, programme_id);
  sqlite3_bind_int64 (stmt, 2, pw_person_get_id (mentee));
  sqlite3_bind_int64 (stmt, 3, pw_person_get_id (mentor));
  g_assert (pw_store_step (store, stmt, NULL) == SQLITE_DONE);
  sqlite3_reset (stmt);

  questionnaires = pw_evaluation_list_questionnaires (store, programme_id, NULL);
  g_assert (questionnaires != NULL);
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *text = g_strndup ((const char *)data, size);
  g_autoptr(GError) error = NULL;
  const char *names[] = { (size > 0 && data[0] == '{') ? "fuzz.json" : "fuzz.csv", NULL };
  const char *texts[] = { text, NULL };
  guint n = 0;

  if (store == NULL)
    set_up ();

  if (!pw_evaluation_import (store, programme_id, names, texts, &n, &error))
    {
      g_assert (error != NULL && error->message[0] != '\0');
      g_assert (!pw_store_in_transaction (store));
    }

  return 0;
}
