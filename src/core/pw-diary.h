/* pw-diary.h — the mentoring diary: private to the pair
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Diary entries never leave the database in an export, a CSV or a report
 * unless the coordinator deliberately includes them (the bundle's
 * PW_BUNDLE_WITH_DIARIES), and an export that includes them says so.
 */
#pragma once

#include <gio/gio.h>

#include "pw-store.h"
#include "pw-workspace-types.h"

G_BEGIN_DECLS

/*
 * An entry's form fields are properties: "date" (YYYY-MM-DD),
 * "meeting-id" (the meeting in the schedule's log it belongs to, 0 for
 * none), "topics" (discussed), "reflections", "actions" (agreed),
 * "raised-by" (PwSide: who brought the topics) and "actions-by" (PwSide:
 * who set the agreed actions). Read-only: "id", "pair-id".
 */
#define PW_TYPE_DIARY_ENTRY (pw_diary_entry_get_type ())
G_DECLARE_FINAL_TYPE (PwDiaryEntry, pw_diary_entry, PW, DIARY_ENTRY, GObject)

const char * const *pw_diary_entry_list_fields   (void);
PwDiaryEntry       *pw_diary_entry_new           (gint64         pair_id,
                                                  const char    *iso_date);
gint64              pw_diary_entry_get_id        (PwDiaryEntry  *self);
gint64              pw_diary_entry_get_pair_id   (PwDiaryEntry  *self);
const char         *pw_diary_entry_get_date      (PwDiaryEntry  *self);
gint64              pw_diary_entry_get_meeting_id (PwDiaryEntry *self);
const char         *pw_diary_entry_get_topics    (PwDiaryEntry  *self);
const char         *pw_diary_entry_get_reflections (PwDiaryEntry *self);
const char         *pw_diary_entry_get_actions   (PwDiaryEntry  *self);
PwSide              pw_diary_entry_get_raised_by (PwDiaryEntry  *self);
PwSide              pw_diary_entry_get_actions_by (PwDiaryEntry *self);

/* A GListModel of PwDiaryEntry, oldest first. */
GListModel         *pw_diary_list                (PwStore       *store,
                                                  gint64         pair_id,
                                                  GError       **error);
/* Inserts a new entry (and sets its "id") or updates a stored one. */
gboolean            pw_diary_entry_save          (PwStore       *store,
                                                  PwDiaryEntry  *entry,
                                                  GError       **error);
gboolean            pw_diary_entry_delete        (PwStore       *store,
                                                  gint64         entry_id,
                                                  GError       **error);

G_END_DECLS
