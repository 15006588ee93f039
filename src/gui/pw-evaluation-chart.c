/* pw-evaluation-chart.c — bars, a 1–5 distribution or a monthly trend,
 * drawn with GtkSnapshot in the widget's own colours
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-evaluation-chart"

#include <string.h>

#include "pw-evaluation-chart.h"

typedef struct
{
  char   *label;
  double  value;
  double  max;
  char   *value_text;
} Bar;

struct _PwEvaluationChart
{
  GtkWidget    parent_instance;

  PwChartKind  kind;
  GArray      *bars;        /* Bar; for the trend: value planned, max held */
  guint        counts[5];
  char        *description;
};

G_DEFINE_FINAL_TYPE (PwEvaluationChart, pw_evaluation_chart, GTK_TYPE_WIDGET)

#define BAR_ROW_HEIGHT  28
#define LABEL_WIDTH     190
#define VALUE_WIDTH     110
#define TREND_HEIGHT    170
#define DIST_HEIGHT     90

/* Static helpers */

static void
clear_bar (gpointer data)
{
  Bar *bar = data;

  g_free (bar->label);
  g_free (bar->value_text);
}

/* The style's colours, so the chart is right in light and dark alike. */
static void
get_colours (PwEvaluationChart *self,
             GdkRGBA           *fg,
             GdkRGBA           *accent,
             GdkRGBA           *track)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  gtk_style_context_get_color (context, fg);
  if (!gtk_style_context_lookup_color (context, "accent_color", accent))
    *accent = *fg;
  *track = *fg;
  track->alpha *= 0.12f;
}

static void
append_text (GtkWidget     *widget,
             GtkSnapshot   *snapshot,
             const char    *text,
             float          x,
             float          y,
             int            width,
             PangoAlignment align,
             const GdkRGBA *colour)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);

  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, align);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, colour);
  gtk_snapshot_restore (snapshot);
}

static void
snapshot_bars (PwEvaluationChart *self,
               GtkSnapshot       *snapshot,
               int                width)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA fg, accent, track, muted;
  int label_w = LABEL_WIDTH;
  float bar_x, bar_w;

  /* Labels are as wide as the longest needs (translations run long), up
   * to two fifths of the chart; beyond that they are ellipsized. */
  for (guint i = 0; i < self->bars->len; i++)
    {
      g_autoptr(PangoLayout) layout =
        gtk_widget_create_pango_layout (widget, g_array_index (self->bars, Bar, i).label);
      int w = 0;

      pango_layout_get_pixel_size (layout, &w, NULL);
      label_w = MAX (label_w, w);
    }
  label_w = MIN (label_w, MAX (LABEL_WIDTH, width * 2 / 5));
  bar_x = label_w + 8;
  bar_w = MAX (40, width - label_w - VALUE_WIDTH - 16);

  get_colours (self, &fg, &accent, &track);
  muted = fg;
  muted.alpha *= 0.7f;

  for (guint i = 0; i < self->bars->len; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      float y = i * BAR_ROW_HEIGHT;
      float fraction = bar->max > 0 ? (float)CLAMP (bar->value / bar->max, 0.0, 1.0) : 0;

      append_text (widget, snapshot, bar->label, 0, y + 4, label_w, PANGO_ALIGN_LEFT, &fg);
      gtk_snapshot_append_color (snapshot, &track, &GRAPHENE_RECT_INIT (bar_x, y + 8, bar_w, 12));
      if (fraction > 0)
        gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (bar_x, y + 8, bar_w * fraction, 12));
      append_text (widget, snapshot, bar->value_text, bar_x + bar_w + 8, y + 4, VALUE_WIDTH,
                   PANGO_ALIGN_LEFT, &muted);
    }
}

static void
snapshot_distribution (PwEvaluationChart *self,
                       GtkSnapshot       *snapshot,
                       int                width)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA fg, accent, track;
  guint most = 0;
  const float col_w = 36, gap = 10, max_h = DIST_HEIGHT - 22;

  get_colours (self, &fg, &accent, &track);
  for (guint i = 0; i < 5; i++)
    most = MAX (most, self->counts[i]);

  for (guint i = 0; i < 5; i++)
    {
      float x = i * (col_w + gap);
      float h = most > 0 ? max_h * self->counts[i] / most : 0;
      char n[4];

      g_snprintf (n, sizeof n, "%u", i + 1);
      gtk_snapshot_append_color (snapshot, &track, &GRAPHENE_RECT_INIT (x, 0, col_w, max_h));
      gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (x, max_h - h, col_w, h));
      append_text (widget, snapshot, n, x, max_h + 3, (int)col_w, PANGO_ALIGN_CENTER, &fg);
    }
}

