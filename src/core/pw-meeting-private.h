/* pw-meeting-private.h — for the schedule, the iCalendar export and tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pw-meeting.h"

G_BEGIN_DECLS

/* The zone of @tzid, or the computer's zone for "" (never NULL). */
GTimeZone *pw_meeting_zone_for_tzid  (const char      *tzid);
/* Puts the meeting in @tzid's zone, keeping the instant. */
void       pw_meeting_set_tzid       (PwMeeting       *self,
                                      const char      *tzid);
void       pw_meeting_set_stored     (PwMeeting       *self,
                                      gint64           id,
                                      const char      *uid,
                                      gint64           programme_id,
                                      PwMeetingStatus  status,
                                      int              held_minutes,
                                      int              sequence,
                                      const char      *modified);
void       pw_meeting_set_who        (PwMeeting       *self,
                                      const char      *who);
/* "YYYY-MM-DDTHH:MM", the wall-clock start as stored. (transfer full) */
char      *pw_meeting_dup_start_local (PwMeeting      *self);

G_END_DECLS
