/* pw-evaluation-chart.h — bars, a 1–5 distribution or a monthly trend,
 * drawn with GtkSnapshot in the widget's own colours
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  PW_CHART_BARS,          /* labelled horizontal bars, each against its own maximum */
  PW_CHART_DISTRIBUTION,  /* five columns: answers of 1 to 5 */
  PW_CHART_TREND,         /* planned and held, month by month */
} PwChartKind;

#define PW_TYPE_EVALUATION_CHART (pw_evaluation_chart_get_type ())
G_DECLARE_FINAL_TYPE (PwEvaluationChart, pw_evaluation_chart, PW, EVALUATION_CHART, GtkWidget)

GtkWidget  *pw_evaluation_chart_new              (PwChartKind        kind,
                                                  const char        *title);
void        pw_evaluation_chart_add_bar          (PwEvaluationChart *self,
                                                  const char        *label,
                                                  double             value,
                                                  double             max,
                                                  const char        *value_text);
void        pw_evaluation_chart_set_distribution (PwEvaluationChart *self,
                                                  const guint       *counts);
void        pw_evaluation_chart_add_month        (PwEvaluationChart *self,
                                                  const char        *label,
                                                  guint              planned,
                                                  guint              held);
/* What the chart shows, in words: its text alternative for screen readers. */
void        pw_evaluation_chart_set_description  (PwEvaluationChart *self,
                                                  const char        *description);
const char *pw_evaluation_chart_get_description  (PwEvaluationChart *self);

G_END_DECLS
