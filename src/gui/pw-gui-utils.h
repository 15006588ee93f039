/* pw-gui-utils.h — small helpers shared by the widgets
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pw-programme.h"

G_BEGIN_DECLS

const char *pw_programme_kind_to_label (PwProgrammeKind  kind);
char       *pw_format_date             (const char      *iso_date,
                                        gboolean         abbreviated);
char       *pw_format_date_range       (const char      *start,
                                        const char      *end);
char       *pw_format_duration         (const char      *start,
                                        const char      *end);
void        pw_widget_show_error       (GtkWidget       *row,
                                        const char      *message);

/* A toast showing @text as it is: AdwToast 1.2 reads its title as markup. */
AdwToast   *pw_toast_new_plain         (const char      *text);

G_END_DECLS
