/* pw-person-editor.h — one person's questionnaire, saved as it is typed
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pw-person.h"
#include "pw-programme.h"
#include "pw-store.h"

G_BEGIN_DECLS

#define PW_TYPE_PERSON_EDITOR (pw_person_editor_get_type ())
G_DECLARE_FINAL_TYPE (PwPersonEditor, pw_person_editor, PW, PERSON_EDITOR, AdwWindow)

/* @person: (nullable): someone enrolled in @programme, or %NULL to add a
 * new person (created and enrolled once a valid name and email are given) */
GtkWidget *pw_person_editor_new        (PwStore        *store,
                                        PwProgramme    *programme,
                                        PwPerson       *person);
/* The person as last saved, or %NULL while a new one is not yet created. */
PwPerson  *pw_person_editor_get_person (PwPersonEditor *self);
/* The row editing @field (a person field name, or "manager"). */
GtkWidget *pw_person_editor_get_row    (PwPersonEditor *self,
                                        const char     *field);

G_END_DECLS
