/* pw-pair-object.h — a pair, with its people's names, as a list item
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "pw-match.h"

G_BEGIN_DECLS

#define PW_TYPE_PAIR_OBJECT (pw_pair_object_get_type ())
G_DECLARE_FINAL_TYPE (PwPairObject, pw_pair_object, PW, PAIR_OBJECT, GObject)

/* Takes @pair. */
PwPairObject *pw_pair_object_new             (PwPair       *pair,
                                              const char   *mentee_name,
                                              const char   *mentor_name);
const PwPair *pw_pair_object_get_pair        (PwPairObject *self);
const char   *pw_pair_object_get_mentee_name (PwPairObject *self);
const char   *pw_pair_object_get_mentor_name (PwPairObject *self);

G_END_DECLS
