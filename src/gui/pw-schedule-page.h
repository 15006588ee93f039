/* pw-schedule-page.h — the Schedule section of a programme
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pw-meeting-editor.h"
#include "pw-programme.h"
#include "pw-reminders.h"
#include "pw-store.h"

G_BEGIN_DECLS

#define PW_TYPE_SCHEDULE_PAGE (pw_schedule_page_get_type ())
G_DECLARE_FINAL_TYPE (PwSchedulePage, pw_schedule_page, PW, SCHEDULE_PAGE, AdwBin)

GtkWidget       *pw_schedule_page_new             (PwStore        *store,
                                                   PwProgramme    *programme);
/* For the programme view when it opens a programme: reminders and the
 * attention toast, before the section is built. */
void             pw_schedule_page_attach          (GtkWidget      *view,
                                                   PwStore        *store,
                                                   PwProgramme    *programme);
/* @now: (nullable): the time the page reckons with (progress, attention,
 * Today, reminders), for tests; %NULL for the clock. */
void             pw_schedule_page_set_now         (PwSchedulePage *self,
                                                   GDateTime      *now);
/* Shows one pair's meetings (and the program's sessions), or all with 0. */
void             pw_schedule_page_set_pair        (PwSchedulePage *self,
                                                   gint64          pair_id);
gint64           pw_schedule_page_get_pair        (PwSchedulePage *self);
/* Shows the week and month of @iso_date (YYYY-MM-DD). */
void             pw_schedule_page_show_date       (PwSchedulePage *self,
                                                   const char     *iso_date);
/* (transfer none): the meetings the filter lets through (PwMeeting) */
GListModel      *pw_schedule_page_get_meetings    (PwSchedulePage *self);
/* (transfer none): the agenda's rows: a GtkStringObject "YYYY-MM-DD" for
 * each week's header, then that week's PwMeeting items */
GListModel      *pw_schedule_page_get_agenda      (PwSchedulePage *self);
/* (transfer none): PwPairProgress of the pairs shown */
GListModel      *pw_schedule_page_get_progress    (PwSchedulePage *self);
guint            pw_schedule_page_get_n_attention (PwSchedulePage *self);
/* Opens the editor on a stored meeting; (transfer none) */
PwMeetingEditor *pw_schedule_page_edit_meeting    (PwSchedulePage *self,
                                                   gint64          meeting_id);
PwReminders     *pw_schedule_page_get_reminders   (PwSchedulePage *self);

G_END_DECLS
