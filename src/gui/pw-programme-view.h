/* pw-programme-view.h — one programme: its sections beside the content
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pw-programme.h"
#include "pw-store.h"

G_BEGIN_DECLS

#define PW_TYPE_PROGRAMME_VIEW (pw_programme_view_get_type ())
G_DECLARE_FINAL_TYPE (PwProgrammeView, pw_programme_view, PW, PROGRAMME_VIEW, AdwBin)

GtkWidget   *pw_programme_view_new           (PwStore         *store,
                                              PwProgramme     *programme);
PwProgramme *pw_programme_view_get_programme (PwProgrammeView *self);
void         pw_programme_view_show_section  (PwProgrammeView *self,
                                              const char      *section);
void         pw_programme_view_focus_name    (PwProgrammeView *self);
void         pw_programme_view_focus_sections (PwProgrammeView *self);
const char  *pw_programme_view_get_section_id (guint            index);

G_END_DECLS
