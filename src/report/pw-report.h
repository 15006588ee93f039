/* pw-report.h — the programme report for leadership, as PDF or CSV
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "pw-dashboard.h"
#include "pw-store.h"

G_BEGIN_DECLS

typedef enum
{
  PW_REPORT_PDF,
  PW_REPORT_CSV,
} PwReportFormat;

/* The report's pages: a summary with the return on investment, meetings,
 * scores, then the written comments (one page or more). */
#define PW_REPORT_FIXED_PAGES 4

/**
 * pw_report_render_pdf:
 * @today: (nullable): the date printed on the report, YYYY-MM-DD; %NULL
 *   for today
 * @n_pages: (out) (optional): the pages drawn
 *
 * Returns: (transfer full): the PDF's bytes
 */
GBytes   *pw_report_render_pdf      (const PwDashboard   *dashboard,
                                     const char          *today,
                                     guint               *n_pages,
                                     GError             **error);
/* Writes the report to @path, readable by its owner only. */
gboolean  pw_report_write           (const PwDashboard   *dashboard,
                                     PwReportFormat       format,
                                     const char          *path,
                                     guint               *n_pages,
                                     GError             **error);
/* Computes the dashboard and writes the report. */
gboolean  pw_report_export          (PwStore             *store,
                                     gint64               programme_id,
                                     PwReportFormat       format,
                                     const char          *path,
                                     guint               *n_pages,
                                     GError             **error);
/* Draws and writes in a worker thread; @dashboard is copied from the
 * store on the calling thread first, so the store is never shared. */
void      pw_report_export_async    (PwStore             *store,
                                     gint64               programme_id,
                                     PwReportFormat       format,
                                     const char          *path,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data);
gboolean  pw_report_export_finish   (GAsyncResult        *result,
                                     GError             **error);

G_END_DECLS
