/* pw-person-repo.h — the people directory, enrolments, grades and topics
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pw-person.h"
#include "pw-store.h"

G_BEGIN_DECLS

/* People. All calls that write run in their own transaction unless the
 * caller has one open (pw_store_begin), so an import can wrap thousands of
 * them in one all-or-nothing transaction. */
GListModel *pw_person_repo_list_all      (PwStore      *store,
                                          GError      **error);
GListModel *pw_person_repo_list_enrolled (PwStore      *store,
                                          gint64        programme_id,
                                          GError      **error);
PwPerson   *pw_person_repo_get           (PwStore      *store,
                                          gint64        id,
                                          GError      **error);
/* Returns %NULL with PW_STORE_ERROR_NOT_FOUND when nobody has @email
 * (compared without regard to case). */
PwPerson   *pw_person_repo_find_by_email (PwStore      *store,
                                          const char   *email,
                                          GError      **error);
gboolean    pw_person_repo_insert        (PwStore      *store,
                                          PwPerson     *person,
                                          GError      **error);
gboolean    pw_person_repo_update        (PwStore      *store,
                                          PwPerson     *person,
                                          GError      **error);
gboolean    pw_person_repo_delete        (PwStore      *store,
                                          gint64        id,
                                          GError      **error);
gint64      pw_person_repo_count         (PwStore      *store,
                                          GError      **error);
/* Everyone's name by ID (gint64 * → char *), without loading whole
 * records: what lists of pairs need. */
GHashTable *pw_person_repo_names         (PwStore      *store,
                                          GError      **error);

/* Erasure: the person and their answers leave every programme; their pairs
 * stay as anonymous history. secure_delete, then VACUUM: never inside a
 * transaction. */
gboolean    pw_person_repo_erase         (PwStore      *store,
                                          gint64        person_id,
                                          GError      **error);
/* Retention: people whose programmes all ended more than @months ago. */
GListModel *pw_person_repo_list_retention (PwStore     *store,
                                          guint         months,
                                          GDateTime    *today,
                                          GError      **error);

/* Enrolment of directory people in programmes. */
gboolean    pw_person_repo_enrol         (PwStore      *store,
                                          gint64        programme_id,
                                          gint64        person_id,
                                          GError      **error);
gboolean    pw_person_repo_unenrol       (PwStore      *store,
                                          gint64        programme_id,
                                          gint64        person_id,
                                          GError      **error);
gboolean    pw_person_repo_is_enrolled   (PwStore      *store,
                                          gint64        programme_id,
                                          gint64        person_id);

/* The organisation's ordered grade scale, lowest first, defined once per
 * database. Setting it keeps people's grades whose names remain. */
GStrv       pw_grade_scale_get           (PwStore      *store,
                                          GError      **error);
gboolean    pw_grade_scale_set           (PwStore      *store,
                                          const char * const *grades,
                                          GError      **error);
/* Renames one grade; everyone holding it keeps it under the new name. */
gboolean    pw_grade_scale_rename        (PwStore      *store,
                                          const char   *old_name,
                                          const char   *new_name,
                                          GError      **error);
/* Position of @grade on the scale (0 = lowest), or -1 if not on it. */
int         pw_grade_scale_position      (PwStore      *store,
                                          const char   *grade);

/* A programme's topic list (tags for topics offered / wanted). */
GStrv       pw_programme_topics_get      (PwStore      *store,
                                          gint64        programme_id,
                                          GError      **error);
gboolean    pw_programme_topics_set      (PwStore      *store,
                                          gint64        programme_id,
                                          const char * const *topics,
                                          GError      **error);

G_END_DECLS
