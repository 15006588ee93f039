/* pw-force-field-diagram.c — a force-field analysis drawn as arrows
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The change sits on a centre line. The forces for it push from the left,
 * the forces against it from the right, each arrow as long as its
 * strength. Drawn with render nodes only, in the theme's own colours.
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-force-field-diagram"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "pw-force-field-diagram.h"

#define HEADER_HEIGHT 28
#define ROW_HEIGHT    44
#define SHAFT_HEIGHT  10
#define HEAD_HALF     11
#define SIDE_MARGIN   12
#define CENTRE_GAP    4

struct _PwForceFieldDiagram
{
  GtkWidget    parent_instance;

  PwWorksheet *worksheet;
  GPtrArray   *watched;   /* PwForce whose notify we follow */
  char        *summary;
};

G_DEFINE_FINAL_TYPE (PwForceFieldDiagram, pw_force_field_diagram, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_WORKSHEET,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static guint
n_forces (PwForceFieldDiagram *self,
          PwForceDirection     direction)
{
  if (self->worksheet == NULL)
    return 0;

  return g_list_model_get_n_items (pw_worksheet_get_forces (self->worksheet, direction));
}

static void
update_summary (PwForceFieldDiagram *self)
{
  int total_for = 0;
  int total_against = 0;

  if (self->worksheet != NULL)
    {
      total_for = pw_worksheet_get_total (self->worksheet, PW_FORCE_FOR);
      total_against = pw_worksheet_get_total (self->worksheet, PW_FORCE_AGAINST);
    }

  g_free (self->summary);
  /* Translators: the text alternative of the force-field diagram */
  self->summary = g_strdup_printf (_("Forces for total %d, against total %d"), total_for, total_against);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->summary,
                                  -1);
}

static void
unwatch_forces (PwForceFieldDiagram *self)
{
  for (guint i = 0; i < self->watched->len; i++)
    g_signal_handlers_disconnect_by_data (self->watched->pdata[i], self);
  g_ptr_array_set_size (self->watched, 0);
}

static void
force_changed_cb (PwForceFieldDiagram *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
watch_forces (PwForceFieldDiagram *self)
{
  unwatch_forces (self);

  if (self->worksheet == NULL)
    return;

  for (guint d = PW_FORCE_FOR; d <= PW_FORCE_AGAINST; d++)
    {
      GListModel *forces = pw_worksheet_get_forces (self->worksheet, d);
      guint n = g_list_model_get_n_items (forces);

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(PwForce) force = g_list_model_get_item (forces, i);

          g_signal_connect_swapped (force, "notify", G_CALLBACK (force_changed_cb), self);
          g_ptr_array_add (self->watched, g_object_ref (force));
        }
    }
}

/* Signal callbacks */

static void
totals_changed_cb (PwForceFieldDiagram *self)
{
  update_summary (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
forces_changed_cb (PwForceFieldDiagram *self)
{
  watch_forces (self);
  update_summary (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
dark_changed_cb (PwForceFieldDiagram *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* Drawing */

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *out)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, out))
    gtk_style_context_get_color (context, out);
}

/* A triangle pointing along x: a square turned by 45° and cut in half. */
static void
append_head (GtkSnapshot   *snapshot,
             const GdkRGBA *color,
             float          tip_x,
             float          y,
             gboolean       pointing_right)
{
  float side = HEAD_HALF * G_SQRT2;
  float base_x = pointing_right ? tip_x - HEAD_HALF : tip_x;

  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (base_x, y - HEAD_HALF, HEAD_HALF, 2 * HEAD_HALF));
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (pointing_right ? tip_x - HEAD_HALF : tip_x + HEAD_HALF, y));
  gtk_snapshot_rotate (snapshot, 45);
  gtk_snapshot_append_color (snapshot, color, &GRAPHENE_RECT_INIT (-side / 2, -side / 2, side, side));
  gtk_snapshot_restore (snapshot);
  gtk_snapshot_pop (snapshot);
}

