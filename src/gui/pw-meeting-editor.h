/* pw-meeting-editor.h — one meeting: when, where, the agenda and the log
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pw-meeting.h"
#include "pw-programme.h"
#include "pw-store.h"

G_BEGIN_DECLS

#define PW_TYPE_MEETING_EDITOR (pw_meeting_editor_get_type ())
G_DECLARE_FINAL_TYPE (PwMeetingEditor, pw_meeting_editor, PW, MEETING_EDITOR, AdwWindow)

/* @meeting: (nullable): the stored meeting to edit, or %NULL to add one
 * for @pair_id (0: the coordinator picks the pair in the editor). */
PwMeetingEditor *pw_meeting_editor_new         (PwStore         *store,
                                                PwProgramme     *programme,
                                                PwMeeting       *meeting,
                                                gint64           pair_id);
/* Saves as the Save button does; FALSE (and the editor stays open) if
 * the store refused. */
gboolean         pw_meeting_editor_save        (PwMeetingEditor *self);
/* The warning the editor shows for the chosen date, or %NULL. */
const char      *pw_meeting_editor_get_warning (PwMeetingEditor *self);

G_END_DECLS
