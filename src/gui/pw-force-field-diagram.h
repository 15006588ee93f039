/* pw-force-field-diagram.h — a force-field analysis drawn as arrows
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

/* pw-worksheet.h names JsonNode without including json-glib itself. */
#include <json-glib/json-glib.h>

#include "pw-worksheet.h"

G_BEGIN_DECLS

#define PW_TYPE_FORCE_FIELD_DIAGRAM (pw_force_field_diagram_get_type ())
G_DECLARE_FINAL_TYPE (PwForceFieldDiagram, pw_force_field_diagram, PW, FORCE_FIELD_DIAGRAM, GtkWidget)

GtkWidget   *pw_force_field_diagram_new           (void);
PwWorksheet *pw_force_field_diagram_get_worksheet (PwForceFieldDiagram *self);
void         pw_force_field_diagram_set_worksheet (PwForceFieldDiagram *self,
                                                   PwWorksheet         *worksheet);
/* The text alternative, also the widget's accessible description. */
const char  *pw_force_field_diagram_get_summary   (PwForceFieldDiagram *self);

G_END_DECLS
