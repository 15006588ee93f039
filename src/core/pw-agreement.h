/* pw-agreement.h — the Mentor Me agreement of a pair
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pw-store.h"
#include "pw-workspace-types.h"

G_BEGIN_DECLS

typedef enum
{
  PW_AGREEMENT_DRAFT,              /*< nick=draft >*/
  PW_AGREEMENT_ACCEPTED_BY_MENTEE, /*< nick=accepted-by-mentee >*/
  PW_AGREEMENT_ACCEPTED_BY_MENTOR, /*< nick=accepted-by-mentor >*/
  PW_AGREEMENT_ACCEPTED,           /*< nick=accepted >*/  /* by both */
} PwAgreementState;

#define PW_TYPE_AGREEMENT_STATE (pw_agreement_state_get_type ())
GType pw_agreement_state_get_type (void) G_GNUC_CONST;

#define PW_TYPE_AGREEMENT (pw_agreement_get_type ())
G_DECLARE_FINAL_TYPE (PwAgreement, pw_agreement, PW, AGREEMENT, GObject)

/*
 * The terms are read-write properties a form binds to: "mentee-gains",
 * "mentor-offers", "unrealistic" (expectations named as unrealistic),
 * "meetings-per-month" (1–8), "contact-forms" (PwContactForm),
 * "confidentiality-agreed", "reassignment" (how either side asks for a new
 * match without blame), "end-date" (YYYY-MM-DD).
 *
 * Read-only: "pair-id", "mentee-accepted" and "mentor-accepted" (the date
 * each side accepted, or ""), "state" (PwAgreementState) and
 * "confidentiality-policy" (the programme's policy text, to show beside
 * the "confidentiality-agreed" check).
 *
 * Changing any term after acceptance clears both acceptances (notifying
 * "mentee-accepted", "mentor-accepted" and "state"): what was accepted is
 * no longer what the agreement says, so both sides accept again (then
 * pw_agreement_save() stores the cleared state).
 */

/* The terms, in their stored order. */
const char * const *pw_agreement_list_fields     (void);

gint64              pw_agreement_get_pair_id      (PwAgreement  *self);
const char         *pw_agreement_get_mentee_gains (PwAgreement  *self);
const char         *pw_agreement_get_mentor_offers (PwAgreement *self);
const char         *pw_agreement_get_unrealistic  (PwAgreement  *self);
int                 pw_agreement_get_meetings_per_month (PwAgreement *self);
guint               pw_agreement_get_contact_forms (PwAgreement *self);
gboolean            pw_agreement_get_confidentiality_agreed (PwAgreement *self);
const char         *pw_agreement_get_reassignment (PwAgreement  *self);
const char         *pw_agreement_get_end_date     (PwAgreement  *self);
const char         *pw_agreement_get_confidentiality_policy (PwAgreement *self);
const char         *pw_agreement_get_accepted     (PwAgreement  *self,
                                                   PwSide        role);
PwAgreementState    pw_agreement_get_state        (PwAgreement  *self);
gboolean            pw_agreement_get_saved        (PwAgreement  *self);

/* Records @role's acceptance (mentee or mentor) on @iso_date, or today
 * when %NULL. Call pw_agreement_save() to keep it. */
gboolean            pw_agreement_accept           (PwAgreement  *self,
                                                   PwSide        role,
                                                   const char   *iso_date,
                                                   GError      **error);
/* Takes @role's acceptance back, or both with %PW_SIDE_BOTH. */
void                pw_agreement_withdraw         (PwAgreement  *self,
                                                   PwSide        role);

/* The stored agreement, or a new one with the programme's meetings a
 * month, contact forms and end date (unsaved: "saved" is FALSE). */
PwAgreement        *pw_agreement_load             (PwStore      *store,
                                                   gint64        pair_id,
                                                   GError      **error);
gboolean            pw_agreement_save             (PwStore      *store,
                                                   PwAgreement  *self,
                                                   GError      **error);

/* The agreement as plain text, for printing and the CLI. */
char               *pw_agreement_to_text          (PwAgreement  *self);

G_END_DECLS
