/* pw-people-page.h — the People section: who is enrolled in a programme
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pw-programme.h"
#include "pw-store.h"

G_BEGIN_DECLS

#define PW_TYPE_PEOPLE_PAGE (pw_people_page_get_type ())
G_DECLARE_FINAL_TYPE (PwPeoplePage, pw_people_page, PW, PEOPLE_PAGE, AdwBin)

GtkWidget   *pw_people_page_new            (PwStore      *store,
                                            PwProgramme  *programme);
PwProgramme *pw_people_page_get_programme  (PwPeoplePage *self);
/* The people shown (PwPersonItem, the list form), after search and
 * filters, in the list's order. */
GListModel  *pw_people_page_get_model      (PwPeoplePage *self);
/* Everyone enrolled (PwPersonItem), before search and filters. */
GListModel  *pw_people_page_get_all        (PwPeoplePage *self);
void         pw_people_page_reload         (PwPeoplePage *self);
void         pw_people_page_focus_search   (PwPeoplePage *self);
GtkWidget   *pw_people_page_open_person    (PwPeoplePage *self,
                                            guint         position);
GtkWidget   *pw_people_page_add_person     (PwPeoplePage *self);
gboolean     pw_people_page_export_to_file (PwPeoplePage *self,
                                            GFile        *file,
                                            gboolean      with_sensitive,
                                            GError      **error);

G_END_DECLS
