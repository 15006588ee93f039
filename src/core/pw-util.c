/* pw-util.c — small helpers shared by the core
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-util"

#include "pw-util.h"

void
pw_main_context_defer (GMainContext   *context,
                       GSourceFunc     func,
                       gpointer        data,
                       GDestroyNotify  destroy)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, func, data, destroy);
  g_source_set_static_name (source, "[pairwise] deferred progress");
  g_source_attach (source, context);
}
