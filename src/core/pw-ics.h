/* pw-ics.h — meetings as iCalendar (RFC 5545), through libical
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pw-store.h"

G_BEGIN_DECLS

/**
 * pw_ics_export:
 * @programme_id: the programme
 * @pair_id: one pair's meetings and the programme's sessions, or 0 for
 *   every meeting of the programme
 *
 * Each meeting is a VEVENT with the UID it was given when planned, so a
 * calendar that imports the file again updates its events instead of
 * duplicating them; SEQUENCE grows with each change. DTSTART carries the
 * programme's TZID with its VTIMEZONE (from libical's zone database), or is
 * in UTC when the zone is the computer's and has no name libical knows.
 * Cancelled meetings, and meetings still planned for a pair that has ended,
 * go out with STATUS:CANCELLED. The same data gives the same text.
 *
 * Returns: (transfer full): the calendar, CRLF line ends, folded at 75
 * octets, or %NULL with @error set
 */
char     *pw_ics_export       (PwStore      *store,
                               gint64        programme_id,
                               gint64        pair_id,
                               GError      **error);
/* pw_ics_export() written to @path, readable by its owner only. */
gboolean  pw_ics_export_file  (PwStore      *store,
                               gint64        programme_id,
                               gint64        pair_id,
                               const char   *path,
                               GError      **error);

G_END_DECLS