static void
append_text (GtkSnapshot   *snapshot,
             GtkWidget     *widget,
             const char    *text,
             const GdkRGBA *color,
             float          x,
             float          y,
             int            width,
             gboolean       bold,
             PangoAlignment alignment)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, NULL);

  /* The people's own words: never markup. */
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_width (layout, MAX (width, 1) * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
  if (bold)
    {
      PangoAttrList *attrs = pango_attr_list_new ();

      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_attributes (layout, attrs);
      pango_attr_list_unref (attrs);
    }

  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
draw_side (PwForceFieldDiagram *self,
           GtkSnapshot         *snapshot,
           PwForceDirection     direction,
           const GdkRGBA       *arrow,
           const GdkRGBA       *text)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GListModel *forces = pw_worksheet_get_forces (self->worksheet, direction);
  guint n = g_list_model_get_n_items (forces);
  float centre = gtk_widget_get_width (widget) / 2.0f;
  float span = centre - SIDE_MARGIN - CENTRE_GAP;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(PwForce) force = g_list_model_get_item (forces, i);
      int strength = pw_force_get_strength (force);
      const char *description = pw_force_get_description (force);
      float length = MAX (span * strength / PW_FORCE_STRENGTH_MAX, HEAD_HALF + 2);
      float top = HEADER_HEIGHT + i * ROW_HEIGHT;
      float y = top + ROW_HEIGHT - SHAFT_HEIGHT - 4;
      g_autofree char *label = NULL;

      /* Translators: a force's strength and what it is, above its arrow */
      label = g_strdup_printf (_("%d · %s"), strength,
                               description != NULL && *description ? description : _("(not described)"));

      if (direction == PW_FORCE_FOR)
        {
          float tip = centre - CENTRE_GAP;

          gtk_snapshot_append_color (snapshot, arrow,
                                     &GRAPHENE_RECT_INIT (tip - length, y - SHAFT_HEIGHT / 2.0f,
                                                          length - HEAD_HALF, SHAFT_HEIGHT));
          append_head (snapshot, arrow, tip, y, TRUE);
          append_text (snapshot, widget, label, text, SIDE_MARGIN, top + 2,
                       (int) (span - 4), FALSE, PANGO_ALIGN_RIGHT);
        }
      else
        {
          float tip = centre + CENTRE_GAP;

          gtk_snapshot_append_color (snapshot, arrow,
                                     &GRAPHENE_RECT_INIT (tip + HEAD_HALF, y - SHAFT_HEIGHT / 2.0f,
                                                          length - HEAD_HALF, SHAFT_HEIGHT));
          append_head (snapshot, arrow, tip, y, FALSE);
          append_text (snapshot, widget, label, text, tip + 4, top + 2,
                       (int) (span - 4), FALSE, PANGO_ALIGN_LEFT);
        }
    }
}

static void
pw_force_field_diagram_snapshot (GtkWidget   *widget,
                                 GtkSnapshot *snapshot)
{
  PwForceFieldDiagram *self = PW_FORCE_FIELD_DIAGRAM (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  float centre = width / 2.0f;
  GdkRGBA fg, line, for_color, against_color;
  g_autofree char *for_label = NULL;
  g_autofree char *against_label = NULL;

  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &fg);
  lookup_color (widget, "success_color", &for_color);
  lookup_color (widget, "warning_color", &against_color);
  line = fg;
  line.alpha *= 0.55f;

  if (self->worksheet == NULL)
    return;

  for_label = g_strdup_printf (_("For: %d"), pw_worksheet_get_total (self->worksheet, PW_FORCE_FOR));
  against_label = g_strdup_printf (_("Against: %d"), pw_worksheet_get_total (self->worksheet, PW_FORCE_AGAINST));
  append_text (snapshot, widget, for_label, &fg, SIDE_MARGIN, 4,
               (int) (centre - SIDE_MARGIN - CENTRE_GAP - 4), TRUE, PANGO_ALIGN_RIGHT);
  append_text (snapshot, widget, against_label, &fg, centre + CENTRE_GAP + 4, 4,
               (int) (centre - SIDE_MARGIN - CENTRE_GAP - 4), TRUE, PANGO_ALIGN_LEFT);

  /* The change itself: the line both sides push against. */
  gtk_snapshot_append_color (snapshot, &line, &GRAPHENE_RECT_INIT (centre - 1, 2, 2, height - 4));

  draw_side (self, snapshot, PW_FORCE_FOR, &for_color, &fg);
  draw_side (self, snapshot, PW_FORCE_AGAINST, &against_color, &fg);
}

static void
pw_force_field_diagram_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  PwForceFieldDiagram *self = PW_FORCE_FIELD_DIAGRAM (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = 240;
      *natural = 560;
    }
  else
    {
      guint rows = MAX (MAX (n_forces (self, PW_FORCE_FOR), n_forces (self, PW_FORCE_AGAINST)), 1);

      *minimum = *natural = HEADER_HEIGHT + rows * ROW_HEIGHT + 8;
    }
}

