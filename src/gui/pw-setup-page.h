/* pw-setup-page.h — the Setup section of a programme
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pw-programme.h"
#include "pw-store.h"

G_BEGIN_DECLS

#define PW_TYPE_SETUP_PAGE (pw_setup_page_get_type ())
G_DECLARE_FINAL_TYPE (PwSetupPage, pw_setup_page, PW, SETUP_PAGE, AdwPreferencesPage)

GtkWidget   *pw_setup_page_new           (PwStore     *store,
                                          PwProgramme *programme);
PwProgramme *pw_setup_page_get_programme (PwSetupPage *self);
void         pw_setup_page_focus_name    (PwSetupPage *self);

G_END_DECLS
