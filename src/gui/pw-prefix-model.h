/* pw-prefix-model.h — the first items of another list model, as many as
 * are let through so far
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PW_TYPE_PREFIX_MODEL (pw_prefix_model_get_type ())
G_DECLARE_FINAL_TYPE (PwPrefixModel, pw_prefix_model, PW, PREFIX_MODEL, GObject)

PwPrefixModel *pw_prefix_model_new        (GListModel    *model,
                                           guint          limit);
GListModel    *pw_prefix_model_get_model  (PwPrefixModel *self);
guint          pw_prefix_model_get_limit  (PwPrefixModel *self);
void           pw_prefix_model_set_limit  (PwPrefixModel *self,
                                           guint          limit);

G_END_DECLS
