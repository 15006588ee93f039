/* pw-pair-progress-private.h — for the schedule that computes progress
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pw-pair-progress.h"

G_BEGIN_DECLS

typedef struct
{
  gint64       pair_id;
  const char  *who;
  guint        planned;
  guint        held;
  guint        missed;
  guint        significant;
  guint        target;
  guint        expected;
  guint        reachable;
  int          days_since_last;
  const char  *last_meeting;
  const char  *first_contact_due;
  gboolean     first_contact_done;
  PwAttention  attention;
  GPtrArray   *reasons;  /* char *, borrowed */
} PwPairProgressValues;

PwPairProgress *pw_pair_progress_new (const PwPairProgressValues *values);

G_END_DECLS
