/* pw-programme-repo.h — programmes in the store
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pw-programme.h"
#include "pw-store.h"

G_BEGIN_DECLS

/* A GListModel of PwProgramme, newest first, without trashed ones. */
GListModel  *pw_programme_repo_list      (PwStore      *store,
                                          GError      **error);
PwProgramme *pw_programme_repo_get       (PwStore      *store,
                                          gint64        id,
                                          GError      **error);
gboolean     pw_programme_repo_insert    (PwStore      *store,
                                          PwProgramme  *programme,
                                          GError      **error);
gboolean     pw_programme_repo_update    (PwStore      *store,
                                          PwProgramme  *programme,
                                          GError      **error);
PwProgramme *pw_programme_repo_duplicate (PwStore      *store,
                                          gint64        id,
                                          const char   *new_name,
                                          GError      **error);
gboolean     pw_programme_repo_delete    (PwStore      *store,
                                          gint64        id,
                                          GError      **error);
/* Trash is the soft delete behind the Undo toast: a trashed programme is
 * hidden from lists until restored, and purged for good later. */
gboolean     pw_programme_repo_trash     (PwStore      *store,
                                          gint64        id,
                                          gboolean      trashed,
                                          GError      **error);
gboolean     pw_programme_repo_purge_trash (PwStore    *store,
                                          GError      **error);
char        *pw_programme_next_cohort_name (const char *name);

G_END_DECLS
