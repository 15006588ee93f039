/* builder-tool-preload.c — lets gtk4-builder-tool validate our templates
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * gtk4-builder-tool knows GTK's types only. Preloaded into it, this module
 * registers libadwaita's types before the tool reads a file, so that every
 * .ui file is checked whole: objects, properties, signals, children.
 */
#include <adwaita.h>

__attribute__((constructor)) static void
preload_init (void)
{
  adw_init ();
}
