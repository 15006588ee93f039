/* pw-workshop-window.h — the workshop, full screen, driven from the keyboard
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pw-programme.h"
#include "pw-store.h"
#include "pw-workshop.h"

G_BEGIN_DECLS

/* Monotonic microseconds; tests bring their own clock. */
typedef gint64 (*PwWorkshopClock) (gpointer user_data);

#define PW_TYPE_WORKSHOP_WINDOW (pw_workshop_window_get_type ())
G_DECLARE_FINAL_TYPE (PwWorkshopWindow, pw_workshop_window, PW, WORKSHOP_WINDOW, AdwWindow)

PwWorkshopWindow *pw_workshop_window_new          (PwStore          *store,
                                                   PwProgramme      *programme,
                                                   GError          **error);
PwWorkshop       *pw_workshop_window_get_workshop (PwWorkshopWindow *self);
void              pw_workshop_window_set_clock    (PwWorkshopWindow *self,
                                                   PwWorkshopClock   clock,
                                                   gpointer          user_data);
const char       *pw_workshop_window_get_timer_text (PwWorkshopWindow *self);
/* The keyboard: what a key press on the window does. */
gboolean          pw_workshop_window_handle_key   (PwWorkshopWindow *self,
                                                   guint             keyval,
                                                   GdkModifierType   state);
/* TRUE while the live demonstration is computing. */
gboolean          pw_workshop_window_get_busy     (PwWorkshopWindow *self);

G_END_DECLS
