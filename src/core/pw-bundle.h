/* pw-bundle.h — a whole programme as one JSON file
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pw-store.h"

G_BEGIN_DECLS

#define PW_BUNDLE_ERROR (pw_bundle_error_quark ())

typedef enum
{
  PW_BUNDLE_ERROR_SYNTAX,        /* not JSON */
  PW_BUNDLE_ERROR_FORMAT,        /* JSON, but not a Pairwise bundle */
  PW_BUNDLE_ERROR_TOO_NEW,       /* written by a newer Pairwise */
  PW_BUNDLE_ERROR_INVALID,       /* a value is wrong; the message says where */
  PW_BUNDLE_ERROR_CONFLICT,      /* clashes with what the database holds */
} PwBundleError;

#define PW_BUNDLE_FORMAT  "io.github.pairwise.Pairwise.bundle"
/* 2: pairs and their workspaces. 3: eligibility rules and overrides,
 * matching settings, forbidden pairs, rematch priority, career influence,
 * the schedule and evaluation; a diary entry names its meeting by UID.
 * An older reader would drop what it does not know silently, so it is
 * told the bundle is newer instead. */
#define PW_BUNDLE_VERSION 3

typedef enum
{
  PW_BUNDLE_FLAGS_NONE      = 0,
  PW_BUNDLE_WITH_SENSITIVE  = 1 << 0,  /* sensitive characteristics */
  PW_BUNDLE_WITH_DIARIES    = 1 << 1,  /* the pairs' mentoring diaries */
} PwBundleFlags;

GQuark  pw_bundle_error_quark (void);

/* Returns: (transfer full): the bundle's text, pretty-printed JSON that is
 * the same for the same data (stable order, no local IDs or timestamps) */
char   *pw_bundle_export      (PwStore        *store,
                               gint64          programme_id,
                               PwBundleFlags   flags,
                               GError        **error);
/* Imports a bundle in one transaction: everything or nothing. @source_name
 * names the file in messages. Returns the new programme's ID, 0 on error. */
gint64  pw_bundle_import      (PwStore        *store,
                               const char     *text,
                               gssize          length,
                               const char     *source_name,
                               GError        **error);

/* Writes @contents to @path atomically, readable by its owner only. */
gboolean pw_write_private_file (const char    *path,
                                const char    *contents,
                                gssize         length,
                                GError       **error);

G_END_DECLS
