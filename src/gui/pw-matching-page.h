/* pw-matching-page.h — the Matching section of a programme
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pw-programme.h"
#include "pw-store.h"

G_BEGIN_DECLS

#define PW_TYPE_MATCHING_PAGE (pw_matching_page_get_type ())
G_DECLARE_FINAL_TYPE (PwMatchingPage, pw_matching_page, PW, MATCHING_PAGE, AdwBin)

GtkWidget  *pw_matching_page_new           (PwStore        *store,
                                            PwProgramme    *programme);
/* Starts a run as the Match and Blind Date buttons do; @seed 0 draws one. */
void        pw_matching_page_run           (PwMatchingPage *self,
                                            gboolean        random,
                                            guint64         seed);
gboolean    pw_matching_page_is_running    (PwMatchingPage *self);
/* The proposals shown (PwPairObject rows), for tests. */
GListModel *pw_matching_page_get_proposals (PwMatchingPage *self);

G_END_DECLS
