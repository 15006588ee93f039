/* pw-worksheet-editor.h — one worksheet of a pair, saved as it is typed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pw-store.h"
/* pw-worksheet.h names JsonNode without including json-glib itself. */
#include <json-glib/json-glib.h>

#include "pw-worksheet.h"

G_BEGIN_DECLS

#define PW_TYPE_WORKSHEET_EDITOR (pw_worksheet_editor_get_type ())
G_DECLARE_FINAL_TYPE (PwWorksheetEditor, pw_worksheet_editor, PW, WORKSHEET_EDITOR, AdwBin)

/* How long typing must pause before a worksheet is saved as a version. */
#define PW_WORKSHEET_SAVE_DELAY_MS 500

GtkWidget   *pw_worksheet_editor_new           (PwStore           *store,
                                                gint64             pair_id,
                                                PwWorksheetKind    kind,
                                                const char        *subtitle);
/* The latest version, the one edited. */
PwWorksheet *pw_worksheet_editor_get_worksheet (PwWorksheetEditor *self);
/* Saves now what waits for the pause. */
void         pw_worksheet_editor_flush         (PwWorksheetEditor *self);
/* Writes the worksheet shown (latest or the old version open) as a PDF. */
gboolean     pw_worksheet_editor_export_pdf    (PwWorksheetEditor *self,
                                                const char        *path,
                                                GError           **error);
/* Opens an old version read-only (0: back to the latest). */
void         pw_worksheet_editor_show_version  (PwWorksheetEditor *self,
                                                int                version);

G_END_DECLS
