/* pw-import-dialog.h — people from a CSV file: map, validate, import
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pw-people-import.h"
#include "pw-programme.h"
#include "pw-store.h"

G_BEGIN_DECLS

#define PW_TYPE_IMPORT_DIALOG (pw_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PwImportDialog, pw_import_dialog, PW, IMPORT_DIALOG, AdwWindow)

GtkWidget      *pw_import_dialog_new        (PwStore        *store,
                                             PwProgramme    *programme);
/* Reads @file and shows its columns; an unreadable file shows why. */
gboolean        pw_import_dialog_set_file   (PwImportDialog *self,
                                             GFile          *file,
                                             GError        **error);
/* (nullable): the import being prepared, once a file is read */
PwPeopleImport *pw_import_dialog_get_import (PwImportDialog *self);
/* TRUE while the import runs: nobody may use the store meanwhile. */
gboolean        pw_import_dialog_get_busy   (PwImportDialog *self);

G_END_DECLS
