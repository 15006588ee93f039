/* pw-store-private.h — for the core and its tests only
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pw-store.h"

G_BEGIN_DECLS

PwStore *pw_store_open_full (const char  *path,
                             int          target_version,
                             GError     **error);

G_END_DECLS
