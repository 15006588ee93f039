/* pw-types.h — forward declarations of the core types
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef struct _PwStore     PwStore;
typedef struct _PwProgramme PwProgramme;

G_END_DECLS
