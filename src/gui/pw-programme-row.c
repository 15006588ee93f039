/* pw-programme-row.c — one programme in the start page's list
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-programme-row"

#include <glib/gi18n.h>

#include "pw-gui-utils.h"
#include "pw-programme-row.h"

struct _PwProgrammeRow
{
  AdwActionRow  parent_instance;

  PwProgramme  *programme;

  /* Template widgets */
  GtkMenuButton *menu_button;
  GMenuModel    *row_menu;
};

G_DEFINE_FINAL_TYPE (PwProgrammeRow, pw_programme_row, ADW_TYPE_ACTION_ROW)

enum {
  PROP_0,
  PROP_PROGRAMME,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
forward_action (PwProgrammeRow *self,
                const char     *action_name)
{
  /* The start page does the work; the row only knows which programme. */
  gtk_widget_activate_action (GTK_WIDGET (self), action_name, "x",
                              pw_programme_get_id (self->programme));
}

static void
rename_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  forward_action (PW_PROGRAMME_ROW (widget), "start.rename");
}

static void
duplicate_activated (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  forward_action (PW_PROGRAMME_ROW (widget), "start.duplicate");
}

static void
delete_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  forward_action (PW_PROGRAMME_ROW (widget), "start.delete");
}

static void
pw_programme_row_constructed (GObject *object)
{
  PwProgrammeRow *self = PW_PROGRAMME_ROW (object);
  g_autofree char *dates = NULL;
  g_autofree char *subtitle = NULL;

  G_OBJECT_CLASS (pw_programme_row_parent_class)->constructed (object);

  dates = pw_format_date_range (pw_programme_get_start_date (self->programme),
                                pw_programme_get_end_date (self->programme));
  /* Translators: the kind of a program, then its dates */
  subtitle = g_strdup_printf (_("%s · %s"),
                              pw_programme_kind_to_label (pw_programme_get_kind (self->programme)),
                              dates);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self),
                                 pw_programme_get_name (self->programme));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self), subtitle);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self), "x",
                                    pw_programme_get_id (self->programme));
}

static void
pw_programme_row_dispose (GObject *object)
{
  PwProgrammeRow *self = PW_PROGRAMME_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PW_TYPE_PROGRAMME_ROW);
  g_clear_object (&self->programme);

  G_OBJECT_CLASS (pw_programme_row_parent_class)->dispose (object);
}

static void
pw_programme_row_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  PwProgrammeRow *self = PW_PROGRAMME_ROW (object);

  switch (prop_id)
    {
    case PROP_PROGRAMME:
      g_value_set_object (value, self->programme);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_programme_row_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  PwProgrammeRow *self = PW_PROGRAMME_ROW (object);

  switch (prop_id)
    {
    case PROP_PROGRAMME:
      self->programme = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
pw_programme_row_class_init (PwProgrammeRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = pw_programme_row_constructed;
  object_class->dispose = pw_programme_row_dispose;
  object_class->get_property = pw_programme_row_get_property;
  object_class->set_property = pw_programme_row_set_property;

  properties [PROP_PROGRAMME] = pw_param_spec_programme ();

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/pw-programme-row.ui");
  gtk_widget_class_bind_template_child (widget_class, PwProgrammeRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, PwProgrammeRow, row_menu);

  gtk_widget_class_install_action (widget_class, "row.rename", NULL, rename_activated);
  gtk_widget_class_install_action (widget_class, "row.duplicate", NULL, duplicate_activated);
  gtk_widget_class_install_action (widget_class, "row.delete", NULL, delete_activated);
}

static void
pw_programme_row_init (PwProgrammeRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* A start page of many programmes builds no menu until one is opened. */
  pw_menu_button_set_menu_lazily (self->menu_button, self->row_menu);
}

GtkWidget *
pw_programme_row_new (PwProgramme *programme)
{
  g_return_val_if_fail (PW_IS_PROGRAMME (programme), NULL);

  return g_object_new (PW_TYPE_PROGRAMME_ROW,
                       "programme", programme,
                       NULL);
}

PwProgramme *
pw_programme_row_get_programme (PwProgrammeRow *self)
{
  g_return_val_if_fail (PW_IS_PROGRAMME_ROW (self), NULL);

  return self->programme;
}
