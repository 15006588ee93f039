/* pw-closure-days-dialog.h — a programme's closure days, to add and remove
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pw-programme.h"
#include "pw-store.h"

G_BEGIN_DECLS

#define PW_TYPE_CLOSURE_DAYS_DIALOG (pw_closure_days_dialog_get_type ())
G_DECLARE_FINAL_TYPE (PwClosureDaysDialog, pw_closure_days_dialog, PW, CLOSURE_DAYS_DIALOG, AdwWindow)

GtkWidget *pw_closure_days_dialog_new (PwStore     *store,
                                       PwProgramme *programme);

G_END_DECLS
