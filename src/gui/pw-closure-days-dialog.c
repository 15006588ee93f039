/* pw-closure-days-dialog.c — a programme's closure days, to add and remove
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every change is written at once; the Schedule section follows through
 * the store's "changed::meeting".
 */
#include "config.h"

#define G_LOG_DOMAIN "pw-closure-days-dialog"

#include <glib/gi18n.h>

#include "pw-closure-days-dialog.h"
#include "pw-gui-utils.h"
#include "pw-schedule.h"

struct _PwClosureDaysDialog
{
  AdwWindow            parent_instance;

  PwStore             *store;
  PwProgramme         *programme;
  GPtrArray           *day_rows;

  AdwToastOverlay     *toast_overlay;
  AdwPreferencesGroup *days_group;
  GtkMenuButton       *date_button;
  GtkCalendar         *calendar;
  AdwEntryRow         *label_row;
};

G_DEFINE_FINAL_TYPE (PwClosureDaysDialog, pw_closure_days_dialog, ADW_TYPE_WINDOW)

/* Helpers */

static char *
calendar_iso_date (GtkCalendar *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);

  return g_date_time_format (date, "%Y-%m-%d");
}

static void
show_error (PwClosureDaysDialog *self,
            const GError        *error)
{
  adw_toast_overlay_add_toast (self->toast_overlay, pw_toast_new_plain (error->message));
}

static GtkWidget *
day_row_new (PwClosureDaysDialog *self,
             const char          *day)
{
  g_autofree char *title = pw_format_date (day, FALSE);
  g_autofree char *label = pw_schedule_closure_get_label (self->store, pw_programme_get_id (self->programme), day, NULL);
  g_autofree char *escaped = g_markup_escape_text (label ? label : "", -1);
  g_autofree char *remove_name = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);

  /* Translators: the button that removes a closure day, "Remove December 25, 2026" */
  remove_name = g_strdup_printf (_("Remove %s"), title);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (remove, _("Remove Closure Day"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_name, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "closures.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "s", day);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

  return row;
}

static void
reload (PwClosureDaysDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) days = NULL;

  for (guint i = 0; i < self->day_rows->len; i++)
    adw_preferences_group_remove (self->days_group, self->day_rows->pdata[i]);
  g_ptr_array_set_size (self->day_rows, 0);

  days = pw_schedule_closures_get (self->store, pw_programme_get_id (self->programme), &error);
  if (days == NULL)
    {
      show_error (self, error);
      return;
    }

  for (guint i = 0; days[i] != NULL; i++)
    {
      GtkWidget *row = day_row_new (self, days[i]);

      adw_preferences_group_add (self->days_group, row);
      g_ptr_array_add (self->day_rows, row);
    }

  if (days[0] == NULL)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No closure days yet"));
      gtk_widget_add_css_class (row, "dim-label");
      adw_preferences_group_add (self->days_group, row);
      g_ptr_array_add (self->day_rows, row);
    }
}

static void
update_date_button (PwClosureDaysDialog *self)
{
  g_autofree char *day = calendar_iso_date (self->calendar);
  g_autofree char *label = pw_format_date (day, FALSE);

  gtk_menu_button_set_label (self->date_button, label);
}

/* Signal callbacks */

static void
store_changed_cb (PwClosureDaysDialog *self,
                  const char          *table)
{
  if (g_str_equal (table, "meeting") || g_str_equal (table, "*"))
    reload (self);
}

static void
day_selected_cb (PwClosureDaysDialog *self)
{
  update_date_button (self);
  gtk_menu_button_popdown (self->date_button);
}

static void
label_activated_cb (PwClosureDaysDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "closures.add", NULL);
}

/* Actions */

static void
add_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  PwClosureDaysDialog *self = PW_CLOSURE_DAYS_DIALOG (widget);
  g_autofree char *day = calendar_iso_date (self->calendar);
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_row))));
  g_autoptr(GError) error = NULL;

  if (!pw_schedule_closure_add (self->store, pw_programme_get_id (self->programme), day, label, &error))
    {
      show_error (self, error);
      return;
    }

  gtk_editable_set_text (GTK_EDITABLE (self->label_row), "");
  /* The store's signal reloads the list; a store in a transaction has not
   * sent it yet. */
  reload (self);
}