/* Overrides */

static void
pw_force_field_diagram_dispose (GObject *object)
{
  PwForceFieldDiagram *self = PW_FORCE_FIELD_DIAGRAM (object);

  pw_force_field_diagram_set_worksheet (self, NULL);

  G_OBJECT_CLASS (pw_force_field_diagram_parent_class)->dispose (object);
}

static void
pw_force_field_diagram_finalize (GObject *object)
{
  PwForceFieldDiagram *self = PW_FORCE_FIELD_DIAGRAM (object);

  g_clear_pointer (&self->watched, g_ptr_array_unref);
  g_clear_pointer (&self->summary, g_free);

  G_OBJECT_CLASS (pw_force_field_diagram_parent_class)->finalize (object);
}

static void
pw_force_field_diagram_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  PwForceFieldDiagram *self = PW_FORCE_FIELD_DIAGRAM (object);

  switch (prop_id)
    {
    case PROP_WORKSHEET:
      g_value_set_object (value, self->worksheet);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_force_field_diagram_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  PwForceFieldDiagram *self = PW_FORCE_FIELD_DIAGRAM (object);

  switch (prop_id)
    {
    case PROP_WORKSHEET:
      pw_force_field_diagram_set_worksheet (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_force_field_diagram_class_init (PwForceFieldDiagramClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_force_field_diagram_dispose;
  object_class->finalize = pw_force_field_diagram_finalize;
  object_class->get_property = pw_force_field_diagram_get_property;
  object_class->set_property = pw_force_field_diagram_set_property;

  widget_class->snapshot = pw_force_field_diagram_snapshot;
  widget_class->measure = pw_force_field_diagram_measure;

  properties [PROP_WORKSHEET] =
    g_param_spec_object ("worksheet", NULL, NULL,
                         PW_TYPE_WORKSHEET,
                         (G_PARAM_READWRITE |
                          G_PARAM_EXPLICIT_NOTIFY |
                          G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "forcefielddiagram");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
pw_force_field_diagram_init (PwForceFieldDiagram *self)
{
  self->watched = g_ptr_array_new_with_free_func (g_object_unref);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Force-field diagram"),
                                  -1);
  update_summary (self);

  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (dark_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/* Public API */

GtkWidget *
pw_force_field_diagram_new (void)
{
  return g_object_new (PW_TYPE_FORCE_FIELD_DIAGRAM, NULL);
}

PwWorksheet *
pw_force_field_diagram_get_worksheet (PwForceFieldDiagram *self)
{
  g_return_val_if_fail (PW_IS_FORCE_FIELD_DIAGRAM (self), NULL);

  return self->worksheet;
}

void
pw_force_field_diagram_set_worksheet (PwForceFieldDiagram *self,
                                      PwWorksheet         *worksheet)
{
  g_return_if_fail (PW_IS_FORCE_FIELD_DIAGRAM (self));
  g_return_if_fail (worksheet == NULL || PW_IS_WORKSHEET (worksheet));
  g_return_if_fail (worksheet == NULL || pw_worksheet_get_kind (worksheet) == PW_WORKSHEET_FORCE_FIELD);

  if (self->worksheet == worksheet)
    return;

  unwatch_forces (self);
  if (self->worksheet != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->worksheet, self);
      for (guint d = PW_FORCE_FOR; d <= PW_FORCE_AGAINST; d++)
        g_signal_handlers_disconnect_by_data (pw_worksheet_get_forces (self->worksheet, d), self);
    }

  g_set_object (&self->worksheet, worksheet);

  if (worksheet != NULL)
    {
      g_signal_connect_swapped (worksheet, "notify::balance", G_CALLBACK (totals_changed_cb), self);
      g_signal_connect_swapped (worksheet, "notify::total-for", G_CALLBACK (totals_changed_cb), self);
      g_signal_connect_swapped (worksheet, "notify::total-against", G_CALLBACK (totals_changed_cb), self);
      for (guint d = PW_FORCE_FOR; d <= PW_FORCE_AGAINST; d++)
        g_signal_connect_swapped (pw_worksheet_get_forces (worksheet, d), "items-changed",
                                  G_CALLBACK (forces_changed_cb), self);
      watch_forces (self);
    }

  update_summary (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_WORKSHEET]);
}

const char *
pw_force_field_diagram_get_summary (PwForceFieldDiagram *self)
{
  g_return_val_if_fail (PW_IS_FORCE_FIELD_DIAGRAM (self), NULL);

  return self->summary;
}
