/* pw-eligibility-page.h — the Eligibility section of a programme
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pw-eligibility.h"
#include "pw-programme.h"
#include "pw-store.h"

G_BEGIN_DECLS

typedef enum
{
  PW_VERDICT_FILTER_ALL,
  PW_VERDICT_FILTER_MENTEES,
  PW_VERDICT_FILTER_MENTORS,
  PW_VERDICT_FILTER_NEITHER,
} PwVerdictFilter;

#define PW_TYPE_ELIGIBILITY_PAGE (pw_eligibility_page_get_type ())
G_DECLARE_FINAL_TYPE (PwEligibilityPage, pw_eligibility_page, PW, ELIGIBILITY_PAGE, AdwBin)

GtkWidget  *pw_eligibility_page_new            (PwStore           *store,
                                                PwProgramme       *programme);
/* The people shown under the current filter and search (PwPerson). */
GListModel *pw_eligibility_page_get_people     (PwEligibilityPage *self);
void        pw_eligibility_page_get_summary    (PwEligibilityPage *self,
                                                PwEligibilitySummary *summary);
/* The verdict in words, as its row in the list shows it. */
char       *pw_eligibility_page_describe_verdict (PwEligibilityPage *self,
                                                PwPerson          *person);

G_END_DECLS
