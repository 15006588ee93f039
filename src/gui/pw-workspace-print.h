/* pw-workspace-print.h — printing the agreement and the worksheets
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "pw-agreement.h"
/* pw-worksheet.h names JsonNode without including json-glib itself. */
#include <json-glib/json-glib.h>

#include "pw-worksheet.h"

G_BEGIN_DECLS

/* A document to print: a title, a line naming the programme and the pair,
 * then sections, each a heading and its text. The text is the people's
 * own: it is laid out as plain text, never as markup. */
typedef struct _PwPrintDocument PwPrintDocument;

PwPrintDocument *pw_print_document_new          (const char       *title,
                                                 const char       *subtitle);
void             pw_print_document_free         (PwPrintDocument  *doc);
void             pw_print_document_add          (PwPrintDocument  *doc,
                                                 const char       *heading,
                                                 const char       *text);
PwPrintDocument *pw_print_document_new_agreement (PwAgreement     *agreement,
                                                 const char       *subtitle);
PwPrintDocument *pw_print_document_new_worksheet (PwWorksheet     *worksheet,
                                                 const char       *subtitle);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwPrintDocument, pw_print_document_free)

/* Prints @doc through the print dialog over @parent; with @pdf_path set,
 * writes a PDF there instead, without a dialog (as the tests do). Takes
 * @doc. */
gboolean         pw_print_document_run          (PwPrintDocument  *doc,
                                                 GtkWindow        *parent,
                                                 const char       *pdf_path,
                                                 GError          **error);

G_END_DECLS
