/* pw-closure.h — closing a mentoring relationship and reflecting on it
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "pw-store.h"
#include "pw-workspace-types.h"

G_BEGIN_DECLS

/* The end-of-relationship questions, asked of mentee and mentor alike. */
typedef enum
{
  PW_CLOSING_GAINED,      /*< nick=gained >*/
  PW_CLOSING_WORKED,      /*< nick=worked >*/
  PW_CLOSING_CHANGE,      /*< nick=change >*/
  PW_CLOSING_NEXT,        /*< nick=next >*/
  PW_N_CLOSING_QUESTIONS  /*< skip >*/
} PwClosingQuestion;

/*
 * The closure checklist and the answers are properties a form binds to:
 * "goals-reviewed" (the goals were looked at together), "covered" (what
 * the relationship covered), "mentee-started", "mentee-reached",
 * "mentor-started", "mentor-reached" (where each began and got to: in
 * reverse mentoring both learn), and the answers "mentee-gained",
 * "mentee-worked", "mentee-change", "mentee-next" and the same four for
 * the mentor. Read-only: "pair-id", "closed" (the date it was closed, or
 * "") and "complete" (the checklist is done).
 */
#define PW_TYPE_CLOSURE (pw_closure_get_type ())
G_DECLARE_FINAL_TYPE (PwClosure, pw_closure, PW, CLOSURE, GObject)

const char * const *pw_closure_list_fields     (void);
/* The question as put to @role (mentee or mentor), translated. */
const char         *pw_closing_question_text   (PwClosingQuestion  question,
                                                PwSide             role);
/* The property holding @role's answer to @question. */
const char         *pw_closing_question_field  (PwClosingQuestion  question,
                                                PwSide             role);

gint64              pw_closure_get_pair_id     (PwClosure         *self);
const char         *pw_closure_get_closed      (PwClosure         *self);
gboolean            pw_closure_get_complete    (PwClosure         *self);
/* Returns: (transfer full): what the checklist still lacks, in plain
 * words; empty when it is complete. */
GStrv               pw_closure_list_missing    (PwClosure         *self);

/* The stored closure, or a new empty one. */
PwClosure          *pw_closure_load            (PwStore           *store,
                                                gint64             pair_id,
                                                GError           **error);
gboolean            pw_closure_save            (PwStore           *store,
                                                PwClosure         *self,
                                                GError           **error);
/* Records the relationship as closed on @iso_date (today when %NULL) and
 * saves. Refused with PW_WORKSPACE_ERROR_INCOMPLETE, naming what is
 * missing, until the checklist is complete. Closing is the pair's
 * reflection; ending the pair is still the coordinator's pw_pair_end(). */
gboolean            pw_closure_close           (PwStore           *store,
                                                PwClosure         *self,
                                                const char        *iso_date,
                                                GError           **error);

G_END_DECLS
