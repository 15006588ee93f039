/* pw-guide-window.h — the user guide, inside the app, for when Yelp is absent
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PW_TYPE_GUIDE_WINDOW (pw_guide_window_get_type ())
G_DECLARE_FINAL_TYPE (PwGuideWindow, pw_guide_window, PW, GUIDE_WINDOW, AdwWindow)

GtkWidget  *pw_guide_window_new          (GtkWindow     *parent);
guint       pw_guide_window_get_n_topics (PwGuideWindow *self);
const char *pw_guide_window_get_topic    (PwGuideWindow *self);
void        pw_guide_window_show_topic   (PwGuideWindow *self,
                                          const char    *topic);

gboolean    pw_guide_help_installed      (void);
void        pw_guide_show                (GtkWindow     *parent);

G_END_DECLS
