/* pw-workspace-private.h — each part of the workspace in and out of JSON
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For pw-workspace.c and the bundle only. Writers add members to the
 * object @builder has open; readers store what they read for @pair_id in
 * the caller's open transaction and name @where in their messages.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pw-store.h"

G_BEGIN_DECLS

gboolean pw_agreement_write_json   (PwStore      *store,
                                    gint64        pair_id,
                                    JsonBuilder  *builder,
                                    GError      **error);
gboolean pw_agreement_read_json    (PwStore      *store,
                                    gint64        pair_id,
                                    JsonNode     *node,
                                    const char   *where,
                                    GError      **error);
gboolean pw_action_plan_write_json (PwStore      *store,
                                    gint64        pair_id,
                                    JsonBuilder  *builder,
                                    GError      **error);
gboolean pw_action_plan_read_json  (PwStore      *store,
                                    gint64        pair_id,
                                    JsonNode     *node,
                                    const char   *where,
                                    GError      **error);
gboolean pw_diary_write_json       (PwStore      *store,
                                    gint64        pair_id,
                                    JsonBuilder  *builder,
                                    GError      **error);
gboolean pw_diary_read_json        (PwStore      *store,
                                    gint64        pair_id,
                                    JsonNode     *node,
                                    const char   *where,
                                    GError      **error);
gboolean pw_worksheets_write_json  (PwStore      *store,
                                    gint64        pair_id,
                                    JsonBuilder  *builder,
                                    GError      **error);
gboolean pw_worksheets_read_json   (PwStore      *store,
                                    gint64        pair_id,
                                    JsonNode     *node,
                                    const char   *where,
                                    GError      **error);
gboolean pw_closure_write_json     (PwStore      *store,
                                    gint64        pair_id,
                                    JsonBuilder  *builder,
                                    GError      **error);
gboolean pw_closure_read_json      (PwStore      *store,
                                    gint64        pair_id,
                                    JsonNode     *node,
                                    const char   *where,
                                    GError      **error);

G_END_DECLS

G_BEGIN_DECLS

/* Adds the workspace's parts as members of the open object. */
gboolean pw_workspace_write_json  (PwStore      *store,
                                   gint64        pair_id,
                                   gboolean      with_diary,
                                   JsonBuilder  *builder,
                                   GError      **error);
/* Stores a workspace read from JSON for @pair_id. A "diary" member when
 * @with_diary is FALSE is an error: the file contradicts its own flag. */
gboolean pw_workspace_read_json   (PwStore      *store,
                                   gint64        pair_id,
                                   JsonObject   *object,
                                   gboolean      with_diary,
                                   const char   *where,
                                   GError      **error);

G_END_DECLS