static void
snapshot_trend (PwEvaluationChart *self,
                GtkSnapshot       *snapshot,
                int                width)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GdkRGBA fg, accent, track, planned;
  const float chart_h = TREND_HEIGHT - 24;
  guint n = self->bars->len;
  double most = 1;
  float slot;

  if (n == 0)
    return;

  get_colours (self, &fg, &accent, &track);
  planned = accent;
  planned.alpha *= 0.35f;

  for (guint i = 0; i < n; i++)
    most = MAX (most, MAX (g_array_index (self->bars, Bar, i).value, g_array_index (self->bars, Bar, i).max));

  slot = (float)width / n;
  gtk_snapshot_append_color (snapshot, &track, &GRAPHENE_RECT_INIT (0, chart_h, width, 1));
  for (guint i = 0; i < n; i++)
    {
      Bar *bar = &g_array_index (self->bars, Bar, i);
      float w = MAX (2, slot * 0.3f);
      float x = i * slot + slot * 0.18f;
      float hp = (float)(chart_h * bar->value / most);
      float hh = (float)(chart_h * bar->max / most);

      gtk_snapshot_append_color (snapshot, &planned, &GRAPHENE_RECT_INIT (x, chart_h - hp, w, hp));
      gtk_snapshot_append_color (snapshot, &accent, &GRAPHENE_RECT_INIT (x + w, chart_h - hh, w, hh));
      append_text (widget, snapshot, bar->label, i * slot, chart_h + 4, (int)slot, PANGO_ALIGN_CENTER, &fg);
    }
}

/* Overrides */

static void
pw_evaluation_chart_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  PwEvaluationChart *self = PW_EVALUATION_CHART (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->kind == PW_CHART_DISTRIBUTION ? 5 * 46 : self->kind == PW_CHART_BARS ? LABEL_WIDTH + VALUE_WIDTH + 80 : 240;
      *natural = MAX (*minimum, 480);
    }
  else
    {
      switch (self->kind)
        {
        case PW_CHART_BARS:
          *minimum = *natural = (int)self->bars->len * BAR_ROW_HEIGHT;
          break;
        case PW_CHART_DISTRIBUTION:
          *minimum = *natural = DIST_HEIGHT;
          break;
        case PW_CHART_TREND:
        default:
          *minimum = *natural = TREND_HEIGHT;
          break;
        }
    }
}

static void
pw_evaluation_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  PwEvaluationChart *self = PW_EVALUATION_CHART (widget);
  int width = gtk_widget_get_width (widget);

  switch (self->kind)
    {
    case PW_CHART_BARS:
      snapshot_bars (self, snapshot, width);
      break;
    case PW_CHART_DISTRIBUTION:
      snapshot_distribution (self, snapshot, width);
      break;
    case PW_CHART_TREND:
    default:
      snapshot_trend (self, snapshot, width);
      break;
    }
}

static void
pw_evaluation_chart_css_changed (GtkWidget         *widget,
                                 GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (pw_evaluation_chart_parent_class)->css_changed (widget, change);
  /* Dark style or a new accent: draw again in the new colours. */
  gtk_widget_queue_draw (widget);
}

static void
pw_evaluation_chart_finalize (GObject *object)
{
  PwEvaluationChart *self = PW_EVALUATION_CHART (object);

  g_clear_pointer (&self->bars, g_array_unref);
  g_clear_pointer (&self->description, g_free);

  G_OBJECT_CLASS (pw_evaluation_chart_parent_class)->finalize (object);
}

static void
pw_evaluation_chart_class_init (PwEvaluationChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = pw_evaluation_chart_finalize;
  widget_class->measure = pw_evaluation_chart_measure;
  widget_class->snapshot = pw_evaluation_chart_snapshot;
  widget_class->css_changed = pw_evaluation_chart_css_changed;

  gtk_widget_class_set_css_name (widget_class, "chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pw_evaluation_chart_init (PwEvaluationChart *self)
{
  self->bars = g_array_new (FALSE, TRUE, sizeof (Bar));
  g_array_set_clear_func (self->bars, clear_bar);
}

/* Public API */

GtkWidget *
pw_evaluation_chart_new (PwChartKind  kind,
                         const char  *title)
{
  PwEvaluationChart *self = g_object_new (PW_TYPE_EVALUATION_CHART, NULL);

  self->kind = kind;
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  return GTK_WIDGET (self);
}

void
pw_evaluation_chart_add_bar (PwEvaluationChart *self,
                             const char        *label,
                             double             value,
                             double             max,
                             const char        *value_text)
{
  Bar bar = { g_strdup (label), value, max, g_strdup (value_text) };

  g_return_if_fail (PW_IS_EVALUATION_CHART (self));
  g_array_append_val (self->bars, bar);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
pw_evaluation_chart_set_distribution (PwEvaluationChart *self,
                                      const guint       *counts)
{
  g_return_if_fail (PW_IS_EVALUATION_CHART (self));
  memcpy (self->counts, counts, sizeof self->counts);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pw_evaluation_chart_add_month (PwEvaluationChart *self,
                               const char        *label,
                               guint              planned,
                               guint              held)
{
  Bar bar = { g_strdup (label), planned, held, NULL };

  g_return_if_fail (PW_IS_EVALUATION_CHART (self));
  g_array_append_val (self->bars, bar);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
pw_evaluation_chart_set_description (PwEvaluationChart *self,
                                     const char        *description)
{
  g_return_if_fail (PW_IS_EVALUATION_CHART (self));

  g_free (self->description);
  self->description = g_strdup (description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);
}

const char *
pw_evaluation_chart_get_description (PwEvaluationChart *self)
{
  g_return_val_if_fail (PW_IS_EVALUATION_CHART (self), NULL);
  return self->description;
}
