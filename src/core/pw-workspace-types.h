/* pw-workspace-types.h — what the parts of a pair's workspace share
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PW_WORKSPACE_ERROR (pw_workspace_error_quark ())

typedef enum
{
  PW_WORKSPACE_ERROR_INVALID,     /* a value is wrong; the message names the field */
  PW_WORKSPACE_ERROR_NO_PAIR,     /* no such pair */
  PW_WORKSPACE_ERROR_STATE,       /* the pair is only proposed */
  PW_WORKSPACE_ERROR_NOT_FOUND,   /* no such goal, entry or version */
  PW_WORKSPACE_ERROR_INCOMPLETE,  /* the closure checklist is not done */
} PwWorkspaceError;

/* Stored by nick: never rename a nick. */
typedef enum
{
  PW_SIDE_MENTEE, /*< nick=mentee >*/
  PW_SIDE_MENTOR, /*< nick=mentor >*/
  PW_SIDE_BOTH,   /*< nick=both >*/
} PwSide;

#define PW_TYPE_SIDE (pw_side_get_type ())

GQuark       pw_workspace_error_quark (void);
GType        pw_side_get_type         (void) G_GNUC_CONST;
const char  *pw_side_label            (PwSide role);

G_END_DECLS
