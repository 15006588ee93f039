/* pw-reminders.h — notifications of overdue first contacts and meetings
 * about to start, while the app runs
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pw-store.h"

G_BEGIN_DECLS

/* How soon before its start a meeting is announced. */
#define PW_REMINDERS_LEAD_MINUTES 15

#define PW_TYPE_REMINDERS (pw_reminders_get_type ())
G_DECLARE_FINAL_TYPE (PwReminders, pw_reminders, PW, REMINDERS, GObject)

/* Checks once a minute while it lives. */
PwReminders *pw_reminders_new       (PwStore     *store,
                                     gint64       programme_id);
/* @now: (nullable): the time to check against, for tests; %NULL for the clock */
void         pw_reminders_set_now   (PwReminders *self,
                                     GDateTime   *now);
/* Checks now; returns how many notifications were sent. Each is sent once. */
guint        pw_reminders_check     (PwReminders *self);
gboolean     pw_reminders_was_sent  (PwReminders *self,
                                     const char  *notification_id);

G_END_DECLS
