/* pw-util.h — small helpers shared by the core
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Runs @func once in @context, always from its loop — never at once in the
 * calling thread, as g_main_context_invoke() does when it can acquire the
 * context (a worker thread could, while the main thread is between
 * iterations). */
void pw_main_context_defer (GMainContext   *context,
                            GSourceFunc     func,
                            gpointer        data,
                            GDestroyNotify  destroy);

G_END_DECLS
