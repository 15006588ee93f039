/* pw-programme-row.h — one programme in the start page's list
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pw-programme.h"

G_BEGIN_DECLS

#define PW_TYPE_PROGRAMME_ROW (pw_programme_row_get_type ())
G_DECLARE_FINAL_TYPE (PwProgrammeRow, pw_programme_row, PW, PROGRAMME_ROW, AdwActionRow)

GtkWidget   *pw_programme_row_new           (PwProgramme    *programme);
PwProgramme *pw_programme_row_get_programme (PwProgrammeRow *self);

G_END_DECLS
