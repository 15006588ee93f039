/* pw-evaluation-page.h — the Evaluation section: questionnaires, answers,
 * the dashboard and the report
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pw-dashboard.h"
#include "pw-programme.h"
#include "pw-store.h"

G_BEGIN_DECLS

#define PW_TYPE_EVALUATION_PAGE (pw_evaluation_page_get_type ())
G_DECLARE_FINAL_TYPE (PwEvaluationPage, pw_evaluation_page, PW, EVALUATION_PAGE, AdwBin)

GtkWidget         *pw_evaluation_page_new           (PwStore          *store,
                                                     PwProgramme      *programme);
/* The figures the dashboard shows now. */
const PwDashboard *pw_evaluation_page_get_dashboard (PwEvaluationPage *self);

G_END_DECLS
