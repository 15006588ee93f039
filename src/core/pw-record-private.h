/* pw-record-private.h — the workspace's form objects, described once
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A record is a GObject whose form fields are properties. Its class lists
 * the fields it stores as a NULL-terminated array of property names; that
 * order is the order of the columns in its SQL and of the members in its
 * JSON, so one list drives get/set, binding, reading and the bundle.
 * For the core only.
 */
#pragma once

#include <sqlite3.h>
#include <json-glib/json-glib.h>

#include "pw-store.h"

G_BEGIN_DECLS

/* Properties flagged so are ISO 8601 dates (or empty). */
void      pw_record_mark_date          (GParamSpec          *pspec);
gboolean  pw_record_is_date            (GParamSpec          *pspec);

/* Stores @value in @field (a char *, int, gboolean, gint64, enum or flags
 * member, as the pspec says) and notifies, only when it changed. */
gboolean  pw_record_set_field          (GObject             *object,
                                        GParamSpec          *pspec,
                                        gpointer             field,
                                        const GValue        *value);
void      pw_record_get_field          (GParamSpec          *pspec,
                                        gconstpointer        field,
                                        GValue              *value);

void      pw_record_bind               (GObject             *object,
                                        const char * const  *fields,
                                        sqlite3_stmt        *stmt,
                                        int                  first_param);
void      pw_record_read               (GObject             *object,
                                        const char * const  *fields,
                                        sqlite3_stmt        *stmt,
                                        int                  first_column);
/* Adds the fields as members of the object @builder has open. */
void      pw_record_add_json           (GObject             *object,
                                        const char * const  *fields,
                                        JsonBuilder         *builder);
/* Reads the members named by @fields; other members are the caller's. */
gboolean  pw_record_read_json          (GObject             *object,
                                        const char * const  *fields,
                                        JsonObject          *json,
                                        const char          *where,
                                        GError             **error);
gboolean  pw_record_equal              (GObject             *a,
                                        GObject             *b,
                                        const char * const  *fields);

/* Text form of one field, for the CLI's FIELD=VALUE: enums by nick, flags
 * as comma-separated nicks, booleans as yes/no, dates as YYYY-MM-DD. */
gboolean  pw_record_set_from_string    (GObject             *object,
                                        const char * const  *fields,
                                        const char          *field,
                                        const char          *value,
                                        GError             **error);
char     *pw_record_to_string          (GObject             *object,
                                        const char          *field);

/* Steps a write; in its own transaction unless the caller has one open. */
gboolean  pw_record_exec               (PwStore             *store,
                                        sqlite3_stmt        *stmt,
                                        const char          *table,
                                        GError             **error);

/* Safe readers of untrusted JSON: @fallback when the member is absent or
 * null; %NULL (or FALSE) when it holds something of another type. */
const char *pw_json_string              (JsonObject          *object,
                                        const char          *member,
                                        const char          *fallback);
gboolean  pw_json_int                  (JsonObject          *object,
                                        const char          *member,
                                        gint64               fallback,
                                        gint64              *out);

/* The pair must exist and be past the proposal. */
gboolean  pw_workspace_check_pair      (PwStore             *store,
                                        gint64               pair_id,
                                        gint64              *programme_id,
                                        GError             **error);

G_END_DECLS