static void
remove_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  PwClosureDaysDialog *self = PW_CLOSURE_DAYS_DIALOG (widget);
  g_autoptr(GError) error = NULL;

  if (!pw_schedule_closure_remove (self->store, pw_programme_get_id (self->programme),
                                   g_variant_get_string (parameter, NULL), &error))
    show_error (self, error);

  reload (self);
}

/* Overrides */

static void
pw_closure_days_dialog_dispose (GObject *object)
{
  PwClosureDaysDialog *self = PW_CLOSURE_DAYS_DIALOG (object);

  g_clear_pointer (&self->day_rows, g_ptr_array_unref);
  g_clear_object (&self->programme);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (pw_closure_days_dialog_parent_class)->dispose (object);
}

static void
pw_closure_days_dialog_class_init (PwClosureDaysDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = pw_closure_days_dialog_dispose;

  gtk_widget_class_install_action (widget_class, "closures.add", NULL, add_activated);
  gtk_widget_class_install_action (widget_class, "closures.remove", "s", remove_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
pw_closure_days_dialog_init (PwClosureDaysDialog *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *page = adw_preferences_page_new ();
  GtkWidget *add_group = adw_preferences_group_new ();
  GtkWidget *date_row = adw_action_row_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *add_button = gtk_button_new_with_mnemonic (_("_Add"));

  self->day_rows = g_ptr_array_new ();

  gtk_window_set_title (GTK_WINDOW (self), _("Closure Days"));
  gtk_window_set_default_size (GTK_WINDOW (self), 440, 560);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  self->days_group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (self->days_group, _("Closure Days"));
  adw_preferences_group_set_description (self->days_group, _("No meeting is planned on these days."));

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (add_group), _("Add a Closure Day"));

  self->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->calendar), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date"), -1);
  gtk_popover_set_child (GTK_POPOVER (popover), GTK_WIDGET (self->calendar));
  self->date_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_popover (self->date_button, popover);
  gtk_widget_set_valign (GTK_WIDGET (self->date_button), GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->date_button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date"), -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (date_row), _("Date"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (date_row), GTK_WIDGET (self->date_button));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (date_row), GTK_WIDGET (self->date_button));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), date_row);

  self->label_row = ADW_ENTRY_ROW (adw_entry_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->label_row), _("Label, for example “Christmas Day”"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), GTK_WIDGET (self->label_row));

  gtk_widget_set_halign (add_button, GTK_ALIGN_END);
  gtk_widget_set_margin_top (add_button, 12);
  gtk_widget_add_css_class (add_button, "suggested-action");
  gtk_widget_set_tooltip_text (add_button, _("Add the Closure Day"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (add_button), "closures.add");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (add_group), add_button);

  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (add_group));
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), self->days_group);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_widget_set_vexpand (page, TRUE);
  gtk_box_append (GTK_BOX (box), page);
  self->toast_overlay = ADW_TOAST_OVERLAY (adw_toast_overlay_new ());
  adw_toast_overlay_set_child (self->toast_overlay, box);
  adw_window_set_content (ADW_WINDOW (self), GTK_WIDGET (self->toast_overlay));

  g_signal_connect_object (self->calendar, "day-selected", G_CALLBACK (day_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->label_row, "entry-activated", G_CALLBACK (label_activated_cb),
                           self, G_CONNECT_SWAPPED);
  update_date_button (self);
}

/* Public API */

GtkWidget *
pw_closure_days_dialog_new (PwStore     *store,
                            PwProgramme *programme)
{
  PwClosureDaysDialog *self;

  g_return_val_if_fail (PW_IS_STORE (store), NULL);
  g_return_val_if_fail (PW_IS_PROGRAMME (programme), NULL);

  self = g_object_new (PW_TYPE_CLOSURE_DAYS_DIALOG, NULL);
  self->store = g_object_ref (store);
  self->programme = g_object_ref (programme);
  reload (self);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  return GTK_WIDGET (self);
}
