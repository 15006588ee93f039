/* pw-grade-scale-dialog.h — the organisation's ordered grade scale
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pw-store.h"

G_BEGIN_DECLS

#define PW_TYPE_GRADE_SCALE_DIALOG (pw_grade_scale_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PwGradeScaleDialog, pw_grade_scale_dialog, PW, GRADE_SCALE_DIALOG, AdwWindow)

GtkWidget   *pw_grade_scale_dialog_new          (PwStore            *store);
GtkListBox  *pw_grade_scale_dialog_get_list     (PwGradeScaleDialog *self);
AdwEntryRow *pw_grade_scale_dialog_get_new_row  (PwGradeScaleDialog *self);

G_END_DECLS
