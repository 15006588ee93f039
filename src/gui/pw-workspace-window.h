/* pw-workspace-window.h — a pair's workspace in a window of its own
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pw-store.h"

G_BEGIN_DECLS

#define PW_TYPE_WORKSPACE_WINDOW (pw_workspace_window_get_type ())
G_DECLARE_FINAL_TYPE (PwWorkspaceWindow, pw_workspace_window, PW, WORKSPACE_WINDOW, AdwWindow)

/* How long typing must pause before the forms are written. */
#define PW_WORKSPACE_SAVE_DELAY_MS 400

/* Returns %NULL with PW_WORKSPACE_ERROR_NO_PAIR or _STATE when the pair
 * is not there or only proposed. */
PwWorkspaceWindow *pw_workspace_window_new        (PwStore            *store,
                                                   gint64              pair_id,
                                                   GError            **error);
/* Presents the pair's workspace, opening it beside @parent when it is not
 * open yet. Returns: (transfer none) (nullable): the window, or %NULL
 * after telling the person why it could not open. */
GtkWindow         *pw_workspace_window_open       (GtkWindow          *parent,
                                                   PwStore            *store,
                                                   gint64              pair_id);
gint64             pw_workspace_window_get_pair_id (PwWorkspaceWindow *self);
/* Shows a page: "overview", "agreement", "plan", "diary", "worksheets"
 * or "closing". */
void               pw_workspace_window_show_page  (PwWorkspaceWindow  *self,
                                                   const char         *page);
GtkWidget         *pw_workspace_window_get_worksheet_editor (PwWorkspaceWindow *self,
                                                   int                 kind);
/* Writes now whatever waits for a pause in typing. */
void               pw_workspace_window_flush      (PwWorkspaceWindow  *self);
/* Prints the agreement, or writes it as a PDF at @pdf_path. */
gboolean           pw_workspace_window_print_agreement (PwWorkspaceWindow *self,
                                                   const char         *pdf_path,
                                                   GError            **error);
/* A toast on the workspace holding @widget, naming what went wrong. */
void               pw_workspace_window_show_error (GtkWidget          *widget,
                                                   const GError       *error);

G_END_DECLS
