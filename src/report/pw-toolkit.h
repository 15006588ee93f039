/* pw-toolkit.h — the programme toolkit: the workshop's output as a PDF
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pw-programme.h"
#include "pw-store.h"
#include "pw-workshop.h"

G_BEGIN_DECLS

#define PW_TOOLKIT_ERROR (pw_toolkit_error_quark ())

typedef enum
{
  PW_TOOLKIT_ERROR_FAILED,  /* the file cannot be written or drawn */
} PwToolkitError;

GQuark pw_toolkit_error_quark (void);

/* The sections, each starting on a page of its own after the cover. */
typedef enum
{
  PW_TOOLKIT_DESIGN,
  PW_TOOLKIT_RULES,
  PW_TOOLKIT_CONDUCT,
  PW_TOOLKIT_AGREEMENT,
  PW_TOOLKIT_SCHEDULE,
  PW_TOOLKIT_EVALUATION,
  PW_TOOLKIT_N_SECTIONS
} PwToolkitSection;

/* What the toolkit says, read from the store in one go on the caller's
 * thread; rendering it needs no store and may run in a worker. */
typedef struct _PwToolkit PwToolkit;

PwToolkit  *pw_toolkit_collect        (PwStore        *store,
                                       PwProgramme    *programme,
                                       PwWorkshop     *workshop,
                                       GError        **error);
void        pw_toolkit_free           (PwToolkit      *toolkit);
guint       pw_toolkit_get_n_sections (PwToolkit      *toolkit);
const char *pw_toolkit_get_title      (PwToolkit      *toolkit,
                                       guint           section);
/* Writes the PDF to @path, readable by its owner only (it holds the
 * programme's policies and may hold its notes), replacing any file there. */
gboolean    pw_toolkit_write_pdf      (PwToolkit      *toolkit,
                                       const char     *path,
                                       GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PwToolkit, pw_toolkit_free)

/* Collects on the calling thread, renders in a worker. */
void        pw_toolkit_export_async   (PwStore             *store,
                                       PwProgramme         *programme,
                                       PwWorkshop          *workshop,
                                       GFile               *file,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data);
gboolean    pw_toolkit_export_finish  (GAsyncResult        *result,
                                       GError             **error);

G_END_DECLS
