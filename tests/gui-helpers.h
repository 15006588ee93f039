/* gui-helpers.h — driving widgets from tests
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pw-store.h"

G_BEGIN_DECLS

typedef enum
{
  GUI_TEST_INIT_NONE          = 0,
  /* GTK_A11Y=none: no accessibility bus to wait for under Xvfb. */
  GUI_TEST_INIT_NO_A11Y       = 1 << 0,
  /* Transitions finish at once, so a test sees the end state. */
  GUI_TEST_INIT_NO_ANIMATIONS = 1 << 1,
} GuiTestInitFlags;

/* gtk_test_init() and adw_init(), with accessibility and animations off. */
void        gui_test_init                (int               *argc,
                                          char            ***argv);
void        gui_test_init_full           (int               *argc,
                                          char            ***argv,
                                          GuiTestInitFlags   flags);

/* Runs the main context until nothing is pending. */
void        gui_test_iterate             (void);
/* Runs the main loop for @ms of real time, then whatever is pending. */
void        gui_test_wait_ms             (guint              ms);
/* Runs the main loop until @cond (@data) holds or @timeout_ms pass;
 * returns whether it holds. */
gboolean    gui_test_wait_until          (gboolean         (*cond) (gpointer data),
                                          gpointer           data,
                                          guint              timeout_ms);
/* Runs the main loop until @widget's window has painted a frame with
 * @widget mapped, then whatever is pending (the work left for after that
 * frame); returns whether it painted within 5 s. */
gboolean    gui_test_wait_for_frame      (GtkWidget         *widget);

/* A store in a new temporary folder (*@dir, to free with
 * gui_test_temp_store_free()); with @sample_id, holding the sample
 * programme, whose id it sets. */
PwStore    *gui_test_temp_store          (char             **dir,
                                          gint64            *sample_id);
/* Asserts that @store is finalized by dropping the last reference, then
 * removes and frees @dir. */
void        gui_test_temp_store_free     (PwStore           *store,
                                          char              *dir);
/* A new programme called @name, stored in @store. */
PwProgramme *gui_test_add_programme      (PwStore           *store,
                                          const char        *name);
/* Removes the files in @path, then @path itself. */
void        gui_test_remove_dir          (const char        *path);

/* @child in a new window of the given default size (-1: its own), shown. */
GtkWindow  *gui_test_show_in_window      (GtkWidget         *child,
                                          int                width,
                                          int                height);
/* Destroys @window and asserts that nothing else holds it. */
void        gui_test_destroy_window      (GtkWindow         *window);

/* The widgets of @type under @root, depth first, whose text is @text (any,
 * for %NULL): a row's or status page's title, a button's label, a label's
 * text or an inscription's, a tooltip, a widget's name or its id in its
 * .ui file. */
GPtrArray  *gui_test_find_all            (GtkWidget         *root,
                                          GType              type,
                                          const char        *text);
/* The first of them, or %NULL. */
GtkWidget  *gui_test_find_widget         (GtkWidget         *root,
                                          GType              type,
                                          const char        *text);
GtkWidget  *gui_test_find_action_button  (GtkWidget         *root,
                                          const char        *action_name);
/* The first visible toplevel of @type, or %NULL. */
GtkWindow  *gui_test_find_toplevel       (GType              type);

G_END_DECLS
