/* pw-worksheet.h — GROW, SWOT, SAND and force-field worksheets, with history
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pw-store.h"
#include "pw-workspace-types.h"

G_BEGIN_DECLS

/* Stored by nick: never rename a nick. */
typedef enum
{
  PW_WORKSHEET_GROW,        /*< nick=grow >*/
  PW_WORKSHEET_SWOT,        /*< nick=swot >*/
  PW_WORKSHEET_SAND,        /*< nick=sand >*/
  PW_WORKSHEET_FORCE_FIELD, /*< nick=force-field >*/
} PwWorksheetKind;

typedef enum
{
  PW_FORCE_FOR,     /*< nick=for >*/
  PW_FORCE_AGAINST, /*< nick=against >*/
} PwForceDirection;

#define PW_FORCE_STRENGTH_MIN 1
#define PW_FORCE_STRENGTH_MAX 5

#define PW_TYPE_WORKSHEET_KIND (pw_worksheet_kind_get_type ())
GType pw_worksheet_kind_get_type (void) G_GNUC_CONST;
#define PW_TYPE_FORCE_DIRECTION (pw_force_direction_get_type ())
GType pw_force_direction_get_type (void) G_GNUC_CONST;

/* One force in a force-field analysis: "description", "strength" (1–5). */
#define PW_TYPE_FORCE (pw_force_get_type ())
G_DECLARE_FINAL_TYPE (PwForce, pw_force, PW, FORCE, GObject)

/*
 * A worksheet of one kind for one pair. Its text fields depend on the kind
 * (pw_worksheet_kind_get_fields()) and are read and written with
 * pw_worksheet_get_field() / pw_worksheet_set_field(); a change emits
 * "field-changed" with the field's name as detail. A force-field
 * worksheet also has two lists of PwForce and the read-only properties
 * "total-for", "total-against" and "balance" (for − against), notified
 * when a force is added, removed or changes strength.
 *
 * Read-only: "pair-id", "kind", "version" (0 until saved) and "saved"
 * (when this version was saved, ISO 8601 UTC).
 */
#define PW_TYPE_WORKSHEET (pw_worksheet_get_type ())
G_DECLARE_FINAL_TYPE (PwWorksheet, pw_worksheet, PW, WORKSHEET, GObject)

PwForce            *pw_force_new                   (const char        *description,
                                                    int                strength);
const char         *pw_force_get_description       (PwForce           *self);
void                pw_force_set_description       (PwForce           *self,
                                                    const char        *description);
int                 pw_force_get_strength          (PwForce           *self);
void                pw_force_set_strength          (PwForce           *self,
                                                    int                strength);

const char         *pw_worksheet_kind_to_string    (PwWorksheetKind    kind);
gboolean            pw_worksheet_kind_from_string  (const char        *text,
                                                    PwWorksheetKind   *out);
const char         *pw_worksheet_kind_label        (PwWorksheetKind    kind);
/* The text fields of @kind, in form order. */
const char * const *pw_worksheet_kind_get_fields   (PwWorksheetKind    kind);
/* The field's heading and the question that prompts it, translated. */
const char         *pw_worksheet_field_label       (PwWorksheetKind    kind,
                                                    const char        *field);
const char         *pw_worksheet_field_prompt      (PwWorksheetKind    kind,
                                                    const char        *field);

PwWorksheet        *pw_worksheet_new               (gint64             pair_id,
                                                    PwWorksheetKind    kind);
gint64              pw_worksheet_get_pair_id       (PwWorksheet       *self);
PwWorksheetKind     pw_worksheet_get_kind          (PwWorksheet       *self);
int                 pw_worksheet_get_version       (PwWorksheet       *self);
const char         *pw_worksheet_get_saved         (PwWorksheet       *self);
gboolean            pw_worksheet_has_field         (PwWorksheet       *self,
                                                    const char        *field);
const char         *pw_worksheet_get_field         (PwWorksheet       *self,
                                                    const char        *field);
void                pw_worksheet_set_field         (PwWorksheet       *self,
                                                    const char        *field,
                                                    const char        *value);

/* Force-field only. (transfer none): a GListModel of PwForce. */
GListModel         *pw_worksheet_get_forces        (PwWorksheet       *self,
                                                    PwForceDirection   direction);
/* Returns: (transfer none): the force added at the end of its list. */
PwForce            *pw_worksheet_add_force         (PwWorksheet       *self,
                                                    PwForceDirection   direction,
                                                    const char        *description,
                                                    int                strength);
void                pw_worksheet_remove_force      (PwWorksheet       *self,
                                                    PwForceDirection   direction,
                                                    guint              position);
int                 pw_worksheet_get_total         (PwWorksheet       *self,
                                                    PwForceDirection   direction);
int                 pw_worksheet_get_balance       (PwWorksheet       *self);

/* The worksheet's content as JSON (fields, and forces), and as text. */
JsonNode           *pw_worksheet_content_to_json   (PwWorksheet       *self);
char               *pw_worksheet_to_text           (PwWorksheet       *self);

/* Loads version @version of @kind for the pair, or the latest when 0; with
 * no saved version yet, a new empty worksheet (version 0). */
PwWorksheet        *pw_worksheet_load              (PwStore           *store,
                                                    gint64             pair_id,
                                                    PwWorksheetKind    kind,
                                                    int                version,
                                                    GError           **error);
/* Saves @self as a new version (the latest + 1) and sets its "version"
 * and "saved". Content identical to the latest version is not saved again:
 * @self takes that version's number, so saving on every change is cheap. */
gboolean            pw_worksheet_save              (PwStore           *store,
                                                    PwWorksheet       *self,
                                                    GError           **error);
/* Every saved version of @kind for the pair, newest first: a GListModel
 * of PwWorksheet. */
GListModel         *pw_worksheet_list_versions     (PwStore           *store,
                                                    gint64             pair_id,
                                                    PwWorksheetKind    kind,
                                                    GError           **error);

G_END_DECLS
