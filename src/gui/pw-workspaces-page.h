/* pw-workspaces-page.h — the Workspaces section: the pairs at work
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pw-programme.h"
#include "pw-store.h"

G_BEGIN_DECLS

#define PW_TYPE_WORKSPACES_PAGE (pw_workspaces_page_get_type ())
G_DECLARE_FINAL_TYPE (PwWorkspacesPage, pw_workspaces_page, PW, WORKSPACES_PAGE, AdwBin)

GtkWidget  *pw_workspaces_page_new        (PwStore          *store,
                                           PwProgramme      *programme);
/* (transfer none): the pairs listed, PwPairObject. */
GListModel *pw_workspaces_page_get_pairs  (PwWorkspacesPage *self);

G_END_DECLS
