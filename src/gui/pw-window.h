/* pw-window.h — the main window: the start page or one programme
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pw-bundle.h"
#include "pw-programme.h"
#include "pw-store.h"

G_BEGIN_DECLS

#define PW_TYPE_WINDOW (pw_window_get_type ())
G_DECLARE_FINAL_TYPE (PwWindow, pw_window, PW, WINDOW, AdwApplicationWindow)

PwWindow *pw_window_new              (GtkApplication *app,
                                      PwStore        *store);
PwStore  *pw_window_get_store        (PwWindow       *self);
PwProgramme *pw_window_get_programme (PwWindow       *self);
void      pw_window_open_programme   (PwWindow       *self,
                                      gint64          id);
void      pw_window_show_start       (PwWindow       *self);
void      pw_window_add_toast        (PwWindow       *self,
                                      AdwToast       *toast);

/* pw-window-actions.c: importing and exporting programmes, the grade scale */
void      pw_window_add_file_actions (PwWindow       *self);
gint64    pw_window_import_bundle_file (PwWindow     *self,
                                      GFile          *file);
gboolean  pw_window_export_bundle_file (PwWindow     *self,
                                      GFile          *file,
                                      PwBundleFlags   flags);

G_END_DECLS
