/* pw-pair-progress.h — how one pair is doing against its plan
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* Why a pair stands out in the Attention list. */
typedef enum /*< flags >*/
{
  PW_ATTENTION_NONE                  = 0,       /*< skip >*/
  PW_ATTENTION_FIRST_CONTACT_MISSED  = 1 << 0,  /*< nick=first-contact-missed >*/
  PW_ATTENTION_SILENT                = 1 << 1,  /*< nick=silent >*/
  PW_ATTENTION_BEHIND                = 1 << 2,  /*< nick=behind >*/
  PW_ATTENTION_PLAN_SHORT            = 1 << 3,  /*< nick=plan-short >*/
} PwAttention;

#define PW_TYPE_ATTENTION (pw_attention_get_type ())
GType pw_attention_get_type (void) G_GNUC_CONST;

#define PW_TYPE_PAIR_PROGRESS (pw_pair_progress_get_type ())
G_DECLARE_FINAL_TYPE (PwPairProgress, pw_pair_progress, PW, PAIR_PROGRESS, GObject)

/* All read-only: a snapshot taken by pw_schedule_pair_progress(). */
gint64              pw_pair_progress_get_pair_id          (PwPairProgress *self);
/* "Ana Lopez and Sam Green" (mentee first). */
const char         *pw_pair_progress_get_who              (PwPairProgress *self);
/* Pair meetings (first meeting and regular ones) not cancelled. */
guint               pw_pair_progress_get_planned          (PwPairProgress *self);
guint               pw_pair_progress_get_held             (PwPairProgress *self);
guint               pw_pair_progress_get_missed           (PwPairProgress *self);
/* Held meetings of at least the programme's discussion minutes. */
guint               pw_pair_progress_get_significant      (PwPairProgress *self);
/* The programme's minimum of significant discussions. */
guint               pw_pair_progress_get_target           (PwPairProgress *self);
/* floor (target × elapsed fraction of the programme): fewer is "behind". */
guint               pw_pair_progress_get_expected         (PwPairProgress *self);
/* Significant discussions held plus those still planned that would count. */
guint               pw_pair_progress_get_reachable        (PwPairProgress *self);
/* Days since the last held meeting, or -1 if none was held. */
int                 pw_pair_progress_get_days_since_last  (PwPairProgress *self);
/* YYYY-MM-DD, or "" */
const char         *pw_pair_progress_get_last_meeting     (PwPairProgress *self);
const char         *pw_pair_progress_get_first_contact_due (PwPairProgress *self);
gboolean            pw_pair_progress_get_first_contact_done (PwPairProgress *self);
PwAttention         pw_pair_progress_get_attention        (PwPairProgress *self);
/* One sentence for each attention flag, in plain words. */
const char * const *pw_pair_progress_get_reasons          (PwPairProgress *self);

G_END_DECLS
