/* pw-person-list.h — a programme's people in list form: what a table of
 * thousands shows and searches, without their questionnaire answers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pw-person.h"
#include "pw-store.h"

G_BEGIN_DECLS

#define PW_TYPE_PERSON_ITEM (pw_person_item_get_type ())
G_DECLARE_FINAL_TYPE (PwPersonItem, pw_person_item, PW, PERSON_ITEM, GObject)

/* The list form of everyone enrolled in @programme_id, by name (without
 * regard to case) then ID, as pw_person_repo_list_enrolled() orders the
 * full records. Load a person's full record with pw_person_repo_get()
 * when it is opened. */
GListModel *pw_person_list_enrolled          (PwStore      *store,
                                              gint64        programme_id,
                                              GError      **error);

/* How many are enrolled in @programme_id, or -1 with @error set. */
gint64      pw_person_list_count_enrolled    (PwStore      *store,
                                              gint64        programme_id,
                                              GError      **error);

gint64      pw_person_item_get_id            (PwPersonItem *self);
gint64      pw_person_item_get_manager_id    (PwPersonItem *self);
const char *pw_person_item_get_name          (PwPersonItem *self);
const char *pw_person_item_get_email         (PwPersonItem *self);
const char *pw_person_item_get_job_title     (PwPersonItem *self);
const char *pw_person_item_get_department    (PwPersonItem *self);
const char *pw_person_item_get_grade         (PwPersonItem *self);
PwRole      pw_person_item_get_role_wanted   (PwPersonItem *self);
/* The manager's name: from the directory when the manager is in it ("" if
 * they have gone), otherwise the name given for someone outside it. */
const char *pw_person_item_get_manager       (PwPersonItem *self);
/* The same text as pw_person_get_search_key() of the full record. */
const char *pw_person_item_get_search_key    (PwPersonItem *self);
const char *pw_person_item_get_name_key      (PwPersonItem *self);

G_END_DECLS
