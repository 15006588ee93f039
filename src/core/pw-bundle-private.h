/* pw-bundle-private.h — the programme's tables in a bundle
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pw-bundle.h"

G_BEGIN_DECLS

/* Rows that other rows point at travel as their index in the bundle's
 * list; local IDs never leave the database. */
typedef enum
{
  PW_BUNDLE_REF_PAIR,
  PW_BUNDLE_REF_QUESTIONNAIRE,
  PW_BUNDLE_REF_RESPONSE,
  PW_BUNDLE_N_REFS
} PwBundleRef;

typedef struct
{
  GArray     *ids[PW_BUNDLE_N_REFS];    /* index → ID (export: local; import: new) */
  GHashTable *index[PW_BUNDLE_N_REFS];  /* ID → index + 1, on export */
} PwBundleRefs;

void      pw_bundle_refs_init   (PwBundleRefs *refs);
void      pw_bundle_refs_clear  (PwBundleRefs *refs);
void      pw_bundle_refs_add    (PwBundleRefs *refs,
                                 PwBundleRef   ref,
                                 gint64        id);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PwBundleRefs, pw_bundle_refs_clear)

/* The groups of tables, in the order an import needs them: the first
 * before the pairs, meetings between the pairs and their workspaces (a
 * diary entry names its meeting), evaluation last. */
typedef enum
{
  PW_BUNDLE_TABLES_SETUP,
  PW_BUNDLE_TABLES_MEETINGS,
  PW_BUNDLE_TABLES_EVALUATION,
} PwBundleTables;

/* The people the programme's own records name (overrides, forbidden
 * pairs, rematch priority, evaluation respondents) and, for @people, who
 * influences their careers: IDs, without duplicates. */
GArray   *pw_bundle_list_named_people (PwStore       *store,
                                       gint64         programme_id,
                                       GError       **error);
GArray   *pw_bundle_list_influencers  (PwStore       *store,
                                       GArray        *people,
                                       GError       **error);

/* @people: local ID → PwPerson, everyone in the bundle; a row naming
 * someone else is left out (only career influence, which is database-wide,
 * can). */
gboolean  pw_bundle_write_tables (PwStore        *store,
                                  gint64          programme_id,
                                  PwBundleTables  tables,
                                  GHashTable     *people,
                                  PwBundleRefs   *refs,
                                  JsonBuilder    *builder,
                                  GError        **error);

/* @people: casefolded email → PwPerson (stored). Errors name the place in
 * the bundle: "meetings[3].status: …", prefixed with @source. */
gboolean  pw_bundle_read_tables  (PwStore        *store,
                                  gint64          programme_id,
                                  PwBundleTables  tables,
                                  JsonObject     *root,
                                  GHashTable     *people,
                                  PwBundleRefs   *refs,
                                  const char     *source,
                                  GError        **error);

G_END_DECLS
